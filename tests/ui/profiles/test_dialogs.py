"""The profile dialogs as a person sees them: names as typed, never as HTML."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from serumdesk.app import open_user_stores
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import UseCase
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.paths import UserPaths
from serumdesk.storage.profile_types import Profile
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.profiles.actions import install_profile_actions
from serumdesk.ui.profiles.picker_dialog import ProfilePickerDialog
from serumdesk.ui.profiles.prompts import DialogPrompts, Unsaved, suggested_file_name
from serumdesk.ui.widgets.plain_dialogs import message_box
from serumdesk.ui.work_state import WorkState
from tests.ui.profile_helpers import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WHEN = dt.datetime(2026, 3, 14, 9, 30, tzinfo=dt.UTC)
PROFILES = [
    Profile(name="<b>Mum</b> & co", answers=Answers(use_case=UseCase.POST_PROCEDURE), updated=WHEN),
    Profile(name="🧴 Dad's serum plan", answers=Answers(use_case=UseCase.HYDRATION), updated=WHEN),
    Profile(name="../../etc/passwd", updated=WHEN),
    Profile(name="A very long name " * 12, updated=WHEN),
]


def test_picker_lists_names_literally_and_filters(qtbot: QtBot, artifacts_dir: Path) -> None:
    dialog = ProfilePickerDialog(
        PROFILES,
        title="Open profile",
        action="Open",
        intro="Choose a saved profile to open.",
        current_id=PROFILES[1].id,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grab().save(str(artifacts_dir / "picker.png"))
    first = dialog.list.item(0).text()
    assert first.startswith("<b>Mum</b> & co\n")
    assert "Recovery after a procedure" in first
    assert dialog.chosen() == PROFILES[1]
    dialog.filter.setText("mum")
    visible = [
        dialog.list.item(r).text() for r in range(dialog.list.count()) if not dialog.list.item(r).isHidden()
    ]
    assert len(visible) == 1 and visible[0].startswith("<b>Mum</b>")
    dialog.list.setCurrentRow(0)
    assert dialog.chosen() == PROFILES[0]


def test_empty_picker_cannot_accept(qtbot: QtBot) -> None:
    dialog = ProfilePickerDialog([], title="t", intro="i", action="Open")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert dialog.chosen() is None


def test_message_boxes_are_plain_text(
    qtbot: QtBot, artifacts_dir: Path, catalog_path: Path, user_dirs: Path
) -> None:
    window = MainWindow(WorkState(), CatalogModel(CatalogLoader(catalog_path)), UserPaths(user_dirs))
    qtbot.addWidget(window)
    box = message_box(
        window,
        QMessageBox.Icon.Warning,
        "Unsaved changes",
        "You have changes to profile “<b>Mum</b>” that are not saved.",
    )
    qtbot.addWidget(box)
    box.show()
    box.grab().save(str(artifacts_dir / "message_box.png"))
    assert box.textFormat().name == "PlainText"
    assert "“<b>Mum</b>”" in box.text()


def test_file_menu_holds_the_profile_actions(
    qtbot: QtBot, artifacts_dir: Path, catalog_path: Path, user_dirs: Path
) -> None:
    window = MainWindow(WorkState(), CatalogModel(CatalogLoader(catalog_path)), UserPaths(user_dirs))
    qtbot.addWidget(window)
    actions = install_profile_actions(
        window,
        window.state,
        window.catalog,
        open_user_stores(UserPaths(user_dirs)),
        ScriptedPrompts(),
        offer_at_start=False,
    )
    window.show()
    # Quit joins the menu right after the first paint (start-up builds only the first page).
    qtbot.waitUntil(lambda: window.file_menu.actions()[-1].text() == "&Quit")
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts[:4] == ["&New profile", "&Open profile…", "&Save profile", "Save profile &as…"]
    assert texts[-1] == "&Quit"
    assert len(texts) <= 9  # a short File menu; managing profiles has its own menu
    menus = [a.text() for a in window.menu_bar.actions() if a.isVisible()]
    assert menus[:2] == ["&File", "&Profiles"] and menus[-1] == "&Help"
    managing = [a.text() for a in window.profiles_menu.actions()]
    assert "&Rename profile…" in managing and "&Rename profile…" not in texts
    assert [a.text() for a in window.help_menu.actions()] == ["SerumDesk &help", "&About SerumDesk"]
    window.file_menu.adjustSize()  # rendered without popping up (offscreen has no popups)
    window.file_menu.grab().save(str(artifacts_dir / "file_menu.png"))
    window.grab().save(str(artifacts_dir / "window.png"))
    assert actions.guard is not None
    actions.guard.release()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mum", "Mum.serumdesk.json"),
        ("../../x", "x.serumdesk.json"),
        ("<script>", "script.serumdesk.json"),
        ("🧴", "profile.serumdesk.json"),
    ],
)
def test_export_file_names_are_harmless(name: str, expected: str) -> None:
    assert suggested_file_name(name) == expected


@pytest.mark.parametrize(
    ("button", "expected"),
    [
        (QMessageBox.StandardButton.Save, Unsaved.SAVE),
        (QMessageBox.StandardButton.Discard, Unsaved.DISCARD),
        (QMessageBox.StandardButton.Cancel, Unsaved.CANCEL),
    ],
)
def test_real_unsaved_question_maps_its_buttons(
    qtbot: QtBot, catalog_path: Path, user_dirs: Path, button: QMessageBox.StandardButton, expected: Unsaved
) -> None:
    window = MainWindow(WorkState(), CatalogModel(CatalogLoader(catalog_path)), UserPaths(user_dirs))
    qtbot.addWidget(window)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)
    assert DialogPrompts(window).ask_unsaved("<i>Mum</i>") is expected
    assert seen == ["You have changes to profile “<i>Mum</i>” that are not saved."]
