"""Issue #13 through the command line, in-process: `catalog schema`, `profile export` and
catalog reading follow the file rules — modes, --force, never a non-regular file, no hang,
plain words. (The PDF sheet, which needs Qt, is checked the same way in tests/e2e.)"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.hostile import (
    NOT_REGULAR,
    deadline,
    make_fifo,
    make_hostile,
    mode_of,
    plain_failure,
    umask,
)

from .conftest import RunCli

WRITERS = [["catalog", "schema", "--output"], ["profile", "export", "Mum"]]


@pytest.fixture(autouse=True)
def saved_profile(run_cli: RunCli) -> None:
    result = run_cli("profile", "save", "Mum", "--caution", "pregnant-or-breastfeeding", "--allergen", "nuts")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("mask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_the_schema_follows_the_umask(run_cli: RunCli, tmp_path: Path, mask: int, mode: int) -> None:
    """Case 1: the schema was chmod'ed 644 after creation, whatever the umask said."""
    out = tmp_path / "schema.json"
    with umask(mask):
        assert run_cli("catalog", "schema", "--output", str(out)).returncode == 0
    assert mode_of(out) == mode
    assert json.loads(out.read_text("utf-8"))["title"] == "SerumDesk catalog"


def test_an_export_is_owner_only_whatever_the_umask(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "mum.json"
    with umask(0o000):
        assert run_cli("profile", "export", "Mum", str(out)).returncode == 0
    assert mode_of(out) == 0o600


@pytest.mark.parametrize("command", WRITERS)
def test_an_existing_file_needs_force(run_cli: RunCli, tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "mine.txt"
    out.write_bytes(b"my own file")
    plain_failure(run_cli(*command, str(out)), f"{out} already exists; add --force to replace it.")
    assert out.read_bytes() == b"my own file"
    assert run_cli(*command, str(out), "--force").returncode == 0
    assert out.read_bytes().startswith(b"{")


@pytest.mark.parametrize(("kind", "words"), NOT_REGULAR)
@pytest.mark.parametrize("command", WRITERS)
def test_a_non_regular_file_is_never_replaced_even_with_force(
    run_cli: RunCli, tmp_path: Path, kind: str, words: str, command: list[str]
) -> None:
    """Case 2: `profile export NAME PATH --force` made /dev/null a profile file and replaced
    FIFOs and symlinks."""
    target = make_hostile(kind, tmp_path / "target")
    before = target.lstat()
    with deadline():
        plain_failure(run_cli(*command, str(target), "--force"), words, "only replaces regular files")
    after = target.lstat()
    assert (stat.S_IFMT(after.st_mode), after.st_ino, after.st_rdev) == (
        stat.S_IFMT(before.st_mode),
        before.st_ino,
        before.st_rdev,
    )
    if kind == "link":
        assert (tmp_path / "victim.txt").read_bytes() == b"precious"


@pytest.mark.parametrize("command", WRITERS)
def test_a_folder_or_a_too_long_name_is_said_plainly(
    run_cli: RunCli, tmp_path: Path, command: list[str]
) -> None:
    """Case 11: EISDIR and ENAMETOOLONG gave "unexpected error … Please report this"."""
    plain_failure(run_cli(*command, str(tmp_path)), "it is a folder")
    plain_failure(run_cli(*command, str(tmp_path / ("x" * 300 + ".json"))), "the file name is too long")


def test_an_empty_file_name_is_a_usage_error(run_cli: RunCli) -> None:
    """Case 12: `profile export Mum ''` said ". already exists"."""
    for command in (
        ["profile", "export", "Mum", ""],
        ["sheet", "--output", ""],
        ["catalog", "schema", "--output", ""],
        ["catalog", "validate", ""],
        ["profile", "import", ""],
    ):
        result = run_cli(*command)
        assert result.returncode == 2, (command, result.stderr)
        assert "needs a file name, not an empty string" in result.stderr
        assert ". already exists" not in result.stderr


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("fifo", "it is a named pipe (FIFO), not a regular file"),
        ("device", "it is a device, not a regular file"),
    ],
)
def test_recommend_refuses_a_fifo_or_device_catalog_at_once(
    run_cli: RunCli, tmp_path: Path, kind: str, words: str
) -> None:
    catalog = make_hostile(kind, tmp_path / "catalog.json")
    with deadline():
        plain_failure(run_cli("recommend", "--catalog", str(catalog)), str(catalog), words)


def test_profile_list_reports_a_fifo_and_leaves_it(run_cli: RunCli, user_dirs: Path) -> None:
    fifo = make_fifo(user_dirs / "profiles" / ("8" * 32 + ".json"))
    with deadline():
        listed = run_cli("profile", "list")
    assert listed.returncode == 0
    assert f"Could not read profile file {fifo.name}: it is a named pipe (FIFO)" in listed.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
