"""A shared computer: every launch starts fresh, no profile's name shows before someone picks
one, and quitting asks whether to clear the answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serumdesk.app import open_user_stores
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Diet
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.paths import UserPaths
from serumdesk.storage.profiles import ProfileStore
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.profiles.actions import ProfileActions, install_profile_actions
from serumdesk.ui.profiles.prompts import Unsaved
from serumdesk.ui.work_state import WorkState
from tests.ui.profile_helpers import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
PATIENT = "Anna after microneedling"


def _window(qtbot: QtBot, catalog_path: Path, paths: UserPaths) -> MainWindow:
    window = MainWindow(WorkState(), CatalogModel(CatalogLoader(catalog_path)), paths)
    qtbot.addWidget(window)
    return window


def _install(window: MainWindow, paths: UserPaths, prompts: ScriptedPrompts, shared: bool) -> ProfileActions:
    return install_profile_actions(
        window,
        window.state,
        window.catalog,
        open_user_stores(paths),
        prompts,
        offer_at_start=False,
        shared_computer=lambda: shared,
    )


def test_no_profile_name_shows_at_launch_on_a_shared_computer(
    qtbot: QtBot, catalog_path: Path, user_dirs: Path
) -> None:
    paths = UserPaths(user_dirs)
    store = ProfileStore(paths.profiles_dir)
    store.set_last_used(store.create(PATIENT, Answers(diet=Diet.VEGAN)).id)
    prompts = ScriptedPrompts()
    prompts.confirms.append(True)  # would open it, if it were offered
    window = _window(qtbot, catalog_path, paths)
    actions = _install(window, paths, prompts, shared=True)
    actions.offer_last_used()
    assert prompts.asked == []
    assert PATIENT not in window.windowTitle()
    assert window.state.answers == Answers()
    assert store.last_used() is None  # and the next launch has nothing to offer either
    assert actions.guard is not None
    actions.guard.release()


def test_a_profile_picked_on_a_shared_computer_is_not_remembered_and_quitting_clears_it(
    qtbot: QtBot, catalog_path: Path, user_dirs: Path
) -> None:
    paths = UserPaths(user_dirs)
    store = ProfileStore(paths.profiles_dir)
    store.create(PATIENT, Answers(diet=Diet.VEGAN))
    prompts = ScriptedPrompts()
    window = _window(qtbot, catalog_path, paths)
    actions = _install(window, paths, prompts, shared=True)
    prompts.picks.append(PATIENT)
    actions.open_action.trigger()  # someone picks it: now its name may show
    assert PATIENT in window.windowTitle()
    assert store.last_used() is None
    prompts.unsaved.append(Unsaved.CANCEL)
    assert not actions.may_close()  # Cancel keeps the window open, answers intact
    assert window.state.answers == Answers(diet=Diet.VEGAN)
    prompts.unsaved.append(Unsaved.DISCARD)  # "Clear and quit"
    assert actions.may_close()
    assert [k for k, _ in prompts.asked].count("clear_on_quit") == 2
    assert window.state.answers == Answers() and PATIENT not in window.windowTitle()
    assert store.find(PATIENT)  # saved profiles stay saved
    assert actions.guard is not None
    actions.guard.release()


def test_without_the_setting_the_last_profile_is_still_offered(
    qtbot: QtBot, catalog_path: Path, user_dirs: Path
) -> None:
    paths = UserPaths(user_dirs)
    store = ProfileStore(paths.profiles_dir)
    store.set_last_used(store.create(PATIENT).id)
    prompts = ScriptedPrompts()
    window = _window(qtbot, catalog_path, paths)
    actions = _install(window, paths, prompts, shared=False)
    actions.offer_last_used()
    assert prompts.texts("confirm") == [f"Continue with your profile “{PATIENT}”?"]
    assert actions.may_close() and "clear_on_quit" not in [k for k, _ in prompts.asked]
    assert actions.guard is not None
    actions.guard.release()


def test_the_app_wires_the_setting_the_clinic_menu_and_the_sheet(qtbot: QtBot) -> None:
    from serumdesk.app import build_main_window
    from serumdesk.domain.clinic.details import ClinicSettings, make_details
    from serumdesk.storage.clinic import ClinicStore

    paths = UserPaths.default()
    ClinicStore(paths.clinic_dir).save(ClinicSettings(make_details("Riverside"), True))
    window = build_main_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.start_up_finished, timeout=60_000):
        window.show()
    guards = list(window.close_guards)
    window.close_guards.clear()  # closing at teardown must not ask (it would be a real dialog)
    profiles = window.findChild(ProfileActions)
    assert profiles is not None and profiles.shared_computer()
    shared = window.clinic_menu.actions()[-1]
    assert shared.isCheckable() and shared.isChecked()
    from serumdesk.ui.results.results_page import ResultsPage

    source = window.wizard.built_page(ResultsPage).clinic_source
    assert source is not None and source()[0] == make_details("Riverside")
    shared.trigger()  # off again, and kept
    assert not profiles.shared_computer()
    assert ClinicStore(paths.clinic_dir).settings().shared_computer is False
    assert profiles.may_close in guards
