"""SerumDesk in Spanish: the real catalogue, a sheet's own language, the command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from serumdesk import i18n
from serumdesk.domain.choices import UseCase
from serumdesk.domain.dates import long_date
from tests.in_process import run_main


def test_override_writes_in_its_language_and_leaves_the_apps_alone(locale: Path) -> None:
    assert i18n.install("en", locale) == "en"
    with i18n.override("es", locale) as used:
        assert used == "es" == i18n.current_language()
        assert i18n._("Cancel") == "Cancelar"
        assert UseCase.HYDRATION.label == "Hidratación"
        assert long_date(dt.date(2026, 12, 7)) == "7 de diciembre de 2026"
        assert (
            i18n.ngettext("Wrote {output} ({pages} page).", "Wrote {output} ({pages} pages).", 2).format(
                output="a.pdf", pages=2
            )
            == "Se escribió a.pdf (2 páginas)."
        )
    assert i18n.current_language() == "en"
    assert i18n._("Cancel") == "Cancel" and UseCase.HYDRATION.label == "Hydration"
    with i18n.override("xx", locale) as used:  # no catalogue: English, never a mix
        assert used == "en" and i18n._("Cancel") == "Cancel"


def test_the_app_in_spanish_can_make_an_english_sheet(locale: Path) -> None:
    assert i18n.install("es_ES.UTF-8", locale) == "es"
    assert i18n._("Cancel") == "Cancelar"
    with i18n.override("en", locale):
        assert i18n._("Cancel") == "Cancel"
        assert long_date(dt.date(2026, 12, 7)) == "7 December 2026"
    assert i18n._("Cancel") == "Cancelar"


def test_the_command_line_in_spanish_help_included(locale: Path) -> None:
    listed = run_main(["--language", "es", "catalog", "list"])
    assert listed.returncode == 0
    assert "Los precios están en dólares estadounidenses." in listed.stdout
    helped = run_main(["--language", "es", "sheet", "--help"])
    assert "el idioma de la hoja" in helped.stdout and "the sheet's language" not in helped.stdout
    english = run_main(["catalog", "list"])
    assert "Prices are in US dollars." in english.stdout


def test_a_language_serumdesk_lacks_is_refused_in_its_words(locale: Path) -> None:
    refused = run_main(["--language", "xx", "catalog", "list"])
    assert refused.returncode == 2 and "has no 'xx' translation" in refused.stderr
    assert "es (Spanish)" in refused.stderr


RECOMMEND_ENGLISH = (
    "SerumDesk recommendations",
    "For you:",
    "Procedure:",
    "Closest options",
    "$/month",
    "over budget",
    "Start it only",
    "includes estimated figures",
    "Prices are in US dollars",
    "Excluded:",
    "Routine, morning:",
    "Routine, evening:",
    "Patch test:",
    "What these serums are:",
    "Questions to ask the brand",
)
"""recommend's own English: its headings and footnotes (the table's header is checked whole;
the advice it prints is the advice's own, tested there)."""
ANSWER_SPACE: tuple[list[str], ...] = (
    [],
    ["--use-case", "post-procedure", "--procedure", "microneedling", "--days-since-procedure", "3"],
    ["--use-case", "post-procedure", "--procedure", "laser", "--laser-type", "ablative"],
    ["--caution", "pregnant", "--uses-retinoid", "--sensitivity", "high", "--budget", "150"],
    ["--diet", "vegan", "--budget", "5"],
    ["--diet", "no-human-derived", "--caution", "fragrance-sensitive", "--allergen", "soy"],
    [
        "--use-case",
        "brightening",
        "--uses-acids",
        "--uses-vitamin-c",
        "--caution",
        "rosacea-eczema-dermatitis",
    ],
)
"""Answers that reach every part of recommend's text: a procedure, cautions, the budget,
exclusions, an allergy, closest options."""


@pytest.mark.parametrize("answers", ANSWER_SPACE, ids=lambda a: " ".join(a) or "defaults")
def test_recommend_in_spanish_has_spanish_headings_and_numbers(locale: Path, answers: list[str]) -> None:
    done = run_main(["--language", "es", "recommend", *answers])
    assert done.returncode == 0, done.stderr
    text = done.stdout
    lines = text.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("#"))
    assert header.split() == ["#", "Producto", "Puntos", "$/mes", "$/ml", "Meses"]
    for spanish in ("Recomendaciones de SerumDesk", "Rutina, mañana:", "Rutina, noche:", "Prueba de parche:"):
        assert spanish in text
    assert "Los precios están en dólares estadounidenses." in text
    left = [words for words in RECOMMEND_ENGLISH if words in text]
    assert not left, left
    rows = [line for line in lines if re.match(r"^\s*\d+\s{2}", line)]
    assert rows and all(re.search(r"\d,\d\d\*? +\d+,\d\d +(\d+,\d|—)", row) for row in rows), rows
    assert not any(re.search(r"\d\.\d", row[58:]) for row in rows), rows


def test_recommend_in_english_keeps_english_figures(locale: Path) -> None:
    text = run_main(["recommend", "--budget", "5"]).stdout
    assert "Product" in text and "$/month" in text and "over budget" in text
    assert re.search(r"\d\.\d\d", text) and "Los precios" not in text


LABEL = (
    "Aqua, Glycerin, Human Adipose Derived Stem Cell Conditioned Media, Sodium Hyaluronate, "
    "Parfum, Linalool, Retinol, Glycolic Acid, Phenoxyethanol, Xanthan Gum, Mystery Extract 42"
)


