"""The results as a person first sees them: the wheel scrolls and never edits, the words of
every notice reach the accessibility tree, and on a small screen the essentials fit."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from serumdesk.domain.advice.routine import NOT_ADVICE
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.results.results_page import ResultsPage
from serumdesk.ui.widgets.expander import DisclosureButton
from tests.spanish_catalogue import compiled_locale
from tests.ui.results.grab_results import FOUR, PERSONA
from tests.ui.wizard_helpers import open_window

REPO = Path(__file__).resolve().parents[3]
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def _results(qtbot: QtBot, size: tuple[int, int] = (1024, 640)) -> tuple[MainWindow, ResultsPage]:
    window = open_window(qtbot, size=size)
    window.state.replace(PERSONA, compared_ids=FOUR)
    window.wizard.show_results()
    page = window.wizard.currentPage()
    assert isinstance(page, ResultsPage)
    qtbot.wait(10)
    return window, page


def _wheel(widget: QWidget, steps: int) -> bool:
    """Turn the wheel over `widget`, passing it up to each parent while it is not accepted, as
    Qt does for a real wheel (a sent event goes to its receiver only); True if one took it."""
    target: QWidget | None = widget
    while target is not None:
        centre = QPointF(target.width() / 2, target.height() / 2)
        event = QWheelEvent(
            centre,
            QPointF(target.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, 120 * steps),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        event.setAccepted(False)
        QApplication.sendEvent(target, event)
        if event.isAccepted():
            return target is not widget
        target = target.parentWidget()
    return False


def test_scrolling_over_the_results_never_changes_a_figure(qtbot: QtBot) -> None:
    window, page = _results(qtbot)
    spins = [s for s in page.findChildren(QAbstractSpinBox) if s.isVisible()]
    assert len(spins) >= 4 * 4  # four cost figures on each of four cards
    before = [s.value() for s in spins]  # type: ignore[attr-defined]
    overrides = window.state.overrides
    bar = page.scroller.verticalScrollBar()
    for spin in spins:
        page.scroller.ensureWidgetVisible(spin)
        bar.setValue(max(bar.value(), 1))  # room to scroll either way
        start = bar.value()
        assert _wheel(spin, -1), "the spin box kept the wheel"  # down
        assert bar.value() > start, "the wheel over a figure scrolls the page"
        _wheel(spin, 1)  # and up
    assert [s.value() for s in spins] == before  # type: ignore[attr-defined]
    assert window.state.overrides == overrides
    # Once the person puts the cursor in a figure, the wheel edits it, as they meant.
    spin = spins[0]
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    _wheel(spin, 1)
    assert spin.value() != before[0]  # type: ignore[attr-defined]


def test_the_accessibility_tree_carries_every_notices_words_and_no_markup(qtbot: QtBot) -> None:
    window, page = _results(qtbot)
    assert page.advice is not None and page.for_you is not None and page.chooser is not None
    page.chooser.toggle.click()  # open the chooser so its boxes are in the tree too
    for card in page.cards.values():
        card.why.button.click()
    qtbot.wait(10)
    checked = 0
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window):
            continue
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface is not None
        name = iface.text(QAccessible.Text.Name)
        description = iface.text(QAccessible.Text.Description)
        assert not MARKUP.search(name), (widget, name)
        assert not MARKUP.search(description), (widget, description)
        # A notice, caution or disclaimer: a label in a caution tone, or the disclaimer.
        if (
            isinstance(widget, QLabel)
            and widget.text()
            and (widget.property("serumdesk_tone") is not None or widget is page.advice.not_advice)
        ):
            words = " ".join(widget.text().removeprefix("⚠ ").split())
            said = " ".join(f"{name} {description}".split())
            assert words in said, (widget.objectName(), words, said)
            checked += 1
        if isinstance(widget, DisclosureButton):
            assert iface.role() == QAccessible.Role.Button  # not a check box
            state = "Expanded" if widget.isChecked() else "Collapsed"
            assert description.startswith(state)
    assert checked >= len(page.for_you.texts()) + 1
    # No page of the wizard, shown or not, puts markup in an accessible name or description.
    window.wizard.add_remaining_pages()
    for widget in window.findChildren(QWidget):
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface is not None
        for text in (iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)):
            assert not MARKUP.search(text), (widget, text)
    assert (
        NOT_ADVICE
        in page.advice.not_advice.accessibleName() + " " + page.advice.not_advice.accessibleDescription()
    )


def test_reopened_results_start_at_the_top_with_focus_on_the_first_product(qtbot: QtBot) -> None:
    window, page = _results(qtbot)
    assert page.table is not None
    first = next(iter(page.table.buttons.values()))
    qtbot.waitUntil(first.hasFocus)
    assert page.scroller.verticalScrollBar().value() == 0
    assert list(window.state.compared_ids) == list(FOUR)  # nothing dropped unasked
    first.click()  # its details, one click away
    card = page.cards[next(iter(page.table.buttons))]
    qtbot.waitUntil(
        lambda: (
            card.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() in card.focus_order()
        )
    )


SHOTS = [
    ("1024x640", 1024, 640, "1", "light", "en"),
    ("1024x640", 1024, 640, "1", "dark", "en"),
    ("1366x768", 1366, 768, "1", "light", "en"),
    ("1366x768", 1366, 768, "1", "dark", "en"),
    # 1366×768 at 1.5×: the same screen, everything half as large again.
    ("1366x768-scale1.5", 910, 512, "1.5", "light", "en"),
    ("1366x768-scale1.5", 910, 512, "1.5", "dark", "en"),
    # Spanish runs about a fifth longer than English.
    ("1024x640-es", 1024, 640, "1", "light", "es"),
    ("1366x768-scale1.5-es", 910, 512, "1.5", "dark", "es"),
]


@pytest.mark.parametrize(("name", "width", "height", "scale", "scheme", "language"), SHOTS)
def test_on_a_small_screen_the_essentials_show_without_scrolling(
    tmp_path: Path,
    artifacts_dir: Path,
    name: str,
    width: int,
    height: int,
    scale: str,
    scheme: str,
    language: str,
) -> None:
    out = artifacts_dir / f"results-{name}-{scheme}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale, "HOME": str(tmp_path)}
    grab = [str(width), str(height), scheme, str(out), language]
    if language != "en":
        pytest.importorskip("babel")
        grab.append(str(compiled_locale(tmp_path)))
    done = subprocess.run(  # its own process: the scale factor applies from the start
        [sys.executable, "-m", "tests.ui.results.grab_results", *grab],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert sorted(report["compared"]) == sorted(FOUR)
    assert report["names_and_costs_visible"], "a product's name or cost needs scrolling"
    assert report["first_caution_visible"], "the most important caution needs scrolling"
    assert not report["sideways_scroll"], "something is wider than the window"
    assert report["scrolled"] == 0
    assert report["language"] == language  # the installed catalogue, not a silent English
    assert out.is_file()


def test_no_sentence_is_repeated_on_three_cards(qtbot: QtBot) -> None:
    from collections import Counter

    from serumdesk.domain.advice.cautions import CautionLevel
    from serumdesk.ui.results.product_card import SECTION_TITLES, caution_title

    _window, page = _results(qtbot, (1366, 768))
    assert len(page.cards) == 4
    headings = {*SECTION_TITLES.values(), *(caution_title(level) for level in CautionLevel)}
    seen: Counter[str] = Counter()
    for card in page.cards.values():
        lines = set()
        for cell in card.cells.values():
            if not cell.isVisibleTo(page):
                continue
            for label in cell.findChildren(QLabel):
                if label.isVisibleTo(page):
                    lines |= {line.strip() for line in label.text().splitlines()}
        seen.update(line for line in lines if len(line) > 15 and line not in headings)
    repeated = [line for line, count in seen.items() if count >= 3]
    assert not repeated, repeated


def test_update_price_puts_the_cursor_in_a_price_you_can_see(qtbot: QtBot) -> None:
    _window, page = _results(qtbot)
    card = next(c for c in page.cards.values() if not c.cost.update_price.isHidden())
    page.scroller.verticalScrollBar().setValue(0)  # the price is below the fold
    card.cost.update_price.click()
    spin = card.cost.spins["price_usd"]
    qtbot.waitUntil(spin.hasFocus)
    viewport = page.scroller.viewport()
    top_left = spin.mapTo(viewport, spin.rect().topLeft())
    assert viewport.rect().contains(top_left) and viewport.rect().contains(
        spin.mapTo(viewport, spin.rect().bottomRight())
    )
