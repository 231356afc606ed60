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
    """The same day `months` calendar months later (the month's last day when it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
