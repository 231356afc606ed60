"""`serumdesk sheet`'s clinic options: prepared for / by, notes and the follow-up date, and
the clinic's details and logo to print at the head."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from serumdesk.cli.errors import UsageError
from serumdesk.cli.output import tell
from serumdesk.i18n import _

if TYPE_CHECKING:
    from serumdesk.domain.clinic.details import LogoKind
    from serumdesk.domain.clinic.handout import ClinicSheet


def add_handout_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(
        _("for a clinic's sheet"),
        _(
            "printed under the clinic's details (serumdesk clinic "
            "set); left blank to write on by hand when not given"
        ),
    )
    g.add_argument("--prepared-for", metavar=_("NAME"), help=_("the patient's name"))
    g.add_argument("--prepared-by", metavar=_("NAME"), help=_("who prepared the sheet"))
    g.add_argument(
        "--notes",
        metavar=_("TEXT"),
        help=_("notes for the notes box (\\n for a new line in most shells: $'first\\nsecond')"),
    )
    g.add_argument(
        "--follow-up", metavar=_("DATE"), help=_("the follow-up visit, YYYY-MM-DD (today or later)")
    )


def clinic_sheet_for(
    args: argparse.Namespace, today: dt.date | None = None
) -> tuple[ClinicSheet | None, tuple[bytes, LogoKind] | None]:
    """The clinic's parts of the sheet (None for the personal sheet), and the kept logo.
    A damaged clinic file is warned about, and the sheet printed without the clinic's header."""
    from serumdesk.cli.clinic import clinic_store
    from serumdesk.domain.clinic.details import ClinicFileError
    from serumdesk.domain.clinic.handout import ClinicSheet, HandoutError, make_handout, parse_follow_up

    day = today or dt.date.today()
    try:
        follow_up = parse_follow_up(args.follow_up, day) if args.follow_up else None
        handout = make_handout(
            args.prepared_for,
            args.prepared_by,
            args.notes.replace("\\n", "\n") if args.notes else None,
            follow_up,
            today=day,
        )
    except HandoutError as exc:
        raise UsageError(str(exc)) from None
    store = clinic_store()
    try:
        settings = store.settings()
    except ClinicFileError as exc:
        tell(
            _("serumdesk: warning: {exc}\nThe sheet is printed without the clinic's details.").format(exc=exc)
        )
        settings = None
    details = settings.details if settings else None
    clinic = ClinicSheet(details, handout)
    if not clinic.shown:
        return None, None
    logo = store.logo(settings) if settings else None
    if details is not None and details.logo and logo is None:
        tell(
            _(
                "serumdesk: warning: the clinic's logo cannot be read or used any more; the "
                "sheet is printed without it. Set it again with: serumdesk clinic set --logo "
                "FILE"
            )
        )
    return clinic, logo
