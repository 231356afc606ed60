"""Profiles from an older schema_version are upgraded, with the original backed up."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from serumdesk.domain.choices import Active, Caution, Diet, Procedure, Sensitivity, UseCase
from serumdesk.storage.migrations import (
    CURRENT_SCHEMA_VERSION,
    MIGRATIONS,
    MigrationError,
    NewerVersionError,
    migrate,
)
from serumdesk.storage.profiles import ProfileStore

V0_FIXTURE = Path(__file__).parent / "data" / "profile_v0.json"
V0_ID = "0123456789abcdef0123456789abcdef"


def test_every_older_version_has_an_upgrade() -> None:
    assert sorted(MIGRATIONS) == list(range(CURRENT_SCHEMA_VERSION))


def test_v0_fixture_is_upgraded_with_a_backup(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles")
    store.folder.mkdir()
    original = store.folder / f"{V0_ID}.json"
    shutil.copyfile(V0_FIXTURE, original)

    listing = store.listing()

    assert listing.problems == []
    [profile] = listing.profiles
    a = profile.answers
    # Values as written in the v0 fixture, mapped to today's fields.
    assert profile.id == V0_ID
    assert profile.name == "Mum after laser"
    assert a.use_case is UseCase.POST_PROCEDURE
    assert a.sensitivity is Sensitivity.HIGH
    assert a.diet is Diet.NO_HUMAN_DERIVED
    assert a.cautions == frozenset({Caution.FRAGRANCE_SENSITIVE})
    assert a.allergens == ("lanolin", "Linalool")
    assert a.actives == frozenset({Active.RETINOID, Active.VITAMIN_C})
    assert a.budget_usd_per_month == 90
    assert a.procedure is Procedure.LASER
    assert a.days_since_procedure == 3
    assert profile.overrides.for_product("eighth-day-regenerative-serum").price_usd == 250.0
    assert profile.compared_ids == ("eighth-day-regenerative-serum", "the-ordinary-multi-peptide-ha")
    assert profile.notes == "Dr Osei suggested something fragrance-free."
    assert profile.created == dt.datetime(2025, 3, 14, 9, 26, 53, tzinfo=dt.UTC)

    [backup] = store.backup_dir.iterdir()
    assert backup.name.startswith(f"{V0_ID}.v0.")
    assert backup.read_bytes() == V0_FIXTURE.read_bytes()
    assert f'"schema_version": {CURRENT_SCHEMA_VERSION}' in original.read_text("utf-8")
    assert profile.bottles == ()  # version 2 added them; a v0 file has none
    assert store.get(V0_ID) == profile  # the upgraded file reads back the same


def test_v0_import_is_upgraded(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles")
    imported = store.import_file(V0_FIXTURE)
    assert imported.answers.diet is Diet.NO_HUMAN_DERIVED
    assert store.find("mum after laser").id == imported.id


def test_newer_version_is_refused_with_a_reason() -> None:
    with pytest.raises(NewerVersionError, match="newer SerumDesk"):
        migrate({"schema_version": CURRENT_SCHEMA_VERSION + 1})


@pytest.mark.parametrize("version", ["1", -1, 1.5, True])
def test_odd_versions_are_errors(version: object) -> None:
    with pytest.raises(MigrationError, match="schema_version must be a whole number"):
        migrate({"schema_version": version})


def test_upgrade_that_cannot_be_backed_up_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No upgrade on disk without a backup; the profile still opens (upgraded in memory)."""
    import errno
    import os

    store = ProfileStore(tmp_path / "profiles")
    store.folder.mkdir()
    original = store.folder / f"{V0_ID}.json"
    shutil.copyfile(V0_FIXTURE, original)

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    listing = store.listing()
    monkeypatch.undo()
    assert listing.names == ["Mum after laser"]
    assert original.read_bytes() == V0_FIXTURE.read_bytes()


def test_v1_file_gains_an_empty_bottle_list_with_a_backup(tmp_path: Path) -> None:
    import json

    from serumdesk.domain.answers import Answers
    from serumdesk.storage.profile_model import profile_to_bytes
    from serumdesk.storage.profile_types import Profile

    store = ProfileStore(tmp_path / "profiles")
    store.folder.mkdir()
    doc = json.loads(profile_to_bytes(Profile("Mum", Answers(use_case=UseCase.HYDRATION), id=V0_ID)))
    del doc["bottles"], doc["my_products"]
    doc["schema_version"] = 1  # as SerumDesk 0.1 wrote it
    v1 = json.dumps(doc).encode()
    (store.folder / f"{V0_ID}.json").write_bytes(v1)

    [profile] = store.listing().profiles  # listing upgrades files on disk, as at start-up

    assert (profile.name, profile.answers.use_case, profile.bottles) == ("Mum", UseCase.HYDRATION, ())
    [backup] = store.backup_dir.iterdir()
    assert backup.name.startswith(f"{V0_ID}.v1.") and backup.read_bytes() == v1
    upgraded = json.loads((store.folder / f"{V0_ID}.json").read_bytes())
    assert upgraded["schema_version"] == CURRENT_SCHEMA_VERSION


def test_v2_file_gains_an_empty_list_of_carried_serums(tmp_path: Path) -> None:
    """Version 3 lets an export carry the person's own serums; a version 2 file has none."""
    import json

    from serumdesk.storage.profile_model import parse_profile, profile_to_bytes
    from serumdesk.storage.profile_types import Profile

    doc = json.loads(profile_to_bytes(Profile("Mum", compared_ids=("mine-a",), id=V0_ID)))
    del doc["my_products"]
    doc["schema_version"] = 2
    profile, version = parse_profile(json.dumps(doc).encode(), default_id=V0_ID)
    assert version == 2 and profile.carried == () and profile.compared_ids == ("mine-a",)


def test_version_3_pregnant_or_breastfeeding_becomes_both_answers() -> None:
    from serumdesk.domain.choices import Caution
    from serumdesk.storage.migrations import migrate

    old = {
        "schema_version": 3,
        "answers": {"cautions": ["pregnant-or-breastfeeding", "autoimmune"], "procedure": "laser"},
    }
    data, version = migrate(old)
    assert version == 3 and data["schema_version"] == 4
    assert set(data["answers"]["cautions"]) == {"pregnant", "breastfeeding", "autoimmune"}
    assert data["answers"]["laser_type"] is None
    assert {Caution(c) for c in data["answers"]["cautions"]} >= {Caution.BREASTFEEDING}
