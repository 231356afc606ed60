"""The Clinic menu's dialogs, and cards that say "Clinic price" in their cost line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.domain.clinic.details import ClinicSettings, make_details
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.clinic import ClinicStore
from serumdesk.storage.paths import UserPaths, bundled_catalog_path
from serumdesk.storage.user_catalog import UserCatalogStore
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.clinic import details_dialog, prices_dialog
from serumdesk.ui.clinic.actions import install_clinic_actions
from serumdesk.ui.clinic.details_dialog import ClinicDetailsDialog
from serumdesk.ui.clinic.prices_dialog import PRICE, ClinicPricesDialog
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.work_state import WorkState
from tests.hostile import mode_of
from tests.ui.wizard_helpers import VOCABULARY, drive_to_results, wait_for_start_up
from tests.unit.domain.clinic.test_logo import SVG

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the dialogs would warn about, instead of a modal box."""
    said: list[str] = []
    for module in (details_dialog, prices_dialog):
        monkeypatch.setattr(module, "warn", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(prices_dialog, "inform", lambda parent, title, text: None)
    return said


def test_details_typed_in_the_dialog_are_kept_with_their_logo(
    qtbot: QtBot, tmp_path: Path, warnings: list[str]
) -> None:
    store = ClinicStore(tmp_path / "clinic")
    dialog = ClinicDetailsDialog(store, ClinicSettings(shared_computer=True), None)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("Riverside Dermatology")
    dialog.fields["phone"].setText("call us")
    dialog.save()
    assert "is not a phone number" in warnings[0] and dialog.result() == 0
    dialog.fields["phone"].setText("+1 555 0100")
    logo = tmp_path / "logo.svg"
    logo.write_bytes(SVG)
    assert dialog.use_logo_file(logo)
    assert dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull()
    bad = tmp_path / "bad.svg"
    bad.write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x.example/a.png"/></svg>')
    assert not dialog.use_logo_file(bad) and "outside itself" in warnings[-1]
    dialog.save()
    kept = store.settings()
    assert kept == ClinicSettings(
        make_details("Riverside Dermatology", phone="+1 555 0100", logo="svg"), shared_computer=True
    )
    assert store.logo(kept) == (SVG, "svg")


def test_clinic_prices_typed_in_the_table_reach_the_cards(
    qtbot: QtBot, tmp_path: Path, warnings: list[str]
) -> None:
    paths = UserPaths.default()
    ClinicStore(paths.clinic_dir).save(ClinicSettings(make_details("Riverside Dermatology")))
    serums = UserCatalogStore(paths.catalog_dir)
    window = MainWindow(
        WorkState(), CatalogModel(CatalogLoader(bundled_catalog_path(), VOCABULARY, serums.extras)), paths
    )
    qtbot.addWidget(window)
    window.show()
    wait_for_start_up(qtbot, window)
    actions = install_clinic_actions(
        window, window.catalog, ClinicStore(paths.clinic_dir), serums, bundled_catalog_path()
    )
    assert [a.text() for a in window.clinic_menu.actions()] == [
        "Clinic &details…",
        "Clinic &prices…",
        "&Shared computer",
    ]
    actions.edit_prices()
    dialog = actions.prices_dialog
    assert isinstance(dialog, ClinicPricesDialog)
    row = next(i for i, p in enumerate(dialog.products) if p.id == "kate-somerville-supercell")
    item = dialog.table.item(row, PRICE)
    assert item is not None
    item.setText("$1.234,5x")
    dialog.save()
    assert "Kate Somerville" in warnings[0] and "is not" in warnings[0]
    assert serums.price_list() is None
    item.setText("99,50")
    dialog.save()
    assert mode_of(serums.price_list_path) == 0o600
    page = drive_to_results(qtbot, window, Answers())
    card = page.cards.get("kate-somerville-supercell")
    if card is None:  # not among the compared: compare it
        window.state.edit_compared(["kate-somerville-supercell"])
        page.refresh()
        card = page.cards["kate-somerville-supercell"]
    # The card's cost line says it (the cost section may be folded; its words are there).
    assert card.cost.clinic_price.text().startswith("Clinic price (Riverside Dermatology, ")
    assert card.cost.spins["price_usd"].value() == 99.5


def test_the_prices_table_exports_and_imports_a_spreadsheet(
    qtbot: QtBot, tmp_path: Path, warnings: list[str]
) -> None:
    serums = UserCatalogStore(tmp_path / "catalog")
    products = serums.base_catalog(bundled_catalog_path()).products
    dialog = ClinicPricesDialog(serums, products, None, "Riverside")
    qtbot.addWidget(dialog)
    first = dialog.table.item(0, PRICE)
    assert first is not None
    first.setText("250")
    out = tmp_path / "prices.csv"
    assert dialog.export_file(out, replace=False) and mode_of(out) == 0o600
    assert not dialog.export_file(out, replace=False) and "already exists" in warnings[-1]
    first.setText("")
    assert dialog.import_file(out)
    assert first.text() == "250"
    out.write_text("id,price\nno-such,10\n", encoding="utf-8")
    assert not dialog.import_file(out) and "row 2, column 'id'" in warnings[-1]
    assert first.text() == "250"  # a bad file changes nothing


def test_what_staff_type_at_print_time_is_checked(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from PySide6.QtCore import QDate

    from serumdesk.ui.clinic import handout_dialog
    from serumdesk.ui.clinic.handout_dialog import HandoutDialog

    said: list[str] = []
    monkeypatch.setattr(handout_dialog, "warn", lambda parent, title, text: said.append(text))
    today = dt.date(2026, 12, 7)
    dialog = HandoutDialog("Riverside Dermatology", today)
    qtbot.addWidget(dialog)
    dialog.finish()  # nothing typed: fine, all blank
    assert dialog.result_handout is not None and dialog.result_handout.is_empty
    dialog.prepared_for.setText("Anna K.")
    dialog.notes.setPlainText("\n".join(["Once a day."] * 7))
    dialog.result_handout = None
    dialog.finish()
    assert dialog.result_handout is None and "lines" in said[-1]
    dialog.notes.setPlainText("Once a day.")
    dialog.has_follow_up.setChecked(True)
    dialog.follow_up.setDate(QDate(2026, 1, 1))  # before today: the editor keeps it in range
    assert dialog.follow_up.date() == QDate(2026, 12, 7)
    dialog.follow_up.setDate(QDate(2027, 1, 15))
    dialog.finish()
    handout = dialog.result_handout
    assert handout is not None
    assert (handout.prepared_for, handout.notes, handout.follow_up) == (
        "Anna K.",
        "Once a day.",
        dt.date(2027, 1, 15),
    )
