"""Reading a label from a file or standard input: regular files only, and never more than a limit."""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO

from serumdesk.cli.errors import UserError

MAX_LABEL_BYTES = 2 * 1024 * 1024
"""Far more than any label (a long one is 3 kB); a bigger file is not one label."""


def read_label_file(path: str) -> str:
    """The text of the label file at `path`. Only a regular file is read: a folder, a device
    or a named pipe is refused at once (opened without blocking, checked with fstat) rather
    than waited on."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UserError(f"{path}: there is no such file.") from None
    except OSError as exc:
        raise UserError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            raise UserError(f"{path} is {kind}: save the label as a text file and give its path.")
        f = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with f:
        return _decoded(_limited(f, path))


def read_label_stdin() -> str:
    """The label piped or typed into standard input (end it with Ctrl+D)."""
    return _decoded(_limited(sys.stdin.buffer, "standard input"))


def _limited(f: BinaryIO, where: str) -> bytes:
    try:
        data = f.read(MAX_LABEL_BYTES + 1)
    except OSError as exc:
        raise UserError(f"{where} cannot be read ({exc.strerror or exc}).") from None
    if len(data) > MAX_LABEL_BYTES:
        raise UserError(f"{where} holds more than {MAX_LABEL_BYTES // (1024 * 1024)} MB: that is "
                        "not one ingredient label.")
    return data


def _decoded(data: bytes) -> str:
    text = data.decode("utf-8-sig", errors="replace")
    if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
        sys.stderr.write("serumdesk: warning: the label is not all UTF-8 text; the characters "
                         "that could not be read are shown as \ufffd.\n")
    return text
