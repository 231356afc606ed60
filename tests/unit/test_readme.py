"""The README keeps saying what the code does: number bounds, file rules, network use (issue #13)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from serumdesk.domain.strict.numbers import (
    BUDGET_USD,
    DAYS_SINCE_PROCEDURE,
    DOSE_ML,
    MONTHS_AFTER_OPENING,
    PRICE_USD,
    SIZE_ML,
    USES_A_DAY,
    Quantity,
)
from serumdesk.storage.profile_types import MAX_PROFILE_BYTES

README = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")


def _figure(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


@pytest.mark.parametrize(
    ("row", "quantity"),
    [
        ("price", PRICE_USD),
        ("bottle size", SIZE_ML),
        ("amount per use", DOSE_ML),
        ("uses a day", USES_A_DAY),
        ("monthly budget", BUDGET_USD),
        ("days since the procedure", DAYS_SINCE_PROCEDURE),
        ("months a pack keeps after opening", MONTHS_AFTER_OPENING),
    ],
)
def test_the_number_table_states_the_models_bounds(row: str, quantity: Quantity) -> None:
    found = re.search(rf"^\| {re.escape(row)} \| ([^|]+) \|$", README, re.MULTILINE)
    assert found, f"no README row for {row}"
    bounds = re.sub(r"[$a-z ]", "", found[1].split("(")[0]).rstrip(",")
    assert bounds == f"{_figure(quantity.minimum)}–{_figure(quantity.maximum)}", found[1]


def test_the_privacy_section_states_the_file_rules() -> None:
    privacy = README[README.index("Privacy and safety:") : README.index("## How it decides")]
    for rule in (
        "0600",
        "whatever your umask",
        "`--force`",
        "symbolic link",
        "named pipe (FIFO)",
        "even with `--force`",
        f"{MAX_PROFILE_BYTES // (1024 * 1024)} MB for a profile",
    ):
        assert rule in privacy, rule


def test_the_no_network_promise_names_printing_as_its_exception() -> None:
    """Case 16: the print preview talks to CUPS, which may be a network server."""
    intro = README[: README.index("## Quick start")]
    assert "SerumDesk itself makes no network connections" in intro
    assert "print service" in intro and "`CUPS_SERVER`" in intro


# -- the docs beside the README (issue #18) ---------------------------------------------------

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"


def test_the_readme_links_to_files_that_exist() -> None:
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        assert (REPO / target).exists(), target


def test_the_quick_start_test_command_is_the_one_ci_runs() -> None:
    command = 'python3 -m venv .venv && .venv/bin/pip install ".[test]" && .venv/bin/python -m pytest'
    assert command in README
    assert command in (REPO / ".ci" / "run").read_text("utf-8")


def test_the_architecture_map_names_modules_that_exist() -> None:
    """Every `path.py` (or folder/) the map names is where it says, under serumdesk/."""
    text = (DOCS / "architecture.md").read_text("utf-8")
    named = set(re.findall(r"`((?:domain|storage|ui|cli)/[\w/]+(?:\.py|/))", text))
    assert len(named) > 30
    missing = sorted(n for n in named if not (REPO / "serumdesk" / n).exists())
    assert missing == []


def test_the_data_formats_state_the_file_limits() -> None:
    from serumdesk.domain.catalog.catalog_file import MAX_CATALOG_BYTES
    from serumdesk.domain.catalog.my_products import MAX_MY_PRODUCTS_BYTES
    from serumdesk.domain.strict.limits import MY_PRODUCTS
    from serumdesk.storage.profile_model import ProfileModel

    text = " ".join((DOCS / "data-formats.md").read_text("utf-8").split())  # lines unwrapped
    mib = 1024 * 1024
    for stated in (
        f"{MAX_CATALOG_BYTES // mib} MB for a catalog",
        f"{MAX_MY_PRODUCTS_BYTES // mib} MB for your serums",
        f"{MAX_PROFILE_BYTES // mib} MB for a profile",
        f"at most {MY_PRODUCTS} serums",
    ):
        assert stated in text, stated
    version = ProfileModel.model_fields["schema_version"].annotation.__args__[0]  # Literal[n]
    assert f"`schema_version` (now {version})" in text


def test_the_performance_page_holds_the_benchmark_table() -> None:
    text = (DOCS / "performance.md").read_text("utf-8")
    assert "tests/benchmarks/run_benchmarks.py" in text
    assert re.search(r"^\| benchmark +\| result", text, re.MULTILINE)
