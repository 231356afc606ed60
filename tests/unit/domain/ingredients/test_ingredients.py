"""The ingredient vocabulary: names matched as people and labels write them, allergies matched
through families, and a broken file refused with errors that name the entry and the field."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest

from serumdesk.domain.choices import SourceCategory
from serumdesk.domain.ingredients import names
from serumdesk.domain.ingredients.allergens import (
    AllergenQuery,
    MatchStrength,
    UnknownAllergen,
    match,
)
from serumdesk.domain.ingredients.entry import Entry, MatchKind
from serumdesk.domain.ingredients.model import Flag, Role
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.ingredients.vocabulary_file import (
    VocabularyError,
    parse_vocabulary,
    vocabulary_json_schema,
)
from serumdesk.storage.data_files import load_vocabulary
from serumdesk.storage.vocabulary_loader import VocabularyLoader, VocabularyUnavailable
from tests.unit.factories import vocabulary_data

ROOT = Path(__file__).parents[4]

# Regulation (EC) No 1223/2009, Annex III: the 26 fragrance allergens EU labels must name.
EU_FRAGRANCE_ALLERGENS = [
    "Amyl Cinnamal",
    "Amylcinnamyl Alcohol",
    "Anise Alcohol",
    "Benzyl Alcohol",
    "Benzyl Benzoate",
    "Benzyl Cinnamate",
    "Benzyl Salicylate",
    "Butylphenyl Methylpropional",
    "Cinnamal",
    "Cinnamyl Alcohol",
    "Citral",
    "Citronellol",
    "Coumarin",
    "Eugenol",
    "Evernia Furfuracea (Treemoss) Extract",
    "Evernia Prunastri (Oakmoss) Extract",
    "Farnesol",
    "Geraniol",
    "Hexyl Cinnamal",
    "Hydroxycitronellal",
    "Hydroxyisohexyl 3-Cyclohexene Carboxaldehyde",
    "Isoeugenol",
    "Limonene",
    "Linalool",
    "Methyl 2-Octynoate",
    "Alpha-Isomethyl Ionone",
]


def small() -> Vocabulary:
    return Vocabulary(parse_vocabulary(json.dumps(vocabulary_data())))


def entry(v: Vocabulary, name: str) -> Entry:
    found = v.resolve(name)
    assert found is not None, name
    return found.entry


def query(v: Vocabulary, text: str) -> AllergenQuery:
    q = v.resolve_allergen(text)
    assert isinstance(q, AllergenQuery), text
    return q


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sodium Hyaluronate", "SODIUM  hyaluronate"),  # case, spaces
        ("Crème de Rosé", "creme de rose"),  # accents
        ("Alpha–Isomethyl Ionone", "alpha-isomethyl ionone"),  # en dash
        ("Alpha-Isomethyl Ionone", "Alpha Isomethyl Ionone"),  # hyphen or space
        ("Acetyl Hexapeptide 3", "Acetyl Hexapeptide-3"),
        ("Matrixyl synthe’6", "matrixyl synthe'6"),  # apostrophes
        ("Ceramides", "Ceramide"),
        ("Exosomes", "exosome"),
        ("berries", "berry"),  # plurals
        ("Tremella Fuciformis (Mushroom) Extract", "Tremella Fuciformis Extract"),
        ("C.I. 77491", "CI 77491"),
        ("Alcohol Denat.", "alcohol denat"),
        ("Caprylic / Capric Triglyceride", "Caprylic/Capric Triglyceride"),
    ],
)
def test_names_that_match_share_a_key(a: str, b: str) -> None:
    assert names.key(a) == names.key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Polysorbate 80", "Polysorbate 85"),
        ("Citrus", "Citru"),
        ("Retinol", "Retinal"),
        ("1,2-Hexanediol", "1 2-Hexanediol 3"),
    ],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert names.key(a) != names.key(b)


def test_latin_endings_are_not_read_as_plurals() -> None:
    assert names.key("Citrus Aurantium Dulcis") == "citrus aurantium dulcis"
    assert names.key("Salvia Officinalis") == "salvia officinalis"


def test_word_order_is_compared_by_sorted_words() -> None:
    assert names.unordered(names.key("Acid Hyaluronic")) == names.unordered(names.key("Hyaluronic Acid"))


# --- resolving a written name ---------------------------------------------------------------


def test_a_name_or_synonym_resolves_exactly() -> None:
    v = small()
    found = v.resolve("hyaluronic acid sodium salt")
    assert found is not None and found.entry.inci == "Sodium Hyaluronate"
    assert found.how is MatchKind.EXACT


def test_parenthesised_inci_alternatives_are_optional() -> None:
    v = small()
    assert entry(v, "Tremella Fuciformis Extract").inci == "Tremella Fuciformis (Mushroom) Extract"
    assert entry(v, "Tremella Fuciformis (Mushroom) Extract").inci == "Tremella Fuciformis (Mushroom) Extract"


def test_words_in_another_order_resolve_and_say_so() -> None:
    found = small().resolve("Acid Hyaluronic")
    assert found is not None and found.entry.inci == "Hyaluronic Acid"
    assert found.how is MatchKind.WORD_ORDER


def test_patterns_match_in_order_and_the_first_wins() -> None:
    v = small()
    human = v.resolve("Human Umbilical Cord Conditioned Media")
    assert human is not None and human.how is MatchKind.PATTERN
    assert human.entry.pattern == "human-conditioned-media"  # not the later '* conditioned media'
    assert human.entry.source_category is SourceCategory.EXOSOME_CM and human.entry.human_derived
    other = v.resolve("Bovine Conditioned Media")
    assert other is not None and other.entry.pattern == "conditioned-media"
    assert other.entry.source_category is None
    assert entry(v, "sh-Oligopeptide-7").source_category is SourceCategory.LAB_PEPTIDES_GF


def test_a_listed_name_wins_over_a_pattern() -> None:
    found = small().resolve("Human Fibroblast Conditioned Media")
    assert found is not None and found.how is MatchKind.EXACT
    assert found.entry.source_category is SourceCategory.HUMAN_FIBROBLAST_CM


def test_a_star_stands_for_at_least_one_word() -> None:
    assert small().resolve("Human Conditioned Media") is not None  # '* conditioned media'
    assert small().resolve("Conditioned Media") is None


def test_a_typo_is_read_as_the_close_name_and_marked_as_an_inference() -> None:
    found = small().resolve("Sodium Hyaluronat")
    assert found is not None and found.how is MatchKind.CLOSE
    assert found.entry.inci == "Sodium Hyaluronate"
    assert small().resolve("Sodium Hyaluronat", close=False) is None


def test_names_that_differ_in_a_number_are_never_typos() -> None:
    assert small().resolve("Polysorbate 85") is None


def test_an_unknown_name_is_not_guessed() -> None:
    v = small()
    for name in ("Zorblax Extract Complex", "Oil", "", "   ", "x" * 500):
        assert v.resolve(name) is None, name


def test_close_matching_stays_fast_on_many_unknown_names() -> None:
    v = small()
    start = time.perf_counter()
    for i in range(2000):
        v.resolve(f"unknownword{i} hyaluronate complex")
    assert time.perf_counter() - start < 2.0


# --- allergies ------------------------------------------------------------------------------


def test_a_family_allergy_matches_its_members_definitely() -> None:
    v = small()
    ha = query(v, "HA")
    assert ha.families == {"hyaluronic-acid"}
    for name in ("Sodium Hyaluronate", "Hyaluronic Acid"):
        found = match(ha, entry(v, name))
        assert found is not None and found.strength is MatchStrength.DEFINITE


def test_an_allergy_to_a_parent_family_catches_its_children() -> None:
    v = small()
    marine = query(v, "marine")
    for name in ("Cod Liver Oil", "Algae Extract", "Marine Extract"):
        found = match(marine, entry(v, name))
        assert found is not None and found.strength is MatchStrength.DEFINITE, name


def test_an_unspecified_ingredient_is_a_possible_match() -> None:
    v = small()
    fish = query(v, "fish")
    found = match(fish, entry(v, "Marine Extract"))
    assert found is not None and found.strength is MatchStrength.POSSIBLE and found.family == "fish"
    assert match(fish, entry(v, "Algae Extract")) is None  # a sibling family is no match
    definite = match(fish, entry(v, "Cod Liver Oil"))
    assert definite is not None and definite.strength is MatchStrength.DEFINITE


def test_an_ingredient_allergy_matches_it_and_blends_that_may_hold_it() -> None:
    v = small()
    linalool = query(v, "Linalool")
    assert linalool.families == frozenset() and linalool.entries == {"linalool"}
    same = match(linalool, entry(v, "linalool"))
    assert same is not None and same.strength is MatchStrength.DEFINITE and same.family is None
    parfum = match(linalool, entry(v, "Parfum"))
    assert parfum is not None and parfum.strength is MatchStrength.POSSIBLE
    assert match(linalool, entry(v, "Geraniol")) is None  # another allergen is not this one


def test_a_family_a_product_lists_is_an_unspecified_member() -> None:
    v = small()
    listed = v.resolve_listed("Marine")  # as a product's key ingredients may say it
    assert listed is not None and listed.inci == "Marine"
    marine = match(query(v, "marine"), listed)
    assert marine is not None and marine.strength is MatchStrength.DEFINITE
    fish = match(query(v, "fish"), listed)  # a family below: it may be fish
    assert fish is not None and fish.strength is MatchStrength.POSSIBLE
    assert listed.origin_uncertain  # fish is of animal origin
    assert v.resolve_listed("Sodium Hyaluronate") == entry(v, "Sodium Hyaluronate")
    assert v.resolve_listed("zorblax") is None


def test_a_typed_allergen_is_read_ignoring_case_accents_plurals_and_order() -> None:
    v = small()
    for text, family in (
        ("SEAWEEDS", "algae"),
        ("Algaé", "algae"),
        ("acid hyaluronic", "hyaluronic-acid"),
        ("Allergens Fragrance", "fragrance-allergens"),
    ):
        assert query(v, text).families == {family}, text


def test_a_typo_in_an_allergen_is_read_as_the_close_name() -> None:
    q = query(small(), "seafod")
    assert q.how is MatchKind.CLOSE and q.families == {"marine"} and q.read_as == "Marine"


def test_an_unknown_allergen_is_reported_never_substring_matched() -> None:
    v = small()
    for text in ("hyaluronic", "extract", "oil", "zorblax", "", "acid"):
        assert v.resolve_allergen(text) == UnknownAllergen(text)


# --- the bundled vocabulary: the synonyms and coverage issues #12 and #14 ask for ------------


@pytest.mark.parametrize(
    ("typed", "ingredient"),
    [
        ("HA", "Sodium Hyaluronate"),
        ("hyaluronic acid", "Sodium Hyaluronate"),
        ("hyaluronan", "Hydrolyzed Hyaluronic Acid"),
        ("hyaluronic acid", "Hydrolyzed Sodium Hyaluronate"),
        ("vitamin B3", "Niacinamide"),
        ("tremella", "Snow Mushroom Extract"),
        ("snow mushroom", "Tremella Fuciformis (Mushroom) Extract"),
        ("marine", "Algae Extract"),
        ("seaweed", "Laminaria Digitata Extract"),
        ("fish", "Caviar Extract"),
        ("tree nuts", "Sweet Almond Oil"),
        ("tree nut", "Argan Oil"),
        ("nuts", "Macadamia Ternifolia Seed Oil"),
        ("fragrance", "Linalool"),
        ("fragrance", "Parfum"),
        ("milk", "Whey Protein"),
        ("bee products", "Beeswax"),
    ],
)
def test_bundled_synonyms_match_definitely(vocabulary: Vocabulary, typed: str, ingredient: str) -> None:
    found = match(query(vocabulary, typed), entry(vocabulary, ingredient))
    assert found is not None and found.strength is MatchStrength.DEFINITE, (typed, ingredient)


@pytest.mark.parametrize(
    ("typed", "ingredient"),
    [
        ("fish", "Marine Extract"),  # TNS's marine extracts (product facts): source unstated
        ("linalool", "Parfum"),  # an undisclosed blend may hold any EU-listed allergen
        ("egg", "Lecithin"),
        ("soy", "Lecithin"),
    ],
)
def test_bundled_unspecified_ingredients_match_possibly(
    vocabulary: Vocabulary, typed: str, ingredient: str
) -> None:
    found = match(query(vocabulary, typed), entry(vocabulary, ingredient))
    assert found is not None and found.strength is MatchStrength.POSSIBLE, (typed, ingredient)


def test_bundled_vocabulary_keeps_unrelated_things_apart(vocabulary: Vocabulary) -> None:
    assert match(query(vocabulary, "citrus"), entry(vocabulary, "Citric Acid")) is None
    assert match(query(vocabulary, "fish"), entry(vocabulary, "Algae Extract")) is None
    assert match(query(vocabulary, "tree nuts"), entry(vocabulary, "Peanut Oil")) is None


def test_bundled_vocabulary_covers_what_serums_of_this_kind_hold(vocabulary: Vocabulary) -> None:
    assert len(vocabulary.entries) >= 300
    for name in EU_FRAGRANCE_ALLERGENS:
        assert Flag.FRAGRANCE_ALLERGEN in entry(vocabulary, name).flags, name
    expectations: dict[Flag, list[str]] = {
        Flag.ANIMAL_DERIVED: ["Snail Secretion Filtrate", "Colostrum", "Carmine", "Lanolin", "Honey"],
        Flag.EXFOLIATING_ACID: [
            "Glycolic Acid",
            "Lactic Acid",
            "Salicylic Acid",
            "Mandelic Acid",
            "Gluconolactone",
        ],
        Flag.RETINOID: [
            "Retinol",
            "Retinal",
            "Tretinoin",
            "Adapalene",
            "Retinyl Palmitate",
            "Hydroxypinacolone Retinoate",
        ],
        Flag.VITAMIN_C: [
            "Ascorbic Acid",
            "Sodium Ascorbyl Phosphate",
            "3-O-Ethyl Ascorbic Acid",
            "Tetrahexyldecyl Ascorbate",
            "Ascorbyl Glucoside",
        ],
        Flag.HUMAN_DERIVED: ["Human Fibroblast Conditioned Media", "Processed Skin Cell Proteins"],
        Flag.FETAL_CELL_LINE: ["Processed Skin Cell Proteins"],
    }
    for flag, members in expectations.items():
        for name in members:
            assert flag in entry(vocabulary, name).flags, (flag, name)
    for name in (
        "Phenoxyethanol",
        "Potassium Sorbate",
        "Sodium Benzoate",
        "Methylparaben",
        "Ethylhexylglycerin",
        "Chlorphenesin",
    ):
        assert entry(vocabulary, name).role is Role.PRESERVATIVE, name
    for name in ("Glycerin", "Butylene Glycol", "Propanediol", "Sodium PCA"):
        assert entry(vocabulary, name).role is Role.HUMECTANT, name


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Human Fibroblast Conditioned Media", SourceCategory.HUMAN_FIBROBLAST_CM),
        ("Human Dermal Fibroblast Conditioned Media", SourceCategory.HUMAN_FIBROBLAST_CM),
        ("Human Fibroblast Conditioned Media Extract", SourceCategory.HUMAN_FIBROBLAST_CM),
        ("Human Adipose Conditioned Media", SourceCategory.HUMAN_ADIPOSE_CM),
        ("Human Adipose-Derived Stem Cell Conditioned Media", SourceCategory.HUMAN_ADIPOSE_CM),
        ("Human Mesenchymal Stem Cell Exosomes", SourceCategory.EXOSOME_CM),
        ("Human Umbilical Cord Stem Cell Conditioned Media", SourceCategory.EXOSOME_CM),
        ("Human Epidermal Cell Lysate", SourceCategory.HUMAN_LYSATE),
        ("Processed Skin Cell Proteins", SourceCategory.HUMAN_LYSATE),
        ("Barley sh-Oligopeptide-1", SourceCategory.PLANT_MADE_GF),
        ("sh-Oligopeptide-1", SourceCategory.LAB_PEPTIDES_GF),
        ("sh-Polypeptide-22", SourceCategory.LAB_PEPTIDES_GF),
        ("rh-Oligopeptide-3", SourceCategory.LAB_PEPTIDES_GF),
        ("Human Oligopeptide-1", SourceCategory.LAB_PEPTIDES_GF),  # the old name of sh-Oligopeptide-1
        ("Malus Domestica Fruit Cell Culture Extract", SourceCategory.PLANT_CELL_CULTURE),
        ("Argania Spinosa Callus Culture Extract", SourceCategory.PLANT_CELL_CULTURE),
        ("Rosa Damascena Callus Exosomes", SourceCategory.PLANT_CELL_CULTURE),
        ("Nicotiana Benthamiana Cell Culture Extract", SourceCategory.PLANT_CELL_CULTURE),
    ],
)
def test_bundled_biologic_names_imply_the_catalog_category(
    vocabulary: Vocabulary, name: str, category: SourceCategory
) -> None:
    assert entry(vocabulary, name).source_category is category


def test_bundled_biologics_of_unstated_origin_have_no_category(vocabulary: Vocabulary) -> None:
    for name in ("Exosomes", "Adipose Stem Cell Conditioned Media", "Rose Exosomes"):
        found = entry(vocabulary, name)
        assert found.source_category is None and found.role is Role.BIOLOGIC, name


# --- the file ------------------------------------------------------------------------------


def test_shipped_schema_matches_the_models() -> None:
    shipped = json.loads((ROOT / "catalog" / "ingredients.schema.json").read_text(encoding="utf-8"))
    regenerate = "run: serumdesk catalog schema --ingredients --output catalog/ingredients.schema.json"
    assert shipped == vocabulary_json_schema(), regenerate


def test_every_entry_names_a_source_of_a_known_kind(vocabulary: Vocabulary) -> None:
    kinds = {e.source.kind for e in vocabulary.entries}
    assert kinds <= {"guide", "product-facts", "regulation", "medical", "reference", "inference"}
    assert "regulation" in kinds and "guide" in kinds


def _problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(VocabularyError) as info:
        parse_vocabulary(json.dumps(data), "test.json")
    assert "test.json" in str(info.value)
    return info.value.problems


def test_an_unknown_field_is_named_with_its_entry() -> None:
    data = vocabulary_data()
    data["ingredients"][1]["famlies"] = []
    assert _problems(data) == [
        "ingredient 'Hyaluronic Acid' (entry 2), field 'famlies': unknown field (check its spelling)"
    ]


def test_a_bad_value_is_named_with_its_entry_and_field() -> None:
    data = vocabulary_data()
    data["patterns"][0]["role"] = "magic"
    data["families"][2]["names"] = ["Algae"]
    problems = _problems(data)
    assert any(p.startswith("family 'algae' (entry 3), field 'names.0'") for p in problems), problems
    assert any(p.startswith("pattern 'human-conditioned-media' (entry 1), field 'role'") for p in problems), (
        problems
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["ingredients"][0].update(families=["nope"]),
            "ingredient 'Sodium Hyaluronate' (entry 1), field 'families': unknown family 'nope'",
        ),
        (
            lambda d: d["ingredients"][3].update(may_be=["fish", "whales"]),
            "ingredient 'Marine Extract' (entry 4), field 'may_be': unknown family 'whales'",
        ),
        (
            lambda d: d["patterns"][1].update(source="elsewhere"),
            "pattern 'conditioned-media' (entry 2), field 'source': unknown source 'elsewhere'",
        ),
        (
            lambda d: d["families"][0].update(parents=["fish"]),
            "family 'marine': it is its own ancestor (check 'parents')",
        ),
        (
            lambda d: d["ingredients"][1].update(names=["Hyaluronic-Acid Sodium Salt".lower()]),
            "ingredient 'Hyaluronic Acid': the name 'hyaluronic-acid sodium salt' also names "
            "'Sodium Hyaluronate' (read as 'hyaluronic acid sodium salt')",
        ),
        (
            lambda d: d["families"][1].update(names=["seafood"]),
            "family 'fish': the name 'seafood' also names family 'marine' (read as 'seafood')",
        ),
        (lambda d: d["families"].append(dict(d["families"][0])), "family id 'marine' appears more than once"),
        (
            lambda d: d["patterns"][0].update(match="* *"),
            "pattern 'human-conditioned-media' (entry 1), field 'match': a pattern needs at least one "
            "word besides '*'",
        ),
        (
            lambda d: d["ingredients"][11].update(flags=[]),
            "ingredient 'Human Fibroblast Conditioned Media' (entry 12), field 'flags': a "
            "human-fibroblast-conditioned-media ingredient must be flagged human-derived",
        ),
        (
            lambda d: d["ingredients"][3].update(families=["fish"], may_be=["fish"]),
            "ingredient 'Marine Extract' (entry 4): fish is in both 'families' and 'may_be'",
        ),
        (
            lambda d: d.update(
                origin_words=[
                    {
                        "id": "bovine",
                        "words": ["bovine"],
                        "may_be": ["cows"],
                        "reason": "from cattle",
                        "source": "guide",
                    }
                ]
            ),
            "origin words 'bovine' (entry 1), field 'may_be': unknown family 'cows'",
        ),
        (
            lambda d: d.update(
                origin_words=[
                    {"id": "bovine", "words": ["bovine"], "reason": "cattle", "source": "somewhere"}
                ]
            ),
            "origin words 'bovine' (entry 1), field 'source': unknown source 'somewhere'",
        ),
    ],
)
def test_integrity_problems_are_named(change: Any, expected: str) -> None:
    data = copy.deepcopy(vocabulary_data())
    change(data)
    assert expected in _problems(data)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"{", "not valid JSON"),
        (b"[]", "the top level must be an object"),
        (b'{"a": "\xc3\x28"}', "not UTF-8"),
        (b"[" * 90_000, "nested too deeply"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(raw: bytes, expected: str) -> None:
    with pytest.raises(VocabularyError) as info:
        parse_vocabulary(raw)
    assert expected in str(info.value)


def test_missing_file_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="does not exist"):
        load_vocabulary(tmp_path / "none.json")
    with pytest.raises(VocabularyError, match="a folder"):
        load_vocabulary(tmp_path)


def test_the_loader_loads_once_and_remembers_a_failure(tmp_path: Path, ingredients_path: Path) -> None:
    loader = VocabularyLoader(ingredients_path)
    assert loader.load() is loader.load()
    broken = VocabularyLoader(tmp_path / "missing.json")
    for _ in range(2):
        with pytest.raises(VocabularyUnavailable, match="does not exist"):
            broken.load()
    assert broken.error is not None
