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


def test_the_preview_ranks_again_once_per_language(locale: Path, qapp: QApplication) -> None:
    """The preview paints again on every change (paper, medical details, language); the
    recommendation in another language is made once, not on every paint."""
    from serumdesk.domain.advice.compare import select_compared
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.ui.sheet.preview_dialog import SheetPreviewDialog

    english = rec_for("vegan")
    made: list[str] = []

    def remake() -> Recommendation:
        made.append(i18n.current_language())
        return rec_for("vegan")

    dialog = SheetPreviewDialog(english, select_compared(english, []), False, remake=remake)
    try:
        spanish = dialog.language.findData("es")
        assert spanish >= 0
        dialog.language.setCurrentIndex(spanish)
        for _ in range(3):
            with i18n.override("es", locale):  # as the dialog paints
                assert dialog.request().language == "es"
        assert made == ["es"]  # ranked again, in Spanish, once
        with i18n.override("es", locale):
            assert dialog.request().rec.language == "es"
    finally:
        dialog.deleteLater()
