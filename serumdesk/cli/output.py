"""What a command prints: every line made plain and every JSON document strict.

Catalogs, profiles and typed options carry text from outside SerumDesk; an escape sequence
in it (an OSC 52 clipboard write, a colour change, a bidi override) must reach the
terminal as nothing at all, never as an instruction. So the commands print only through
here, and argparse's own messages go through `plain` too (options.Parser).
"""

from __future__ import annotations

import sys
from typing import Any

from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.plain_text import plain


def say(text: str = "") -> None:
    """One or more lines on standard output, made plain."""
    sys.stdout.write(plain(text) + "\n")


def tell(text: str) -> None:
    """One or more lines on standard error (warnings and errors), made plain."""
    sys.stderr.write(plain(text) + "\n")


def write_json(document: Any) -> None:
    """A JSON document on standard output: strict (never NaN or Infinity), and with every
    character a terminal would act on written as a \\u escape."""
    sys.stdout.write(strict_json.dumps(document) + "\n")
