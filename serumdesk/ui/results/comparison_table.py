"""The compact table above the cards: one row per compared product, the details one click away."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from serumdesk.domain.advice.glance import ComparisonRow
from serumdesk.i18n import N_, _
from serumdesk.ui.widgets.style import SecondaryLabel, apply_tone, em, plain_label, scaled_font, set_tip

COLUMNS = (
    N_("Product and fit"),
    N_("Cost"),
    N_("Per use"),
    N_("Its own caution"),
    N_("Evidence, source, vegan"),
)
"""Few columns of stacked lines: the table fits a 1024 px window, or 1366 px at 1.5×."""
CAUTION_COLUMN = COLUMNS.index(N_("Its own caution"))
DOSE_MARK = "†"
TITLE_CHARS = 26
"""Product names wrap at about this many characters, so the caution column keeps its room."""


class ComparisonTable(QFrame):
    """Rows of plain labels in a grid, so long words wrap instead of being cut."""

    details_requested = Signal(str)
    """A product id: the person asked for that product's card."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("comparisonTable")
        self.setAccessibleName(_("Comparison at a glance"))
        self.setStyleSheet(
            "#comparisonTable { border: 1px solid palette(mid); "
            "border-radius: 4px; background: palette(base); }"
        )
        outer = QVBoxLayout(self)
        m = em(self) // 2
        outer.setContentsMargins(m, m // 2, m, m // 2)
        outer.setSpacing(m // 2)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(em(self))
        self.grid.setVerticalSpacing(m // 2)
        outer.addLayout(self.grid)
        for column, title in enumerate(COLUMNS):
            label = plain_label(_(title), wrap=column == CAUTION_COLUMN)
            label.setFont(scaled_font(label, 0.95, bold=True))
            self.grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignTop)
        self.grid.setColumnStretch(CAUTION_COLUMN, 3)
        self.grid.setColumnMinimumWidth(CAUTION_COLUMN, em(self) * 8)
        self.footnote = SecondaryLabel()
        outer.addWidget(self.footnote)
        self.rows: list[list[QWidget]] = []
        """The shown rows' cells (the product cell holds its name button and fit)."""
        self.buttons: dict[str, QPushButton] = {}
        self._pool: list[list[QWidget]] = []

    def _row(self, index: int) -> list[QWidget]:
        """The widgets of table row `index` (1-based), built once and refilled after."""
        while len(self._pool) < index:
            r = len(self._pool) + 1
            button = QPushButton()
            button.setObjectName("productLink")
            button.setFlat(True)
            button.setFont(scaled_font(button, 1.0, bold=True))
            button.setStyleSheet(
                "#productLink { text-align: left; padding: 2px 4px; } #productLink:focus { "
                "border: 2px solid palette(highlight); border-radius: 3px; }"
            )
            set_tip(button, _("Show its details below"))
            button.clicked.connect(
                lambda _=False, b=button: self.details_requested.emit(str(b.property("pid")))
            )
            fit = plain_label(wrap=False)
            fit.setContentsMargins(6, 0, 0, 0)
            holder = QWidget()
            head = QVBoxLayout(holder)
            head.setSpacing(0)
            head.setContentsMargins(0, 0, 0, 0)
            head.addWidget(button)
            head.addWidget(fit)
            top = Qt.AlignmentFlag.AlignTop
            self.grid.addWidget(holder, r, 0, top)
            widgets: list[QWidget] = [holder, button, fit]
            for column in range(1, len(COLUMNS)):
                label = plain_label(wrap=column == CAUTION_COLUMN, selectable=True)
                if column == CAUTION_COLUMN:
                    label.setObjectName(f"tableCaution_{r}")
                    label.setContentsMargins(4, 1, 4, 1)
                self.grid.addWidget(label, r, column, top)
                widgets.append(label)
            self._pool.append(widgets)
        return self._pool[index - 1]

    def show_rows(self, rows: Sequence[ComparisonRow], shared: Sequence[str] = ()) -> None:
        """One row per product; `shared` facts, the same for all of them, are said once below."""
        self.rows = []
        self.buttons = {}
        for r, row in enumerate(rows, start=1):
            holder, button, fit, *labels = self._row(r)
            assert isinstance(button, QPushButton) and isinstance(fit, QLabel)
            button.setText(textwrap.fill(row.title, TITLE_CHARS).replace("&", "&&"))
            button.setAccessibleName(row.title)
            button.setProperty("pid", row.product_id)
            self.buttons[row.product_id] = button
            fit.setText(row.fit)
            fit.setAccessibleName(_("Fit: {fit}").format(fit=row.fit))
            cost = (_("{money} a month (your figures)") if row.edited else _("{money} a month")).format(
                money=row.monthly
            )
            per_use = row.per_use + (f" {DOSE_MARK}" if row.dose_differs else "")
            per_ml = _("{money} per ml").format(money=row.per_ml)
            cells = (
                (
                    f"{cost}\n{per_ml}",
                    _("Cost: {cost}, {per_ml} per ml").format(cost=cost, per_ml=row.per_ml),
                ),
                (per_use, _("Amount per use: {per_use}").format(per_use=per_use)),
                (
                    row.caution or "—",
                    _("Its own caution: {caution}").format(caution=row.caution)
                    if row.caution
                    else _("Its own caution: none beyond those for you above"),
                ),
                (
                    _("{evidence}\n{source}\nVegan: {vegan}").format(
                        evidence=row.evidence, source=row.source, vegan=row.vegan
                    ),
                    _("Evidence: {evidence}. Source: {source}. Vegan: {vegan}.").format(
                        evidence=row.evidence, source=row.source, vegan=row.vegan
                    ),
                ),
            )
            for label, (value, spoken) in zip(labels, cells, strict=True):
                assert isinstance(label, QLabel)
                label.setText(value)
                label.setAccessibleName(spoken)
            caution = labels[CAUTION_COLUMN - 1]
            tone = row.caution_level.value if row.caution_level is not None else "none"
            if caution.property("serumdesk_table_tone") != tone:  # restyling costs a polish
                caution.setProperty("serumdesk_table_tone", tone)
                if row.caution_level is None:
                    caution.setProperty("serumdesk_tone", None)
                    caution.setStyleSheet("")
                else:
                    apply_tone(caution, tone)
            for widget in (holder, *labels):
                widget.show()
            self.rows.append([holder, *labels])
        for widgets in self._pool[len(rows) :]:
            widgets[0].hide()
            for widget in widgets[3:]:
                widget.hide()
        differs = any(row.dose_differs for row in rows)
        notes = [
            _(
                "{DOSE_MARK} The amounts per use differ, so the monthly costs rest on "
                "different assumptions: compare the price per ml too. Edit the figures on a "
                "product's card."
            ).format(DOSE_MARK=DOSE_MARK)
            if differs
            else _("Costs assume each product's usual amount; edit the figures on its card.")
        ]
        if shared:
            notes += [f"• {line}" for line in shared]
        self.footnote.setText("\n".join(notes))
        self.setVisible(bool(rows))

    def cell_texts(self) -> list[str]:
        """Each row's words as shown, for tests."""
        out = []
        for widgets in self.rows:
            words = [
                w.text()
                for row in widgets
                for w in (row, *row.findChildren(QWidget))
                if isinstance(w, QLabel | QPushButton)
            ]
            out.append(" ".join(" ".join(words).replace("&&", "&").split()))
        return out
