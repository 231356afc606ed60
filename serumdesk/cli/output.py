"""What a command prints: every line made plain and every JSON document strict.

Catalogs, profiles and typed options carry text from outside SerumDesk; an escape sequence
in it (an OSC 52 clipboard write, a colour change, a bidi override) must reach the
terminal as nothing at all, never as an instruction. So the commands print only through
here, and argparse's own messages go through `plain` too (options.Parser).
"""

from __future__ import annotations

import errno
import sys
from typing import Any

from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.plain_text import plain
from serumdesk.i18n import _


class OutputFailed(Exception):
    """Standard output could not be written (closed, a full disk, a file size limit); str()
    says why. A reader that went away (`| head`) is BrokenPipeError instead, said by nothing."""


SIGPIPE_STATUS = 141
"""The status a shell gives a command whose reader went away (128 + SIGPIPE), as `yes | head`
ends: the output was not all written, and the exit status says so."""


def output_failed(exc: OSError) -> OutputFailed:
    from serumdesk.storage.files import describe_os_error

    return OutputFailed(
        _("could not write the output: {describe_os_error}").format(
            describe_os_error=describe_os_error(exc, reading=False)
        )
    )


def write_out(text: str) -> None:
    """`text` on standard output as it is; OutputFailed or BrokenPipeError when it cannot be."""
    if sys.stdout is None:
        raise OutputFailed(_("standard output is closed: there is nowhere to write the answer"))
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise BrokenPipeError(*exc.args) from None
        raise output_failed(exc) from None


def say(text: str = "") -> None:
    """One or more lines on standard output, made plain."""
    write_out(plain(text) + "\n")


def tell(text: str) -> None:
    """One or more lines on standard error (warnings and errors), made plain. With standard
    error closed, or failing, there is no one to tell: the exit status still says it."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(plain(text) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def finish_output(status: int) -> int:
    """Flush standard output at the end of a command; the exit status when it fails (a
    buffered answer to a full disk would otherwise vanish with status 0)."""
    if sys.stdout is None:
        return status
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return status or SIGPIPE_STATUS
    except (OSError, ValueError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            return status or SIGPIPE_STATUS
        tell(_("serumdesk: {value}.").format(value=output_failed(exc) if isinstance(exc, OSError) else exc))
        return status or 1
    return status


def write_json(document: Any) -> None:
    """A JSON document on standard output: strict (never NaN or Infinity), and with every
    character a terminal would act on written as a \\u escape."""
    write_out(strict_json.dumps(document) + "\n")
