"""Spin boxes, sliders and combo boxes take the mouse wheel only once they have focus.

Without this, scrolling a page with the pointer over a price box turns the wheel into edits
(a 30 ml bottle became 1 ml in one flick). A guarded widget takes focus by Tab or click
only (not by the wheel), and ignores wheel events until it has focus, so the wheel scrolls
the page under it.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class WheelGuard(QObject):
    """Event filter owned by its widget: a wheel event while unfocused goes to the parent."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            # Filtered and not accepted: Qt offers a wheel event to the parent next,
            # so the scroll area around the widget scrolls.
            event.ignore()
            return True
        return super().eventFilter(watched, event)


def wheel_only_when_focused(widget: W) -> W:
    """Guard `widget` (a spin box, slider, combo or date box), once; returns it."""
    if widget.findChild(WheelGuard) is None:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(WheelGuard(widget))
    return widget
