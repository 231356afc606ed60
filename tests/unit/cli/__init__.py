"""Tests for serumdesk/cli, run in-process (no Qt: the sheet command is left to tests/e2e)."""
