"""The profile store: round trips, hostile names, privacy, corruption, trash, import/export."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.choices import Active, Caution, Diet, Procedure, Sensitivity, UseCase
from serumdesk.storage.migrations import CURRENT_SCHEMA_VERSION
from serumdesk.storage.paths import UserPaths
from serumdesk.storage.profile_types import (
    Profile,
    ProfileConflict,
    ProfileError,
    ProfileNameTaken,
    ProfileNotFound,
)
from serumdesk.storage.profiles import ProfileStore

ANSWERS = Answers(
    use_case=UseCase.POST_PROCEDURE,
    sensitivity=Sensitivity.HIGH,
    diet=Diet.VEGAN,
    cautions=frozenset({Caution.AUTOIMMUNE}),
    allergens=("lanolin", "linalool"),
    actives=frozenset({Active.RETINOID}),
    budget_usd_per_month=75.5,
    procedure=Procedure.MICRONEEDLING,
    days_since_procedure=2,
)
OVERRIDES = Overrides({"eighth-day-regenerative-serum": ProductOverride(price_usd=199.0, dose_ml=0.3)})


@pytest.fixture
def store(user_dirs: Path) -> ProfileStore:
    return ProfileStore(UserPaths.default().profiles_dir)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _files(store: ProfileStore) -> list[str]:
    return sorted(p.name for p in store.folder.glob("*.json") if p.name != "last-used.json")


def test_default_folder_is_under_serumdesk_data_dir(store: ProfileStore, user_dirs: Path) -> None:
    assert store.folder == user_dirs / "profiles"


def test_round_trip_keeps_everything(store: ProfileStore) -> None:
    saved = store.create("Mum", ANSWERS, OVERRIDES, ("symbiome-the-answer",), "notes ✓")
    fresh = ProfileStore(store.folder).find("mum")
    assert fresh == saved
    assert fresh.answers == ANSWERS
    assert fresh.overrides.for_product("eighth-day-regenerative-serum").price_usd == 199.0
    assert fresh.compared_ids == ("symbiome-the-answer",)
    assert fresh.notes == "notes ✓"
    assert fresh.created.tzinfo is not None


def test_file_holds_schema_version_and_id_named_file(store: ProfileStore) -> None:
    saved = store.create("Mum", ANSWERS)
    data = json.loads(store.path_for(saved.id).read_text("utf-8"))
    assert data["schema_version"] == CURRENT_SCHEMA_VERSION
    assert _files(store) == [f"{saved.id}.json"]
    assert len(saved.id) == 32


@pytest.mark.parametrize(
    "name",
    [
        "../../x",
        "/tmp/x",
        "con",
        "NUL.txt",
        "x" * 300,
        "🧴🧪 serum",
        "a/b\\c:d*e?f",
        ".",
        "..",
        "<b>bold</b>",
        "'; DROP TABLE profiles; --",
    ],
)
def test_hostile_names_are_harmless_and_round_trip(store: ProfileStore, name: str) -> None:
    saved = store.create(name)
    assert store.find(name).name == name
    assert _files(store) == [f"{saved.id}.json"]  # nothing written anywhere else
    assert sorted(p.name for p in store.folder.parent.iterdir()) == ["profiles"]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "needs a name"),
        ("   ", "needs a name"),
        ("a\nb", "control characters"),
        ("x" * 1001, "at most 1000"),
    ],
)
def test_unusable_names_are_refused_clearly(store: ProfileStore, name: str, why: str) -> None:
    with pytest.raises(ProfileError, match=why):
        store.create(name)
    assert _files(store) == []


def test_names_are_unique_regardless_of_case(store: ProfileStore) -> None:
    store.create("Mum")
    with pytest.raises(ProfileNameTaken, match="'MUM' already exists"):
        store.create("MUM")
    other = store.create("Dad")
    with pytest.raises(ProfileNameTaken):
        store.rename(other.id, "mum")
    assert store.find("dad").name == "Dad"


def test_unknown_name_lists_existing_names(store: ProfileStore) -> None:
    store.create("Mum")
    store.create("Dad")
    with pytest.raises(ProfileNotFound) as info:
        store.find("Gran")
    assert "'Gran'" in str(info.value)
    assert "'Dad', 'Mum'" in str(info.value)


def test_folder_is_0700_and_files_0600(store: ProfileStore, user_dirs: Path) -> None:
    os.umask(0o022)
    saved = store.create("Mum")
    store.delete(store.create("Dad").id)
    assert _mode(store.folder) == 0o700
    assert _mode(user_dirs) == 0o700
    assert _mode(store.trash_dir) == 0o700
    assert _mode(store.path_for(saved.id)) == 0o600
    assert all(_mode(p) == 0o600 for p in store.folder.rglob("*") if p.is_file())


def test_existing_loose_folder_is_tightened(store: ProfileStore) -> None:
    store.folder.mkdir(parents=True)
    store.folder.chmod(0o755)
    store.create("Mum")
    assert _mode(store.folder) == 0o700


def test_save_detects_another_windows_change(store: ProfileStore) -> None:
    mine = store.create("Mum", ANSWERS)
    theirs = store.save(mine.with_changes(notes="from the other window"))
    with pytest.raises(ProfileConflict, match="another SerumDesk window"):
        store.save(mine.with_changes(notes="mine"))
    assert store.get(mine.id).notes == theirs.notes  # their update was not lost
    assert store.save(theirs.with_changes(notes="next")).revision == theirs.revision + 1


def test_update_is_read_modify_write(store: ProfileStore) -> None:
    saved = store.create("Mum", notes="a")
    store.update(saved.id, lambda p: p.with_changes(notes=p.notes + "b"))
    store.update(saved.id, lambda p: p.with_changes(notes=p.notes + "c"))
    assert store.get(saved.id).notes == "abc"


def test_rename_and_duplicate(store: ProfileStore) -> None:
    saved = store.create("Mum", ANSWERS)
    renamed = store.rename(saved.id, "Mother")
    copy = store.duplicate(saved.id, "Mother copy")
    assert renamed.id == saved.id
    assert copy.id != saved.id
    assert copy.answers == ANSWERS
    assert store.listing().names == ["Mother", "Mother copy"]


def test_delete_goes_to_trash_and_restores(store: ProfileStore) -> None:
    saved = store.create("Mum", ANSWERS)
    where = store.delete(saved.id)
    assert where.parent == store.trash_dir
    assert store.listing().names == []
    assert [p.name for p in store.trash()] == ["Mum"]
    store.create("Mum")  # the name was reused meanwhile
    restored = store.restore(saved.id)
    assert restored.name == "Mum (2)"
    assert restored.answers == ANSWERS
    assert store.trash() == []


def test_corrupt_file_is_named_moved_aside_and_others_load(store: ProfileStore) -> None:
    good = store.create("Mum")
    bad = store.folder / ("ab" * 16 + ".json")
    bad.write_text('{"schema_version": 1, "name": "torn', "utf-8")
    edited = store.folder / ("cd" * 16 + ".json")
    data = json.loads(store.path_for(good.id).read_text("utf-8"))
    data["answers"]["diet"] = "carnivore"
    data["favourite_colour"] = "blue"
    edited.write_text(json.dumps(data), "utf-8")

    listing = store.listing()

    assert listing.names == ["Mum"]
    by_file = {p.file_name: p for p in listing.problems}
    assert set(by_file) == {bad.name, edited.name}
    assert "not valid JSON" in by_file[bad.name].reason
    assert "answers.diet" in by_file[edited.name].reason
    assert "favourite_colour" in by_file[edited.name].reason
    assert edited.name in by_file[edited.name].message
    for problem in listing.problems:
        assert problem.moved_to is not None
        assert problem.moved_to.parent == store.corrupt_dir
        assert problem.moved_to.exists()
    assert not bad.exists() and not edited.exists()
    assert store.listing().problems == []  # reported once, not on every start


def test_file_from_newer_version_is_reported_and_left_alone(store: ProfileStore) -> None:
    store.create("Mum")
    future = store.folder / ("ef" * 16 + ".json")
    future.write_text(json.dumps({"schema_version": 99, "name": "x"}), "utf-8")
    listing = store.listing()
    assert listing.names == ["Mum"]
    assert "newer SerumDesk" in listing.problems[0].reason
    assert listing.problems[0].moved_to is None
    assert future.exists()


def test_read_only_store_refuses_writes_but_reads(store: ProfileStore) -> None:
    saved = store.create("Mum")
    viewer = ProfileStore(store.folder, read_only=True)
    assert viewer.find("Mum") == saved
    with pytest.raises(ProfileError, match="read-only because another SerumDesk window"):
        viewer.save(saved)
    with pytest.raises(ProfileError, match="read-only"):
        viewer.delete(saved.id)
    assert store.get(saved.id) == saved


def test_last_used(store: ProfileStore) -> None:
    assert store.last_used() is None
    saved = store.create("Mum")
    store.set_last_used(saved.id)
    assert store.last_used() == saved
    store.delete(saved.id)
    assert store.last_used() is None


# --- full disk and read-only folders ------------------------------------------------------


def test_full_disk_gives_clear_message_and_loses_nothing(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = store.create("Mum", ANSWERS)
    before = store.path_for(saved.id).read_bytes()

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ProfileError, match="the disk is full") as info:
        store.save(saved.with_changes(notes="new"))
    assert "unchanged" in str(info.value)
    monkeypatch.undo()
    assert store.path_for(saved.id).read_bytes() == before
    assert _files(store) == [f"{saved.id}.json"]
    assert not any(p.name.endswith(".tmp") for p in store.folder.iterdir())


def test_full_disk_during_write_loses_nothing(store: ProfileStore, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = store.create("Mum", ANSWERS)
    before = store.path_for(saved.id).read_bytes()

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ProfileError, match="the disk is full"):
        store.create("Dad")
    with pytest.raises(ProfileError, match="the disk is full"):
        store.save(saved.with_changes(notes="new"))
    monkeypatch.undo()
    assert store.path_for(saved.id).read_bytes() == before
    assert store.listing().names == ["Mum"]


def test_read_only_folder_simulated(store: ProfileStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a chmod 0500 folder does for a non-root user; simulated so it also runs as root."""
    saved = store.create("Mum", ANSWERS)
    before = store.path_for(saved.id).read_bytes()
    real_open = os.open

    def read_only_open(path: str | os.PathLike[str], flags: int, *args: int, **kw: int) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", read_only_open)
    with pytest.raises(ProfileError, match="not allowed to write there"):
        store.save(saved.with_changes(notes="new"))
    assert store.listing().names == ["Mum"]  # still readable without the lock
    monkeypatch.undo()
    assert store.path_for(saved.id).read_bytes() == before


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root ignores folder permissions; test_read_only_folder_simulated covers the same case",
)
def test_read_only_folder_real(store: ProfileStore) -> None:  # pragma: no cover - non-root
    saved = store.create("Mum", ANSWERS)
    store.folder.chmod(0o500)
    try:
        with pytest.raises(ProfileError, match="not allowed"):
            store.save(saved.with_changes(notes="new"))
        assert store.listing().names == ["Mum"]
    finally:
        store.folder.chmod(0o700)
    assert store.get(saved.id) == saved


