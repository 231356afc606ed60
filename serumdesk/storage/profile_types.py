"""A saved profile as the app holds it, and the errors the profile store reports.

Plain dataclasses (no pydantic) so the GUI can import them at start for free; the
pydantic file model in profile_model.py is imported only when a file is read or written.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.strict.plain_text import name_fault, plain
from serumdesk.i18n import _

if TYPE_CHECKING:
    # Only for annotations: the app's start-up builds the store, and reads bottles only from
    # a profile file (profile_model.py).
    from serumdesk.domain.bottles import Bottle
    from serumdesk.domain.catalog.my_products import MyProduct

NAME_MAX_CHARS = 1000
MAX_PROFILE_BYTES = 1024 * 1024
"""Far above any real profile (a few KB); stops a hostile import from eating memory."""


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def new_profile_id() -> str:
    """File names come from this id, never from the typed name."""
    return uuid.uuid4().hex


def clean_name(name: str) -> str:
    """The name as stored: surrounding spaces trimmed; anything else kept exactly.

    Raises ProfileError for a name that would not show as typed: an empty one, one with
    control characters or line breaks (escapes that would garble a terminal), one with
    text-direction controls (U+202E shows "Mum" as "muM"), one with other invisible
    characters or nothing visible at all (zero-width spaces), and one longer than
    NAME_MAX_CHARS.
    """
    cleaned = name.strip()
    if not cleaned:
        raise ProfileError(_("A profile needs a name."))
    if len(cleaned) > NAME_MAX_CHARS:
        raise ProfileError(
            _("A profile name can be at most {NAME_MAX_CHARS} characters.").format(
                NAME_MAX_CHARS=NAME_MAX_CHARS
            )
        )
    fault = name_fault(cleaned)
    if fault is not None:
        raise ProfileError(_("A profile name {fault}.").format(fault=fault))
    return cleaned


def name_key(name: str) -> str:
    """Names are unique regardless of case ("Mum" and "mum" are the same profile)."""
    return unicodedata.normalize("NFC", name.strip()).casefold()


@dataclass(frozen=True, slots=True)
class Profile:
    """A name plus everything the wizard needs to come back to where the person left off."""

    name: str
    answers: Answers = field(default_factory=Answers)
    overrides: Overrides = field(default_factory=Overrides)
    compared_ids: tuple[str, ...] = ()
    notes: str = ""
    bottles: tuple[Bottle, ...] = ()
    """The serums the person has opened or patch tested, one per product."""
    id: str = field(default_factory=new_profile_id)
    created: dt.datetime = field(default_factory=now_utc)
    updated: dt.datetime = field(default_factory=now_utc)
    revision: int = 0
    """Bumped on every save; a save based on an older revision is a conflict, not a silent loss."""
    carried: tuple[MyProduct, ...] = ()
    """Serums the person entered from labels that an exported file carries along, so the
    profile compares them on another computer too. Always empty in the store (the person's
    data folder keeps them: storage/user_catalog.py)."""

    def own_product_ids(self) -> list[str]:
        """The ids of the person's own serums this profile compares, edits or keeps bottles of."""
        from serumdesk.domain.catalog.my_products import MINE_PREFIX

        ids = [*self.compared_ids, *self.overrides.by_product, *(b.product_id for b in self.bottles)]
        return [pid for pid in dict.fromkeys(ids) if pid.startswith(MINE_PREFIX)]

    def with_product_ids(self, renamed: Mapping[str, str]) -> Profile:
        """The profile with product ids changed as `renamed` says (old id → new id)."""

        def new(pid: str) -> str:
            return renamed.get(pid, pid)

        return replace(
            self,
            compared_ids=tuple(dict.fromkeys(new(pid) for pid in self.compared_ids)),
            overrides=Overrides({new(pid): o for pid, o in self.overrides.by_product.items()}),
            bottles=tuple(replace(b, product_id=new(b.product_id)) for b in self.bottles),
        )

    def __post_init__(self) -> None:
        # Notes are free text that reaches terminals: escapes and controls never stay in.
        object.__setattr__(self, "notes", plain(self.notes))

    def with_changes(
        self,
        *,
        answers: Answers | None = None,
        overrides: Overrides | None = None,
        compared_ids: tuple[str, ...] | list[str] | None = None,
        notes: str | None = None,
        bottles: tuple[Bottle, ...] | list[Bottle] | None = None,
    ) -> Profile:
        return replace(
            self,
            answers=self.answers if answers is None else answers,
            overrides=self.overrides if overrides is None else overrides,
            compared_ids=self.compared_ids if compared_ids is None else tuple(compared_ids),
            notes=self.notes if notes is None else notes,
            bottles=self.bottles if bottles is None else tuple(bottles),
        )


