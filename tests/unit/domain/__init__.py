"""Tests for serumdesk/domain."""
