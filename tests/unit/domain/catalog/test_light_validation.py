"""Building the catalog's dataclasses from JSON with every rule of their types checked,
without pydantic: whatever it accepts, pydantic accepts as the same objects; anything else
raises, and catalog.py lets pydantic say what is wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from serumdesk.domain.catalog.light_validation import build_checked as build
from serumdesk.domain.catalog.product import Evidence, Price, Provenance
from serumdesk.domain.choices import EvidenceKind

SOURCED = {"kind": "sourced", "source": "a listing", "seen": "2026-01-02"}


def test_nested_types_enums_dates_and_defaults_are_built() -> None:
    price = build(
        Price,
        {
            "usd": 120,
            "provenance": SOURCED,
            "size_ml": {"value": 30, "provenance": {"kind": "estimate", "source": "a guess"}},
        },
    )
    assert price.usd == 120.0 and isinstance(price.usd, float)
    assert price.provenance == Provenance(kind="sourced", source="a listing", seen=dt.date(2026, 1, 2))
    assert price.size_ml.provenance.seen is None and price.size_ml.provenance.is_estimate
    evidence = build(Evidence, {"kind": "none", "summary": "none", "provenance": SOURCED})
    assert evidence.kind is EvidenceKind.NONE and evidence.peer_reviewed is False


@pytest.mark.parametrize(
    "bad",
    [
        {
            "usd": 120,
            "provenance": SOURCED,
            "size_ml": {"value": 30, "provenance": SOURCED},
            "extra": 1,
        },  # an unknown key
        {"usd": "120", "provenance": SOURCED, "size_ml": {"value": 30, "provenance": SOURCED}},
        {"usd": True, "provenance": SOURCED, "size_ml": {"value": 30, "provenance": SOURCED}},
        {
            "usd": 120,
            "provenance": {**SOURCED, "kind": "rumour"},
            "size_ml": {"value": 30, "provenance": SOURCED},
        },  # not in the Literal
        {
            "usd": 120,
            "provenance": {**SOURCED, "seen": "soon"},
            "size_ml": {"value": 30, "provenance": SOURCED},
        },
        {"usd": 120, "provenance": SOURCED},  # a field missing
        ["not", "an", "object"],
        {"usd": 0, "provenance": SOURCED, "size_ml": {"value": 30, "provenance": SOURCED}},
        {"usd": 1e12, "provenance": SOURCED, "size_ml": {"value": 30, "provenance": SOURCED}},
        {
            "usd": 120,
            "provenance": {**SOURCED, "source": "   "},
            "size_ml": {"value": 30, "provenance": SOURCED},
        },  # blank once trimmed
        {
            "usd": 120,
            "provenance": {**SOURCED, "seen": "20260102"},  # fromisoformat would
            "size_ml": {"value": 30, "provenance": SOURCED},
        },  # take it; pydantic not
    ],
)
def test_anything_unexpected_raises(bad: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        build(Price, bad)


def test_the_types_own_checks_still_run() -> None:
    with pytest.raises(ValueError, match="peer_reviewed"):
        build(Evidence, {"kind": "peer-reviewed-trial", "summary": "s", "provenance": SOURCED})
