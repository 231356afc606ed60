"""The ranked list of matches, each with a checkbox: which 2–4 to compare side by side."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QVBoxLayout, QWidget

from serumdesk.domain.advice.compare import MAX_COMPARED, MIN_COMPARED
from serumdesk.domain.advice.ranking import Match
from serumdesk.domain.advice.wording import listed_title, money
from serumdesk.i18n import _
from serumdesk.ui.widgets.choices import mnemonic_safe
from serumdesk.ui.widgets.expander import DisclosureButton
from serumdesk.ui.widgets.flow_layout import FlowLayout
from serumdesk.ui.widgets.style import SecondaryLabel, em


def choice_text(match: Match) -> str:
    text = f"{match.rank}. {listed_title(match.product)} — {money(match.cost.cost_per_month_usd)}/month"
    if match.over_budget:
        text += _(" (over budget)")
    return text


class CompareChooser(QWidget):
    """A disclosure button that opens the whole ranking, one checkbox per match."""

    selection_changed = Signal(list)
    """The chosen product ids, in rank order, after the person ticks or unticks one."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("Products to compare"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.toggle = DisclosureButton()
        self.toggle.toggled_open.connect(self._expand)
        outer.addWidget(self.toggle)
        self.panel = QGroupBox()
        panel_layout = QVBoxLayout(self.panel)
        self.area = QWidget()
        self.flow = FlowLayout(self.area, spacing=em(self))
        panel_layout.addWidget(self.area)
        self.hint = SecondaryLabel()
        panel_layout.addWidget(self.hint)
        outer.addWidget(self.panel)
        self.boxes: dict[str, QCheckBox] = {}
        """The shown checkboxes by product id, in rank order."""
        self._pool: list[QCheckBox] = []
        self._expand(False)

    def _expand(self, on: bool) -> None:
        self.panel.setVisible(on)

    def _retitle(self) -> None:
        title = _(
            "Choose what to compare: {len} of {len2} matches ticked (pick {MIN_COMPARED}–{MAX_COMPARED})"
        ).format(
            len=len(self.chosen()), len2=len(self.boxes), MIN_COMPARED=MIN_COMPARED, MAX_COMPARED=MAX_COMPARED
        )
        self.toggle.setText(title)
        self.toggle.setAccessibleName(title)

    def show_matches(self, matches: Sequence[Match], chosen: Sequence[str]) -> None:
        focused = next((pid for pid, b in self.boxes.items() if b.hasFocus()), None)
        # Checkboxes are reused, in rank order: changed answers re-label them in place.
        while len(self._pool) < len(matches):
            box = QCheckBox()
            box.toggled.connect(self._on_toggled)
            self._pool.append(box)
            self.flow.addWidget(box)
        self.boxes = {}
        for box, match in zip(self._pool, matches, strict=False):
            text = choice_text(match)
            box.blockSignals(True)  # a new answer's selection, not a tick by the person
            box.setText(mnemonic_safe(text))
            box.setAccessibleName(_("Compare {text}").format(text=text))
            box.setChecked(match.product.id in chosen)
            box.blockSignals(False)
            box.show()
            self.boxes[match.product.id] = box
        for box in self._pool[len(matches) :]:
            box.hide()
        if focused in self.boxes:
            self.boxes[focused].setFocus()
        self._update_limits()

    def chosen(self) -> list[str]:
        return [pid for pid, box in self.boxes.items() if box.isChecked()]

    def _on_toggled(self, _checked: bool) -> None:
        self._update_limits()
        self.selection_changed.emit(self.chosen())

    def _update_limits(self) -> None:
        count = len(self.chosen())
        for box in self.boxes.values():
            box.setEnabled(box.isChecked() or count < MAX_COMPARED)
        self._retitle()
        if count >= MAX_COMPARED:
            self.hint.setText(
                _("Comparing the most ({MAX_COMPARED}); untick one to pick another.").format(
                    MAX_COMPARED=MAX_COMPARED
                )
            )
        elif count < MIN_COMPARED and len(self.boxes) >= MIN_COMPARED:
            self.hint.setText(
                _("Tick at least {MIN_COMPARED} to compare them side by side.").format(
                    MIN_COMPARED=MIN_COMPARED
                )
            )
        else:
            self.hint.setText(_("Scroll sideways when the cards do not all fit."))
