"""Clinic ▸ Clinic prices…: every catalog product by name, with the clinic's price, size and
date to type in; import and export as a spreadsheet (CSV), and back to the catalog's prices.

The table is read with the same rules and words as a CSV price sheet
(domain/clinic/price_sheet.py); saving keeps a price list laid over the catalog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from serumdesk.domain.advice.wording import money
from serumdesk.domain.catalog.price_list import PriceList, price_list_bytes
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.clinic.price_sheet import (
    MAX_PRICE_SHEET_BYTES,
    PriceSheetError,
    SheetPrice,
    price_list_from_sheet,
    price_sheet_csv,
    read_price_sheet,
    read_price_table,
)
from serumdesk.domain.figures import figure
from serumdesk.i18n import N_, _, ngettext
from serumdesk.storage.atomic import SaveError, atomic_write_bytes
from serumdesk.storage.files import ReadError, read_regular_file
from serumdesk.storage.user_catalog import UserCatalogError, UserCatalogStore
from serumdesk.ui.widgets.plain_dialogs import confirm, inform, warn
from serumdesk.ui.widgets.style import em, plain_label

CSV_FILTER = N_("Price sheet (*.csv);;All files (*)")
COLUMNS = (N_("Product"), N_("Catalog price"), N_("Clinic price (USD)"), N_("Size (ml)"), N_("Price date"))
PRICE, SIZE, DATE = 2, 3, 4
"""The editable columns."""


def _figure(value: float | None) -> str:
    """A price or size as the app's language writes it (read back by amounts.parse_decimal,
    which takes either decimal mark)."""
    return "" if value is None else figure(round(value, 2))


class ClinicPricesDialog(QDialog):
    """The clinic's prices as an editable table; Save keeps them."""

    prices_saved = Signal()
    """The price list was kept or removed: the catalog is read again."""

    def __init__(
        self,
        store: UserCatalogStore,
        products: Sequence[Product],
        current: PriceList | None,
        list_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Clinic prices"))
        self.store = store
        self.products = list(products)
        self.list_name = list_name
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                _(
                    "Prices for “{list_name}”, in US dollars. Leave a clinic price empty to use "
                    "the catalog's. Dates are the day the price was set (year-month-day); empty "
                    "means today. Cards and sheets say “Clinic price”."
                ).format(list_name=list_name)
            )
        )
        table = self.table = QTableWidget(len(self.products), len(COLUMNS))
        table.setHorizontalHeaderLabels([_(column) for column in COLUMNS])
        table.setAccessibleName(_("Clinic prices"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, p in enumerate(self.products):
            name = QTableWidgetItem(f"{p.brand} — {p.name}")
            catalog = QTableWidgetItem(f"{money(p.price.usd)} · {figure(p.price.size_ml.value)} ml")
            for item in (name, catalog):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, name)
            table.setItem(row, 1, catalog)
            for column in (PRICE, SIZE, DATE):
                table.setItem(row, column, QTableWidgetItem(""))
        layout.addWidget(table, 1)
        self.fill(current)
        tools = QHBoxLayout()
        self.import_button = QPushButton(_("&Import CSV…"))
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(_("&Export CSV…"))
        self.export_button.clicked.connect(self.choose_export)
        self.reset_button = QPushButton(_("&Reset to catalog prices"))
        self.reset_button.clicked.connect(self.reset)
        for button in (self.import_button, self.export_button, self.reset_button):
            tools.addWidget(button)
        tools.addStretch(1)
        layout.addLayout(tools)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(52 * em(self), 30 * em(self))
        if store.read_only:
            for button in (
                self.import_button,
                self.reset_button,
                buttons.button(QDialogButtonBox.StandardButton.Save),
            ):
                button.setEnabled(False)

    # -- the table ------------------------------------------------------------------------------
    def fill(self, prices: PriceList | None) -> None:
        listed = {entry.id: entry for entry in prices.prices} if prices else {}
        for row, p in enumerate(self.products):
            entry = listed.get(p.id)
            seen = (entry.seen or (prices.date if prices else None)) if entry else None
            self.set_row(
                row,
                _figure(entry.usd) if entry else "",
                _figure(entry.size_ml) if entry else "",
                seen.isoformat() if seen else "",
            )

    def fill_sheet(self, prices: Sequence[SheetPrice]) -> None:
        by_id = {price.product.id: price for price in prices}
        for row, p in enumerate(self.products):
            price = by_id.get(p.id)
            self.set_row(
                row,
                _figure(price.usd) if price else "",
                _figure(price.size_ml) if price else "",
                price.seen.isoformat() if price and price.seen else "",
            )

    def set_row(self, row: int, price: str, size: str, date: str) -> None:
        for column, text in ((PRICE, price), (SIZE, size), (DATE, date)):
            item = self.table.item(row, column)
            assert item is not None
            item.setText(text)

    def typed(self) -> list[tuple[Product, str, str, str]]:
        rows = []
        for row, p in enumerate(self.products):
            texts = []
            for column in (PRICE, SIZE, DATE):
                item = self.table.item(row, column)
                texts.append(item.text() if item else "")
            rows.append((p, texts[0], texts[1], texts[2]))
        return rows

    def price_list(self) -> PriceList | None:
        """The prices as typed (None when none is); PriceSheetError names each bad one."""
        prices = read_price_table(self.typed())
        return price_list_from_sheet(prices, self.list_name, dt.date.today()) if prices else None

    # -- the buttons ------------------------------------------------------------------------------
    def save(self) -> None:
        try:
            prices = self.price_list()
        except PriceSheetError as exc:
            warn(self, _("Prices not saved"), str(exc))
            return
        try:
            if prices is None:
                self.store.remove_price_list()
            else:
                self.store.keep_price_list(price_list_bytes(prices), replace_existing=True)
        except UserCatalogError as exc:
            warn(self, _("Prices not saved"), str(exc))
            return
        self.prices_saved.emit()
        self.accept()

    def reset(self) -> None:
        if confirm(
            self,
            _("Back to the catalog's prices?"),
            _("Empty every clinic price? Nothing is changed until you choose Save."),
            _("Empty them"),
        ):
            self.fill(None)

    def choose_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a price sheet"), str(Path.home()), _(CSV_FILTER)
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Fill the table from a CSV price sheet (kept on Save); a warning lists bad rows."""
        try:
            raw = read_regular_file(path, MAX_PRICE_SHEET_BYTES)
            prices = read_price_sheet(raw, path, self.products)
        except ReadError as exc:
            warn(
                self,
                _("Price sheet not read"),
                _("Could not read {path}: {reason}.").format(path=path, reason=exc.reason),
            )
            return False
        except PriceSheetError as exc:
            warn(self, _("Price sheet not read"), _("{exc}\nThe table is unchanged.").format(exc=exc))
            return False
        self.fill_sheet(prices)
        inform(
            self,
            _("Price sheet read"),
            ngettext(
                "{count} clinic price read from {path}. Check it, then choose Save.",
                "{count} clinic prices read from {path}. Check them, then choose Save.",
                len(prices),
            ).format(count=len(prices), path=path),
        )
        return True

    def choose_export(self) -> None:
        suggested = str(Path.home() / "clinic-prices.csv")
        name, _filter = QFileDialog.getSaveFileName(self, _("Export a price sheet"), suggested, _(CSV_FILTER))
        if name:  # the file dialog asked before choosing an existing file
            self.export_file(Path(name), replace=True)

    def export_file(self, path: Path, *, replace: bool) -> bool:
        """Write the table's prices as a price sheet to fill in with a spreadsheet."""
        try:
            current = self.price_list()
        except PriceSheetError as exc:
            warn(self, _("Price sheet not written"), str(exc))
            return False
        try:
            atomic_write_bytes(path, price_sheet_csv(self.products, current), replace=replace, private=True)
        except SaveError as exc:
            warn(self, _("Price sheet not written"), str(exc))
            return False
        return True
