"""SerumDesk in Spanish: the real catalogue, a sheet's own language, the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from serumdesk import i18n
from serumdesk.domain.choices import UseCase
from serumdesk.domain.dates import long_date
from tests.in_process import run_main
from tests.spanish_catalogue import compiled_locale


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    pytest.importorskip("babel")
    folder = compiled_locale(tmp_path)
    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    yield folder
    i18n.install("en", folder)  # the next test starts in English, as a process does


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
