"""Issue 20: one plan for the person. The cases seen, then the invariants over every answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain import medical
from serumdesk.domain.advice.plan import ForYouKind, Severity
from serumdesk.domain.advice.recommendation import Recommendation, recommend, recommendation_to_dict
from serumdesk.domain.advice.recovery import Phase
from serumdesk.domain.advice.routine import TimeOfDay
from serumdesk.domain.advice.rules import within_budget
from serumdesk.domain.advice.wording import answers_rows
from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import (
    Active,
    Caution,
    Diet,
    LaserType,
    Procedure,
    Sensitivity,
    UseCase,
)
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.storage.data_files import load_catalog

ALL = frozenset(Active)


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


def said(rec: Recommendation) -> str:
    return " | ".join((*rec.routine.am, *rec.routine.pm)).casefold()


# --- What was seen ----------------------------------------------------------------------------


def test_1_a_fresh_procedure_counts_whatever_the_goal(catalog: Catalog) -> None:
    rec = recommend(
        catalog,
        Answers(use_case=UseCase.HYDRATION, procedure=Procedure.LASER, days_since_procedure=2, actives=ALL),
    )
    assert rec.plan.phase is Phase.FRESH
    assert "vitamin c serum" not in said(rec) and "retinoid" not in said(rec)
    assert not any("keep it" in n.text for n in rec.routine.notes)
    assert ("Procedure", "Laser (fractional or other), 2 days ago") in answers_rows(rec.answers)
    assert rec.plan.for_you[0].kind is ForYouKind.PROCEDURE
    assert rec.plan.for_you[0].text.startswith("Day 2 after a laser: nothing but your provider")


@pytest.mark.parametrize(
    "cautions, use_case, procedure, who",
    [
        ({Caution.IMMUNOSUPPRESSED}, UseCase.POST_PROCEDURE, Procedure.MICRONEEDLING, "specialist"),
        ({Caution.BREASTFEEDING}, UseCase.POST_PROCEDURE, Procedure.MICRONEEDLING, "clinician"),
        ({Caution.PREGNANT}, UseCase.BRIGHTENING, None, "clinician"),
    ],
)
def test_2_the_routine_carries_the_cards_gate_and_the_patch_test_wait(
    catalog: Catalog, cautions: set[Caution], use_case: UseCase, procedure: Procedure | None, who: str
) -> None:
    rec = recommend(
        catalog,
        Answers(
            use_case=use_case,
            procedure=procedure,
            days_since_procedure=1 if procedure else None,
            cautions=frozenset(cautions),
        ),
    )
    lead = rec.plan.lead
    assert lead is not None
    step = next(s for s in rec.routine.steps if s.product_id == lead.match.product.id)
    if lead.gate is not None:
        assert f"after your {who} says yes" in step.text
    assert "after a clear 48–72-hour patch test" in step.text
    assert sum(1 for s in rec.routine.steps if s.product_id == lead.match.product.id) == 1


def test_3_after_the_window_the_ranking_is_for_maintenance(catalog: Catalog) -> None:
    rec = recommend(
        catalog, Answers(use_case=UseCase.POST_PROCEDURE, procedure=Procedure.LASER, days_since_procedure=45)
    )
    assert rec.plan.phase is Phase.MAINTENANCE
    top = rec.matches[0]
    assert not any("places it for recovery" in r.text for r in top.reasons)
    for m in rec.matches:
        if UseCase.POST_PROCEDURE in m.product.use_cases:
            assert any("worth it again" in r.text for r in m.reasons)


def test_4_when_nothing_fits_the_budget_the_closest_leads_and_the_routine_uses_it(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(use_case=UseCase.HYDRATION, budget_usd_per_month=0))
    cheapest = min(rec.matches, key=lambda m: m.cost.cost_per_month_usd)
    assert rec.matches[0] is cheapest
    assert rec.budget_note is not None and cheapest.product.title in rec.budget_note.text
    assert any(s.product_id == cheapest.product.id for s in rec.routine.steps)


def test_5_stacked_actives_are_cut_not_added_to(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(use_case=UseCase.BRIGHTENING, actives=ALL))
    for step in rec.routine.steps:
        if step.product_id and step.time.value == "morning":
            assert not catalog.by_id()[step.product_id].facts.acids
    assert any(i.kind is ForYouKind.STACK for i in rec.plan.for_you)
    eighth = next(m for m in rec.matches if m.product.id == "eighth-day-regenerative-serum")
    assert any("Adds another strong active" in r.text for r in eighth.reasons)
    sensitive = recommend(catalog, Answers(sensitivity=Sensitivity.HIGH, actives=ALL))
    stepped = sensitive.routine.actives
    assert all(n.active in stepped for n in sensitive.routine.notes if n.active is not None)


def test_6_cost_follows_the_routines_frequency(catalog: Catalog) -> None:
    rec = recommend(catalog, Answers(use_case=UseCase.POST_PROCEDURE, days_since_procedure=3))
    lead = rec.plan.lead
    assert lead is not None and lead.uses_per_day == 1
    assert lead.match.cost.inputs.applications_per_day == 1


def test_7_no_good_match_is_closest_options(catalog: Catalog) -> None:
    # Both recovery picks are human-derived: nothing left suits recovery.
    rec = recommend(
        catalog,
        Answers(
            use_case=UseCase.POST_PROCEDURE,
            days_since_procedure=3,
            diet=Diet.NO_HUMAN_DERIVED,
            budget_usd_per_month=20,
        ),
    )
    assert rec.plan.closest_options and rec.no_good_match is not None
    assert [rec.plan.title(m) for m in rec.matches[:2]] == ["Closest option 1", "Closest option 2"]
    assert all(p.role.value == "closest" for p in rec.plan.picks)
    assert any(i.kind is ForYouKind.NO_GOOD_MATCH for i in rec.plan.for_you)
    assert not recommend(catalog, Answers(use_case=UseCase.POST_PROCEDURE)).plan.closest_options


def test_8_new_answers_reach_the_plan(catalog: Catalog) -> None:
    ablative = Answers(procedure=Procedure.LASER, laser_type=LaserType.ABLATIVE, days_since_procedure=20)
    assert ablative.phase is Phase.RECOVERING  # the guide's 14 days are not enough
    rec = recommend(
        catalog,
        Answers(
            procedure=Procedure.PEEL, days_since_procedure=3, cautions=frozenset({Caution.ORAL_ISOTRETINOIN})
        ),
    )
    iso = [i for i in rec.plan.for_you if i.kind is ForYouKind.ISOTRETINOIN]
    assert len(iso) == 1 and "tell the person doing your procedure" in iso[0].text
    assert "stop" not in iso[0].text.casefold()
    assert iso[0].source == medical.ISOTRETINOIN_AND_PROCEDURES
    assert Answers(cautions=frozenset({Caution.SKIN_CONDITION})).is_sensitive
    mature = recommend(catalog, Answers(use_case=UseCase.MATURE_THIN))
    assert mature.matches[0].fits_use_case


# --- Invariants over the whole answer space ---------------------------------------------------

answers_space = st.builds(
    Answers,
    use_case=st.sampled_from(list(UseCase)),
    sensitivity=st.sampled_from(list(Sensitivity)),
    diet=st.sampled_from(list(Diet)),
    cautions=st.frozensets(st.sampled_from(list(Caution))),
    actives=st.frozensets(st.sampled_from(list(Active))),
    budget_usd_per_month=st.none() | st.sampled_from([0.0, 1.0, 5.0, 20.0, 60.0, 150.0]),
    procedure=st.none() | st.sampled_from(list(Procedure)),
    days_since_procedure=st.none() | st.integers(0, 60),
    laser_type=st.none() | st.sampled_from(list(LaserType)),
    allergens=st.lists(
        st.sampled_from(["fish", "latex", "niacinamide", "glycolic acid", "snow mushroom", "linalool"]),
        max_size=2,
    ).map(tuple),
)
uses_a_day = st.none() | st.sampled_from([0.5, 1.0, 2.0, 3.0])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=answers_space, per_day=uses_a_day, data=st.data())
def test_the_plan_holds_together_for_every_answer(
    catalog: Catalog, vocabulary: Vocabulary, answers: Answers, per_day: float | None, data: st.DataObject
) -> None:
    overrides = None
    if per_day is not None:  # the person's own uses a day for one product
        pid = data.draw(st.sampled_from([p.id for p in catalog.products]))
        overrides = Overrides({pid: ProductOverride(applications_per_day=per_day)})
    rec = recommend(catalog, answers, overrides, vocabulary=vocabulary)
    plan, routine = rec.plan, rec.routine
    # No routine step names a gated product without its condition.
    for step in routine.steps:
        if step.product_id is not None:
            pick = plan.pick(step.product_id)
            assert pick is not None
            if pick.gate is not None:
                assert f"after your {pick.gate} says yes" in step.text
            assert "patch test" in step.text
    # No paused active appears in a step or a "keep it" note.
    held = plan.held_actives
    assert not held & routine.actives
    for note in routine.notes:
        assert note.active is None or note.active not in held
    # Notes agree with steps.
    assert all(n.active in routine.actives for n in routine.notes if n.active is not None)
    # The procedure appears on every surface when given.
    if answers.has_procedure:
        assert any(label == "Procedure" for label, _ in answers_rows(answers))
        assert any(i.kind is ForYouKind.PROCEDURE for i in plan.for_you)
        assert recommendation_to_dict(rec)["plan"]["procedure"] is not None
    # Cost frequency equals routine frequency.
    for pick in plan.picks:
        assert pick.match.cost.inputs.applications_per_day == pick.uses_per_day
    lead = plan.lead
    if lead is not None:  # once a day, unless the person's own figure says twice (no acids)
        uses = sum(1 for s in routine.steps if s.product_id == lead.match.product.id)
        assert uses == (2 if lead.uses_per_day >= 2 and not lead.match.product.facts.acids else 1)
        for step in routine.steps:
            if step.product_id and catalog.by_id()[step.product_id].facts.acids:
                assert step.time is TimeOfDay.EVENING  # no exfoliating-acid serum in the morning
    # The first pick is within budget whenever any product is.
    budget = answers.budget_usd_per_month
    if any(within_budget(m.cost.cost_per_month_usd, budget) for m in rec.matches):
        assert within_budget(rec.matches[0].cost.cost_per_month_usd, budget)
    # For you: each kind once, most harmful first.
    kinds = [i.kind for i in plan.for_you]
    assert len(kinds) == len(set(kinds))
    severities = [i.severity for i in plan.for_you]
    assert severities == sorted(severities)
    if Caution.PREGNANT in answers.cautions and Active.RETINOID in answers.actives:
        assert plan.for_you[0].severity is Severity.STOP_AND_ASK


def test_allergens_are_resolved_once_per_recommendation(
    catalog: Catalog, vocabulary: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#18: the ranking, the routine and the notices share one resolution of the allergies."""
    typed: list[str] = []
    resolve = Vocabulary.resolve_allergen

    def counted(self: Vocabulary, text: str) -> object:
        typed.append(text)
        return resolve(self, text)

    monkeypatch.setattr(Vocabulary, "resolve_allergen", counted)
    rec = recommend(catalog, Answers(allergens=("fish", "latex")), vocabulary=vocabulary)
    recommendation_to_dict(rec)
    assert sorted(typed) == ["fish", "latex"]
    assert rec.unknown_allergens == ("latex",) and rec.allergy_note is not None
