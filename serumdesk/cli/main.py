"""`serumdesk COMMAND …`: parse the options and run one headless command."""

from __future__ import annotations

import gc
import io
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from serumdesk import __version__
from serumdesk.cli.errors import UsageError, UserError
from serumdesk.cli.options import Parser
from serumdesk.cli.output import SIGPIPE_STATUS, OutputFailed, tell

Register = Callable[[Parser], None]
"""A command module's `register`: gives the command's own parser its options and `func`."""


def _recommend() -> Register:
    from serumdesk.cli import recommend

    return recommend.register


def _catalog() -> Register:
    from serumdesk.cli import catalog

    return catalog.register


def _ingredients() -> Register:
    from serumdesk.cli import ingredients

    return ingredients.register


def _sheet() -> Register:
    from serumdesk.cli import sheet

    return sheet.register


def _profile() -> Register:
    from serumdesk.cli import profile

    return profile.register


class Command(NamedTuple):
    summary: str
    """The line `serumdesk --help` shows for the command."""
    load: Callable[[], Register]
    """Imports the command's module; only the command being run is imported."""


COMMANDS: dict[str, Command] = {
    "recommend": Command("rank the catalog for your answers", _recommend),
    "ingredients": Command("read an ingredient label: what each ingredient is, and the verdict",
                           _ingredients),
    "catalog": Command("check or describe catalog files", _catalog),
    "sheet": Command("write the printable comparison sheet as a PDF", _sheet),
    "profile": Command("save, list and reuse your answers", _profile),
}
"""Every command, in the order `serumdesk --help` lists them (pip's commands_dict, in small)."""


def named_command(argv: Sequence[str]) -> str | None:
    """The command `argv` runs: its first word that is not an option (the top level takes no
    option values)."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(complete: Sequence[str] | None = None) -> Parser:
    """The command-line parser. Each command in `complete` (every command when None) gets its
    options; the others only their name and summary, which is all `serumdesk --help` shows of
    them, so running one command does not import the modules of the others."""
    parser = Parser(
        prog="serumdesk",
        description="SerumDesk helps you choose a 'stem cell' skincare serum. "
        "With no command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"SerumDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, command in COMMANDS.items():
        command_parser = sub.add_parser(name, help=command.summary)
        if complete is None or name in complete:
            command.load()(command_parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse and run one command; returns the exit status."""
    command = named_command(argv)
    parser = build_parser([command] if command else [])
    args = parser.parse_args(argv)
    if args.command is None:
        from serumdesk.app import run_gui

        return run_gui([sys.argv[0], *argv])
    # The command runs once and the process exits. Loading pydantic and the catalog builds tens
    # of thousands of objects; looking for reference cycles among them as they are made costs
    # ~5 ms, more than the command's own work, to free memory the exit frees anyway.
    collecting = gc.isenabled()
    gc.disable()
    try:
        result: int = args.func(args)
        return result
    except UsageError as exc:
        tell(f"serumdesk {args.command}: error: {exc}")
        return 2
    except UserError as exc:
        tell(f"serumdesk: {exc}")
        return 1
    except OutputFailed as exc:
        tell(f"serumdesk: {exc}.")
        return 1
    except BrokenPipeError:  # the reader went away (`| head`): nothing to say, but not all said
        return SIGPIPE_STATUS
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file problem no command words itself: still plain words
        from serumdesk.storage.files import describe_os_error

        where = f"{exc.filename}: " if exc.filename else ""
        tell(f"serumdesk: {where}{describe_os_error(exc)}. Nothing was changed.")
        return 1
    except Exception as exc:
        from serumdesk.storage.profile_types import ProfileError
        from serumdesk.storage.user_catalog import UserCatalogError

        if isinstance(exc, (ProfileError, UserCatalogError)):  # worded by the store
            tell(f"serumdesk: {exc}")
            return 1
        raise
    finally:
        if collecting:  # run in-process (tests): leave the collector as it was
            gc.enable()


class _ClosedOutput(io.TextIOBase):
    """Standard output when the command was started without one: writing says so."""

    def write(self, text: str) -> int:
        raise OutputFailed("standard output is closed: there is nowhere to write the answer")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a terminal that is not UTF-8 still gets every line
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        sys.stdout = _ClosedOutput()
    try:
        return run(args)
    except SystemExit as exc:  # argparse's --help, --version and errors
        return exc.code if isinstance(exc.code, int) else 0
    except OutputFailed as exc:  # argparse's --help or --version to a closed output
        tell(f"serumdesk: {exc}.")
        return 1
    except BrokenPipeError:
        return SIGPIPE_STATUS
    except Exception as exc:
        tell(f"serumdesk: unexpected error: {type(exc).__name__}: {exc}\n"
             "Please report this; your data has not been changed.")
        return 1
