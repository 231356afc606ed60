"""Cross-process locks: one around each profile read-modify-write, one per running app.

Why OS file locks (fcntl.flock / msvcrt.locking) rather than Qt's QLockFile: the CLI and
the storage layer run without Qt, and a kernel lock dies with its process — a SerumDesk
killed by SIGKILL or a power cut leaves no stale lock to detect, guess about or delete.
The lock file itself stays (empty, 0600); only the kernel lock on it matters.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from serumdesk.i18n import _
from serumdesk.storage.files import ReadError, kind_of, private_dir

LOCK_TIMEOUT_S = 10.0
_POLL_S = 0.01


class LockTimeout(Exception):
    """Another SerumDesk held the lock for longer than we were willing to wait."""


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on `fd` without waiting; False when someone else holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _open_lock_file(path: Path) -> int:
    """The lock file, created 0600. Like every file SerumDesk writes (atomic.py), never a
    link (O_NOFOLLOW) and never a FIFO or device (O_NONBLOCK, then checked): OSError."""
    flags = (
        os.O_RDWR
        | os.O_CREAT
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
    )
    fd = os.open(path, flags, 0o600)
    kind = kind_of(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise ReadError(
            errno.EINVAL,
            _("its lock file {name} is {kind}, not a regular file").format(name=path.name, kind=kind),
            path,
        )
    return fd


@contextlib.contextmanager
def folder_lock(path: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing) for the `with` block.

    Raises OSError when the lock file cannot be created (read-only folder) and
    LockTimeout when another process keeps it longer than `timeout_s`.
    """
    fd = _open_lock_file(path)
    try:
        deadline = time.monotonic() + timeout_s
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockTimeout(_("{path} is held by another SerumDesk").format(path=path))
            time.sleep(_POLL_S)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_folder_lock(folder: Path, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """`folder` created 0700 (its parent too, when missing) and its `.lock` held for the block:
    how each store of the person's files starts a change. OSError or LockTimeout as
    `folder_lock`."""
    if not folder.parent.exists():
        private_dir(folder.parent)
    private_dir(folder)
    with folder_lock(folder / ".lock", timeout_s):
        yield


def _made_read_only(folder: Path) -> bool:
    try:
        return not folder.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False


class InstanceGuard:
    """Held for a GUI's lifetime so a second window knows it is not alone.

    `acquired` is False when another SerumDesk app already runs on these folders.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self.folder_read_only = _made_read_only(path.parent)
        """The person made the data folder read-only: no lock file is made there (nothing
        can be saved there anyway, and each store says why)."""
        if self.folder_read_only:
            return
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = _open_lock_file(path)
        except OSError:
            # A folder we cannot write: behave as a second instance (read-only) — safe.
            return
        if _try_lock(fd):
            self._fd = fd
        else:
            os.close(fd)

    @property
    def acquired(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
