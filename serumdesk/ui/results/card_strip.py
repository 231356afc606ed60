"""The horizontally scrolling row of comparison cards, as tall as its content."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QSizePolicy, QWidget

from serumdesk.ui.widgets.style import em

FULL_ROW = 3
"""Cards are sized as if at least this many share the row."""
CARD_MIN_CHARS = 36
"""A card is at least this many average characters wide: three fit side by side at 1280 px."""


class CardStrip(QScrollArea):
    """Scrolls sideways only; its height follows the cards so the page scrolls as one.

    The content is sized by hand (width, then height for that width) because a resizable
    scroll area would use the word-wrapped labels' minimum heights and stretch every row.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Compared products")
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.content = QWidget()
        self.content.setAccessibleName("Comparison cards")
        self.grid = QGridLayout(self.content)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(em(self))
        self.grid.setVerticalSpacing(0)
        self.setWidget(self.content)
        self.content.installEventFilter(self)
        self._columns = 0
        self._fitting = False

    def card_min_width(self) -> int:
        return self.fontMetrics().averageCharWidth() * CARD_MIN_CHARS

    def set_columns(self, count: int) -> None:
        for column in range(max(count + 1, self.grid.columnCount())):
            used = column < count
            self.grid.setColumnMinimumWidth(column, self.card_min_width() if used else 0)
            self.grid.setColumnStretch(column, 1 if used else 0)
        # One or two cards keep a third of the width each instead of stretching across.
        self.grid.setColumnStretch(count, max(0, FULL_ROW - count))
        self._columns = count
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
            height = self.grid.totalHeightForWidth(width) if self.grid.hasHeightForWidth() \
                else self.grid.totalSizeHint().height()
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
            self.refit()
