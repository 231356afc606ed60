"""Issue 12's rules as tables over personas: each asserts the advice and where it comes from.

Expected behaviour comes from the guide (recovery window "usually 1–2 weeks"; "follow your
provider's post-care instructions"; "Who should avoid or use caution"; the decision
framework) and from the named medical sources for retinoids in pregnancy.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from serumdesk.domain import guide, medical
from serumdesk.domain.advice.plan import make_plan
from serumdesk.domain.advice.ranking import rank, rank_situation
from serumdesk.domain.advice.recommendation import Recommendation, recommend, recommendation_to_dict
from serumdesk.domain.advice.routine import Routine
from serumdesk.domain.advice.rules import Situation
from serumdesk.domain.advice.wording import recovery_window_words
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.choices import (
    Active,
    AlternativeKind,
    Caution,
    Diet,
    Procedure,
    Sensitivity,
    UseCase,
)
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.storage.data_files import load_catalog
from tests.unit.factories import make_product

POST = UseCase.POST_PROCEDURE
ALL_ACTIVES = frozenset(Active)
MEDICAL = (Caution.PREGNANT_OR_BREASTFEEDING, Caution.AUTOIMMUNE, Caution.IMMUNOSUPPRESSED)
ACTIVE_WORDS = ("retinoid", "retinol", "vitamin c", "glycolic", "exfoliat", "acids")


def routine_for(answers: Answers, product: Product | None = None) -> Routine:
    """The plan's routine for these answers, led by `product` (or by no product)."""
    situation = Situation.of(answers)
    ranking = rank_situation([product] if product else [], situation)
    return make_plan(situation, ranking).routine


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


def steps(rec_or_answers: Recommendation | Answers) -> str:
    routine = (
        rec_or_answers.routine
        if isinstance(rec_or_answers, Recommendation)
        else routine_for(rec_or_answers, None)
    )
    return " | ".join((*routine.am, *routine.pm)).casefold()


# --- 1. Actives around pregnancy and procedures ----------------------------------------------


@pytest.mark.parametrize(
    "use_case, days",
    [
        (UseCase.MILD_CONCERNS, None),
        (UseCase.TEXTURE_FIRMNESS, None),
        (POST, 1),
        (POST, 30),
        (UseCase.SENSITIVE_BARRIER, None),
    ],
)
def test_pregnancy_pauses_the_retinoid_with_a_named_medical_source(
    use_case: UseCase, days: int | None
) -> None:
    answers = Answers(
        use_case=use_case,
        days_since_procedure=days,
        actives=ALL_ACTIVES,
        cautions=frozenset({Caution.PREGNANT, Caution.BREASTFEEDING}),
    )
    routine = routine_for(answers, None)
    assert "retinoid" not in steps(answers) and "retinol" not in steps(answers)
    pregnancy = [n for n in routine.notes if n.source == medical.RETINOIDS_IN_PREGNANCY]
    assert len(pregnancy) == 1 and "pause" in pregnancy[0].text.casefold()
    assert "clinician" in pregnancy[0].text
    assert not any(n.text.startswith("Retinoid: keep it") for n in routine.notes)


def test_breastfeeding_alone_asks_the_clinician_with_its_own_source() -> None:
    answers = Answers(actives=frozenset({Active.RETINOID}), cautions=frozenset({Caution.BREASTFEEDING}))
    routine = routine_for(answers, None)
    nursing = [n for n in routine.notes if n.source == medical.RETINOIDS_WHILE_BREASTFEEDING]
    assert len(nursing) == 1 and "ask your clinician" in nursing[0].text
    assert "pause" not in nursing[0].text.casefold()
    assert not any(n.source == medical.RETINOIDS_IN_PREGNANCY for n in routine.notes)


def test_without_pregnancy_the_guide_keeps_the_retinoid_on_alternate_nights() -> None:
    answers = Answers(actives=frozenset({Active.RETINOID}))
    routine = routine_for(answers, None)
    assert "retinoid on some nights" in steps(answers)
    keep = [n for n in routine.notes if "keep it" in n.text]
    assert len(keep) == 1 and keep[0].source == guide.FAQ


