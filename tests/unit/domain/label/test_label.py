"""Reading labels as printed: real labels from public pages (data/labels, each with its source in
its '# ' header) and synthetic ones where no real label was found, said so in their headers.

Expected facts come from the label text itself and the guide's description of each source, not
from this code's output."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from serumdesk.domain.choices import IrritantKind, SourceCategory, Vegan
from serumdesk.domain.ingredients.entry import MatchKind
from serumdesk.domain.ingredients.model import Flag
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.parse import MAX_ITEMS, parse_label, printable
from serumdesk.domain.label.reading import LabelReading, read_label

LABELS = Path(__file__).parents[1] / "data" / "labels"


def label_text(name: str) -> str:
    """The label as printed: the file without its '# ' source header."""
    lines = (LABELS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and any(line.startswith("# ") for line in lines)
    return "\n".join(line for line in lines if not line.startswith("# "))


def written(text: str) -> list[str]:
    return [i.written for i in parse_label(text).items]


def read(name: str, vocabulary: Vocabulary) -> LabelReading:
    return read_label(label_text(name), vocabulary)


def names(ingredients: tuple[object, ...]) -> set[str]:
    return {i.written for i in ingredients}  # type: ignore[attr-defined]


def test_every_stored_label_names_its_source() -> None:
    for path in sorted(LABELS.glob("*.txt")):
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
        if path.name.startswith("synthetic-"):
            assert any("SYNTHETIC LABEL" in line for line in header), path.name
        else:
            assert any(line.startswith("# URL: http") for line in header), path.name


# --- parsing real labels -------------------------------------------------------------------


def test_comma_list_keeps_the_printed_count_and_order() -> None:
    # skinsort: "Serum with 18 ingredients"; the page says "43 ingredients" for Kate Somerville.
    tns = written(label_text("skinmedica-tns-recovery-complex"))
    assert len(tns) == 18
    assert tns[0] == "Human Neonatal Fibroblast Conditioned Media" and tns[-1] == "Isoeugenol"
    assert "Acrylates/C10-30 Alkyl Acrylate Crosspolymer" in tns  # a slash inside one name
    assert len(written(label_text("kate-somerville-retinol-vitamin-c-moisturizer"))) == 43


def test_one_name_per_line_tables_are_read_line_by_line() -> None:
    aq = written(label_text("aq-skin-solutions-active-serum"))
    assert len(aq) == 12 and aq[-1] == "Caprylyl Glycol"
    alpyn = written(label_text("alpyn-beauty-plantgenius-survival-serum"))
    assert alpyn[0] == "Aloe Barbadensis (Aloe Vera) Leaf Juice"  # the printed '*' is a footnote mark


def test_footnote_numbers_are_removed_even_inside_words() -> None:
    is_clinical = written(label_text("is-clinical-c-and-e-serum-advance"))
    assert is_clinical[:3] == ["Water", "Propylene Glycol", "L-Ascorbic Acid"]
    assert "Laureth-4" in is_clinical and is_clinical[-1] == "Phenoxyethanol"
    mizon = written(label_text("mizon-snail-cushion-foam-cleanser"))
    assert {"hydrogenated vegetable oil", "copper tripeptide-1", "human oligopeptide-1", "alcohol"} <= set(
        mizon
    )
    assert not any("[" in name or "]" in name for name in mizon)


def test_prefix_brackets_and_typos_as_printed() -> None:
    muac = written(label_text("muac-transforming-anti-aging-mist"))
    assert muac[0] == "Purified Water" and "Ceramide I" in muac and len(muac) == 20
    assert muac[-1] == "Methylisothiazolinone"


def test_blogger_notes_in_brackets_are_not_ingredients() -> None:
    items = written(label_text("the-ordinary-hyaluronic-acid-2-b5-blog-annotated"))
    assert len(items) == 17
    assert not any(name.startswith(("best", "good")) for name in items)


def test_concentrations_are_not_part_of_the_name() -> None:
    forest = parse_label(label_text("forest-of-the-borges-egf-serum")).items
    assert forest[-1].name == "rh-Oligopeptide-1"  # printed "rh-Oligopeptide-1 at 1ppm."
    drug = parse_label(label_text("skinmedica-tns-ultimate-daily-moisturizer-spf20-PARTIAL")).items
    assert [i.name for i in drug[:2]] == ["Octinoxate", "Zinc Oxide"]  # headings dropped
    assert drug[2].written == "Water/Aqua/Eau"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ingredients: Water, Glycerin (and) Niacinamide 10%.", ["Water", "Glycerin", "Niacinamide 10%"]),
        ("INCI: Aqua; Glycerin • Squalane | Mica", ["Aqua", "Glycerin", "Squalane", "Mica"]),
        (
            "Water. Glycerin. Alcohol Denat., Niacinamide",
            ["Water", "Glycerin", "Alcohol Denat", "Niacinamide"],
        ),
        ("water,,  GLYCERIN ,\n\n 1,2-Hexanediol", ["water", "GLYCERIN", "1,2-Hexanediol"]),
        ("Aqua (Water, Eau), Glycerin", ["Aqua (Water, Eau)", "Glycerin"]),
        ("Water ), Glycerin (, Mica", ["Water", "Glycerin", "Mica"]),
        ("Glycerin†, Squalane‡, Retinol¹", ["Glycerin", "Squalane", "Retinol"]),
        ("Ingredients\nWater\nGlycerin", ["Water", "Glycerin"]),
        ("Water, Glycerin. Other ingredients: Mica", ["Water", "Glycerin", "Mica"]),
        ("Ingredients (INCI): Aqua, Mica", ["Aqua", "Mica"]),
    ],
)
def test_separators_and_stray_punctuation(text: str, expected: list[str]) -> None:
    assert written(text) == expected


def test_may_contain_sections_and_plus_minus_brackets_are_possible() -> None:
    items = parse_label(
        "Water, Mica [+/- CI 77491, CI 77492], Glycerin. May contain: CI 77499, "
        "Titanium Dioxide\n\nNiacinamide"
    ).items
    assert [(i.written, i.possible) for i in items] == [
        ("Water", False),
        ("Mica", False),
        ("CI 77491", True),
        ("CI 77492", True),
        ("Glycerin", False),
        ("CI 77499", True),
        ("Titanium Dioxide", True),
        ("Niacinamide", False),
    ]


# --- what the label says: each source category --------------------------------------------


@pytest.mark.parametrize(
    ("name", "category", "deciding"),
    [
        (
            "skinmedica-tns-recovery-complex",
            SourceCategory.HUMAN_FIBROBLAST_CM,
            {"Human Neonatal Fibroblast Conditioned Media"},
        ),
        (
            "aq-skin-solutions-active-serum",
            SourceCategory.HUMAN_FIBROBLAST_CM,
            {"Human Fibroblast Conditioned Media"},
        ),
        (
            "skinmedica-tns-ultimate-daily-moisturizer-spf20-PARTIAL",
            SourceCategory.HUMAN_FIBROBLAST_CM,
            {"Human Fibroblast Conditioned Media"},
        ),
        (
            "synthetic-human-adipose-conditioned-media",
            SourceCategory.HUMAN_ADIPOSE_CM,
            {"Human Adipose-Derived Stem Cell Conditioned Media"},
        ),
        (
            "synthetic-human-exosome-serum",
            SourceCategory.EXOSOME_CM,
            {"Human Cord Blood Cell Conditioned Media", "Human Adipose Stromal Cell Exosomes"},
        ),
        ("synthetic-human-cell-lysate", SourceCategory.HUMAN_LYSATE, {"Processed Skin Cell Proteins"}),
        ("bioeffect-egf-serum", SourceCategory.PLANT_MADE_GF, {"EGF (Transgenic barley sh-oligopeptide-1)"}),
        ("forest-of-the-borges-egf-serum", SourceCategory.LAB_PEPTIDES_GF, {"rh-Oligopeptide-1 at 1ppm"}),
        ("mizon-snail-cushion-foam-cleanser", SourceCategory.LAB_PEPTIDES_GF, {"human oligopeptide-1"}),
        ("mizon-snail-wrinkle-care-sleeping-pack", SourceCategory.LAB_PEPTIDES_GF, {"SH-Oligopeptide-9"}),
        (
            "alpyn-beauty-plantgenius-survival-serum",
            SourceCategory.PLANT_CELL_CULTURE,
            {"Centella Asiatica Meristem Cell Culture"},
        ),
        (
            "synthetic-plant-cell-culture-apple",
            SourceCategory.PLANT_CELL_CULTURE,
            {"Malus Domestica Fruit Cell Culture Extract", "Leontopodium Alpinum Callus Culture Extract"},
        ),
        ("the-ordinary-niacinamide-10-zinc-1", SourceCategory.NON_BIOLOGIC, set()),
        ("the-ordinary-retinol-1-in-squalane", SourceCategory.NON_BIOLOGIC, set()),
        ("is-clinical-c-and-e-serum-advance", SourceCategory.NON_BIOLOGIC, set()),
        ("the-ordinary-glycolic-acid-7-toning-solution", SourceCategory.NON_BIOLOGIC, set()),
        ("kate-somerville-retinol-vitamin-c-moisturizer", SourceCategory.NON_BIOLOGIC, set()),
        ("the-ordinary-hyaluronic-acid-2-b5-blog-annotated", SourceCategory.NON_BIOLOGIC, set()),
    ],
)
def test_source_category_and_what_decided_it(
    vocabulary: Vocabulary, name: str, category: SourceCategory, deciding: set[str]
) -> None:
    reading = read(name, vocabulary)
    assert reading.source_category is category
    assert names(reading.source_reason) == deciding


def test_human_derived_outranks_other_sources(vocabulary: Vocabulary) -> None:
    reading = read_label(
        "Water, Malus Domestica Fruit Cell Culture Extract, sh-Oligopeptide-1, "
        "Human Fibroblast Conditioned Media",
        vocabulary,
    )
    assert reading.source_category is SourceCategory.HUMAN_FIBROBLAST_CM
    lab = read_label("Malus Domestica Fruit Cell Culture Extract, sh-Oligopeptide-1", vocabulary)
    assert lab.source_category is SourceCategory.LAB_PEPTIDES_GF


def test_a_possible_ingredient_does_not_name_the_source(vocabulary: Vocabulary) -> None:
    reading = read_label("Water, Glycerin. May contain: Human Fibroblast Conditioned Media", vocabulary)
    assert reading.source_category is SourceCategory.NON_BIOLOGIC and not reading.human_derived
    assert reading.vegan is Vegan.NOT_CONFIRMED


def test_unknowns_leave_the_source_open_and_are_listed_not_guessed(vocabulary: Vocabulary) -> None:
    muac = read("muac-transforming-anti-aging-mist", vocabulary)
    assert names(muac.unknown) == {"Jasmine Alcohol"}  # the label index: "unclear"
    assert muac.source_category is None and names(muac.source_reason) == {"Jasmine Alcohol"}
    assert not muac.complete and muac.fragrance_free is None


def test_a_biologic_whose_name_gives_no_origin_leaves_the_source_open(vocabulary: Vocabulary) -> None:
    reading = read_label("Water, Exosomes, Glycerin", vocabulary)
    assert reading.source_category is None and names(reading.source_reason) == {"Exosomes"}
    assert not reading.unknown


# --- origin, vegan, fragrance, irritants ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "vegan", "because"),
    [
        ("skinmedica-tns-recovery-complex", Vegan.NO, {"Human Neonatal Fibroblast Conditioned Media"}),
        ("mizon-snail-wrinkle-care-sleeping-pack", Vegan.NO, {"Snail Secretion Filtrate", "Honey Extract"}),
        ("mizon-snail-cushion-foam-cleanser", Vegan.NO, {"Snail secretion filtrate"}),
        # The brand calls it vegan; every ingredient is known and none can come from animals.
        ("the-ordinary-niacinamide-10-zinc-1", Vegan.YES, set()),
        # Squalane and glycerin can come from animals and the label does not say which.
        ("the-ordinary-retinol-1-in-squalane", Vegan.NOT_CONFIRMED, {"Squalane"}),
        ("bioeffect-egf-serum", Vegan.NOT_CONFIRMED, {"Glycerine", "Sodium hyaluronate"}),
    ],
)
def test_vegan_is_yes_only_when_every_ingredient_says_so(
    vocabulary: Vocabulary, name: str, vegan: Vegan, because: set[str]
) -> None:
    reading = read(name, vocabulary)
    assert reading.vegan is vegan
    assert names(reading.vegan_reason) == because


def test_human_and_animal_origin(vocabulary: Vocabulary) -> None:
    tns = read("skinmedica-tns-recovery-complex", vocabulary)
    assert tns.human_derived and not tns.animal_derived
    snail = read("mizon-snail-wrinkle-care-sleeping-pack", vocabulary)
    assert snail.animal_derived and not snail.human_derived
    lysate = read("synthetic-human-cell-lysate", vocabulary)
    assert names(lysate.fetal_cell_line) == {"Processed Skin Cell Proteins"}
    assert lysate.ethics_notes and "fetal" in lysate.ethics_notes[0]


def test_fragrance_and_its_eu_allergens_are_fragrance(vocabulary: Vocabulary) -> None:
    tns = read("skinmedica-tns-recovery-complex", vocabulary)
    assert names(tns.fragrance) == {
        "Parfum",
        "Hydroxycitronellal",
        "Linalool",
        "Coumarin",
        "Alpha-Isomethyl Ionone",
        "Geraniol",
        "Isoeugenol",
    }
    assert tns.fragrance_free is False
    kate = read("kate-somerville-retinol-vitamin-c-moisturizer", vocabulary)
    assert {"Parfum", "Linalool", "Limonene"} <= names(kate.fragrance)
    niacinamide = read("the-ordinary-niacinamide-10-zinc-1", vocabulary)
    assert niacinamide.fragrance == () and niacinamide.fragrance_free is True


def test_essential_oils_count_as_scented(vocabulary: Vocabulary) -> None:
    aq = read("aq-skin-solutions-active-serum", vocabulary)
    assert aq.irritant_names(IrritantKind.ESSENTIAL_OIL) == ["Citrus Aurantium Bergamia (Bergamot) Fruit Oil"]
    alpyn = read("alpyn-beauty-plantgenius-survival-serum", vocabulary)
    assert {"Lavandula Angustifolia (Lavender) Oil", "Citrus Aurantium Dulcis (Orange) Oil"} <= names(
        alpyn.fragrance
    )


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("aq-skin-solutions-active-serum", IrritantKind.EXFOLIATING_ACID, ["Lactic Acid"]),
        (
            "alpyn-beauty-plantgenius-survival-serum",
            IrritantKind.EXFOLIATING_ACID,
            ["Lactic Acid", "Glycolic Acid"],
        ),
        ("the-ordinary-glycolic-acid-7-toning-solution", IrritantKind.EXFOLIATING_ACID, ["Glycolic Acid"]),
        ("the-ordinary-retinol-1-in-squalane", IrritantKind.RETINOID, ["Retinol"]),
        ("kate-somerville-retinol-vitamin-c-moisturizer", IrritantKind.RETINOID, ["Retinol"]),
        # Citric acid is a pH adjuster here (label index), not an exfoliant.
        ("kate-somerville-retinol-vitamin-c-moisturizer", IrritantKind.EXFOLIATING_ACID, []),
    ],
)
def test_irritants_by_kind(
    vocabulary: Vocabulary, name: str, kind: IrritantKind, expected: list[str]
) -> None:
    assert read(name, vocabulary).irritant_names(kind) == expected


def test_vitamin_c_forms_and_other_irritants(vocabulary: Vocabulary) -> None:
    for name, vitamin_c in (
        ("is-clinical-c-and-e-serum-advance", "L-Ascorbic Acid"),
        ("aq-skin-solutions-active-serum", "Tetrahexyldecyl Ascorbate"),
        ("alpyn-beauty-plantgenius-survival-serum", "3-O-Ethyl Ascorbic Acid"),
    ):
        assert names(read(name, vocabulary).flagged(Flag.VITAMIN_C)) == {vitamin_c}
    assert "Alcohol Denat" in names(read("is-clinical-c-and-e-serum-advance", vocabulary).irritants)
    assert "Methylisothiazolinone" in names(read("muac-transforming-anti-aging-mist", vocabulary).irritants)


# --- synonyms, typos, brackets, alternatives -------------------------------------------------


def test_a_typo_is_read_as_the_close_name_and_marked(vocabulary: Vocabulary) -> None:
    muac = read("muac-transforming-anti-aging-mist", vocabulary)
    typo = next(i for i in muac.ingredients if i.written == "Gynostemma Pentaphylum Exytact")
    assert typo.close_match and typo.entry is not None
    assert typo.entry.inci == "Gynostemma Pentaphyllum Extract"
    reading = read_label("Niacinimide, Glycerine, Phenoxyethanl", vocabulary)
    assert [i.entry.inci for i in reading.ingredients if i.entry] == [
        "Niacinamide",
        "Glycerin",
        "Phenoxyethanol",
    ]
    assert [i.close_match for i in reading.ingredients] == [True, False, True]  # glycerine: a synonym


def test_the_inci_name_in_brackets_reads_a_common_name(vocabulary: Vocabulary) -> None:
    egf = read("bioeffect-egf-serum", vocabulary).ingredients[-1]
    assert egf.entry is not None and egf.entry.source_category is SourceCategory.PLANT_MADE_GF
    reading = read_label("EGF (sh-Polypeptide-1), Aqua (Water)", vocabulary)
    assert [i.entry.inci for i in reading.ingredients if i.entry] == ["sh-Polypeptide-1", "Water"]


def test_slashed_alternatives_name_one_ingredient(vocabulary: Vocabulary) -> None:
    reading = read_label("Eau/Aqua/Water, Parfum/Fragrance, Caprylic/Capric Triglyceride", vocabulary)
    assert [i.entry.inci for i in reading.ingredients if i.entry] == [
        "Water",
        "Fragrance",
        "Caprylic/Capric Triglyceride",
    ]
    assert not any(i.close_match for i in reading.ingredients)


def test_synonyms_read_as_one_ingredient(vocabulary: Vocabulary) -> None:
    reading = read_label(
        "Snow Mushroom Extract, Tremella Fuciformis Extract, Vitamin B3, Nicotinamide, Hyaluronan", vocabulary
    )
    assert [i.entry.inci for i in reading.ingredients if i.entry] == [
        "Tremella Fuciformis (Mushroom) Extract",
        "Tremella Fuciformis (Mushroom) Extract",
        "Niacinamide",
        "Niacinamide",
        "Hyaluronic Acid",
    ]


def test_word_order_and_pattern_reads_are_marked(vocabulary: Vocabulary) -> None:
    reading = read_label("Rosa Damascena Callus Exosomes", vocabulary)
    found = reading.ingredients[0].resolution
    assert found is not None and found.how is MatchKind.PATTERN and found.entry.inferred


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t ", "Ingredients:", ", , ;", "INCI:\n\n", "*†‡"])
def test_an_empty_label_has_no_ingredients(text: str) -> None:
    assert parse_label(text).items == ()


def test_control_characters_are_stripped_before_display(vocabulary: Vocabulary) -> None:
    evil = "Wa\x1b[31mter\x00, Gly\u202ecerin\u200b, \x07Niacinamide\x7f"
    reading = read_label(evil, vocabulary)
    shown = [i.written for i in reading.ingredients]
    assert shown == ["Wa31mter", "Glycerin", "Niacinamide"]  # the stray "[" goes too
    for name in shown:
        assert all(unicodedata.category(ch) not in ("Cc", "Cf") for ch in name)
    assert printable("a\tb\nc\x00\u2066d") == "a b cd"


def test_a_label_of_only_unknown_words_is_read_quickly_and_honestly(vocabulary: Vocabulary) -> None:
    text = ", ".join(f"Zorblaxine{i} Quuxate" for i in range(400))
    start = time.perf_counter()
    reading = read_label(text, vocabulary)
    assert time.perf_counter() - start < 1.0
    assert len(reading.unknown) == 400 and reading.known == ()
    assert reading.source_category is None and reading.vegan is Vegan.NOT_CONFIRMED
    assert reading.fragrance_free is None


def test_a_one_megabyte_label_is_read_well_under_a_second(vocabulary: Vocabulary) -> None:
    real = label_text("mizon-snail-wrinkle-care-sleeping-pack")
    text = (real + ", ") * (1_000_000 // len(real))
    assert len(text) >= 990_000
    start = time.perf_counter()
    reading = read_label(text, vocabulary)
    assert time.perf_counter() - start < 1.0
    assert len(reading.listed) == MAX_ITEMS < len(reading.ingredients)
    assert reading.unread_chars > 500_000 and reading.truncated
    assert reading.vegan is Vegan.NO  # snail, from what was read
    assert not reading.complete


def test_one_huge_line_without_separators_is_cut_and_said(vocabulary: Vocabulary) -> None:
    start = time.perf_counter()
    reading = read_label("x" * 1_000_000, vocabulary)
    assert time.perf_counter() - start < 1.0
    assert len(reading.ingredients) == 1 and not reading.ingredients[0].known
    assert len(reading.ingredients[0].written) <= 201 and reading.unread_chars > 0
    invisible = parse_label("\u202e" * 1_000_000)
    assert invisible.items == () and invisible.unread_chars > 0


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.text(max_size=400))
def test_parsing_never_raises_and_shows_only_printable_names(vocabulary: Vocabulary, text: str) -> None:
    parsed = parse_label(text)
    for item in parsed.items:
        assert item.written and item.name
        assert all(unicodedata.category(ch) not in ("Cc", "Cf") for ch in item.written)
    read_label(parsed, vocabulary)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Water",
                "(",
                ")",
                "[",
                "]",
                ",",
                ".",
                " ",
                "\n",
                "+/-",
                "May contain",
                "(and)",
                "Glycerin",
                "10%",
                "/",
                "[7]",
                "1,2-Hexanediol",
                "\u202e",
            ]
        ),
        max_size=40,
    )
)
def test_label_shaped_noise_never_raises(vocabulary: Vocabulary, parts: list[str]) -> None:
    read_label("".join(parts), vocabulary)
