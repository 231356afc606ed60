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
from serumdesk.storage.catalog_loader import CatalogUnavailable
from serumdesk.storage.user_catalog import AlreadyInstalled, UserCatalogError, UserCatalogStore

if TYPE_CHECKING:
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.main_window import MainWindow
    from serumdesk.ui.my_serums.add_serum_dialog import AddSerumDialog
    from serumdesk.ui.my_serums.your_serums_dialog import YourSerumsDialog
    from serumdesk.ui.work_state import WorkState

CATALOG_FILTER = "SerumDesk catalog or price list (*.json);;All files (*)"


class CatalogPrompts(Protocol):
    """What the catalog actions ask (profiles' DialogPrompts in the app)."""

    def open_file(self, title: str, file_filter: str) -> Path | None: ...
    def confirm(self, title: str, text: str, action: str) -> bool: ...
    def inform(self, title: str, text: str) -> None: ...
    def warn(self, title: str, text: str) -> None: ...


class MySerumsActions(QObject):
    """Catalog ▸ Add a serum…, Your serums…, Use a clinic's catalog or price list…, Use the
    bundled catalog."""

    def __init__(self, window: MainWindow, state: WorkState, catalog: CatalogModel,
                 store: UserCatalogStore, bundled_catalog: Path, prompts: CatalogPrompts) -> None:
        super().__init__(window)
        self.window, self.state, self.catalog, self.store = window, state, catalog, store
        self.bundled_catalog = bundled_catalog
        self.prompts = prompts
        self.add_dialog: AddSerumDialog | None = None
        self.list_dialog: YourSerumsDialog | None = None
        self.add_action = self._action("&Add a serum…", self.add_serum, "Ctrl+Shift+A")
        self.list_action = self._action("Your se&rums…", self.show_serums)
        self.import_action = self._action("Use a clinic's catalog or price &list…",
                                          self.import_catalog)
        self.reset_action = self._action("Use the &bundled catalog", self.reset_catalog)
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
            self.prompts.warn("Labels cannot be read",
                              "SerumDesk's ingredient vocabulary could not be loaded: "
                              f"{self.catalog.vocabulary_error()}\n"
                              "Reinstalling SerumDesk restores it.")
            return
        parent = self.list_dialog if self.list_dialog and self.list_dialog.isVisible() else None
        dialog = self.add_dialog = AddSerumDialog(
            vocabulary, self.state.answers, self._save_edit if editing else self._save_new,
            editing, parent or self.window)
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
            return recommend(self.catalog.catalog(), answers, self.state.overrides,
                             vocabulary=self.catalog.vocabulary() if answers.allergens else None)
        except CatalogUnavailable:
            return None

    def _added_words(self, product_id: str, title: str, compared: bool) -> str:
        """What happened to a serum just added, as it is: ranked, compared, or left out."""
        rec = self._recommendation()
        if rec is None:
            return f"Added “{title}”."
        ranked = next((m for m in rec.matches if m.product.id == product_id), None)
        if ranked is None:
            left_out = next((e for e in rec.excluded if e.product.id == product_id), None)
            why = " ".join(r.text for r in left_out.reasons) if left_out else ""
            return (f"Added “{title}”, but your answers leave it out{': ' + why if why else '.'} "
                    "It is listed under “Not included, and why”.")
        where = f"Added “{title}”: #{ranked.rank} of your {len(rec.matches)} matches, marked " \
                "“your entry”"
        if compared:
            return where + ", and compared on your results."
        return (where + f". {MAX_COMPARED} products are already compared: tick it under "
                "“Choose what to compare” to see it beside them.")

    def _save_edit(self, mine: MyProduct) -> str | None:
        try:
            self.store.update(mine)
        except UserCatalogError as exc:
            return str(exc)
        self.catalog_changed()
        self.window.show_status(f"Saved “{mine.brand} {mine.name}”.")
        return None

    def _entries(self) -> list[MyProduct] | None:
        from serumdesk.domain.strict.data_files import DataFileError

        try:
            return self.store.my_products()
        except DataFileError as exc:
            self.prompts.warn("Your serums cannot be read",
                              f"{exc}\nSerumDesk has not changed the file.")
            return None

    def show_serums(self) -> None:
        from serumdesk.ui.my_serums.your_serums_dialog import YourSerumsDialog

        entries = self._entries()
        if entries is None:
            return
        dialog = self.list_dialog = YourSerumsDialog(entries, self._open_editor, self.remove,
                                                     self.window, self.add_serum)
        if self.store.read_only:
            for button in (dialog.add_button, dialog.edit_button, dialog.remove_button):
                button.setEnabled(False)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def remove(self, mine: MyProduct) -> None:
        title = f"{mine.brand} {mine.name}"
        if not self.prompts.confirm("Remove this serum?",
                                    f"Remove “{title}” from your serums? Profiles that compare "
                                    "it will no longer show it.", "Remove"):
            return
        try:
            self.store.remove(mine.id)
        except UserCatalogError as exc:
            self.prompts.warn("Could not remove the serum", str(exc))
            return
        self.catalog_changed()
        self.window.show_status(f"Removed “{title}”.")

    # -- a clinic's catalog -------------------------------------------------------------------
    def import_catalog(self) -> None:
        source = self.prompts.open_file("Use a clinic's catalog or price list", CATALOG_FILTER)
        if source is None:
            return
        try:
            result = self.store.install(source, self.bundled_catalog, replace_existing=False)
        except AlreadyInstalled as exc:
            if not self.prompts.confirm(
                    "Replace the installed file?",
                    f"A {exc.kind.value} is already in use. Replace it with {source.name}?",
                    "Replace"):
                return
            try:
                result = self.store.install(source, self.bundled_catalog, replace_existing=True)
            except UserCatalogError as again:
                self.prompts.warn("Could not use that file", str(again))
                return
        except UserCatalogError as exc:
            self.prompts.warn("Could not use that file", str(exc))
            return
        self.catalog_changed()
        text = (f"SerumDesk now uses the {result.kind.value} {result.description}. The printed "
                "sheet names it. Catalog ▸ Use the bundled catalog goes back.")
        self.prompts.inform("Catalog updated", "\n\n".join([text, *result.warnings]))

    def reset_catalog(self) -> None:
        try:
            removed = self.store.reset()
        except UserCatalogError as exc:
            self.prompts.warn("Could not go back to the bundled catalog", str(exc))
            return
        self.catalog_changed()
        self.window.show_status("Using the bundled catalog and its prices." if removed else
                                "The bundled catalog was already in use.")

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


def install_my_serums_actions(window: MainWindow, state: WorkState, catalog: CatalogModel,
                              store: UserCatalogStore, bundled_catalog: Path,
                              prompts: CatalogPrompts | None = None) -> MySerumsActions:
    from serumdesk.ui.profiles.prompts import DialogPrompts

    return MySerumsActions(window, state, catalog, store, bundled_catalog,
                           prompts or DialogPrompts(window))
