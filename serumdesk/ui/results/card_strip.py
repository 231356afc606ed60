"""The comparison cards, side by side (in two bands when narrow), as tall as their content."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QSizePolicy, QWidget

from serumdesk.i18n import _
from serumdesk.ui.widgets.style import em

FULL_ROW = 3
"""Cards are sized as if at least this many share the row."""
CARD_MIN_CHARS = 36
"""A card is at least this many average characters wide: three fit side by side at 1280 px."""


class Placeable(Protocol):
    """A card that puts its sections into the shared grid."""

    cells: dict[str, QWidget]

    def place(self, grid: QGridLayout, column: int, band: int = 0) -> None: ...


class CardStrip(QScrollArea):
    """Scrolls sideways only; its height follows the cards so the page scrolls as one.

    The content is sized by hand (width, then height for that width) because a resizable
    scroll area would use the word-wrapped labels' minimum heights and stretch every row.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("Compared products"))
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.content = QWidget()
        self.content.setAccessibleName(_("Comparison cards"))
        self.grid = QGridLayout(self.content)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(em(self))
        self.grid.setVerticalSpacing(0)
        self.setWidget(self.content)
        self.content.installEventFilter(self)
        self._columns = 0
        self._cards: list[Placeable] = []
        self._widest = 0
        self._fitting = False

    def card_min_width(self) -> int:
        """The narrowest a card may be: a readable line, and never less than its widest
        unwrappable row (the monthly cost, the cost editors) needs (measured on arranging)."""
        return max(self.fontMetrics().averageCharWidth() * CARD_MIN_CHARS, self._widest)

    def _measure(self) -> None:
        self._widest = max(
            (cell.minimumSizeHint().width() for card in self._cards for cell in card.cells.values()),
            default=0,
        )

    def show_cards(self, cards: Sequence[Placeable]) -> None:
        """Lay `cards` out in as many bands as the width needs (never squeezed below their
        minimum: four cards on a narrow window go two by two)."""
        self._cards = list(cards)
        self._measure()
        self._arrange()

    def cards_per_row(self, count: int) -> int:
        spacing = self.grid.horizontalSpacing()
        available = self.width() - 2 * self.frameWidth()
        fit = max(1, (available + spacing) // (self.card_min_width() + spacing))
        if count <= fit:
            return count
        bands = math.ceil(count / fit)
        return math.ceil(count / bands)

    def _arrange(self) -> None:
        count = len(self._cards)
        per_row = self.cards_per_row(count) if count else 0
        for index, card in enumerate(self._cards):
            card.place(self.grid, index % per_row, index // per_row)
        for column in range(max(per_row + 1, self.grid.columnCount())):
            used = column < per_row
            self.grid.setColumnMinimumWidth(column, self.card_min_width() if used else 0)
            self.grid.setColumnStretch(column, 1 if used else 0)
        # One or two cards keep a third of the width each instead of stretching across.
        self.grid.setColumnStretch(per_row, max(0, FULL_ROW - per_row) if per_row == count else 0)
        self._columns = per_row
        # The grid posts a layout request, and the cards' new text adds to the same one:
        # the content is fitted once, when it arrives (eventFilter), not once per change.
        self.grid.invalidate()

    def refit(self) -> None:
        """Size the content to the viewport's width (or the cards' minimum) and its height."""
        if self._fitting:
            return
        self._fitting = True
        try:
            spacing = self.grid.horizontalSpacing()
            needed = self._columns * self.card_min_width() + max(0, self._columns - 1) * spacing
            width = max(self.width() - 2 * self.frameWidth(), needed)
            self.grid.invalidate()
            height = (
                self.grid.totalHeightForWidth(width)
                if self.grid.hasHeightForWidth()
                else self.grid.totalSizeHint().height()
            )
            self.content.resize(width, height)
            scrolls = width > self.width() - 2 * self.frameWidth()
            bar = self.horizontalScrollBar().sizeHint().height() if scrolls else 0
            self.setFixedHeight(height + bar + 2 * self.frameWidth())
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A card changed (an expander opened, a caution appeared): fit the new height.
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self.refit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            if self._cards and self.cards_per_row(len(self._cards)) != self._columns:
                self._arrange()
            self.refit()