class ProfileError(Exception):
    """A profile problem the person can understand; str() is the whole message."""


class ProfileNotFound(ProfileError):
    def __init__(self, name: str, existing: list[str]) -> None:
        self.name = name
        self.existing = existing
        if existing:
            listing = ", ".join(f"'{n}'" for n in existing)
            super().__init__(
                _("There is no profile named '{name}'. Saved profiles: {listing}.").format(
                    name=name, listing=listing
                )
            )
        else:
            super().__init__(
                _("There is no profile named '{name}'. No profiles are saved yet.").format(name=name)
            )


class ProfileNameTaken(ProfileError):
    def __init__(self, name: str, *, too_new: bool = False) -> None:
        self.name = name
        self.too_new = too_new
        why = _(" (saved by a newer SerumDesk, so this version cannot open or list it)") if too_new else ""
        super().__init__(
            _("A profile named '{name}' already exists{why}. Choose another name.").format(name=name, why=why)
        )


class ProfileConflict(ProfileError):
    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            _(
                "Profile '{name}' was changed by another SerumDesk window since you opened it. "
                "Save under a new name to keep both versions, or reopen it."
            ).format(name=name)
        )


class ProfileFileError(ProfileError):
    """A profile file that cannot be read: names the file, the reason, and the profile's
    name when the damaged file still shows it."""

    def __init__(self, path: Path, reason: str, name: str | None = None) -> None:
        self.path = path
        self.reason = reason
        self.name = name
        super().__init__(f"Profile '{name}' ({path.name}): {reason}" if name else f"{path.name}: {reason}")


@dataclass(frozen=True, slots=True)
class ProfileProblem:
    """A file skipped while listing, with where it was moved (None when left in place)."""

    file_name: str
    reason: str
    moved_to: Path | None = None
    name: str | None = None
    """The profile's name, when the file still shows it (already made plain)."""
    too_new: bool = False
    """Written by a newer SerumDesk: fine, just not readable by this version."""

    @property
    def message(self) -> str:
        where = _(" It was moved to {moved_to}.").format(moved_to=self.moved_to) if self.moved_to else ""
        if self.name:
            return _("Profile '{name}' could not be read (file {file_name}): {reason}.{where}").format(
                name=self.name, file_name=self.file_name, reason=self.reason, where=where
            )
        return _("Could not read profile file {file_name}: {reason}.{where}").format(
            file_name=self.file_name, reason=self.reason, where=where
        )


@dataclass(frozen=True, slots=True)
class ProfileListing:
    profiles: list[Profile]
    problems: list[ProfileProblem]

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.profiles]

    @property
    def too_new(self) -> list[ProfileProblem]:
        """Profiles a newer SerumDesk wrote: listed by name so a name clash makes sense."""
        return [p for p in self.problems if p.too_new]


class ProfileDataError(ValueError):
    """The content of a profile file or import is not a valid profile; str() says why."""


class ProfileTooNew(ProfileDataError):
    """Written by a newer SerumDesk: readable later, so never moved aside as corrupt."""
