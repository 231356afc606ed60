"""Profiles in the app: save, open, rename, duplicate, delete, export, import, unsaved changes."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from serumdesk.app import open_user_stores
from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.bottles import Bottle
from serumdesk.domain.choices import Caution, Diet, Sensitivity, UseCase
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.paths import UserPaths
from serumdesk.storage.profiles import ProfileStore
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.profiles.actions import (
    SECOND_INSTANCE_MESSAGE,
    ProfileActions,
    install_profile_actions,
)
from serumdesk.ui.profiles.prompts import Unsaved
from serumdesk.ui.questions.use_case_page import UseCasePage
from serumdesk.ui.work_state import WorkState
from tests.ui.profile_helpers import ScriptedPrompts
from tests.ui.wizard_helpers import status_text

BOTTLES = (Bottle("symbiome-the-answer", opened=dt.date(2026, 11, 2), months_after_opening=6),)

# The offscreen platform cannot resize real windows; Qt says so when a main window shows.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ANSWERS = Answers(
    use_case=UseCase.HYDRATION,
    sensitivity=Sensitivity.HIGH,
    diet=Diet.VEGAN,
    cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}),
    allergens=("lanolin",),
    budget_usd_per_month=60,
)
OVERRIDES = Overrides({"kate-somerville-supercell": ProductOverride(price_usd=99.0)})
COMPARED = ["kate-somerville-supercell", "the-ordinary-hyaluronic-acid-b5"]


@pytest.fixture
def paths(user_dirs: Path) -> UserPaths:
    return UserPaths(user_dirs)


def _window(qtbot: QtBot, catalog_path: Path, paths: UserPaths) -> MainWindow:
    window = MainWindow(WorkState(), CatalogModel(CatalogLoader(catalog_path)), paths)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def app_window(
    qtbot: QtBot, catalog_path: Path, paths: UserPaths, prompts: ScriptedPrompts
) -> Iterator[tuple[MainWindow, ProfileActions]]:
    window = _window(qtbot, catalog_path, paths)
    actions = install_profile_actions(
        window, window.state, window.catalog, open_user_stores(paths), prompts, offer_at_start=False
    )
    window.show()
    yield window, actions
    if actions.guard is not None:
        actions.guard.release()


def _fill(window: MainWindow) -> None:
    window.state.replace(ANSWERS, OVERRIDES, COMPARED, BOTTLES)


def _click_use_case(qtbot: QtBot, window: MainWindow, use_case: UseCase) -> None:
    """A person's edit: click a radio button on the first question."""
    page = window.wizard.currentPage()
    assert isinstance(page, UseCasePage)
    page.choice.buttons[use_case].click()
    qtbot.wait(1)


