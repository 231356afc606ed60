"""`serumdesk clinic …`: set, show and clear the clinic's details and the shared-computer setting."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from serumdesk.cli.errors import UsageError, UserError
from serumdesk.cli.options import Parser, path_option
from serumdesk.cli.output import say, write_json
from serumdesk.i18n import _

if TYPE_CHECKING:
    from serumdesk.domain.clinic.details import ClinicSettings
    from serumdesk.storage.clinic import ClinicStore


def clinic_store() -> ClinicStore:
    from serumdesk.storage.clinic import ClinicStore
    from serumdesk.storage.paths import UserPaths

    return ClinicStore(UserPaths.default().clinic_dir)


def current_settings(store: ClinicStore) -> ClinicSettings:
    """What is kept; a UserError says why the file cannot be used."""
    from serumdesk.domain.clinic.details import ClinicFileError

    try:
        return store.settings()
    except ClinicFileError as exc:
        raise UserError(
            _("{exc}\nFix it, or start again with: serumdesk clinic clear --all").format(exc=exc)
        ) from None


def set_details(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from serumdesk.domain.clinic.details import ClinicDetailsError, make_details
    from serumdesk.storage.clinic import ClinicStoreError, read_logo_file

    store = clinic_store()
    settings = current_settings(store)
    given: dict[str, str | None] = {k: getattr(args, k) for k in ("name", "address", "phone", "web")}
    changes_details = any(v is not None for v in given.values()) or args.logo or args.no_logo
    if not changes_details and args.shared_computer is None:
        raise UsageError(
            _(
                "give at least one detail to set (--name, --address, --phone, "
                "--web, --logo) or --shared-computer / --no-shared-computer"
            )
        )
    if args.logo and args.no_logo:
        raise UsageError(_("give --logo FILE or --no-logo, not both"))
    old = settings.details
    logo: bytes | None = None
    details = old
    if changes_details:
        if old is None and given["name"] is None:
            raise UsageError(_("no clinic is set yet: give its name with --name"))
        kind = None if args.no_logo or old is None else old.logo
        if args.logo:
            try:
                logo, kind = read_logo_file(args.logo)
            except ClinicStoreError as exc:
                raise UserError(str(exc)) from None
        merged = {k: v if v is not None else (getattr(old, k) if old else "") for k, v in given.items()}
        try:
            details = make_details(
                merged["name"], merged["address"], merged["phone"], merged["web"], logo=kind
            )
        except ClinicDetailsError as exc:
            raise UserError(_("{exc} Nothing was changed.").format(exc=exc)) from None
    shared = settings.shared_computer if args.shared_computer is None else args.shared_computer
    new = replace(settings, details=details, shared_computer=shared)
    try:
        store.save(new, logo)
    except ClinicStoreError as exc:
        raise UserError(str(exc)) from None
    say(_("Saved."))
    say(_describe(new))
    return 0


def _describe(settings: ClinicSettings) -> str:
    d = settings.details
    lines = []
    if d is None:
        lines.append(_("No clinic details are set: the sheet is a personal one."))
    else:
        lines.append(_("Clinic: {name}").format(name=d.name))
        lines += [f"  {line}" for line in d.contact_lines()]
        lines.append("  " + (_("Logo: {kind}").format(kind=d.logo.upper()) if d.logo else _("Logo: none")))
    lines.append(
        _(
            "Shared computer: on — every launch starts fresh, no profile is offered by "
            "name, and quitting asks whether to clear the answers"
        )
        if settings.shared_computer
        else _("Shared computer: off")
    )
    return "\n".join(lines)


def show(args: argparse.Namespace) -> int:
    settings = current_settings(clinic_store())
    if args.json:
        d = settings.details
        write_json(
            {
                "clinic": None
                if d is None
                else {
                    "name": d.name,
                    "address": d.address or None,
                    "phone": d.phone or None,
                    "web": d.web or None,
                    "logo": d.logo,
                },
                "shared_computer": settings.shared_computer,
            }
        )
        return 0
    say(_describe(settings))
    return 0


def clear(args: argparse.Namespace) -> int:
    from serumdesk.domain.clinic.details import ClinicSettings
    from serumdesk.storage.clinic import ClinicStoreError

    store = clinic_store()
    try:
        if args.all:
            store.save(ClinicSettings())
            say(_("Cleared the clinic's details, its logo and the shared-computer setting."))
            return 0
        kept = store.clear(current_settings(store))
    except ClinicStoreError as exc:
        raise UserError(str(exc)) from None
    said = _("Cleared the clinic's details and logo; the sheet is a personal one again.")
    if kept.shared_computer:
        said += " " + _(
            "The shared-computer setting stays on (turn it off with: serumdesk "
            "clinic set --no-shared-computer)."
        )
    say(said)
    return 0


def register(clinic: Parser) -> None:
    """Give `serumdesk clinic`'s parser its actions."""
    from serumdesk.cli.options import text_option

    actions = clinic.add_subparsers(
        dest="clinic_command", metavar=_("ACTION"), required=True, parser_class=Parser
    )
    put = actions.add_parser(
        "set",
        help=_("set the clinic's details, printed at the head of every sheet"),
        description=_(
            "Set the clinic's details once; the sheet prints them at its head. "
            "Give only what changes: other details are kept."
        ),
    )
    put.add_argument(
        "--name",
        type=text_option(_("the clinic's name")),
        help=_("the clinic's name (needed the first time)"),
    )
    put.add_argument("--address", metavar=_("TEXT"), help=_("its address, on one line ('' removes it)"))
    put.add_argument("--phone", metavar=_("TEXT"), help=_("its phone number ('' removes it)"))
    put.add_argument("--web", metavar=_("ADDRESS"), help=_("its web address ('' removes it)"))
    put.add_argument(
        "--logo",
        metavar=_("FILE"),
        type=path_option,
        help=_("a PNG or SVG logo (at most 512 KB; an SVG may not refer to other files)"),
    )
    put.add_argument("--no-logo", action="store_true", help=_("remove the logo"))
    shared = put.add_mutually_exclusive_group()
    shared.add_argument(
        "--shared-computer",
        dest="shared_computer",
        action="store_true",
        default=None,
        help=_(
            "a computer several people use: every launch "
            "starts fresh, no profile name shows before "
            "someone picks one, and quitting asks whether "
            "to clear the answers"
        ),
    )
    shared.add_argument(
        "--no-shared-computer",
        dest="shared_computer",
        action="store_false",
        help=_("turn the shared-computer setting off"),
    )
    put.set_defaults(func=set_details)

    listed = actions.add_parser("show", help=_("show the clinic's details and settings"))
    listed.add_argument("--json", action="store_true", help=_("print one JSON object"))
    listed.set_defaults(func=show)

    gone = actions.add_parser("clear", help=_("forget the clinic's details and logo"))
    gone.add_argument(
        "--all", action="store_true", help=_("the shared-computer setting too (and a damaged clinic file)")
    )
    gone.set_defaults(func=clear)
