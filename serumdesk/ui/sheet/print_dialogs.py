"""Print preview and PDF export of the comparison sheet, as the results page offers them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.advice.recommendation import Recommendation
from serumdesk.i18n import _
from serumdesk.storage.atomic import DestinationExists, SaveError
from serumdesk.ui.sheet.language import Remake, recommendation_in, sheet_languages
from serumdesk.ui.sheet.pdf import default_paper, write_sheet_pdf
from serumdesk.ui.widgets.plain_dialogs import confirm, message_box, warn

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from serumdesk.domain.clinic.details import ClinicDetails, LogoKind
    from serumdesk.domain.clinic.handout import ClinicSheet

ClinicSource = Callable[[], "tuple[ClinicDetails | None, tuple[bytes, LogoKind] | None]"]
"""The clinic's kept details and logo, read when a sheet is made (ui/clinic/actions.py)."""
ClinicParts = tuple["ClinicSheet | None", "tuple[bytes, LogoKind] | None"]


def ask_clinic_parts(parent: QWidget, clinic: ClinicSource | None) -> ClinicParts | None:
    """With a clinic's details: what staff type for this sheet (None when they cancel).
    Without: the personal sheet, nothing asked."""
    details, logo = clinic() if clinic is not None else (None, None)
    if details is None:
        return None, None
    import datetime as dt

    from serumdesk.domain.clinic.handout import ClinicSheet
    from serumdesk.ui.clinic.handout_dialog import HandoutDialog

    dialog = HandoutDialog(details.name, dt.date.today(), parent)
    accepted = dialog.exec() == HandoutDialog.DialogCode.Accepted
    handout = dialog.result_handout
    dialog.deleteLater()
    if not accepted or handout is None:
        return None
    return ClinicSheet(details, handout), logo


def _has_medical_details(rec: Recommendation) -> bool:
    return rec.answers.has_medical_caution or bool(rec.answers.allergens)


def print_with_preview(
    parent: QWidget,
    rec: Recommendation,
    compare_ids: Sequence[str],
    *,
    clinic: ClinicSource | None = None,
    remake: Remake | None = None,
) -> None:
    """The print preview, fitted to the screen; its Print… button opens the print dialog.
    With a clinic's details, what to print for the patient is asked first."""
    from serumdesk.domain.advice.compare import CompareError
    from serumdesk.ui.sheet.preview_dialog import SheetPreviewDialog

    try:
        compared = select_compared(rec, compare_ids)
    except CompareError as exc:
        warn(parent, _("Cannot print"), str(exc))
        return
    parts = ask_clinic_parts(parent, clinic)
    if parts is None:
        return
    dialog = SheetPreviewDialog(rec, compared, _has_medical_details(rec), parent, parts=parts, remake=remake)
    dialog.exec()
    dialog.deleteLater()


def language_filters() -> dict[str, str]:
    """The save dialog's file types, one per language the sheet can be written in (the app's
    first): choosing one there chooses the sheet's language, with no extra question."""
    from serumdesk.i18n import current_language

    languages = sorted(sheet_languages(), key=lambda pair: pair[0] != current_language())
    # TRANSLATORS: a file type in the save dialog; {language} is a language's own name.
    return {_("PDF sheet in {language} (*.pdf)").format(language=name): code for code, name in languages}


def export_pdf_with_dialog(
    parent: QWidget,
    rec: Recommendation,
    compare_ids: Sequence[str],
    *,
    clinic: ClinicSource | None = None,
    remake: Remake | None = None,
) -> None:
    """Ask for a .pdf file name and write the sheet there; failures get a clear message.

    An existing file is replaced only after a question: Qt's file dialog asks for the name
    it was given, and SerumDesk asks itself when it added ".pdf" to that name.
    """
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from serumdesk.domain.advice.compare import CompareError

    include_medical = True
    if _has_medical_details(rec):
        box = message_box(
            parent,
            QMessageBox.Icon.Question,
            _("Export PDF"),
            _("Include your medical details (pregnancy, conditions, allergies)?"),
        )
        box.setInformativeText(
            _(
                "For a copy to share, leave them out: every caution keeps a "
                "line that says to see your clinician."
            )
        )
        keep = box.addButton(_("Include them"), QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(_("Leave them out"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked not in (keep, leave):
            return
        include_medical = clicked is keep
    parts = ask_clinic_parts(parent, clinic)
    if parts is None:
        return
    suggested = str(Path.home() / "serum-comparison.pdf")
    filters = language_filters()
    name, chosen = QFileDialog.getSaveFileName(
        parent, _("Export the comparison sheet as PDF"), suggested, ";;".join(filters)
    )
    if not name:
        return
    from serumdesk.i18n import current_language, override

    code = filters.get(chosen, current_language())
    sheet_rec = recommendation_in(code, rec, remake)
    path = Path(name)
    replace = True  # the file dialog asked before choosing an existing file
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
        replace = False  # it asked about another name
    while True:
        try:
            with override(code):
                write_sheet_pdf(
                    sheet_rec,
                    compare_ids,
                    path,
                    paper=default_paper(),
                    include_medical=include_medical,
                    replace=replace,
                    clinic=parts[0],
                    logo=parts[1],
                )
        except DestinationExists:
            if not confirm(
                parent,
                _("Replace the file?"),
                _("{path} already exists. Replace it?").format(path=path),
                _("Replace"),
            ):
                return
            replace = True
            continue
        except SaveError as exc:
            warn(parent, _("PDF not saved"), str(exc))
        except CompareError as exc:
            warn(parent, _("PDF not saved"), str(exc))
        return
