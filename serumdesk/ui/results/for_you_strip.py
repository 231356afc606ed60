"""The "For you" strip above the comparison: each personal caution once, one line each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from serumdesk.i18n import _
from serumdesk.ui.widgets.style import apply_tone, em, heading, plain_label

NOTICE_KINDS = frozenset({"notice", "budget", "no-good-match"})
"""Lines about the results rather than the person's health: the notice tone."""
ALLERGY_KINDS = frozenset({"allergy", "allergy-check", "fragrance", "fragrance-unknown"})
STRONG = 1
"""Severity at or below which a line is drawn strongest (stop and ask; protect open skin)."""
ASK_FIRST = 2
TAKE_CARE = 3


def line_tone(kind: str, severity: int) -> str:
    """The caution tone for a line: by what it is about and how much harm it could do."""
    if kind in NOTICE_KINDS:
        return "warning"
    if severity <= ASK_FIRST:
        return "clinician"
    if kind in ALLERGY_KINDS:
        return "allergy"
    return "irritation" if severity == TAKE_CARE else "info"


class ForYouLine(Protocol):
    """What the strip shows of one line: the plan's items and the domain's fallback both fit."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> int:
        """Lower is more harmful (0 stop and ask … 4 good to know)."""
        ...


class ForYouStrip(QFrame):
    """One toned line per item, strongest first, as the plan orders them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("forYou")
        self.setAccessibleName(_("For you"))
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self) // 4)
        self.title = heading(_("For you"), 1.0)
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
            kind, severity = str(item.kind), int(item.severity)
            strong = severity <= STRONG and kind not in NOTICE_KINDS
            spec = (line_tone(kind, severity), 2 if strong else 1, 4)
            if label.property("serumdesk_tone") != spec:  # a new style sheet costs a polish
                apply_tone(label, *spec)
            label.setText(("⚠ " if strong else "") + item.text)
            label.setAccessibleName(item.text)
            label.setAccessibleDescription(_("Notice") if kind in NOTICE_KINDS else _("Caution for you"))
            label.show()
        for label in self.lines[len(items) :]:
            label.hide()
        self.setAccessibleDescription(" ".join(i.text for i in items))
        self.setVisible(bool(items))

    def texts(self) -> list[str]:
        return [label.accessibleName() for label in self.lines if not label.isHidden()]
