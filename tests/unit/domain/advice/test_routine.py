"""The routine follows the guide: serum first on clean dry skin, night for repair, pairing advice."""

from __future__ import annotations

from pathlib import Path

from serumdesk.domain.advice.plan import make_plan
from serumdesk.domain.advice.ranking import rank_situation
from serumdesk.domain.advice.routine import PATCH_TEST, TIMELINE, Routine
from serumdesk.domain.advice.rules import Situation
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.choices import Active, UseCase
from serumdesk.storage.data_files import load_catalog


def routine_for(answers: Answers, product: Product | None = None) -> Routine:
    """The plan's routine for these answers, led by `product` (or by no product)."""
    situation = Situation.of(answers)
    ranking = rank_situation([product] if product else [], situation)
    return make_plan(situation, ranking).routine


def serum(catalog_path: Path, pid: str = "skinmedica-tns-advanced-plus"):  # type: ignore[no-untyped-def]
    return load_catalog(catalog_path).by_id()[pid]


def test_biologic_serum_is_the_first_layer_after_cleansing(catalog_path: Path) -> None:
    routine = routine_for(Answers(use_case=UseCase.TEXTURE_FIRMNESS), serum(catalog_path))
    assert routine.pm[0].lower().startswith("cleanser")
    assert "SkinMedica" in routine.pm[1] and "clean, dry skin" in routine.pm[1]
    # lighter hydrators before creams or oils
    assert routine.pm.index("Lighter hydrator (e.g. hyaluronic acid)") < len(routine.pm) - 1
    assert any("Night" in n.text for n in routine.notes)


def test_retinoid_users_alternate_nights(catalog_path: Path) -> None:
    routine = routine_for(Answers(actives=frozenset({Active.RETINOID})), serum(catalog_path))
    assert any("Retinoid on some nights" in step for step in routine.pm)
    assert any("alternate nights" in n.text for n in routine.notes)


def test_acids_are_staggered_and_vitamin_c_goes_to_the_morning(catalog_path: Path) -> None:
    routine = routine_for(Answers(actives=frozenset({Active.ACIDS, Active.VITAMIN_C})), serum(catalog_path))
    assert any("stagger" in n.text for n in routine.notes)
    assert any("Vitamin C" in step for step in routine.am)
    assert not any("Vitamin C" in step for step in routine.pm)


def test_post_procedure_routine_defers_to_the_provider(catalog_path: Path) -> None:
    routine = routine_for(
        Answers(use_case=UseCase.POST_PROCEDURE), serum(catalog_path, "symbiome-the-answer")
    )
    assert routine.am[-1] == "Mineral sunscreen"
    assert any("7–14 days" in n.text for n in routine.notes)  # the guide's "usually 1–2 weeks"
    assert any("provider" in step for step in routine.pm)


def test_patch_test_and_timeline_match_the_guide() -> None:
    assert "48–72 hours" in PATCH_TEST.text
    assert "inner forearm" in PATCH_TEST.text and "behind the ear" in PATCH_TEST.text
    assert [stage.when for stage in TIMELINE] == ["Days to 2 weeks", "4–12 weeks", "3 months and more"]


def test_no_serum_chosen_still_gives_a_routine() -> None:
    routine = routine_for(Answers(), None)
    assert any("your chosen serum" in step for step in routine.pm)


def test_the_shared_not_advice_note_names_no_condition() -> None:
    from serumdesk.domain.advice.routine import NOT_ADVICE, SHARED_NOT_ADVICE

    assert "pregnant" in NOT_ADVICE
    assert "pregnant" not in SHARED_NOT_ADVICE.lower() and "clinician" in SHARED_NOT_ADVICE
