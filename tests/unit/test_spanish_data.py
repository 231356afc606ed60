"""The bundled data files' prose in Spanish: every product's text on every surface, and every
explanation, family label and origin reason of the ingredient vocabulary in a label reading.

The data is English in the files; scripts/catalogues.py extracts its prose into the .po, and
SerumDesk translates it where it is shown. These tests fail when a surface shows a product's
or an ingredient's own English inside `i18n.override("es")`, or when text is translated once
(at load) and kept across languages.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from serumdesk import i18n
from serumdesk.domain.advice import wording
from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.advice.recommendation import Recommendation, recommend
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog import product_text
from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.choices import Active, Caution, Diet, Sensitivity, UseCase
from serumdesk.domain.ingredients.kinds import Role
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.reading import read_label
from serumdesk.domain.label.report import allergy_lines, ingredient_line, verdict_lines
from serumdesk.domain.label.verdict import check_label
from serumdesk.storage.data_files import load_catalog
from serumdesk.ui.sheet.content import sheet_html
from tests.in_process import run_main
from tests.spanish_catalogue import catalogues_script, compiled_locale

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 7)
SAME_IN_SPANISH = frozenset(
    {"Aloe vera", "Papaya (Carica papaya)", "Centella asiatica (cica)", "Ylang-ylang (Cananga odorata)"}
)
"""Family labels that are a plant's own name, written the same in Spanish."""
ENGLISH_FRAMES = (
    "Human-derived",
    "Animal-derived",
    "Vegan:",
    "Irritants:",
    "Your allergies",
    "Cautions:",
    "no match",
    "definite match",
    " is unknown",
    " are unknown",
    " may be",
    " more",
)
"""The label reading's own words around the data, as English writes them."""
ANSWERS = (
    Answers(),
    Answers(
        use_case=UseCase.POST_PROCEDURE,
        sensitivity=Sensitivity.HIGH,
        cautions=frozenset({Caution.PREGNANT, Caution.FRAGRANCE_SENSITIVE}),
        actives=frozenset({Active.VITAMIN_C, Active.RETINOID}),
        allergens=("fish", "peanut"),
    ),
    Answers(
        use_case=UseCase.HYDRATION, diet=Diet.ANY, actives=frozenset(Active), sensitivity=Sensitivity.LOW
    ),
)
"""Answers that bring out every kind of product text: cautions from ethics notes and the
brand's pairing directions, allergy findings through family labels, irritants."""


def _script() -> ModuleType:
    return catalogues_script()


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    pytest.importorskip("babel")
    folder = compiled_locale(tmp_path_factory.mktemp("locale"))
    patch = pytest.MonkeyPatch()
    patch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    yield folder
    patch.undo()
    i18n.install("en", folder)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REPO / "catalog" / "catalog.json")


@pytest.fixture(scope="module")
def prose() -> dict[str, list[str]]:
    """Each product's prose as the file writes it (English), by product id."""
    raw = json.loads((REPO / "catalog" / "catalog.json").read_text(encoding="utf-8"))
    script = _script()
    return {p["id"]: [text for _field, text in script.product_prose(p)] for p in raw["products"]}


def _long(texts: list[str]) -> list[str]:
    """Texts of four words or more: long enough that finding one in a page is no accident."""
    return [t for t in texts if len(t.split()) >= 4]


def _card_texts(p: Product) -> list[str]:
    """What the card, the glance and `profile show` word of a product (the Qt-free part)."""
    figures = [p.price.provenance, p.price.size_ml.provenance, p.dose_ml.provenance]
    figures += [p.applications_per_day.provenance, p.evidence.provenance]
    if p.ingredient_list is not None:
        figures.append(p.ingredient_list.provenance)
    return [
        product_text.description(p),
        product_text.source_detail(p),
        product_text.evidence_summary(p),
        product_text.ingredient_list_note(p),
        *product_text.ethics_notes(p),
        wording.key_ingredients_words(p),
        wording.irritants_words(p),
        wording.evidence_words(p),
        wording.storage_words(p),
        wording.concentration_words(p),
        *wording.buyer_note_words(p),
        *wording.claims_words(p),
        *wording.inferred_words(p),
        *(f.describe() for f in figures),
    ]


