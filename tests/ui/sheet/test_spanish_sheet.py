"""The sheet written wholly in Spanish: every heading, label, sentence and the footer of its
own, for every persona, personal or clinic, whole or shared; still two pages for four products.

The words the sheet takes from the advice, the catalog and the guide are other modules'
(their own tests); here, none of the sheet's own English may reach a Spanish sheet.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from serumdesk import i18n
from serumdesk.domain.advice.compare import CompareError, select_compared
from serumdesk.domain.clinic.details import make_details
from serumdesk.domain.clinic.handout import ClinicSheet, make_handout
from serumdesk.ui.sheet.content import sheet_html
from serumdesk.ui.sheet.pages import PagedSheet, SheetRequest, page_layout
from serumdesk.ui.sheet.pdf import write_sheet_pdf
from tests.ui.sheet_helpers import HUMAN_DERIVED, PERSONAS, pdf_pages_text, rec_for, run_without_system_fonts

REPO = Path(__file__).resolve().parents[3]
SHEET_MODULES = ("content.py", "clinic_parts.py", "pages.py", "pdf.py")
"""The modules whose text is the sheet's own (serumdesk/ui/sheet/)."""
TODAY = dt.date(2026, 12, 7)
ENGLISH_HEADINGS = (
    "Serum comparison sheet",
    "Your answers",
    "Products compared",
    "Left out, and why",
    "Patch test",
    "What to expect, and when",
    "What these serums are",
    "Before you buy",
    "Cautions for all of them",
    "Cost per month",
    "Key ingredients",
    "Packaging and storage",
    "Notes from your clinic",
    "Follow-up visit",
    "Prepared for",
    "Prepared with SerumDesk",
    "Prices in US dollars",
    "Questions to ask the brand",
    "Where each figure came from",
    "SerumDesk comparison sheet",
    "Page 1 of 2",
    "Page 2 of 2",
)
"""The sheet's own English that a reader would see first: none of it on a Spanish sheet."""


def sheet_messages() -> list[str]:
    """Every string marked in the sheet's own modules, as Babel extracts it."""
    pytest.importorskip("babel")
    from babel.messages.extract import extract_from_file

    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    found = []
    for name in SHEET_MODULES:
        path = REPO / "serumdesk" / "ui" / "sheet" / name
        for _line, message, _comments, _context in extract_from_file("python", str(path), keywords=keywords):
            found.append(message if isinstance(message, str) else message[0])
    return found


def english_phrases() -> set[str]:
    """The runs of three or more words in the sheet's own messages, between placeholders and
    markup: text no product, brand or source name repeats by chance."""
    phrases = set()
    for message in sheet_messages():
        for piece in re.split(r"\{[^}]*\}|<[^>]*>", message):
            piece = piece.strip(" .:;,()—*")
            if len(piece.split()) >= 3:
                phrases.add(piece)
    return phrases


def visible_text(html: str) -> str:
    body = html.split("<body>", 1)[1]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())


def spanish_sheets(locale: Path) -> Iterator[tuple[str, str]]:
    """(what, visible text) of a Spanish sheet for each persona, whole and shared, personal
    and a clinic's, with a handout typed and with blanks to write on."""
    details = make_details("Clínica Sol", "Calle Mayor 1", "+34 600 000 000", "", None)
    typed = ClinicSheet(
        details, make_handout("Ana K.", "Dra. Lee", "Vuelva en dos semanas", TODAY, today=TODAY)
    )
    blank = ClinicSheet(details, make_handout("", "", "", None, today=TODAY))
    with i18n.override("es", locale):
        for persona in PERSONAS:
            rec = rec_for(persona)
            for ids in ([], list(HUMAN_DERIVED)):
                try:
                    compared = select_compared(rec, ids)
                except CompareError:
                    compared = select_compared(rec, [])
                for include_medical in (True, False):
                    for clinic in (None, typed, blank):
                        html = sheet_html(
                            rec,
                            compared,
                            today=TODAY,
                            include_medical=include_medical,
                            clinic=clinic,
                            language="es",
                        )
                        what = (
                            f"{persona}, {len(compared)} compared, medical={include_medical}, clinic={clinic}"
                        )
                        yield what, visible_text(html)


def test_every_message_of_the_sheet_has_spanish_of_its_own(locale: Path) -> None:
    messages = sheet_messages()
    assert len(messages) > 40
    with i18n.override("es", locale):
        untranslated = [m for m in messages if i18n._(m) == m]
    assert not untranslated


def test_no_english_of_the_sheets_own_reaches_a_spanish_sheet(locale: Path) -> None:
    phrases = english_phrases() | set(ENGLISH_HEADINGS)
    assert {"Products compared", "Medical cautions apply — see your clinician before starting it"} <= phrases
    sheets = 0
    for what, text in spanish_sheets(locale):
        sheets += 1
        left = sorted(p for p in phrases if p in text)
        assert not left, f"{what}: English left: {left}"
        assert text.count("Precios en dólares estadounidenses.") == 1, what
        assert text.count("Traducción de SerumDesk") == 1, what
        assert "7 de diciembre de 2026" in text, what
    assert sheets == len(PERSONAS) * 2 * 2 * 3


