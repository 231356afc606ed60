"""Lays the comparison sheet out on pages and paints them, with a numbered footer, on any device.

The same painting code draws on a QPdfWriter, a QPrinter (print and preview) and a QImage
(the tests' page pictures), so what a test looks at is what gets printed.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)

from serumdesk.domain.advice.ranking import Match
from serumdesk.domain.advice.recommendation import Recommendation
from serumdesk.domain.clinic.handout import ClinicSheet
from serumdesk.domain.dates import long_date
from serumdesk.i18n import _
from serumdesk.storage.paths import resources_dir
from serumdesk.ui.sheet.clinic_parts import LOGO_RESOURCE
from serumdesk.ui.sheet.content import COMPACT_HEADING_PT, GRID_PADDING, sheet_html

FONT_FILES = (
    "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold.ttf",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
)
"""The sheet's face, and its condensed width (some 10% narrower) that a compact sheet uses."""
FALLBACK_FAMILY = "DejaVu Sans"
MARGIN_MM = 8.0
FOOTER_PT = 12.0
"""Height reserved at the foot of each page for the footer line."""
TABLE_POINT_SIZES = (8.0, 7.5, 7.0, 6.5)
"""Type sizes tried for the comparison table, largest first, until the sheet fits."""
MAX_PAGES = 2
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}


@functools.cache
def _register_fonts(folder: Path) -> str:
    # Qt's font database is process-wide; adding the same file twice would add it twice,
    # so the registration is remembered per folder.
    family = FALLBACK_FAMILY
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(folder / name))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = families[0]
    return family


def sheet_font_family(folder: Path | None = None) -> str:
    """Registers the bundled font (text shows even with no system fonts); returns its family."""
    return _register_fonts(folder or resources_dir() / "fonts")


def page_layout(paper: str) -> QPageLayout:
    """Portrait page of `paper` ("a4" or "letter") with the sheet's margins."""
    size = QPageSize(PAPER_SIZES[paper])
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter)


@dataclass(frozen=True, slots=True)
class SheetContent:
    """What goes on the sheet, independent of paper and device."""

    html: str
    footer_left: str
    family: str
    logo: QImage | None = None
    page_number: str = "{number} / {total}"
    compact: bool = False
    """Tighter spacing and headings (content.COMPACT_STYLE), for a sheet that needs them."""
    """The footer's page number with {number} and {total}, in the sheet's language (made with
    the rest of its text: a page may be painted outside the sheet's language)."""
    """The clinic's logo, drawn where the HTML names clinic_parts.LOGO_RESOURCE."""


@dataclass(frozen=True, slots=True)
class SheetRequest:
    """The sheet a person asked for: the recommendation, the products compared, the options."""

    rec: Recommendation
    compared: Sequence[Match]
    include_medical: bool = True
    today: dt.date | None = None
    clinic: ClinicSheet | None = None
    """The clinic's header and what staff typed (clinic_parts.py); None: the personal sheet."""
    logo: QImage | None = None
    language: str = "en"
    """How the sheet writes its dates (domain/dates.py); figures stay US dollars."""

    def content(self, table_pt: float, split_at: int | None = None, compact: bool = False) -> SheetContent:
        family = sheet_font_family()
        day = self.today or dt.date.today()
        html = sheet_html(
            self.rec,
            self.compared,
            today=day,
            include_medical=self.include_medical,
            font_family=family,
            table_pt=table_pt,
            split_at=split_at,
            clinic=self.clinic,
            language=self.language,
            compact=compact,
        )
        footer = _("SerumDesk comparison sheet · {date}").format(date=long_date(day, self.language))
        return SheetContent(html, footer, family, self.logo, _("Page {number} of {total}"), compact)


def _size_headings(doc: QTextDocument) -> None:
    """Each heading at its COMPACT_HEADING_PT size, unscaled by its level."""
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in COMPACT_HEADING_PT:
            sized = QTextCharFormat()
            sized.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
            sized.setFontPointSize(COMPACT_HEADING_PT[level])
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(sized)
        block = block.next()


