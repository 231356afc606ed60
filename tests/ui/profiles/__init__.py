"""Tests for serumdesk/profiles."""
