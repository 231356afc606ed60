"""Origin read from a name as a chemist reads it, allergens searched by name, and a cut label
read whole (issues #22 and #19). Expected answers come from what the names say."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Caution, Diet
from serumdesk.domain.ingredients.entry import MatchKind
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.parse import MAX_ITEMS
from serumdesk.domain.label.reading import Known, Vegan, read_label
from serumdesk.domain.label.report import allergy_lines, verdict_lines
from serumdesk.domain.label.verdict import check_label, label_to_dict


@pytest.mark.parametrize(
    ("name", "human", "animal"),
    [
        ("Human Platelet Extract", Known.YES, Known.NO),
        ("Live Human Stem Cells", Known.YES, Known.NO),
        ("Cervus Elaphus Umbilical Cord Lining Conditioned Media", Known.NO, Known.YES),
        ("Artemia Extract", Known.NO, Known.YES),
        ("Milk Peptides", Known.NO, Known.YES),
        ("Sodium Caseinate", Known.NO, Known.YES),
        ("Hydrolyzed Fish Collagen", Known.NO, Known.YES),
        ("Bovine Colostrum", Known.NO, Known.YES),
        ("Ovine Placenta Extract", Known.NO, Known.YES),
        ("Platelet Rich Plasma Extract", Known.NOT_KNOWN, Known.NOT_KNOWN),
        ("Human Adipose Derived Stem Cell Exosomes", Known.YES, Known.NO),
        ("Squalane (Shark)", Known.NO, Known.YES),
        ("Hydrolyzed Sericin", Known.NO, Known.YES),
        ("Carmine", Known.NO, Known.YES),
        ("sh-Oligopeptide-1", Known.NO, Known.NO),
        ("Human Oligopeptide-1", Known.NO, Known.NO),  # the old INCI name of a lab-made EGF
        ("Coconut Milk", Known.NOT_KNOWN, Known.NOT_KNOWN),  # plant words only: still unknown,
        ("Corn Silk Extract", Known.NOT_KNOWN, Known.NOT_KNOWN),  # but never read as animal
    ],
)
def test_origin_is_read_from_the_words_of_a_name(
    vocabulary: Vocabulary, name: str, human: Known, animal: Known
) -> None:
    reading = read_label(f"Water, {name}", vocabulary)
    assert (reading.human_origin.known, reading.animal_origin.known) == (human, animal)
    if Known.YES in (human, animal) or name.startswith("Platelet"):
        assert reading.vegan is Vegan.NO


def test_a_name_read_by_its_words_says_it_is_an_inference(vocabulary: Vocabulary) -> None:
    reading = read_label("Human Platelet Extract", vocabulary)
    item = reading.ingredients[0]
    assert item.resolution is not None and item.resolution.how is MatchKind.ORIGIN
    assert item.entry is not None and item.entry.inferred
    assert item.entry.origin_note is not None and item.entry.origin_note.startswith("Read from the name")
    doc = label_to_dict(check_label(reading, vocabulary, Answers()))
    assert doc["ingredients"][0]["how"] == "origin" and doc["human_derived"] == "yes"


@pytest.mark.parametrize(
    "name", ["Bovine Colostrum", "Platelet Extract", "Cervus Elaphus Umbilical Cord Lining Conditioned Media"]
)
def test_biologics_get_the_clinician_note(vocabulary: Vocabulary, name: str) -> None:
    for caution in (Caution.PREGNANT_OR_BREASTFEEDING, Caution.IMMUNOSUPPRESSED, Caution.AUTOIMMUNE):
        answers = Answers(cautions=frozenset({caution}))
        verdict = check_label(read_label(f"Water, {name}", vocabulary), vocabulary, answers)
        assert any(c.kind.value == "medical" for c in verdict.cautions), (name, caution)


def test_live_stem_cells_are_a_red_flag(vocabulary: Vocabulary) -> None:
    verdict = check_label(read_label("Aqua, Live Stem Cells", vocabulary), vocabulary, Answers())
    assert any("live stem cells" in c.text for c in verdict.cautions)
    assert label_to_dict(verdict)["live_stem_cells_claimed"] is True


def test_embryonic_origin_goes_against_the_fetal_cell_line_answer(vocabulary: Vocabulary) -> None:
    answers = Answers(diet=Diet.NO_FETAL_CELL_LINE)
    verdict = check_label(
        read_label("Embryonic Stem Cell Conditioned Media", vocabulary), vocabulary, answers
    )
    assert any(line.startswith("Does not fit your answer") for line in verdict_lines(verdict, answers))


@pytest.mark.parametrize(
    ("label", "allergen"),
    [
        ("Water, Hydrolyzed Fish Collagen", "fish"),
        ("Water, Zorblax Salmon Roe Complex", "fish"),
        ("Water, Artemia Extract", "shellfish"),
        ("Water, Sodium Caseinate", "milk"),
        ("Water, Bacillus/Soybean Ferment Extract", "soy"),
        ("Water, Myroxylon Pereirae Oil", "balsam of Peru"),
        ("Water, Cinnamomum Cassia Bark Oil", "cinnamon"),
        ("Water, Camellia Sinensis Leaf Water", "green tea"),
        ("Water, Tremella Fuciformis Polysaccharide", "Tremella fuciformis"),
        ("Water, Achillea Millefolium Flower Extract", "Asteraceae"),
        ("Water, Taraxacum Officinale Rhizome Extract", "dandelion"),  # unknown; its genus says it
        ("Water, Zorblax Oryza Sativa Complex", "rice"),
        ("Water, Arnica Montana Flower Extract", "compositae"),
        ("Water, Eugenol", "fragrance mix"),
        ("Water, Citral", "fragrance mix II"),
        ("Water, Parfum", "balsam of Peru"),
    ],
)
def test_an_allergen_in_a_name_is_never_no_match(vocabulary: Vocabulary, label: str, allergen: str) -> None:
    answers = Answers(allergens=(allergen,))
    verdict = check_label(read_label(label, vocabulary), vocabulary, answers)
    lines = allergy_lines(verdict)
    assert not any("no match" in line for line in lines), lines
    assert verdict.allergen_matches or verdict.name_matches


def test_an_allergen_the_vocabulary_does_not_know_is_still_searched(vocabulary: Vocabulary) -> None:
    answers = Answers(allergens=("quuxberry",))
    verdict = check_label(read_label("Water, Quuxberry Seed Oil", vocabulary), vocabulary, answers)
    assert [m.ingredient.written for m in verdict.name_matches] == ["Quuxberry Seed Oil"]
    doc = label_to_dict(verdict)
    assert [m["match"] for m in doc["allergen_matches"]] == ["possible"]


def test_a_shortened_inci_word_is_read_and_said(vocabulary: Vocabulary) -> None:
    reading = read_label("Water, Glycolic", vocabulary)
    item = reading.ingredients[1]
    assert item.entry is not None and item.entry.inci == "Glycolic Acid"
    assert item.resolution is not None and item.resolution.how is MatchKind.SHORTENED
    assert reading.irritants


def test_a_cut_label_is_read_whole_and_says_so(vocabulary: Vocabulary) -> None:
    text = ", ".join(["Aqua"] * 1000 + ["Human Fibroblast Conditioned Media", "Retinol", "Fish Oil"])
    answers = Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING}), allergens=("fish",))
    reading = read_label(text, vocabulary)
    verdict = check_label(reading, vocabulary, answers)
    assert reading.truncated and not reading.complete and len(reading.listed) == MAX_ITEMS
    assert reading.human_origin.known is Known.YES
    assert reading.source_category is not None and reading.source_category.value.startswith("human")
    assert any(c.kind.value == "medical" for c in verdict.cautions)
    doc = label_to_dict(verdict)
    assert doc["truncated"] is True and doc["items_read"] == 1003 and len(doc["ingredients"]) == 1000
    lines = verdict_lines(verdict, answers)
    assert any(line.startswith("The label was cut") for line in lines)
    assert not any("every ingredient is known" in line for line in lines)
    assert verdict.allergen_matches or verdict.name_matches


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "May Chang (citral) and cinnamon essential oils",
            ["May Chang (citral) essential oil", "cinnamon essential oil"],
        ),
        ("Green Tea and Chamomile Extracts", ["Green Tea Extract", "Chamomile Extract"]),
        ("Candelilla and Carnauba Waxes", ["Candelilla Wax", "Carnauba Wax"]),
        ("Sodium Hydroxide and Citric Acid", ["Sodium Hydroxide and Citric Acid"]),  # no shared noun
    ],
)
def test_lay_labels_split_a_shared_noun(text: str, expected: list[str]) -> None:
    from serumdesk.domain.label.parse import parse_label

    assert [i.written for i in parse_label(text).items] == expected


def test_a_lay_run_reads_each_name_with_its_noun(vocabulary: Vocabulary) -> None:
    reading = read_label(
        "Aqua, Jojoba, Argan and Rose Oils, May Chang (citral) and cinnamon essential oils", vocabulary
    )
    read_as = {i.written: (i.entry.inci if i.entry else None, i.completed) for i in reading.ingredients}
    assert read_as["Aqua"] == ("Water", None)
    assert read_as["Jojoba"][1] == "Jojoba Oil"
    assert read_as["May Chang (citral) essential oil"][0] == "Litsea Cubeba Fruit Oil"
    assert read_as["cinnamon essential oil"][0].startswith("Cinnamomum")
    assert {"May Chang (citral) essential oil", "cinnamon essential oil"} <= {
        i.written for i in reading.fragrance
    }


def test_a_saved_serum_of_a_cut_label_says_so_on_its_card(vocabulary: Vocabulary) -> None:
    import datetime as dt

    from serumdesk.domain.catalog.my_products import MyProduct, product_from_label

    text = ", ".join(["Aqua"] * 1000 + ["Human Fibroblast Conditioned Media"])
    mine = MyProduct("mine-x", "Brand", "Serum", 100.0, 30.0, text)
    product = product_from_label(mine, read_label(text, vocabulary), dt.date(2026, 12, 1))
    assert product.human_derived
    assert product.ingredient_list is not None and not product.ingredient_list.complete
    assert product.ingredient_list.note.startswith("The label was cut")


def test_a_saved_serum_of_embryonic_origin_meets_the_fetal_cell_line_answer(vocabulary: Vocabulary) -> None:
    import datetime as dt

    from serumdesk.domain.catalog.my_products import MyProduct, product_from_label

    text = "Water, Embryonic Stem Cell Conditioned Media"
    mine = MyProduct("mine-y", "Brand", "Serum", 100.0, 30.0, text)
    product = product_from_label(mine, read_label(text, vocabulary), dt.date(2026, 12, 1))
    assert product.fetal_cell_line and product.human_derived and not product.vegan


@pytest.mark.parametrize(
    "name",
    [
        "Live Stem Cells",
        "Exosomes",
        "Stem Cell Conditioned Media",
        "Embryo Extract",
        "Platelet Rich Plasma",
        "Amniotic Fluid Extract",
    ],
)
def test_a_biologic_of_unstated_origin_is_never_called_vegan(vocabulary: Vocabulary, name: str) -> None:
    reading = read_label(f"Water, {name}", vocabulary)
    assert reading.vegan is not Vegan.YES
    assert reading.human_origin.known is not Known.NO
    assert reading.biologics


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Human Stem Cell Extract", "human-cell-lysate-growth-factors"),
        ("Malus Domestica Fruit Stem Cell Extract", "plant-cell-culture"),
        ("Recombinant Human EGF", "lab-made-peptides-growth-factors"),
    ],
)
def test_stem_cell_words_name_the_source(vocabulary: Vocabulary, name: str, category: str) -> None:
    reading = read_label(f"Water, {name}", vocabulary)
    assert reading.source_category is not None and reading.source_category.value == category


NAME_POOL = [
    "Water",
    "Glycerin",
    "Squalane",
    "Human Platelet Extract",
    "Bovine Colostrum",
    "Platelet Extract",
    "Exosomes",
    "Live Stem Cells",
    "Zorblax Complex",
    "Hydrolyzed Fish Collagen",
    "Sodium Caseinate",
    "Malus Domestica Fruit Cell Culture Extract",
    "Niacinamide",
    "Parfum",
    "Retinol",
    "Glycolic",
    "Coconut Milk",
    "sh-Oligopeptide-1",
    "Embryonic Stem Cell Conditioned Media",
    "Cervus Elaphus Placenta Extract",
    "Mica [+/- CI 77491]",
    "May contain: Carmine",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(NAME_POOL), min_size=1, max_size=12), st.booleans())
def test_origin_vegan_and_allergy_answers_never_contradict(
    vocabulary: Vocabulary, names: list[str], pad: bool
) -> None:
    text = ", ".join((["Aqua"] * MAX_ITEMS if pad else []) + names)
    answers = Answers(allergens=("fish", "milk", "zorblax"))
    verdict = check_label(read_label(text, vocabulary), vocabulary, answers)
    r = verdict.reading
    if r.vegan is Vegan.YES:
        assert (r.human_origin.known, r.animal_origin.known) == (Known.NO, Known.NO)
    if Known.YES in (r.human_origin.known, r.animal_origin.known):
        assert r.vegan is Vegan.NO
    assert r.truncated == pad and (not r.complete or not pad)
    doc = label_to_dict(verdict)
    assert doc["truncated"] == pad and len(doc["ingredients"]) <= MAX_ITEMS
    for word, typed in (("Fish", "fish"), ("Caseinate", "milk"), ("Zorblax", "zorblax")):
        if any(word in n for n in names):  # in the label: never "no match"
            assert not any(
                line.startswith(f"“{typed}”") and "no match" in line for line in allergy_lines(verdict)
            )
