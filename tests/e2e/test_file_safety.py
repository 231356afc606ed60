"""Issue #13 through the installed command, for what needs a real process: the PDF sheet
(written with Qt), and commands that must not hang on a FIFO or a device. The same rules for
the other commands are checked in-process in tests/unit/cli/test_file_safety.py.

Hostile files (FIFOs, device nodes, links) are made inside tmp_path only.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.hostile import NOT_REGULAR, make_fifo, make_hostile, mode_of, plain_failure, umask

from .conftest import Run

pytestmark = pytest.mark.slow

MEDICAL = ("--caution", "pregnant-or-breastfeeding", "--allergen", "nuts")


@pytest.mark.parametrize("mask", [0o077, 0o022, 0o000])
def test_the_sheet_is_owner_only_from_the_start_whatever_the_umask(
    run_serumdesk: Run, tmp_path: Path, mask: int
) -> None:
    """Case 1: `(umask 077; serumdesk sheet … --output s.pdf)` gave mode 644."""
    out = tmp_path / "s.pdf"
    with umask(mask):
        result = run_serumdesk("sheet", *MEDICAL, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert mode_of(out) == 0o600


def test_an_existing_sheet_needs_force(run_serumdesk: Run, tmp_path: Path) -> None:
    """Case 2: `sheet --output` replaced files with no question, and had no --force."""
    out = tmp_path / "mine.pdf"
    out.write_bytes(b"my own file")
    plain_failure(
        run_serumdesk("sheet", "--output", str(out)), f"{out} already exists; add --force to replace it."
    )
    assert out.read_bytes() == b"my own file"
    replaced = run_serumdesk("sheet", "--output", str(out), "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert len(PdfReader(out).pages) >= 1
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(("kind", "words"), NOT_REGULAR)
def test_the_sheet_never_replaces_a_non_regular_file_even_with_force(
    run_serumdesk: Run, tmp_path: Path, kind: str, words: str
) -> None:
    target = make_hostile(kind, tmp_path / "target.pdf")
    before = target.lstat()
    plain_failure(
        run_serumdesk("sheet", *MEDICAL, "--output", str(target), "--force"),
        words,
        "only replaces regular files",
    )
    after = target.lstat()
    assert (stat.S_IFMT(after.st_mode), after.st_ino, after.st_rdev) == (
        stat.S_IFMT(before.st_mode),
        before.st_ino,
        before.st_rdev,
    )
    if kind == "link":
        assert (tmp_path / "victim.txt").read_bytes() == b"precious"


def test_a_too_long_sheet_name_is_said_plainly(run_serumdesk: Run, tmp_path: Path) -> None:
    """Case 11: a 300-character name gave "unexpected error … Please report this"."""
    plain_failure(
        run_serumdesk("sheet", "--output", str(tmp_path / ("x" * 300 + ".pdf"))), "the file name is too long"
    )


@pytest.mark.parametrize("command", [["catalog", "validate"], ["sheet", "--output", "x.pdf", "--catalog"]])
@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("fifo", "it is a named pipe (FIFO), not a regular file"),
        ("device", "it is a device, not a regular file"),
    ],
)
def test_a_catalog_that_is_a_fifo_or_a_device_is_refused_at_once(
    run_serumdesk: Run, tmp_path: Path, command: list[str], kind: str, words: str
) -> None:
    """Case 8: these hung on a FIFO; /dev/zero grew memory to 1.3 GB, then MemoryError."""
    catalog = make_hostile(kind, tmp_path / "catalog.json")
    plain_failure(run_serumdesk(*command, str(catalog)), str(catalog), words)


def test_a_fifo_named_like_a_profile_blocks_no_command(
    run_serumdesk: Run, user_dirs: Path, tmp_path: Path
) -> None:
    """Case 7: `profile save` and `profile import` blocked forever holding the lock."""
    assert run_serumdesk("profile", "save", "Mum").returncode == 0
    fifo = make_fifo(user_dirs / "profiles" / ("8" * 32 + ".json"))
    saved = run_serumdesk("profile", "save", "Dad", "--diet", "vegan")
    assert saved.returncode == 0, saved.stderr
    exported = tmp_path / "dad.json"
    assert run_serumdesk("profile", "export", "Dad", str(exported)).returncode == 0
    imported = run_serumdesk("profile", "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert "Imported profile 'Dad (2)'" in imported.stdout
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # reported by `profile list`, left in place
