"""What a person sees of a widget's tooltip: the text Qt shows, whether it took it as rich or plain."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget


def shown_tooltip(widget: QWidget) -> str:
    """The tooltip's text as Qt renders it (Qt::mightBeRichText decides, as for a real tooltip)."""
    from PySide6.QtGui import Qt

    tip = widget.toolTip()
    if not Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def tooltip_links(widget: QWidget) -> list[str]:
    """Every link Qt would make of the tooltip (none, for a plain one)."""
    from PySide6.QtGui import Qt

    tip = widget.toolTip()
    if not Qt.mightBeRichText(tip):
        return []
    document = QTextDocument()
    document.setHtml(tip)
    links: list[str] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor():
                links.append(fragment.charFormat().anchorHref())
            it += 1
        block = block.next()
    return links
