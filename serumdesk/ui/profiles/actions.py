"""Profile actions in the File menu: save, open, rename, duplicate, delete, export, import.

`install_profile_actions(window, state, catalog, stores)` is called once by app.py, which
built the single-instance guard and the stores (a second SerumDesk window gets read-only
ones). It adds the actions, tracks unsaved changes and offers the last-used profile.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from serumdesk.i18n import N_, _, ngettext
from serumdesk.storage.atomic import SaveError
from serumdesk.storage.profile_types import (
    Profile,
    ProfileConflict,
    ProfileError,
    ProfileNotFound,
    clean_name,
)
from serumdesk.ui.profiles.prompts import DialogPrompts, ProfilePrompts, Unsaved, suggested_file_name

if TYPE_CHECKING:
    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.storage.lock import InstanceGuard
    from serumdesk.storage.profiles import ProfileStore
    from serumdesk.storage.user_catalog import UserCatalogStore
    from serumdesk.storage.user_stores import UserStores
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.main_window import MainWindow
    from serumdesk.ui.work_state import WorkState

SECOND_INSTANCE_MESSAGE = N_(
    "SerumDesk is already open in another window. This window shows your profiles "
    "read-only so the two cannot overwrite each other's changes: you can open and export "
    "profiles here, and save them in the other window."
)


class ProfileActions(QObject):
    """The current profile, whether the answers on screen differ from it, and the actions."""

    def __init__(
        self,
        window: MainWindow,
        state: WorkState,
        catalog: CatalogModel,
        store: ProfileStore,
        prompts: ProfilePrompts,
        guard: InstanceGuard | None = None,
        serums: UserCatalogStore | None = None,
        shared_computer: Callable[[], bool] = lambda: False,
    ) -> None:
        """`serums` keeps the person's own serums: an export carries those the profile
        compares, and an import keeps those it carries (and reloads the `catalog`).
        `shared_computer` says whether the shared-computer setting is on now (ui/clinic/):
        then no profile is offered at launch or remembered as the last one, and quitting
        asks whether to clear the answers."""
        super().__init__(window)
        self.window = window
        self.state = state
        self.catalog = catalog
        self.store = store
        self.serums = serums
        self.prompts = prompts
        self.shared_computer = shared_computer
        self.guard = guard  # held for the window's lifetime; the kernel drops it at exit
        self.current: Profile | None = None
        self.dirty = False
        self._build_actions()
        state.changed.connect(self._mark_dirty)
        window.close_guards.append(self.may_close)
        # A closure, not a bound method: when the window and these actions are collected
        # together, a slot on a half-collected self would raise in the middle of Qt.
        held = guard
        window.destroyed.connect(lambda *_: held.release() if held is not None else None)
        self._refresh()

    # -- actions ----------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | None = None,
        *,
        writes: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setProperty("writes", writes)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(_("&New profile"), self.new_profile, key.New)
        self.open_action = self._action(_("&Open profile…"), self.open_profile, key.Open)
        self.save_action = self._action(_("&Save profile"), self.save, key.Save, writes=True)
        self.save_as_action = self._action(_("Save profile &as…"), self.save_as, key.SaveAs, writes=True)
        self.rename_action = self._action(_("&Rename profile…"), self.rename, writes=True)
        self.duplicate_action = self._action(_("D&uplicate profile…"), self.duplicate, writes=True)
        self.delete_action = self._action(_("&Delete profile…"), self.delete, writes=True)
        self.restore_action = self._action(_("Restore a deleted profile…"), self.restore, writes=True)
        self.export_action = self._action(_("&Export profile to a file…"), self.export_profile)
        self.import_action = self._action(_("&Import profile from a file…"), self.import_profile, writes=True)
        self.actions = [
            self.new_action,
            self.open_action,
            self.save_action,
            self.save_as_action,
            self.rename_action,
            self.duplicate_action,
            self.delete_action,
            self.restore_action,
            self.export_action,
            self.import_action,
        ]
        managing = [self.rename_action, self.duplicate_action, self.delete_action, self.restore_action]
        self.window.add_file_actions([a for a in self.actions if a not in managing])
        self.window.add_profile_actions(managing)

    def _refresh(self) -> None:
        """Enable what makes sense now, and show the profile and unsaved mark in the title."""
        has = self.current is not None
        for action in (self.rename_action, self.duplicate_action, self.delete_action, self.export_action):
            action.setEnabled(has)
        if self.store.read_only:
            for action in self.actions:
                if action.property("writes"):
                    action.setEnabled(False)
        suffix = " (read-only)" if self.store.read_only else ""
        if self.current is None:
            self.window.setWindowTitle(_("SerumDesk[*]{suffix}").format(suffix=suffix))
        else:
            self.window.setWindowTitle(
                _("{name}[*]{suffix} — SerumDesk").format(name=self.current.name, suffix=suffix)
            )
        self.window.setWindowModified(self.dirty)

    def _mark_dirty(self) -> None:
        if not self.dirty:
            self.dirty = True
            self._refresh()

    def _status(self, text: str) -> None:
        self.window.show_status(text)

    # -- what is on screen -----------------------------------------------------------------
    def _on_screen(self, base: Profile) -> Profile:
        s = self.state
        return base.with_changes(
            answers=s.answers, overrides=s.overrides, compared_ids=s.compared_ids, bottles=s.bottles
        )

    def show_profile(self, profile: Profile) -> None:
        self.state.replace(profile.answers, profile.overrides, profile.compared_ids, profile.bottles)
        self.current = profile
        self.dirty = False
        self._remember(profile)
        self._refresh()
        self.window.wizard.show_results()  # its results, scrolled to the top

    def _settled(self) -> bool:
        """True when nothing unsaved would be lost (saved, discarded, or nothing to save)."""
        if not self.dirty or self.store.read_only:
            return True
        choice = self.prompts.ask_unsaved(self.current.name if self.current else None)
        if choice is Unsaved.SAVE:
            return self.save()
        return choice is Unsaved.DISCARD

    def _remember(self, profile: Profile) -> None:
        """The profile to offer at the next launch; on a shared computer, none."""
        if self.shared_computer():
            self.store.forget_last_used()
        else:
            self.store.set_last_used(profile.id)

    def may_close(self) -> bool:
        if not self.shared_computer():
            return self._settled()
        choice = self.prompts.ask_clear_on_quit()
        if choice is Unsaved.CANCEL:
            return False
        if choice is Unsaved.SAVE and not self.save():
            return False
        self.state.replace()
        self.current = None
        self.dirty = False
        self.store.forget_last_used()
        self._refresh()
        return True

    # -- the actions ---------------------------------------------------------------------------
    def new_profile(self) -> None:
        if not self._settled():
            return
        self.state.replace()
        self.current = None
        self.dirty = False
        self._refresh()

    def save(self) -> bool:
        """Save over the current profile (or ask for a name); True when it was saved."""
        if self.current is None:
            return self.save_as()
        current = self.current
        return self._write(lambda: self.store.save(self._on_screen(current)))

    def _write(self, write: Callable[[], Profile]) -> bool:
        """Run one store write; on success it is the current profile, else the person is told."""
        try:
            self.current = write()
        except ProfileConflict as exc:
            if self.prompts.confirm(_("Profile changed elsewhere"), str(exc), _("Save as new…")):
                return self.save_as()
            return False
        except ProfileError as exc:
            self.prompts.warn(_("Could not save the profile"), str(exc))
            return False
        self.dirty = False
        self._remember(self.current)
        self._refresh()
        self._status(_("Saved profile “{name}”.").format(name=self.current.name))
        return True

    def save_as(self) -> bool:
        initial = self.current.name if self.current else ""
        notes = self.current.notes if self.current else ""
        while True:
            name = self.prompts.ask_name(_("Save profile as"), _("Name for this profile:"), initial)
            if name is None:
                return False
            initial = name
            try:
                existing: Profile | None = self.store.find(clean_name(name))
            except ProfileNotFound:
                existing = None
            except ProfileError as exc:  # an unusable name
                self.prompts.warn(_("Choose another name"), str(exc))
                continue
            if existing is None:
                fresh = self._on_screen(Profile(name=name, notes=notes))
                return self._write(functools.partial(self.store.save, fresh))
            question = _("A profile named “{name}” already exists. Replace it with these answers?").format(
                name=existing.name
            )
            if self.prompts.confirm(_("Replace profile?"), question, _("Replace")):
                return self._write(functools.partial(self.store.update, existing.id, self._on_screen))

    def _listing(self) -> list[Profile] | None:
        try:
            listing = self.store.listing()
        except ProfileError as exc:
            self.prompts.warn(_("Could not read your profiles"), str(exc))
            return None
        if listing.problems:
            self.prompts.warn(
                _("Some profiles could not be read"), "\n\n".join(p.message for p in listing.problems)
            )
        return listing.profiles

    def open_profile(self) -> None:
        if not self._settled():
            return
        profiles = self._listing()
        if profiles is None:
            return
        if not profiles:
            self.prompts.inform(
                _("No saved profiles"),
                _("No profiles are saved yet. Answer the questions, then choose File ▸ Save profile."),
            )
            return
        chosen = self.prompts.pick_profile(
            profiles,
            title=_("Open profile"),
            intro=_("Choose a saved profile to open."),
            action=_("Open"),
            current_id=self.current.id if self.current else None,
        )
        if chosen is not None:
            self.show_profile(chosen)
            self._status(_("Opened profile “{name}”.").format(name=chosen.name))

    def rename(self) -> None:
        if self.current is None:
            return
        name = self.prompts.ask_name(_("Rename profile"), _("New name:"), self.current.name)
        if name is None or name == self.current.name:
            return
        try:
            renamed = self.store.rename(self.current.id, name)
        except ProfileError as exc:
            self.prompts.warn(_("Could not rename the profile"), str(exc))
            return
        # Unsaved edits stay on screen (and unsaved); only the name and revision move on.
        self.current = dataclasses.replace(
            self.current, name=renamed.name, updated=renamed.updated, revision=renamed.revision
        )
        self._refresh()

    def duplicate(self) -> None:
        if self.current is None:
            return
        name = self.prompts.ask_name(
            _("Duplicate profile"), _("Name for the copy:"), _("{name} copy").format(name=self.current.name)
        )
        if name is None:
            return
        try:
            copy = self.store.duplicate(self.current.id, name)
        except ProfileError as exc:
            self.prompts.warn(_("Could not duplicate the profile"), str(exc))
            return
        self._status(_("Saved a copy as “{name}”; open it with File ▸ Open profile.").format(name=copy.name))

    def delete(self) -> None:
        if self.current is None:
            return
        name = self.current.name
        if not self.prompts.confirm(
            _("Delete profile?"),
            _(
                "Move the profile “{name}” to the trash?\nYou can bring "
                "it back with Profiles ▸ Restore a deleted profile."
            ).format(name=name),
            _("Delete"),
        ):
            return
        try:
            self.store.delete(self.current.id)
        except ProfileError as exc:
            self.prompts.warn(_("Could not delete the profile"), str(exc))
            return
        self.current = None
        self.dirty = True  # the answers are still on screen, now saved nowhere
        self._refresh()
        self._status(_("Moved “{name}” to the trash.").format(name=name))

    def restore(self) -> None:
        deleted = self.store.trash()
        if not deleted:
            self.prompts.inform(_("Nothing to restore"), _("There are no deleted profiles."))
            return
        chosen = self.prompts.pick_profile(
            deleted,
            title=_("Restore a deleted profile"),
            intro=_("Deleted profiles stay in the trash until you remove them by hand."),
            action=_("Restore"),
        )
        if chosen is None:
            return
        try:
            restored = self.store.restore(chosen.id)
        except ProfileError as exc:
            self.prompts.warn(_("Could not restore the profile"), str(exc))
            return
        self._status(_("Restored “{name}”; open it with File ▸ Open profile.").format(name=restored.name))

    def export_profile(self) -> None:
        if self.current is None or (self.dirty and not self.store.read_only and not self.save()):
            return
        destination = self.prompts.save_file(_("Export profile"), suggested_file_name(self.current.name))
        if destination is None:
            return
        carried: list[MyProduct] = []
        if self.serums is not None:
            from serumdesk.storage.user_catalog import serums_to_carry

            carried, problem = serums_to_carry(self.serums)
            if problem and self.current.own_product_ids():
                self.prompts.warn(_("Your serums cannot be carried"), problem)
        try:  # the file dialog asked before replacing a file; the store refuses non-files
            self.store.export(self.current.id, destination, replace=True, carried=carried)
        except (ProfileError, SaveError) as exc:
            self.prompts.warn(_("Could not export the profile"), str(exc))
            return
        self._status(
            _("Exported “{name}” to {destination}.").format(name=self.current.name, destination=destination)
        )

    def import_profile(self) -> None:
        source = self.prompts.open_file(_("Import profile"))
        if source is None or not self._settled():
            return
        adopt = None
        if self.serums is not None:
            from serumdesk.storage.user_catalog import profile_adopter

            adopt = profile_adopter(self.serums)
        try:
            incoming = self.store.read_import(source)
            count = len(incoming.carried)
            if (
                count
                and adopt is not None
                and not self.prompts.confirm(
                    _("Import serums too?"),
                    carried_serums_question(incoming.name, count),
                    ngettext("Import with {count} serum", "Import with {count} serums", count).format(
                        count=count
                    ),
                )
            ):
                return
            imported = self.store.add_imported(incoming, adopt)
        except ProfileError as exc:
            self.prompts.warn(_("Could not import the profile"), str(exc))
            return
        if imported.own_product_ids():  # serums it carried are now yours: read them in
            self.catalog.reload()
        self.show_profile(imported)
        self._status(_("Imported and opened “{name}”.").format(name=imported.name))

    # -- at start ---------------------------------------------------------------------------
    def offer_last_used(self) -> None:
        """Tell a second window it is read-only, report unreadable files, offer the last profile."""
        if self.store.read_only:
            self.prompts.inform(_("SerumDesk is already open"), _(SECOND_INSTANCE_MESSAGE))
        if self.shared_computer():  # every launch starts fresh; no name shows unasked
            self.store.forget_last_used()
            return
        profiles = self._listing()
        last = self.store.last_used()
        if profiles and last is not None and self.current is None and not self.dirty:
            text = _("Continue with your profile “{name}”?").format(name=last.name)
            if self.prompts.confirm(_("Welcome back"), text, _("Open it"), decline=_("Start fresh")):
                self.show_profile(last)


def carried_serums_question(name: str, count: int) -> str:
    """What the person is asked before an imported profile's serums join their own."""
    return ngettext(
        "The profile “{name}” carries {count} serum someone entered from a label. Imported, "
        "it joins your serums and is ranked for every profile; you can remove it later in "
        "Your serums.",
        "The profile “{name}” carries {count} serums someone entered from labels. Imported, "
        "they join your serums and are ranked for every profile; you can remove them later "
        "in Your serums.",
        count,
    ).format(name=name, count=count)


def install_profile_actions(
    window: MainWindow,
    state: WorkState,
    catalog: CatalogModel,
    stores: UserStores,
    prompts: ProfilePrompts | None = None,
    offer_at_start: bool = True,
    shared_computer: Callable[[], bool] = lambda: False,
) -> ProfileActions:
    """Wire profiles into `window`, over the stores app.py opened."""
    actions = ProfileActions(
        window,
        state,
        catalog,
        stores.profiles,
        prompts or DialogPrompts(window),
        stores.guard,
        stores.serums,
        shared_computer,
    )
    if offer_at_start:
        QTimer.singleShot(0, actions.offer_last_used)
    return actions
