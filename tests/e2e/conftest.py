"""Helpers for running the installed `serumdesk` command as a person would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

SERUMDESK = Path(sys.executable).parent / "serumdesk"

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_serumdesk(tmp_path: Path) -> Run:
    """Run the installed command from a temporary folder (not the checkout)."""
    if not SERUMDESK.exists():
        pytest.fail(f"the serumdesk command is not installed beside {sys.executable}")
    workdir = tmp_path / "elsewhere"
    workdir.mkdir(exist_ok=True)

    def run(*args: str, check_clean: bool = True, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [str(SERUMDESK), *args],
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if check_clean:
            assert "Traceback" not in result.stderr, result.stderr
        return result

    return run
