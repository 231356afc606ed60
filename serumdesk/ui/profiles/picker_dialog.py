"""A dialog listing saved (or deleted) profiles to pick one from; names shown as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.dates import long_date
from serumdesk.i18n import _
from serumdesk.storage.profile_types import Profile, name_key
from serumdesk.ui.widgets.style import plain_label, plain_tooltip


def profile_line(profile: Profile) -> str:
    local = profile.updated.astimezone()
    updated = _("updated {date}, {time}").format(date=long_date(local.date()), time=f"{local:%H:%M}")
    return f"{profile.name}\n{profile.answers.use_case.label} · {updated}"


class ProfilePickerDialog(QDialog):
    """Pick one profile. Item views never interpret HTML, so any name is shown as typed."""

    def __init__(
        self,
        profiles: list[Profile],
        *,
        title: str,
        intro: str,
        action: str,
        current_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(intro))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Type to filter by name"))
        self.filter.setAccessibleName(_("Filter profiles by name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Profiles"))
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        for profile in profiles:
            item = QListWidgetItem(profile_line(profile))
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            item.setToolTip(plain_tooltip(profile.name))
            self.list.addItem(item)
            if profile.id == current_id:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(self.list.count() > 0)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._by_id = {p.id: p for p in profiles}
        self.list.setFocus()

    def _apply_filter(self, text: str) -> None:
        key = name_key(text)
        for row in range(self.list.count()):
            item = self.list.item(row)
            profile = self._by_id[item.data(Qt.ItemDataRole.UserRole)]
            item.setHidden(key not in name_key(profile.name))

    def chosen(self) -> Profile | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return self._by_id.get(item.data(Qt.ItemDataRole.UserRole))
