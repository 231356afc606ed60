"""The one sanitizer for text that reaches a terminal or a rich-text widget."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serumdesk.domain.strict.plain_text import (
    DIRECTION_CONTROLS,
    has_direction_controls,
    has_visible_character,
    plain,
    plain_line,
)

OSC52 = "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07"
"""OSC 52: asks the terminal to put text on the clipboard (issue #13, case 4)."""


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (f"nuts{OSC52}", "nuts"),
        ("nuts\x1b]52;c;Y3Vy\x1b\\ and more", "nuts and more"),  # OSC ended by ST
        ("\x1b[31mred\x1b[0m", "red"),  # CSI colours
        ("\x9b2J cleared", " cleared"),  # C1 CSI
        ("\x9d0;title\x9c after", " after"),  # C1 OSC ... ST
        ("bell\x07", "bell"),
        ("over\rwritten", "over\nwritten"),  # a carriage return would overwrite the line
        ("a\r\nb", "a\nb"),
        ("line\u2028sep", "line\nsep"),
        ("Mum\u202e dlrow", "Mum dlrow"),  # right-to-left override
        ("\u2066isolated\u2069", "isolated"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("hidden\U000e0041\U000e0042tag", "hiddentag"),  # tag characters smuggle text
        ("lone\ud800surrogate", "lonesurrogate"),
        ("tab\tand\nline", "tab\tand\nline"),
        ("👩\u200d⚕️ and می\u200cخواهم", "👩\u200d⚕️ and می\u200cخواهم"),  # joiners stay
        ("\x1b]52;c;never ends", ""),  # an unterminated OSC swallows the rest, as a terminal would
    ],
)
def test_escapes_controls_and_invisible_characters_are_removed(raw: str, shown: str) -> None:
    assert plain(raw) == shown


def test_one_line_has_no_line_breaks() -> None:
    assert plain_line("a\nb\tc\rd") == "a b c d"


@given(st.text())
def test_plain_is_idempotent_and_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    once = plain(text)
    assert plain(once) == once
    assert "\x1b" not in once and "\r" not in once
    for ch in once:
        category = unicodedata.category(ch)
        assert ch in "\n\t" or category not in ("Cc", "Cs")
        assert category != "Cf" or ch in "\u200c\u200d"


def test_direction_controls_and_visibility() -> None:
    assert all(has_direction_controls(f"a{ch}b") for ch in DIRECTION_CONTROLS)
    assert not has_direction_controls("Mum")
    assert not has_visible_character("\u200b\u200d \u0301")
    assert has_visible_character("🧴")