def test_save_as_and_open_round_trip(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    window, actions = app_window
    _fill(window)
    prompts.names.append("Mum")
    actions.save_action.trigger()

    on_disk = ProfileStore(paths.profiles_dir).find("Mum")
    assert (on_disk.answers, on_disk.overrides, list(on_disk.compared_ids)) == (ANSWERS, OVERRIDES, COMPARED)
    assert window.windowTitle().startswith("Mum")
    assert not window.isWindowModified()
    assert status_text(window) == "Saved profile “Mum”."  # shown at the foot of the window

    actions.new_action.trigger()
    assert window.state.answers == Answers()
    assert window.state.bottles == ()
    prompts.picks.append("Mum")
    actions.open_action.trigger()
    assert window.state.answers == ANSWERS
    assert window.state.overrides == OVERRIDES
    assert list(window.state.compared_ids) == COMPARED
    assert window.state.bottles == BOTTLES
    assert prompts.texts("pick") == ["Mum"]
    assert status_text(window) == "Opened profile “Mum”."


def test_edit_marks_unsaved_and_save_writes_it(
    qtbot: QtBot, app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    window, actions = app_window
    prompts.names.append("Mum")
    actions.save_action.trigger()
    _click_use_case(qtbot, window, UseCase.BRIGHTENING)
    assert window.isWindowModified()
    actions.save_action.trigger()  # no name asked again: it saves over "Mum"
    assert prompts.texts("name") == ["Save profile as: "]
    assert ProfileStore(paths.profiles_dir).find("Mum").answers.use_case is UseCase.BRIGHTENING
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    ("choice", "closes", "saved"),
    [(Unsaved.CANCEL, False, False), (Unsaved.DISCARD, True, False), (Unsaved.SAVE, True, True)],
)
def test_close_with_unsaved_changes_asks(
    qtbot: QtBot,
    app_window: tuple[MainWindow, ProfileActions],
    prompts: ScriptedPrompts,
    paths: UserPaths,
    choice: Unsaved,
    closes: bool,
    saved: bool,
) -> None:
    window, actions = app_window
    prompts.names.append("Mum")
    actions.save_action.trigger()
    _click_use_case(qtbot, window, UseCase.BRIGHTENING)
    prompts.unsaved.append(choice)
    window.close()
    assert prompts.texts("unsaved") == ["Mum"]
    assert window.isVisible() is not closes
    use_case = ProfileStore(paths.profiles_dir).find("Mum").answers.use_case
    assert (use_case is UseCase.BRIGHTENING) is saved


def test_close_without_changes_does_not_ask(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts
) -> None:
    window, _actions = app_window
    window.close()
    assert not window.isVisible()
    assert prompts.texts("unsaved") == []


def test_opening_another_profile_asks_first(
    qtbot: QtBot, app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    window, actions = app_window
    ProfileStore(paths.profiles_dir).create("Dad", ANSWERS)
    _click_use_case(qtbot, window, UseCase.BRIGHTENING)
    prompts.unsaved.append(Unsaved.CANCEL)
    actions.open_action.trigger()
    assert prompts.texts("pick") == []  # cancelled before choosing
    assert window.state.answers.use_case is UseCase.BRIGHTENING
    prompts.unsaved.append(Unsaved.DISCARD)
    prompts.picks.append("Dad")
    actions.open_action.trigger()
    assert window.state.answers == ANSWERS


def test_rename_duplicate_delete_restore(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    window, actions = app_window
    store = ProfileStore(paths.profiles_dir)
    _fill(window)
    prompts.names.extend(["Mum", "Mother", "Mother copy"])
    actions.save_action.trigger()
    actions.rename_action.trigger()
    assert store.listing().names == ["Mother"]
    assert window.windowTitle().startswith("Mother")
    actions.duplicate_action.trigger()
    assert store.find("Mother copy").answers == ANSWERS

    prompts.confirms.append(False)
    actions.delete_action.trigger()
    assert store.listing().names == ["Mother", "Mother copy"]
    prompts.confirms.append(True)
    actions.delete_action.trigger()
    assert "Move the profile “Mother” to the trash?" in prompts.texts("confirm")[-1]
    assert store.listing().names == ["Mother copy"]
    assert window.isWindowModified()  # the answers on screen are now saved nowhere
    assert not actions.delete_action.isEnabled()

    prompts.picks.append("Mother")
    actions.restore_action.trigger()
    assert store.listing().names == ["Mother", "Mother copy"]


def test_export_and_import(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths, tmp_path: Path
) -> None:
    window, actions = app_window
    _fill(window)
    prompts.names.append("Mum")
    actions.save_action.trigger()
    exported = tmp_path / "mum.json"
    prompts.files.extend([exported, exported])
    actions.export_action.trigger()
    assert prompts.texts("save_file") == ["Mum.serumdesk.json"]
    assert json.loads(exported.read_text("utf-8"))["answers"]["diet"] == "vegan"

    actions.new_action.trigger()
    actions.import_action.trigger()
    assert window.state.answers == ANSWERS
    assert actions.current is not None and actions.current.name == "Mum (2)"
    assert ProfileStore(paths.profiles_dir).listing().names == ["Mum", "Mum (2)"]


def test_an_export_carries_your_serums_and_an_import_keeps_them(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Issue #14: a profile that compares a serum you entered takes it along to another
    computer; there it is kept with your serums (once), and the comparison still shows it."""
    import datetime as dt

    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.storage.user_catalog import UserCatalogStore
    from serumdesk.ui.profiles.actions import carried_serums_question

    window, actions = app_window
    assert actions.serums is not None
    kept = actions.serums.add(
        MyProduct(
            "",
            "Glow Lab",
            "Exo Ampoule",
            89.0,
            30.0,
            "Water, Glycerin, Sodium Hyaluronate",
            entered=dt.date(2026, 11, 2),
        )
    )
    window.state.replace(Answers(), compared_ids=[kept.id, "bioeffect-egf-serum"])
    prompts.names.append("Mum")
    actions.save_action.trigger()
    exported = tmp_path / "mum.json"
    prompts.files.append(exported)
    actions.export_action.trigger()
    carried = json.loads(exported.read_text("utf-8"))["my_products"]
    assert [(p["id"], p["label"]) for p in carried] == [(kept.id, "Water, Glycerin, Sodium Hyaluronate")]

    other = UserCatalogStore(tmp_path / "other" / "catalog")
    actions.serums = other  # as if on another computer
    prompts.files.append(exported)
    prompts.confirms.append(False)  # asked first: declined, nothing changes
    actions.import_action.trigger()
    assert prompts.asked[-1] == ("confirm", carried_serums_question("Mum", 1))
    assert "carries 1 serum someone entered" in prompts.asked[-1][1]
    assert other.my_products() == []
    prompts.files.append(exported)
    prompts.confirms.append(True)
    actions.import_action.trigger()
    assert prompts.buttons[-1][0] == "Import with 1 serum"
    assert [p.id for p in other.my_products()] == [kept.id]
    assert window.state.compared_ids[0] == kept.id
    prompts.files.append(exported)
    prompts.confirms.append(True)
    actions.import_action.trigger()  # again: the same serum is not added twice
    assert [p.id for p in other.my_products()] == [kept.id]


def test_import_of_a_bad_file_is_a_named_message(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    _window, actions = app_window
    bad = tmp_path / "evil.json"
    bad.write_text('{"schema_version": 1, "name": "x", "exec": "rm -rf ~"}', "utf-8")
    prompts.files.append(bad)
    actions.import_action.trigger()
    [message] = prompts.texts("warn")
    assert "evil.json is not a SerumDesk profile" in message
    assert actions.current is None


def test_conflict_with_another_window_loses_nothing(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    window, actions = app_window
    prompts.names.append("Mum")
    actions.save_action.trigger()
    assert actions.current is not None
    other = ProfileStore(paths.profiles_dir)
    other.update(actions.current.id, lambda p: p.with_changes(notes="from the other window"))
    window.state.replace(ANSWERS)
    prompts.confirms.append(False)
    assert actions.save() is False
    assert "changed by another SerumDesk window" in prompts.texts("confirm")[0]
    assert other.find("Mum").notes == "from the other window"


def test_full_disk_shows_a_message_and_keeps_the_file(
    app_window: tuple[MainWindow, ProfileActions],
    prompts: ScriptedPrompts,
    paths: UserPaths,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, actions = app_window
    prompts.names.append("Mum")
    actions.save_action.trigger()
    store = ProfileStore(paths.profiles_dir)
    before = store.find("Mum")

    def full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    window.state.replace(ANSWERS)
    actions.dirty = True
    assert actions.save() is False
    monkeypatch.undo()
    [message] = prompts.texts("warn")
    assert "the disk is full" in message
    assert store.find("Mum") == before
    assert actions.dirty  # still marked unsaved: closing will ask again


def test_second_window_is_read_only(
    qtbot: QtBot, catalog_path: Path, paths: UserPaths, app_window: tuple[MainWindow, ProfileActions]
) -> None:
    ProfileStore(paths.profiles_dir).create("Mum", ANSWERS)
    second_prompts = ScriptedPrompts()
    second = _window(qtbot, catalog_path, paths)
    actions = install_profile_actions(
        second, second.state, second.catalog, open_user_stores(paths), second_prompts, offer_at_start=False
    )
    assert actions.store.read_only
    assert "(read-only)" in second.windowTitle()
    assert not actions.save_action.isEnabled()
    assert not actions.import_action.isEnabled()
    assert actions.open_action.isEnabled()
    actions.offer_last_used()
    assert second_prompts.texts("inform") == [SECOND_INSTANCE_MESSAGE]
    second_prompts.picks.append("Mum")
    actions.open_action.trigger()
    assert second.state.answers == ANSWERS


def test_last_used_profile_is_offered_at_start(qtbot: QtBot, catalog_path: Path, paths: UserPaths) -> None:
    store = ProfileStore(paths.profiles_dir)
    store.set_last_used(store.create("Mum", ANSWERS).id)
    prompts = ScriptedPrompts()
    prompts.confirms.append(True)
    window = _window(qtbot, catalog_path, paths)
    actions = install_profile_actions(window, window.state, window.catalog, open_user_stores(paths), prompts)
    qtbot.waitUntil(lambda: actions.current is not None)
    assert prompts.texts("confirm") == ["Continue with your profile “Mum”?"]
    assert prompts.buttons == [("Open it", "Start fresh")]
    assert window.state.answers == ANSWERS
    assert actions.guard is not None
    actions.guard.release()


def test_unreadable_files_are_reported_at_start(qtbot: QtBot, catalog_path: Path, paths: UserPaths) -> None:
    store = ProfileStore(paths.profiles_dir)
    store.create("Mum")
    bad = paths.profiles_dir / ("9" * 32 + ".json")
    bad.write_text("{", "utf-8")
    prompts = ScriptedPrompts()
    window = _window(qtbot, catalog_path, paths)
    actions = install_profile_actions(
        window, window.state, window.catalog, open_user_stores(paths), prompts, offer_at_start=False
    )
    actions.offer_last_used()
    [message] = prompts.texts("warn")
    assert bad.name in message and "not valid JSON" in message and "corrupt" in message
    assert actions.guard is not None
    actions.guard.release()


def test_names_are_shown_as_typed_not_as_html(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts
) -> None:
    window, actions = app_window
    prompts.names.append("<b>Mum</b> & co")
    actions.save_action.trigger()
    assert window.windowTitle().startswith("<b>Mum</b> & co")


def test_save_as_an_existing_name_asks_before_replacing(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    window, actions = app_window
    store = ProfileStore(paths.profiles_dir)
    store.create("Dad", Answers(diet=Diet.NO_HUMAN_DERIVED))
    _fill(window)
    prompts.names.extend(["dad", None])
    prompts.confirms.append(False)
    assert actions.save_as() is False
    assert prompts.texts("name") == ["Save profile as: ", "Save profile as: dad"]
    assert store.find("Dad").answers.diet is Diet.NO_HUMAN_DERIVED
    prompts.names.append("DAD")
    prompts.confirms.append(True)
    assert actions.save_as() is True
    assert store.listing().names == ["Dad"]
    assert store.find("Dad").answers == ANSWERS


@pytest.mark.slow
def test_gui_and_cli_read_each_others_profiles(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    import subprocess
    import sys

    serumdesk = Path(sys.executable).parent / "serumdesk"
    window, actions = app_window
    _fill(window)
    prompts.names.append("From the app")
    actions.save_action.trigger()

    def cli(*args: str) -> str:
        return subprocess.run(
            [str(serumdesk), *args], cwd=tmp_path, capture_output=True, text=True, check=True, timeout=60
        ).stdout

    shown = json.loads(cli("profile", "show", "From the app", "--json"))
    assert shown["answers"]["diet"] == "vegan"
    assert shown["overrides"]["kate-somerville-supercell"]["price_usd"] == 99.0
    assert shown["compared_ids"] == COMPARED

    cli("profile", "save", "From the CLI", "--use-case", "brightening", "--caution", "autoimmune")
    prompts.picks.append("From the CLI")
    actions.open_action.trigger()
    assert window.state.answers.use_case is UseCase.BRIGHTENING
    assert window.state.answers.cautions == frozenset({Caution.AUTOIMMUNE})


def test_save_as_with_a_fifo_named_like_a_profile_does_not_freeze(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, paths: UserPaths
) -> None:
    """Issue #13, case 7: Save As read every profile file to check the name was free, and a
    FIFO among them froze the app."""
    from tests.hostile import deadline, make_fifo

    window, actions = app_window
    paths.profiles_dir.mkdir(parents=True)
    make_fifo(paths.profiles_dir / ("8" * 32 + ".json"))
    _fill(window)
    prompts.names.append("Mum")
    with deadline():
        assert actions.save_as() is True
    assert ProfileStore(paths.profiles_dir).listing().names == ["Mum"]


def test_export_onto_a_fifo_or_link_is_refused_with_a_message(
    app_window: tuple[MainWindow, ProfileActions], prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Case 2: the file dialog asks before replacing a file, but what is there is checked too."""
    from tests.hostile import make_fifo

    window, actions = app_window
    _fill(window)
    prompts.names.append("Mum")
    actions.save_action.trigger()
    fifo = make_fifo(tmp_path / "mum.json")
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", "utf-8")
    (tmp_path / "link.json").symlink_to(victim)
    prompts.files.extend([fifo, tmp_path / "link.json"])
    actions.export_action.trigger()
    actions.export_action.trigger()
    fifo_message, link_message = prompts.texts("warn")
    assert "it is a named pipe (FIFO), and SerumDesk only replaces regular files" in fifo_message
    assert "it is a symbolic link" in link_message
    assert victim.read_text("utf-8") == "precious"


def test_a_data_folder_made_read_only_stays_so_and_saving_says_why(
    qtbot: QtBot, catalog_path: Path, paths: UserPaths
) -> None:
    """Issue #19: a folder the person made read-only (0500) was made 0700 again and written,
    since root may write anywhere. Now nothing is written there and a save says why."""
    store = ProfileStore(paths.profiles_dir)
    store.create("Mum", ANSWERS)
    before = sorted(p.name for p in paths.data_dir.rglob("*"))
    paths.data_dir.chmod(0o500)
    paths.profiles_dir.chmod(0o500)
    try:
        prompts = ScriptedPrompts()
        window = _window(qtbot, catalog_path, paths)
        actions = install_profile_actions(
            window, window.state, window.catalog, open_user_stores(paths), prompts, offer_at_start=False
        )
        actions.offer_last_used()
        assert prompts.texts("inform") == []  # not taken for a second window
        window.state.replace(ANSWERS, OVERRIDES, COMPARED, BOTTLES)
        prompts.names.append("Dad")
        actions.save_action.trigger()
        [warned] = prompts.texts("warn")
        assert "read-only" in warned
        assert sorted(p.name for p in paths.data_dir.rglob("*")) == before
        assert oct(paths.data_dir.stat().st_mode & 0o777) == oct(0o500)
        assert oct(paths.profiles_dir.stat().st_mode & 0o777) == oct(0o500)
        if actions.guard is not None:
            actions.guard.release()
    finally:
        paths.profiles_dir.chmod(0o700)
        paths.data_dir.chmod(0o700)
