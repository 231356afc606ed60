"""The comparison sheet as a PDF or on a printer: paper size, the headless writer, painting."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.advice.recommendation import Recommendation
from serumdesk.i18n import _
from serumdesk.storage.atomic import atomic_write_bytes
from serumdesk.ui.sheet.pages import PAPER_SIZES, PagedSheet, SheetRequest, page_layout

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.clinic.details import LogoKind
    from serumdesk.domain.clinic.handout import ClinicSheet

LETTER_TERRITORIES = frozenset(
    {
        "US",
        "CA",
        "MX",
        "PH",
        "PR",
        "CL",
        "CO",
        "VE",
        "CR",
        "GT",
        "PA",
        "SV",
        "DO",
        "NI",
        "BZ",
    }
)
"""Where US Letter is the usual paper (glibc's LC_PAPER for these territories)."""
PDF_RESOLUTION = 600


def paper_for_locale(name: str) -> str:
    """ "letter" for a locale like "en_US.UTF-8" or "es-MX" in a Letter country, else "a4"."""
    base = name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    parts = base.split("_")
    territory = parts[1].upper() if len(parts) > 1 else ""
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def default_paper(environ: Mapping[str, str] | None = None) -> str:
    """The paper size the person's locale implies: LC_ALL, then LC_PAPER, then LANG; else Qt's."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return paper_for_locale(value)
    from PySide6.QtCore import QLocale

    return paper_for_locale(QLocale.system().name())


def ensure_gui_app() -> QGuiApplication:
    """The running application, or an offscreen one for headless use (no display needed)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    return QGuiApplication(["serumdesk", "-platform", "offscreen"])


def pdf_bytes(request: SheetRequest, paper: str) -> tuple[bytes, int]:
    """The sheet as PDF bytes and its page count."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(_("SerumDesk comparison sheet"))
    writer.setCreator("SerumDesk")
    paint = writer.pageLayout().paintRectPixels(PDF_RESOLUTION)
    sheet = PagedSheet.fitted(request, writer, QRectF(0, 0, paint.width(), paint.height()))
    painter = QPainter(writer)
    pages = sheet.paint_all(painter, writer.newPage)
    painter.end()
    buffer.close()
    return bytes(data.data()), pages


def clinic_request(
    rec: Recommendation,
    compared: Sequence[Match],
    include_medical: bool,
    clinic: ClinicSheet | None,
    logo: tuple[bytes, LogoKind] | None,
    language: str | None = None,
) -> SheetRequest:
    """The sheet request with the clinic's parts and its logo drawn as a picture, its dates
    written as `language` writes them (default: the language SerumDesk is shown in)."""
    from serumdesk.i18n import current_language

    image = None
    if clinic is not None and clinic.details is not None and logo is not None:
        from serumdesk.ui.sheet.clinic_logo import logo_image

        image = logo_image(*logo)
        clinic = dataclasses.replace(clinic, has_logo=image is not None)
    return SheetRequest(
        rec, compared, include_medical, clinic=clinic, logo=image, language=language or current_language()
    )


def write_sheet_pdf(
    rec: Recommendation,
    compare_ids: Sequence[str],
    path: Path,
    *,
    paper: str = "a4",
    include_medical: bool = True,
    replace: bool = False,
    clinic: ClinicSheet | None = None,
    logo: tuple[bytes, LogoKind] | None = None,
) -> int:
    """Write the sheet to `path` atomically (with `clinic`, the clinic's sheet; `logo` is
    the kept logo's bytes and kind), owner-only (0600) from the start — even a copy
    for sharing names the person's goal and budget; returns the page count.

    Needs a QGuiApplication (fonts). Raises CompareError for ids that cannot be compared and
    SaveError when it cannot be written: DestinationExists for an existing file unless
    `replace`, NotARegularFile for a folder, link, FIFO or device there.
    """
    if paper not in PAPER_SIZES:
        raise ValueError(_("paper must be one of {join}").format(join=", ".join(PAPER_SIZES)))
    if QGuiApplication.instance() is None:
        raise RuntimeError("write_sheet_pdf needs a running QGuiApplication; see ensure_gui_app()")
    compared = select_compared(rec, compare_ids)
    data, pages = pdf_bytes(clinic_request(rec, compared, include_medical, clinic, logo), paper)
    atomic_write_bytes(Path(path), data, replace=replace, private=True)
    return pages


def paint_on_printer(printer: QPrinter, request: SheetRequest) -> int:
    """Paint the sheet on a printer (or a preview's printer) with its current page layout."""
    paint = printer.pageLayout().paintRectPixels(printer.resolution())
    sheet = PagedSheet.fitted(request, printer, QRectF(0, 0, paint.width(), paint.height()))
    painter = QPainter(printer)
    pages = sheet.paint_all(painter, printer.newPage)
    painter.end()
    return pages
