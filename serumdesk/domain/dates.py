"""Dates as SerumDesk writes and counts them."""

from __future__ import annotations

import calendar
import datetime as dt

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(day: dt.date) -> str:
    """'22 November 2026'. Not strftime('%B'): Qt sets the C library's locale, which would
    mix languages."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_year(day: dt.date) -> str:
    """'July 2021'."""
    return f"{_MONTHS[day.month - 1]} {day.year}"


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
