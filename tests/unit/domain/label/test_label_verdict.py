"""A label checked against a person's answers: allergy matches, recommend's cautions on the label's
facts, the wording of the verdict, and the exact JSON document."""

from __future__ import annotations

from pathlib import Path

import pytest

from serumdesk.domain import guide
from serumdesk.domain.advice.cautions import CautionKind, CautionLevel
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Active, Caution, Diet, Sensitivity, UseCase
from serumdesk.domain.ingredients.allergens import MatchStrength, UnknownAllergen
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.reading import read_label
from serumdesk.domain.label.report import ingredient_line, verdict_lines
from serumdesk.domain.label.verdict import LabelVerdict, check_label, label_to_dict

LABELS = Path(__file__).parents[1] / "data" / "labels"
TNS = "skinmedica-tns-recovery-complex"
PREGNANT = Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING}))


def label_text(name: str) -> str:
    lines = (LABELS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("# "))


def check(text: str, vocabulary: Vocabulary, answers: Answers | None = None) -> LabelVerdict:
    return check_label(read_label(text, vocabulary), vocabulary, answers or Answers())


def kinds(verdict: LabelVerdict) -> list[CautionKind]:
    return [c.kind for c in verdict.cautions]


# --- cautions: recommend's rules on the label's facts ----------------------------------------


def test_medical_cautions_apply_to_a_human_derived_label(vocabulary: Vocabulary) -> None:
    verdict = check(label_text(TNS), vocabulary, PREGNANT)
    medical = [c for c in verdict.cautions if c.kind is CautionKind.MEDICAL]
    assert len(medical) == 1 and medical[0].level is CautionLevel.CLINICIAN
    assert medical[0].source.title == guide.AVOID.title
    assert CautionKind.HUMAN_DERIVED in kinds(verdict)


def test_no_medical_caution_for_a_label_without_biologics(vocabulary: Vocabulary) -> None:
    verdict = check(label_text("the-ordinary-niacinamide-10-zinc-1"), vocabulary, PREGNANT)
    assert CautionKind.MEDICAL not in kinds(verdict)


def test_a_retinoid_label_pauses_in_pregnancy(vocabulary: Vocabulary) -> None:
    verdict = check(label_text("the-ordinary-retinol-1-in-squalane"), vocabulary, PREGNANT)
    retinoid = [c for c in verdict.cautions if c.kind is CautionKind.MEDICAL]
    assert retinoid and "Retinol" in retinoid[0].text and "pause" in retinoid[0].text


def test_an_exfoliant_label_waits_after_a_procedure(vocabulary: Vocabulary) -> None:
    fresh = Answers(
        use_case=UseCase.POST_PROCEDURE, days_since_procedure=2, actives=frozenset({Active.RETINOID})
    )
    verdict = check(label_text("the-ordinary-glycolic-acid-7-toning-solution"), vocabulary, fresh)
    assert CautionKind.EXFOLIANT in kinds(verdict)
    exfoliant = next(c for c in verdict.cautions if c.kind is CautionKind.EXFOLIANT)
    assert "Glycolic Acid" in exfoliant.text and "freshly treated" in exfoliant.text
    assert CautionKind.PAIRING in kinds(verdict)  # acids with a retinoid: alternate nights


def test_essential_oils_ask_for_a_patch_test_on_reactive_skin(vocabulary: Vocabulary) -> None:
    verdict = check(
        label_text("aq-skin-solutions-active-serum"), vocabulary, Answers(sensitivity=Sensitivity.HIGH)
    )
    botanicals = next(c for c in verdict.cautions if c.kind is CautionKind.BOTANICALS)
    assert "Bergamot" in botanicals.text


def test_label_cautions_say_what_a_catalog_product_would_not(vocabulary: Vocabulary) -> None:
    answers = Answers(diet=Diet.VEGAN, allergens=("fish",))
    human = check(label_text(TNS), vocabulary, answers)
    # The full list was checked (matches are listed), and "not vegan" is the verdict itself.
    assert CautionKind.ALLERGY_CHECK not in kinds(human)
    assert CautionKind.DIET_UNCONFIRMED not in kinds(human)
    unsure = check(label_text("the-ordinary-retinol-1-in-squalane"), vocabulary, answers)
    assert CautionKind.DIET_UNCONFIRMED in kinds(unsure)  # squalane may come from sharks


def test_a_fetal_cell_line_is_an_ethics_note(vocabulary: Vocabulary) -> None:
    verdict = check(label_text("synthetic-human-cell-lysate"), vocabulary)
    ethics = [c for c in verdict.cautions if c.kind is CautionKind.ETHICS]
    assert ethics and "fetal" in ethics[0].text
    lines = verdict_lines(verdict, Answers(diet=Diet.NO_FETAL_CELL_LINE))
    assert any(line.startswith("Does not fit your answer") for line in lines)


# --- allergies ----------------------------------------------------------------------------------