def test_the_label_verdict_in_spanish(locale: Path) -> None:
    done = run_main(["--language", "es", "ingredients", LABEL, "--allergen", "soy", "--caution", "pregnant"])
    assert done.returncode == 0, done.stderr
    text = done.stdout
    for spanish in (
        "11 ingredientes,",
        "Veredicto:",
        "\n  De origen humano: sí",
        "\n  De origen animal: ",
        "\n  Vegano: no",
        "\n  Fragancia: Parfum",
        "\n  Irritantes: ",
        "Sus alergias:",
        "Precauciones:",
        ": disolvente.",
        ": humectante.",
        ": conservante.",
    ):
        assert spanish in text, spanish
    for english in (
        " ingredients,",
        "Verdict:",
        "\n  Human-derived:",
        "\n  Animal-derived:",
        "\n  Vegan:",
        "\n  Fragrance:",
        "\n  Irritants:",
        "Your allergies:",
        "\n  Cautions:",
        ": solvent.",
        ": humectant.",
        ": preservative.",
    ):
        assert english not in text, english


def test_every_ingredient_role_has_a_spanish_name(locale: Path) -> None:
    from serumdesk.domain.ingredients.kinds import Role

    english = {role: role.label for role in Role}
    with i18n.override("es", locale):
        spanish = {role: role.label for role in Role}
    assert all(spanish[role] != english[role] for role in Role), spanish
    assert len(set(spanish.values())) == len(Role)


def test_machine_readable_output_keeps_plain_figures_in_spanish(locale: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "precios.csv"
    assert run_main(["--language", "es", "catalog", "export-prices", str(sheet)]).returncode == 0
    rows = sheet.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("id,brand,name,clinic price (USD)")  # the file's columns stay its own
    assert any(",28.4" in row for row in rows) and not any('"28,4"' in row for row in rows)
    filled = [rows[0]] + [row.replace(",,,,", ",199.5,,,", 1) for row in rows[1:2]]
    sheet.write_text("\n".join(filled) + "\n", encoding="utf-8")
    imported = run_main(["--language", "es", "catalog", "import", str(sheet), "--name", "Clínica Sol"])
    assert imported.returncode == 0, imported.stderr
    listed = run_main(["--language", "es", "catalog", "list"]).stdout
    assert "$199,50 por" in listed  # read back as 199.5, shown the Spanish way
    document = json.loads(run_main(["--language", "es", "recommend", "--json"]).stdout)
    assert all(isinstance(m["cost_per_month_usd"], float) for m in document["recommended"])
    assert all(isinstance(m["size_ml"], (int, float)) for m in document["recommended"])


@pytest.mark.parametrize(
    ("argv", "spanish", "english"),
    [
        (["recommend", "--bogus"], "argumentos no reconocidos: --bogus", "unrecognized arguments"),
        (["recommend", "--use-case", "x"], "opción no válida: 'x' (elija entre", "invalid choice"),
        (["recommend", "--budget"], "se esperaba un argumento", "expected one argument"),
        (["profile", "save"], "faltan estos argumentos obligatorios", "the following arguments"),
    ],
)
def test_argparse_own_words_are_spanish_too(
    locale: Path, argv: list[str], spanish: str, english: str
) -> None:
    refused = run_main(["--language", "es", *argv])
    assert refused.returncode == 2
    assert refused.stderr.startswith("uso: ") and spanish in refused.stderr
    assert english not in refused.stderr
    assert english in run_main(["--language", "en", *argv]).stderr


def test_top_level_help_is_in_the_language_asked(locale: Path) -> None:
    helped = run_main(["--language", "es", "--help"]).stdout
    assert "opciones:" in helped and "mostrar esta ayuda y salir" in helped
    assert "show this help message" not in helped


def test_argparse_messages_copied_from_this_pythons_argparse() -> None:
    """A message marked in argparse_words.py but gone from argparse would never be shown."""
    import argparse
    import inspect

    from serumdesk.cli.argparse_words import ARGPARSE_MESSAGES

    source = inspect.getsource(argparse)
    missing = [m for m in ARGPARSE_MESSAGES if repr(m)[1:-1] not in source and m not in source]
    assert missing == []


def test_a_products_kept_facts_say_its_evidence_in_the_language_asked(locale: Path) -> None:
    from serumdesk.storage.data_files import load_catalog

    catalog = load_catalog(Path(__file__).resolve().parents[2] / "catalog" / "catalog.json")
    studied = next(p for p in catalog.products if p.evidence.subjects)
    english = studied.facts.evidence_brief  # the facts are made once, in English
    with i18n.override("es", locale):
        spanish = studied.facts.evidence_brief
    assert spanish != english and "personas" in spanish and "people" in english


def test_a_clinic_price_says_so_in_spanish(locale: Path) -> None:
    from serumdesk.domain.catalog.price_list import apply_price_list, clinic_price_words, parse_price_list
    from serumdesk.storage.catalog_loader import CatalogLoader
    from serumdesk.storage.paths import bundled_catalog_path

    catalog = CatalogLoader(bundled_catalog_path()).load()
    listed = parse_price_list(
        json.dumps(
            {
                "kind": "price-list",
                "name": "Clínica Ribera",
                "date": "2026-11-01",
                "prices": [{"id": catalog.products[0].id, "usd": 150}],
            }
        )
    )
    product = apply_price_list(catalog, listed).products[0]
    with i18n.override("es", locale):
        assert clinic_price_words(product) == "Precio de la clínica (Clínica Ribera, 2026-11-01)"
    assert clinic_price_words(product) == "Clinic price (Clínica Ribera, 2026-11-01)"
