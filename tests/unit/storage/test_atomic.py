"""atomic_writer: every failure leaves the old file intact and no temp file behind."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from serumdesk.storage.atomic import SaveError, atomic_write_bytes, atomic_writer

OLD = b'{"old": true}\n'


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "profile.json"
    path.parent.mkdir()
    path.write_bytes(OLD)
    return path


def _leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def test_replaces_content_and_sets_mode(target: Path) -> None:
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _leftovers(target) == []


def test_failed_open_keeps_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_a: object, **_k: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError, match="not allowed to write there"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_exception_mid_write_keeps_old_file(target: Path) -> None:
    with pytest.raises(RuntimeError, match="boom"), atomic_writer(target) as handle:
        handle.write(b'{"half": ')
        raise RuntimeError("boom")
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_disk_full_during_write_keeps_old_file(
        target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SaveError) as info:
        atomic_write_bytes(target, b"new")
    assert "the disk is full" in str(info.value)
    assert "unchanged" in str(info.value)
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_failed_commit_keeps_old_file(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_rename(_src: object, _dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(SaveError, match="read-only disk"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == OLD
    assert _leftovers(target) == []


def test_missing_folder_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="does not exist"):
        atomic_write_bytes(tmp_path / "nope" / "x.json", b"x")


def test_new_file_appears_whole_or_not_at_all(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    path = tmp_path / "empty" / "fresh.json"
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "full")))
    with pytest.raises(SaveError):
        atomic_write_bytes(path, b"x")
    assert not path.exists()
    assert list(path.parent.iterdir()) == []
