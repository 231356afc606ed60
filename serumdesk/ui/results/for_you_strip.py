"""The "For you" strip above the comparison: each personal caution once, one line each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from serumdesk.domain.advice.cautions import CautionLevel
from serumdesk.ui.widgets.style import apply_tone, em, heading, plain_label

_TONE = {CautionLevel.CLINICIAN: "clinician", CautionLevel.IRRITATION: "irritation",
         CautionLevel.ALLERGY: "allergy", CautionLevel.ETHICS: "ethics", CautionLevel.INFO: "info"}


class ForYouLine(Protocol):
    """What the strip shows of one line: the plan's items and the domain's fallback both fit."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> CautionLevel: ...


class ForYouStrip(QFrame):
    """One toned line per item, strongest first, as the plan orders them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("forYou")
        self.setAccessibleName("For you")
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self) // 4)
        self.title = heading("For you", 1.0)
        layout.addWidget(self.title)
        self.lines: list[QLabel] = []

    def show_items(self, items: Sequence[ForYouLine]) -> None:
        while len(self.lines) < len(items):
            label = plain_label(selectable=True)
            label.setObjectName(f"forYou_{len(self.lines)}")
            m = em(label) // 4
            label.setContentsMargins(m * 2, m, m * 2, m)
            self._layout.addWidget(label)
            self.lines.append(label)
        for label, item in zip(self.lines, items, strict=False):
            strong = item.severity is CautionLevel.CLINICIAN
            tone = "warning" if item.kind == "notice" else _TONE[item.severity]
            apply_tone(label, tone, 2 if strong else 1)
            label.setText(("⚠ " if strong else "") + item.text)
            label.setAccessibleName(item.text)
            label.setAccessibleDescription("Notice" if item.kind == "notice" else "Caution for you")
            label.show()
        for label in self.lines[len(items):]:
            label.hide()
        self.setAccessibleDescription(" ".join(i.text for i in items))
        self.setVisible(bool(items))

    def texts(self) -> list[str]:
        return [label.accessibleName() for label in self.lines if not label.isHidden()]
