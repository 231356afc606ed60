"""Hostile input for the hardening tests (issue #13): FIFOs, device nodes, sockets and links
made inside a test's tmp_path, option values the number model refuses, and guards that fail
a test instead of letting it hang."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


@contextmanager
def umask(mask: int) -> Iterator[None]:
    """The process umask set to `mask` for the block (child processes inherit it)."""
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


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


class Blocked(BaseException):
    """Raised by `deadline`. Not an Exception (TimeoutError is an OSError), so no
    `except Exception` or `except OSError` in the code under test can mistake it for its own."""


HUNG_S = 120.0
"""When code that should take well under a second is taken to hang (a FIFO opened for
reading blocks forever). Far above what a loaded machine needs: only a real hang fails."""


@contextmanager
def deadline(seconds: float = HUNG_S) -> Iterator[None]:
    """Fail the block (Blocked) if it is still running after `seconds` — for code that must
    run on the main thread, such as Qt widgets. SIGALRM interrupts a blocked open()."""
    assert seconds >= 60, "a deadline under a minute fails on a busy machine"
    if not hasattr(signal, "setitimer"):
        pytest.skip("this OS has no interval timers")

    def expire(_signum: int, _frame: object) -> None:
        raise Blocked(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def finishes(call: Callable[[], T], seconds: float = HUNG_S) -> T | BaseException:
    """Run `call` in a thread and return what it returned or raised; fail the test if it is
    still blocked after `seconds` (a FIFO would block it forever)."""
    outcome: list[T | BaseException] = []

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


NOT_REGULAR = [
    ("fifo", "it is a named pipe (FIFO)"),
    ("device", "it is a device"),
    ("link", "it is a symbolic link"),
    ("folder", "it is a folder"),
]
"""Kinds of `make_hostile` files, with how SerumDesk says what they are."""

LIMITS = [
    (["--budget", "1e308"], "A monthly budget must be between $0 and $100,000, not 1e308."),
    (["--budget", "inf"], "'inf' is not a number"),
    (
        ["--days-since-procedure", "99999999999999999999"],
        "Days since the procedure must be a whole number between 0 and 36,500",
    ),
]
"""Options `profile save` refused and `recommend` and `sheet` took, with the refusal."""


def make_hostile(kind: str, path: Path) -> Path:
    """A FIFO, a /dev/zero-like device, a folder, or a link to `victim.txt` (holding
    b"precious") beside it — one of NOT_REGULAR, at `path`."""
    if kind == "fifo":
        return make_fifo(path)
    if kind == "device":
        return make_zero_device(path)
    if kind == "folder":
        path.mkdir()
        return path
    victim = path.parent / "victim.txt"
    victim.write_bytes(b"precious")
    path.symlink_to(victim)
    return path


def plain_failure(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """The run failed with exit status 1, saying `words`, with no traceback or "unexpected"."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "unexpected error" not in result.stderr and "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr
