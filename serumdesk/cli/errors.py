"""The errors a command reports to the person: printed without a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A problem the person can fix; printed without a traceback, exit status 1."""


class UsageError(UserError):
    """A wrong option or argument: printed like argparse's own errors, exit status 2."""
