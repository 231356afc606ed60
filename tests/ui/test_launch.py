"""`serumdesk` with no arguments opens the app (offscreen), gets ready and runs until closed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.slow
def test_serumdesk_without_arguments_opens_the_app(tmp_path: Path) -> None:
    command = shutil.which("serumdesk", path=str(Path(sys.executable).parent))
    assert command is not None, "the serumdesk command is installed in the venv"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([command], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3)
        still_running = process.poll() is None
    finally:
        process.terminate()
        _, err = process.communicate(timeout=60)
    assert still_running, f"serumdesk exited early: {err}"
    assert "Traceback" not in err


def test_run_gui_gets_ready_without_pyside_reading_the_sources_of_later_imports(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "import serumdesk.app as app\n"
        "build = app.build_main_window\n"
        "def build_and_watch():\n"
        "    window = build()\n"
        "    def ready():\n"
        "        scanned = sys.modules['PySide6.support.feature'].pyside_feature_dict\n"
        "        ours = sorted(n for n in scanned if n.startswith(('serumdesk', 'pydantic')))\n"
        "        print('ready', window.catalog.problem(), ours, flush=True)\n"
        "        window.close_guards.clear()\n"
        "        window.close()\n"
        "    window.start_up_finished.connect(ready)\n"
        "    return window\n"
        "app.build_main_window = build_and_watch\n"
        "raise SystemExit(app.run_gui(['serumdesk']))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SERUMDESK_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([sys.executable, "-c", script], env=env, cwd=tmp_path, capture_output=True,
                         text=True, timeout=60, check=True)
    # The catalog (pydantic) loaded, and PySide6 read none of our or pydantic's sources.
    assert out.stdout.splitlines()[-1] == "ready None []"
