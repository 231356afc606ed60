"""Kernel file locks: the folder lock serialises writers; the instance guard spots a 2nd app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from serumdesk.storage.lock import InstanceGuard, LockTimeout, folder_lock
from serumdesk.storage.profile_types import ProfileError
from serumdesk.storage.profiles import ProfileStore


def test_folder_lock_excludes_a_second_holder(tmp_path: Path) -> None:
    path = tmp_path / ".lock"
    with folder_lock(path), pytest.raises(LockTimeout), folder_lock(path, timeout_s=0.05):
        pass
    with folder_lock(path, timeout_s=0.05):  # released on exit
        pass


def test_busy_store_says_so_and_changes_nothing(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles", lock_timeout_s=0.05)
    saved = store.create("Mum")
    with folder_lock(store.folder / ".lock"), pytest.raises(ProfileError, match="busy with your profiles"):
        store.save(saved.with_changes(notes="x"))
    assert store.get(saved.id) == saved


def test_instance_guard_second_holder_is_refused_until_release(tmp_path: Path) -> None:
    path = tmp_path / "instance.lock"
    first = InstanceGuard(path)
    second = InstanceGuard(path)
    assert first.acquired
    assert not second.acquired
    first.release()
    third = InstanceGuard(path)
    assert third.acquired
    third.release()


@pytest.mark.slow
def test_instance_guard_dies_with_its_process(tmp_path: Path) -> None:
    """A crashed app leaves no stale lock: the kernel drops it with the process."""
    path = tmp_path / "instance.lock"
    script = (
        "import sys, os; from pathlib import Path; from serumdesk.storage.lock import "
        "InstanceGuard; g = InstanceGuard(Path(sys.argv[1])); print(g.acquired, "
        "flush=True); os._exit(0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "True"
    guard = InstanceGuard(path)
    assert guard.acquired
    guard.release()


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_a_lock_file_that_is_not_a_file_is_refused_not_followed(tmp_path: Path, kind: str) -> None:
    from tests.hostile import finishes, make_fifo

    lock = tmp_path / ".lock"
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    if kind == "link":
        lock.symlink_to(victim)
    else:
        make_fifo(lock)

    def take() -> None:
        with folder_lock(lock, timeout_s=1):
            pass

    assert isinstance(finishes(take), OSError)
    assert victim.read_bytes() == b"precious"


def test_the_store_says_what_is_wrong_with_its_lock_file(tmp_path: Path) -> None:
    from tests.hostile import finishes, make_fifo

    store = ProfileStore(tmp_path / "profiles")
    store.folder.mkdir()
    make_fifo(store.folder / ".lock")
    outcome = finishes(lambda: store.create("Mum"))
    assert isinstance(outcome, ProfileError)
    assert str(outcome) == (
        f"Could not use the profiles folder {store.folder}: its lock file "
        ".lock is a named pipe (FIFO), not a regular file. Nothing was changed."
    )
