"""Qt's own text (standard buttons, file and print dialogs) in the app's language.

Loaded from Qt's qtbase catalogue in QLibraryInfo's TranslationsPath. Not `qt_<lang>`: on the
PySide6-Essentials wheel that meta-catalogue points to catalogues of modules the wheel does
not ship (multimedia), so it loads nothing for them; `qtbase_<lang>` is the one with the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from serumdesk.i18n import N_, _, current_language


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
    app.installTranslator(QtGaps(app))  # asked first: it answers only for qtbase's gaps
    return translator


QT_GAPS = frozenset(
    {
        # Qt 6.11 reworded these after its Spanish catalogue was made ("Look in:" has a
        # translation, "&Look in:" not), or never had them translated; a person meets them in
        # the file, print and page set-up dialogs.
        N_("&Look in:"),
        N_("Files of &type:"),
        N_("Folder"),
        N_("Page &Set:"),
        N_("Page &order:"),
        N_("Pages &per sheet:"),
        N_("Pages"),
        N_("Color"),
        N_("Off"),
        N_("Long side binding"),
        N_("Short side binding"),
        N_(
            "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
            "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."
        ),
    }
)
"""Qt's own text that its qtbase catalogue leaves English, translated in SerumDesk's own
catalogue. Checked by tests/ui/test_translations.py."""


class QtGaps(QTranslator):
    """Qt's own text that qtbase_<lang> lacks, from SerumDesk's catalogue; anything else is
    left to qtbase: None, a null QString, passes the question on to the next translator (an
    empty string would be taken as the translation)."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if source_text not in QT_GAPS or current_language() == "en":
            return None
        return _(source_text)

    def isEmpty(self) -> bool:
        return False
