"""The print preview: the sheet fitted to the screen, with labelled buttons and a receipt.

Qt's own preview dialog hides its printer button and any added option behind an overflow
arrow on a small screen, and says nothing once a job is sent; this one has a plain row of
labelled controls and says what was sent where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from serumdesk.ui.sheet.pages import page_layout
from serumdesk.ui.sheet.pdf import clinic_request, default_paper, paint_on_printer
from serumdesk.ui.widgets.style import SecondaryLabel, apply_tone, em, plain_label, set_tip

if TYPE_CHECKING:
    from collections.abc import Sequence

    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.domain.clinic.details import LogoKind
    from serumdesk.domain.clinic.handout import ClinicSheet
    from serumdesk.ui.sheet.pages import SheetRequest

SHARE_TIP = ("For a copy to share: leaves out pregnancy, conditions and allergies; every "
             "caution keeps a line that says to see your clinician.")
NOTHING_TO_LEAVE_OUT = "Your answers name no condition or allergy, so there is nothing to leave out."
SCREEN_SHARE = 0.9
"""The preview takes this much of the screen's free width and height."""


class SheetPreviewDialog(QDialog):
    """Preview of the comparison sheet; Print… opens the system's print dialog."""

    def __init__(self, rec: Recommendation, compared: Sequence[Match], has_medical: bool,
                 parent: QWidget | None = None, *,
                 parts: tuple[ClinicSheet | None, tuple[bytes, LogoKind] | None] = (None, None),
                 ) -> None:
        """`parts`: the clinic's sheet and logo (print_dialogs.ask_clinic_parts), or none."""
        super().__init__(parent)
        self.parts = parts
        self.setWindowTitle("Print the comparison sheet")
        self.rec = rec
        self.compared = compared
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(page_layout(default_paper()))
        self.printer.setDocName("SerumDesk comparison sheet")
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setAccessibleName("Preview of the comparison sheet")
        self.preview.paintRequested.connect(self._paint)
        self.medical = QCheckBox("Leave out medical details")
        set_tip(self.medical, SHARE_TIP if has_medical else NOTHING_TO_LEAVE_OUT)
        self.medical.setEnabled(has_medical)
        self.medical.toggled.connect(lambda _on: self.preview.updatePreview())
        self.reason = SecondaryLabel(NOTHING_TO_LEAVE_OUT)
        self.reason.setVisible(not has_medical)
        self.sent = plain_label(selectable=True)
        self.sent.setObjectName("printSent")
        apply_tone(self.sent, "info")
        self.sent.hide()
        self.fit_page = QPushButton("Whole &page")
        self.fit_page.clicked.connect(self.preview.fitInView)
        self.fit_width = QPushButton("Page &width")
        self.fit_width.clicked.connect(self.preview.fitToWidth)
        self.print_button = QPushButton("&Print…")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self.print_sheet())
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        options = QVBoxLayout()
        options.addWidget(self.medical)
        options.addWidget(self.reason)
        row.addLayout(options)
        row.addStretch(1)
        for button in (self.fit_page, self.fit_width, self.print_button, close):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.sent)
        layout.addLayout(row)
        layout.setSpacing(em(self) // 2)
        self._fit_to_screen()
        self.preview.fitInView()

    def _fit_to_screen(self) -> None:
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        if screen is None:
            return
        free = screen.availableGeometry()
        self.resize(round(free.width() * SCREEN_SHARE), round(free.height() * SCREEN_SHARE))
        self.move(free.center() - self.rect().center())

    def request(self) -> SheetRequest:
        return clinic_request(self.rec, self.compared, not self.medical.isChecked(), *self.parts)

    def _paint(self, printer: QPrinter) -> None:
        paint_on_printer(printer, self.request())

    def print_sheet(self, ask: bool = True) -> int:
        """Ask which printer (unless `ask` is False: the printer as set), print, and say so;
        returns the pages sent (0 when the person cancelled)."""
        if ask and QPrintDialog(self.printer, self).exec() != QDialog.DialogCode.Accepted:
            return 0
        pages = paint_on_printer(self.printer, self.request())
        where = self.printer.outputFileName() or self.printer.printerName() or "the printer"
        shared = " (medical details left out)" if self.medical.isChecked() else ""
        self.sent.setText(f"Sent {pages} page{'s' if pages != 1 else ''}{shared} to {where}.")
        self.sent.setAccessibleName(self.sent.text())
        self.sent.show()
        return pages
