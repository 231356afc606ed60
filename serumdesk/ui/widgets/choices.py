"""Radio-button and checkbox groups built from the domain's enums, with accessible names."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from serumdesk.ui.widgets.style import SecondaryLabel, em

E = TypeVar("E", bound=StrEnum)


def mnemonic_safe(text: str) -> str:
    """Button text is plain, but '&' marks a keyboard shortcut: double it to show it."""
    return text.replace("&", "&&")


def text_indent(button: QRadioButton) -> int:
    """Where a radio button's text starts: its indicator plus the spacing after it.

    Worked out from the size hint rather than asked of QStyle, because touching QStyle's
    enums costs ~10 ms before the first page can paint. Qt's common style sizes a radio
    button as text + indicator + spacing + 4 px of label margin (QCommonStyle::
    sizeFromContents, CT_RadioButton); a test checks this against QStyle's own metrics.
    """
    text_width = button.fontMetrics().size(0, button.text()).width()
    return max(0, button.sizeHint().width() - text_width - 4)


class RadioChoice(QWidget, Generic[E]):
    """One choice from an enum: a radio button per value, with an optional detail line."""

    def __init__(self, name: str, options: Iterable[tuple[E, str, str]]) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.group = QButtonGroup(self)
        self.buttons: dict[E, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self) // 3)
        for value, label, detail in options:
            button = QRadioButton(mnemonic_safe(label))
            button.setAccessibleName(label)
            if detail:
                button.setAccessibleDescription(detail)
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
            if detail:
                layout.addWidget(self._detail(detail, button))
        self.group.buttonToggled.connect(lambda *_: self._tab_to_chosen())
        self._tab_to_chosen()

    def _tab_to_chosen(self) -> None:
        """Tab enters the group on the chosen option (the first when none is); the arrow
        keys move between options, as in every other option group on the desktop."""
        from PySide6.QtCore import Qt

        buttons = list(self.buttons.values())
        chosen = next((b for b in buttons if b.isChecked()), buttons[0] if buttons else None)
        for button in buttons:
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is chosen else Qt.FocusPolicy.ClickFocus
            )

    def _detail(self, text: str, button: QRadioButton) -> QLabel:
        label = SecondaryLabel(text)
        label.setContentsMargins(text_indent(button), 0, 0, em(self) // 4)
        return label

    def value(self) -> E | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def set_value(self, value: E | None) -> None:
        if value is None:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[value].setChecked(True)


class CheckChoice(QWidget, Generic[E]):
    """Any number of values from an enum: one checkbox each."""

    def __init__(self, name: str, options: Iterable[tuple[E, str]], columns: int = 1) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.boxes: dict[E, QCheckBox] = {}
        layout = QVBoxLayout(self) if columns == 1 else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for value, label in options:
            box = QCheckBox(mnemonic_safe(label))
            box.setAccessibleName(label)
            self.boxes[value] = box
            layout.addWidget(box)

    def values(self) -> frozenset[E]:
        return frozenset(v for v, box in self.boxes.items() if box.isChecked())

    def set_values(self, values: Iterable[E]) -> None:
        chosen = set(values)
        for value, box in self.boxes.items():
            box.setChecked(value in chosen)
