"""A price or size seen more than 12 months ago, or undated, may have changed: said everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from serumdesk.domain.advice.cost import estimate_cost
from serumdesk.domain.answers import ProductOverride
from serumdesk.domain.catalog.freshness import is_stale, stale_words
from tests.unit.factories import make_product

TODAY = dt.date(2026, 11, 29)


def priced(price_seen: str | None, size_seen: str | None, kind: str = "sourced") -> Any:
    def prov(seen: str | None) -> dict[str, Any]:
        return {"kind": kind, "source": "test listing", "seen": seen}

    return make_product(
        price={
            "usd": 100.0,
            "provenance": prov(price_seen),
            "size_ml": {"value": 30.0, "provenance": prov(size_seen)},
        }
    )


@pytest.mark.parametrize(
    "price_seen, size_seen, expected",
    [
        ("2026-06-01", "2026-06-01", []),
        ("2025-11-29", "2025-11-29", []),  # exactly twelve months: not yet
        ("2025-11-28", "2026-06-01", ["Price seen November 2025 — may have changed."]),
        ("2021-07-01", "2021-07-01", ["Price and size seen July 2021 — may have changed."]),
        (None, None, ["Price and size undated — may have changed."]),
        (None, "2026-01-01", ["Price undated — may have changed."]),
        ("2026-01-01", None, ["Size undated — may have changed."]),
    ],
)
def test_stale_figures(price_seen: str | None, size_seen: str | None, expected: list[str]) -> None:
    product = priced(price_seen, size_seen)
    cost = estimate_cost(product)
    assert stale_words(product, cost, TODAY) == expected
    assert is_stale(product, cost, TODAY) == bool(expected)


def test_an_estimate_is_marked_as_an_estimate_not_as_stale() -> None:
    product = priced(None, None, kind="estimate")
    assert not is_stale(product, estimate_cost(product), TODAY)


def test_the_persons_own_price_is_never_stale() -> None:
    product = priced("2020-01-01", "2026-06-01")
    mine = estimate_cost(product, ProductOverride(price_usd=90.0))
    assert stale_words(product, mine, TODAY) == []
