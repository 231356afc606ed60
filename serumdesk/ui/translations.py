"""Qt's own text (standard buttons, file and print dialogs) in the app's language.

Loaded from Qt's qtbase catalogue in QLibraryInfo's TranslationsPath. Not `qt_<lang>`: on the
PySide6-Essentials wheel that meta-catalogue points to catalogues of modules the wheel does
not ship (multimedia), so it loads nothing for them; `qtbase_<lang>` is the one with the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_qt_translations(app: QCoreApplication, language: str) -> QTranslator | None:
    """Qt's own text in `language` (nothing to do for English); the translator, kept by the
    app as its child, or None when Qt has no catalogue for it."""
    if language == "en":
        return None
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{language}", qt_translations_dir()):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator


def use_language_numbers(language: str) -> None:
    """Spin boxes and date fields write numbers and dates as SerumDesk's text does in
    `language` ("150,00" in Spanish), not as the session's locale would: an English app on a
    German desktop showed "150,00" in a spin box beside "$150.00" in its text."""
    QLocale.setDefault(QLocale(language))
