"""What staff type at print time: all optional, a follow-up only from today on."""

from __future__ import annotations

import datetime as dt

import pytest

from serumdesk.domain.clinic.handout import (
    LINE_CHARS,
    MAX_NOTES_LINES,
    HandoutError,
    make_handout,
    parse_follow_up,
)

TODAY = dt.date(2026, 12, 7)


def test_nothing_is_required() -> None:
    assert make_handout(today=TODAY).is_empty


def test_a_follow_up_is_today_or_later_and_not_years_away() -> None:
    assert parse_follow_up("2026-12-07", TODAY) == TODAY
    assert parse_follow_up("15.01.2027", TODAY) == dt.date(2027, 1, 15)
    with pytest.raises(HandoutError, match="in the past"):
        parse_follow_up("2026-12-06", TODAY)
    with pytest.raises(HandoutError, match="more than 2 years away"):
        parse_follow_up("2207-01-15", TODAY)
    with pytest.raises(HandoutError, match="could be"):
        parse_follow_up("02/01/2027", TODAY)


def test_notes_keep_their_lines_but_not_beyond_the_box() -> None:
    handout = make_handout(notes="\n\nOnce a day\r\n\n  then twice \x1b[31m\n\n", today=TODAY)
    assert handout.notes == "Once a day\n\nthen twice"
    with pytest.raises(HandoutError, match="lines"):
        make_handout(notes="\n".join(["x"] * (MAX_NOTES_LINES + 1)), today=TODAY)
    with pytest.raises(HandoutError, match="lines of about"):  # one line that wraps seven times
        make_handout(notes="word " * (LINE_CHARS * MAX_NOTES_LINES // 5 + 1), today=TODAY)
