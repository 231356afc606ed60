"""`serumdesk COMMAND …`: parse the options and run one headless command."""

from __future__ import annotations

import gc
import io
import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from serumdesk import __version__
from serumdesk.cli.argparse_words import use_serumdesk_catalogue
from serumdesk.cli.errors import UsageError, UserError
from serumdesk.cli.options import Parser
from serumdesk.cli.output import SIGPIPE_STATUS, OutputFailed, tell
from serumdesk.i18n import N_, _

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


def _clinic() -> Register:
    from serumdesk.cli import clinic

    return clinic.register


class Command(NamedTuple):
    summary: str
    """The line `serumdesk --help` shows for the command."""
    load: Callable[[], Register]
    """Imports the command's module; only the command being run is imported."""


COMMANDS: dict[str, Command] = {
    "recommend": Command(N_("rank the catalog for your answers"), _recommend),
    "ingredients": Command(
        N_("read an ingredient label: what each ingredient is, and the verdict"), _ingredients
    ),
    "catalog": Command(N_("list products and prices; check catalog files"), _catalog),
    "sheet": Command(N_("write the printable comparison sheet as a PDF"), _sheet),
    "profile": Command(N_("save, list and reuse your answers"), _profile),
    "clinic": Command(N_("a clinic's details for its sheets; shared computer"), _clinic),
}
"""Every command, in the order `serumdesk --help` lists them (pip's commands_dict, in small)."""


TOP_LEVEL_VALUES = frozenset({"--language"})
"""Top-level options followed by a value (`--language es`): the value is not the command."""


def named_command(argv: Sequence[str]) -> str | None:
    """The command `argv` runs: its first word that is neither an option nor a top-level
    option's value."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in TOP_LEVEL_VALUES:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def language_asked(argv: Sequence[str]) -> str | None:
    """The value of the top-level `--language` in `argv` (before the command's name)."""
    for index, word in enumerate(argv):
        if word == "--language":
            return argv[index + 1] if index + 1 < len(argv) else None
        if word.startswith("--language="):
            return word.split("=", 1)[1]
        if not word.startswith("-"):
            return None  # the command: what follows is its own
    return None


def build_parser(complete: Sequence[str] | None = None) -> Parser:
    """The command-line parser. Each command in `complete` (every command when None) gets its
    options; the others only their name and summary, which is all `serumdesk --help` shows of
    them, so running one command does not import the modules of the others."""
    use_serumdesk_catalogue()
    parser = Parser(
        prog="serumdesk",
        description=_(
            "SerumDesk helps you choose a 'stem cell' skincare serum. With no command it opens the app."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"SerumDesk {__version__}",
        help=_("show SerumDesk's version and exit"),
    )
    parser.add_argument(
        "--language",
        metavar=_("LANG"),
        help=_(
            "the language to write in, such as es (default: your "
            "session's, when SerumDesk has it; else English)"
        ),
    )
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    for name, command in COMMANDS.items():
        command_parser = sub.add_parser(name, help=_(command.summary))
        if complete is None or name in complete:
            command.load()(command_parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse and run one command; returns the exit status."""
    command = named_command(argv)
    asks_help = not {"-h", "--help"}.isdisjoint(argv)
    if command is not None or asks_help:  # before the parser is built: its help is written in it
        try:
            choose_language(language_asked(argv))
        except UsageError as exc:
            tell(_("serumdesk: error: {exc}").format(exc=exc))
            return 2
    parser = build_parser([command] if command else [])
    args = parser.parse_args(argv)
    if args.command is None:
        from serumdesk.app import run_gui

        return run_gui([sys.argv[0], *argv], language=args.language)
    # The command runs once and the process exits. Loading pydantic and the catalog builds tens
    # of thousands of objects; looking for reference cycles among them as they are made costs
    # ~5 ms, more than the command's own work, to free memory the exit frees anyway.
    collecting = gc.isenabled()
    gc.disable()
    try:
        result: int = args.func(args)
        return result
    except UsageError as exc:
        tell(_("serumdesk {command}: error: {exc}").format(command=args.command, exc=exc))
        return 2
    except UserError as exc:
        tell(_("serumdesk: {exc}").format(exc=exc))
        return 1
    except OutputFailed as exc:
        tell(_("serumdesk: {exc}.").format(exc=exc))
        return 1
    except BrokenPipeError:  # the reader went away (`| head`): nothing to say, but not all said
        return SIGPIPE_STATUS
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a file problem no command words itself: still plain words
        from serumdesk.storage.files import describe_os_error

        where = f"{exc.filename}: " if exc.filename else ""
        tell(
            _("serumdesk: {where}{reason}. Nothing was changed.").format(
                where=where, reason=describe_os_error(exc)
            )
        )
        return 1
    except Exception as exc:
        from serumdesk.storage.profile_types import ProfileError
        from serumdesk.storage.user_catalog import UserCatalogError

        if isinstance(exc, (ProfileError, UserCatalogError)):  # worded by the store
            tell(_("serumdesk: {exc}").format(exc=exc))
            return 1
        raise
    finally:
        if collecting:  # run in-process (tests): leave the collector as it was
            gc.enable()


def choose_language(asked: str | None) -> str:
    """Install the language asked for (UsageError when SerumDesk does not have it), else the
    session's when SerumDesk has it, else English."""
    from serumdesk import i18n
    from serumdesk.storage.paths import locale_dir

    folder = locale_dir()
    if asked is None:
        return i18n.install(i18n.language_from_environment(), folder)
    try:
        return i18n.install(i18n.check_language(asked, folder), folder)
    except i18n.LanguageError as exc:
        raise UsageError(_("--language: {exc}").format(exc=exc)) from None


class _ClosedOutput(io.TextIOBase):
    """Standard output when the command was started without one: writing says so."""

    def write(self, text: str) -> int:
        raise OutputFailed(_("standard output is closed: there is nowhere to write the answer"))


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
        tell(_("serumdesk: {exc}.").format(exc=exc))
        return 1
    except BrokenPipeError:
        return SIGPIPE_STATUS
    except Exception as exc:
        tell(
            _(
                "serumdesk: unexpected error: {__name__}: {exc}\nPlease report this; your data "
                "has not been changed."
            ).format(__name__=type(exc).__name__, exc=exc)
        )
        return 1
