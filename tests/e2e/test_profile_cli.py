"""`serumdesk profile ...` and `recommend --profile` through the installed command."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from .conftest import Run

pytestmark = pytest.mark.slow

HUMAN_DERIVED = {
    "skinmedica-tns-advanced-plus",
    "neocutis-bio-serum-firm",
    "angela-caglia-cell-forte",
    "symbiome-the-answer",
}


def _excluded(result_stdout: str) -> set[str]:
    return {e["id"] for e in json.loads(result_stdout)["excluded"]}


def test_round_trip_through_the_cli(run_serumdesk: Run, tmp_path: Path, user_dirs: Path) -> None:
    saved = run_serumdesk(
        "profile",
        "save",
        "Mum",
        "--diet",
        "vegan",
        "--use-case",
        "post-procedure",
        "--allergen",
        "lanolin",
        "--budget",
        "80",
        "--notes",
        "after laser",
    )
    assert saved.returncode == 0, saved.stderr
    assert "Saved new profile 'Mum'" in saved.stdout

    listed = run_serumdesk("profile", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    [entry] = json.loads(listed.stdout)
    assert (entry["name"], entry["use_case"]) == ("Mum", "post-procedure")
    profile_file = user_dirs / "profiles" / f"{entry['id']}.json"
    assert stat.S_IMODE(profile_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(profile_file.parent.stat().st_mode) == 0o700

    shown = json.loads(run_serumdesk("profile", "show", "mum", "--json").stdout)
    assert shown["answers"]["diet"] == "vegan"
    assert shown["answers"]["allergens"] == ["lanolin"]
    assert shown["answers"]["budget_usd_per_month"] == 80
    assert shown["notes"] == "after laser"
    text = run_serumdesk("profile", "show", "Mum").stdout
    assert "Vegan" in text and "lanolin" in text and "$80.00 a month" in text

    # Updating keeps what is not given again.
    run_serumdesk("profile", "save", "Mum", "--sensitivity", "high")
    shown = json.loads(run_serumdesk("profile", "show", "Mum", "--json").stdout)
    assert (shown["answers"]["diet"], shown["answers"]["sensitivity"]) == ("vegan", "high")

    # The guide: a vegan preference excludes every human-derived serum.
    with_profile = run_serumdesk("recommend", "--profile", "Mum", "--json")
    assert with_profile.returncode == 0, with_profile.stderr
    assert _excluded(with_profile.stdout) >= HUMAN_DERIVED
    assert not _excluded(run_serumdesk("recommend", "--json").stdout) & HUMAN_DERIVED

    exported = tmp_path / "mum.json"
    assert run_serumdesk("profile", "export", "Mum", str(exported)).returncode == 0
    assert json.loads(exported.read_text("utf-8"))["answers"]["diet"] == "vegan"
    again = run_serumdesk("profile", "export", "Mum", str(exported))
    assert again.returncode == 1 and "--force" in again.stderr

    deleted = run_serumdesk("profile", "delete", "Mum")
    assert deleted.returncode == 0, deleted.stderr
    assert "trash" in deleted.stdout
    assert json.loads(run_serumdesk("profile", "list", "--json").stdout) == []

    imported = run_serumdesk("profile", "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert "Imported profile 'Mum'" in imported.stdout
    restored = run_serumdesk("profile", "restore", "Mum")
    assert restored.returncode == 0, restored.stderr
    assert "Restored profile 'Mum (2)'" in restored.stdout
    names = [p["name"] for p in json.loads(run_serumdesk("profile", "list", "--json").stdout)]
    assert names == ["Mum", "Mum (2)"]


def test_unknown_profile_lists_existing_names(run_serumdesk: Run) -> None:
    run_serumdesk("profile", "save", "Mum")
    run_serumdesk("profile", "save", "Dad")
    for args in (
        ["recommend", "--profile", "Gran"],
        ["profile", "show", "Gran"],
        ["profile", "delete", "Gran"],
        ["profile", "export", "Gran", "x.json"],
    ):
        result = run_serumdesk(*args)
        assert result.returncode == 1, args
        assert "no profile named 'Gran'" in result.stderr
        assert "'Dad', 'Mum'" in result.stderr


@pytest.mark.parametrize("name", ["../../x", "/tmp/x", "con", "🧴" * 300])
def test_hostile_names_round_trip(run_serumdesk: Run, user_dirs: Path, name: str) -> None:
    assert run_serumdesk("profile", "save", name, "--diet", "vegan").returncode == 0
    assert json.loads(run_serumdesk("profile", "show", name, "--json").stdout)["name"] == name
    [path] = (user_dirs / "profiles").glob("*.json")
    assert len(path.stem) == 32
    assert run_serumdesk("profile", "delete", name).returncode == 0


def test_bad_files_are_reported_not_fatal(run_serumdesk: Run, user_dirs: Path, tmp_path: Path) -> None:
    run_serumdesk("profile", "save", "Mum")
    bad = user_dirs / "profiles" / ("a" * 32 + ".json")
    bad.write_text("{not json", "utf-8")
    listed = run_serumdesk("profile", "list")
    assert listed.returncode == 0
    assert listed.stdout.startswith("Mum\t")
    assert f"{bad.name}: it is not valid JSON" in listed.stderr
    assert "moved to" in listed.stderr and "corrupt" in listed.stderr

    hostile = tmp_path / "evil.json"
    hostile.write_text('{"schema_version": 1, "name": "x", "__init__": "import os"}', "utf-8")
    result = run_serumdesk("profile", "import", str(hostile))
    assert result.returncode == 1
    assert "evil.json is not a SerumDesk profile" in result.stderr


def test_list_when_empty_says_how_to_start(run_serumdesk: Run) -> None:
    result = run_serumdesk("profile", "list")
    assert result.returncode == 0
    assert "No profiles saved yet" in result.stdout


def test_show_lists_the_bottles(run_serumdesk: Run, user_dirs: Path) -> None:
    import datetime as dt

    from serumdesk.domain.bottles import Bottle
    from serumdesk.domain.choices import PatchResult
    from serumdesk.storage.profiles import ProfileStore

    store = ProfileStore(user_dirs / "profiles")
    store.save(
        store.create("Mum").with_changes(
            bottles=(
                Bottle(
                    "symbiome-the-answer",
                    opened=dt.date(2026, 11, 2),
                    months_after_opening=6,
                    patch_started=dt.date(2026, 10, 30),
                    patch_result=PatchResult.NO_REACTION,
                ),
            )
        )
    )
    text = run_serumdesk("profile", "show", "Mum").stdout
    assert (
        "Bottle of symbiome-the-answer: patch test put on 30 October 2026 (no reaction); "
        "opened 2 November 2026; keeps 6 months after opening"
    ) in text
