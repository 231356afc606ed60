"""Print preview and Export PDF… from the app, with the dialogs driven and closed by the test."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from serumdesk.ui.sheet.pdf import write_sheet_pdf
from serumdesk.ui.sheet.preview_dialog import NOTHING_TO_LEAVE_OUT, SheetPreviewDialog
from serumdesk.ui.sheet.print_dialogs import export_pdf_with_dialog, print_with_preview
from tests.ui.sheet_helpers import pdf_text, rec_for

# The offscreen platform warns about every dialog it shows; nothing to do with the sheet.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _top_level(kind: type[QWidget]) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def _when_shown(kind: type[QWidget], handle: object, tries: int = 200) -> None:
    """Poll for a modal dialog of `kind`, then call `handle(dialog)` from inside its event loop."""

    def poll(left: int = tries) -> None:
        dialog = _top_level(kind)
        if dialog is not None:
            handle(dialog)  # type: ignore[operator]
        elif left:
            QTimer.singleShot(25, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def test_print_preview_renders_every_page(
    qtbot: QtBot, tmp_path: Path, artifacts_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")  # letter paper, as in the PDF below
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_PAPER", raising=False)
    parent = QWidget()
    qtbot.addWidget(parent)
    rec = rec_for("pregnant")
    ids = ["skinmedica-tns-advanced-plus", "symbiome-the-answer", "bioeffect-egf-serum"]
    expected = write_sheet_pdf(rec, ids, tmp_path / "same.pdf", paper="letter")
    seen: dict[str, int | bool] = {}

    def inspect(dialog: QWidget) -> None:
        assert isinstance(dialog, SheetPreviewDialog)
        preview = dialog.preview
        seen["pages"] = preview.pageCount()
        # Fitted to the screen, with every control a labelled button in view.
        free = dialog.screen().availableGeometry()
        seen["fits"] = dialog.width() <= free.width() and dialog.height() <= free.height()
        seen["labelled"] = all(b.isVisible() for b in (dialog.print_button, dialog.medical))
        dialog.grab().save(str(artifacts_dir / "print-preview.png"))
        seen["medical_enabled"] = dialog.medical.isEnabled()
        dialog.medical.setChecked(True)  # re-renders the preview as a copy for sharing
        seen["pages_shared"] = preview.pageCount()
        # Print (to a file here, not a printer) and the dialog says what was sent where.
        out = tmp_path / "printed.pdf"
        dialog.printer.setOutputFileName(str(out))
        seen["sent_pages"] = dialog.print_sheet(ask=False)
        seen["sent"] = dialog.sent.text() if dialog.sent.isVisible() else ""
        seen["printed"] = out.is_file()
        dialog.reject()

    _when_shown(SheetPreviewDialog, inspect)
    print_with_preview(parent, rec, ids)
    assert seen["pages"] == expected
    assert seen["fits"] and seen["labelled"]
    assert seen["medical_enabled"] is True
    assert 1 <= int(seen["pages_shared"]) <= 2
    assert seen["printed"]
    assert seen["sent"] == (
        f"Sent {seen['sent_pages']} pages (medical details left out) to {tmp_path / 'printed.pdf'}."
    )
    assert _top_level(SheetPreviewDialog) is None


def test_with_no_medical_details_the_option_says_why_it_is_off(qtbot: QtBot) -> None:
    from serumdesk.domain.advice.compare import select_compared

    rec = rec_for("vegan")
    dialog = SheetPreviewDialog(rec, select_compared(rec, []), False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.medical.isEnabled()
    assert dialog.reason.isVisible() and dialog.reason.text() == NOTHING_TO_LEAVE_OUT
    assert dialog.medical.accessibleDescription() == NOTHING_TO_LEAVE_OUT


def _answer_file_dialog(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    # The platform file dialog cannot be driven offscreen; stand in for the person's choice.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path) if path else "", ""))
    )


def test_export_adds_pdf_suffix_and_writes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_file_dialog(monkeypatch, tmp_path / "for-my-clinic")
    export_pdf_with_dialog(parent, rec_for("vegan"), [])  # no medical details: no question
    out = tmp_path / "for-my-clinic.pdf"
    assert pdf_text(out).startswith("Serum comparison sheet")


def test_export_cancelled_writes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_file_dialog(monkeypatch, None)
    export_pdf_with_dialog(parent, rec_for("vegan"), [])
    assert not list(tmp_path.glob("*.pdf"))


def test_export_can_leave_medical_details_out(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "shared.pdf"
    _answer_file_dialog(monkeypatch, out)

    def leave_out(box: QWidget) -> None:
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "Leave them out")
        button.click()

    _when_shown(QMessageBox, leave_out)
    export_pdf_with_dialog(parent, rec_for("pregnant"), ["skinmedica-tns-advanced-plus"])
    text = pdf_text(out)
    assert "pregnant" not in text.casefold()
    assert "Medical cautions apply — see your clinician" in text


def _read_the_message() -> list[str]:
    """The text of the next message box, once shown (it is closed after reading)."""
    shown: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    _when_shown(QMessageBox, read_and_close)
    return shown


def test_export_to_an_unwritable_folder_says_so(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_file_dialog(monkeypatch, tmp_path / "gone" / "sheet.pdf")
    shown = _read_the_message()
    export_pdf_with_dialog(parent, rec_for("vegan"), [])
    assert shown and "folder does not exist" in shown[0]
    assert str(tmp_path / "gone" / "sheet.pdf") in shown[0]


@pytest.mark.parametrize("replace", [False, True])
def test_export_asks_before_replacing_a_file_it_named_itself(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replace: bool
) -> None:
    """The file dialog asked about "mine"; SerumDesk writes "mine.pdf", so it asks itself."""
    parent = QWidget()
    qtbot.addWidget(parent)
    existing = tmp_path / "mine.pdf"
    existing.write_bytes(b"my own file")
    _answer_file_dialog(monkeypatch, tmp_path / "mine")
    asked: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        wanted = "Replace" if replace else "Cancel"
        next(b for b in box.findChildren(QPushButton) if b.text() == wanted).click()

    _when_shown(QMessageBox, answer)
    export_pdf_with_dialog(parent, rec_for("vegan"), [])
    assert asked == [f"{existing} already exists. Replace it?"]
    if replace:
        assert pdf_text(existing).startswith("Serum comparison sheet")
    else:
        assert existing.read_bytes() == b"my own file"


def test_export_onto_a_fifo_says_so_and_leaves_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.hostile import deadline, make_fifo

    parent = QWidget()
    qtbot.addWidget(parent)
    fifo = make_fifo(tmp_path / "sheet.pdf")
    _answer_file_dialog(monkeypatch, fifo)
    shown = _read_the_message()
    with deadline():
        export_pdf_with_dialog(parent, rec_for("vegan"), [])
    assert shown == [
        f"Could not save {fifo}: it is a named pipe (FIFO), and SerumDesk only "
        "replaces regular files. Nothing was written."
    ]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
