"""Small builders for catalog products, so each rule test states only what it is about."""

from __future__ import annotations

from typing import Any

from serumdesk.domain.product import Product

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
        "price": {"usd": 100.0, "provenance": SOURCED,
                  "size_ml": {"value": 30.0, "provenance": SOURCED}},
        "dose_ml": {"value": 0.25, "provenance": SOURCED},
        "applications_per_day": {"value": 2, "provenance": SOURCED},
        "use_cases": ["mild-concerns"],
        "evidence": {"kind": "none", "summary": "none found", "provenance": SOURCED},
    }
    data.update(overrides)
    return data


def make_product(**overrides: Any) -> Product:
    return Product.model_validate(product_data(**overrides))


def catalog_data(products: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema_version": 1, "catalog_version": "test", "updated": "2026-11-25",
            "currency": "USD", "products": products}
