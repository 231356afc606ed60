"""The person's stores, opened together after the first paint: what app.py passes down."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from serumdesk.storage.lock import InstanceGuard
    from serumdesk.storage.profiles import ProfileStore
    from serumdesk.storage.user_catalog import UserCatalogStore


@dataclass(frozen=True, slots=True)
class UserStores:
    """Both stores share one read-only flag: a second running SerumDesk (the `guard` was not
    acquired) may read the person's files but never change them."""

    guard: InstanceGuard
    """Held for the window's lifetime; the kernel drops it at exit."""
    profiles: ProfileStore
    serums: UserCatalogStore
    """The person's own serums, a clinic's catalog or price list (storage/user_catalog.py)."""
