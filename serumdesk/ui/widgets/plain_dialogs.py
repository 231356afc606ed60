"""Message boxes that show their text literally: a path, a profile name or a catalog string
in a message is the person's text, never HTML for Qt to render."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from serumdesk.domain.strict.plain_text import plain
from serumdesk.i18n import _


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A QMessageBox in plain-text format, with no buttons yet. The static helpers
    (QMessageBox.warning …) guess the format, and show "<b>" in a file name as bold."""
    box = QMessageBox(icon, title, "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(plain(text))
    return box


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = message_box(parent, QMessageBox.Icon.Information, title, text)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str, decline: str | None = None) -> bool:
    """Ask a yes/no question; True when the person chose `action`."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Cancel") if decline is None else decline, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes
