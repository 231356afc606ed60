"""Translations: a catalogue compiled as the build compiles it is used; without one, English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from serumdesk import i18n
from serumdesk.domain.dates import long_date
from serumdesk.storage.paths import locale_dir
from tests.in_process import run_main

REPO = Path(__file__).resolve().parents[2]
SPANISH_PO = r"""msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: es\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Prices in US dollars."
msgstr "Precios en dólares estadounidenses."

msgid "{count} product"
msgid_plural "{count} products"
msgstr[0] "{count} producto"
msgstr[1] "{count} productos"
"""


@pytest.fixture
def spanish(tmp_path: Path) -> Iterator[Path]:
    """A locale folder with a Spanish catalogue compiled by the build hook's own code."""
    pytest.importorskip("babel")
    import importlib.util

    spec = importlib.util.spec_from_file_location("hatch_build", REPO / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    po = tmp_path / "locale" / "es" / "LC_MESSAGES" / "serumdesk.po"
    po.parent.mkdir(parents=True)
    po.write_text(SPANISH_PO, encoding="utf-8")
    assert hook.compile_catalogues(tmp_path / "locale") == [po.with_suffix(".mo")]
    yield tmp_path / "locale"
    i18n.install("en", tmp_path / "locale")


def test_a_compiled_catalogue_translates_with_plurals(spanish: Path) -> None:
    assert i18n.available_languages(spanish) == ["en", "es"]
    assert i18n.install("es_ES.UTF-8", spanish) == "es" == i18n.current_language()
    assert i18n._("Prices in US dollars.") == "Precios en dólares estadounidenses."
    assert i18n.ngettext("{count} product", "{count} products", 1) == "{count} producto"
    assert i18n.ngettext("{count} product", "{count} products", 4) == "{count} productos"
    assert i18n._("Not translated yet.") == "Not translated yet."


def test_a_broken_catalogue_fails_the_build(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    import importlib.util

    spec = importlib.util.spec_from_file_location("hatch_build", REPO / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    po = tmp_path / "es" / "LC_MESSAGES" / "serumdesk.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        SPANISH_PO + '\n#, python-format\nmsgid "Use by %(day)s"\nmsgstr "Usar antes del %(dia)s"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="translation catalogue errors"):
        hook.compile_catalogues(tmp_path)


def test_without_a_catalogue_everything_stays_english(tmp_path: Path) -> None:
    assert i18n.install("es", tmp_path) == "en"
    assert i18n._("Prices in US dollars.") == "Prices in US dollars."
    with pytest.raises(
        i18n.LanguageError,
        match=r"no Spanish translation yet; it can show "
        r"en \(English\)",
    ):
        i18n.check_language("es-MX", tmp_path)


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANGUAGE": "es_MX:en", "LANG": "en_US.UTF-8"}, "es"),
        ({"LC_ALL": "C.UTF-8", "LANG": "es_ES"}, "en"),
        ({}, "en"),
        ({"LANG": "POSIX"}, "en"),
    ],
)
def test_the_sessions_language(environ: dict[str, str], language: str) -> None:
    assert i18n.language_from_environment(environ) == language


def test_dates_follow_the_language_and_money_does_not() -> None:
    day = dt.date(2026, 11, 22)
    assert long_date(day) == "22 November 2026"
    assert long_date(day, "es") == "22 de noviembre de 2026"
    assert long_date(day, "xx") == "22 November 2026"


def test_the_command_line_takes_a_language_it_has_and_refuses_one_it_lacks() -> None:
    refused = run_main(["--language", "xx", "catalog", "list"])
    assert refused.returncode == 2 and "has no 'xx' translation" in refused.stderr
    shown = run_main(["--language", "en", "catalog", "list"])
    assert shown.returncode == 0 and "Prices are in US dollars." in shown.stdout
    assert "en" in i18n.available_languages(locale_dir())