def _shown(rec: Recommendation) -> str:
    """Everything a person reads of the recommendation: each product's card texts, reasons
    and cautions, and sheets comparing every product (four at a time)."""
    ids = [m.product.id for m in rec.matches]
    parts = [
        t
        for m in rec.matches
        for t in (*_card_texts(m.product), *(c.text for c in m.cautions), *(r.text for r in m.reasons))
    ]
    for start in range(0, len(ids), 4):
        page = sheet_html(rec, select_compared(rec, ids[start : start + 4]), today=TODAY, language="es")
        parts.append(html.unescape(page))
    return "\n".join(parts)


def test_every_prose_string_of_the_catalog_has_its_own_spanish(
    spanish: Path, prose: dict[str, list[str]]
) -> None:
    """A string copied into the .po untranslated would pass the catalogue test; not this one."""
    with i18n.override("es", spanish):
        same = [t for texts in prose.values() for t in texts if i18n.shown(t) == t]
    assert len(prose) == 10
    assert not same, f"shown in English in Spanish: {same[:5]}"


@pytest.mark.parametrize("answers", ANSWERS, ids=["defaults", "after-procedure", "every-active"])
def test_no_product_text_is_shown_in_english_in_spanish(
    spanish: Path, catalog: Catalog, vocabulary: Vocabulary, prose: dict[str, list[str]], answers: Answers
) -> None:
    with i18n.override("es", spanish):
        rec = recommend(catalog, answers, today=TODAY, vocabulary=vocabulary)
        shown = _shown(rec)
        spanish_descriptions = [product_text.description(m.product) for m in rec.matches]
    assert len(rec.matches) >= 5
    english = [t for m in rec.matches for t in _long(prose[m.product.id]) if t in shown]
    assert not english, f"English product text in Spanish: {english[:5]}"
    assert all(d in shown for d in spanish_descriptions)
    # The same recommendation made in English afterwards is English again: nothing was kept.
    with i18n.override("en", spanish):
        again = _shown(recommend(catalog, answers, today=TODAY, vocabulary=vocabulary))
    assert all(product_text.description(m.product) in again for m in rec.matches)
    assert not any(d in again for d in spanish_descriptions)


def test_recommend_in_spanish_prints_no_product_text_in_english(
    spanish: Path, prose: dict[str, list[str]]
) -> None:
    answers = ["--use-case", "post-procedure", "--caution", "pregnant", "--sensitivity", "high"]
    printed = run_main(["--language", "es", "recommend", *answers, "--uses-vitamin-c", "--uses-retinoid"])
    assert printed.returncode == 0, printed.stderr
    english = [t for texts in prose.values() for t in _long(texts) if t in printed.stdout]
    assert not english, f"English product text in `recommend --language es`: {english[:5]}"
    assert "La página de devoluciones de la marca dice que este sérum no se puede devolver." in printed.stdout


def _vocabulary_file() -> dict[str, Any]:
    return json.loads((REPO / "catalog" / "ingredients.json").read_text(encoding="utf-8"))


def test_every_ingredient_explanation_and_family_label_is_shown_in_spanish(
    spanish: Path, vocabulary: Vocabulary
) -> None:
    data = _vocabulary_file()
    with i18n.override("es", spanish):
        english = [e.inci for e in vocabulary.entries if e.explanation == e.explanation_source]
        families = {f: vocabulary.family_entry(f) for f in vocabulary.families}
        labels = [
            f
            for f, entry in families.items()
            if entry.shown_name == entry.inci and entry.inci not in SAME_IN_SPANISH
        ]
        family_explanations = [e.explanation for e in families.values()]
    assert len(vocabulary.entries) == len(data["ingredients"])
    assert not english, f"explained in English in Spanish: {english[:5]}"
    assert not labels, f"family labels in English in Spanish: {labels[:5]}"
    assert not [e for e in family_explanations if e.startswith("Not named")], family_explanations[:3]


