"""Dates as SerumDesk writes them (English whatever the locale) and counts months."""

from __future__ import annotations

import datetime as dt

import pytest

from serumdesk.domain.dates import add_months, long_date


def test_long_date_is_english_whatever_the_c_locale() -> None:
    assert long_date(dt.date(2026, 11, 2)) == "2 November 2026"


@pytest.mark.parametrize("day, months, expected", [
    (dt.date(2026, 11, 25), 6, dt.date(2027, 5, 25)),
    (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),   # February is shorter: its last day
    (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),   # a leap year
    (dt.date(2027, 12, 15), 12, dt.date(2028, 12, 15)),
])
def test_add_months_counts_calendar_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected
