"""The read rule (regular files only, bounded, never blocking), file errors in plain words,
and tightening looser files in a private folder."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from serumdesk.storage.files import (
    FileTooLarge,
    ReadError,
    describe_os_error,
    read_regular_file,
    tighten_private_files,
)
from tests.hostile import finishes, make_fifo, make_zero_device, mode_of


def test_reads_a_regular_file_up_to_its_limit(folder: Path) -> None:
    path = folder / "a.json"
    path.write_bytes(b"x" * 10)
    assert read_regular_file(path, 10) == b"x" * 10
    with pytest.raises(FileTooLarge, match="larger than 9 bytes") as info:
        read_regular_file(path, 9)
    assert info.value.limit == 9


def test_a_file_growing_past_its_reported_size_is_still_cut_off(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/proc files and devices report size 0: the reader stops at limit + 1 bytes."""
    path = folder / "a.json"
    path.write_bytes(b"y" * 100)
    real_fstat = os.fstat

    def zero_size(fd: int) -> os.stat_result:
        real = real_fstat(fd)
        return os.stat_result(
            (real.st_mode, real.st_ino, real.st_dev, real.st_nlink, real.st_uid, real.st_gid, 0, 0, 0, 0)
        )

    monkeypatch.setattr(os, "fstat", zero_size)
    reads: list[int] = []
    real_read = os.read

    def counting_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(FileTooLarge):
        read_regular_file(path, 10)
    assert sum(reads) <= 11


def test_a_fifo_is_refused_at_once(folder: Path) -> None:
    """Issue #13, case 8: `catalog validate fifo.json` hung."""
    fifo = make_fifo(folder / "catalog.json")
    outcome = finishes(lambda: read_regular_file(fifo, 1000))
    assert isinstance(outcome, ReadError)
    assert str(outcome) == "it is a named pipe (FIFO), not a regular file"


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_without_blocking(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "p.json"
    path.write_bytes(b"{}")
    real_open = os.open

    def swap_then_open(name: str, flags: int, *args: int) -> int:
        Path(name).unlink()
        os.mkfifo(name)
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", swap_then_open)
    outcome = finishes(lambda: read_regular_file(path, 1000))
    assert isinstance(outcome, ReadError) and "named pipe" in str(outcome)


def test_a_device_like_dev_zero_is_refused_without_reading(folder: Path) -> None:
    """Case 8: `catalog validate /dev/zero` grew memory without limit."""
    device = make_zero_device(folder / "zero")
    outcome = finishes(lambda: read_regular_file(device, 1000))
    assert isinstance(outcome, ReadError) and str(outcome) == "it is a device, not a regular file"


def test_links_to_regular_files_are_read_and_links_to_fifos_are_not(folder: Path) -> None:
    real = folder / "real.json"
    real.write_bytes(b"{}")
    (folder / "link.json").symlink_to(real)
    assert read_regular_file(folder / "link.json", 10) == b"{}"
    fifo = make_fifo(folder / "pipe")
    (folder / "pipe-link.json").symlink_to(fifo)
    outcome = finishes(lambda: read_regular_file(folder / "pipe-link.json", 10))
    assert isinstance(outcome, ReadError) and "named pipe" in str(outcome)


def test_a_folder_and_a_missing_file_are_said_plainly(folder: Path) -> None:
    with pytest.raises(ReadError, match="it is a folder, not a regular file"):
        read_regular_file(folder, 10)
    with pytest.raises(ReadError, match=r"^it does not exist$"):
        read_regular_file(folder / "nope.json", 10)


def test_a_file_one_may_not_read_says_read_not_write(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Case 12: `profile import /etc/shadow` said "not allowed to write there" (simulated,
    as root may read anything)."""
    path = folder / "shadow"
    path.write_bytes(b"x")

    def refuse(name: str, *_a: int) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", name)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ReadError) as info:
        read_regular_file(path, 10)
    assert str(info.value) == "SerumDesk is not allowed to read it"
    assert info.value.errno == errno.EACCES


@pytest.mark.parametrize(
    ("code", "reading", "words"),
    [
        (errno.EACCES, True, "not allowed to read it"),
        (errno.EACCES, False, "not allowed to write there"),
        (errno.EPERM, False, "not allowed to write there"),
        (errno.ENOENT, True, "it does not exist"),
        (errno.ENOENT, False, "the folder does not exist"),
        (errno.EISDIR, False, "it is a folder"),
        (errno.ENOTDIR, True, "part of the path is a file, not a folder"),
        (errno.ENAMETOOLONG, False, "the file name is too long"),
        (errno.ENOSPC, False, "the disk is full"),
        (errno.EDQUOT, False, "the disk quota is used up"),
        (errno.EROFS, False, "read-only disk"),
        (errno.ELOOP, True, "symbolic link"),
        (errno.ENXIO, False, "named pipe or device with nothing on the other end"),
        (errno.EMFILE, True, "close some programs"),
        (errno.EIO, True, "the disk reported an error"),
    ],
)
def test_os_errors_are_worded_by_what_to_do(code: int, reading: bool, words: str) -> None:
    assert words in describe_os_error(OSError(code, os.strerror(code)), reading=reading)


def test_an_unlisted_error_still_reads_as_words() -> None:
    text = describe_os_error(OSError(errno.ECONNRESET, "Connection reset by peer"))
    assert text == "the system reported: connection reset by peer"


# --- tightening files in a private folder (issue #13, case 6) ---------------------------------


def test_looser_files_are_tightened_and_nothing_else_is_touched(folder: Path, tmp_path: Path) -> None:
    for name, mode in (("a.json", 0o644), ("b.json", 0o640), ("c.json", 0o400), ("d.json", 0o600)):
        (folder / name).write_bytes(b"{}")
        (folder / name).chmod(mode)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"x")
    outside.chmod(0o644)
    (folder / "e.json").symlink_to(outside)
    fifo = make_fifo(folder / "f.json")
    fifo.chmod(0o644)

    finishes(lambda: tighten_private_files([folder, folder / "missing"]))

    assert [mode_of(folder / n) for n in ("a.json", "b.json", "c.json", "d.json")] == [
        0o600,
        0o600,
        0o400,
        0o600,
    ]
    assert mode_of(outside) == 0o644  # a link is not followed
    assert mode_of(fifo) == 0o644  # a FIFO is not opened
