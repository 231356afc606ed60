"""One rule for every name a person gives (profiles and their own serums): something must
show once invisible, blank and filler characters are set aside (issue #19)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from serumdesk.domain.catalog.my_products import name_problem
from serumdesk.domain.catalog.my_products_file import MyProductEntry
from serumdesk.domain.strict.plain_text import BLANK_LETTERS, name_fault, plain_line
from serumdesk.storage.profile_types import ProfileError, clean_name

SHOW_NOTHING = [
    "\u3164",
    "\u2800\u2800",
    "\u115f",
    "\u1160",
    "\uffa0",
    "\u200b",
    "\u3164\u200b",
    "\u2060",
    "\ufeff",
    "\u00ad",
    "\u034f",
    "\u17b4",
    "\U000e0041",
    "\u0301\u0301",
    "\u3000\u3164",
    "\u115f\u1160\u3164",
]


def _profile_ok(name: str) -> bool:
    try:
        clean_name(name)
    except ProfileError:
        return False
    return True


def _entry_ok(brand: str, name: str = "Serum") -> bool:
    try:
        MyProductEntry(
            id="mine-x",
            brand=brand,
            name=name,
            price_usd=10,
            size_ml=10,
            entered=dt.date(2026, 1, 1),
            label="Water",
        )
    except ValidationError as exc:
        assert "pydantic" not in str(exc.errors(include_url=False))
        return False
    return True


@pytest.mark.parametrize("text", SHOW_NOTHING)
def test_a_name_that_shows_nothing_is_refused_everywhere(text: str) -> None:
    assert not _profile_ok(text)
    assert not _entry_ok(text) and not _entry_ok("Brand", text)
    assert name_problem(text, "Serum") is not None and name_problem("Brand", text) is not None


@pytest.mark.parametrize("text", ["Mum", "a\u3164", "\u2800x", "😀", "ß", "مريم", "Zoë\u200d"])
def test_a_name_with_something_visible_is_taken_everywhere(text: str) -> None:
    assert _profile_ok(text)
    assert _entry_ok(text)
    assert name_problem(text, "Serum") is None


_invisible = st.sampled_from(
    [*sorted(BLANK_LETTERS), "\u200b", "\u2060", " ", "\u3000", "\u0301", "\u202e", "\x1b", "\xad"]
)


@given(st.text(_invisible, min_size=1, max_size=12))
def test_no_mix_of_invisible_characters_is_a_name(text: str) -> None:
    if not text.strip():
        return
    assert not _profile_ok(text) and not _entry_ok(text)


@given(st.text(min_size=1, max_size=20))
def test_profiles_and_serums_follow_the_same_rule(text: str) -> None:
    """A serum's name is cleaned of controls first (pasted text holds direction marks); past
    that, what shows decides for both."""
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 100:
        return
    assert _profile_ok(text) == (name_fault(cleaned) is None)
    if _profile_ok(text):
        assert name_problem(text, "Serum") is None and _entry_ok(text)
    if plain_line(cleaned) == cleaned:  # nothing for a serum's cleaning to take out
        assert _profile_ok(text) == (name_problem(text, "Serum") is None) == _entry_ok(text)
