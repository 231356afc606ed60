"""Catalog ▸ Your serums…: the serums the person entered, to edit or remove.

Imported when the person first opens it, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.advice.wording import money
from serumdesk.domain.catalog.my_products import MyProduct
from serumdesk.domain.dates import long_date
from serumdesk.domain.figures import figure
from serumdesk.i18n import _
from serumdesk.ui.widgets.style import em, plain_label

Act = Callable[[MyProduct], None]


def entry_line(mine: MyProduct) -> str:
    line = _("{money} for {size} ml").format(money=money(mine.price_usd), size=figure(mine.size_ml))
    if mine.entered:
        line += " · " + _("entered {date}").format(date=long_date(mine.entered))
    return f"{mine.brand} {mine.name}\n{line}"


class YourSerumsDialog(QDialog):
    """A list of the person's serums; Edit and Remove act on the one chosen."""

    def __init__(
        self,
        entries: Sequence[MyProduct],
        edit: Act,
        remove: Act,
        parent: QWidget | None = None,
        add: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Your serums"))
        self.resize(em(self) * 36, em(self) * 24)
        self._edit, self._remove = edit, remove
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Serums you added from their labels. They are ranked beside the catalog's "
                    "products and marked “your entry”; they stay on this computer."
                )
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName(_("Your serums"))
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        layout.addWidget(self.list, 1)
        self.empty = plain_label(_("No serums yet: add one with Catalog ▸ Add a serum."))
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.add_button = QPushButton(_("&Add…"))
        self.add_button.setVisible(add is not None)
        if add is not None:
            self.add_button.clicked.connect(add)
        row.addWidget(self.add_button)
        self.edit_button = QPushButton(_("&Edit…"))
        self.remove_button = QPushButton(_("&Remove"))
        self.edit_button.clicked.connect(lambda: self._act(self._edit))
        self.remove_button.clicked.connect(lambda: self._act(self._remove))
        row.addWidget(self.edit_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self._act(self._edit))
        self.show_entries(entries)

    def show_entries(self, entries: Sequence[MyProduct]) -> None:
        self._by_id = {m.id: m for m in entries}
        self.list.clear()
        for mine in entries:
            item = QListWidgetItem(entry_line(mine))  # item views show text as typed
            item.setData(Qt.ItemDataRole.UserRole, mine.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        for widget in (self.edit_button, self.remove_button):
            widget.setEnabled(bool(entries))
        self.empty.setVisible(not entries)

    def chosen(self) -> MyProduct | None:
        item = self.list.currentItem()
        return None if item is None else self._by_id.get(item.data(Qt.ItemDataRole.UserRole))

    def _act(self, action: Act) -> None:
        mine = self.chosen()
        if mine is not None:
            action(mine)
