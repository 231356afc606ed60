"""`serumdesk` with no arguments opens the app (offscreen) and keeps running until closed."""

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
        _, err = process.communicate(timeout=10)
    assert still_running, f"serumdesk exited early: {err}"
    assert "Traceback" not in err
