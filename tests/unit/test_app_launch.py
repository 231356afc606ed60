"""A launch that cannot open a window for want of xcb libraries says what to install."""

from __future__ import annotations

import ctypes
import sys

import pytest

from serumdesk import app


def fake_cdll(missing: set[str]):  # type: ignore[no-untyped-def]
    def load(name: str, *args: object, **kwargs: object) -> object:
        if name in missing:
            raise OSError(f"{name}: cannot open shared object file")
        return object()

    return load


@pytest.fixture
def on_x11(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")


@pytest.mark.usefixtures("on_x11")
def test_missing_xcb_libraries_are_named_by_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes, "CDLL", fake_cdll({"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}))
    assert app.missing_xcb_packages() == ["libxcb-icccm4", "libxcb-keysyms1"]


@pytest.mark.usefixtures("on_x11")
def test_launch_prints_the_apt_command_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(ctypes, "CDLL", fake_cdll({"libxcb-cursor.so.0"}))
    assert app.run_gui(["serumdesk"]) == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0" in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("on_x11")
def test_all_libraries_present_means_nothing_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes, "CDLL", fake_cdll(set()))
    assert app.missing_xcb_packages() == []


def test_offscreen_and_wayland_need_no_xcb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes, "CDLL", fake_cdll(set(app.XCB_LIBRARIES)))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app.missing_xcb_packages() == []
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app.missing_xcb_packages() == []


def test_no_graphical_session_says_so_instead_of_aborting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    assert app.run_gui(["serumdesk"]) == 1
    err = capsys.readouterr().err
    assert "no graphical session" in err and "serumdesk recommend --help" in err