@pytest.mark.parametrize("procedure", list(Procedure))
@pytest.mark.parametrize("day", [0, 1, 2, 3, 7, 10, 14, None])
def test_freshly_treated_skin_pauses_every_strong_active(procedure: Procedure, day: int | None) -> None:
    answers = Answers(use_case=POST, procedure=procedure, days_since_procedure=day, actives=ALL_ACTIVES)
    assert answers.in_recovery_window
    said = steps(answers)
    assert not any(word in said for word in ACTIVE_WORDS), said
    assert "saline" in said and "ointment" in said  # the guide's post-procedure PM routine
    notes = routine_for(answers, None).notes
    pause = [n for n in notes if "paused until your provider" in n.text]
    assert len(pause) == 1 and pause[0].source == guide.ROUTINE
    for active in ("retinoid", "exfoliating acids", "vitamin C"):
        assert active in pause[0].text
    assert "provider" in pause[0].text
    assert not any("keep it" in n.text or "Vitamin C: compatible" in n.text for n in notes)
    provider_first = [n for n in notes if "post-care instructions come first" in n.text]
    assert len(provider_first) == 1 and provider_first[0].source == guide.EXAMPLES
    if procedure in (Procedure.MICRONEEDLING, Procedure.LASER):
        assert "written for microneedling and fractional laser;" in provider_first[0].text
    else:
        assert "not " in provider_first[0].text.split("laser")[1]


@pytest.mark.parametrize("day", [15, 16, 20, 45, 365])
def test_after_the_window_the_routine_returns_to_maintenance(catalog: Catalog, day: int) -> None:
    answers = Answers(use_case=POST, procedure=Procedure.LASER, days_since_procedure=day, actives=ALL_ACTIVES)
    assert not answers.in_recovery_window
    rec = recommend(catalog, answers)
    said = steps(rec)
    assert "saline" not in said and "ointment" not in said
    assert "retinoid on some nights" in said and "vitamin c serum" in said
    back = [n for n in rec.routine.notes if "past the usual recovery window" in n.text]
    assert len(back) == 1 and "one at a time" in back[0].text
    for match in rec.matches:  # no recovery bonus once healed
        assert not any("high-value use" in r.text for r in match.reasons)
        assert not any("freshly treated" in r.text for r in match.reasons)


def test_inside_the_window_conditioned_media_get_the_guides_recovery_credit(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(use_case=POST, days_since_procedure=3))
    symbiome = next(m for m in rec.matches if m.product.id == "symbiome-the-answer")
    bonus = [r for r in symbiome.reasons if "high-value use" in r.text]
    assert len(bonus) == 1 and bonus[0].source == guide.DECISION


@pytest.mark.parametrize("day", range(0, 31))
def test_the_recovery_window_is_the_guides_one_to_two_weeks(day: int) -> None:
    assert Answers(use_case=POST, days_since_procedure=day).in_recovery_window is (day <= 14)


# --- 3. Medical cautions shape the ranking ------------------------------------------------------


@pytest.mark.parametrize("caution", MEDICAL)
@pytest.mark.parametrize(
    "category",
    [
        "human-fibroblast-conditioned-media",
        "exosome-rich-conditioned-media",
        "lab-made-peptides-growth-factors",
        "plant-made-growth-factor",
    ],
)
def test_a_product_that_needs_a_clinician_ranks_below_a_comparable_one(
    caution: Caution, category: str
) -> None:
    # Same price, fit and evidence; the biologic's id sorts first, so only the rule moves it.
    human = category.startswith("human")
    biologic = make_product(id="a-biologic", source_category=category, human_derived=human, vegan=False)
    plain = make_product(id="z-plain", source_category="non-biologic-alternative")
    without = rank([biologic, plain], Answers())
    assert without.matches[0].product.id == "a-biologic"
    ranking = rank([biologic, plain], Answers(cautions=frozenset({caution})))
    assert [m.product.id for m in ranking.matches] == ["z-plain", "a-biologic"]
    lower = [r for r in ranking.matches[1].reasons if r.text.startswith("Ranked lower")]
    assert len(lower) == 1 and lower[0].points < 0 and lower[0].source == guide.AVOID
    who = "specialist" if caution is Caution.IMMUNOSUPPRESSED else "clinician"
    assert f"ask your {who}" in lower[0].text
    assert not ranking.excluded  # nothing is hidden


