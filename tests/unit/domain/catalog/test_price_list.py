"""A clinic's price list laid over the catalog: validated, named on every price it sets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from serumdesk.domain.advice.cost import estimate_cost
from serumdesk.domain.advice.ranking import rank_catalog
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.price_list import PriceList, UnknownProducts, apply_price_list
from serumdesk.storage.data_files import load_catalog


def price_list(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "price-list",
        "name": "Riverside Dermatology",
        "date": "2026-11-01",
        "prices": [
            {"id": "skinmedica-tns-advanced-plus", "usd": 260},
            {"id": "symbiome-the-answer", "usd": 180, "size_ml": 15, "seen": "2026-10-15"},
        ],
    }
    data.update(changes)
    return data


def test_prices_come_from_the_list_with_its_name_and_date(catalog_path: Path) -> None:
    catalog = load_catalog(catalog_path)
    listed = apply_price_list(catalog, PriceList.model_validate(price_list()))
    tns = listed.by_id()["skinmedica-tns-advanced-plus"]
    assert tns.price.usd == 260
    assert tns.price.provenance.describe() == "Riverside Dermatology price list (2026-11-01)"
    assert tns.price.size_ml == catalog.by_id()["skinmedica-tns-advanced-plus"].price.size_ml
    symbiome = listed.by_id()["symbiome-the-answer"]
    assert (symbiome.price.usd, symbiome.price.size_ml.value) == (180, 15)
    assert symbiome.price.provenance.seen == dt.date(2026, 10, 15)
    assert estimate_cost(symbiome).price_per_ml_usd == pytest.approx(12)
    # Products the list does not name keep the catalog's price.
    untouched = "the-ordinary-niacinamide-zinc"
    assert listed.by_id()[untouched].price == catalog.by_id()[untouched].price
    # The ranking sees the new prices (a prepared layout is not carried over).
    rank_catalog(catalog, Answers())
    ranked = {m.product.id: m for m in rank_catalog(listed, Answers()).matches}
    assert ranked["skinmedica-tns-advanced-plus"].cost.inputs.price_usd == 260


def test_an_unknown_id_is_an_error_that_lists_the_known_ones(catalog_path: Path) -> None:
    catalog = load_catalog(catalog_path)
    bad = PriceList.model_validate(price_list(prices=[{"id": "no-such-serum", "usd": 10}]))
    with pytest.raises(UnknownProducts, match=r"no-such-serum.*Known ids: angela-caglia"):
        apply_price_list(catalog, bad)


@pytest.mark.parametrize(
    "changes",
    [
        {"prices": []},
        {"prices": [{"id": "a", "usd": 10}, {"id": "a", "usd": 12}]},
        {"prices": [{"id": "a", "usd": True}]},
        {"prices": [{"id": "a", "usd": "100"}]},
        {"prices": [{"id": "a", "usd": 0}]},
        {"prices": [{"id": "a", "usd": 10, "size_ml": -1}]},
        {"prices": [{"id": "a", "usd": float("inf")}]},
        {"prices": [{"id": "A B", "usd": 10}]},
        {"kind": "catalog"},
        {"extra": 1},
        {"name": ""},
    ],
)
def test_bad_lists_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        PriceList.model_validate(price_list(**changes))


def test_a_wrong_id_is_said_in_words_not_as_a_pattern() -> None:
    import pytest

    from serumdesk.domain.catalog.price_list import PriceListError, parse_price_list

    raw = (
        b'{"kind": "price-list", "name": "R", "date": "2026-11-01", '
        b'"prices": [{"id": "Kate Somerville", "usd": 10}]}'
    )
    with pytest.raises(PriceListError) as caught:
        parse_price_list(raw, "p.json")
    [problem] = caught.value.problems
    assert "'Kate Somerville' is not an id: ids are lowercase letters" in problem
    assert "pattern" not in problem and "^" not in problem
