"""Shared set-up for the comparison-sheet tests: personas, the catalog, PDF text extraction."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from serumdesk.domain.advice.recommendation import Recommendation, recommend
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import Active, Caution, Diet, Sensitivity, UseCase
from serumdesk.storage.data_files import load_catalog
from serumdesk.storage.vocabulary_loader import VocabularyLoader

CATALOG = Path(__file__).resolve().parents[2] / "catalog" / "catalog.json"

# Catalog facts (catalog/catalog.json, shared/reference/product-facts.md).
HUMAN_DERIVED = ("skinmedica-tns-advanced-plus", "neocutis-bio-serum-firm",
                 "angela-caglia-cell-forte", "symbiome-the-answer")

PERSONAS: dict[str, Answers] = {
    "vegan": Answers(diet=Diet.VEGAN),
    "pregnant": Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING})),
    "post-procedure": Answers(use_case=UseCase.POST_PROCEDURE, sensitivity=Sensitivity.HIGH,
                              days_since_procedure=3),
    # Everything that adds text at once: the densest sheet a person can ask for.
    "heavy": Answers(use_case=UseCase.POST_PROCEDURE, sensitivity=Sensitivity.HIGH,
                     cautions=frozenset(c for c in Caution if c.is_medical),
                     allergens=("latex", "peanut oil"), actives=frozenset(Active),
                     budget_usd_per_month=50, days_since_procedure=3),
}


def bundled_catalog() -> Catalog:
    return load_catalog(CATALOG)


VOCABULARY = VocabularyLoader(CATALOG.parent / "ingredients.json")


def rec_for(persona: str, catalog: Catalog | None = None) -> Recommendation:
    return recommend(catalog or bundled_catalog(), PERSONAS[persona],
                     vocabulary=VOCABULARY.load())


def pdf_pages_text(path: Path) -> list[str]:
    """Each page's text with runs of whitespace (line wraps) folded to one space."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages_text(path))
