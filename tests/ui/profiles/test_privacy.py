"""The app opens no network connection while a person answers, saves and reopens profiles."""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serumdesk.app import build_main_window
from serumdesk.storage.paths import UserPaths
from serumdesk.ui.profiles.actions import ProfileActions
from serumdesk.ui.results.results_page import ResultsPage
from tests.ui.profile_helpers import ScriptedPrompts
from tests.ui.wizard_helpers import pick_goal_if_unanswered, wait_for_start_up

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def network_attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def trap(what: str) -> Callable[..., None]:
        def refuse(*args: object, **_kwargs: object) -> None:
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError("network access is forbidden in this test")

        return refuse

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, trap(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, trap(name))
    return attempts


def test_trap_records_attempts(network_attempts: list[str]) -> None:
    """Control: the trap below is live, so an empty record means something."""
    with pytest.raises(OSError, match="forbidden"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    assert network_attempts and network_attempts[0].startswith("create_connection")


def test_app_session_makes_no_connection(
    qtbot: QtBot, catalog_path: Path, user_dirs: Path, tmp_path: Path, network_attempts: list[str]
) -> None:
    window = build_main_window(catalog_path, UserPaths(user_dirs))
    qtbot.addWidget(window)
    window.show()
    # Profiles are wired right after the first paint, before anything can be clicked.
    qtbot.waitUntil(lambda: window.findChild(ProfileActions) is not None)
    actions = window.findChild(ProfileActions)
    assert actions is not None
    prompts = ScriptedPrompts()
    actions.prompts = prompts
    wait_for_start_up(qtbot, window)
    wizard = window.wizard
    for _ in range(20):  # every question with its default answer, up to the results
        if isinstance(wizard.currentPage(), ResultsPage):
            break
        pick_goal_if_unanswered(qtbot, window)
        wizard.next()
    assert isinstance(wizard.currentPage(), ResultsPage)
    assert window.wizard.built_page(ResultsPage).recommendation is not None

    prompts.names.append("Mum")
    assert actions.save()
    exported = tmp_path / "mum.json"
    prompts.files.extend([exported, exported])
    actions.export_profile()
    actions.import_profile()
    prompts.picks.append("Mum")
    actions.open_profile()

    assert network_attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
    assert actions.guard is not None
    actions.guard.release()
