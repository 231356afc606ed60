"""Tests for serumdesk/results."""
