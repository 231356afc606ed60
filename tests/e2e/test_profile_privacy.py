"""SerumDesk opens no network connection: every CLI command runs with sockets booby-trapped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SERUMDESK

pytestmark = pytest.mark.slow

# Loaded by Python's `site` at start-up when its folder is on PYTHONPATH: every way of
# reaching the network is recorded to $SERUMDESK_NETLOG and then refused.
SITECUSTOMIZE = """
import os, socket

def _trap(what):
    def refuse(*args, **kwargs):
        with open(os.environ["SERUMDESK_NETLOG"], "a", encoding="utf-8") as log:
            log.write(f"{what} {args[1:] if what.startswith('socket.') else args}\\n")
        raise OSError("network access is forbidden in this test")
    return refuse

for name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, name, _trap(f"socket.{name}"))
socket.create_connection = _trap("create_connection")
socket.getaddrinfo = _trap("getaddrinfo")
socket.gethostbyname = _trap("gethostbyname")
with open(os.environ["SERUMDESK_NETLOG"] + ".loaded", "a", encoding="utf-8") as seen:
    seen.write("loaded\\n")
"""


@pytest.fixture
def trapped_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    hook = tmp_path / "nethook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE, "utf-8")
    log = tmp_path / "netlog.txt"
    env = dict(os.environ, PYTHONPATH=str(hook), SERUMDESK_NETLOG=str(log), QT_QPA_PLATFORM="offscreen")
    return env, log


def test_the_trap_catches_a_connection(trapped_env: tuple[dict[str, str], Path]) -> None:
    """Control: without this the test below could pass with a trap that never fires."""
    env, log = trapped_env
    code = (
        "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=0.1)\n"
        "except OSError:\n    pass\n"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert "create_connection" in log.read_text("utf-8")


def test_no_cli_command_touches_the_network(
    trapped_env: tuple[dict[str, str], Path], tmp_path: Path, catalog_path: Path
) -> None:
    env, log = trapped_env
    work = tmp_path / "work"
    work.mkdir()
    commands = [
        ["--version"],
        ["recommend", "--diet", "vegan", "--json"],
        ["catalog", "validate", str(catalog_path)],
        ["profile", "save", "Mum", "--use-case", "hydration"],
        ["profile", "list", "--json"],
        ["profile", "show", "Mum"],
        ["recommend", "--profile", "Mum"],
        ["profile", "export", "Mum", "mum.json"],
        ["profile", "import", "mum.json"],
        ["profile", "delete", "Mum"],
        ["sheet", "--output", "sheet.pdf"],
    ]
    for args in commands:
        result = subprocess.run(
            [str(SERUMDESK), *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        assert result.returncode == 0, (args, result.stderr)
        assert "network access is forbidden" not in result.stderr
    assert not log.exists(), log.read_text("utf-8")
    # ...and the trap really was loaded in every one of those processes.
    loaded = Path(f"{log}.loaded").read_text("utf-8").splitlines()
    assert len(loaded) == len(commands)
