"""The start-up benchmark's probe still sees SerumDesk's first painted question: when a page
stopped getting a Paint of its own, the start-up rows waited for ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROBE = REPO / "tests" / "benchmarks" / "probe"


def test_the_probe_reports_the_first_paint_and_ready(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(PROBE), str(REPO)]),
        "SERUMDESK_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", "from serumdesk.launch import gui_main; raise SystemExit(gui_main())"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    words = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    assert words == ["painted", "ready"], done.stdout + done.stderr
    assert done.returncode == 0
