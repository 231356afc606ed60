"""An error nobody foresaw reaches the person as plain words, never as a traceback."""

from __future__ import annotations

import sys

import pytest

from serumdesk.ui.error_hook import error_hook


def _raise_and_hook(hook, error: BaseException) -> None:  # type: ignore[no-untyped-def]
    try:
        raise error
    except BaseException:
        hook(*sys.exc_info())


def test_an_unexpected_error_is_said_plainly(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SERUMDESK_DEBUG", raising=False)
    shown: list[str] = []
    _raise_and_hook(error_hook(shown.append), ValueError("year 10000 is out of range"))
    err = capsys.readouterr().err
    assert "Traceback" not in err and "year 10000" not in err
    assert "ValueError" in err and "SERUMDESK_DEBUG" in err
    assert len(shown) == 1 and "did not expect" in shown[0]
    assert "Traceback" not in shown[0] and "year 10000" not in shown[0]


def test_the_details_are_there_when_asked_for(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SERUMDESK_DEBUG", "1")
    shown: list[str] = []
    _raise_and_hook(error_hook(shown.append), ValueError("year 10000 is out of range"))
    assert "Traceback" in capsys.readouterr().err
    assert len(shown) == 1


def test_an_error_while_the_message_is_up_shows_no_second_one() -> None:
    shown: list[str] = []

    def show(text: str) -> None:
        shown.append(text)
        _raise_and_hook(hook, RuntimeError("inside the dialog"))

    hook = error_hook(show)
    _raise_and_hook(hook, ValueError("first"))
    assert len(shown) == 1
