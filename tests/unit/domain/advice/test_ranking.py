"""Ranking as a whole: the same order whatever the catalog order, and every score adds up
its reasons."""

from __future__ import annotations

from pathlib import Path

import pytest

from serumdesk.domain.advice.ranking import rank
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import Caution, Diet, Sensitivity, UseCase
from serumdesk.storage.data_files import load_catalog
from tests.unit.factories import make_product

GLYCOLIC = [{"kind": "exfoliating-acid", "ingredient": "glycolic acid"}]


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


def test_same_answers_same_order_whatever_the_catalog_order(catalog: Catalog) -> None:
    answers = Answers(use_case=UseCase.HYDRATION)
    forward = [m.product.id for m in rank(catalog.products, answers).matches]
    backward = [m.product.id for m in rank(list(reversed(catalog.products)), answers).matches]
    assert forward == backward
    assert [m.rank for m in rank(catalog.products, answers).matches] == list(range(1, len(forward) + 1))


_PRICE = {
    "usd": 250.0,
    "provenance": {"kind": "sourced", "source": "test", "seen": "2026-01-01"},
    "size_ml": {"value": 30.0, "provenance": {"kind": "sourced", "source": "test", "seen": "2026-01-01"}},
}


@pytest.mark.parametrize(
    "trait",
    [
        {"price": _PRICE},
        {"alternative": "peptide"},
        {"named_in_guide": True},
        {"minimal_formula": True},
        {"fragrance_free": True},
        {"fragrance_free": False},
        {"irritants": GLYCOLIC},
        {"irritants": [{"kind": "retinoid", "ingredient": "retinol"}]},
        {"irritants": [{"kind": "essential-oil", "ingredient": "lavender oil"}]},
        {"source_category": "plant-cell-culture"},
        {"source_category": "exosome-rich-conditioned-media"},
        {"use_cases": ["post-procedure", "sensitive-barrier"]},
    ],
    ids=lambda trait: "-".join(f"{k}={v}" for k, v in trait.items())[:40],
)
def test_products_one_trait_apart_are_each_scored_on_their_own(trait: dict[str, object]) -> None:
    plain, different = make_product(id="plain"), make_product(id="different", **trait)
    for use_case in UseCase:
        for sensitivity in Sensitivity:
            for diet, cautions in (
                (Diet.ANY, frozenset()),
                (Diet.NO_HUMAN_DERIVED, frozenset({Caution.IMMUNOSUPPRESSED})),
            ):
                answers = Answers(
                    use_case=use_case,
                    sensitivity=sensitivity,
                    diet=diet,
                    budget_usd_per_month=50,
                    cautions=cautions,
                )
                for match in rank([plain, different, make_product(id="plain-2")], answers).matches:
                    assert match.score == sum(r.points for r in match.reasons), (match, answers)
