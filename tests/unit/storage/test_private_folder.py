"""What every store of the person's files does with its folder (issue #19): a folder its
owner made read-only stays so and is said to be; temporary files of writes cut short are
cleaned, only SerumDesk's own."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest

from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.my_products import MyProduct
from serumdesk.storage.lock import private_folder_lock
from serumdesk.storage.private_folder import PrivateFolderStore
from serumdesk.storage.profile_types import ProfileError
from serumdesk.storage.profiles import ProfileStore
from serumdesk.storage.user_catalog import UserCatalogError, UserCatalogStore
from tests.hostile import make_fifo, mode_of

SERUM = MyProduct("", "Glow Lab", "Exo Ampoule", 89.0, 30.0, "Water, Glycerin", entered=dt.date(2026, 11, 2))


def _profiles(folder: Path) -> tuple[PrivateFolderStore, Callable[[], object]]:
    store = ProfileStore(folder)
    names = iter(range(100))
    return store, lambda: store.create(f"Mum {next(names)}", Answers())


def _serums(folder: Path) -> tuple[PrivateFolderStore, Callable[[], object]]:
    store = UserCatalogStore(folder)
    return store, lambda: store.add(SERUM)


STORES = {"profiles": _profiles, "your serums": _serums}


@pytest.mark.parametrize("make", STORES.values(), ids=list(STORES))
@pytest.mark.parametrize(("made", "kept"), [(0o500, 0o500), (0o555, 0o500), (0o550, 0o500), (0o400, 0o400)])
def test_a_read_only_folder_stays_read_only_and_is_said_to_be(
    tmp_path: Path,
    make: Callable[[Path], tuple[PrivateFolderStore, Callable[[], object]]],
    made: int,
    kept: int,
) -> None:
    folder = tmp_path / "store"
    _store, change = make(folder)
    change()  # a first change, while it is writable
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    folder.chmod(made)
    try:
        with pytest.raises((ProfileError, UserCatalogError), match="read-only"):
            change()
        assert mode_of(folder) == kept  # tightened (group and other off), never loosened
        after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
        assert after == before
        assert not any(p.is_dir() for p in folder.iterdir())  # no trash or backup folder made
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("make", STORES.values(), ids=list(STORES))
@pytest.mark.parametrize("made", [0o755, 0o711, 0o770, 0o777])
def test_a_writable_folder_that_is_too_open_is_tightened(
    tmp_path: Path, make: Callable[[Path], tuple[PrivateFolderStore, Callable[[], object]]], made: int
) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    folder.chmod(made)
    _store, change = make(folder)
    change()
    assert mode_of(folder) == 0o700


def test_nothing_is_made_inside_a_read_only_parent(tmp_path: Path) -> None:
    parent = tmp_path / "data"
    parent.mkdir(mode=0o500)
    try:
        with pytest.raises(ProfileError, match="read-only"):
            ProfileStore(parent / "profiles").create("Mum", Answers())
        assert list(parent.iterdir()) == []
        assert mode_of(parent) == 0o500
    finally:
        parent.chmod(0o700)


def _left_over(folder: Path, ours: list[str]) -> dict[str, Path]:
    """Temp files a SIGKILL left (ours), and things that only look like them."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    for name in ours:
        made[name] = folder / name
        made[name].write_bytes(b"x" * 4096)
    others = [
        ".notes.json.deadbeef.tmp",
        "catalog.json.deadbeef.tmp",
        ".catalog.json.tmp",
        ".catalog.json.DEADBEEF.tmp",
        ".catalog.json.deadbeef.tmp.keep",
        "mine.tmp",
    ]
    for name in others:
        made[name] = folder / name
        made[name].write_bytes(b"keep")
    outside = folder.parent / "outside.json"
    outside.write_bytes(b"keep")
    link = folder / ".catalog.json.0badcafe.tmp"
    link.symlink_to(outside)
    made[link.name] = link
    made[".price-list.json.12345678.tmp"] = make_fifo(folder / ".price-list.json.12345678.tmp")
    return made


def test_left_over_temp_files_of_your_serums_are_cleaned_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    ours = [".catalog.json.1a2b3c4d.tmp", ".my-products.json.00000000.tmp", ".price-list.json.ffffffff.tmp"]
    made = _left_over(folder, ours)
    UserCatalogStore(folder).clean_up()
    for name, path in made.items():
        assert path.is_symlink() or path.exists() != (name in ours), name
    assert (tmp_path / "outside.json").read_bytes() == b"keep"


def test_left_over_temp_files_of_profiles_are_cleaned(tmp_path: Path) -> None:
    folder = tmp_path / "profiles"
    ours = [f".{'a' * 32}.json.1a2b3c4d.tmp"]
    made = _left_over(folder, [*ours, ".last-used.json.1a2b3c4d.tmp"])
    ProfileStore(folder).clean_up()
    assert not made[ours[0]].exists()
    assert made[".last-used.json.1a2b3c4d.tmp"].exists()  # written without the lock: kept
    assert made[".notes.json.deadbeef.tmp"].exists()


def _hold_lock(
    folder: Path, ready: multiprocessing.synchronize.Event, done: multiprocessing.synchronize.Event
) -> None:
    with private_folder_lock(folder):
        ready.set()
        done.wait(60)


def test_temp_files_are_left_while_another_serumdesk_may_be_writing(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    made = _left_over(folder, [".catalog.json.1a2b3c4d.tmp"])
    context = multiprocessing.get_context("fork")
    ready, done = context.Event(), context.Event()
    holder = context.Process(target=_hold_lock, args=(folder, ready, done))
    holder.start()
    try:
        assert ready.wait(60)
        UserCatalogStore(folder).clean_up()  # the lock is busy: a write may be under way
        assert made[".catalog.json.1a2b3c4d.tmp"].exists()
    finally:
        done.set()
        holder.join(60)
    UserCatalogStore(folder).clean_up()
    assert not made[".catalog.json.1a2b3c4d.tmp"].exists()


def test_the_first_change_cleans_too(tmp_path: Path) -> None:
    """The command line cleans on its first change (the app at start)."""
    folder = tmp_path / "catalog"
    made = _left_over(folder, [".catalog.json.1a2b3c4d.tmp"])
    UserCatalogStore(folder).add(SERUM)
    assert not made[".catalog.json.1a2b3c4d.tmp"].exists()
    assert made[".notes.json.deadbeef.tmp"].exists()
