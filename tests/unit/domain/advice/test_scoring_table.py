"""The README's table of scoring points is the code's one table (rules.POINTS), row for row."""

from __future__ import annotations

import re
from pathlib import Path

from serumdesk.domain.advice.points import POINTS, Rule

ROOT = Path(__file__).resolve().parents[4]
ROW = re.compile(r"^\| ([^|]+?) \| ([+-]\d+) \|$")


def documented_points() -> dict[str, int]:
    """Every two-column `| rule | ±points |` row in the README and under docs/."""
    found: dict[str, int] = {}
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]:
        if path.is_file():
            for line in path.read_text("utf-8").splitlines():
                if m := ROW.match(line.strip()):
                    found[m.group(1)] = int(m.group(2))
    return found


def test_the_documented_points_are_the_codes_points() -> None:
    assert documented_points() == {rule.value: points for rule, points in POINTS.items()}


def test_every_rule_has_points() -> None:
    assert set(POINTS) == set(Rule)
