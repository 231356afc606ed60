"""mypy (strict), ruff and ruff format pass on the package: type, lint and format errors fail the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def assert_tool_passes(*args: str) -> None:
    """`python -m ARGS` from the checkout's root exits 0; its output is the failure message."""
    result = subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict() -> None:
    assert_tool_passes("mypy", "--no-error-summary", "serumdesk")


@pytest.mark.slow
def test_ruff() -> None:
    assert_tool_passes("ruff", "check", "--no-cache", "serumdesk", "tests")


@pytest.mark.slow
def test_ruff_format() -> None:
    """Every Python file is as `ruff format` writes it (pre-commit runs it; CONTRIBUTING.md)."""
    assert_tool_passes("ruff", "format", "--check", "--no-cache", ".")
