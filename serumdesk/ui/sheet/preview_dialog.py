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
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.advice.compare import select_compared
from serumdesk.i18n import N_, _, current_language, ngettext, override
from serumdesk.ui.sheet.language import Remake, recommendation_in, sheet_languages
from serumdesk.ui.sheet.pages import page_layout
from serumdesk.ui.sheet.pdf import clinic_request, default_paper, paint_on_printer
from serumdesk.ui.widgets.style import SecondaryLabel, apply_tone, em, plain_label, set_tip
from serumdesk.ui.widgets.wheel_guard import wheel_only_when_focused

if TYPE_CHECKING:
    from collections.abc import Sequence

    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.domain.clinic.details import LogoKind
    from serumdesk.domain.clinic.handout import ClinicSheet
    from serumdesk.ui.sheet.pages import SheetRequest

SHARE_TIP = N_(
    "For a copy to share: leaves out pregnancy, conditions and allergies; every "
    "caution keeps a line that says to see your clinician."
)
NOTHING_TO_LEAVE_OUT = N_("Your answers name no condition or allergy, so there is nothing to leave out.")
SCREEN_SHARE = 0.9
"""The preview takes this much of the screen's free width and height."""


class SheetPreviewDialog(QDialog):
    """Preview of the comparison sheet; Print… opens the system's print dialog."""

    def __init__(
        self,
        rec: Recommendation,
        compared: Sequence[Match],
        has_medical: bool,
        parent: QWidget | None = None,
        *,
        parts: tuple[ClinicSheet | None, tuple[bytes, LogoKind] | None] = (None, None),
        remake: Remake | None = None,
    ) -> None:
        """`parts`: the clinic's sheet and logo (print_dialogs.ask_clinic_parts), or none.
        `remake` words the sheet in the language chosen here (ui/sheet/language.py)."""
        super().__init__(parent)
        self.parts = parts
        self.remake = remake
        self._worded: dict[str, Recommendation] = {}
        """The recommendation made again in each sheet language asked for, once: the preview
        paints again on every change of paper or medical details."""
        self.setWindowTitle(_("Print the comparison sheet"))
        self.rec = rec
        self.compared = compared
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageLayout(page_layout(default_paper()))
        self.printer.setDocName(_("SerumDesk comparison sheet"))
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setAccessibleName(_("Preview of the comparison sheet"))
        self.preview.paintRequested.connect(self._paint)
        self.medical = QCheckBox(_("Leave out medical details"))
        set_tip(self.medical, _(SHARE_TIP) if has_medical else _(NOTHING_TO_LEAVE_OUT))
        self.medical.setEnabled(has_medical)
        self.medical.toggled.connect(lambda _on: self.preview.updatePreview())
        self.reason = SecondaryLabel(_(NOTHING_TO_LEAVE_OUT))
        self.reason.setVisible(not has_medical)
        self.sent = plain_label(selectable=True)
        self.sent.setObjectName("printSent")
        apply_tone(self.sent, "info")
        self.sent.hide()
        self.fit_page = QPushButton(_("Whole &page"))
        self.fit_page.clicked.connect(self.preview.fitInView)
        self.fit_width = QPushButton(_("Page &width"))
        self.fit_width.clicked.connect(self.preview.fitToWidth)
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self.print_sheet())
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        self.language = wheel_only_when_focused(QComboBox(self))
        self.language.setAccessibleName(_("Language of the sheet"))
        for code, name in sheet_languages():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.currentIndexChanged.connect(lambda _index: self.preview.updatePreview())
        language_row = QHBoxLayout()
        language_row.addWidget(QLabel(_("Sheet language:"), self))
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        row = QHBoxLayout()
        options = QVBoxLayout()
        options.addLayout(language_row)
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

    def sheet_language(self) -> str:
        return str(self.language.currentData() or current_language())

    def request(self) -> SheetRequest:
        """The sheet as asked for, worded in the language chosen (call inside its override)."""
        code = self.sheet_language()
        if code not in self._worded:
            self._worded[code] = recommendation_in(code, self.rec, self.remake)
        rec = self._worded[code]
        compared = (
            self.compared if rec is self.rec else select_compared(rec, [m.product.id for m in self.compared])
        )
        return clinic_request(rec, compared, not self.medical.isChecked(), *self.parts, language=code)

    def _paint(self, printer: QPrinter) -> None:
        with override(self.sheet_language()):
            paint_on_printer(printer, self.request())

    def print_sheet(self, ask: bool = True) -> int:
        """Ask which printer (unless `ask` is False: the printer as set), print, and say so;
        returns the pages sent (0 when the person cancelled)."""
        if ask and QPrintDialog(self.printer, self).exec() != QDialog.DialogCode.Accepted:
            return 0
        with override(self.sheet_language()):
            pages = paint_on_printer(self.printer, self.request())
        where = self.printer.outputFileName() or self.printer.printerName() or _("the printer")
        if self.medical.isChecked():
            said = ngettext(
                "Sent {pages} page (medical details left out) to {where}.",
                "Sent {pages} pages (medical details left out) to {where}.",
                pages,
            )
        else:
            said = ngettext("Sent {pages} page to {where}.", "Sent {pages} pages to {where}.", pages)
        self.sent.setText(said.format(pages=pages, where=where))
        self.sent.setAccessibleName(self.sent.text())
        self.sent.show()
        return pages
