"""Help ▸ SerumDesk help (the user's manual, read from the installed package) and About."""

from __future__ import annotations

import importlib.metadata

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from serumdesk.i18n import N_, _
from serumdesk.storage.paths import APP_NAME
from serumdesk.ui.widgets.plain_dialogs import message_box

ABOUT = N_(
    "{name} {version}\n\nHelps you compare “stem cell” skincare serums: what they are "
    "made from, what suits your skin and goal, what they cost a month, and what to "
    "ask your clinician. Your answers stay on this computer.\n\nSerumDesk informs; it "
    "does not diagnose or prescribe."
)
NO_MANUAL = N_(
    "The user's manual is not installed with this copy of SerumDesk. It is the "
    "README file that comes with SerumDesk's source."
)


def _distribution() -> importlib.metadata.PackageMetadata | None:
    try:
        return importlib.metadata.metadata("serumdesk")
    except importlib.metadata.PackageNotFoundError:
        return None


def manual_text() -> str:
    """The user's manual in the current language: its translation (resources/locale/<lang>/
    manual.md, the README's sections for using the app) or the README itself, which
    packaging puts in the package's metadata."""
    from serumdesk.i18n import SOURCE_LANGUAGE, current_language
    from serumdesk.storage.paths import locale_dir

    language = current_language()
    translated = locale_dir() / language / "manual.md"
    if language != SOURCE_LANGUAGE and translated.is_file():
        return translated.read_text(encoding="utf-8")
    meta = _distribution()
    text = meta.get_payload() if meta is not None else None  # type: ignore[attr-defined]
    return text if isinstance(text, str) and text.strip() else _(NO_MANUAL)


def about_text() -> str:
    from serumdesk import __version__

    return _(ABOUT).format(name=APP_NAME, version=__version__)


class HelpDialog(QDialog):
    """The manual, readable and searchable; links are not followed (no network at run time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("{APP_NAME} help").format(APP_NAME=APP_NAME))
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setMarkdown(manual_text())  # our own manual, not a file of the person's
        self.text.setAccessibleName(_("{APP_NAME} user's manual").format(APP_NAME=APP_NAME))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 32)


def show_about(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = message_box(
        parent, QMessageBox.Icon.Information, _("About {APP_NAME}").format(APP_NAME=APP_NAME), about_text()
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.finished.connect(box.deleteLater)
    box.open()
