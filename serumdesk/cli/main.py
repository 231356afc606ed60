"""`serumdesk COMMAND …`: parse the options and run one headless command."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence

from serumdesk import __version__
from serumdesk.cli import catalog, profile, recommend, sheet
from serumdesk.cli.errors import UsageError, UserError
from serumdesk.cli.options import Parser
from serumdesk.cli.output import tell


def build_parser() -> Parser:
    parser = Parser(
        prog="serumdesk",
        description="SerumDesk helps you choose a 'stem cell' skincare serum. "
        "With no command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"SerumDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in (recommend, catalog, sheet, profile):
        command.register(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse and run one command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from serumdesk.app import run_gui

        return run_gui([sys.argv[0], *argv])
    try:
        result: int = args.func(args)
        return result
    except UsageError as exc:
        tell(f"serumdesk {args.command}: error: {exc}")
        return 2
    except UserError as exc:
        tell(f"serumdesk: {exc}")
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file problem no command words itself: still plain words
        from serumdesk.storage.files import describe_os_error

        where = f"{exc.filename}: " if exc.filename else ""
        tell(f"serumdesk: {where}{describe_os_error(exc)}. Nothing was changed.")
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a terminal that is not UTF-8 still gets every line
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        return run(args)
    except SystemExit as exc:  # argparse's --help, --version and errors
        return exc.code if isinstance(exc.code, int) else 0
    except Exception as exc:
        tell(f"serumdesk: unexpected error: {type(exc).__name__}: {exc}\n"
             "Please report this; your data has not been changed.")
        return 1
