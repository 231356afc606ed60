"""Headless commands over the same domain as the app (`serumdesk recommend`, `sheet`, …)."""