# --- export and import ----------------------------------------------------------------------


def test_export_import_round_trip(store: ProfileStore, tmp_path: Path) -> None:
    saved = store.create("Mum", ANSWERS, OVERRIDES, ("symbiome-the-answer",), "n")
    exported = tmp_path / "mum.serumdesk.json"
    store.export(saved.id, exported, replace=False)
    assert _mode(exported) == 0o600
    imported = store.import_file(exported)
    assert imported.id != saved.id
    assert imported.name == "Mum (2)"
    assert (imported.answers, imported.overrides, imported.compared_ids, imported.notes) == (
        ANSWERS,
        OVERRIDES,
        ("symbiome-the-answer",),
        "n",
    )
    assert store.path_for(saved.id).exists()  # an import never replaces a profile


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"schema_version": 1}', "name: required field is missing"),
        (b"__import__('os').system('touch /tmp/pwned')", "not valid JSON"),
        (b"[" * 90_000, "nested too deeply"),
        (b" " * (1024 * 1024 + 1), "larger than 1,048,576 bytes, the most a profile can be"),
    ],
)
def test_import_rejects_non_profiles_by_name(
    store: ProfileStore, tmp_path: Path, content: bytes, why: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    with pytest.raises(ProfileError) as info:
        store.import_file(source)
    assert "bad.json is not a SerumDesk profile" in str(info.value)
    assert why in str(info.value)
    assert _files(store) == []


def test_import_rejects_unknown_keys_and_missing_files(store: ProfileStore, tmp_path: Path) -> None:
    saved = store.create("Mum")
    data = json.loads(store.path_for(saved.id).read_text("utf-8"))
    data["__class__"] = "os.system"
    (tmp_path / "extra.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(ProfileError, match="__class__: unknown field"):
        store.import_file(tmp_path / "extra.json")
    with pytest.raises(ProfileError, match="does not exist"):
        store.import_file(tmp_path / "missing.json")
    with pytest.raises(ProfileError, match="is a folder"):
        store.import_file(tmp_path)


def test_plain_profile_object_is_cheap_to_build() -> None:
    profile = Profile(name="x")
    assert profile.revision == 0
    assert len(profile.id) == 32


def test_out_of_bounds_fields_are_refused_not_crashed(store: ProfileStore) -> None:
    saved = store.create("Mum", notes="short")
    with pytest.raises(ProfileError, match="notes: must be at most 100,000 characters"):
        store.save(saved.with_changes(notes="x" * 100_001))
    assert store.get(saved.id).notes == "short"


def test_pydantic_is_not_imported_until_a_file_is_read() -> None:
    """The GUI imports the store at start; pydantic's cost is paid on the first profile read."""
    import subprocess
    import sys

    code = "import sys, serumdesk.storage.profiles, serumdesk.cli.profile; print('pydantic' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "False"


def test_bottles_are_saved_and_read_back(store: ProfileStore) -> None:
    import datetime as dt

    from serumdesk.domain.bottles import Bottle
    from serumdesk.domain.choices import PatchResult

    bottles = (
        Bottle("symbiome-the-answer", opened=dt.date(2026, 11, 2), months_after_opening=6),
        Bottle("bioeffect-egf-serum", patch_started=dt.date(2026, 11, 20), patch_result=PatchResult.REACTION),
    )
    saved = store.save(store.create("Mum", ANSWERS).with_changes(bottles=bottles))
    assert store.get(saved.id).bottles == bottles
    data = json.loads(store.path_for(saved.id).read_text("utf-8"))
    assert data["bottles"][0] == {
        "product_id": "symbiome-the-answer",
        "opened": "2026-11-02",
        "months_after_opening": 6,
        "patch_started": None,
        "patch_result": "waiting",
    }


# --- issue #13: hostile files and names in the profiles folder ------------------------------


def test_looser_profile_files_are_tightened_when_the_store_is_used(store: ProfileStore) -> None:
    """Case 6: only the folder was tightened; 0644 files stayed 0644."""
    saved = store.create("Mum")
    trashed = store.delete(store.create("Dad").id)
    for path in (store.path_for(saved.id), trashed):
        path.chmod(0o644)
    fresh = ProfileStore(store.folder)
    assert fresh.listing().names == ["Mum"]
    assert _mode(store.path_for(saved.id)) == 0o600
    assert _mode(trashed) == 0o600


def test_a_fifo_named_like_a_profile_blocks_nothing(store: ProfileStore, tmp_path: Path) -> None:
    """Case 7: `mkfifo PROFILES/8888….json` made save and import block forever, holding the
    lock (and froze Save As in the app)."""
    from tests.hostile import finishes, make_fifo

    mum = store.create("Mum")
    fifo = make_fifo(store.folder / ("8" * 32 + ".json"))
    exported = tmp_path / "mum.json"
    store.export(mum.id, exported, replace=False)

    assert finishes(lambda: store.create("Dad")).name == "Dad"
    assert finishes(lambda: store.save(store.find("Mum"))).revision == 2
    assert finishes(lambda: store.import_file(exported)).name == "Mum (2)"
    listing = finishes(store.listing)
    assert listing.names == ["Dad", "Mum", "Mum (2)"]
    [problem] = listing.problems
    assert problem.file_name == fifo.name and "named pipe (FIFO)" in problem.reason
    assert problem.moved_to is None and fifo.exists()


def test_a_fifo_at_a_profiles_own_name_refuses_that_save_only(store: ProfileStore) -> None:
    from tests.hostile import finishes, make_fifo

    mum = store.create("Mum")
    store.path_for(mum.id).unlink()
    make_fifo(store.path_for(mum.id))
    outcome = finishes(lambda: store.save(mum))
    assert isinstance(outcome, ProfileError) and "named pipe" in str(outcome)
    assert stat.S_ISFIFO(store.path_for(mum.id).lstat().st_mode)


def test_a_link_at_a_profiles_name_is_not_written_through(store: ProfileStore, tmp_path: Path) -> None:
    mum = store.create("Mum")
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(store.path_for(mum.id).read_bytes())
    store.path_for(mum.id).unlink()
    store.path_for(mum.id).symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    with pytest.raises(ProfileError, match="it is a symbolic link"):
        store.save(store.get(mum.id))
    assert elsewhere.read_bytes() == before and store.path_for(mum.id).is_symlink()


def test_importing_a_file_one_may_not_read_says_read(
    store: ProfileStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Case 12: `profile import /etc/shadow` said "not allowed to write there" (simulated:
    root may read anything)."""
    secret = tmp_path / "shadow"
    secret.write_text("root:x:0:0", "utf-8")
    real_open = os.open

    def refuse(path: str, flags: int, *args: int) -> int:
        if Path(path) == secret:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ProfileError) as info:
        store.import_file(secret)
    assert str(info.value) == f"Could not read {secret}: SerumDesk is not allowed to read it."


def test_a_damaged_profile_is_reported_by_its_name(store: ProfileStore) -> None:
    """Case 13: reported by its random file id only."""
    store.create("Mum")
    torn = store.folder / ("ab" * 16 + ".json")
    torn.write_text('{"schema_version": 2, "name": "Bea \\u00e9", "answers": {"use_ca', "utf-8")
    hostile = store.folder / ("cd" * 16 + ".json")
    hostile.write_text('{"name": "Eve\\u001b]52;c;eA==\\u0007", "answers": 3}', "utf-8")
    problems = {p.file_name: p for p in store.listing().problems}
    assert problems[torn.name].name == "Bea é"
    assert problems[torn.name].message.startswith(
        f"Profile 'Bea é' could not be read (file {torn.name}): it is not valid JSON"
    )
    assert problems[hostile.name].name == "Eve"  # made plain before it is shown


def test_a_newer_profiles_name_is_listed_and_explains_the_clash(store: ProfileStore) -> None:
    """Case 13: a name held by a newer SerumDesk's profile was "already exists" with no trace."""
    newer = store.folder / ("ef" * 16 + ".json")
    store.folder.mkdir(parents=True)
    newer.write_text(json.dumps({"schema_version": 99, "name": "Bea"}), "utf-8")
    listing = store.listing()
    assert [(p.name, p.too_new) for p in listing.too_new] == [("Bea", True)]
    with pytest.raises(ProfileNameTaken, match="saved by a newer SerumDesk") as info:
        store.create("bea")
    assert info.value.too_new
    assert newer.exists()


def test_long_names_stay_unique(store: ProfileStore) -> None:
    store.create("n" * 300)
    with pytest.raises(ProfileNameTaken):
        store.create("N" * 300)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Mum\u202edaD", "text-direction controls"),
        ("a\u2067b", "text-direction controls"),
        ("\u200b\u200b", "visible"),
        ("\u200d", "visible"),
        ("\u0301\u0301", "visible"),
        ("Mu\u200bm", "invisible characters"),
        ("a\u2028b", "line breaks"),
        ("x\ud800", "invisible characters"),
    ],
)
def test_names_that_would_not_show_as_typed_are_refused(store: ProfileStore, name: str, why: str) -> None:
    """Case 14: U+202E showed a name reversed, zero-width-only names showed blank."""
    with pytest.raises(ProfileError, match=why):
        store.create(name)
    assert _files(store) == []


def test_notes_and_allergens_lose_escapes_on_the_way_in(store: ProfileStore) -> None:
    """Case 4: an allergen with an OSC 52 clipboard write was printed raw."""
    saved = store.create(
        "Mum",
        Answers(allergens=("nuts\x1b]52;c;eA==\x07", "\x1b[2J")),
        notes="line one\r\nline\x1b[31m two\u202e",
    )
    assert saved.answers.allergens == ("nuts",)
    assert saved.notes == "line one\nline two"
    assert store.get(saved.id) == saved


def test_a_profile_with_a_microscopic_dose_is_refused_by_name() -> None:
    """Case 10: a profile with dose_ml 1e-300 gave "Python int too large to convert to C int"."""
    from serumdesk.storage.profile_model import parse_profile, profile_to_bytes
    from serumdesk.storage.profile_types import ProfileDataError

    data = json.loads(profile_to_bytes(Profile(name="Bea")))
    data["overrides"] = {"p": {"dose_ml": 1e-300}}
    with pytest.raises(
        ProfileDataError,
        match="overrides.p.dose_ml: An amount per use must be "
        r"0 or between 0\.001 and 100 ml, not 1e-300$",
    ):
        parse_profile(json.dumps(data).encode(), default_id="0" * 32)


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1999-12-31", "3000-01-01"])
@pytest.mark.parametrize("field", ["opened", "patch_started"])
def test_an_import_with_an_impossible_bottle_date_is_refused_naming_it(
    store: ProfileStore, tmp_path: Path, day: str, field: str
) -> None:
    """Issue #19: every date is bounded where it is read (a bottle's from 2000 to a year
    from today), so nothing later counts months past the calendar's end."""
    saved = store.create("Mum", ANSWERS)
    exported = tmp_path / "mum.json"
    store.export(saved.id, exported, replace=False)
    data = json.loads(exported.read_text("utf-8"))
    data["bottles"] = [{"product_id": "bioeffect-egf-serum", field: day}]
    exported.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ProfileError, match=f"bottles.0.{field}: .*{day}"):
        store.import_file(exported)
    assert store.listing().names == ["Mum"]


def test_a_shared_profiles_text_is_made_plain_when_read(store: ProfileStore, tmp_path: Path) -> None:
    """Issue #19: what a file brings reaches widgets only as plain text."""
    from serumdesk.domain.strict.plain_text import DIRECTION_CONTROLS, is_unsafe

    saved = store.create("Mum", ANSWERS)
    exported = tmp_path / "mum.json"
    store.export(saved.id, exported, replace=False)
    data = json.loads(exported.read_text("utf-8"))
    data["notes"] = "after \u202elaser\x1b[31m\x1b]52;c;aGk=\x07 day\u200b 3"
    data["answers"]["allergens"] = ["lan\u202eolin", "\x1b[2J", "nuts\x07"]
    exported.write_text(json.dumps(data), "utf-8")
    imported = store.import_file(exported)
    texts = [imported.notes, *imported.answers.allergens]
    assert not any(is_unsafe(ch) or ch in DIRECTION_CONTROLS for text in texts for ch in text)
    assert imported.notes == "after laser day 3"
    assert imported.answers.allergens == ("lanolin", "nuts")
