"""The profile store: one JSON file per profile in a private folder, safe across processes.

Layout of the profiles folder (0700; files 0600, and looser ones are tightened):
  <id>.json          one profile each; the id is uuid4 hex, never the typed name
  trash/<id>.json    deleted profiles, restorable
  corrupt/           unreadable files moved aside, with a time stamp
  backups/           originals of files upgraded from an older schema_version
  .lock              the kernel lock held around every read-modify-write (see lock.py)
  last-used.json     which profile to offer at start

pydantic (profile_model.py) is imported only when a file is read or written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.figures import whole
from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.plain_text import plain_line
from serumdesk.i18n import N_, _
from serumdesk.storage.atomic import SaveError, atomic_write_bytes
from serumdesk.storage.files import (
    FileTooLarge,
    ReadError,
    describe_os_error,
    private_dir,
    read_regular_file,
)
from serumdesk.storage.migrations import CURRENT_SCHEMA_VERSION
from serumdesk.storage.private_folder import PrivateFolderStore
from serumdesk.storage.profile_types import (
    MAX_PROFILE_BYTES,
    Profile,
    ProfileConflict,
    ProfileDataError,
    ProfileError,
    ProfileFileError,
    ProfileListing,
    ProfileNameTaken,
    ProfileNotFound,
    ProfileProblem,
    ProfileTooNew,
    clean_name,
    name_key,
    new_profile_id,
    now_utc,
)

if TYPE_CHECKING:
    from serumdesk.domain.catalog.my_products import MyProduct

Adopt = Callable[[list["MyProduct"]], Mapping[str, str]]
"""Keeps serums an imported profile carries; returns old id → the id each was kept under.
Raises ProfileError when they cannot be kept (then nothing is imported)."""

_PROFILE_FILE = re.compile(r"^[0-9a-f]{32}\.json$")
_NAME_IN_DAMAGED_FILE = re.compile(r'"name"\s*:\s*("(?:[^"\\\n]|\\.){1,2000}")')
"""The name field of a profile file too damaged to parse as a whole, as a JSON string."""
_SHOWN_NAME_CHARS = 80
READ_ONLY_MESSAGE = N_(
    "Your profiles are open read-only because another SerumDesk window is using them. "
    "Close the other window to make changes here."
)


def _stamp() -> str:
    return now_utc().strftime("%Y%m%dT%H%M%SZ")


def _name_in(raw: bytes) -> tuple[str | None, bool]:
    """The profile name a file's bytes hold (None when they hold none), and whether a newer
    SerumDesk wrote it. Cheap, no validation: for keeping names unique and for naming a
    damaged file (its name field is found even when the rest does not parse)."""
    try:
        data = strict_json.loads(raw)
    except strict_json.JsonProblem:
        found = _NAME_IN_DAMAGED_FILE.search(raw.decode("utf-8", "replace"))
        try:
            data = {"name": strict_json.loads(found[1])} if found else {}
        except strict_json.JsonProblem:
            data = {}
    if not isinstance(data, dict):
        return None, False
    name, version = data.get("name"), data.get("schema_version")
    too_new = isinstance(version, int) and version > CURRENT_SCHEMA_VERSION
    return (name if isinstance(name, str) else None), too_new


def _shown_name(raw: bytes) -> str | None:
    """The name in a file's bytes as a message may show it: plain, one line, not too long."""
    name = _name_in(raw)[0]
    shown = plain_line(name).strip() if name is not None else ""
    if len(shown) > _SHOWN_NAME_CHARS:
        shown = shown[: _SHOWN_NAME_CHARS - 1] + "…"
    return shown or None


