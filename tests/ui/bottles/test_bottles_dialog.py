"""Your bottles: patch test and opening dates per serum, kept with the profile."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Overrides, ProductOverride
from serumdesk.domain.bottles import Bottle
from serumdesk.domain.choices import PatchResult
from serumdesk.domain.strict.numbers import EARLIEST_DAY
from serumdesk.ui.bottles.bottles_dialog import BottlesDialog
from tests.ui.wizard_helpers import catalog_products, open_window

TODAY = dt.date(2026, 11, 25)
TNS = "skinmedica-tns-advanced-plus"


def _dialog(qtbot: QtBot, bottles: tuple[Bottle, ...] = ()) -> BottlesDialog:
    from serumdesk.domain.advice.cost import estimate_cost
    from serumdesk.storage.data_files import load_catalog
    from serumdesk.storage.paths import bundled_catalog_path

    by_id = load_catalog(bundled_catalog_path()).by_id()
    dialog = BottlesDialog(
        bottles,
        [(pid, p.title) for pid, p in by_id.items()],
        lambda pid: estimate_cost(by_id[pid]) if pid in by_id else None,
        TODAY,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_new_bottle_is_patch_tested_then_opened(qtbot: QtBot, artifacts_dir: Path) -> None:
    dialog = _dialog(qtbot)
    assert dialog.empty.isVisible()
    dialog.choice.setCurrentIndex(dialog.choice.findData(TNS))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    [box] = dialog.boxes
    assert dialog.choice.findData(TNS) == -1  # one bottle per serum
    assert "Patch test it before the first full-face use" in box.notes.text()

    box.patched.setChecked(True)
    box.patch_date.setDate(QDate(2026, 11, 24))
    # guide.txt: leave the patch on for 48–72 hours.
    assert "Look at the patch test on 26 November 2026 or 27 November 2026" in box.notes.text()

    box.result.setCurrentIndex(box.result.findData(PatchResult.NO_REACTION.value))
    box.opened.setChecked(True)
    box.opened_date.setDate(QDate(2026, 11, 25))
    box.months.setValue(6)
    notes = box.notes.text()
    assert "No reaction in the patch test" in notes
    assert "Use by 25 May 2027 (6 months after opening)." in notes
    # The catalog's TNS figures: 28.4 ml at 0.34 ml twice a day lasts 28.4 / (0.68 * 30.44)
    # months, about 42 days: empty around 6 January 2027.
    tns = catalog_products()[TNS]
    per_day = tns["dose_ml"]["value"] * tns["applications_per_day"]["value"]
    days = round(tns["price"]["size_ml"]["value"] / per_day)
    empty = TODAY + dt.timedelta(days=days)
    assert f"runs out around {empty.day} January 2027" in notes
    qtbot.wait(10)  # let the layout place the new row before the picture
    assert box.isVisible()
    dialog.grab().save(str(artifacts_dir / "bottles.png"))

    assert dialog.bottles() == (
        Bottle(
            TNS,
            opened=TODAY,
            months_after_opening=6,
            patch_started=dt.date(2026, 11, 24),
            patch_result=PatchResult.NO_REACTION,
        ),
    )


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (QDate(2027, 1, 1), TODAY),  # a date still to come cannot have happened yet
        (QDate(1800, 1, 1), EARLIEST_DAY),  # nor one before the number model's first day
    ],
)
def test_dates_out_of_range_cannot_be_chosen(qtbot: QtBot, typed: QDate, kept: dt.date) -> None:
    dialog = _dialog(qtbot, (Bottle(TNS),))
    box = dialog.boxes[0]
    box.opened.setChecked(True)
    box.opened_date.setDate(typed)
    assert box.bottle().opened == kept


def test_removing_a_bottle_offers_its_serum_again(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, (Bottle(TNS, opened=TODAY),))
    assert dialog.choice.findData(TNS) == -1
    remove = next(b for b in dialog.boxes[0].findChildren(type(dialog.add_button)) if b.text() == "Remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert dialog.bottles() == ()
    assert dialog.choice.findData(TNS) >= 0


def test_ok_keeps_the_bottles_and_marks_the_answers_edited(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.edit_bottles()
    dialog = window.bottles_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.add_bottle(TNS).opened.setChecked(True)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.state.changed):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    [bottle] = window.state.bottles
    assert bottle.product_id == TNS and bottle.opened == dt.date.today()


def test_cancel_keeps_what_was_there(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    window.state.replace(bottles=(Bottle(TNS),))
    window.edit_bottles()
    dialog = window.bottles_dialog
    assert dialog is not None
    dialog.add_bottle("bioeffect-egf-serum")
    dialog.reject()
    assert window.state.bottles == (Bottle(TNS),)


def test_without_a_catalog_kept_bottles_still_show(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "catalog.json"
    broken.write_text("{not json", encoding="utf-8")
    window = open_window(qtbot, catalog=broken)
    window.state.replace(bottles=(Bottle(TNS, opened=dt.date(2026, 11, 1)),))
    window.edit_bottles()
    dialog = window.bottles_dialog
    assert dialog is not None
    assert [box.title() for box in dialog.boxes] == [TNS]  # by id: no catalog to name it
    assert not dialog.add_button.isEnabled()
    dialog.accept()
    assert window.state.bottles == (Bottle(TNS, opened=dt.date(2026, 11, 1)),)


def test_figures_that_last_for_centuries_open_the_dialog(qtbot: QtBot) -> None:
    """Issue #13, case 10: 1000 ml at 0.001 ml 0.1× a day (inside the spin boxes' limits),
    opened 2026-01-01: Your bottles crashed with OverflowError and never opened."""
    window = open_window(qtbot)
    window.state.replace(
        overrides=Overrides({TNS: ProductOverride(size_ml=1000, dose_ml=0.001, applications_per_day=0.1)}),
        bottles=(Bottle(TNS, opened=dt.date(2026, 1, 1)),),
    )
    window.edit_bottles()
    dialog = window.bottles_dialog
    assert dialog is not None and dialog.isVisible()
    assert "it would last more than 100 years" in dialog.boxes[0].notes.text()
    dialog.reject()
