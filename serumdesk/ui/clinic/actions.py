"""The Clinic menu: Clinic details…, Clinic prices… and the Shared computer setting.

`install_clinic_actions(window, catalog, store, serums, bundled_catalog)` is called once by
app.py after the first paint, with the stores it opened. The profile actions and the sheet
ask this object for the settings (`shared_computer()`, `sheet_source()`), never a global.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from serumdesk.domain.clinic.details import ClinicDetails, ClinicFileError, ClinicSettings, LogoKind
from serumdesk.i18n import N_, _
from serumdesk.storage.clinic import ClinicStore, ClinicStoreError
from serumdesk.storage.user_catalog import UserCatalogStore
from serumdesk.ui.widgets.plain_dialogs import warn

if TYPE_CHECKING:
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.clinic.details_dialog import ClinicDetailsDialog
    from serumdesk.ui.clinic.prices_dialog import ClinicPricesDialog
    from serumdesk.ui.main_window import MainWindow

DEFAULT_LIST_NAME = N_("Clinic")
"""Whose prices they are when no clinic's name is set."""


class ClinicActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        catalog: CatalogModel,
        store: ClinicStore,
        serums: UserCatalogStore,
        bundled_catalog: Path,
    ) -> None:
        super().__init__(window)
        self.window, self.catalog, self.store, self.serums = window, catalog, store, serums
        self.bundled_catalog = bundled_catalog
        self.details_dialog: ClinicDetailsDialog | None = None
        self.prices_dialog: ClinicPricesDialog | None = None
        self.problem: str | None = None
        self.settings = self._read()
        self.details_action = QAction(_("Clinic &details…"), window)
        self.details_action.triggered.connect(self.edit_details)
        self.prices_action = QAction(_("Clinic &prices…"), window)
        self.prices_action.triggered.connect(self.edit_prices)
        self.shared_action = QAction(_("&Shared computer"), window)
        self.shared_action.setCheckable(True)
        self.shared_action.setChecked(self.settings.shared_computer)
        self.shared_action.setToolTip(
            _(
                "Every launch starts fresh, no profile name shows "
                "before someone picks one, and quitting asks whether "
                "to clear the answers."
            )
        )
        self.shared_action.toggled.connect(self.set_shared_computer)
        window.add_clinic_menu([self.details_action, self.prices_action, self.shared_action])

    def _read(self) -> ClinicSettings:
        try:
            return self.store.settings()
        except ClinicFileError as exc:
            self.problem = _("{exc}\nSheets are printed without the clinic's details.").format(exc=exc)
            return ClinicSettings()

    # -- what other parts ask ------------------------------------------------------------------
    def shared_computer(self) -> bool:
        return self.settings.shared_computer

    def sheet_source(self) -> tuple[ClinicDetails | None, tuple[bytes, LogoKind] | None]:
        """The details and logo a sheet prints (read again: the command line may have changed
        them)."""
        self.settings = self._read()
        return self.settings.details, self.store.logo(self.settings)

    # -- the actions ----------------------------------------------------------------------------
    def edit_details(self) -> None:
        from serumdesk.ui.clinic.details_dialog import ClinicDetailsDialog

        self.settings = self._read()
        if self.problem:
            warn(self.window, _("Clinic details"), self.problem)
            self.problem = None
        dialog = self.details_dialog = ClinicDetailsDialog(
            self.store, self.settings, self.store.logo(self.settings), self.window
        )
        dialog.accepted.connect(lambda: setattr(self, "settings", dialog.settings))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def set_shared_computer(self, on: bool) -> None:
        self.settings = self._read()
        if self.settings.shared_computer == on:
            return
        new = ClinicSettings(self.settings.details, on)
        try:
            self.store.save(new)
        except ClinicStoreError as exc:
            warn(self.window, _("Setting not saved"), str(exc))
            self.shared_action.blockSignals(True)
            self.shared_action.setChecked(not on)
            self.shared_action.blockSignals(False)
            return
        self.settings = new
        self.window.show_status(
            _("Shared computer: on. Every launch starts fresh.") if on else _("Shared computer: off.")
        )

    def edit_prices(self) -> None:
        from serumdesk.domain.strict.data_files import DataFileError
        from serumdesk.ui.clinic.prices_dialog import ClinicPricesDialog

        try:
            products = self.serums.base_catalog(self.bundled_catalog).products
        except DataFileError as exc:
            warn(self.window, _("Clinic prices"), str(exc))
            return
        try:
            current = self.serums.price_list()
        except DataFileError as exc:
            warn(
                self.window,
                _("Clinic prices"),
                _("{exc}\nThe table starts empty; saving replaces that file.").format(exc=exc),
            )
            current = None
        details = self.sheet_source()[0]
        name = current.name if current else (details.name if details else _(DEFAULT_LIST_NAME))
        dialog = self.prices_dialog = ClinicPricesDialog(self.serums, products, current, name, self.window)
        dialog.prices_saved.connect(self.catalog_changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def catalog_changed(self) -> None:
        self.catalog.reload()  # the banner and the results on screen follow its signal
        self.window.show_status(_("Clinic prices saved; cards and sheets use them."))


def install_clinic_actions(
    window: MainWindow,
    catalog: CatalogModel,
    store: ClinicStore,
    serums: UserCatalogStore,
    bundled_catalog: Path,
) -> ClinicActions:
    """The Clinic menu, wired to the stores; the results page prints with the clinic's parts."""
    from serumdesk.ui.results.results_page import ResultsPage

    actions = ClinicActions(window, catalog, store, serums, bundled_catalog)
    window.wizard.built_page(ResultsPage).clinic_source = actions.sheet_source
    return actions
