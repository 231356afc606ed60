"""The installed commands' entry points: dispatch on argv before any heavy import.

`serumdesk` with no arguments and `serumdesk-gui` open the app without importing the
command-line parser or the domain first; `serumdesk COMMAND …` runs a headless command.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn


def main() -> int:
    """`serumdesk`: the app with no arguments, else a headless command."""
    args = sys.argv[1:]
    if not args:
        from serumdesk.app import run_gui

        return run_gui(sys.argv)
    from serumdesk.cli.main import main as cli_main

    end_process(cli_main(args))


def end_process(code: int) -> NoReturn:
    """End a finished command's process without tearing the interpreter down.

    The command's output is written and its files are closed (every save is atomic); what
    is left is Python freeing each module and each object pydantic and the catalog built,
    one by one: ~25 ms, longer than the command itself. SerumDesk registers no exit
    handlers. (Instagram ends its workers the same way.) Output that cannot be flushed
    (a full disk, a reader that went away) changes the status: it was not written.
    """
    from serumdesk.cli.output import finish_output

    code = finish_output(code)
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
    os._exit(code)


def gui_main() -> int:
    """`serumdesk-gui`, for desktop launchers: always the app."""
    from serumdesk.app import run_gui

    return run_gui(sys.argv)


if __name__ == "__main__":
    raise SystemExit(main())
