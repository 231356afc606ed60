"""A catalog product's own prose in the person's language.

The bundled catalog's prose — descriptions, where the active comes from, key ingredients in
common words, evidence, ethics, notes for buyers, and the reasoning of estimates and
inferences — is extracted into the translation catalogues by scripts/catalogues.py
(`product_prose` names the fields), so a string added or changed without its translation
fails tests/unit/test_translatable.py. Every surface shows that text through the functions
here (or through serumdesk/domain/advice/wording.py, which calls them), which translate it
WHEN IT IS SHOWN, never when the catalog is loaded: a sheet is made in the patient's language
inside `i18n.override` from the same loaded catalog.

A person's own serums and an imported catalog carry their own words: they have no entry in
the catalogue and are shown as written. Names (brand, product, INCI) and cited sources are
not prose and never pass through here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from serumdesk.i18n import shown

if TYPE_CHECKING:
    from serumdesk.domain.catalog.product import Product

__all__ = [
    "description",
    "ethics_notes",
    "evidence_summary",
    "ingredient_list_note",
    "key_ingredients",
    "shown",
]


def description(p: Product) -> str:
    return shown(p.description)


def source_detail(p: Product) -> str:
    return shown(p.source_detail)


def key_ingredients(p: Product) -> list[str]:
    """The key ingredients in common words ('hyaluronic acid'), as a person reads them."""
    return [shown(k) for k in p.key_ingredients]


def evidence_summary(p: Product) -> str:
    return shown(p.evidence.summary)


def ingredient_list_note(p: Product) -> str:
    return shown(p.ingredient_list.note) if p.ingredient_list is not None else ""


def ethics_notes(p: Product) -> list[str]:
    return [shown(text) for text in p.ethics_notes]
