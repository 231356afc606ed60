"""Every rule from the guide, each with a case that fails when the rule breaks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.catalog import load_catalog
from serumdesk.domain.cautions import CautionLevel
from serumdesk.domain.choices import Active, Caution, Diet, Procedure, Sensitivity, SourceCategory, UseCase
from serumdesk.domain.cost import estimate_cost
from serumdesk.domain.product import Catalog, Product
from serumdesk.domain.rules import Match, rank

from .factories import make_product

HUMAN = {"source_category": "human-fibroblast-conditioned-media", "human_derived": True,
         "vegan": False}
GLYCOLIC = [{"kind": "exfoliating-acid", "ingredient": "glycolic acid"}]


def only_match(product: Product, answers: Answers) -> Match:
    ranking = rank([product], answers)
    assert not ranking.excluded, ranking.excluded
    return ranking.matches[0]


def excluded_reasons(product: Product, answers: Answers) -> list[str]:
    ranking = rank([product], answers)
    assert not ranking.matches
    return [r.text for r in ranking.excluded[0].reasons]


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


# --- Vegan and ethics -----------------------------------------------------------------

def test_vegan_excludes_human_derived_with_a_reason() -> None:
    reasons = excluded_reasons(make_product(**HUMAN), Answers(diet=Diet.VEGAN))
    assert any("human-derived" in r for r in reasons)


def test_vegan_excludes_animal_derived() -> None:
    product = make_product(animal_derived=True, vegan=False)
    reasons = excluded_reasons(product, Answers(diet=Diet.VEGAN))
    assert any("animal-derived" in r for r in reasons)


def test_no_human_derived_is_separate_from_vegan() -> None:
    animal = make_product(animal_derived=True, vegan=False)
    assert rank([animal], Answers(diet=Diet.NO_HUMAN_DERIVED)).matches  # stays in
    assert excluded_reasons(make_product(**HUMAN), Answers(diet=Diet.NO_HUMAN_DERIVED))


def test_vegan_with_unconfirmed_status_is_kept_but_flagged() -> None:
    match = only_match(make_product(vegan=False), Answers(diet=Diet.VEGAN))
    assert any(c.level is CautionLevel.ETHICS and "not confirmed" in c.text for c in match.cautions)


def test_plant_culture_gets_the_guides_ethical_compromise_credit() -> None:
    plant = make_product(source_category="plant-cell-culture")
    vegan = only_match(plant, Answers(diet=Diet.VEGAN))
    anyone = only_match(plant, Answers())
    assert vegan.score > anyone.score
    assert any("vegan" in r.text for r in vegan.reasons)


def test_ethics_notes_are_always_shown(catalog: Catalog) -> None:
    neocutis = catalog.by_id()["neocutis-bio-serum-firm"]
    match = only_match(neocutis, Answers())
    assert any("fetal" in c.text and c.level is CautionLevel.ETHICS for c in match.cautions)


# --- Medical cautions: shown, never hidden --------------------------------------------

@pytest.mark.parametrize("caution, word", [
    (Caution.PREGNANT_OR_BREASTFEEDING, "pregnant"),
    (Caution.AUTOIMMUNE, "autoimmune"),
    (Caution.IMMUNOSUPPRESSED, "transplant"),
])
def test_medical_cautions_put_a_clinician_note_on_human_derived(caution: Caution, word: str) -> None:
    match = only_match(make_product(**HUMAN), Answers(cautions=frozenset({caution})))
    clinician = [c for c in match.cautions if c.level is CautionLevel.CLINICIAN]
    assert len(clinician) == 1
    assert word in clinician[0].text and ("clinician" in clinician[0].text
                                          or "specialist" in clinician[0].text
                                          or "dermatologist" in clinician[0].text)


def test_medical_cautions_cover_lab_made_growth_factors_too() -> None:
    # Not human-derived, but a novel biological active: the guide's pregnancy caution applies.
    match = only_match(make_product(), Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING})))
    assert any(c.level is CautionLevel.CLINICIAN for c in match.cautions)


def test_medical_cautions_do_not_flag_non_biologic_alternatives() -> None:
    plain = make_product(source_category="non-biologic-alternative")
    match = only_match(plain, Answers(cautions=frozenset({Caution.AUTOIMMUNE})))
    assert not any(c.level is CautionLevel.CLINICIAN for c in match.cautions)


def test_medical_cautions_never_exclude_anything(catalog: Catalog) -> None:
    everyone = frozenset({Caution.PREGNANT_OR_BREASTFEEDING, Caution.AUTOIMMUNE,
                          Caution.IMMUNOSUPPRESSED})
    ranking = rank(catalog.products, Answers(cautions=everyone))
    assert not ranking.excluded
    assert len(ranking.matches) == len(catalog.products)
    for match in ranking.matches:
        if match.product.human_derived:
            levels = [c.level for c in match.cautions]
            assert levels.count(CautionLevel.CLINICIAN) == 3, match.product.id


# --- Allergens and fragrance ----------------------------------------------------------

def test_a_typed_allergen_excludes_a_product_listing_it_case_insensitively() -> None:
    product = make_product(key_ingredients=["Snow Mushroom Extract", "hyaluronic acid"])
    reasons = excluded_reasons(product, Answers(allergens=(" mushroom ",)))
    assert reasons == ["Lists “Snow Mushroom Extract”, which matches your allergy “mushroom”."]


def test_allergens_are_matched_against_irritants_too() -> None:
    product = make_product(irritants=GLYCOLIC)
    assert excluded_reasons(product, Answers(allergens=("glycolic",)))


def test_any_allergen_adds_a_check_the_full_label_caution() -> None:
    match = only_match(make_product(), Answers(allergens=("lanolin",)))
    assert any("lanolin" in c.text and c.level is CautionLevel.ALLERGY for c in match.cautions)


def test_fragrance_sensitivity_excludes_scented_formulas() -> None:
    scented = make_product(irritants=[{"kind": "fragrance", "ingredient": "parfum"}],
                           fragrance_free=False)
    answers = Answers(cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}))
    assert any("parfum" in r for r in excluded_reasons(scented, answers))


def test_fragrance_sensitivity_flags_unknown_fragrance_status() -> None:
    answers = Answers(cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}))
    unknown = only_match(make_product(fragrance_free=None), answers)
    known = only_match(make_product(fragrance_free=True), answers)
    assert any("fragrance" in c.text.lower() for c in unknown.cautions)
    assert not any("fragrance" in c.text.lower() for c in known.cautions)


# --- Sensitive skin and post-procedure ------------------------------------------------

@pytest.mark.parametrize("answers", [
    Answers(sensitivity=Sensitivity.HIGH),
    Answers(use_case=UseCase.SENSITIVE_BARRIER),
    Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=3),
])
def test_sensitive_skin_prefers_minimal_fragrance_free_and_penalises_acids(answers: Answers) -> None:
    minimal = make_product(id="minimal", minimal_formula=True, fragrance_free=True)
    acid = make_product(id="acid", irritants=GLYCOLIC)
    plain = make_product(id="plain")
    order = [m.product.id for m in rank([acid, plain, minimal], answers).matches]
    assert order == ["minimal", "plain", "acid"]
    acid_match = next(m for m in rank([acid], answers).matches)
    assert any("glycolic acid" in c.text for c in acid_match.cautions)


def test_acids_are_not_penalised_for_resilient_skin() -> None:
    acid = make_product(irritants=GLYCOLIC)
    low = only_match(acid, Answers(sensitivity=Sensitivity.LOW))
    high = only_match(acid, Answers(sensitivity=Sensitivity.HIGH))
    assert low.score > high.score
    assert not any(c.level is CautionLevel.IRRITATION for c in low.cautions)


def test_post_procedure_window_ends_after_two_weeks() -> None:
    acid = make_product(irritants=GLYCOLIC)
    fresh = only_match(acid, Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=5,
                                     sensitivity=Sensitivity.LOW))
    later = only_match(acid, Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=30,
                                     sensitivity=Sensitivity.LOW))
    assert any("freshly treated" in c.text for c in fresh.cautions)
    assert not any("freshly treated" in c.text for c in later.cautions)


def test_post_procedure_favours_conditioned_media(catalog: Catalog) -> None:
    # Guide: recovery is the high-value use; Symbiome and Angela Caglia are its recovery picks.
    ranking = rank(catalog.products, Answers(use_case=UseCase.POST_PROCEDURE,
                                             sensitivity=Sensitivity.HIGH))
    top_two = {m.product.id for m in ranking.matches[:2]}
    assert top_two == {"symbiome-the-answer", "angela-caglia-cell-forte"}
    assert ranking.matches[0].product.id == "symbiome-the-answer"  # minimal formula


def test_post_procedure_puts_the_exfoliating_serum_last(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=2))
    assert ranking.matches[-1].product.id == "eighth-day-regenerative-serum"


# --- Current actives -------------------------------------------------------------------

def test_acid_on_acid_and_acid_with_retinoid_are_flagged() -> None:
    acid = make_product(irritants=GLYCOLIC)
    both = only_match(acid, Answers(actives=frozenset({Active.ACIDS, Active.RETINOID}),
                                    sensitivity=Sensitivity.LOW))
    texts = " ".join(c.text for c in both.cautions)
    assert "already use an exfoliating acid" in texts
    assert "retinoid" in texts and "alternate" in texts


# --- Standing: use case, stability, transparency, evidence, clinicians, budget -------

def test_use_case_fit_ranks_first() -> None:
    fits = make_product(id="fits", use_cases=["brightening"])
    other = make_product(id="other", use_cases=["hydration"])
    ranking = rank([other, fits], Answers(use_case=UseCase.BRIGHTENING))
    assert [m.product.id for m in ranking.matches] == ["fits", "other"]
    assert ranking.matches[0].fits_use_case and not ranking.matches[1].fits_use_case


@pytest.mark.parametrize("better, field", [
    ({"packaging": ["dual-chamber"]}, "packaging"),
    ({"concentration_disclosed": "50%"}, "concentration"),
    ({"clinician_use": True}, "clinicians"),
    ({"evidence": {"kind": "peer-reviewed-trial", "summary": "trial", "peer_reviewed": True,
                   "subjects": 66, "duration_weeks": 24, "funded_by": "the brand",
                   "provenance": {"kind": "sourced", "source": "journal"}}}, "evidence"),
])
def test_quality_signals_raise_standing(better: dict[str, object], field: str) -> None:
    base = only_match(make_product(), Answers())
    improved = only_match(make_product(**better), Answers())
    assert improved.score > base.score, field


def test_roller_and_dropper_are_not_stability_features() -> None:
    base = only_match(make_product(), Answers())
    roller = only_match(make_product(packaging=["roller", "dropper"]), Answers())
    assert roller.score == base.score


def test_peer_reviewed_beats_brand_study_beats_none() -> None:
    def with_kind(kind: str, peer: bool = False) -> int:
        ev = {"kind": kind, "summary": "s", "peer_reviewed": peer,
              "provenance": {"kind": "sourced", "source": "x"}}
        return only_match(make_product(evidence=ev), Answers()).score
    assert with_kind("peer-reviewed-trial", True) > with_kind("brand-study") > with_kind("none")


def test_over_budget_is_marked_and_ranked_down_not_hidden() -> None:
    src = {"kind": "sourced", "source": "x"}
    dear = make_product(id="dear", price={"usd": 300.0, "provenance": src,
                                          "size_ml": {"value": 30, "provenance": src}})
    cheap = make_product(id="cheap", price={"usd": 20.0, "provenance": src,
                                            "size_ml": {"value": 30, "provenance": src}})
    ranking = rank([dear, cheap], Answers(budget_usd_per_month=50))
    assert [m.product.id for m in ranking.matches] == ["cheap", "dear"]
    assert ranking.matches[1].over_budget and not ranking.matches[0].over_budget
    assert any("over your $50 budget" in r.text for r in ranking.matches[1].reasons)


def test_a_zero_budget_marks_everything_over_budget(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(budget_usd_per_month=0))
    assert ranking.matches and all(m.over_budget for m in ranking.matches)


def test_override_moves_a_product_within_budget() -> None:
    dear = make_product(id="dear")
    assert rank([dear], Answers(budget_usd_per_month=10)).matches[0].over_budget
    cheaper = Overrides({"dear": ProductOverride(price_usd=10.0)})
    assert not rank([dear], Answers(budget_usd_per_month=10), cheaper).matches[0].over_budget


def test_mild_concerns_prefer_the_guides_cheaper_alternatives(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(use_case=UseCase.MILD_CONCERNS))
    assert ranking.matches[0].product.alternative
    assert ranking.alternatives and all(m.product.alternative for m in ranking.alternatives)
    premium = next(m for m in ranking.matches if m.product.id == "skinmedica-tns-advanced-plus")
    assert any("Premium price" in r.text for r in premium.reasons)


def test_brightening_on_a_small_budget(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(use_case=UseCase.BRIGHTENING, budget_usd_per_month=30))
    eighth = next(m for m in ranking.matches if m.product.id == "eighth-day-regenerative-serum")
    assert eighth.fits_use_case and eighth.over_budget  # the guide's brightening pick, but $160+/month


# --- Every decision explains itself; same answers, same order --------------------------

def test_every_reason_and_caution_names_a_guide_section(catalog: Catalog) -> None:
    answers = Answers(use_case=UseCase.POST_PROCEDURE, sensitivity=Sensitivity.HIGH,
                      cautions=frozenset(Caution), allergens=("mushroom",),
                      actives=frozenset(Active), budget_usd_per_month=100)
    ranking = rank(catalog.products, answers)
    for match in ranking.matches:
        assert match.reasons
        assert all(r.text and r.section for r in match.reasons)
        assert all(c.text and c.section for c in match.cautions)
        assert match.score == sum(r.points for r in match.reasons)
    for exclusion in ranking.excluded:
        assert all(r.text and r.section for r in exclusion.reasons)


def test_same_answers_same_order_whatever_the_catalog_order(catalog: Catalog) -> None:
    answers = Answers(use_case=UseCase.HYDRATION)
    forward = [m.product.id for m in rank(catalog.products, answers).matches]
    backward = [m.product.id for m in rank(list(reversed(catalog.products)), answers).matches]
    assert forward == backward
    assert [m.rank for m in rank(catalog.products, answers).matches] == list(range(1, len(forward) + 1))


def test_vegan_persona_on_the_bundled_catalog(catalog: Catalog) -> None:
    ranking = rank(catalog.products, Answers(diet=Diet.VEGAN))
    excluded = {e.product.id for e in ranking.excluded}
    # product-facts.md: these four are human-derived, so never vegan.
    assert {"skinmedica-tns-advanced-plus", "neocutis-bio-serum-firm", "angela-caglia-cell-forte",
            "symbiome-the-answer"} <= excluded
    assert "kate-somerville-supercell" in {m.product.id for m in ranking.matches}


def test_a_prepared_catalog_ranks_exactly_as_fresh_products(catalog_path: Path) -> None:
    from serumdesk.domain.rules import prepare, rank_catalog

    answers = Answers(use_case=UseCase.POST_PROCEDURE, sensitivity=Sensitivity.HIGH,
                      budget_usd_per_month=100, cautions=frozenset({Caution.AUTOIMMUNE}))
    fresh = rank(load_catalog(catalog_path).products, answers)
    prepared_catalog = load_catalog(catalog_path)
    prepare(prepared_catalog)
    prepared = rank_catalog(prepared_catalog, answers)
    assert [(m.product.id, m.score, m.reasons, m.cautions) for m in prepared.matches] == \
        [(m.product.id, m.score, m.reasons, m.cautions) for m in fresh.matches]


def test_a_copy_does_not_inherit_the_originals_reasons() -> None:
    original = make_product(concentration_disclosed="50%")
    rank([original], Answers())  # fills the original's caches
    plain = original.model_copy(update={"concentration_disclosed": None})
    reasons = [r.text for r in rank([plain], Answers()).matches[0].reasons]
    assert not any("concentration" in text for text in reasons)


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
        "alternative": draw(st.booleans()), "minimal_formula": draw(st.booleans()),
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
        data = draw(st.sampled_from(seeds)).model_dump(mode="json")
        data.update({k: v for k, v in traits.items() if k != "usd"}, id=f"variant-{i}")
        data["price"]["usd"] = traits["usd"]
        # Keep to what the catalog's own checks allow.
        if data["source_category"] in _NEVER_HUMAN:
            data["human_derived"] = False
        data["vegan"] = data["vegan"] and not (data["human_derived"] or data["animal_derived"])
        if any(i["kind"] == "fragrance" for i in data["irritants"]):
            data["fragrance_free"] = False
        products.append(Product.model_validate(data))
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
    from serumdesk.domain.rules import _Situation, exclusion_reasons, prepare, rank_catalog

    products = data.draw(_variants(list(catalog.products)))
    priced = data.draw(st.lists(st.sampled_from([p.id for p in products]), max_size=3))
    overrides = Overrides({pid: ProductOverride(price_usd=data.draw(st.sampled_from([5.0, 400.0])))
                           for pid in priced})
    varied = catalog.model_copy(update={"products": products})
    prepare(varied)
    ranking = rank_catalog(varied, answers, overrides)

    situation = _Situation.of(answers)
    left_out = {p.id for p in products if exclusion_reasons(p, situation)}
    assert {e.product.id for e in ranking.excluded} == left_out
    assert {m.product.id for m in ranking.matches} == {p.id for p in products} - left_out
    for match in ranking.matches:
        assert match.score == sum(r.points for r in match.reasons), match.product.id
        assert match.cost == estimate_cost(match.product, overrides.for_product(match.product.id))
        assert match.fits_use_case == (answers.use_case in match.product.use_cases)
    expected = sorted(ranking.matches, key=lambda m: (-m.score, m.cost.cost_per_month_usd,
                                                      m.product.id))
    assert list(ranking.matches) == expected
    assert [m.rank for m in ranking.matches] == list(range(1, len(expected) + 1))
    fresh = rank(list(reversed(products)), answers, overrides)  # unprepared, other order
    assert [(m.product.id, m.score) for m in fresh.matches] == \
        [(m.product.id, m.score) for m in ranking.matches]


_PRICE = {"usd": 250.0, "provenance": {"kind": "sourced", "source": "test", "seen": "2026-01-01"},
          "size_ml": {"value": 30.0, "provenance": {"kind": "sourced", "source": "test",
                                                   "seen": "2026-01-01"}}}


@pytest.mark.parametrize("trait", [
    {"price": _PRICE}, {"alternative": True}, {"minimal_formula": True},
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
            for diet in (Diet.ANY, Diet.NO_HUMAN_DERIVED):
                answers = Answers(use_case=use_case, sensitivity=sensitivity, diet=diet,
                                  budget_usd_per_month=50)
                for match in rank([plain, different, make_product(id="plain-2")], answers).matches:
                    assert match.score == sum(r.points for r in match.reasons), (match, answers)
