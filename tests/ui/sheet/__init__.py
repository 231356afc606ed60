"""Tests for serumdesk/sheet."""
