"""Ranking as a whole: scores add up their reasons, order and exclusions match a plain
reference, and a prepared catalog ranks exactly as fresh products."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain.advice.cost import estimate_cost
from serumdesk.domain.advice.ranking import prepare, rank, rank_catalog
from serumdesk.domain.advice.rules import Situation, exclusion_reasons
from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.catalog.catalog_file import parse_product, product_adapter
from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.choices import Caution, Diet, Procedure, Sensitivity, SourceCategory, UseCase
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


def test_a_prepared_catalog_ranks_exactly_as_fresh_products(catalog_path: Path) -> None:
    answers = Answers(use_case=UseCase.POST_PROCEDURE, sensitivity=Sensitivity.HIGH,
                      budget_usd_per_month=100, cautions=frozenset({Caution.AUTOIMMUNE}))
    fresh = rank(load_catalog(catalog_path).products, answers)
    prepared_catalog = load_catalog(catalog_path)
    prepare(prepared_catalog)
    prepared = rank_catalog(prepared_catalog, answers)
    assert [(m.product.id, m.score, m.reasons, m.cautions) for m in prepared.matches] == \
        [(m.product.id, m.score, m.reasons, m.cautions) for m in fresh.matches]


# --- Ranking as a whole, against a plain reference --------------------------------------
# rank() adds up each product's points from shared, precomputed parts and orders by score
# in one pass; the reference words every reason and sorts the obvious way. Random products
# share many traits, so a part reused for the wrong product shows up as a wrong score.

_INGREDIENTS = ["glycolic acid", "retinol", "lavender oil", "parfum", "snow mushroom", "lanolin"]
_NEVER_HUMAN = {"plant-cell-culture", "plant-made-growth-factor", "non-biologic-alternative"}
_KINDS = ["exfoliating-acid", "retinoid", "essential-oil", "fragrance", "botanical"]


@st.composite
def _traits(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "source_category": draw(st.sampled_from(list(SourceCategory))).value,
        "human_derived": draw(st.booleans()), "animal_derived": draw(st.booleans()),
        "alternative": draw(st.sampled_from([None, "peptide", "hyaluronic-acid", "niacinamide"])),
        "named_in_guide": draw(st.booleans()), "fetal_cell_line": draw(st.booleans()),
        "minimal_formula": draw(st.booleans()),
        "fragrance_free": draw(st.sampled_from([True, False, None])),
        "irritants": draw(st.lists(st.builds(
            lambda ingredient, kind: {"ingredient": ingredient, "kind": kind},
            st.sampled_from(_INGREDIENTS), st.sampled_from(_KINDS)), max_size=3)),
        "use_cases": [u.value for u in draw(st.sets(st.sampled_from(list(UseCase)), min_size=1))],
        "usd": draw(st.sampled_from([20.0, 99.0, 100.0, 101.0, 250.0])),
    }


@st.composite
def _variants(draw: st.DrawFn, seeds: list[Product]) -> list[Product]:
    """Products that differ from one another in one trait each, so that most share all the
    others: the case where a score part reused across products could be wrong."""
    base = draw(_traits())
    products = []
    for i in range(draw(st.integers(1, 24))):
        traits = dict(base)
        changed = draw(st.sampled_from(sorted(base)))
        traits[changed] = draw(_traits())[changed]
        data = product_adapter().dump_python(draw(st.sampled_from(seeds)), mode="json")
        data.update({k: v for k, v in traits.items() if k != "usd"}, id=f"variant-{i}")
        data["price"]["usd"] = traits["usd"]
        # Keep to what the catalog's own checks allow.
        if data["source_category"] in _NEVER_HUMAN:
            data["human_derived"] = False
        data["fetal_cell_line"] = data["fetal_cell_line"] and data["human_derived"]
        data["vegan"] = data["vegan"] and not (data["human_derived"] or data["animal_derived"])
        if any(i["kind"] == "fragrance" for i in data["irritants"]):
            data["fragrance_free"] = False
        products.append(parse_product(data))
    return products


_ANSWERS = st.builds(
    Answers, use_case=st.sampled_from(list(UseCase)), sensitivity=st.sampled_from(list(Sensitivity)),
    diet=st.sampled_from(list(Diet)), cautions=st.frozensets(st.sampled_from(list(Caution))),
    allergens=st.lists(st.sampled_from(["Lavender", "acid", "LANOLIN", "mushroom", "zinc"]),
                       max_size=2).map(tuple),
    budget_usd_per_month=st.none() | st.sampled_from([0.0, 15.0, 60.0, 150.0]),
    procedure=st.none() | st.sampled_from(list(Procedure)),
    days_since_procedure=st.none() | st.integers(0, 30))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), answers=_ANSWERS)
def test_ranking_matches_a_plain_reference(catalog: Catalog, data: st.DataObject,
                                           answers: Answers) -> None:
    products = data.draw(_variants(list(catalog.products)))
    priced = data.draw(st.lists(st.sampled_from([p.id for p in products]), max_size=3))
    overrides = Overrides({pid: ProductOverride(price_usd=data.draw(st.sampled_from([5.0, 400.0])))
                           for pid in priced})
    varied = replace(catalog, products=products)
    prepare(varied)
    ranking = rank_catalog(varied, answers, overrides)

    situation = Situation.of(answers)
    left_out = {p.id for p in products if exclusion_reasons(p, situation)}
    assert {e.product.id for e in ranking.excluded} == left_out
    assert {m.product.id for m in ranking.matches} == {p.id for p in products} - left_out
    for match in ranking.matches:
        assert match.score == sum(r.points for r in match.reasons), match.product.id
        assert match.cost == estimate_cost(match.product, overrides.for_product(match.product.id))
        assert match.fits_use_case == (answers.use_case in match.product.use_cases)
    # Within budget first (when one is given), then by score, then cheaper, then by id.
    expected = sorted(ranking.matches, key=lambda m: (m.over_budget, -m.score,
                                                      m.cost.cost_per_month_usd, m.product.id))
    budget = answers.budget_usd_per_month
    for match in ranking.matches:
        assert match.over_budget == (budget is not None
                                     and match.cost.cost_per_month_usd > budget + 0.005)
    assert list(ranking.matches) == expected
    assert [m.rank for m in ranking.matches] == list(range(1, len(expected) + 1))
    fresh = rank(list(reversed(products)), answers, overrides)  # unprepared, other order
    assert [(m.product.id, m.score) for m in fresh.matches] == \
        [(m.product.id, m.score) for m in ranking.matches]


_PRICE = {"usd": 250.0, "provenance": {"kind": "sourced", "source": "test", "seen": "2026-01-01"},
          "size_ml": {"value": 30.0, "provenance": {"kind": "sourced", "source": "test",
                                                   "seen": "2026-01-01"}}}


@pytest.mark.parametrize("trait", [
    {"price": _PRICE}, {"alternative": "peptide"}, {"named_in_guide": True},
    {"minimal_formula": True},
    {"fragrance_free": True}, {"fragrance_free": False}, {"irritants": GLYCOLIC},
    {"irritants": [{"kind": "retinoid", "ingredient": "retinol"}]},
    {"irritants": [{"kind": "essential-oil", "ingredient": "lavender oil"}]},
    {"source_category": "plant-cell-culture"}, {"source_category": "exosome-rich-conditioned-media"},
    {"use_cases": ["post-procedure", "sensitive-barrier"]},
], ids=lambda trait: "-".join(f"{k}={v}" for k, v in trait.items())[:40])
def test_products_one_trait_apart_are_each_scored_on_their_own(trait: dict[str, object]) -> None:
    plain, different = make_product(id="plain"), make_product(id="different", **trait)
    for use_case in UseCase:
        for sensitivity in Sensitivity:
            for diet, cautions in ((Diet.ANY, frozenset()), (Diet.NO_HUMAN_DERIVED, frozenset(
                    {Caution.IMMUNOSUPPRESSED}))):
                answers = Answers(use_case=use_case, sensitivity=sensitivity, diet=diet,
                                  budget_usd_per_month=50, cautions=cautions)
                for match in rank([plain, different, make_product(id="plain-2")], answers).matches:
                    assert match.score == sum(r.points for r in match.reasons), (match, answers)


def test_matches_behave_as_a_sequence_and_are_made_once(catalog: Catalog) -> None:
    matches = rank(catalog.products, Answers()).matches
    assert len(matches) == len(catalog.products)  # no answer left anything out
    assert matches[0] is matches[0]  # the same Match each time: its worded reasons stay
    assert matches[-1] is matches[len(matches) - 1]
    assert matches[1:3] == (matches[1], matches[2])
    assert [m.rank for m in matches] == list(range(1, len(matches) + 1))
    with pytest.raises(IndexError):
        matches[len(matches)]
