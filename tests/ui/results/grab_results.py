"""Grab the results page as a person first sees it, and report what is on screen.

Run as its own process, so the scale factor (QT_SCALE_FACTOR) and colour scheme apply from
the start, as in the app:

    QT_SCALE_FACTOR=1.5 python -m tests.ui.results.grab_results 1024 640 dark out.png [es [LOCALE]]

LOCALE is a folder of compiled catalogues (tests/spanish_catalogue.py makes one): a checkout
has only the .po files, which the build compiles.

Prints one JSON object: the window size, whether each compared product's name, monthly cost
and the first "For you" line are inside the visible part of the results without scrolling,
and whether anything needs a sideways scroll. tests/ui/results/test_results_at_a_glance.py
runs it and asserts on that report.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

from serumdesk.app import build_main_window, install_languages
from serumdesk.ui.results.results_page import ResultsPage
from tests.ui.wizard_helpers import dark_palette, light_palette
from tests.unit.factories import PREGNANT_AFTER_NEEDLING

PERSONA = PREGNANT_AFTER_NEEDLING
"""Pregnant, two days after microneedling, using a retinoid: the issue's person."""
FOUR = (
    "symbiome-the-answer",
    "skinmedica-tns-advanced-plus",
    "kate-somerville-supercell",
    "the-ordinary-multi-peptide-ha",
)


def _visible(page: ResultsPage, widget: QWidget) -> bool:
    """The whole widget lies inside the results' visible area (no scrolling needed)."""
    viewport = page.scroller.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return viewport.rect().contains(QRect(top_left, widget.size()))


def main(width: int, height: int, scheme: str, out: Path, language: str = "en") -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    shown_in = install_languages(app, language)  # as the app does: its text, Qt's, numbers
    app.setPalette(dark_palette() if scheme == "dark" else light_palette())
    window = build_main_window()  # as the app builds it: every menu, the bundled catalog
    ready: list[bool] = []
    window.start_up_finished.connect(lambda: ready.append(True))
    window.resize(width, height)
    window.show()
    for _ in range(200):
        if ready:
            break
        app.processEvents()
        time.sleep(0.01)
    window.wizard.add_remaining_pages()
    window.catalog.read()
    window.state.replace(PERSONA, compared_ids=FOUR)
    window.wizard.show_results()
    for _ in range(5):
        app.processEvents()
    page = window.wizard.currentPage()
    assert isinstance(page, ResultsPage) and page.table is not None and page.for_you is not None
    window.grab().save(str(out))
    page.body.grab().save(str(out.with_name(out.stem + "-full.png")))
    rows = page.table.rows
    return {
        "window": [window.width(), window.height()],
        "compared": list(page.cards),
        "names_and_costs_visible": all(_visible(page, w) for row in rows for w in row[:3]),
        "first_caution_visible": _visible(page, page.for_you.lines[0]),
        "sideways_scroll": page.scroller.horizontalScrollBar().maximum() > 0
        or page.strip.horizontalScrollBar().maximum() > 0,
        "cards_per_row": page.strip.cards_per_row(len(page.cards)),
        "focus": (app.focusWidget().accessibleName() if app.focusWidget() else ""),
        "scrolled": page.scroller.verticalScrollBar().value(),
        "language": shown_in,
    }


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as home:
        import os

        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[var] = str(Path(home) / var)
        os.environ["SERUMDESK_DATA_DIR"] = str(Path(home) / "data")
        if len(sys.argv) > 6:
            from serumdesk.storage import paths

            compiled = Path(sys.argv[6])
            paths.locale_dir = lambda: compiled  # a test's own catalogues, not the checkout's
        report = main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), *sys.argv[5:6])
    print(json.dumps(report))
