"""Screenshots of every page and of the results, in light and dark, at two window sizes.

They go to tests/artifacts/test_screenshots/ for a person to look at; the assertions check
the layout facts that a screenshot review relies on (three cards visible at 1280 px).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from serumdesk.domain.choices import Caution
from serumdesk.ui.results.results_page import ResultsPage
from tests.ui.wizard_helpers import (
    answer_current_page,
    click_next,
    compare,
    dark_palette,
    drive_to_results,
    light_palette,
    open_window,
)
from tests.unit.factories import PREGNANT_AFTER_NEEDLING

# A persona that visits every page and brings up every kind of caution.
PERSONA = dataclasses.replace(
    PREGNANT_AFTER_NEEDLING, cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING})
)
SIZES = ((1280, 800), (1024, 640))


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    original = QPalette(qapp.palette())
    qapp.setPalette(dark_palette() if request.param == "dark" else light_palette())
    yield str(request.param)
    qapp.setPalette(original)


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_page_and_the_results(
    qtbot: QtBot, artifacts_dir: Path, scheme: str, width: int, height: int
) -> None:
    window = open_window(qtbot)
    window.resize(width, height)
    qtbot.wait(10)
    tag = f"{scheme}-{width}x{height}"
    index = 0
    while not isinstance(window.wizard.currentPage(), ResultsPage):
        answer_current_page(qtbot, window, PERSONA)
        window.grab().save(str(artifacts_dir / f"{tag}-page{index}.png"))
        click_next(qtbot, window)
        index += 1
    page = window.wizard.currentPage()
    assert isinstance(page, ResultsPage)
    qtbot.wait(10)
    window.grab().save(str(artifacts_dir / f"{tag}-results.png"))
    page.body.grab().save(str(artifacts_dir / f"{tag}-results-full.png"))
    # Scrolled to the cards' lower half and to the advice, as a person would see them.
    bar = page.scroller.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    window.grab().save(str(artifacts_dir / f"{tag}-results-scrolled.png"))
    # Open the ranking and every "Why" so the expanded state is reviewed too.
    assert page.chooser is not None
    page.chooser.toggle.setChecked(True)
    for card in page.cards.values():
        card.why.button.setChecked(True)
    qtbot.wait(10)
    page.body.grab().save(str(artifacts_dir / f"{tag}-results-expanded.png"))

    strip = page.strip
    visible = [
        card
        for card in page.cards.values()
        if card.geometry().right() <= strip.viewport().width() + strip.horizontalScrollBar().value()
    ]
    if width >= 1280:
        assert len(page.cards) == 3 and len(visible) == 3, "three cards side by side at 1280 px"
    # Cards are as tall as their content: nothing is cut off at the bottom of the strip.
    assert strip.content.height() >= strip.content.layout().totalHeightForWidth(strip.content.width())


def test_a_larger_system_font_scales_the_cards(qtbot: QtBot, qapp: QApplication, artifacts_dir: Path) -> None:
    """Large text (a 14 pt system font): nothing is sized in pixels, so cards grow with it."""
    original = QFont(qapp.font())
    big = QFont(original)
    big.setPointSizeF(14)
    qapp.setFont(big)
    try:
        window = open_window(qtbot)
        page = drive_to_results(qtbot, window, PERSONA)
        qtbot.wait(10)
        window.grab().save(str(artifacts_dir / "large-font-1280x800-results.png"))
        page.body.grab().save(str(artifacts_dir / "large-font-1280x800-results-full.png"))
        card = next(iter(page.cards.values()))
        assert card.name_label.font().pointSizeF() > 14  # headings scale from the system size
        assert card.width() >= page.strip.card_min_width()
        # Cards the window cannot show side by side go two by two, never squeezed.
        strip = page.strip
        assert all(c.width() >= strip.card_min_width() for c in page.cards.values())
        assert strip.cards_per_row(len(page.cards)) < len(page.cards)
    finally:
        qapp.setFont(original)


def test_caution_colours_follow_a_live_switch_to_dark(qtbot: QtBot, qapp: QApplication) -> None:
    from serumdesk.ui.widgets.style import tone

    original = QPalette(qapp.palette())
    qapp.setPalette(light_palette())
    try:
        window = open_window(qtbot)
        page = drive_to_results(qtbot, window, PERSONA)
        compare(window, [*list(page.cards)[:2], "symbiome-the-answer"])
        box = page.cards["symbiome-the-answer"].caution_boxes[0]  # its clinician caution
        light_bg = tone("clinician", light_palette())[0]
        dark_bg = tone("clinician", dark_palette())[0]
        assert light_bg in box.styleSheet()
        qapp.setPalette(dark_palette())  # what Qt does when the desktop turns dark
        qtbot.waitUntil(lambda: dark_bg in box.styleSheet())
    finally:
        qapp.setPalette(original)
