"""The bottles a person has: patch test and opening dates per serum, and what they mean.

Imported when the person first opens it (File ▸ Your bottles…), never at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.advice.cost import CostEstimate
from serumdesk.domain.bottles import Bottle, bottle_notes
from serumdesk.domain.choices import PatchResult
from serumdesk.domain.strict.numbers import EARLIEST_DAY, MONTHS_AFTER_OPENING
from serumdesk.i18n import _
from serumdesk.ui.widgets.style import em, plain_label, set_tip
from serumdesk.ui.widgets.wheel_guard import wheel_only_when_focused

CostFor = Callable[[str], CostEstimate | None]
"""The cost of a product at the person's own figures (None when it is not in the catalog)."""


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def _date_edit(day: dt.date | None, today: dt.date) -> QDateEdit:
    edit = wheel_only_when_focused(QDateEdit(_qdate(day or today)))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMinimumDate(_qdate(EARLIEST_DAY))
    edit.setMaximumDate(_qdate(today))  # a date still to come cannot have happened yet
    return edit


class BottleBox(QGroupBox):
    """One bottle: its patch test and opening, with what they mean today."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, bottle: Bottle, title: str, cost_for: CostFor, today: dt.date) -> None:
        super().__init__(title)
        self.product_id = bottle.product_id
        self.setAccessibleName(_("Bottle of {title}").format(title=title))
        self._cost_for, self._today = cost_for, today
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(em(self))
        self.patched = QCheckBox(_("Patch test put on"))
        self.patched.setChecked(bottle.patch_started is not None)
        self.patch_date = _date_edit(bottle.patch_started, today)
        self.patch_date.setAccessibleName(_("Patch test date for {title}").format(title=title))
        self.result = wheel_only_when_focused(QComboBox())
        self.result.setAccessibleName(_("Patch test result for {title}").format(title=title))
        for choice in PatchResult:
            self.result.addItem(choice.label, choice.value)
        self.result.setCurrentIndex(list(PatchResult).index(bottle.patch_result))
        self.opened = QCheckBox(_("Opened on"))
        self.opened.setChecked(bottle.opened is not None)
        self.opened_date = _date_edit(bottle.opened, today)
        self.opened_date.setAccessibleName(_("Opening date for {title}").format(title=title))
        self.months = wheel_only_when_focused(QSpinBox())
        self.months.setRange(0, int(MONTHS_AFTER_OPENING.maximum))
        self.months.setSpecialValueText(_("not known"))
        self.months.setSuffix(_(" months"))
        self.months.setValue(bottle.months_after_opening or 0)
        self.months.setAccessibleName(_("Months it keeps after opening, for {title}").format(title=title))
        set_tip(self.months, _("The open-jar symbol on the pack: 6M means six months."))
        months_label = plain_label(_("Keeps after opening"), wrap=False)
        months_label.setBuddy(self.months)
        self.notes = plain_label()
        self.notes.setObjectName("bottleNotes")
        self.notes.setAccessibleName(_("What the dates mean for {title}").format(title=title))
        remove = QPushButton(_("Remove"))
        remove.setAccessibleName(_("Remove the bottle of {title}").format(title=title))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        grid.addWidget(self.patched, 0, 0)
        grid.addWidget(self.patch_date, 0, 1)
        grid.addWidget(self.result, 0, 2, 1, 2)
        grid.addWidget(self.opened, 1, 0)
        grid.addWidget(self.opened_date, 1, 1)
        grid.addWidget(months_label, 1, 2)
        grid.addWidget(self.months, 1, 3)
        grid.addWidget(self.notes, 2, 0, 1, 4)
        grid.addWidget(remove, 3, 3, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(4, 1)
        self.patched.toggled.connect(self._on_change)
        self.opened.toggled.connect(self._on_change)
        for edit in (self.patch_date, self.opened_date):
            edit.dateChanged.connect(self._on_change)
        self.result.currentIndexChanged.connect(self._on_change)
        self.months.valueChanged.connect(self._on_change)
        self._on_change()

    def bottle(self) -> Bottle:
        result = PatchResult(self.result.currentData() or PatchResult.WAITING.value)
        return Bottle(
            self.product_id,
            opened=_date(self.opened_date.date()) if self.opened.isChecked() else None,
            months_after_opening=self.months.value() or None,
            patch_started=_date(self.patch_date.date()) if self.patched.isChecked() else None,
            patch_result=result,
        )

    def _on_change(self) -> None:
        self.patch_date.setEnabled(self.patched.isChecked())
        self.result.setEnabled(self.patched.isChecked())
        self.opened_date.setEnabled(self.opened.isChecked())
        bottle = self.bottle()
        self.notes.setText(
            "\n".join(
                f"• {note}" for note in bottle_notes(bottle, self._cost_for(bottle.product_id), self._today)
            )
        )
        self.changed.emit()


class BottlesDialog(QDialog):
    """Add, edit and remove bottles; `bottles()` is the result when accepted."""

    def __init__(
        self,
        bottles: Sequence[Bottle],
        products: Sequence[tuple[str, str]],
        cost_for: CostFor,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        """`products` are (id, title) of the catalog, in the order to offer them."""
        super().__init__(parent)
        self.setWindowTitle(_("Your bottles"))
        self.resize(em(self) * 44, em(self) * 34)
        self._titles = dict(products)
        self._cost_for, self._today = cost_for, today
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Note when you patch test and open each serum. SerumDesk works out when to "
                    "look at the patch, the use-by date and when the bottle runs out at your "
                    "amount per use. It is kept in your profile, on this computer only."
                )
            )
        )
        self.boxes: list[BottleBox] = []
        self._list = QVBoxLayout()
        self._list.addStretch(1)
        holder = QWidget()
        holder.setLayout(self._list)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setWidget(holder)
        scroller.setAccessibleName(_("Your bottles"))
        layout.addWidget(scroller, 1)
        adder = QHBoxLayout()
        self.choice = wheel_only_when_focused(QComboBox())
        self.choice.setAccessibleName(_("Serum to add"))
        self.add_button = QPushButton(_("&Add bottle"))
        self.add_button.clicked.connect(self._add_chosen)
        adder.addWidget(plain_label(_("Add a serum you have:"), wrap=False))
        adder.addWidget(self.choice, 1)
        adder.addWidget(self.add_button)
        layout.addLayout(adder)
        self.empty = plain_label(_("No bottles yet: add the serums you have bought."))
        self.empty.setObjectName("noBottles")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for bottle in bottles:
            self._add(bottle)
        self._refresh_choices()

    def bottles(self) -> tuple[Bottle, ...]:
        return tuple(box.bottle() for box in self.boxes)

    def add_bottle(self, product_id: str) -> BottleBox:
        """Add a fresh bottle for `product_id` (as the Add button does)."""
        box = self._add(Bottle(product_id))
        self._refresh_choices()
        return box

    def _add(self, bottle: Bottle) -> BottleBox:
        title = self._titles.get(bottle.product_id, bottle.product_id)
        box = BottleBox(bottle, title, self._cost_for, self._today)
        box.remove_requested.connect(self._remove)
        self._list.insertWidget(len(self.boxes), box)
        box.show()  # at once, not on the layout's next turn: the new row takes focus
        self.boxes.append(box)
        return box

    def _remove(self, box: BottleBox) -> None:
        self.boxes.remove(box)
        self._list.removeWidget(box)
        box.deleteLater()
        self._refresh_choices()

    def _add_chosen(self) -> None:
        product_id = self.choice.currentData()
        if isinstance(product_id, str):
            self.add_bottle(product_id).patched.setFocus()

    def _refresh_choices(self) -> None:
        have = {box.product_id for box in self.boxes}
        self.choice.clear()
        for product_id, title in self._titles.items():
            if product_id not in have:
                self.choice.addItem(title, product_id)
        self.add_button.setEnabled(self.choice.count() > 0)
        self.choice.setEnabled(self.choice.count() > 0)
        self.empty.setVisible(not self.boxes)
