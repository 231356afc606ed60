"""The patient's sheet: no rank or score, jargon explained, pages that break cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.advice.glossary import GLOSSARY
from serumdesk.domain.advice.recommendation import Recommendation
from serumdesk.ui.sheet.content import MIN_PT
from serumdesk.ui.sheet.pages import MAX_PAGES, PagedSheet, SheetRequest, page_layout
from serumdesk.ui.sheet.pdf import write_sheet_pdf
from tests.ui.sheet_helpers import pdf_text, rec_for

WORDIEST = [
    "angela-caglia-cell-forte",
    "bioeffect-egf-serum",
    "kate-somerville-supercell",
    "eighth-day-regenerative-serum",
]


def _laid_out(rec: Recommendation, ids: list[str], paper: str) -> PagedSheet:
    layout = page_layout(paper)
    dpi = 110
    full, paint = layout.fullRectPixels(dpi), layout.paintRectPixels(dpi)
    probe = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(round(dpi / 0.0254))
    probe.setDotsPerMeterY(round(dpi / 0.0254))
    return PagedSheet.fitted(
        SheetRequest(rec, select_compared(rec, ids)), probe, QRectF(0, 0, paint.width(), paint.height())
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("persona", ["heavy", "pregnant"])
def test_four_products_break_cleanly_on_two_pages(qtbot: QtBot, paper: str, persona: str) -> None:
    rec = rec_for(persona)
    sheet = _laid_out(rec, WORDIEST, paper)
    assert sheet.page_count <= MAX_PAGES
    assert sheet.split_row() is None, "a comparison row is split across two pages"
    layout = sheet.document.documentLayout()
    block = sheet.document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            page = int((layout.blockBoundingRect(block).top() + 1 / 32) // sheet.body_height)
            first_line = following.layout().lineAt(0).position().y() if following.layout().lineCount() else 0
            after = int(
                (layout.blockBoundingRect(following).top() + first_line + 1 / 32) // sheet.body_height
            )
            assert after == page, f"heading “{block.text()}” is left at the foot of a page"
        block = following


def test_the_patients_sheet_has_no_rank_or_score_and_explains_jargon(qtbot: QtBot, tmp_path: Path) -> None:
    rec = rec_for("pregnant")
    ids = [
        "the-ordinary-niacinamide-zinc",
        "skinmedica-tns-advanced-plus",
        "bioeffect-egf-serum",
        "neocutis-bio-serum-firm",
    ]
    out = tmp_path / "sheet.pdf"
    write_sheet_pdf(rec, ids, out)
    text = " ".join(pdf_text(out).split())
    assert "Rank " not in text and "score" not in text.lower()
    assert "#1" not in text
    # Each product's fit, in two plain words, before the guide's reason.
    assert text.count("Good fit.") + text.count("Not a fit.") >= len(ids)
    # Jargon is followed by plain words, once.
    for term in ("non-biologic alternative", "conditioned media"):
        meaning = " ".join(GLOSSARY[term].split())
        assert text.count(f"({meaning})") == 1, term


def test_sources_are_set_in_readable_type(qtbot: QtBot) -> None:
    rec = rec_for("heavy")
    sheet = _laid_out(rec, WORDIEST, "a4")
    sizes = []
    block = sheet.document.begin()
    in_sources = False
    while block.isValid():
        if block.blockFormat().headingLevel():
            in_sources = block.text() == "Sources"
        elif in_sources and block.text():
            sizes.append(
                block.charFormat().fontPointSize() or block.begin().fragment().charFormat().fontPointSize()
            )
        block = block.next()
    assert sizes and min(sizes) >= MIN_PT >= 7