@pytest.mark.parametrize("caution", MEDICAL)
@pytest.mark.parametrize("use_case", list(UseCase))
def test_with_a_medical_caution_nothing_is_hidden_and_the_top_needs_no_clinician_if_one_fits(
    catalog: Catalog, caution: Caution, use_case: UseCase
) -> None:
    rec = recommend(catalog, Answers(use_case=use_case, cautions=frozenset({caution})))
    assert not rec.excluded and len(rec.matches) == len(catalog.products)
    top = rec.matches[0]
    easy = [m for m in rec.matches if not m.cautions or all(c.level.value != "clinician" for c in m.cautions)]
    if any(m.fits_use_case for m in easy):
        assert all(c.level.value != "clinician" for c in top.cautions), use_case


# --- 4. Credit only what the guide says ------------------------------------------------------------


@pytest.mark.parametrize("use_case", list(UseCase))
def test_the_guide_places_only_the_products_it_names(catalog: Catalog, use_case: UseCase) -> None:
    for match in recommend(catalog, Answers(use_case=use_case)).matches:
        placed = [r for r in match.reasons if r.text.startswith("The guide places it")]
        assert bool(placed) == (match.product.named_in_guide and match.fits_use_case)
        if placed:
            assert placed[0].source == guide.SNAPSHOTS


def test_the_lower_cost_credit_goes_only_to_the_guides_kinds(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(use_case=UseCase.MILD_CONCERNS))
    for match in rec.matches:
        credit = [r for r in match.reasons if "less costly" in r.text]
        assert bool(credit) == (match.product.alternative is not None), match.product.id
    bioeffect = next(m for m in rec.matches if m.product.id == "bioeffect-egf-serum")
    assert not any("less costly" in r.text for r in bioeffect.reasons)


@pytest.mark.parametrize("sensitivity", list(Sensitivity))
@pytest.mark.parametrize("diet", list(Diet))
@pytest.mark.parametrize("budget", [None, 5.0, 20.0, 150.0])
@pytest.mark.parametrize(
    "cautions",
    [frozenset(), frozenset({Caution.PREGNANT_OR_BREASTFEEDING}), frozenset({Caution.FRAGRANCE_SENSITIVE})],
)
def test_for_mild_concerns_a_lower_cost_alternative_leads(
    catalog: Catalog, sensitivity: Sensitivity, diet: Diet, budget: float | None, cautions: frozenset[Caution]
) -> None:
    rec = recommend(
        catalog,
        Answers(
            use_case=UseCase.MILD_CONCERNS,
            sensitivity=sensitivity,
            diet=diet,
            budget_usd_per_month=budget,
            cautions=cautions,
        ),
    )
    if any(m.product.alternative is not None for m in rec.matches):
        assert rec.matches[0].product.alternative in set(AlternativeKind)


# --- 5. Budget ------------------------------------------------------------------------------------


@pytest.mark.parametrize("budget", [0.0, 2.5, 5.0, 20.0, 60.0, 150.0, 250.0])
@pytest.mark.parametrize("use_case", list(UseCase))
def test_within_budget_always_ranks_above_over_budget(
    catalog: Catalog, budget: float, use_case: UseCase
) -> None:
    rec = recommend(catalog, Answers(use_case=use_case, budget_usd_per_month=budget, days_since_procedure=2))
    flags = [m.over_budget for m in rec.matches]
    assert flags == sorted(flags)  # every False (within) before every True (over)
    for match in rec.matches:
        assert match.over_budget == (match.cost.cost_per_month_usd > budget + 0.005)


def test_the_issues_post_procedure_persona_on_twenty_dollars(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(use_case=POST, days_since_procedure=2, budget_usd_per_month=20))
    assert not rec.matches[0].over_budget and not rec.matches[1].over_budget
    # Something fits $20, but none of it is a recovery pick: that is said, not left to guess.
    assert rec.budget_note is not None and rec.budget_note.text.startswith("Nothing within $20.00")


