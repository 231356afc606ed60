"""Small builders for catalog products, so each rule test states only what it is about."""

from __future__ import annotations

from typing import Any

from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.catalog_file import parse_product
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.choices import Active, Caution, Procedure, Sensitivity, UseCase

PREGNANT_AFTER_NEEDLING = Answers(
    use_case=UseCase.POST_PROCEDURE,
    sensitivity=Sensitivity.HIGH,
    procedure=Procedure.MICRONEEDLING,
    days_since_procedure=2,
    cautions=frozenset({Caution.PREGNANT}),
    allergens=("lavender",),
    actives=frozenset({Active.RETINOID}),
    budget_usd_per_month=80,
)
"""Pregnant, two days after microneedling, using a retinoid, allergic to lavender, $80 a
month: the person of the results-at-a-glance issue, used by its tests and screenshots."""

SOURCED = {"kind": "sourced", "source": "test listing", "seen": "2026-01-01"}


def product_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "test-serum",
        "brand": "Brand",
        "name": "Serum",
        "description": "A test serum.",
        "source_category": "lab-made-peptides-growth-factors",
        "source_detail": "lab-made peptides",
        "human_derived": False,
        "vegan": True,
        "key_ingredients": ["peptides", "hyaluronic acid"],
        "price": {"usd": 100.0, "provenance": SOURCED, "size_ml": {"value": 30.0, "provenance": SOURCED}},
        "dose_ml": {"value": 0.25, "provenance": SOURCED},
        "applications_per_day": {"value": 2, "provenance": SOURCED},
        "use_cases": ["mild-concerns"],
        "evidence": {"kind": "none", "summary": "none found", "provenance": SOURCED},
    }
    data.update(overrides)
    return data


def make_product(**overrides: Any) -> Product:
    return parse_product(product_data(**overrides))


def catalog_data(products: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema_version": 1,
        "catalog_version": "test",
        "updated": "2026-11-25",
        "currency": "USD",
        "products": products,
    }


def vocabulary_data() -> dict[str, Any]:
    """A small ingredient vocabulary whose every fact a test can see: marine > fish and algae,
    hyaluronic acid, fragrance > its EU allergens, and a few name patterns in a known order."""
    src = "test-source"
    return {
        "schema_version": 1,
        "version": "test",
        "updated": "2026-11-29",
        "sources": [
            {"id": src, "kind": "reference", "title": "Test source", "url": None, "seen": "2026-11-29"}
        ],
        "families": [
            {"id": "marine", "label": "Marine", "names": ["marine", "seafood"], "parents": [], "source": src},
            {"id": "fish", "label": "Fish", "names": ["fish"], "parents": ["marine"], "source": src},
            {
                "id": "algae",
                "label": "Algae",
                "names": ["algae", "seaweed"],
                "parents": ["marine"],
                "source": src,
            },
            {
                "id": "hyaluronic-acid",
                "label": "Hyaluronic acid",
                "names": ["hyaluronic acid", "ha"],
                "parents": [],
                "source": src,
            },
            {"id": "fragrance", "label": "Fragrance", "names": ["fragrance"], "parents": [], "source": src},
            {
                "id": "fragrance-allergens",
                "label": "Fragrance allergens",
                "names": ["fragrance allergens"],
                "parents": ["fragrance"],
                "source": src,
            },
        ],
        "ingredients": [
            {
                "inci": "Sodium Hyaluronate",
                "names": ["hyaluronic acid sodium salt"],
                "families": ["hyaluronic-acid"],
                "role": "humectant",
                "explanation": "Holds water.",
                "source": src,
            },
            {
                "inci": "Hyaluronic Acid",
                "families": ["hyaluronic-acid"],
                "role": "humectant",
                "explanation": "Holds water.",
                "source": src,
            },
            {
                "inci": "Tremella Fuciformis (Mushroom) Extract",
                "names": ["snow mushroom extract"],
                "role": "humectant",
                "explanation": "A mushroom that holds water.",
                "source": src,
            },
            {
                "inci": "Marine Extract",
                "families": ["marine"],
                "may_be": ["fish", "algae"],
                "role": "skin-conditioning",
                "explanation": "Unspecified sea life.",
                "source": src,
            },
            {
                "inci": "Cod Liver Oil",
                "families": ["fish"],
                "role": "emollient",
                "explanation": "Fish oil.",
                "flags": ["animal-derived"],
                "source": src,
            },
            {
                "inci": "Algae Extract",
                "families": ["algae"],
                "role": "skin-conditioning",
                "explanation": "Seaweed.",
                "source": src,
            },
            {
                "inci": "Fragrance",
                "names": ["parfum"],
                "families": ["fragrance"],
                "may_be": ["fragrance-allergens"],
                "role": "fragrance",
                "explanation": "Scent.",
                "flags": ["fragrance"],
                "source": src,
            },
            {
                "inci": "Linalool",
                "families": ["fragrance", "fragrance-allergens"],
                "role": "fragrance",
                "explanation": "A scent chemical.",
                "flags": ["fragrance", "fragrance-allergen"],
                "source": src,
            },
            {
                "inci": "Geraniol",
                "families": ["fragrance", "fragrance-allergens"],
                "role": "fragrance",
                "explanation": "A scent chemical.",
                "flags": ["fragrance", "fragrance-allergen"],
                "source": src,
            },
            {
                "inci": "Polysorbate 80",
                "role": "emulsifier",
                "explanation": "Blends oil and water.",
                "source": src,
            },
            {
                "inci": "Glycerin",
                "names": ["glycerine"],
                "role": "humectant",
                "explanation": "Holds water.",
                "flags": ["origin-varies"],
                "source": src,
            },
            {
                "inci": "Human Fibroblast Conditioned Media",
                "role": "biologic",
                "explanation": "Growth factors from human skin cells.",
                "flags": ["human-derived"],
                "source_category": "human-fibroblast-conditioned-media",
                "source": src,
            },
        ],
        "patterns": [
            {
                "id": "human-conditioned-media",
                "match": "human * conditioned media",
                "role": "biologic",
                "explanation": "Media from human cells.",
                "flags": ["human-derived"],
                "source_category": "exosome-rich-conditioned-media",
                "source": src,
            },
            {
                "id": "conditioned-media",
                "match": "* conditioned media",
                "role": "biologic",
                "explanation": "Media from cells the name does not state.",
                "source": src,
            },
            {
                "id": "sh-oligopeptide",
                "match": "sh-oligopeptide-*",
                "role": "growth-factor",
                "explanation": "A lab-made growth factor.",
                "source_category": "lab-made-peptides-growth-factors",
                "source": src,
            },
            {
                "id": "callus-culture",
                "match": "* callus culture extract",
                "role": "biologic",
                "explanation": "Plant cells grown in a lab.",
                "source_category": "plant-cell-culture",
                "source": src,
            },
        ],
    }