def test_allergens_match_definitely_possibly_or_are_unknown(vocabulary: Vocabulary) -> None:
    text = "Water, Marine Extract, Sodium Hyaluronate, Parfum, Whey Protein"
    answers = Answers(allergens=("fish", "HA", "linalool", "dairy", "zorblax"))
    verdict = check(text, vocabulary, answers)
    found = {(m.match.query.text, m.ingredient.written): m.match.strength for m in verdict.allergen_matches}
    assert found == {
        ("fish", "Marine Extract"): MatchStrength.POSSIBLE,
        ("HA", "Sodium Hyaluronate"): MatchStrength.DEFINITE,
        ("linalool", "Parfum"): MatchStrength.POSSIBLE,
        ("dairy", "Whey Protein"): MatchStrength.DEFINITE,
    }
    assert verdict.unknown_allergens == (UnknownAllergen("zorblax"),)
    lines = verdict_lines(verdict, answers)
    assert any("does not know “zorblax”" in line for line in lines)


def test_an_allergy_with_no_match_says_what_could_not_be_checked(vocabulary: Vocabulary) -> None:
    answers = Answers(allergens=("tree nuts",))
    verdict = check("Water, Glycerin, Zorblaxine", vocabulary, answers)
    assert verdict.allergen_matches == ()
    assert any(
        "no match; the unknown ingredients were searched by name only" in line
        for line in verdict_lines(verdict, answers)
    )


# --- wording ------------------------------------------------------------------------------------


def test_each_ingredient_line_says_what_it_is(vocabulary: Vocabulary) -> None:
    reading = read_label("Glycerine, Niacinimide, Zorblaxine, Mica [+/- CI 77491]", vocabulary)
    lines = [ingredient_line(i) for i in reading.ingredients]
    assert lines[0].startswith("Glycerine → Glycerin: humectant.")
    assert lines[1].startswith("Niacinimide → Niacinamide (read as this, close to what was written)")
    assert lines[2].startswith("Zorblaxine → not in SerumDesk's vocabulary: not guessed")
    assert lines[4].startswith("CI 77491 (may contain) → CI 77491")


def test_a_verdict_that_rests_on_unknowns_says_so(vocabulary: Vocabulary) -> None:
    verdict = check("Water, Glycerin, Zorblaxine", vocabulary)
    lines = verdict_lines(verdict, Answers())
    assert lines[0].startswith("Source: cannot tell.") and "Zorblaxine" in lines[0]
    assert any(line.startswith("Unknown: Zorblaxine. The verdict above rests on the known") for line in lines)
    assert any(line.startswith("Vegan: not confirmed") and "Zorblaxine is unknown" in line for line in lines)


def test_fragrance_sensitivity_is_told_against_a_scented_label(vocabulary: Vocabulary) -> None:
    answers = Answers(cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}))
    lines = verdict_lines(check(label_text(TNS), vocabulary, answers), answers)
    assert any(line.startswith("You are sensitive to fragrance: it contains Parfum") for line in lines)


# --- JSON -----------------------------------------------------------------------------------------


def test_json_has_exactly_the_fields_of_the_issue(vocabulary: Vocabulary) -> None:
    doc = label_to_dict(check(label_text(TNS), vocabulary, Answers(allergens=("linalool",))))
    assert list(doc) == [
        "ingredients",
        "source_category",
        "source_reason",
        "human_derived",
        "animal_derived",
        "live_stem_cells_claimed",
        "truncated",
        "items_read",
        "items_listed",
        "unread_characters",
        "vegan",
        "fragrance",
        "irritants",
        "allergen_matches",
        "unknown",
        "cautions",
    ]
    assert all(
        list(i) == ["name", "inci", "known", "read_as", "how", "role", "explanation", "origin_note", "flags"]
        for i in doc["ingredients"]
    )
    assert doc["truncated"] is False
    assert doc["source_category"] == "human-fibroblast-conditioned-media"
    assert doc["source_reason"] == ["Human Neonatal Fibroblast Conditioned Media"]
    # Human fibroblast media: yes. Animal: the marine extract may be fish, the label does not say.
    assert (doc["human_derived"], doc["animal_derived"], doc["vegan"]) == ("yes", "not known", "no")
    assert [(m["ingredient"], m["match"]) for m in doc["allergen_matches"]] == [
        ("Parfum", "possible"),
        ("Linalool", "definite"),
    ]  # in the label's order
    assert all(set(c) == {"text", "level", "kind", "source"} for c in doc["cautions"])


@pytest.mark.parametrize(
    ("text", "vegan", "category"),
    [
        ("Water, Glycerin, Zorblaxine", "not confirmed", None),
        ("Aqua, Niacinamide, Xanthan Gum", "yes", "non-biologic-alternative"),
    ],
)
def test_json_marks_unknowns_and_possibles(
    vocabulary: Vocabulary, text: str, vegan: str, category: str | None
) -> None:
    doc = label_to_dict(check(text + ", Mica [+/- CI 77491]", vocabulary))
    assert doc["vegan"] == vegan and doc["source_category"] == category
    possible = doc["ingredients"][-1]
    assert possible["name"] == "CI 77491" and "may-contain" in possible["flags"]
    unknown = [i for i in doc["ingredients"] if not i["known"]]
    assert [i["name"] for i in unknown] == doc["unknown"]
    assert all(i["inci"] is None and i["role"] is None for i in unknown)