def test_when_nothing_fits_the_budget_it_says_so_and_names_the_closest(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(budget_usd_per_month=1))
    cheapest = min(rec.matches, key=lambda m: m.cost.cost_per_month_usd)
    assert rec.budget_note is not None
    assert rec.budget_note.text == (
        f"Nothing fits $1.00 a month; the closest is "
        f"{cheapest.product.title} at "
        f"${cheapest.cost.cost_per_month_usd:,.2f} a month."
    )
    assert rec.budget_note.source == guide.DECISION


def test_the_recovery_window_cost_shows_the_bottle_price_up_front(catalog: Catalog) -> None:
    symbiome = catalog.by_id()["symbiome-the-answer"]
    rec = recommend(catalog, Answers(use_case=POST, days_since_procedure=2))
    match = next(m for m in rec.matches if m.product is symbiome)
    words = recovery_window_words(match.cost)
    per_day = 200 / 30 * symbiome.dose_ml.value * 1  # the routine uses it once a day
    assert f"${per_day * 7:,.2f}–${per_day * 14:,.2f}" in words
    assert "you pay $200.00 for up front" in words


# --- 6. No good match ------------------------------------------------------------------------------


def test_no_good_match_when_exclusions_leave_nothing_for_the_goal(
    catalog: Catalog, vocabulary: Vocabulary
) -> None:
    # Eighth Day is the guide's only brightening pick, and it lists niacinamide.
    rec = recommend(
        catalog, Answers(use_case=UseCase.BRIGHTENING, allergens=("niacinamide",)), vocabulary=vocabulary
    )
    assert "eighth-day-regenerative-serum" in {e.product.id for e in rec.excluded}
    assert rec.matches and not any(m.fits_use_case for m in rec.matches)
    assert rec.no_good_match is not None
    assert rec.no_good_match.text.startswith("No good match: nothing left in the catalog suits brightening")
    assert "closest options" in rec.no_good_match.text
    assert rec.plan.closest_options
    assert rec.plan.title(rec.matches[0]) == "Closest option 1"
    assert recommend(catalog, Answers(use_case=UseCase.BRIGHTENING)).no_good_match is None


# --- 7. What these serums are ----------------------------------------------------------------------


def test_the_results_say_what_these_serums_are_with_sources(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers())
    by_source = {s.source: s.text for s in rec.about}
    assert "live stem cells" in by_source[guide.FAQ]
    assert "drug claim" in by_source[guide.SAFETY]
    assert "FDA" in by_source[medical.FDA_EXOSOMES]
    doc = recommendation_to_dict(rec)
    assert doc["disclaimer"].startswith("Not medical advice.")
    assert [a["text"] for a in doc["about"]] == [s.text for s in rec.about]
    by_id = {m["id"]: m for m in doc["recommended"]}
    asked = [q["text"] for q in by_id["skinmedica-tns-advanced-plus"]["questions_to_ask"]]
    assert any("donors" in q for q in asked) and any("percentage" in q for q in asked)
    assert not by_id["the-ordinary-niacinamide-zinc"]["questions_to_ask"]
    assert not any("donors" in q["text"] for q in by_id["bioeffect-egf-serum"]["questions_to_ask"])


# --- 8 and 9. Buyer notes, inferences, good news ------------------------------------------------------


def test_buyer_notes_reach_the_json_and_a_pairing_note_becomes_a_caution(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(actives=frozenset({Active.VITAMIN_C})))
    doc = {m["id"]: m for m in recommendation_to_dict(rec)["recommended"]}
    assert any(
        n["kind"] == "returns" and "cannot be returned" in n["text"]
        for n in doc["angela-caglia-cell-forte"]["buyer_notes"]
    )
    assert any(n["kind"] == "pregnancy" for n in doc["symbiome-the-answer"]["buyer_notes"])
    niacinamide = next(m for m in rec.matches if m.product.id == "the-ordinary-niacinamide-zinc")
    assert any("vitamin C" in c.text and c.kind.value == "pairing" for c in niacinamide.cautions)
    without = recommend(catalog, Answers())
    niacinamide = next(m for m in without.matches if m.product.id == "the-ordinary-niacinamide-zinc")
    assert not any(c.kind.value == "pairing" for c in niacinamide.cautions)


