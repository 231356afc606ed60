"""Dates as SerumDesk writes and counts them."""

from __future__ import annotations

import calendar
import datetime as dt

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
LONG_DATE_FORMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "en": ("{day} {month} {year}", _MONTHS),
    "es": (
        "{day} de {month} de {year}",
        (
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
    ),
}
"""A long date in each language SerumDesk can show, as CLDR writes it (day first in both).
Money is not here: figures stay US dollars in every language, and the sheet says so."""


def long_date(day: dt.date, language: str | None = None) -> str:
    """'22 November 2026' ('22 de noviembre de 2026' in Spanish; English for a language it
    does not know; by default the language text is made in, serumdesk/i18n.py). Not
    strftime('%B'): Qt sets the C library's locale, which would mix languages."""
    if language is None:
        from serumdesk.i18n import current_language

        language = current_language()
    pattern, months = LONG_DATE_FORMS.get(language, LONG_DATE_FORMS["en"])
    return pattern.format(day=day.day, month=months[day.month - 1], year=day.year)


def month_name(month: int, language: str | None = None) -> str:
    """The name of `month` (1–12) as a long date writes it in `language` (by default, the
    language text is made in)."""
    if language is None:
        from serumdesk.i18n import current_language

        language = current_language()
    return LONG_DATE_FORMS.get(language, LONG_DATE_FORMS["en"])[1][month - 1]


MONTH_YEAR_FORMS = {"en": "{month} {year}", "es": "{month} de {year}"}


def month_year(day: dt.date, language: str | None = None) -> str:
    """'July 2021' ('julio de 2021' in Spanish; by default in the language text is made in)."""
    if language is None:
        from serumdesk.i18n import current_language

        language = current_language()
    _pattern, months = LONG_DATE_FORMS.get(language, LONG_DATE_FORMS["en"])
    form = MONTH_YEAR_FORMS.get(language, MONTH_YEAR_FORMS["en"])
    return form.format(month=months[day.month - 1], year=day.year)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months later (the month's last day when it is shorter).

    Never raises: past the calendar's ends it gives its first or last day. Every date is
    bounded where it is read (numbers.DayRange), so that is a guard, not a meaning.
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    if year < dt.MINYEAR:
        return dt.date.min
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_days(day: dt.date, days: int) -> dt.date:
    """`day` plus `days` (either sign), held to the calendar's ends like add_months."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min