def test_a_name_read_from_its_shape_or_its_words_is_explained_in_spanish(
    spanish: Path, vocabulary: Vocabulary
) -> None:
    data = _vocabulary_file()
    names = [" ".join("Alpha" if w == "*" else w for w in p["match"].split()) for p in data["patterns"]]
    names += [f"{rule['words'][0]} Zyxwv Extract" for rule in data["origin_words"]]
    english = _long(
        [p["explanation"] for p in data["patterns"]] + [r["reason"] for r in data["origin_words"]]
    )
    with i18n.override("es", spanish):
        read = [vocabulary.resolve(name) for name in names]
        said = [
            f"{found.entry.explanation} {found.entry.origin_note or ''}"
            for found in read
            if found is not None
        ]
        said += [
            why for name in names if (allergies := vocabulary.name_allergies(name)) for why in allergies[1:]
        ]
    assert len(said) > len(data["patterns"])
    reasons = {r["reason"] for r in data["origin_words"]}
    with i18n.override("es", spanish):
        untranslated = [
            part
            for found in read
            if found is not None and found.entry.origin_note
            for part in found.entry.origin_note.split(": ", 1)[1].rstrip(".").split("; ")
            if part in reasons and i18n._(part) != part
        ]
    assert not untranslated, f"origin reasons in English in Spanish: {untranslated[:5]}"
    text = "\n".join(said)
    left = [e for e in english if e in text]
    assert not left, f"English in Spanish: {left[:5]}"


def test_a_label_reading_in_spanish_carries_no_english_from_the_vocabulary(
    spanish: Path, vocabulary: Vocabulary
) -> None:
    data = _vocabulary_file()
    inci = [i["inci"] for i in data["ingredients"]]
    english = set(
        _long([i["explanation"] for i in data["ingredients"]] + [f["label"] for f in data["families"]])
    )
    answers = Answers(allergens=("fish", "tree nuts", "peanut", "dandelion", "fragrance"))
    for start in range(0, len(inci), 150):
        label = ", ".join([*inci[start : start + 150], "Peptides", "Taraxacum Officinale Extract"])
        with i18n.override("es", spanish):
            verdict = check_label(read_label(label, vocabulary), vocabulary, answers)
            lines = [ingredient_line(i) for i in verdict.reading.listed]
            # The cautions are the recommendation's own (advice), not the reading's.
            lines += verdict_lines(replace(verdict, cautions=()), answers) + allergy_lines(verdict)
        text = "\n".join(lines)
        left = [e for e in english if e in text]
        assert not left, f"English from the vocabulary in a Spanish reading: {left[:5]}"
        frames = [f for f in ENGLISH_FRAMES if f in text]
        frames += [line for line in lines if line.startswith("Fragrance:")]  # not 'Fragrance → …'
        assert not frames, f"the reading's own words in English: {frames}"
    with i18n.override("es", spanish):
        roles = [r for r in Role if r.label == r.value.replace("-", " ")]
    assert not roles, f"roles in English in Spanish: {roles}"
    with i18n.override("en", spanish):
        glycerin = ingredient_line(read_label("Glycerin", vocabulary).listed[0])
    assert next(i["explanation"] for i in data["ingredients"] if i["inci"] == "Glycerin") in glycerin


def test_the_bundled_prose_is_extracted_for_the_translators() -> None:
    """A product or an ingredient added to the bundled files without its Spanish fails the
    catalogue test (test_translatable.py) only if its prose is extracted."""
    script = _script()
    extracted = {text for text, _where, _what in script.data_messages()}
    raw = json.loads((REPO / "catalog" / "catalog.json").read_text(encoding="utf-8"))
    for product in raw["products"]:
        assert {product["description"], product["source_detail"], product["evidence"]["summary"]} <= extracted
        assert {n["text"] for n in product.get("buyer_notes", ())} <= extracted
    assert script.TRANSLATE_INGREDIENTS
    data = _vocabulary_file()
    assert {i["explanation"] for i in data["ingredients"]} <= extracted
    assert {r["reason"] for r in data["origin_words"]} <= extracted