class ProfileStore(PrivateFolderStore):
    """Every profile operation; methods raise only ProfileError (with a readable message),
    except that `export` reports a problem with its destination file as a SaveError."""

    error = ProfileError
    read_only_message = READ_ONLY_MESSAGE
    busy_message = N_("Another SerumDesk is busy with your profiles; try again in a moment.")
    folder_words = N_("the profiles folder")

    @property
    def trash_dir(self) -> Path:
        return self.folder / "trash"

    @property
    def corrupt_dir(self) -> Path:
        return self.folder / "corrupt"

    @property
    def backup_dir(self) -> Path:
        return self.folder / "backups"

    def _private_folders(self) -> list[Path]:
        return [self.folder, self.trash_dir, self.corrupt_dir, self.backup_dir]

    def path_for(self, profile_id: str) -> Path:
        if not _PROFILE_FILE.match(f"{profile_id}.json"):
            raise ProfileError(_("'{profile_id}' is not a profile id.").format(profile_id=profile_id))
        return self.folder / f"{profile_id}.json"

    # --- locking -----------------------------------------------------------------------

    @contextlib.contextmanager
    def _maybe_locked(self) -> Iterator[bool]:
        """The lock when we can take it (yields True); a read-only folder still reads."""
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(self._locked())
                locked = True
            except ProfileError:
                locked = False
            yield locked

    # --- reading -----------------------------------------------------------------------

    def _load(self, path: Path, *, may_fix: bool) -> Profile:
        """Read one profile file; upgrades older versions on disk when `may_fix`.

        A FIFO or device under a profile's name is refused at once, never waited on (the
        lock may be held meanwhile).
        """
        from serumdesk.storage.profile_model import parse_profile

        try:
            raw = read_regular_file(path, MAX_PROFILE_BYTES)
        except ReadError as exc:
            raise ProfileFileError(path, exc.reason) from None
        try:
            profile, version = parse_profile(raw, default_id=path.stem)
        except ProfileDataError as exc:
            raise ProfileFileError(path, str(exc), _shown_name(raw)) from exc
        if profile.id != path.stem:  # a copied or hand-renamed file: the file name wins
            profile = dataclasses.replace(profile, id=path.stem)
        if may_fix and version < CURRENT_SCHEMA_VERSION:
            self._upgrade_on_disk(path, raw, profile, version)
        return profile

    def _upgrade_on_disk(self, path: Path, raw: bytes, profile: Profile, version: int) -> None:
        try:
            backup = private_dir(self.backup_dir) / f"{path.stem}.v{version}.{_stamp()}.json"
            atomic_write_bytes(backup, raw, replace=False)
            self._write(profile, path)
        except (OSError, ProfileError):
            pass  # the old file stays; it is upgraded again in memory next time

    def _move_aside(self, path: Path) -> Path | None:
        try:
            target = private_dir(self.corrupt_dir) / f"{path.stem}.{_stamp()}{path.suffix}"
            path.replace(target)
        except OSError:
            return None
        return target

    def _profile_paths(self) -> list[Path]:
        try:
            entries = list(self.folder.iterdir())
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise ProfileError(
                _("Could not read the profiles folder {folder}: {reason}.").format(
                    folder=self.folder, reason=describe_os_error(exc, reading=True)
                )
            ) from None
        return sorted(p for p in entries if _PROFILE_FILE.match(p.name))

    def _owns(self, name: str) -> bool:
        return _PROFILE_FILE.match(name) is not None

    def listing(self) -> ProfileListing:
        """Every readable profile, by name; unreadable files are reported and moved aside."""
        with self._maybe_locked() as may_fix:
            return self._list(may_fix=may_fix)

    def _list(self, *, may_fix: bool) -> ProfileListing:
        profiles: list[Profile] = []
        problems: list[ProfileProblem] = []
        if may_fix:
            with contextlib.suppress(OSError):
                self._remove_stale_temp_files()
        for path in self._profile_paths():
            try:
                profiles.append(self._load(path, may_fix=may_fix))
            except ProfileFileError as exc:
                too_new = isinstance(exc.__cause__, ProfileTooNew)
                corrupt = may_fix and isinstance(exc.__cause__, ProfileDataError) and not too_new
                moved = self._move_aside(path) if corrupt else None
                problems.append(ProfileProblem(path.name, exc.reason, moved, exc.name, too_new))
        profiles.sort(key=lambda p: (name_key(p.name), p.id))
        return ProfileListing(profiles, problems)

    def get(self, profile_id: str) -> Profile:
        path = self.path_for(profile_id)
        if not path.exists():
            raise ProfileError(_("That profile no longer exists; it may have been deleted."))
        return self._load(path, may_fix=False)

    def find(self, name: str) -> Profile:
        """The profile with this name (case-insensitive); ProfileNotFound lists the others."""
        listing = self.listing()
        key = name_key(name)
        for profile in listing.profiles:
            if name_key(profile.name) == key:
                return profile
        raise ProfileNotFound(name, listing.names)

    # --- writing -----------------------------------------------------------------------

    def _write(self, profile: Profile, path: Path | None = None) -> None:
        from serumdesk.storage.profile_model import profile_to_bytes

        try:
            data = profile_to_bytes(profile)
        except ProfileDataError as exc:
            raise ProfileError(
                _("Could not save profile '{name}': {exc}.").format(name=profile.name, exc=exc)
            ) from None
        try:
            atomic_write_bytes(path or self.path_for(profile.id), data, replace=True)
        except SaveError as exc:
            raise ProfileError(str(exc)) from None

    def _names_in_use(self, except_id: str | None = None) -> dict[str, bool]:
        """Name keys of the other profiles, read cheaply (no validation), each with whether
        a newer SerumDesk wrote it. Files that cannot be read (a FIFO, a device) are skipped
        at once."""
        keys: dict[str, bool] = {}
        for path in self._profile_paths():
            if path.stem == except_id:
                continue
            try:
                raw = read_regular_file(path, MAX_PROFILE_BYTES)
            except ReadError:
                continue
            name, too_new = _name_in(raw)
            if name is not None:
                keys[name_key(name)] = keys.get(name_key(name), False) or too_new
        return keys

    def _check_name_free(self, name: str, except_id: str | None) -> None:
        taken = self._names_in_use(except_id)
        if name_key(name) in taken:
            raise ProfileNameTaken(name, too_new=taken[name_key(name)])

    def _unique_name(self, wanted: str) -> str:
        taken = self._names_in_use()
        name, n = wanted, 2
        while name_key(name) in taken:
            name = f"{wanted} ({n})"
            n += 1
        return name

    def create(
        self,
        name: str,
        answers: Answers | None = None,
        overrides: Overrides | None = None,
        compared_ids: tuple[str, ...] = (),
        notes: str = "",
    ) -> Profile:
        """A new profile; ProfileNameTaken when another profile already has the name."""
        profile = Profile(
            name=clean_name(name),
            answers=answers or Answers(),
            overrides=overrides or Overrides(),
            compared_ids=compared_ids,
            notes=notes,
        )
        return self.save(profile)

    def save(self, profile: Profile) -> Profile:
        """Write `profile`; returns it with its new revision and time.

        ProfileConflict when the file changed on disk since `profile` was read (another
        window saved it): nothing is overwritten, so neither update is lost.
        """
        name = clean_name(profile.name)
        with self._locked():
            path = self.path_for(profile.id)
            on_disk = self._load(path, may_fix=False) if path.exists() else None
            if on_disk is not None and on_disk.revision != profile.revision:
                raise ProfileConflict(on_disk.name)
            self._check_name_free(name, profile.id)
            saved = dataclasses.replace(
                profile, name=name, updated=now_utc(), revision=(on_disk.revision if on_disk else 0) + 1
            )
            self._write(saved, path)
            return saved

    def update(self, profile_id: str, change: Callable[[Profile], Profile]) -> Profile:
        """Read, change and write one profile while holding the lock: no lost updates."""
        with self._locked():
            current = self.get(profile_id)
            changed = change(current)
            name = clean_name(changed.name)
            if name_key(name) != name_key(current.name):
                self._check_name_free(name, profile_id)
            saved = dataclasses.replace(
                changed, id=current.id, name=name, updated=now_utc(), revision=current.revision + 1
            )
            self._write(saved)
            return saved

    def rename(self, profile_id: str, new_name: str) -> Profile:
        new_name = clean_name(new_name)
        return self.update(profile_id, lambda p: dataclasses.replace(p, name=new_name))

    def duplicate(self, profile_id: str, new_name: str) -> Profile:
        source = self.get(profile_id)
        now = now_utc()
        copy = dataclasses.replace(
            source, id=new_profile_id(), name=clean_name(new_name), created=now, updated=now, revision=0
        )
        return self.save(copy)

    def delete(self, profile_id: str) -> Path:
        """Move the profile to the trash folder; returns where it went."""
        with self._locked():
            path = self.path_for(profile_id)
            try:
                target = private_dir(self.trash_dir) / path.name
                path.replace(target)
            except FileNotFoundError:
                raise ProfileError(_("That profile no longer exists.")) from None
            except OSError as exc:
                raise ProfileError(
                    _("Could not delete the profile: {reason}. It is unchanged.").format(
                        reason=describe_os_error(exc, reading=False)
                    )
                ) from None
            return target

    def trash(self) -> list[Profile]:
        """Deleted profiles that can still be restored, newest first."""
        try:
            paths = [p for p in self.trash_dir.iterdir() if _PROFILE_FILE.match(p.name)]
        except OSError:
            return []
        found = []
        for path in paths:
            with contextlib.suppress(ProfileFileError):
                found.append(self._load(path, may_fix=False))
        return sorted(found, key=lambda p: p.updated, reverse=True)

    def restore(self, profile_id: str) -> Profile:
        """Bring a profile back from the trash (renamed if its name was reused meanwhile)."""
        with self._locked():
            source = self.trash_dir / self.path_for(profile_id).name
            try:
                profile = self._load(source, may_fix=False)
            except ProfileFileError:
                raise ProfileError(_("That profile is not in the trash.")) from None
            name = self._unique_name(profile.name)
            restored = dataclasses.replace(
                profile, name=name, updated=now_utc(), revision=profile.revision + 1
            )
            self._write(restored)
            source.unlink(missing_ok=True)
            return restored

    # --- files outside the store -------------------------------------------------------

    def export(
        self, profile_id: str, destination: Path, *, replace: bool, carried: Sequence[MyProduct] = ()
    ) -> None:
        """Write a copy of the profile to `destination`: 0600 from the start, atomically.

        `carried` are the person's own serums the profile refers to (Profile.own_product_ids),
        written into the file so it compares them on another computer too. An existing file
        is replaced only when `replace`; anything but a regular file is never written
        through. Raises ProfileError for the profile and SaveError (such as
        DestinationExists) for the destination.
        """
        from serumdesk.storage.profile_model import profile_to_bytes

        profile = self.get(profile_id)
        wanted = set(profile.own_product_ids())
        try:
            data = profile_to_bytes(
                dataclasses.replace(profile, carried=tuple(p for p in carried if p.id in wanted))
            )
        except ProfileDataError as exc:
            raise ProfileError(_("Could not export the profile: {exc}.").format(exc=exc)) from None
        atomic_write_bytes(destination, data, replace=replace, private=True)

    def import_file(self, source: Path, adopt: Adopt | None = None) -> Profile:
        """Add a profile from an exported file: `read_import`, then `add_imported`."""
        return self.add_imported(self.read_import(source), adopt)

    def read_import(self, source: Path) -> Profile:
        """The profile in an exported file, validated (data only, never code) but not kept:
        the caller can say what it carries (`carried`) and ask before `add_imported`."""
        from serumdesk.storage.profile_model import parse_profile

        try:
            raw = read_regular_file(source, MAX_PROFILE_BYTES)
        except FileTooLarge as exc:
            raise ProfileError(
                _(
                    "{name} is not a SerumDesk profile: it is larger than "
                    "{limit} bytes, the most a profile can be."
                ).format(name=source.name, limit=whole(exc.limit))
            ) from None
        except ReadError as exc:
            raise ProfileError(
                _("Could not read {source}: {reason}.").format(source=source, reason=exc.reason)
            ) from None
        try:
            imported, _version = parse_profile(raw, default_id=new_profile_id())
        except ProfileDataError as exc:
            raise ProfileError(
                _("{name} is not a SerumDesk profile: {exc}.").format(name=source.name, exc=exc)
            ) from None
        return imported

    def add_imported(self, imported: Profile, adopt: Adopt | None = None) -> Profile:
        """Keep a profile from `read_import`.

        It gets a new id (an import never replaces a profile) and, if its name is taken,
        a numbered name. Serums of the person's own that it carries are handed to `adopt`,
        which keeps them and says which id each was kept under; without `adopt` they are
        left out.
        """
        with self._locked():
            if imported.carried and adopt is not None:
                imported = imported.with_product_ids(adopt(list(imported.carried)))
            profile = dataclasses.replace(
                imported,
                id=new_profile_id(),
                name=self._unique_name(imported.name),
                updated=now_utc(),
                revision=1,
                carried=(),
            )
            self._write(profile)
            return profile

    # --- the profile to offer at start --------------------------------------------------

    def last_used(self) -> Profile | None:
        try:
            data = strict_json.loads(read_regular_file(self.folder / "last-used.json", 4096))
            return self.get(str(data["id"]))
        except (OSError, ValueError, KeyError, TypeError, ProfileError):
            return None

    def forget_last_used(self) -> None:
        """Best effort, as set_last_used: no profile is offered at the next launch."""
        if self.read_only:
            return
        with contextlib.suppress(OSError):
            (self.folder / "last-used.json").unlink(missing_ok=True)

    def set_last_used(self, profile_id: str) -> None:
        """Best effort: failing to remember this must never stop the person's work."""
        if self.read_only:
            return
        with contextlib.suppress(OSError, ProfileError):
            private_dir(self.folder)
            atomic_write_bytes(
                self.folder / "last-used.json",
                strict_json.dumps({"id": profile_id}).encode("utf-8"),
                replace=True,
            )
