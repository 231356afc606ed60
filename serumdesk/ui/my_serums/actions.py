"""The catalog actions in the File menu: add a serum from its label, edit or remove your
serums, install a clinic's catalog or price list, and go back to the bundled one.

`install_my_serums_actions(window, state, catalog, store, bundled)` is called once by app.py,
after the first paint. Every change goes through the store (storage/user_catalog.py); then
the catalog model reads the catalog again, and what shows it follows its signal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from serumdesk.domain.advice.compare import MAX_COMPARED
from serumdesk.i18n import N_, _
from serumdesk.storage.catalog_loader import CatalogUnavailable
from serumdesk.storage.user_catalog import (
    AlreadyInstalled,
    Installed,
    UserCatalogError,
    UserCatalogStore,
)

if TYPE_CHECKING:
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.main_window import MainWindow
    from serumdesk.ui.my_serums.add_serum_dialog import AddSerumDialog
    from serumdesk.ui.my_serums.your_serums_dialog import YourSerumsDialog
    from serumdesk.ui.work_state import WorkState

CATALOG_FILTER = N_("SerumDesk catalog or price list (*.json);;All files (*)")


class CatalogPrompts(Protocol):
    """What the catalog actions ask (profiles' DialogPrompts in the app)."""

    def open_file(self, title: str, file_filter: str) -> Path | None: ...
    def confirm(self, title: str, text: str, action: str) -> bool: ...
    def inform(self, title: str, text: str) -> None: ...
    def warn(self, title: str, text: str) -> None: ...


class MySerumsActions(QObject):
    """Catalog ▸ Add a serum…, Your serums…, Use a clinic's catalog or price list…, Use the
    bundled catalog."""

    def __init__(
        self,
        window: MainWindow,
        state: WorkState,
        catalog: CatalogModel,
        store: UserCatalogStore,
        bundled_catalog: Path,
        prompts: CatalogPrompts,
    ) -> None:
        super().__init__(window)
        self.window, self.state, self.catalog, self.store = window, state, catalog, store
        self.bundled_catalog = bundled_catalog
        self.prompts = prompts
        self.add_dialog: AddSerumDialog | None = None
        self.list_dialog: YourSerumsDialog | None = None
        self.add_action = self._action(_("&Add a serum…"), self.add_serum, "Ctrl+Shift+A")
        self.list_action = self._action(_("Your se&rums…"), self.show_serums)
        self.import_action = self._action(_("Use a clinic's catalog or price &list…"), self.import_catalog)
        self.reset_action = self._action(_("Use the &bundled catalog"), self.reset_catalog)
        self.actions = [self.add_action, self.list_action, self.import_action, self.reset_action]
        if store.read_only:
            for action in (self.add_action, self.import_action, self.reset_action):
                action.setEnabled(False)
        window.add_catalog_actions(self.actions)

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # -- your serums --------------------------------------------------------------------------
    def add_serum(self) -> None:
        self._open_editor(None)

    def _open_editor(self, editing: MyProduct | None) -> None:
        from serumdesk.ui.my_serums.add_serum_dialog import AddSerumDialog

        vocabulary = self.catalog.vocabulary()
        if vocabulary is None:
            self.prompts.warn(
                _("Labels cannot be read"),
                _(
                    "SerumDesk's ingredient vocabulary could not be loaded: "
                    "{vocabulary_error}\nReinstalling SerumDesk restores it."
                ).format(vocabulary_error=self.catalog.vocabulary_error()),
            )
            return
        parent = self.list_dialog if self.list_dialog and self.list_dialog.isVisible() else None
        dialog = self.add_dialog = AddSerumDialog(
            vocabulary,
            self.state.answers,
            self._save_edit if editing else self._save_new,
            editing,
            parent or self.window,
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_new(self, mine: MyProduct) -> str | None:
        try:
            kept = self.store.add(mine)
        except UserCatalogError as exc:
            return str(exc)
        compared = self.catalog_changed(compare=kept.id)
        self.window.show_status(self._added_words(kept.id, f"{kept.brand} {kept.name}", compared))
        return None

    def _recommendation(self) -> Recommendation | None:
        """The results for the answers now, with the catalog just read (None if unreadable)."""
        from serumdesk.domain.advice.recommendation import recommend

        answers = self.state.answers
        try:
            return recommend(
                self.catalog.catalog(),
                answers,
                self.state.overrides,
                vocabulary=self.catalog.vocabulary() if answers.allergens else None,
            )
        except CatalogUnavailable:
            return None

    def _added_words(self, product_id: str, title: str, compared: bool) -> str:
        """What happened to a serum just added, as it is: ranked, compared, or left out."""
        rec = self._recommendation()
        if rec is None:
            return _("Added “{title}”.").format(title=title)
        ranked = next((m for m in rec.matches if m.product.id == product_id), None)
        if ranked is None:
            left_out = next((e for e in rec.excluded if e.product.id == product_id), None)
            why = " ".join(r.text for r in left_out.reasons) if left_out else ""
            if why:
                return _(
                    "Added “{title}”, but your answers leave it out: {why} It is listed "
                    "under “Not included, and why”."
                ).format(title=title, why=why)
            return _(
                "Added “{title}”, but your answers leave it out. It is listed under “Not included, and why”."
            ).format(title=title)
        if compared:
            return _(
                "Added “{title}”: #{rank} of your {count} matches, marked “your entry”, "
                "and compared on your results."
            ).format(title=title, rank=ranked.rank, count=len(rec.matches))
        return _(
            "Added “{title}”: #{rank} of your {count} matches, marked “your entry”. "
            "{most} products are already compared: tick it under “Choose what to "
            "compare” to see it beside them."
        ).format(title=title, rank=ranked.rank, count=len(rec.matches), most=MAX_COMPARED)

    def _save_edit(self, mine: MyProduct) -> str | None:
        try:
            self.store.update(mine)
        except UserCatalogError as exc:
            return str(exc)
        self.catalog_changed()
        self.window.show_status(_("Saved “{brand} {name}”.").format(brand=mine.brand, name=mine.name))
        return None

    def _entries(self) -> list[MyProduct] | None:
        from serumdesk.domain.strict.data_files import DataFileError

        try:
            return self.store.my_products()
        except DataFileError as exc:
            self.prompts.warn(
                _("Your serums cannot be read"),
                _("{exc}\nSerumDesk has not changed the file.").format(exc=exc),
            )
            return None

    def show_serums(self) -> None:
        from serumdesk.ui.my_serums.your_serums_dialog import YourSerumsDialog

        entries = self._entries()
        if entries is None:
            return
        dialog = self.list_dialog = YourSerumsDialog(
            entries, self._open_editor, self.remove, self.window, self.add_serum
        )
        if self.store.read_only:
            for button in (dialog.add_button, dialog.edit_button, dialog.remove_button):
                button.setEnabled(False)
        dialog.finished.connect(self._forget_list_dialog)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _forget_list_dialog(self) -> None:
        """The closed list is deleted: a later catalog change must not reach for it (it
        raised "Internal C++ object already deleted" after Reset prices)."""
        self.list_dialog = None

    def remove(self, mine: MyProduct) -> None:
        title = f"{mine.brand} {mine.name}"
        if not self.prompts.confirm(
            _("Remove this serum?"),
            _("Remove “{title}” from your serums? Profiles that compare it will no longer show it.").format(
                title=title
            ),
            _("Remove"),
        ):
            return
        try:
            self.store.remove(mine.id)
        except UserCatalogError as exc:
            self.prompts.warn(_("Could not remove the serum"), str(exc))
            return
        self.catalog_changed()
        self.window.show_status(_("Removed “{title}”.").format(title=title))

    # -- a clinic's catalog -------------------------------------------------------------------
    def import_catalog(self) -> None:
        source = self.prompts.open_file(_("Use a clinic's catalog or price list"), _(CATALOG_FILTER))
        if source is None:
            return
        try:
            result = self.store.install(source, self.bundled_catalog, replace_existing=False)
        except AlreadyInstalled as exc:
            if not self.prompts.confirm(
                _("Replace the installed file?"),
                (
                    _("A catalog is already in use. Replace it with {name}?")
                    if exc.kind is Installed.CATALOG
                    else _("A price list is already in use. Replace it with {name}?")
                ).format(name=source.name),
                _("Replace"),
            ):
                return
            try:
                result = self.store.install(source, self.bundled_catalog, replace_existing=True)
            except UserCatalogError as again:
                self.prompts.warn(_("Could not use that file"), str(again))
                return
        except UserCatalogError as exc:
            self.prompts.warn(_("Could not use that file"), str(exc))
            return
        self.catalog_changed()
        if result.kind is Installed.CATALOG:
            text = _(
                "SerumDesk now uses the catalog {description}. The printed sheet names "
                "it. Catalog ▸ Use the bundled catalog goes back."
            )
        else:
            text = _(
                "SerumDesk now uses the price list {description}. The printed sheet "
                "names it. Catalog ▸ Use the bundled catalog goes back."
            )
        text = text.format(description=result.description)
        self.prompts.inform(_("Catalog updated"), "\n\n".join([text, *result.warnings]))

    def reset_catalog(self) -> None:
        try:
            removed = self.store.reset()
        except UserCatalogError as exc:
            self.prompts.warn(_("Could not go back to the bundled catalog"), str(exc))
            return
        self.catalog_changed()
        self.window.show_status(
            _("Using the bundled catalog and its prices.")
            if removed
            else _("The bundled catalog was already in use.")
        )

    # -- after any change ---------------------------------------------------------------------
    def catalog_changed(self, compare: str | None = None) -> bool:
        """Read the catalog again and recompute what is on screen; `compare` puts a new serum
        into the comparison when there is room (nothing compared is dropped unasked).
        True when `compare` is compared now."""
        self.catalog.reload()
        ids = list(self.state.compared_ids)
        if compare is not None and compare not in ids and len(ids) < MAX_COMPARED:
            rec = self._recommendation()
            if rec is not None and any(m.product.id == compare for m in rec.matches):
                self.state.edit_compared([*ids, compare])
        if self.list_dialog is not None and self.list_dialog.isVisible():
            entries = self._entries()
            if entries is not None:
                self.list_dialog.show_entries(entries)
        return compare is not None and compare in self.state.compared_ids


def install_my_serums_actions(
    window: MainWindow,
    state: WorkState,
    catalog: CatalogModel,
    store: UserCatalogStore,
    bundled_catalog: Path,
    prompts: CatalogPrompts | None = None,
) -> MySerumsActions:
    from serumdesk.ui.profiles.prompts import DialogPrompts

    return MySerumsActions(window, state, catalog, store, bundled_catalog, prompts or DialogPrompts(window))
