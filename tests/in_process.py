"""Run `serumdesk …` in-process through serumdesk.cli.main.main, capturing what it prints.

Much faster than a subprocess, and the same code from argument parsing on. Not for `sheet`,
which starts a QGuiApplication that would clash with pytest-qt's QApplication.
"""

from __future__ import annotations

import contextlib
import io
import subprocess

from serumdesk.cli.main import main


def run_main(args: list[str]) -> subprocess.CompletedProcess[str]:
    """`serumdesk ARGS` through serumdesk.cli.main.main, its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return subprocess.CompletedProcess(["serumdesk", *args], code, out.getvalue(), err.getvalue())
