"""A keyboard-operable disclosure: a toggle button that shows or hides a block of plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from serumdesk.ui.widgets.style import em, plain_label


class Expander(QWidget):
    def __init__(self, title: str, body: str = "", expanded: bool = False) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self) // 4)
        self.button = QToolButton()
        self.button.setCheckable(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.body = plain_label(body, selectable=True)
        self.body.setContentsMargins(em(self) // 2, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.body)
        self.button.toggled.connect(self._toggled)
        self.set_title(title)
        self.button.setChecked(expanded)
        self._toggled(expanded)

    def set_title(self, title: str) -> None:
        self.button.setText(title.replace("&", "&&"))
        self.button.setAccessibleName(title)

    def set_body(self, text: str) -> None:
        self.body.setText(text)

    def _toggled(self, on: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.body.setVisible(on)
