"""How SerumDesk reads a file, and how it words any file error: regular files only, bounded, never blocking.

`read_regular_file` is the one way in for catalogs, profiles and imports. It opens with
O_NONBLOCK and checks what it opened before reading, so a FIFO or a device under a
catalog's or a profile's name is refused at once instead of hanging the app (or, for a
device like /dev/zero, filling memory); it reads at most `limit` + 1 bytes.

`describe_os_error` words every OSError by what the person can do about it. The write
rule (atomic.py) and the profile store use it too.

Nothing here imports from SerumDesk, so the domain's catalog loading can use it without
a cycle.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from serumdesk.domain.figures import whole
from serumdesk.i18n import _

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1 << 20


class ReadError(OSError):
    """A file SerumDesk did not read; `reason` completes "Could not read X: …"."""

    def __init__(self, code: int, reason: str, path: Path, kind: str | None = None) -> None:
        super().__init__(code, reason, str(path))
        self.reason = reason
        self.kind = kind
        """What is there when it is not a regular file ("a named pipe (FIFO)"), else None."""

    def __str__(self) -> str:
        return self.reason


class FileTooLarge(ReadError):
    """More than the reader's limit; `limit` is that many bytes."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, _("it is larger than {limit} bytes").format(limit=whole(limit)), path)
        self.limit = limit


def kind_of(mode: int) -> str | None:
    """What a file is, in words ("a named pipe (FIFO)"), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISLNK(mode):
        return _("a symbolic link")
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def describe_os_error(exc: OSError, *, reading: bool | None = None) -> str:
    """Why a file operation failed, in plain words that say what to do ("the disk is full").

    `reading` picks the wording where it differs: True for reading, False for writing,
    None when the operation is not known.
    """
    if isinstance(exc, ReadError):  # worded where it was raised
        return exc.reason
    if isinstance(exc, ReadOnlyFolder):
        return str(exc.strerror)
    code = exc.errno or 0
    if code in (errno.EACCES, errno.EPERM):
        return {
            True: _("SerumDesk is not allowed to read it"),
            False: _("SerumDesk is not allowed to write there"),
            None: _("SerumDesk is not allowed to use it"),
        }[reading]
    if code == errno.ENOENT:
        return _("it does not exist") if reading else _("the folder does not exist")
    reasons = {
        errno.EISDIR: _("it is a folder, not a file"),
        errno.ENOTDIR: _("part of the path is a file, not a folder"),
        errno.ENAMETOOLONG: _("the file name is too long"),
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("the disk quota is used up"),
        errno.EROFS: _("the folder is on a read-only disk"),
        errno.ELOOP: _("the path is a symbolic link, or goes round a loop of them"),
        errno.ENXIO: _("it is a named pipe or device with nothing on the other end"),
        errno.EFBIG: _("the file is too large"),
        errno.EIO: _("the disk reported an error; check the disk or try another folder"),
        errno.EMFILE: _("too many files are open; close some programs and try again"),
        errno.ENFILE: _("too many files are open; close some programs and try again"),
        errno.EBUSY: _("it is in use by another program"),
        errno.ETXTBSY: _("it is in use by another program"),
        errno.EAGAIN: _("it is busy; try again in a moment"),
        errno.EINVAL: _("the file name is not allowed on this disk"),
        errno.EEXIST: _("it already exists"),
        errno.EXDEV: _("it is on another disk"),
    }
    if code in reasons:
        return reasons[code]
    detail = exc.strerror or exc.__class__.__name__
    return _("the system reported: {detail}").format(detail=detail[:1].lower() + detail[1:])


def _checked_open(path: Path) -> int:
    """An fd on `path`, refusing what is not a regular file before and after opening."""
    try:
        before = path.stat()  # a link to a regular file may be read; a device is not opened
    except OSError as exc:
        raise ReadError(exc.errno or 0, describe_os_error(exc, reading=True), path) from None
    kind = kind_of(before.st_mode)
    if kind is not None:
        code = errno.EISDIR if stat.S_ISDIR(before.st_mode) else errno.EINVAL
        raise ReadError(code, _("it is {kind}, not a regular file").format(kind=kind), path, kind)
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        raise ReadError(exc.errno or 0, describe_os_error(exc, reading=True), path) from None
    opened = os.fstat(fd)
    kind = kind_of(opened.st_mode)
    if kind is not None:  # swapped between the two looks
        os.close(fd)
        raise ReadError(errno.EINVAL, _("it is {kind}, not a regular file").format(kind=kind), path, kind)
    return fd


def regular_or_missing(path: Path, limit: int) -> bool:
    """Whether another reader (Qt's QSettings) may open `path`: nothing is there, or a
    regular file (not a link) of at most `limit` bytes. A FIFO there would block it forever,
    a device fill memory, and a link send its writes elsewhere."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= limit


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises ReadError (FileTooLarge past the limit) — never blocks on a FIFO or device.
    """
    fd = _checked_open(path)
    try:
        if os.fstat(fd).st_size > limit:
            raise FileTooLarge(path, limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except FileTooLarge:
        raise
    except OSError as exc:
        raise ReadError(exc.errno or 0, describe_os_error(exc, reading=True), path) from None
    finally:
        os.close(fd)
    if left <= 0:
        raise FileTooLarge(path, limit)
    return b"".join(chunks)


class ReadOnlyFolder(OSError):
    """A folder its owner made read-only: SerumDesk writes nothing there (even as root, whom
    the kernel would let) and leaves its mode as it is."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            errno.EACCES,
            _(
                "the folder is read-only (its owner may not write "
                "in it), and SerumDesk leaves it so; make it "
                "writable to save there"
            ),
            str(path),
        )


def private_dir(path: Path) -> Path:
    """Create `path` 0700 if missing, and return it. An existing folder is only ever
    tightened (group and other permissions taken off), never loosened: one its owner made
    read-only stays so, and ReadOnlyFolder says that nothing can be written there."""
    if not path.is_dir():
        existing = next((p for p in path.parents if p.is_dir()), None)
        if existing is not None and not existing.stat().st_mode & stat.S_IWUSR:
            raise ReadOnlyFolder(existing)  # root could create it there; its owner could not
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(mode & 0o700)
    if not mode & stat.S_IWUSR:
        raise ReadOnlyFolder(path)
    return path


def tighten_private_files(folders: Iterable[Path]) -> None:
    """Take group and other permissions off every regular file directly in `folders`.

    For files a person copied in, or an older SerumDesk wrote looser. Links, FIFOs and
    devices are left alone (never opened); a file that cannot be changed is skipped.
    """
    if not hasattr(os, "fchmod"):  # pragma: no cover - Windows has no group and other bits
        return
    flags = getattr(os, "O_NOFOLLOW", 0) | _READ_FLAGS
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if not stat.S_ISREG(info.st_mode) or not info.st_mode & 0o077:
                    continue
                fd = os.open(entry.path, flags)
                try:
                    now = os.fstat(fd)
                    if stat.S_ISREG(now.st_mode) and (now.st_dev, now.st_ino) == (info.st_dev, info.st_ino):
                        os.fchmod(fd, stat.S_IMODE(now.st_mode) & 0o700)
                finally:
                    os.close(fd)
