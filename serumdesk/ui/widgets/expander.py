"""A keyboard-operable disclosure: a button that shows or hides a block of plain text.

The button is a plain button (not a checkable one, which screen readers announce as a
check box); its accessible description says whether it is expanded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from serumdesk.i18n import _
from serumdesk.ui.widgets.style import em, plain_label, show_focus


class DisclosureButton(QToolButton):
    """An arrow and a title; a click (or Space) opens or closes what it controls."""

    toggled_open = Signal(bool)
    """The new state: True when opened."""

    def __init__(self, title: str = "") -> None:
        super().__init__()
        self._open = False
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.clicked.connect(lambda: self.setChecked(not self._open))
        self.set_title(title)
        self._show_state()
        show_focus(self)

    def set_title(self, title: str) -> None:
        self.setText(title.replace("&", "&&"))
        self.setAccessibleName(title)

    def isChecked(self) -> bool:
        return self._open

    def setChecked(self, on: bool) -> None:
        if on != self._open:
            self._open = on
            self._show_state()
            self.toggled_open.emit(on)

    def _show_state(self) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if self._open else Qt.ArrowType.RightArrow)
        self.setAccessibleDescription(
            _("Expanded: press to hide") if self._open else _("Collapsed: press to show")
        )


class Expander(QWidget):
    def __init__(self, title: str, body: str = "", expanded: bool = False) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self) // 4)
        self.button = DisclosureButton(title)
        self.body = plain_label(body, selectable=True)
        self.body.setContentsMargins(em(self) // 2, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.body)
        self.button.toggled_open.connect(self.body.setVisible)
        self.button.setChecked(expanded)
        self.body.setVisible(expanded)

    def set_title(self, title: str) -> None:
        self.button.set_title(title)

    def set_body(self, text: str) -> None:
        self.body.setText(text)
