"""The clinic's sheet printed through a real CUPS queue (CUPS-PDF), as the app's Print button
prints it: a QPrinter named for the queue, painted by paint_on_printer.

Skipped where no CUPS-PDF queue is set up. To run it:
    apt-get install -y cups cups-pdf && cupsd      # a queue named "PDF" is created
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.clinic.handout import ClinicSheet, make_handout
from serumdesk.ui.sheet.pages import page_layout
from serumdesk.ui.sheet.pdf import clinic_request, paint_on_printer
from tests.ui.sheet.test_clinic_sheet import DETAILS
from tests.ui.sheet_helpers import HUMAN_DERIVED, rec_for
from tests.unit.domain.clinic.test_logo import SVG

QUEUE = os.environ.get("SERUMDESK_TEST_CUPS_QUEUE", "PDF")
OUTPUT_FOLDERS = (Path("/var/spool/cups-pdf/ANONYMOUS"), Path.home() / "PDF", Path("/root/PDF"))
"""Where CUPS-PDF's default configuration (Out, AnonDirName) puts what it prints."""


def _queue_ready() -> bool:
    if shutil.which("lpstat") is None:
        return False
    done = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True, check=False)
    return done.returncode == 0 and "disabled" not in done.stdout


def _near(rgb: tuple[int, int, int], wanted: tuple[int, int, int]) -> bool:
    """Colour after Ghostscript and anti-aliasing: within a few steps of `wanted`."""
    return all(abs(a - b) <= 12 for a, b in zip(rgb, wanted, strict=True))


def _pdfs() -> dict[Path, float]:
    return {
        p: p.stat().st_mtime for folder in OUTPUT_FOLDERS if folder.is_dir() for p in folder.glob("*.pdf")
    }


NEEDS_QUEUE = pytest.mark.skipif(
    not _queue_ready(),
    reason=f"no CUPS queue named {QUEUE} (apt-get install cups cups-pdf, then start cupsd)",
)


@NEEDS_QUEUE
def test_the_clinic_sheet_prints_through_a_real_cups_queue(qtbot: QtBot, artifacts_dir: Path) -> None:
    _print_and_look(artifacts_dir, "cups-clinic-sheet")


@NEEDS_QUEUE
def test_the_spanish_clinic_sheet_prints_through_a_real_cups_queue(
    qtbot: QtBot, artifacts_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet in the patient's language, as the print preview prints it: made and painted
    inside i18n.override, while the app around it stays English."""
    pytest.importorskip("babel")
    from serumdesk import i18n
    from tests.spanish_catalogue import compiled_locale

    folder = compiled_locale(tmp_path)
    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    with i18n.override("es", folder):
        _print_and_look(artifacts_dir, "cups-clinic-sheet-es")
    assert i18n.current_language() == "en"


def _print_and_look(artifacts_dir: Path, name: str) -> None:
    """Print the clinic's two-page sheet to the queue; look at what CUPS-PDF wrote."""
    from PySide6.QtPrintSupport import QPrinter

    before = _pdfs()
    rec = rec_for("pregnant")
    compared = select_compared(rec, list(HUMAN_DERIVED))
    clinic = ClinicSheet(
        DETAILS,
        make_handout(
            "Anna K.",
            "Dr. Lee",
            "Once a day for two weeks.",
            dt.date.today() + dt.timedelta(days=28),
            today=dt.date.today(),
        ),
    )
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(QUEUE)
    assert printer.isValid() and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat
    printer.setPageLayout(page_layout("letter"))
    printer.setDocName("SerumDesk comparison sheet")
    pages = paint_on_printer(printer, clinic_request(rec, compared, True, clinic, (SVG, "svg")))
    assert pages == 2
    printed: list[Path] = []
    for _ in range(240):  # CUPS-PDF converts in the background: up to two minutes
        printed = [p for p, mtime in _pdfs().items() if before.get(p) != mtime]
        if printed and printed[0].stat().st_size > 0:
            time.sleep(1)  # let it finish writing
            break
        time.sleep(0.5)
    assert printed, "CUPS-PDF wrote nothing"
    shutil.copy(printed[0], artifacts_dir / f"{name}.pdf")
    reader = PdfReader(printed[0])
    assert len(reader.pages) == 2
    assert [round(float(v)) for v in reader.pages[0].mediabox.upper_right] == [612, 792]
    # CUPS-PDF re-writes the fonts through Ghostscript without their text, so the pages are
    # looked at as pictures: the logo's green sits at the top of page 1.
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is needed to look at the printed pages")
    stem = artifacts_dir / name
    subprocess.run(["pdftoppm", "-q", "-r", "60", "-png", str(printed[0]), str(stem)], check=True)
    from PySide6.QtGui import QImage

    first = QImage(str(artifacts_dir / f"{name}-1.png"))
    top = first.copy(0, 0, first.width(), first.height() // 8)
    greens = sum(
        1
        for x in range(top.width())
        for y in range(top.height())
        if _near(top.pixelColor(x, y).getRgb()[:3], (0x22, 0xAA, 0x66))
    )
    assert greens > 20
