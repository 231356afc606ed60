"""The one way SerumDesk writes a file: temp file beside it, fsync, then atomic rename.

A crash, SIGKILL or full disk at any point leaves either the old file or the new one,
never a torn mix (the same guarantee as QSaveFile, without needing Qt in headless code).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


class SaveError(OSError):
    """A write that did not happen; the message says why in plain words. Nothing was lost."""


def os_error_reason(exc: OSError) -> str:
    """Why a file operation failed, in plain words ("the disk is full")."""
    import errno

    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "SerumDesk is not allowed to write there",
        errno.EPERM: "SerumDesk is not allowed to write there",
        errno.EROFS: "the folder is on a read-only disk",
        errno.ENOENT: "the folder does not exist",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def _explain(exc: OSError, path: Path) -> str:
    why = os_error_reason(exc)
    return f"Could not save {path}: {why}. The previous version, if any, is unchanged."


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary file; on a clean exit it replaces `path` atomically, else it vanishes."""
    directory = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise SaveError(exc.errno or 0, _explain(exc, path)) from exc
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, SaveError):
            raise SaveError(exc.errno or 0, _explain(exc, path)) from exc
        raise
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    with atomic_writer(path, mode) as handle:
        handle.write(data)
