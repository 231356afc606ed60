"""A serum added from its label: the product SerumDesk derives, every label fact an inference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from serumdesk.domain.advice.ranking import rank
from serumdesk.domain.advice.wording import origin_words, vegan_words
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.my_products import MyProduct, product_from_label, product_id_for
from serumdesk.domain.choices import InferredFact, SourceCategory, UseCase
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.reading import read_label
from serumdesk.storage.data_files import load_catalog
from serumdesk.storage.vocabulary_loader import VocabularyLoader

TODAY = dt.date(2026, 11, 29)
# Shaped like a Korean exosome ampoule's label (synthetic, for the classifier): the human
# conditioned media decide the source, the essential oil is an irritant and fragrance.
EXOSOME_LABEL = (
    "Ingredients: Water, Human Adipose Stem Cell Conditioned Media, Glycerin, "
    "Sodium Hyaluronate, Niacinamide, Lavandula Angustifolia (Lavender) Oil, "
    "Phenoxyethanol"
)
PLAIN_LABEL = "Aqua, Glycerin, Sodium Hyaluronate, Panthenol, Phenoxyethanol"


@pytest.fixture(scope="module")
def vocabulary(catalog_path: Path) -> Vocabulary:
    return VocabularyLoader(catalog_path.parent / "ingredients.json").load()


def mine(label: str, **changes: object) -> MyProduct:
    data: dict[str, object] = {
        "id": "mine-test",
        "brand": "Clinic",
        "name": "Ampoule",
        "price_usd": 120.0,
        "size_ml": 30.0,
        "label": label,
    }
    data.update(changes)
    return MyProduct(**data)  # type: ignore[arg-type]


def test_a_human_media_label_makes_a_human_derived_biologic(vocabulary: Vocabulary) -> None:
    product = product_from_label(mine(EXOSOME_LABEL), read_label(EXOSOME_LABEL, vocabulary), TODAY)
    assert product.entered_by_you and not product.named_in_guide
    assert product.source_category is SourceCategory.HUMAN_ADIPOSE_CM
    assert product.human_derived and product.vegan_status == "no"
    assert "Human Adipose Stem Cell Conditioned Media" in product.source_detail
    assert {InferredFact.SOURCE, InferredFact.HUMAN_DERIVED, InferredFact.USE_CASES} <= set(product.inferred)
    assert product.fragrance_free is False
    assert [i.ingredient for i in product.irritants if i.kind.value == "essential-oil"] == [
        "Lavandula Angustifolia (Lavender) Oil"
    ]
    assert UseCase.POST_PROCEDURE in product.use_cases
    # Not given: the catalog's estimate model, marked as estimates.
    assert product.dose_ml.value == 0.25 and product.dose_ml.provenance.is_estimate
    assert product.applications_per_day.provenance.is_estimate
    assert product.price.provenance.describe() == f"your entry ({TODAY.isoformat()})"
    assert product.ingredient_list is not None
    assert product.ingredient_list.provenance.source == "the label you entered"
    assert origin_words(product) == "Human-derived (from your label)."


def test_a_plain_label_is_a_non_biologic_with_a_confirmed_reading(vocabulary: Vocabulary) -> None:
    product = product_from_label(
        mine(PLAIN_LABEL, dose_ml=0.3, per_day=1.0), read_label(PLAIN_LABEL, vocabulary), TODAY
    )
    assert product.source_category is SourceCategory.NON_BIOLOGIC
    assert product.ingredient_list is not None and product.ingredient_list.complete
    assert product.full_list_checked
    assert UseCase.HYDRATION in product.use_cases
    assert (product.dose_ml.value, product.applications_per_day.value) == (0.3, 1.0)
    assert not product.dose_ml.provenance.is_estimate
    # Glycerin may be of animal origin: vegan is likely at best, never a plain "yes".
    assert product.vegan_status == "not confirmed"


def test_unknown_ingredients_leave_the_source_open_and_count_as_a_biologic(vocabulary: Vocabulary) -> None:
    label = "Water, Zorbulin Complex, Glycerin"
    product = product_from_label(mine(label), read_label(label, vocabulary), TODAY)
    assert product.source_category is SourceCategory.UNDETERMINED
    assert product.source_category.is_novel_biologic  # medical cautions apply, to be safe
    assert "Zorbulin Complex" in product.source_detail
    assert not product.full_list_checked


def test_an_entered_product_ranks_beside_the_catalog(catalog_path: Path, vocabulary: Vocabulary) -> None:
    catalog = load_catalog(catalog_path)
    product = product_from_label(mine(EXOSOME_LABEL), read_label(EXOSOME_LABEL, vocabulary), TODAY)
    ranking = rank(
        [*catalog.products, product], Answers(use_case=UseCase.POST_PROCEDURE), vocabulary=vocabulary
    )
    match = next(m for m in ranking.matches if m.product.id == "mine-test")
    fit = match.reasons[0]
    assert "SerumDesk's reading of its ingredients" in fit.text  # not "the guide places it"
    lavender = rank([product], Answers(allergens=("lavender",)), vocabulary=vocabulary)
    assert [e.product.id for e in lavender.excluded] == ["mine-test"]


def test_ids_never_clash() -> None:
    assert product_id_for("Dr. Kim's", "Exosome Ampoule #1", set()) == "mine-dr-kim-s-exosome-ampoule-1"
    assert product_id_for("A", "B", {"mine-a-b", "mine-a-b-2"}) == "mine-a-b-3"
    assert product_id_for("!!!", "???", set()) == "mine-serum"


def test_vegan_words_say_likely_only_for_the_catalogs_inference(vocabulary: Vocabulary) -> None:
    product = product_from_label(mine(PLAIN_LABEL), read_label(PLAIN_LABEL, vocabulary), TODAY)
    assert vegan_words(product) == "Vegan: not confirmed."


def test_an_allergy_check_on_your_entry_names_your_label_as_its_source(vocabulary: Vocabulary) -> None:
    from serumdesk.domain.advice.cautions import CautionKind, cautions_for

    label = "Water, Glycerin, Sodium Hyaluronate, Phenoxyethanol"
    product = product_from_label(mine(label), read_label(label, vocabulary), TODAY)
    [check] = [
        n
        for n in cautions_for(product, Answers(allergens=("lanolin",)))
        if n.kind is CautionKind.ALLERGY_CHECK
    ]
    assert "from the label you entered" in check.text and "public page" not in check.text


@pytest.mark.parametrize("diet", ["no-human-derived", "vegan", "no-fetal-cell-line"])
def test_a_label_that_leaves_the_source_open_is_never_called_not_human_derived(
    vocabulary: Vocabulary, diet: str
) -> None:
    """The guide's first test of a serum is whether it says where its biologic comes from
    ("How to choose": ingredient source and transparency). "Exosomes" alone does not."""
    from serumdesk.domain.advice.cautions import CautionKind, cautions_for
    from serumdesk.domain.choices import Diet

    label = "Water, Exosomes, Glycerin, Niacinamide"
    product = product_from_label(mine(label), read_label(label, vocabulary), TODAY)
    assert product.source_category is SourceCategory.UNDETERMINED
    assert origin_words(product).startswith("Origin not known")
    assert product.vegan_status == "not confirmed"
    asked = [
        n.text
        for n in cautions_for(product, Answers(diet=Diet(diet)))
        if n.kind is CautionKind.DIET_UNCONFIRMED
    ]
    assert any("may be human-derived: ask the brand" in text for text in asked)
    assert not [n for n in cautions_for(product, Answers()) if n.kind is CautionKind.DIET_UNCONFIRMED]


def test_a_saved_serum_claiming_live_stem_cells_carries_the_red_flag(vocabulary: Vocabulary) -> None:
    """The label verdict's red flag travels with the saved serum: its card says it first,
    whatever the person answered; a serum without the claim never says it."""
    from serumdesk.domain.advice.cautions import CautionLevel, cautions_for
    from serumdesk.domain.sources import SourceKind

    label = "Aqua, Live Human Stem Cells, Glycerin, Sodium Hyaluronate, Phenoxyethanol"
    product = product_from_label(mine(label), read_label(label, vocabulary), TODAY)
    assert product.claims_live_cells
    first = cautions_for(product, Answers())[0]
    assert first.level is CautionLevel.CLINICIAN
    assert first.source.kind is SourceKind.MEDICAL and "FDA" in first.source.title
    assert "live stem cells" in first.text
    plain = product_from_label(mine(PLAIN_LABEL), read_label(PLAIN_LABEL, vocabulary), TODAY)
    assert not plain.claims_live_cells
    assert not any("live stem cells" in c.text for c in cautions_for(plain, Answers()))
