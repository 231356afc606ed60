"""Caution colours are readable in both schemes; the composition root names the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serumdesk.storage.catalog_loader import CatalogLoader, CatalogUnavailable
from serumdesk.storage.paths import APP_ID
from serumdesk.ui.widgets.style import TONES
from tests.ui.wizard_helpers import CATALOG


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("level", sorted(TONES))
def test_caution_text_meets_wcag_aa_in_light_and_dark(level: str) -> None:
    light_bg, light_border, light_text, dark_bg, dark_border, dark_text = TONES[level]
    assert contrast(light_text, light_bg) >= 4.5
    assert contrast(dark_text, dark_bg) >= 4.5
    # The border marks the box against its background (WCAG's 3:1 for UI components).
    assert contrast(light_border, light_bg) >= 3
    assert contrast(dark_border, dark_bg) >= 3


def test_the_catalog_is_loaded_once(tmp_path: Path) -> None:
    loader = CatalogLoader(CATALOG)
    assert loader.load() is loader.load()
    missing = CatalogLoader(tmp_path / "nope.json")
    with pytest.raises(CatalogUnavailable, match="does not exist"):
        missing.load()
    assert missing.error is not None and "does not exist" in missing.error


def test_configure_application_names_the_app(qapp: QApplication) -> None:
    from serumdesk.app import configure_application

    configure_application(qapp)
    assert qapp.applicationName() == "SerumDesk"
    assert qapp.organizationName() == "SerumDesk"
    assert qapp.desktopFileName() == APP_ID


def test_a_selectable_label_turns_selectable_when_the_pointer_arrives(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QEnterEvent

    from serumdesk.ui.widgets.style import plain_label

    text = "Packaging: airless pump — protects fragile actives.\nKeep in the fridge. " * 3
    label = plain_label(text, selectable=True)
    qtbot.addWidget(label)
    label.show()
    before = [label.heightForWidth(width) for width in (160, 240, 400)]
    QApplication.sendEvent(label, QEnterEvent(QPointF(3, 3), QPointF(3, 3), QPointF(3, 3)))
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.textFormat() == Qt.TextFormat.PlainText
    # Same height for every width, so the page does not shift under the pointer.
    assert [label.heightForWidth(width) for width in (160, 240, 400)] == before


def test_a_wrapped_label_never_answers_with_a_stale_height(qtbot: QtBot) -> None:
    """Heights are remembered per width; every change that moves the text must forget them."""
    from PySide6.QtGui import QFont

    from serumdesk.ui.widgets.style import plain_label

    short, long = "Fragrance-free.", "Possible irritants: lavender oil (fragrance), citrus peel. " * 4
    label = plain_label(short)
    qtbot.addWidget(label)

    def fresh_height(width: int) -> int:
        twin = plain_label(label.text())
        twin.setFont(label.font())
        twin.setContentsMargins(label.contentsMargins())
        twin.setWordWrap(label.wordWrap())
        height = twin.heightForWidth(width)
        twin.deleteLater()
        return height

    widths = (120, 240, 400)
    big = QFont(label.font())
    big.setPointSizeF(label.font().pointSizeF() * 2)
    changes = [
        lambda: label.setText(long),
        lambda: label.setFont(big),
        lambda: label.setContentsMargins(30, 4, 30, 4),
        lambda: label.setWordWrap(False),
        lambda: label.setWordWrap(True),
        lambda: label.setText(short),
    ]
    for change in changes:
        before = [label.heightForWidth(w) for w in widths]  # fills the remembered heights
        change()
        after = [label.heightForWidth(w) for w in widths]
        assert after == [fresh_height(w) for w in widths]
    assert before != after  # the changes did move the text
