"""The installed commands' entry points: dispatch on argv before any heavy import.

`serumdesk` with no arguments and `serumdesk-gui` open the app without importing the
command-line parser or the domain first; `serumdesk COMMAND …` runs a headless command.
"""

from __future__ import annotations

import sys


def main() -> int:
    """`serumdesk`: the app with no arguments, else a headless command."""
    args = sys.argv[1:]
    if not args:
        from serumdesk.app import run_gui

        return run_gui(sys.argv)
    from serumdesk.cli.main import main as cli_main

    return cli_main(args)


def gui_main() -> int:
    """`serumdesk-gui`, for desktop launchers: always the app."""
    from serumdesk.app import run_gui

    return run_gui(sys.argv)


if __name__ == "__main__":
    raise SystemExit(main())
