"""The questions the profile actions ask a person, behind one small interface.

`DialogPrompts` asks with real dialogs; tests pass a scripted object with the same
methods, so the controller's logic runs without modal dialogs blocking the test.
Every dialog shows profile names as plain text.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from serumdesk.i18n import N_, _
from serumdesk.storage.profile_types import Profile
from serumdesk.ui.widgets import plain_dialogs

FILE_FILTER = N_("SerumDesk profile (*.json);;All files (*)")
SHARED_QUIT_QUESTION = N_("This is a shared computer. Clear the answers before quitting?")
SHARED_QUIT_DETAIL = N_(
    "Clearing leaves nothing of them for the next person: SerumDesk "
    "forgets the answers on screen and which profile was open. Profiles "
    "you saved stay saved."
)


class Unsaved(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ProfilePrompts(Protocol):
    def ask_name(self, title: str, label: str, initial: str = "") -> str | None: ...
    def confirm(self, title: str, text: str, action: str, decline: str | None = None) -> bool: ...
    def ask_unsaved(self, name: str | None) -> Unsaved: ...
    def ask_clear_on_quit(self) -> Unsaved: ...
    def pick_profile(
        self, profiles: list[Profile], *, title: str, intro: str, action: str, current_id: str | None = None
    ) -> Profile | None: ...
    def open_file(self, title: str, file_filter: str | None = None) -> Path | None: ...
    def save_file(self, title: str, suggested_name: str) -> Path | None: ...
    def inform(self, title: str, text: str) -> None: ...
    def warn(self, title: str, text: str) -> None: ...


def suggested_file_name(profile_name: str) -> str:
    """A harmless file name for an export: letters, digits, spaces and dashes only."""
    stem = re.sub(r"[^\w\- ]+", "_", profile_name, flags=re.UNICODE).strip(" ._")[:60]
    return f"{stem or 'profile'}.serumdesk.json"


class DialogPrompts:
    """ProfilePrompts with Qt's standard dialogs, parented to `parent`."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def ask_name(self, title: str, label: str, initial: str = "") -> str | None:
        text, ok = QInputDialog.getText(self.parent, title, label, QLineEdit.EchoMode.Normal, initial)
        return text if ok else None

    def confirm(self, title: str, text: str, action: str, decline: str | None = None) -> bool:
        return plain_dialogs.confirm(
            self.parent, title, text, action, _("Cancel") if decline is None else decline
        )

    def ask_unsaved(self, name: str | None) -> Unsaved:
        text = (
            _("You have changes to profile “{name}” that are not saved.").format(name=name)
            if name
            else _("You have changes to your answers that are not saved.")
        )
        box = plain_dialogs.message_box(self.parent, QMessageBox.Icon.Warning, _("Unsaved changes"), text)
        box.setInformativeText(_("Save them first?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return Unsaved.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    def ask_clear_on_quit(self) -> Unsaved:
        """On a shared computer: DISCARD clears the answers and quits, SAVE saves them first."""
        box = plain_dialogs.message_box(
            self.parent, QMessageBox.Icon.Question, _("Clear the answers?"), _(SHARED_QUIT_QUESTION)
        )
        box.setInformativeText(_(SHARED_QUIT_DETAIL))
        clear = box.addButton(_("Clear and quit"), QMessageBox.ButtonRole.DestructiveRole)
        save = box.addButton(_("Save first…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(clear)
        box.exec()
        clicked = box.clickedButton()
        if clicked is clear:
            return Unsaved.DISCARD
        return Unsaved.SAVE if clicked is save else Unsaved.CANCEL

    def pick_profile(
        self, profiles: list[Profile], *, title: str, intro: str, action: str, current_id: str | None = None
    ) -> Profile | None:
        # Imported when first needed: start-up builds these prompts, rarely this dialog.
        from serumdesk.ui.profiles.picker_dialog import ProfilePickerDialog

        dialog = ProfilePickerDialog(
            profiles, title=title, intro=intro, action=action, current_id=current_id, parent=self.parent
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()

    def open_file(self, title: str, file_filter: str | None = None) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self.parent, title, str(Path.home()), file_filter or _(FILE_FILTER)
        )
        return Path(name) if name else None

    def save_file(self, title: str, suggested_name: str) -> Path | None:
        """The file to write; Qt's dialog has already asked before an existing one is replaced."""
        name, _filter = QFileDialog.getSaveFileName(
            self.parent, title, str(Path.home() / suggested_name), _(FILE_FILTER)
        )
        return Path(name) if name else None

    def inform(self, title: str, text: str) -> None:
        plain_dialogs.inform(self.parent, title, text)

    def warn(self, title: str, text: str) -> None:
        plain_dialogs.warn(self.parent, title, text)
