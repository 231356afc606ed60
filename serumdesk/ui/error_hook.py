"""An error SerumDesk did not foresee, said in plain words in a dialog: never a traceback on
screen. The details go to standard error only when SERUMDESK_DEBUG is set."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from serumdesk.i18n import N_, _

Show = Callable[[str], None]
"""Shows a plain message to the person (a dialog in the app; a test passes its own)."""

UNEXPECTED = N_(
    "SerumDesk hit a problem it did not expect, and stopped what it was doing. Your saved "
    "profiles and files are unchanged. If it happens again, please report what you did just "
    "before it."
)


def error_hook(show: Show) -> Callable[[type[BaseException], BaseException, TracebackType | None], None]:
    """A sys.excepthook that tells the person in plain words, once at a time."""
    busy = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal busy
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        if os.environ.get("SERUMDESK_DEBUG"):
            traceback.print_exception(kind, value, tb)
        elif sys.stderr is not None:
            sys.stderr.write(
                _(
                    "SerumDesk: an unexpected problem ({kind}); set SERUMDESK_DEBUG=1 for the details.\n"
                ).format(kind=kind.__name__)
            )
        if busy:  # an error while the message is up: one message is enough
            return
        busy = True
        try:
            show(_(UNEXPECTED))
        finally:
            busy = False

    return hook


def install_error_hook() -> None:
    """Every error that reaches the event loop is said in a dialog (app.run_gui)."""
    sys.excepthook = error_hook(_warn)


def _warn(text: str) -> None:
    # Imported when an error comes, not at start-up: QMessageBox's first import costs ~15 ms
    # before the first paint (benchmark row 1).
    from serumdesk.ui.widgets.plain_dialogs import warn

    warn(None, _("Something went wrong"), text)
