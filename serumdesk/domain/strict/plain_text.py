"""Text from files and people made safe to show: no escape sequences, controls or direction tricks.

Catalogs, profiles and typed answers can carry characters a terminal or a rich-text widget
acts on instead of showing: ANSI/OSC escape sequences (an OSC 52 sequence writes to the
clipboard), C0 and C1 control characters, carriage returns that overwrite a line, and
Unicode format characters — bidi overrides and isolates that show a name reversed, and
invisible ones (zero-width spaces, tag characters) that hide text. Everything SerumDesk
prints or puts in a tooltip passes through `plain` (or `plain_line` for one line).

Kept: line feeds and tabs (where the text may have lines), and the zero-width joiner and
non-joiner, which emoji sequences and several scripts (Persian, the Indic scripts) need.
"""

from __future__ import annotations

import re
import unicodedata

from serumdesk.i18n import N_, _

_ESCAPE_SEQUENCES = re.compile(
    r"""
      (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?      # CSI: colours, cursor moves
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])                   # OSC, DCS, SOS, PM, APC ...
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?                     # ... to their terminator (or the end)
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                              # any other escape
    """,
    re.VERBOSE,
)
_KEPT_FORMAT = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: format characters that scripts and emoji need."""
DIRECTION_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidi marks, embeddings, overrides and isolates: they reorder the text around them."""
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")


def is_unsafe(ch: str) -> bool:
    """True for a character that is never shown as itself: a control (other than line feed
    and tab), a lone surrogate, or an invisible format character other than the joiners."""
    if ch in "\n\t":
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs") or (category == "Cf" and ch not in _KEPT_FORMAT)


def plain(text: str) -> str:
    """`text` with escape sequences and unsafe characters removed, and line breaks of every
    kind (CR LF, CR, U+2028, U+2029, NEL) made line feeds. Idempotent."""
    if text.isprintable():
        return text  # no control, format or line-break character: the common case, at once
    text = _ESCAPE_SEQUENCES.sub("", _LINE_BREAKS.sub("\n", text))
    return "".join(ch for ch in text if not is_unsafe(ch))


def plain_line(text: str) -> str:
    """`plain`, on one line: line feeds and tabs become spaces."""
    return plain(text).replace("\n", " ").replace("\t", " ")


def has_direction_controls(text: str) -> bool:
    return any(ch in DIRECTION_CONTROLS for ch in text)


BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5\U0001d159")
"""Characters that count as letters or symbols but draw nothing: the Hangul fillers (U+115F,
U+1160, U+3164, U+FFA0), the blank Braille pattern (U+2800), the Khmer inherent vowels and
the like. A name of only these looks empty."""


def has_visible_character(text: str) -> bool:
    """True when something in `text` shows: not only spaces, marks, format characters and
    blank letters."""
    return any(unicodedata.category(ch)[0] not in "CZM" and ch not in BLANK_LETTERS for ch in text)


_NAME_BREAKS = frozenset({"Cc", "Zl", "Zp"})
VISIBLE_RULE = N_(
    "needs at least one visible letter, digit or sign (blank and filler characters show nothing)"
)
"""What every name needs, profiles' and serums' alike (has_visible_character)."""


def name_fault(name: str) -> str | None:
    """Why a trimmed, non-empty profile name would not show as typed, as a clause after "A
    profile name …"; None when it is fine. (A serum's name is cleaned of what would not show,
    then held to VISIBLE_RULE, like this.)"""
    if any(unicodedata.category(ch) in _NAME_BREAKS for ch in name):
        return _("cannot contain line breaks or control characters")
    if has_direction_controls(name):
        return _(
            "cannot contain text-direction controls: they make it show in a different order than it was typed"
        )
    if plain(name) != name:
        return _("cannot contain invisible characters (such as zero-width spaces)")
    if not has_visible_character(name):
        return _(VISIBLE_RULE)
    return None
