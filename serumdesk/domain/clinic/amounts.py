"""Numbers and dates as spreadsheets write them: "$1,234.50", "89,00", "30 ml", "01.11.2026".

A price sheet comes back from Excel, LibreOffice or Numbers in the format of whoever saved
it. These read what is unambiguous and say plainly what is not; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from serumdesk.domain.dates import month_name
from serumdesk.i18n import _

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_DIGITS = re.compile(r"\d[\d.,]*")
_GROUPED = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DAY_FIRST_DOTS = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_SLASHES = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_OTHER_CURRENCY = ("€", "£", "¥", "eur", "gbp", "cad", "aud", "chf", "mxn")


class AmountError(ValueError):
    """Text that is not the figure asked for; str() says why, without repeating the column."""


def parse_decimal(text: str, unit: str = "") -> float:
    """A positive number with either decimal mark: "1,234.50", "1.234,50", "89,00", "30".

    A single separator followed by exactly three digits groups thousands ("1,234" is 1234);
    followed by one or two it is the decimal mark ("89,5", "89.50"). `unit` ("ml") may
    follow the number.
    """
    compact = _SPACES.sub("", text)
    if unit and compact.lower().endswith(unit):
        compact = compact[: -len(unit)]
    if compact.startswith("-"):
        raise AmountError(_("'{text}' is below zero").format(text=text.strip()[:30]))
    if not _DIGITS.fullmatch(compact) or compact[-1] in ".,":
        raise AmountError(_("'{text}' is not a number").format(text=text.strip()[:30]))
    if len(compact) > 24:
        raise AmountError(_("'{compact}…' is too long to be a figure").format(compact=compact[:20]))
    marks = [ch for ch in compact if ch in ".,"]
    if not marks:
        return float(compact)
    last = marks[-1]
    whole, _mark, fraction = compact.rpartition(last)
    if len(set(marks)) == 2:  # "1,234.50" or "1.234,50": the last mark is the decimal one
        if marks.count(last) > 1 or not _GROUPED.fullmatch(whole):
            raise AmountError(
                _("'{text}' mixes its separators; write it as 1234.50").format(text=text.strip()[:30])
            )
        return float(re.sub(r"[.,]", "", whole) + "." + fraction)
    if len(marks) == 1 and len(fraction) in (1, 2):
        return float(f"{whole}.{fraction}")
    if _GROUPED.fullmatch(compact):  # "1,234", "1.234.567": thousands only
        return float(re.sub(r"[.,]", "", compact))
    raise AmountError(
        _("'{text}' is not a figure SerumDesk can read for sure; write it as 1234.50").format(
            text=text.strip()[:30]
        )
    )


def parse_price(text: str) -> float:
    """A price in US dollars: "$1,234.50", "US$ 89", "89,00", "89 USD"."""
    compact = _SPACES.sub("", text).lower()
    if any(mark in compact for mark in _OTHER_CURRENCY):
        raise AmountError(
            _("'{text}' is not in US dollars; SerumDesk keeps prices in US dollars").format(
                text=text.strip()[:30]
            )
        )
    for mark in ("us$", "usd", "$"):
        compact = compact.removeprefix(mark).removesuffix(mark)
    return parse_decimal(compact)


def parse_day(text: str) -> dt.date:
    """A date as 2026-11-01, 01.11.2026, or with slashes when only one reading is possible
    (13/11/2026, 11/13/2026). "01/11/2026" could be either day first or month first: refused."""
    cleaned = text.strip()
    try:
        if m := _ISO.fullmatch(cleaned):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DAY_FIRST_DOTS.fullmatch(cleaned):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _SLASHES.fullmatch(cleaned):
            first, second, year = int(m[1]), int(m[2]), int(m[3])
            if first > 12 >= second:
                return dt.date(year, second, first)
            if second > 12 >= first:
                return dt.date(year, first, second)
            if first == second:
                return dt.date(year, first, second)
            raise AmountError(
                _(
                    "'{cleaned}' could be {first} {month} or {second} {month2}; write it "
                    "as {year}-{second:02d}-{first:02d} (year, month, day)"
                ).format(
                    cleaned=cleaned,
                    first=first,
                    month=month_name(second),
                    second=second,
                    month2=month_name(first),
                    year=year,
                )
            )
    except ValueError as exc:
        if isinstance(exc, AmountError):
            raise
        raise AmountError(
            _("'{cleaned}' is not a day on the calendar").format(cleaned=cleaned[:30])
        ) from None
    raise AmountError(
        _("'{cleaned}' is not a date; write it as 2026-11-01 (year, month, day)").format(cleaned=cleaned[:30])
    )
