"""What every store of the person's files shares: a folder only they can read, and a kernel
lock around each change (lock.py).

A store (profiles.py, user_catalog.py) subclasses `PrivateFolderStore` and wraps every
change in `self._locked()`: the folder is created 0700 (its parent too), files copied in or
written looser long ago are made owner-only the first time, and a store opened read-only
(a second SerumDesk window) refuses to change anything. Problems become the store's own
error type, in its own words.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from serumdesk.i18n import N_, _
from serumdesk.storage.files import describe_os_error, tighten_private_files
from serumdesk.storage.lock import LOCK_TIMEOUT_S, LockTimeout, private_folder_lock

_TEMP_FILE = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp")
"""atomic.py's temporary file beside the file it is writing: `.NAME.XXXXXXXX.tmp`."""


class PrivateFolderStore:
    error: ClassVar[type[Exception]] = Exception
    """What the store raises; each subclass names its own."""
    read_only_message: ClassVar[str] = ""
    busy_message: ClassVar[str] = ""
    """When another SerumDesk holds the lock for longer than the store waits."""
    folder_words: ClassVar[str] = N_("the folder")
    """How an error names the folder ("the profiles folder")."""

    def __init__(
        self, folder: Path, *, read_only: bool = False, lock_timeout_s: float = LOCK_TIMEOUT_S
    ) -> None:
        self.folder = folder
        self.read_only = read_only
        self._lock_timeout_s = lock_timeout_s
        self._files_tightened = False

    def _owns(self, name: str) -> bool:
        """Whether the store writes a file of this name, always with its lock held."""
        return False

    def _remove_stale_temp_files(self) -> None:
        """The temporary files of writes killed mid-way (SIGKILL, a power cut): only our
        own (atomic.py's pattern, for a file this store writes), only regular files, and
        only with the lock held — every write of those files holds it, so none is in use."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            found = _TEMP_FILE.fullmatch(entry.name)
            if found is None or not self._owns(found["name"]):
                continue
            with contextlib.suppress(OSError):
                if stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                    Path(entry.path).unlink()

    def clean_up(self) -> None:
        """At start: remove left-over temporary files if the lock is free at once (best
        effort; a busy or read-only folder is left for next time)."""
        if self.read_only or not self.folder.is_dir():
            return
        with contextlib.suppress(OSError, LockTimeout), private_folder_lock(self.folder, timeout_s=0):
            self._remove_stale_temp_files()

    def _private_folders(self) -> list[Path]:
        """The folders whose files are made owner-only (the store's folder, and any below)."""
        return [self.folder]

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """The folder lock, for anything that writes; folder problems become `error`."""
        if self.read_only:
            raise self.error(_(self.read_only_message))
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(private_folder_lock(self.folder, self._lock_timeout_s))
            except LockTimeout:
                raise self.error(_(self.busy_message)) from None
            except OSError as exc:
                raise self.error(
                    _("Could not use {folder_words} {folder}: {reason}. Nothing was changed.").format(
                        folder_words=_(self.folder_words),
                        folder=self.folder,
                        reason=describe_os_error(exc, reading=False),
                    )
                ) from None
            if not self._files_tightened:  # files copied in, or written looser long ago
                tighten_private_files(self._private_folders())
                self._remove_stale_temp_files()
                self._files_tightened = True
            yield
