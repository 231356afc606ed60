"""Reading a label from a file or standard input: regular files only, and never more than a limit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from serumdesk.cli.errors import UserError
from serumdesk.cli.output import tell
from serumdesk.i18n import _

MAX_LABEL_BYTES = 2 * 1024 * 1024
"""Far more than any label (a long one is 3 kB); a bigger file is not one label."""


def read_label_file(path: str) -> str:
    """The text of the label file at `path`, read through storage/files.py: only a regular file
    is read, and a folder, a device or a named pipe is refused at once rather than waited on."""
    from serumdesk.storage.files import FileTooLarge, ReadError, read_regular_file

    try:
        data = read_regular_file(Path(path), MAX_LABEL_BYTES)
    except FileTooLarge:
        raise UserError(
            _("{path} holds more than {value} MB: that is not one ingredient label.").format(
                path=path, value=MAX_LABEL_BYTES // (1024 * 1024)
            )
        ) from None
    except ReadError as exc:
        hint = "" if exc.kind is None else _(" Save the label as a text file and give its path.")
        raise UserError(
            _("Could not read {path}: {reason}.{hint}").format(path=path, reason=exc.reason, hint=hint)
        ) from None
    return _decoded(data)


def read_label_stdin() -> str:
    """The label piped or typed into standard input (end it with Ctrl+D)."""
    if sys.stdin is None:  # started with it closed (`<&-`)
        raise UserError(_("standard input is closed: give the label as text, or in a file."))
    return _decoded(_limited(sys.stdin.buffer, "standard input"))


def _limited(f: BinaryIO, where: str) -> bytes:
    try:
        data = f.read(MAX_LABEL_BYTES + 1)
    except (OSError, ValueError) as exc:  # ValueError: a stream closed inside the process
        raise UserError(
            _("{where} cannot be read ({value}).").format(
                where=where, value=getattr(exc, "strerror", None) or exc
            )
        ) from None
    if len(data) > MAX_LABEL_BYTES:
        raise UserError(
            _("{where} holds more than {value} MB: that is not one ingredient label.").format(
                where=where, value=MAX_LABEL_BYTES // (1024 * 1024)
            )
        )
    return data


def _decoded(data: bytes) -> str:
    text = data.decode("utf-8-sig", errors="replace")
    if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
        tell(
            _(
                "serumdesk: warning: the label is not all UTF-8 text; the characters that "
                "could not be read are shown as �."
            )
        )
    return text
