"""A clinic's sheet: its header and logo, prepared for / by, notes and follow-up, still two
pages for four products; without clinic details, the personal sheet."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.clinic.details import make_details
from serumdesk.domain.clinic.handout import (
    LINE_CHARS,
    MAX_NOTES_LINES,
    ClinicSheet,
    make_handout,
)
from serumdesk.ui.sheet.clinic_logo import logo_image
from serumdesk.ui.sheet.pages import SheetRequest
from serumdesk.ui.sheet.pdf import write_sheet_pdf
from tests.ui.sheet_helpers import (
    HUMAN_DERIVED,
    pdf_pages_text,
    pdf_text,
    rec_for,
    render_page_images,
)
from tests.unit.domain.clinic.test_logo import SVG

TODAY = dt.date.today()
FOLLOW_UP = TODAY + dt.timedelta(days=30)
DETAILS = make_details(
    "Riverside <b>Dermatology</b>",
    "12 River Rd, Springfield",
    "+1 (555) 010-2030",
    "riverside-derm.example",
    "svg",
)


def clinic_sheet(notes: str = "") -> ClinicSheet:
    return ClinicSheet(DETAILS, make_handout("Anna K.", "Dr. Lee", notes, FOLLOW_UP, today=TODAY))


def test_the_clinic_sheet_carries_header_prepared_line_notes_and_follow_up(
    qtbot: QtBot, tmp_path: Path, artifacts_dir: Path
) -> None:
    rec = rec_for("heavy")  # the densest answers, four products, full notes: still two pages
    notes = "\n".join(
        (f"Line {n}: " + "apply a thin layer after cleansing, " * 4)[:LINE_CHARS]
        for n in range(1, MAX_NOTES_LINES + 1)
    )
    for paper in ("letter", "a4"):
        out = tmp_path / f"clinic-{paper}.pdf"
        pages = write_sheet_pdf(
            rec, list(HUMAN_DERIVED), out, clinic=clinic_sheet(notes), logo=(SVG, "svg"), paper=paper
        )
        assert pages == 2, paper
    first, second = pdf_pages_text(out)
    assert first.startswith("Riverside <b>Dermatology</b>")  # typed text, never markup
    assert "Serum comparison sheet" in first
    assert "12 River Rd, Springfield · +1 (555) 010-2030 · riverside-" in first
    assert "Prepared for Anna K. by Dr. Lee on" in first and "with SerumDesk" in first
    assert "Prices in US dollars." in first
    assert "Notes from your clinic" in second and f"Line {MAX_NOTES_LINES}:" in second
    assert f"Follow-up visit: {FOLLOW_UP.day} " in second
    request = SheetRequest(
        rec,
        select_compared(rec, list(HUMAN_DERIVED)),
        clinic=dataclasses.replace(clinic_sheet(notes), has_logo=True),
        logo=logo_image(SVG, "svg"),
    )
    images = render_page_images(request, "a4")
    for number, image in enumerate(images, start=1):
        assert image.save(str(artifacts_dir / f"clinic-sheet-page{number}.png"))
    # The logo is drawn: the SVG's green (#2a6) is on the first page, near its top.
    top = images[0].copy(0, 0, images[0].width(), images[0].height() // 8)
    greens = sum(
        1
        for x in range(0, top.width(), 2)
        for y in range(0, top.height(), 2)
        if top.pixelColor(x, y).name() == "#22aa66"
    )
    assert greens > 20


def test_blanks_are_lines_to_write_on(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    sheet = ClinicSheet(DETAILS, make_handout(today=TODAY))
    write_sheet_pdf(rec_for("vegan"), [], out, clinic=sheet)
    text = pdf_text(out)
    assert "Prepared for ____" in text and "by ____" in text
    assert "Follow-up visit: ____" in text


def test_without_clinic_details_the_sheet_is_the_personal_one(qtbot: QtBot, tmp_path: Path) -> None:
    personal, blank_clinic = tmp_path / "personal.pdf", tmp_path / "none.pdf"
    write_sheet_pdf(rec_for("vegan"), [], personal)
    write_sheet_pdf(rec_for("vegan"), [], blank_clinic, clinic=ClinicSheet(None, make_handout(today=TODAY)))
    for path in (personal, blank_clinic):
        text = pdf_text(path)
        assert text.startswith("Serum comparison sheet Prepared with SerumDesk")
        assert "Prepared for" not in text and "Notes from your clinic" not in text
        assert text.count("Prices in US dollars") == 1
