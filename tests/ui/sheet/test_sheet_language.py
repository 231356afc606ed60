"""The sheet in the patient's language, whatever the app's: its words, dates and the line that
says the translation is SerumDesk's; figures stay US dollars."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from serumdesk import i18n
from serumdesk.ui.sheet.pdf import write_sheet_pdf
from tests.ui.sheet_helpers import pdf_text, rec_for


def test_a_spanish_sheet_from_an_english_app(locale: Path, tmp_path: Path, qapp: QApplication) -> None:
    assert i18n.install("en", locale) == "en"
    with i18n.override("es", locale):
        rec = rec_for("vegan")  # ranked inside the override: reasons in the sheet's language
        write_sheet_pdf(rec, [], tmp_path / "es.pdf")
    english = rec_for("vegan")
    write_sheet_pdf(english, [], tmp_path / "en.pdf")
    spanish_text, english_text = pdf_text(tmp_path / "es.pdf"), pdf_text(tmp_path / "en.pdf")
    for words in (
        "Hoja comparativa de sérums",
        "Precios en dólares estadounidenses",
        "Traducción de SerumDesk",
        "Sus respuestas",
        "Rutina",
        "$",
    ):
        assert words in spanish_text
    assert "Serum comparison sheet" not in spanish_text
    assert "Serum comparison sheet" in english_text and "Traducción" not in english_text
    assert i18n.current_language() == "en"  # the app stayed English
