"""Tests for serumdesk/questions."""
