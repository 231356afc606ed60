"""Qt's own text from its qtbase catalogue, as the app installs it for a language it has."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from serumdesk.domain.advice.compare import select_compared
from serumdesk.ui.sheet.content import sheet_html
from serumdesk.ui.translations import install_qt_translations, qt_translations_dir
from tests.ui.sheet_helpers import rec_for


def test_qts_own_buttons_come_from_qtbase(qapp: QApplication) -> None:
    assert (Path(qt_translations_dir()) / "qtbase_es.qm").is_file()
    translator = install_qt_translations(qapp, "es")
    assert translator is not None
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert install_qt_translations(qapp, "en") is None
    assert install_qt_translations(qapp, "xx") is None  # no catalogue: Qt stays English


def test_the_sheet_writes_dates_in_its_language_and_prices_stay_dollars() -> None:
    rec = rec_for("vegan")
    html = sheet_html(rec, select_compared(rec, []), today=dt.date(2026, 12, 7), language="es")
    assert "7 de diciembre de 2026" in html
    assert html.count("Prices in US dollars.") == 1 and "$" in html


def test_spin_boxes_write_numbers_as_the_apps_language_does(qapp: QApplication) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDoubleSpinBox

    from serumdesk.app import use_language_numbers
    from serumdesk.domain.figures import decimal

    before = QLocale()
    try:
        for language in ("es", "en"):
            use_language_numbers(language)
            spin = QDoubleSpinBox()
            spin.setRange(0, 100_000)
            spin.setValue(150.5)
            assert spin.text() == decimal(150.5, 2, language)  # "150,50" beside "$150,50" in text
            assert spin.valueFromText(decimal(99.25, 2, language)) == 99.25  # and typed so
    finally:
        QLocale.setDefault(before)


def test_qts_text_that_qtbase_leaves_english_is_spanish_too(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt 6.11's file dialog says "&Look in:" and "Files of &type:", which qtbase_es lacks."""
    pytest.importorskip("babel")
    from PySide6.QtWidgets import QFileDialog, QLabel

    from serumdesk import i18n
    from tests.spanish_catalogue import compiled_locale

    def labels() -> dict[str, str]:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        found = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        dialog.deleteLater()
        return found

    english = labels()
    assert english["lookInLabel"] == "&Look in:"
    folder = compiled_locale(tmp_path)
    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    i18n.install("es", folder)
    translators = list(qapp.findChildren(QTranslator))
    try:
        install_qt_translations(qapp, "es")
        spanish = labels()
        assert spanish["lookInLabel"] == "&Buscar en:"
        assert spanish["fileTypeLabel"] == "Archivos de &tipo:"
        assert spanish["fileNameLabel"] == "&Nombre de fichero:"  # qtbase's own, still asked
        assert QCoreApplication.translate("QPrintPreviewDialog", "%1%") == "%1%"  # not ""
    finally:
        for translator in qapp.findChildren(QTranslator):
            if translator not in translators:
                qapp.removeTranslator(translator)
        i18n.install("en", folder)
    assert labels() == english
