"""What clinic staff type when they print a sheet: for whom, by whom, notes and a follow-up date.

All of it optional: a blank is printed as a line to write on by hand. Checked here so the
print dialog and `serumdesk sheet` refuse the same things with the same words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from serumdesk.domain.clinic.amounts import AmountError, parse_day
from serumdesk.domain.clinic.details import ClinicDetails
from serumdesk.domain.figures import whole
from serumdesk.domain.strict.numbers import DayRange
from serumdesk.domain.strict.plain_text import has_visible_character, plain, plain_line
from serumdesk.i18n import N_, _

MAX_NAME_CHARS = 80
MAX_NOTES_CHARS = 700
MAX_NOTES_LINES = 6
LINE_CHARS = 110
"""The notes box holds MAX_NOTES_LINES lines of about LINE_CHARS characters: what fits
without pushing four products onto a third page (tests/ui/sheet/test_clinic_sheet.py)."""
FOLLOW_UP_YEARS = 2
FOLLOW_UP_DAY = DayRange(N_("The follow-up date"), ahead_days=365 * FOLLOW_UP_YEARS)
"""A follow-up is today or later, and no further away than this: beyond it is a typing slip
(2207 for 2027), not a plan."""


class HandoutError(ValueError):
    """Something typed for the sheet that cannot be printed; str() says what and why."""


@dataclass(frozen=True, slots=True)
class Handout:
    """The typed parts of a clinic's sheet; '' and None are left blank to write on."""

    prepared_for: str = ""
    prepared_by: str = ""
    notes: str = ""
    follow_up: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.prepared_for or self.prepared_by or self.notes or self.follow_up)


@dataclass(frozen=True, slots=True)
class ClinicSheet:
    """What a clinic's sheet adds: its details (None for a personal sheet with typed parts),
    whether a logo is drawn, and what was typed at print time (ui/sheet/clinic_parts.py
    renders it)."""

    details: ClinicDetails | None
    handout: Handout
    has_logo: bool = False

    @property
    def shown(self) -> bool:
        """Whether anything of the clinic's goes on the sheet (else it is the personal one)."""
        return self.details is not None or not self.handout.is_empty


def _name(text: str | None, what: str) -> str:
    cleaned = " ".join(plain_line(text or "").split())
    if cleaned and not has_visible_character(cleaned):
        cleaned = ""
    if len(cleaned) > MAX_NAME_CHARS:
        raise HandoutError(
            _("{what} is {len} characters long; it may be at most {MAX_NAME_CHARS}.").format(
                what=what, len=len(cleaned), MAX_NAME_CHARS=MAX_NAME_CHARS
            )
        )
    return cleaned


def _notes(text: str | None) -> str:
    lines = [" ".join(line.split()) for line in plain(text or "").replace("\t", " ").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    cleaned = "\n".join(lines)
    if len(cleaned) > MAX_NOTES_CHARS:
        raise HandoutError(
            _("The notes are {len} characters long; the sheet's box holds at most {MAX_NOTES_CHARS}.").format(
                len=whole(len(cleaned)), MAX_NOTES_CHARS=whole(MAX_NOTES_CHARS)
            )
        )
    printed = sum(max(1, -(-len(line) // LINE_CHARS)) for line in lines)
    if printed > MAX_NOTES_LINES:
        raise HandoutError(
            _(
                "The notes take {printed} lines on the sheet; its box holds "
                "{MAX_NOTES_LINES} lines of about {LINE_CHARS} characters."
            ).format(printed=printed, MAX_NOTES_LINES=MAX_NOTES_LINES, LINE_CHARS=LINE_CHARS)
        )
    return cleaned


def check_follow_up(day: dt.date, today: dt.date) -> dt.date:
    """`day` when it can be a follow-up: not before today, and within FOLLOW_UP_DAY."""
    if day < today:
        raise HandoutError(
            _("The follow-up date {isoformat} is in the past; give today or a later day.").format(
                isoformat=day.isoformat()
            )
        )
    if day > FOLLOW_UP_DAY.latest(today):
        raise HandoutError(
            _(
                "The follow-up date {isoformat} is more than {FOLLOW_UP_YEARS} years away; check the year."
            ).format(isoformat=day.isoformat(), FOLLOW_UP_YEARS=FOLLOW_UP_YEARS)
        )
    return day


def parse_follow_up(text: str, today: dt.date) -> dt.date:
    """A follow-up typed as 2027-01-15 (or an unambiguous 15.01.2027, 15/01/2027)."""
    try:
        day = parse_day(text)
    except AmountError as exc:
        raise HandoutError(_("The follow-up date: {exc}.").format(exc=exc)) from None
    return check_follow_up(day, today)


def make_handout(
    prepared_for: str | None = None,
    prepared_by: str | None = None,
    notes: str | None = None,
    follow_up: dt.date | None = None,
    *,
    today: dt.date,
) -> Handout:
    """A checked handout; HandoutError names the first part that cannot be printed."""
    return Handout(
        prepared_for=_name(prepared_for, _("The patient's name")),
        prepared_by=_name(prepared_by, _("The name of who prepared it")),
        notes=_notes(notes),
        follow_up=None if follow_up is None else check_follow_up(follow_up, today),
    )
