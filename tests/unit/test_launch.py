"""The installed entry points import only what the path they take needs (each in a fresh process)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest


def modules_when(entry_point: str, argv: list[str], *, stop_at_run_gui: bool, cwd: Path) -> set[str]:
    """The modules loaded when `entry_point` (a function of serumdesk.launch) runs with `argv`:
    at the moment it reaches run_gui, or ends the process (both replaced by stand-ins)."""
    code = (
        "import sys\n"
        "loaded = set(sys.modules)  # the interpreter's own start-up\n"
        "def report():\n"
        "    sys.stderr.write(repr(sorted(set(sys.modules) - loaded)) + '\\n')\n"
        "import serumdesk.app\n"
        "def reached(argv):\n"
        "    report()\n"
        "    raise SystemExit(0)\n"
        f"if {stop_at_run_gui}:\n"
        "    serumdesk.app.run_gui = reached\n"
        "from serumdesk import launch\n"
        "def end_process(code):\n"
        "    report()\n"
        "    raise SystemExit(code)\n"
        "launch.end_process = end_process\n"
        f"sys.argv = ['serumdesk', *{argv!r}]\n"
        f"launch.{entry_point}()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, timeout=60, check=True
    )
    return set(ast.literal_eval(out.stderr.splitlines()[-1]))


@pytest.mark.parametrize("entry_point", ["main", "gui_main"])
def test_the_app_is_reached_before_the_parser_json_pydantic_or_the_cli(
    entry_point: str, tmp_path: Path
) -> None:
    loaded = modules_when(entry_point, [], stop_at_run_gui=True, cwd=tmp_path)
    assert "serumdesk.app" in loaded
    heavy = {
        m
        for m in loaded
        if m.split(".")[0] in {"argparse", "json", "pydantic", "PySide6"}
        or m.startswith(("serumdesk.cli", "serumdesk.domain"))
    }
    assert heavy == set()


def test_recommend_imports_no_other_command_and_no_profile_storage(tmp_path: Path) -> None:
    loaded = modules_when("main", ["recommend", "--json"], stop_at_run_gui=False, cwd=tmp_path)
    assert "serumdesk.cli.recommend" in loaded and "serumdesk.domain.advice.ranking" in loaded
    others = {
        m
        for m in loaded
        if m.startswith(
            (
                "serumdesk.cli.catalog",
                "serumdesk.cli.sheet",
                "serumdesk.cli.profile",
                "serumdesk.storage.profile",
                "serumdesk.ui",
                "PySide6",
            )
        )
    }
    assert others == set()
