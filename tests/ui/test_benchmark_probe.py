"""The start-up benchmark's probe still sees SerumDesk's first painted question: when a page
stopped getting a Paint of its own, the start-up rows waited for ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = REPO / "tests" / "benchmarks" / "probe"


def _run_the_app(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(PROBE), str(REPO)]),
        "SERUMDESK_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-c", "from serumdesk.launch import gui_main; raise SystemExit(gui_main())"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_probe_reports_the_first_paint_and_ready(tmp_path: Path) -> None:
    done = _run_the_app(tmp_path)
    words = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    assert words == ["painted", "ready"], done.stdout + done.stderr
    assert done.returncode == 0


def test_the_parts_probe_wraps_only_functions_that_exist(tmp_path: Path) -> None:
    """start_up_parts.py's probe wrapped a function the ranking no longer has, and the app
    stopped on the error instead of reporting its parts."""
    done = _run_the_app(tmp_path, SERUMDESK_BENCH_PARTS="1", SERUMDESK_DEBUG="1")
    assert "Traceback" not in done.stderr, done.stderr
    assert any(line.startswith("parts ") for line in done.stderr.splitlines()), done.stderr
