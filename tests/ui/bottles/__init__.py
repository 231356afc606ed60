"""Tests for serumdesk/bottles."""
