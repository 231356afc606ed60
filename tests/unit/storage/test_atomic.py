"""The write rule: atomic, never through a non-regular file, never over a file unasked,
health files owner-only from the start — and every failure leaves the old file intact."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from serumdesk.storage.atomic import (
    DestinationExists,
    NotARegularFile,
    SaveError,
    atomic_write_bytes,
    atomic_writer,
)
from tests.hostile import (
    finishes,
    listening_socket,
    make_fifo,
    make_zero_device,
    mode_of,
    umask,
)

OLD = b'{"old": true}\n'


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "profile.json"
    path.parent.mkdir()
    path.write_bytes(OLD)
    return path


def _leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def test_replaces_content_owner_only(target: Path) -> None:
    atomic_write_bytes(target, b"new", replace=True)
    assert target.read_bytes() == b"new"
    assert mode_of(target) == 0o600
    assert _leftovers(target) == []


def test_failed_open_keeps_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder SerumDesk may not write to (simulated: root ignores permissions)."""
    real_open = os.open

    def refuse(path: str, flags: int, *args: int, **kw: int) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SaveError, match="not allowed to write there"):
        atomic_write_bytes(target, b"new", replace=True)
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_exception_mid_write_keeps_old_file(target: Path) -> None:
    with pytest.raises(RuntimeError, match="boom"), atomic_writer(target, replace=True) as handle:
        handle.write(b'{"half": ')
        raise RuntimeError("boom")
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_disk_full_during_write_keeps_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"new", replace=True)
    assert "the disk is full" in str(info.value)
    assert "unchanged" in str(info.value)
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_failed_commit_keeps_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_rename(_src: object, _dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(SaveError, match="read-only disk"):
        atomic_write_bytes(target, b"new", replace=True)
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_missing_folder_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="folder does not exist"):
        atomic_write_bytes(tmp_path / "nope" / "x.json", b"x", replace=False)


def test_new_file_appears_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    path = tmp_path / "empty" / "fresh.json"

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "full")

    monkeypatch.setattr(os, "link", full)
    with pytest.raises(SaveError, match="disk is full"):
        atomic_write_bytes(path, b"x", replace=False)
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


# --- never replace an existing file unless asked (issue #13, case 2) -------------------------


def test_an_existing_file_is_kept_unless_replacing_was_asked(target: Path) -> None:
    with pytest.raises(DestinationExists, match="already exists; nothing was written"):
        atomic_write_bytes(target, b"new", replace=False)
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_a_file_that_appears_while_writing_is_not_clobbered(folder: Path) -> None:
    path = folder / "sheet.pdf"
    with pytest.raises(DestinationExists), atomic_writer(path, replace=False) as handle:
        handle.write(b"mine")
        path.write_bytes(b"someone else's")  # taken between the check and the commit
    assert path.read_bytes() == b"someone else's"
    assert sorted(p.name for p in folder.iterdir()) == ["sheet.pdf"]


def test_without_hard_links_the_rule_still_holds(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT and some network disks cannot link: the new file is renamed into place instead."""

    def no_links(*_a: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    fresh = folder / "fresh.json"
    atomic_write_bytes(fresh, b"new", replace=False)
    assert fresh.read_bytes() == b"new"
    with pytest.raises(DestinationExists):
        atomic_write_bytes(fresh, b"newer", replace=False)
    assert fresh.read_bytes() == b"new"
    assert sorted(p.name for p in folder.iterdir()) == ["fresh.json"]


# --- never follow or replace a non-regular file, even when asked (case 2) --------------------


@pytest.mark.parametrize("replace", [False, True])
def test_a_symlink_is_never_followed_nor_replaced(folder: Path, replace: bool) -> None:
    victim = folder / "victim.txt"
    victim.write_bytes(b"precious")
    link = folder / "out.json"
    link.symlink_to(victim)
    with pytest.raises(NotARegularFile, match="it is a symbolic link"):
        atomic_write_bytes(link, b"profile", replace=replace)
    assert link.is_symlink() and link.readlink() == victim
    assert victim.read_bytes() == b"precious"
    assert sorted(p.name for p in folder.iterdir()) == ["out.json", "victim.txt"]


@pytest.mark.parametrize("replace", [False, True])
def test_a_fifo_is_never_written_nor_replaced(folder: Path, replace: bool) -> None:
    fifo = make_fifo(folder / "out.pdf")
    outcome = finishes(lambda: atomic_write_bytes(fifo, b"%PDF", replace=replace))
    assert isinstance(outcome, NotARegularFile) and "named pipe (FIFO)" in str(outcome)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_device_is_never_replaced(folder: Path) -> None:
    device = make_zero_device(folder / "zero")
    with pytest.raises(NotARegularFile, match="it is a device"):
        atomic_write_bytes(device, b"{}", replace=True)
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert device.lstat().st_rdev == os.makedev(1, 5)


def test_a_socket_is_never_replaced(folder: Path) -> None:
    with listening_socket(folder / "s") as path:
        with pytest.raises(NotARegularFile, match="it is a socket"):
            atomic_write_bytes(path, b"{}", replace=True)
        assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_folder_is_never_replaced(folder: Path) -> None:
    folder = folder / "out.pdf"
    folder.mkdir()
    (folder / "keep").write_bytes(b"x")
    with pytest.raises(NotARegularFile, match="it is a folder"):
        atomic_write_bytes(folder, b"%PDF", replace=True)
    assert (folder / "keep").read_bytes() == b"x"


def test_a_too_long_name_is_said_plainly(folder: Path) -> None:
    with pytest.raises(SaveError, match="the file name is too long"):
        atomic_write_bytes(folder / ("x" * 300 + ".pdf"), b"%PDF", replace=False)


# --- modes: health files 0600 from the start, others follow the umask (case 1) ---------------


@pytest.mark.parametrize("mask", [0o000, 0o022, 0o077])
def test_private_files_are_owner_only_whatever_the_umask(folder: Path, mask: int) -> None:
    with umask(mask):
        atomic_write_bytes(folder / "a.pdf", b"%PDF", replace=False)
    assert mode_of(folder / "a.pdf") == 0o600


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_other_files_follow_the_umask(folder: Path, mask: int, mode: int) -> None:
    with umask(mask):
        atomic_write_bytes(folder / "schema.json", b"{}", replace=False, private=False)
    assert mode_of(folder / "schema.json") == mode


def test_a_private_file_is_never_readable_by_others_while_written(folder: Path) -> None:
    path = folder / "sheet.pdf"
    with umask(0o000), atomic_writer(path, replace=False) as handle:
        handle.write(b"%PDF")
        [tmp] = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        assert mode_of(tmp) == 0o600
    assert mode_of(path) == 0o600
