"""Every date SerumDesk reads is bounded by its kind, and no date arithmetic can leave the
calendar (issue #19: a price seen 9999-12-31 made every later run fail)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serumdesk.domain.catalog.catalog_file import CatalogError, parse_catalog
from serumdesk.domain.catalog.my_products_file import MyProductsError, parse_my_products
from serumdesk.domain.catalog.price_list import PriceListError, parse_price_list
from serumdesk.domain.dates import add_days, add_months
from serumdesk.domain.strict.numbers import FILE_DAY, NOTED_DAY, SOURCE_DAY, DayRange
from serumdesk.storage.paths import bundled_catalog_path

TODAY = dt.date.today()
OUTSIDE = [
    dt.date.min,
    dt.date(1, 1, 1),
    dt.date(999, 12, 31),
    dt.date(1899, 12, 31),
    TODAY + dt.timedelta(days=367),
    dt.date(3000, 1, 1),
    dt.date(9999, 12, 31),
]


def _catalog(change: Any) -> bytes:
    data = json.loads(bundled_catalog_path().read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data).encode()


def _price_list(**entry: Any) -> bytes:
    return json.dumps(
        {
            "kind": "price-list",
            "name": "C",
            "date": "2026-11-01",
            "prices": [{"id": "x-y", "usd": 10, **entry}],
        }
    ).encode()


def _serums(**entry: Any) -> bytes:
    return json.dumps(
        {
            "products": [
                {
                    "id": "mine-a",
                    "brand": "B",
                    "name": "N",
                    "price_usd": 10,
                    "size_ml": 10,
                    "entered": "2026-01-01",
                    "label": "Water",
                    **entry,
                }
            ]
        }
    ).encode()


def _set(path: tuple[Any, ...], day: str) -> Any:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = day

    return change


FILES = {
    "catalog updated": (lambda d: parse_catalog(_catalog(_set(("updated",), d))), CatalogError, "updated"),
    "price seen": (
        lambda d: parse_catalog(_catalog(_set(("products", 2, "price", "provenance", "seen"), d))),
        CatalogError,
        "seen",
    ),
    "study dated": (
        lambda d: parse_catalog(_catalog(_set(("products", 1, "evidence", "provenance", "seen"), d))),
        CatalogError,
        "seen",
    ),
    "price list dated": (
        lambda d: parse_price_list(json.dumps({**json.loads(_price_list()), "date": d}).encode()),
        PriceListError,
        "date",
    ),
    "listed price seen": (lambda d: parse_price_list(_price_list(seen=d)), PriceListError, "seen"),
    "your serum entered": (lambda d: parse_my_products(_serums(entered=d)), MyProductsError, "entered"),
    "your serum's price seen": (lambda d: parse_my_products(_serums(seen=d)), MyProductsError, "seen"),
}


@pytest.mark.parametrize("day", OUTSIDE)
@pytest.mark.parametrize("kind", list(FILES))
def test_a_date_outside_its_kind_is_refused_naming_the_field(kind: str, day: dt.date) -> None:
    read, error, field = FILES[kind]
    if kind == "study dated" and day == dt.date(1899, 12, 31):
        day = dt.date(1800, 1, 1)
    with pytest.raises(error) as info:
        read(day.isoformat())
    assert f"'{field}" in str(info.value) or f".{field}'" in str(info.value), str(info.value)
    assert day.isoformat() in str(info.value)


@pytest.mark.parametrize("kind", [k for k in FILES if k != "price list dated"])
@pytest.mark.parametrize("day", [dt.date(2000, 1, 1), TODAY, TODAY + dt.timedelta(days=300)])
def test_a_date_inside_its_kind_is_taken(kind: str, day: dt.date) -> None:
    read, _error, _field = FILES[kind]
    read(day.isoformat())


@given(st.sampled_from([SOURCE_DAY, FILE_DAY, NOTED_DAY]), st.dates(), st.integers(-600, 600))
def test_dates_a_kind_accepts_never_overflow_later(kind: DayRange, day: dt.date, months: int) -> None:
    try:
        kind.check(day)
    except ValueError:
        assert not kind.earliest <= day <= kind.latest()
        return
    assert add_months(day, months).year in range(1800, 2100)
    assert add_days(day, months * 400).year in range(1100, 2800)


@given(st.dates(), st.integers(-(10**7), 10**7))
def test_date_arithmetic_never_raises_anywhere(day: dt.date, amount: int) -> None:
    assert isinstance(add_months(day, amount), dt.date)
    assert isinstance(add_days(day, amount), dt.date)
