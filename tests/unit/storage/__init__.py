"""Tests for serumdesk/storage."""
