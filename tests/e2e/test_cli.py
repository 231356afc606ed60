"""`serumdesk recommend`, `catalog validate` and `--version` as a subprocess of the installed command."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from serumdesk import __version__

from .conftest import SERUMDESK, Run

HUMAN_DERIVED = {
    "skinmedica-tns-advanced-plus",
    "neocutis-bio-serum-firm",
    "angela-caglia-cell-forte",
    "symbiome-the-answer",
}
KEYS = {
    "id",
    "brand",
    "name",
    "rank",
    "score",
    "source_category",
    "human_derived",
    "vegan",
    "price_usd",
    "size_ml",
    "dose_ml",
    "applications_per_day",
    "price_per_ml_usd",
    "cost_per_month_usd",
    "months_per_bottle",
    "over_budget",
    "estimated_fields",
    "reasons",
    "cautions",
}


def test_version(run_serumdesk: Run) -> None:
    result = run_serumdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"SerumDesk {__version__}"


def test_help_lists_every_command_and_each_command_its_options(run_serumdesk: Run) -> None:
    top = run_serumdesk("--help")
    assert top.returncode == 0
    for command, summary in (
        ("recommend", "rank the catalog for your answers"),
        ("catalog", "list products and prices; check catalog files"),
        ("clinic", "a clinic's details for its sheets; shared computer"),
        ("sheet", "write the printable comparison sheet as a PDF"),
        ("profile", "save, list and reuse your answers"),
    ):
        assert command in top.stdout and summary in top.stdout
    # Only the command being run is loaded in full; its help still shows all of it.
    for args, options in (
        (["recommend"], ["--use-case", "--profile", "--json"]),
        (["sheet"], ["--compare", "--paper", "--no-medical", "--budget"]),
        (["catalog"], ["validate", "schema", "list", "export-prices"]),
        (["clinic", "set"], ["--name", "--logo", "--shared-computer"]),
        (["profile"], ["list", "save", "restore", "import"]),
        (["profile", "save"], ["NAME", "--notes", "--diet"]),
    ):
        result = run_serumdesk(*args, "--help")
        assert result.returncode == 0
        assert all(option in result.stdout for option in options), result.stdout


def test_recommend_json_from_another_folder(run_serumdesk: Run, catalog_path: Path) -> None:
    result = run_serumdesk(
        "recommend", "--diet", "vegan", "--budget", "60", "--caution", "pregnant-or-breastfeeding", "--json"
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) >= {"recommended", "excluded", "routine", "patch_test", "timeline", "catalog"}
    assert doc["recommended"] and set(doc["recommended"][0]) >= KEYS
    assert {e["id"] for e in doc["excluded"]} >= HUMAN_DERIVED
    assert all(e["reasons"] for e in doc["excluded"])
    assert [m["rank"] for m in doc["recommended"]] == list(range(1, len(doc["recommended"]) + 1))
    bundled = json.loads(catalog_path.read_text(encoding="utf-8"))
    assert doc["catalog"] == {
        "version": bundled["catalog_version"],
        "date": bundled["updated"],
        "prices_from": None,
    }
    for m in doc["recommended"]:
        expected = m["price_usd"] / m["size_ml"] * m["dose_ml"] * m["applications_per_day"] * 30.44
        assert m["cost_per_month_usd"] == pytest.approx(expected, abs=0.01)
        assert m["price_per_ml_usd"] == pytest.approx(m["price_usd"] / m["size_ml"], abs=0.01)
        assert m["over_budget"] == (expected > 60)
    egf = next(m for m in doc["recommended"] if m["id"] == "bioeffect-egf-serum")
    assert any(c["level"] == "clinician" for c in egf["cautions"])
    assert set(doc["routine"]) == {"am", "pm", "steps", "notes"}


def test_recommend_table_is_readable(run_serumdesk: Run) -> None:
    result = run_serumdesk("recommend", "--use-case", "post-procedure", "--sensitivity", "high")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    first = next(line for line in lines if line.strip().startswith("1 "))
    assert "Symbiome" in first
    assert "Patch test" in result.stdout and "clinician" in result.stdout


@pytest.mark.parametrize(
    "args, expected",
    [
        (["recommend", "--use-case", "glow"], "post-procedure"),
        (["recommend", "--diet", "keto"], "no-human-derived"),
        (["recommend", "--budget", "lots"], "not a number"),
        (["recommend", "--budget", "-5"], "between $0 and $100,000, not -5"),
        (["recommend", "--caution", "flu"], "pregnant-or-breastfeeding"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2_naming_the_choices(run_serumdesk: Run, args: list[str], expected: str) -> None:
    result = run_serumdesk(*args)
    assert result.returncode == 2
    assert expected in result.stderr
    assert result.stdout == ""


def test_broken_catalog_is_named_without_a_traceback(run_serumdesk: Run, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"catalog_version": "x", "updated": "2026-01-01", "products": [{"id": "a"}]}')
    for args in (["catalog", "validate", str(bad)], ["recommend", "--catalog", str(bad)]):
        result = run_serumdesk(*args)
        assert result.returncode == 1
        assert "bad.json" in result.stderr and "product 'a' (entry 1)" in result.stderr
        assert "field 'brand': required field is missing" in result.stderr


def test_validate_the_bundled_catalog(run_serumdesk: Run, catalog_path: Path) -> None:
    result = run_serumdesk("catalog", "validate", str(catalog_path))
    assert result.returncode == 0
    assert "valid" in result.stdout


def test_every_product_excluded_says_what_to_relax(
    run_serumdesk: Run, tmp_path: Path, catalog_path: Path
) -> None:
    data = json.loads(catalog_path.read_text(encoding="utf-8"))
    data["products"] = [p for p in data["products"] if p["human_derived"]]
    only_human = tmp_path / "human.json"
    only_human.write_text(json.dumps(data))
    result = run_serumdesk("recommend", "--catalog", str(only_human), "--diet", "vegan")
    assert result.returncode == 0
    assert "Every product was excluded" in result.stdout and "Excluded:" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--use-case", "brightening", "--allergen", "niacinamide"],  # no good match
        [
            "--use-case",
            "post-procedure",
            "--days-since-procedure",
            "2",
            "--budget",
            "20",
            "--caution",
            "pregnant-or-breastfeeding",
            "--uses-retinoid",
            "--uses-vitamin-c",
        ],
        ["--budget", "1"],  # nothing fits the budget
    ],
)
def test_recommend_text_and_json_say_the_same_things(run_serumdesk: Run, args: list[str]) -> None:
    text = run_serumdesk("recommend", *args)
    doc = json.loads(run_serumdesk("recommend", *args, "--json").stdout)
    assert text.returncode == 0
    said = " ".join(text.stdout.split())
    assert doc["disclaimer"] in said
    for item in (
        doc["about"] + doc["routine"]["notes"] + [n for n in (doc["no_good_match"], doc["budget_note"]) if n]
    ):
        assert " ".join(item["text"].split()) in said, item["text"]
    assert doc["no_good_match"] or doc["budget_note"]
    for item in doc["for_you"]:
        if item["kind"] not in ("budget", "no-good-match"):  # said in full by the notices
            assert " ".join(item["text"].split()) in said, item["text"]
    for match in doc["recommended"]:
        assert match["vegan"] in ("yes", "no", "not confirmed")
        for caution in match["cautions"]:
            assert " ".join(caution["text"].split()) in said
        for note in match["buyer_notes"]:
            assert " ".join(note["text"].split()) in said


def test_a_reader_that_goes_away_ends_quietly_with_the_shells_status(tmp_path: Path) -> None:
    """`serumdesk recommend | head`: nothing on standard error, and the status a shell gives
    any command whose reader went away (128 + SIGPIPE): the output was not all written."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read what the command writes
    try:
        result = subprocess.run(
            [str(SERUMDESK), "recommend", "--json"],
            cwd=tmp_path,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr == ""


def test_issue_20_a_fresh_laser_with_another_goal_in_text_and_json(run_serumdesk: Run) -> None:
    """Issue 20, case 1, as installed: the procedure counts whatever the goal."""
    args = [
        "--use-case",
        "hydration",
        "--procedure",
        "laser",
        "--days-since-procedure",
        "2",
        "--uses-retinoid",
        "--uses-acids",
        "--uses-vitamin-c",
    ]
    text = run_serumdesk("recommend", *args).stdout
    doc = json.loads(run_serumdesk("recommend", *args, "--json").stdout)
    assert "Procedure: Laser (fractional or other), 2 days ago" in text
    assert "Day 2 after a laser: nothing but your provider's products on open skin" in text
    routine = text.split("Routine, morning:")[1].split("Patch test:")[0]
    assert "Vitamin C serum" not in routine and "Retinoid: keep it" not in routine
    assert doc["plan"]["procedure"]["phase"] == "fresh"
    assert {h["active"] for h in doc["plan"]["held"]} == {"retinoid", "acids", "vitamin-c"}
    assert doc["for_you"][0]["kind"] == "procedure"
    assert not any(s["active"] for s in doc["routine"]["steps"])
