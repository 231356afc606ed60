"""Allergies matched on the ingredient vocabulary, over the bundled catalog.

Expected exclusions come from the catalog's own listed ingredients (product-facts.md and the
public lists it records), not from SerumDesk's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from serumdesk.domain.advice.allergy import VocabularyMissing
from serumdesk.domain.advice.recommendation import recommend
from serumdesk.domain.advice.rules import ExclusionKind
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.storage.data_files import load_catalog
from serumdesk.storage.vocabulary_loader import VocabularyLoader

CAGLIA, NEOCUTIS, EIGHTH = (
    "angela-caglia-cell-forte",
    "neocutis-bio-serum-firm",
    "eighth-day-regenerative-serum",
)
TNS, BIOEFFECT = "skinmedica-tns-advanced-plus", "bioeffect-egf-serum"
BUFFET, HA_B5, NIACINAMIDE = (
    "the-ordinary-multi-peptide-ha",
    "the-ordinary-hyaluronic-acid-b5",
    "the-ordinary-niacinamide-zinc",
)
# Products that list hyaluronic acid in some form: HA itself (Caglia, Neocutis, Eighth Day,
# HA B5), sodium hyaluronate (Bioeffect, HA B5, Multi-Peptide) or its crosspolymer.
HA_PRODUCTS = {CAGLIA, NEOCUTIS, EIGHTH, HA_B5, BIOEFFECT, BUFFET}


@pytest.fixture(scope="module")
def catalog(catalog_path: Path) -> Catalog:
    return load_catalog(catalog_path)


@pytest.fixture(scope="module")
def vocabulary(catalog_path: Path) -> Vocabulary:
    return VocabularyLoader(catalog_path.parent / "ingredients.json").load()


def left_out(catalog: Catalog, vocabulary: Vocabulary, *allergens: str) -> dict[str, str]:
    rec = recommend(catalog, Answers(allergens=allergens), vocabulary=vocabulary)
    return {
        e.product.id: " ".join(r.text for r in e.reasons if r.kind is ExclusionKind.ALLERGY)
        for e in rec.excluded
    }


@pytest.mark.parametrize(
    "typed",
    [
        "hyaluronic acid",
        "Hyaluronic Acid",
        "HA",
        "hyaluronan",
        "acid hyaluronic",
        "hyalurónic acid",
        "hyaluronic acids",
    ],
)
def test_hyaluronic_acid_in_any_of_its_names_catches_every_form(
    catalog: Catalog, vocabulary: Vocabulary, typed: str
) -> None:
    out = left_out(catalog, vocabulary, typed)
    assert set(out) == HA_PRODUCTS
    # Bioeffect lists it as sodium hyaluronate: the family is named in the reason.
    assert "sodium hyaluronate" in out[BIOEFFECT].casefold() and "hyaluronic acid" in out[BIOEFFECT]


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("vitamin B3", {NIACINAMIDE, EIGHTH}),
        ("niacinamide", {NIACINAMIDE, EIGHTH}),
        ("nicotinamide", {NIACINAMIDE, EIGHTH}),
        ("tremella", {CAGLIA}),
        ("snow mushroom", {CAGLIA}),
        ("mushroom", {CAGLIA}),
        ("glycolic acid", {EIGHTH}),
        ("whey", {TNS}),  # the second chamber's whey protein (a partial public list)
        ("milk", {TNS}),
        ("tree nuts", set()),
        ("lavender", set()),
    ],
)
def test_synonyms_and_families(
    catalog: Catalog, vocabulary: Vocabulary, typed: str, expected: set[str]
) -> None:
    assert set(left_out(catalog, vocabulary, typed)) == expected


def test_fish_catches_the_guides_marine_extracts_as_a_possible_match(
    catalog: Catalog, vocabulary: Vocabulary
) -> None:
    # The guide: TNS pairs conditioned media "with peptides and marine extracts"; which marine
    # source is not stated, so a fish allergy may be touched: left out, and said as "may".
    out = left_out(catalog, vocabulary, "fish")
    assert set(out) == {TNS}
    assert "may be or contain" in out[TNS] and "marine extracts" in out[TNS]
    assert set(left_out(catalog, vocabulary, "marine extract")) == {TNS}
    # HA B5's Ahnfeltia concinna is a red alga: a marine allergy catches it, a fish one not.
    assert set(left_out(catalog, vocabulary, "marine")) == {TNS, HA_B5}


@pytest.mark.parametrize("typed", ["latex", "zinc", "qwertyuiop", "acid-free"])
def test_an_unknown_allergen_is_reported_never_matched_by_a_piece(
    catalog: Catalog, vocabulary: Vocabulary, typed: str
) -> None:
    rec = recommend(catalog, Answers(allergens=(typed,)), vocabulary=vocabulary)
    if rec.unknown_allergens:
        assert rec.unknown_allergens == (typed,)
        assert rec.allergy_note is not None and f"“{typed}”" in rec.allergy_note.text
        assert "read each label yourself" in rec.allergy_note.text
        assert not rec.excluded
    else:  # the vocabulary knows it as a real ingredient or family: then it matched by that
        assert typed == "acid-free" and rec.allergy_note is None


def test_without_a_vocabulary_allergies_are_a_broken_install_not_a_guess(catalog: Catalog) -> None:
    with pytest.raises(VocabularyMissing, match="Reinstall"):
        recommend(catalog, Answers(allergens=("snow mushroom",)))


def test_several_allergies_each_say_what_matched(catalog: Catalog, vocabulary: Vocabulary) -> None:
    out = left_out(catalog, vocabulary, "fish", "vitamin b3")
    assert set(out) == {TNS, NIACINAMIDE, EIGHTH}
    assert "“vitamin b3”" in out[EIGHTH] and "“fish”" in out[TNS]


def test_a_blend_may_hold_a_named_allergen_but_a_near_substance_does_not(vocabulary: Vocabulary) -> None:
    from serumdesk.domain.advice.allergy import find_allergen, read_listed, resolve_allergens

    reading = read_listed(["Parfum", "Citric Acid", "Glycerin"], vocabulary)
    (linalool,), _ = resolve_allergens(["linalool"], vocabulary)
    found = find_allergen(reading, linalool, vocabulary)
    assert found is not None and found.ingredient == "Parfum"
    assert found.strength.value == "possible"
    (glycolic,), _ = resolve_allergens(["glycolic acid"], vocabulary)
    assert find_allergen(reading, glycolic, vocabulary) is None
    (aha,), _ = resolve_allergens(["AHA"], vocabulary)  # the family typed: citric acid may be one
    found = find_allergen(reading, aha, vocabulary)
    assert found is not None and found.ingredient == "Citric Acid"
