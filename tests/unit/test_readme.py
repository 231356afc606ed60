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


@pytest.mark.parametrize(("row", "quantity"), [
    ("price", PRICE_USD), ("bottle size", SIZE_ML), ("amount per use", DOSE_ML),
    ("uses a day", USES_A_DAY), ("monthly budget", BUDGET_USD),
    ("days since the procedure", DAYS_SINCE_PROCEDURE),
    ("months a pack keeps after opening", MONTHS_AFTER_OPENING),
])
def test_the_number_table_states_the_models_bounds(row: str, quantity: Quantity) -> None:
    found = re.search(rf"^\| {re.escape(row)} \| ([^|]+) \|$", README, re.MULTILINE)
    assert found, f"no README row for {row}"
    bounds = re.sub(r"[$a-z ]", "", found[1].split("(")[0]).rstrip(",")
    assert bounds == f"{_figure(quantity.minimum)}–{_figure(quantity.maximum)}", found[1]


def test_the_privacy_section_states_the_file_rules() -> None:
    privacy = README[README.index("Privacy and safety:"):README.index("## How it decides")]
    for rule in ("0600", "whatever your umask", "`--force`", "symbolic link", "named pipe (FIFO)",
                 "even with `--force`", f"{MAX_PROFILE_BYTES // (1024 * 1024)} MB for a profile"):
        assert rule in privacy, rule


def test_the_no_network_promise_names_printing_as_its_exception() -> None:
    """Case 16: the print preview talks to CUPS, which may be a network server."""
    intro = README[:README.index("## Quick start")]
    assert "SerumDesk itself makes no network connections" in intro
    assert "print service" in intro and "`CUPS_SERVER`" in intro
