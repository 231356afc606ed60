"""The one way SerumDesk writes a file: temp file beside it, fsync, then atomic rename.

A crash, SIGKILL or full disk at any point leaves either the old file or the new one,
never a torn mix (the same guarantee as QSaveFile, without needing Qt in headless code).

The rule for every file SerumDesk writes — profiles, exports, PDF sheets, the schema:
- it never follows or replaces anything but a regular file at the destination: a
  symbolic link, FIFO, device, socket or folder there is refused (NotARegularFile), with
  or without --force;
- it replaces an existing file only when the caller says so (`replace=True`, after
  --force or the person's confirmation); otherwise DestinationExists, and the new file is
  linked into place only if the name is still free at that instant;
- a file with health details (`private=True`, the default) is created 0600 — owner only —
  from its first byte; anything else is created 0666 less the person's umask. Modes are
  never changed after creation.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from serumdesk.i18n import _
from serumdesk.storage.files import describe_os_error, kind_of

_CREATE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS, errno.EXDEV, errno.EACCES}
)
"""Filesystems (FAT, some network and FUSE mounts) that cannot link the new file into place."""


class SaveError(OSError):
    """A write that did not happen; str() says why in plain words. Nothing was lost."""

    def __str__(self) -> str:
        return self.strerror or super().__str__()


class DestinationExists(SaveError):
    """A file is already there and replacing it was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EEXIST, _("{path} already exists; nothing was written.").format(path=path))
        self.path = path


class NotARegularFile(SaveError):
    """A link, FIFO, device, socket or folder is at the destination: never written through."""

    def __init__(self, path: Path, kind: str, *, folder: bool = False) -> None:
        code = errno.EISDIR if folder else errno.EINVAL
        super().__init__(
            code,
            _(
                "Could not save {path}: it is {kind}, and SerumDesk only "
                "replaces regular files. Nothing was written."
            ).format(path=path, kind=kind),
        )
        self.path = path
        self.kind = kind


def _explain(exc: OSError, path: Path) -> str:
    why = describe_os_error(exc, reading=False)
    return _("Could not save {path}: {why}. The previous version, if any, is unchanged.").format(
        path=path, why=why
    )


def _check_destination(path: Path, replace: bool) -> None:
    """Nothing at `path`, or a regular file SerumDesk may replace; else the error that says
    what is there."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    kind = kind_of(mode)
    if kind is None:
        if not replace:
            raise DestinationExists(path)
    else:
        raise NotARegularFile(path, kind, folder=stat.S_ISDIR(mode))


def _create_temp(path: Path, private: bool) -> tuple[int, Path]:
    """A new, empty temp file beside `path`, created with its final mode (umask applies)."""
    mode = 0o600 if private else 0o666
    for _attempt in range(100):
        tmp = path.parent / f".{path.name[:100]}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, _CREATE_FLAGS, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(path.parent))


def _commit(tmp: Path, path: Path, replace: bool) -> None:
    """Move the finished temp file to `path` under the rule (see the module docstring)."""
    if not replace:
        try:
            os.link(tmp, path)  # fails if anything took the name meanwhile: nothing clobbered
        except FileExistsError:
            _check_destination(path, replace)  # names what is there now
            raise DestinationExists(path) from None
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
        else:
            with contextlib.suppress(OSError):  # written and in place; a stray name is harmless
                tmp.unlink()
            return
    _check_destination(path, replace)
    tmp.replace(path)


@contextlib.contextmanager
def atomic_writer(path: Path, *, replace: bool, private: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file; on a clean exit it becomes `path` atomically, else it vanishes.

    Raises SaveError (DestinationExists, NotARegularFile) with a message for a person.
    """
    try:
        _check_destination(path, replace)
        fd, tmp = _create_temp(path, private)
    except SaveError:
        raise
    except OSError as exc:
        raise SaveError(exc.errno or 0, _explain(exc, path)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _commit(tmp, path, replace)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, SaveError):
            raise SaveError(exc.errno or 0, _explain(exc, path)) from exc
        raise
    _fsync_dir(path.parent)


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


def atomic_write_bytes(path: Path, data: bytes, *, replace: bool, private: bool = True) -> None:
    with atomic_writer(path, replace=replace, private=private) as handle:
        handle.write(data)
