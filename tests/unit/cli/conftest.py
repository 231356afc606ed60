"""Run `serumdesk …` in-process, as the installed command would, and capture what it prints."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.in_process import run_main

RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Like tests/e2e's run_serumdesk, in-process: from a temporary folder, no traceback."""
    workdir = tmp_path / "elsewhere"
    workdir.mkdir(exist_ok=True)
    monkeypatch.chdir(workdir)

    def run(*args: str, check_clean: bool = True) -> subprocess.CompletedProcess[str]:
        result = run_main(list(args))
        if check_clean:
            assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr
        return result

    return run