def test_inferences_are_marked_and_good_news_is_not_a_caution(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(diet=Diet.VEGAN))
    doc = {m["id"]: m for m in recommendation_to_dict(rec)["recommended"]}
    assert doc["kate-somerville-supercell"]["vegan"] == "not confirmed"
    assert "vegan" in doc["kate-somerville-supercell"]["inferred"]
    assert doc["the-ordinary-hyaluronic-acid-b5"]["vegan"] == "yes"
    assert {d["vegan"] for d in doc.values()} <= {"yes", "no", "not confirmed"}
    for match in rec.matches:
        for claim in match.product.ethics_claims:
            assert all(claim not in c.text for c in match.cautions)
    tns = catalog.by_id()["skinmedica-tns-advanced-plus"]
    assert tns.fragrance_free is None  # "unscented" is not "fragrance-free"
    assert "marine extracts" in tns.key_ingredients  # the guide names them


# --- 10. The fetal-cell-line ethics choice -------------------------------------------------------------


def test_no_fetal_cell_line_sits_between_any_and_no_human_derived(catalog: Catalog) -> None:
    order = list(Diet)
    assert order.index(Diet.ANY) < order.index(Diet.NO_FETAL_CELL_LINE) < order.index(Diet.NO_HUMAN_DERIVED)
    excluded = {e.product.id for e in recommend(catalog, Answers(diet=Diet.NO_FETAL_CELL_LINE)).excluded}
    assert excluded == {p.id for p in catalog.products if p.fetal_cell_line}
    assert excluded == {"neocutis-bio-serum-firm"}  # product-facts: a fetal skin cell bank
    no_human = {e.product.id for e in recommend(catalog, Answers(diet=Diet.NO_HUMAN_DERIVED)).excluded}
    assert excluded < no_human


def test_answers_round_trip_through_dataclasses() -> None:
    a = Answers(diet=Diet.NO_FETAL_CELL_LINE)
    assert dataclasses.replace(a).diet is Diet.NO_FETAL_CELL_LINE


def test_when_nothing_within_budget_suits_the_goal_it_says_so(catalog: Catalog) -> None:
    # Recovery after microneedling on $80 a month: the guide's recovery picks all cost more.
    rec = recommend(catalog, Answers(use_case=POST, days_since_procedure=2, budget_usd_per_month=20))
    within = [m for m in rec.matches if not m.over_budget]
    assert within and not any(m.fits_use_case for m in within)
    suiting = [m for m in rec.matches if m.fits_use_case]
    closest = min(suiting, key=lambda m: m.cost.cost_per_month_usd)
    assert rec.budget_note is not None
    assert rec.budget_note.text.startswith("Nothing within $20.00 a month suits recovery after a procedure")
    assert closest.product.title in rec.budget_note.text


def test_stale_prices_in_the_json(catalog: Catalog) -> None:
    import datetime as dt

    rec = recommend(catalog, Answers(), today=dt.date(2026, 11, 29))
    doc = {m["id"]: m for m in recommendation_to_dict(rec)["recommended"]}
    # product-facts: Neocutis' price is a July 2021 retailer copy; TNS's listing is undated.
    assert doc["neocutis-bio-serum-firm"]["stale"] is True
    assert doc["neocutis-bio-serum-firm"]["price_seen"] == "2021-07-01"
    assert any("July 2021" in w for w in doc["neocutis-bio-serum-firm"]["stale_figures"])
    assert doc["skinmedica-tns-advanced-plus"]["stale"] is True
    assert any("undated" in w for w in doc["skinmedica-tns-advanced-plus"]["stale_figures"])
    # The Multi-Peptide price was seen in August 2026 (secondary price document).
    assert doc["the-ordinary-multi-peptide-ha"]["stale"] is False
