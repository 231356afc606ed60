"""Hostile files made inside a test's tmp_path — FIFOs, device nodes, sockets — and a guard
that fails a test instead of letting it hang on one."""

from __future__ import annotations

import os
import socket
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def make_fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this OS has no FIFOs")
    os.mkfifo(path)
    return path


def make_zero_device(path: Path) -> Path:
    """A character device like /dev/zero (major 1, minor 5), at `path` — never a system path."""
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 5))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    return path


@contextmanager
def listening_socket(path: Path) -> Iterator[Path]:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    except OSError:
        server.close()
        pytest.skip("the socket path is too long here")
    try:
        yield path
    finally:
        server.close()


def finishes(call: Callable[[], object], seconds: float = 20) -> object:
    """Run `call` in a thread and return what it returned or raised; fail the test if it is
    still blocked after `seconds` (a FIFO would block it forever)."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # handed over to the test's thread
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert not worker.is_alive(), "blocked"
    return outcome[0]