def test_an_english_sheet_keeps_its_english_and_says_no_translation(locale: Path) -> None:
    rec = rec_for("pregnant")
    text = visible_text(sheet_html(rec, select_compared(rec, []), today=TODAY))
    assert "Products compared" in text and "Prices in US dollars." in text
    assert "Translated by SerumDesk" not in text and "Traducción" not in text


@pytest.mark.parametrize(
    ("persona", "paper"),
    [("heavy", "letter"), ("heavy", "a4"), ("post-procedure", "letter"), ("pregnant", "a4")],
)
def test_a_spanish_pdf_of_four_products_is_two_pages_with_no_english_headings(
    persona: str, paper: str, locale: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    details = make_details("Clínica Sol", "Calle Mayor 1", "+34 600 000 000", "", None)
    clinic = ClinicSheet(details, make_handout("Ana K.", "Dra. Lee", "", TODAY, today=TODAY))
    out = tmp_path / "es.pdf"
    with i18n.override("es", locale):
        rec = rec_for(persona)
        pages = write_sheet_pdf(rec, list(HUMAN_DERIVED), out, clinic=clinic, paper=paper)
    assert pages == 2
    first, second = pdf_pages_text(out)
    text = f"{first} {second}"
    assert [h for h in ENGLISH_HEADINGS if h in text] == []
    for spanish in ("Hoja comparativa de sérums", "Productos comparados", "Rutina", "Prueba de parche"):
        assert spanish in text
    assert "Página 1 de 2" in first and "Página 2 de 2" in second
    assert text.count("Precios en dólares estadounidenses.") == 1
    fonts = pdf_fonts(out)
    if (persona, paper) == ("heavy", "letter"):  # the densest sheet, on the shorter paper
        assert any("DejaVuSansCondensed" in f for f in fonts), fonts  # it is compact


def test_only_a_sheet_that_needs_it_is_compact(locale: Path, qtbot: QtBot) -> None:
    """The English sheets keep their look; the densest Spanish one on Letter paper is compact
    (smaller body type, headings at set sizes) and so keeps to two pages."""
    details = make_details("Clínica Sol", "Calle Mayor 1", "+34 600 000 000", "", None)
    clinic = ClinicSheet(details, make_handout("Ana K.", "Dra. Lee", "", TODAY, today=TODAY))

    def fitted(persona: str) -> PagedSheet:
        rec = rec_for(persona)
        request = SheetRequest(rec, select_compared(rec, list(HUMAN_DERIVED)), clinic=clinic, today=TODAY)
        return PagedSheet.fitted(request, *paint_device("letter"))

    for persona in ("pregnant", "heavy"):
        english = fitted(persona)
        assert not english.content.compact and english.page_count == 2
    with i18n.override("es", locale):
        spanish = fitted("heavy")
    assert spanish.content.compact and spanish.page_count == 2
    assert "font-size: 7.5pt" in spanish.content.html and "font-size: 7.5pt" not in english.content.html


def paint_device(paper: str, dpi: int = 300) -> tuple[QImage, QRectF]:
    """An image with the dots per inch of a printer, and the paper's paint rectangle."""
    paint = page_layout(paper).paintRectPixels(dpi)
    probe = QImage(8, 8, QImage.Format.Format_RGB32)
    probe.setDotsPerMeterX(round(dpi / 0.0254))
    probe.setDotsPerMeterY(round(dpi / 0.0254))
    return probe, QRectF(0, 0, paint.width(), paint.height())


@pytest.mark.slow
def test_the_compact_sheet_keeps_to_two_pages_with_no_system_fonts(locale: Path, tmp_path: Path) -> None:
    """The condensed face comes from SerumDesk's own fonts, not the machine's."""
    out = tmp_path / "compact.pdf"
    script = textwrap.dedent(f"""
        import datetime as dt, sys
        from pathlib import Path
        sys.path.insert(0, {str(REPO)!r})
        from PySide6.QtGui import QFontDatabase
        from serumdesk import i18n
        from serumdesk.domain.clinic.details import make_details
        from serumdesk.domain.clinic.handout import ClinicSheet, make_handout
        from serumdesk.ui.sheet.pdf import ensure_gui_app, write_sheet_pdf
        from tests.ui.sheet_helpers import HUMAN_DERIVED, rec_for
        app = ensure_gui_app()
        print("system families:", QFontDatabase.families())
        today = dt.date(2026, 12, 7)
        details = make_details("Clínica Sol", "Calle Mayor 1", "+34 600 000 000", "", None)
        clinic = ClinicSheet(details, make_handout("Ana K.", "Dra. Lee", "", today, today=today))
        with i18n.override("es", Path({str(locale)!r})):
            rec = rec_for("heavy")
            compared = list(HUMAN_DERIVED)
            pages = write_sheet_pdf(rec, compared, Path({str(out)!r}), clinic=clinic, paper="letter")
        print("pages:", pages)
    """)
    result = run_without_system_fonts(script, tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "DejaVu" not in result.stdout.split("pages:")[0], result.stdout  # no font of the machine's
    assert "pages: 2" in result.stdout
    assert len(pdf_pages_text(out)) == 2
    assert any("DejaVuSansCondensed" in font for font in pdf_fonts(out))


def pdf_fonts(path: Path) -> set[str]:
    fonts: set[str] = set()
    for page in PdfReader(path).pages:
        resources: Any = page["/Resources"].get_object()
        fonts |= {str(ref.get_object()["/BaseFont"]) for ref in resources["/Font"].get_object().values()}
    return fonts