class PagedSheet:
    """The sheet laid out for one device and paint rectangle (device pixels)."""

    def __init__(self, content: SheetContent, device: QPaintDevice, paint_rect: QRectF) -> None:
        self.content = content
        self.dpi = device.logicalDpiY()
        self.footer_height = FOOTER_PT * self.dpi / 72.0
        self.width = paint_rect.width()
        self.body_height = paint_rect.height() - self.footer_height
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        doc.setDocumentMargin(0)
        doc.setIndentWidth(16)  # logical (96 dpi) pixels: the layout scales it to the device
        font = QFont(content.family, 9)
        # No "fi"/"fl" ligatures: text copied or searched in the PDF stays plain letters.
        font.setFeature(QFont.Tag("liga"), 0)
        if content.compact:  # the condensed face of the family (COMPACT_FONT_FILES)
            font.setStretch(QFont.Stretch.SemiCondensed)
        doc.setDefaultFont(font)
        option = QTextOption()
        # Long unbroken strings (web addresses) wrap instead of running out of their column.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        if content.logo is not None:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO_RESOURCE), content.logo)
        doc.setHtml(content.html)
        if content.compact:
            _size_headings(doc)
        doc.setPageSize(QSizeF(self.width, self.body_height))
        self.document = doc
        self._keep_headings_with_next()

    # -- clean page breaks -------------------------------------------------------------------
    def _page_of(self, y: float) -> int:
        """The page (0-based) at `y`; the layout places a page's first line a hair above its
        start (it counts in 1/64 px), so that much is allowed for."""
        return int((y + 1 / 32) // self.body_height)

    def _keep_headings_with_next(self) -> None:
        """A heading at the foot of a page, its text on the next, moves to that page."""
        layout = self.document.documentLayout()
        for _pass in range(MAX_PAGES * 8):  # each pass moves one heading; a bound, not a loop
            layout.documentSize()  # lays the whole text out: positions are read below
            block = self.document.begin()
            moved = False
            while block.isValid():
                following = block.next()
                policy = block.blockFormat().pageBreakPolicy()
                if (
                    block.blockFormat().headingLevel()
                    and following.isValid()
                    and not policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
                ):
                    here = self._page_of(layout.blockBoundingRect(block).top())
                    if self._first_line_page(following) > here:
                        fmt = QTextBlockFormat()
                        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        QTextCursor(block).mergeBlockFormat(fmt)
                        # Qt's incremental relayout after a format change stacks the later
                        # blocks on one another (seen with Qt 6.11): lay the whole text out again.
                        self.document.markContentsDirty(0, self.document.characterCount())
                        moved = True
                        break
                block = following
            if not moved:
                return

    def _first_line_page(self, block: QTextBlock) -> int:
        """The page a block's first line is on (a line that did not fit starts the next)."""
        top = self.document.documentLayout().blockBoundingRect(block).top()
        lines = block.layout()
        if lines is not None and lines.lineCount():
            top += lines.lineAt(0).position().y()
        return self._page_of(top)

    def comparison_table(self) -> QTextTable | None:
        """The comparison table (the sheet's first with its cell padding), if any."""
        for frame in self.document.rootFrame().childFrames():
            if isinstance(frame, QTextTable) and frame.format().cellPadding() == GRID_PADDING:
                return frame
        return None

    def split_row(self) -> int | None:
        """The body row (0-based) of the comparison table to start a new page at, so that no
        row is split across two pages and at least two rows go over together; None when
        every row is whole on its page."""
        table = self.comparison_table()
        if table is None:
            return None
        layout = self.document.documentLayout()
        body_rows = table.rows() - 1  # row 0 is the header
        for row in range(1, table.rows()):
            cells = [table.cellAt(row, column) for column in range(table.columns())]
            top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
            bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)
            if self._page_of(bottom - 1) > self._page_of(top):
                split = row - 1
                if body_rows >= 3:
                    split = min(split, body_rows - 2)  # never one row alone under the header
                return split or None
        return None

    @classmethod
    def fitted(cls, request: SheetRequest, device: QPaintDevice, paint_rect: QRectF) -> PagedSheet:
        """The largest table type that keeps the sheet within MAX_PAGES (if any does); when none
        does, the same again with the sheet's compact spacing."""
        sheet = None
        for compact in (False, True):
            for table_pt in TABLE_POINT_SIZES:
                sheet = cls(request.content(table_pt, compact=compact), device, paint_rect)
                split = sheet.split_row()
                if split is not None:
                    sheet = cls(request.content(table_pt, split, compact), device, paint_rect)
                if sheet.page_count <= MAX_PAGES:
                    return sheet
        assert sheet is not None
        return sheet

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def paint_page(self, painter: QPainter, index: int) -> None:
        """Page `index` (0-based) with the painter's origin at the paint rectangle's corner."""
        top = index * self.body_height
        painter.save()
        painter.translate(0, -top)
        clip = QRectF(0, top, self.width, self.body_height)
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        ctx.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
        self.document.documentLayout().draw(painter, ctx)
        painter.restore()
        self._paint_footer(painter, index)

    def _paint_footer(self, painter: QPainter, index: int) -> None:
        painter.save()
        font = QFont(self.content.family)
        font.setPointSizeF(7.5)
        painter.setFont(font)
        painter.setPen(QPen(QColor(Qt.GlobalColor.black), self.dpi / 144.0))
        line_y = self.body_height + self.footer_height * 0.35
        painter.drawLine(0, round(line_y), round(self.width), round(line_y))
        box = QRectF(0, line_y, self.width, self.footer_height * 0.65)
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(box, align | Qt.AlignmentFlag.AlignLeft, self.content.footer_left)
        painter.drawText(
            box,
            align | Qt.AlignmentFlag.AlignRight,
            self.content.page_number.format(number=index + 1, total=self.page_count),
        )
        painter.restore()

    def paint_all(self, painter: QPainter, new_page: Callable[[], bool]) -> int:
        """Every page, calling `new_page` between them; returns the page count."""
        count = self.page_count
        for index in range(count):
            if index:
                new_page()
            self.paint_page(painter, index)
        return count
