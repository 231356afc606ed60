"""The errors a command reports to the person: printed without a traceback."""

from __future__ import annotations

from serumdesk.i18n import _
from serumdesk.storage.atomic import DestinationExists, SaveError


class UserError(Exception):
    """A problem the person can fix; printed without a traceback, exit status 1."""


class UsageError(UserError):
    """A wrong option or argument: printed like argparse's own errors, exit status 2."""


def save_failed(exc: SaveError) -> UserError:
    """A file a command was to write was not written: why, and for a taken name what to do."""
    if isinstance(exc, DestinationExists):
        return UserError(_("{path} already exists; add --force to replace it.").format(path=exc.path))
    return UserError(str(exc))
