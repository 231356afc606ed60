"""Prices, sizes and dates as spreadsheets in different countries write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serumdesk.domain.clinic.amounts import AmountError, parse_day, parse_decimal, parse_price


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$1,234.50", 1234.5),
        ("1.234,50", 1234.5),
        ("89,00", 89.0),
        ("89.5", 89.5),
        ("US$ 89", 89.0),
        ("89 USD", 89.0),
        ("1,234", 1234.0),
        ("1\u00a0234,50", 1234.5),
        ("295", 295.0),
        ("0,5", 0.5),
    ],
)
def test_prices_in_us_and_european_spreadsheet_formats(text: str, value: float) -> None:
    assert parse_price(text) == value


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("€89", "not in US dollars"),
        ("-3", "below zero"),
        ("abc", "not a number"),
        ("1,2,3", "write it as 1234.50"),
        ("1.234.5,6,7", "mixes"),
        ("=1+2", "not a number"),
    ],
)
def test_a_price_that_cannot_be_read_for_sure_is_refused(text: str, words: str) -> None:
    with pytest.raises(AmountError, match=words):
        parse_price(text)


def test_a_size_may_carry_its_unit() -> None:
    assert parse_decimal("30 ml", "ml") == 30.0
    assert parse_decimal("28,4ml", "ml") == 28.4


@given(st.integers(min_value=1, max_value=99_999_99))
def test_every_price_in_cents_reads_back_from_both_formats(cents: int) -> None:
    dollars, rest = divmod(cents, 100)
    us = f"${dollars:,}.{rest:02d}"
    european = f"{dollars:,}".replace(",", ".") + f",{rest:02d}"
    assert round(parse_price(us) * 100) == cents
    assert round(parse_price(european) * 100) == cents


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-01", dt.date(2026, 11, 1)),
        ("01.11.2026", dt.date(2026, 11, 1)),
        ("13/11/2026", dt.date(2026, 11, 13)),
        ("11/13/2026", dt.date(2026, 11, 13)),
        ("05/05/2026", dt.date(2026, 5, 5)),
    ],
)
def test_dates_that_have_one_reading(text: str, day: dt.date) -> None:
    assert parse_day(text) == day


def test_a_date_with_two_readings_is_refused_with_both() -> None:
    with pytest.raises(AmountError, match="1 November or 11 January"):
        parse_day("01/11/2026")
    with pytest.raises(AmountError, match="not a day on the calendar"):
        parse_day("2026-02-30")
