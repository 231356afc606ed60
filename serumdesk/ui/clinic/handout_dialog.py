"""Asked before a clinic's sheet is printed or exported: for whom, by whom, notes, follow-up.

Nothing here is required: what is left empty is printed as a line to write on by hand.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.clinic.handout import (
    FOLLOW_UP_DAY,
    MAX_NAME_CHARS,
    Handout,
    HandoutError,
    make_handout,
)
from serumdesk.domain.dates import add_months
from serumdesk.i18n import _
from serumdesk.ui.widgets.plain_dialogs import warn
from serumdesk.ui.widgets.style import em, plain_label
from serumdesk.ui.widgets.wheel_guard import wheel_only_when_focused


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class HandoutDialog(QDialog):
    """Prepared for, prepared by, notes and an optional follow-up date, for one sheet."""

    def __init__(self, clinic_name: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("For the patient"))
        self.today = today
        self.result_handout: Handout | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Printed on {clinic_name}'s sheet. All optional: what you leave empty is "
                    "printed as a line to write on."
                ).format(clinic_name=clinic_name)
            )
        )
        form = QFormLayout()
        self.prepared_for = QLineEdit()
        self.prepared_by = QLineEdit()
        for edit, label in ((self.prepared_for, _("Prepared &for")), (self.prepared_by, _("Prepared &by"))):
            edit.setMaxLength(MAX_NAME_CHARS)
            edit.setAccessibleName(label.replace("&", ""))
            form.addRow(label, edit)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(_("Notes for the sheet"))
        self.notes.setPlaceholderText(_("Empty: the sheet has blank lines to write on"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(6 * em(self))
        form.addRow(_("&Notes"), self.notes)
        row = QHBoxLayout()
        self.has_follow_up = QCheckBox(_("Follow-up &visit on"))
        self.follow_up = wheel_only_when_focused(QDateEdit(_qdate(add_months(today, 1))))
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("yyyy-MM-dd")
        self.follow_up.setDateRange(_qdate(today), _qdate(FOLLOW_UP_DAY.latest(today)))
        self.follow_up.setAccessibleName(_("Follow-up date"))
        self.follow_up.setEnabled(False)
        self.has_follow_up.toggled.connect(self.follow_up.setEnabled)
        row.addWidget(self.has_follow_up)
        row.addWidget(self.follow_up)
        row.addStretch(1)
        form.addRow(row)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("&Continue"))
        buttons.accepted.connect(self.finish)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(30 * em(self))

    def handout(self) -> Handout:
        """What was typed, checked; HandoutError says what cannot be printed."""
        follow_up = None
        if self.has_follow_up.isChecked():
            q = self.follow_up.date()
            follow_up = dt.date(q.year(), q.month(), q.day())
        return make_handout(
            self.prepared_for.text(),
            self.prepared_by.text(),
            self.notes.toPlainText(),
            follow_up,
            today=self.today,
        )

    def finish(self) -> None:
        try:
            self.result_handout = self.handout()
        except HandoutError as exc:
            warn(self, _("Check what you typed"), str(exc))
            return
        self.accept()
