"""`serumdesk` with no arguments opens the app (offscreen), gets ready and runs until closed."""

from __future__ import annotations

import os
import shutil
import stat
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
    process = subprocess.Popen(
        [command], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
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
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SERUMDESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # The catalog (pydantic) loaded, and PySide6 read none of our or pydantic's sources.
    assert out.stdout.splitlines()[-1] == "ready None []"


_READY = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from serumdesk.app import build_main_window, configure_application
app = QApplication([])
configure_application(app)
window = build_main_window()
window.show()
QTimer.singleShot(2000, lambda: (print("ready", flush=True), app.quit()))
app.exec()
"""
"""The app as `serumdesk` builds it, saying "ready" two seconds after it is shown (quit()
ends any dialog's loop too)."""


@pytest.mark.slow
@pytest.mark.parametrize("data", ["missing", "file", "fifo"])
def test_the_app_gets_ready_with_odd_folders_and_a_fifo_for_its_settings(tmp_path: Path, data: str) -> None:
    """A data folder path that is a file or a FIFO, and SerumDesk.ini a FIFO (issue #19): the
    app gets ready rather than blocking on the FIFO forever, with no traceback."""
    odd = tmp_path / "data"
    if data == "file":
        odd.write_text("not a folder", encoding="utf-8")
    elif data == "fifo":
        os.mkfifo(odd)
    settings = tmp_path / "config" / "SerumDesk"
    settings.mkdir(parents=True)
    os.mkfifo(settings / "SerumDesk.ini")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SERUMDESK_DATA_DIR=str(odd),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    result = subprocess.run(
        [sys.executable, "-c", _READY],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert "ready" in result.stdout, result.stderr
    assert "Traceback" not in result.stderr
    assert stat.S_ISFIFO((settings / "SerumDesk.ini").lstat().st_mode)
