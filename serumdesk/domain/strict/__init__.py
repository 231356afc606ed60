"""Strict-file helpers: field rules, strict JSON, numbers and plain text, for every file SerumDesk reads."""
