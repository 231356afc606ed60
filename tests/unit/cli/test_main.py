"""The command line in-process: every OSError in plain words, never "unexpected error" (#13)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from serumdesk.cli.main import main


def _refuse_creating(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """What a folder one may not write to does for a non-root user (root ignores modes)."""
    real_open = os.open

    def refuse(path: str, flags: int, *args: int) -> int:
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refuse)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "SerumDesk is not allowed to write there"),
        (errno.EROFS, "the folder is on a read-only disk"),
        (errno.ENOSPC, "the disk is full"),
    ],
)
def test_schema_into_a_folder_one_may_not_write_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: int, words: str
) -> None:
    _refuse_creating(monkeypatch, code)
    out = tmp_path / "schema.json"
    assert main(["catalog", "schema", "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert err == f"serumdesk: Could not save {out}: {words}. The previous version, if any, is unchanged.\n"
    assert not out.exists()


def test_export_into_a_folder_one_may_not_write_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", "save", "Mum"]) == 0
    _refuse_creating(monkeypatch, errno.EACCES)
    assert main(["profile", "export", "Mum", str(tmp_path / "mum.json")]) == 1
    err = capsys.readouterr().err
    assert "not allowed to write there" in err and "unexpected" not in err


def test_an_os_error_no_command_words_is_still_plain(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from serumdesk.storage.profiles import ProfileStore

    def broken_disk(_store: ProfileStore) -> None:
        raise OSError(errno.EIO, "Input/output error", "/somewhere/profiles")

    monkeypatch.setattr(ProfileStore, "listing", broken_disk)
    assert main(["profile", "list"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "serumdesk: /somewhere/profiles: the disk reported an error; check the disk "
        "or try another folder. Nothing was changed.\n"
    )


def test_json_output_is_strict_even_with_odd_catalog_text(
    tmp_path: Path, catalog_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    data = json.loads(catalog_path.read_text("utf-8"))
    data["products"][0]["brand"] = "Odd\x7f\x85\u2028Brand\U000e0041"
    hostile = tmp_path / "c.json"
    hostile.write_text(json.dumps(data), "utf-8")
    assert main(["recommend", "--json", "--catalog", str(hostile)]) == 0
    text = capsys.readouterr().out

    def refuse(name: str) -> object:
        raise AssertionError(name)

    brands = {m["brand"] for m in json.loads(text, parse_constant=refuse)["recommended"]}
    assert "Odd\n\nBrand" in brands  # cleaned where the catalog was read (issue #19)
    assert not any(ch in text for ch in "\x7f\x85\u2028\U000e0041")


@pytest.mark.parametrize(
    ("procedure", "words"),
    [
        ("peel", "not chemical peels: your provider's post-care instructions come first"),
        ("microneedling", "written for microneedling and fractional laser; your provider's"),
    ],
)
def test_the_procedure_can_be_named_as_in_the_wizard(procedure: str, words: str) -> None:
    """A careful reader two days after a peel: the guide's recovery routine is written for
    microneedling and laser, and the command line can now say which treatment it was."""
    from tests.in_process import run_main

    result = run_main(
        [
            "recommend",
            "--use-case",
            "post-procedure",
            "--procedure",
            procedure,
            "--days-since-procedure",
            "2",
            "--allergen",
            "vitamin B3",
        ]
    )
    assert result.returncode == 0, result.stderr
    assert words in result.stdout
    # Each reason a product was left out names its source, like every other line.
    excluded = result.stdout.split("Excluded:")[1].split("Routine")[0]
    assert "matches your allergy “vitamin B3”. (guide: Who should avoid or use caution)" in excluded


def test_allergies_with_a_broken_vocabulary_are_a_broken_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """#18: one allergy matcher. A vocabulary that does not load is said plainly, as a broken
    catalog is, and nothing is matched by the words typed instead."""
    import serumdesk.storage.paths as paths

    broken = tmp_path / "ingredients.json"
    broken.write_text("{not json")
    monkeypatch.setattr(paths, "bundled_ingredients_path", lambda: broken)
    assert main(["recommend", "--allergen", "snow mushroom"]) == 1
    err = capsys.readouterr().err
    assert "reinstall SerumDesk" in err and "unexpected" not in err
    assert main(["recommend"]) == 0  # without allergies the vocabulary is not needed
