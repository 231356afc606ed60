"""The main window's API, odd states, plain-text safety, keyboard use and remembered geometry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.domain.choices import Caution, Diet, Procedure, Sensitivity, UseCase
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.paths import settings_file
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.questions.cautions_page import CautionsPage
from serumdesk.ui.questions.procedure_page import ProcedurePage
from serumdesk.ui.questions.sensitivity_page import SensitivityPage
from serumdesk.ui.questions.use_case_page import UseCasePage
from serumdesk.ui.results.results_page import ResultsPage
from serumdesk.ui.work_state import WorkState
from tests.ui.wizard_helpers import (
    CATALOG,
    HUMAN_DERIVED,
    answer_current_page,
    catalog_products,
    click,
    click_next,
    compare,
    drive_to_results,
    monthly_cost,
    next_until,
    open_window,
    set_answers,
    wait_for_start_up,
)

HOSTILE_NAME = "<b>x</b><img src=x>"


def write_catalog(path: Path, products: list[dict[str, Any]]) -> Path:
    data = json.loads(CATALOG.read_text(encoding="utf-8"))
    data["products"] = products
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- the work state ------------------------------------------------------------------------------


def test_replacing_the_state_starts_over_filled_and_is_not_an_edit(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    drive_to_results(qtbot, window, Answers())
    wanted = Answers(
        use_case=UseCase.HYDRATION,
        sensitivity=Sensitivity.HIGH,
        diet=Diet.VEGAN,
        cautions=frozenset({Caution.AUTOIMMUNE}),
        allergens=("lavender",),
        budget_usd_per_month=45.5,
    )
    with qtbot.assertNotEmitted(window.state.changed):
        window.state.replace(wanted)
    page = window.wizard.currentPage()
    assert isinstance(page, UseCasePage)
    assert page.choice.value() is UseCase.HYDRATION
    assert window.state.answers == wanted
    # Next through the pages without touching anything keeps every answer.
    while not isinstance(window.wizard.currentPage(), ResultsPage):
        click_next(qtbot, window)
    assert window.state.answers == wanted


def test_edits_reach_the_state_before_next_and_are_signalled(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = window.wizard.currentPage()
    assert isinstance(page, UseCasePage)
    with qtbot.waitSignal(window.state.changed):
        click(qtbot, page.choice.buttons[UseCase.BRIGHTENING])
    assert window.state.answers.use_case is UseCase.BRIGHTENING


def test_replaced_overrides_and_comparison_show_on_the_results(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    pid = "the-ordinary-multi-peptide-ha"
    overrides = Overrides({pid: ProductOverride(price_usd=40.0)})
    with qtbot.assertNotEmitted(window.state.changed):
        window.state.replace(Answers(), overrides, [pid, "bioeffect-egf-serum"])
    page = drive_to_results(qtbot, window, Answers())
    assert window.state.overrides == overrides
    assert set(window.state.compared_ids) == {pid, "bioeffect-egf-serum"}
    product = catalog_products()[pid]
    assert page.cards[pid].cost.monthly.text() == f"${monthly_cost(product, price=40):,.2f} a month"
    rec = page.recommendation
    assert rec is not None and rec.answers == window.state.answers


def test_compared_products_that_get_excluded_are_replaced(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    drive_to_results(qtbot, window, Answers())
    compare(window, ["skinmedica-tns-advanced-plus", "neocutis-bio-serum-firm"])
    set_answers(window, Answers(diet=Diet.VEGAN))
    drive_to_results(qtbot, window, Answers(diet=Diet.VEGAN))
    compared = window.state.compared_ids
    assert len(compared) == 3 and not set(compared) & HUMAN_DERIVED


# -- validation -----------------------------------------------------------------------------


def test_a_required_choice_blocks_next_with_a_message(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    answer_current_page(qtbot, window, Answers(use_case=UseCase.POST_PROCEDURE))
    click_next(qtbot, window)
    page = window.wizard.currentPage()
    assert isinstance(page, ProcedurePage)
    page.wizard().next()
    assert window.wizard.currentPage() is page
    assert page.error_label.isVisible()
    assert "procedure" in page.error_label.text()


def test_an_allergen_that_is_not_a_word_is_refused(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = next_until(qtbot, window, CautionsPage)
    qtbot.keyClicks(page.allergens, "lavender, 12345")
    window.wizard.next()
    assert window.wizard.currentPage() is page
    assert "12345" in page.error_label.text()


# -- odd and empty states -------------------------------------------------------------------


def test_every_product_excluded_says_why_and_what_to_relax(
    qtbot: QtBot, tmp_path: Path, artifacts_dir: Path
) -> None:
    products = catalog_products()
    catalog = write_catalog(tmp_path / "human.json", [products[p] for p in sorted(HUMAN_DERIVED)])
    window = open_window(qtbot, catalog)
    page = drive_to_results(qtbot, window, Answers(diet=Diet.VEGAN))
    assert not page.cards
    assert page.status.isVisible()
    assert "Every product was left out" in page.status.text()
    assert Diet.VEGAN.label in page.status.text()
    assert page.advice is not None
    assert page.advice.excluded.text().count("Not vegan") == len(HUMAN_DERIVED)
    window.grab().save(str(artifacts_dir / "all-excluded.png"))


def test_a_catalog_that_fails_to_load_shows_a_message_and_the_app_still_works(
    qtbot: QtBot, tmp_path: Path, artifacts_dir: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    window = open_window(qtbot, broken)
    assert window.banner.isVisible()
    assert "could not be loaded" in window.banner.text()
    assert "not valid JSON" in window.banner.text()
    page = drive_to_results(qtbot, window, Answers())
    assert page.status.isVisible() and "could not be loaded" in page.status.text()
    assert not page.print_button.isEnabled()
    window.grab().save(str(artifacts_dir / "catalog-failed.png"))
    # Going back still works.
    window.wizard.back()
    assert not isinstance(window.wizard.currentPage(), ResultsPage)


def test_catalog_text_is_shown_literally(qtbot: QtBot, tmp_path: Path, artifacts_dir: Path) -> None:
    product = dict(catalog_products()["the-ordinary-hyaluronic-acid-b5"])
    product["name"] = HOSTILE_NAME
    product["key_ingredients"] = ["<i>glycerin</i>"]
    catalog = write_catalog(tmp_path / "hostile.json", [product])
    window = open_window(qtbot, catalog)
    page = drive_to_results(qtbot, window, Answers())
    card = page.cards[product["id"]]
    window.grab().save(str(artifacts_dir / "html-shown-literally.png"))
    assert card.name_label.text() == HOSTILE_NAME
    assert card.name_label.textFormat() == Qt.TextFormat.PlainText
    assert "<i>glycerin</i>" in card.ingredients_label.text()
    assert page.chooser is not None
    assert HOSTILE_NAME in page.chooser.boxes[product["id"]].text()
    # No label on any page may interpret text as HTML (the wizard's own header shows our
    # fixed titles).
    for label in window.wizard.currentPage().findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


# -- accessibility and keyboard ---------------------------------------------------------------

CONTROLS = (QAbstractButton, QAbstractSpinBox, QLineEdit, QComboBox)


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if (
            isinstance(widget, CONTROLS)
            and widget.isVisibleTo(root)
            and not widget.accessibleName()
            and widget.objectName() != "qt_spinbox_lineedit"
        ):
            missing.append(f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}")
    return missing


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    answers = Answers(use_case=UseCase.POST_PROCEDURE, procedure=Procedure.PEEL)
    seen = []
    while True:
        page = window.wizard.currentPage()
        seen.append(type(page).__name__)
        assert unnamed_controls(page) == [], type(page).__name__
        if isinstance(page, ResultsPage):
            break
        answer_current_page(qtbot, window, answers)
        click_next(qtbot, window)
    assert "ProcedurePage" in seen
    assert unnamed_controls(window.wizard) == []


def test_the_wizard_works_from_the_keyboard(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = window.wizard.currentPage()
    assert isinstance(page, UseCasePage)
    window.activateWindow()
    qtbot.waitActive(window)
    button = page.choice.buttons[UseCase.MILD_CONCERNS]
    button.setFocus()
    assert page.choice.value() is None  # nothing chosen for the person
    assert page.step_text == "Step 1 of 6"
    qtbot.keyClick(button, Qt.Key.Key_Down)  # arrows move within the group
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Space)  # and Space chooses
    assert page.choice.value() is UseCase.SENSITIVE_BARRIER
    # Tab into the group lands on the chosen option, not the first.
    chosen = page.choice.buttons[UseCase.SENSITIVE_BARRIER]
    assert chosen.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)  # Enter presses Next
    assert isinstance(window.wizard.currentPage(), SensitivityPage)
    # Alt+N / Alt+B: the offscreen platform maps no shortcut keys, so check the mnemonics
    # are there and that no other control on any page claims the same Alt key.
    wizard = window.wizard
    assert wizard.button(QWizard.WizardButton.NextButton).shortcut().toString() == "Alt+N"
    assert wizard.button(QWizard.WizardButton.BackButton).shortcut().toString() == "Alt+B"
    for index in wizard.pageIds():
        keys = [
            b.shortcut().toString()
            for b in wizard.page(index).findChildren(QAbstractButton)
            if not b.shortcut().isEmpty()
        ]
        assert not {"Alt+N", "Alt+B"} & set(keys)
        assert len(keys) == len(set(keys)), keys
    # Escape must not close the embedded wizard.
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Escape)
    assert window.wizard.isVisible()


def test_tab_walks_down_each_card_then_the_next(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers())
    first, second = list(page.cards.values())[:2]
    window.activateWindow()
    qtbot.waitActive(window)
    order = [w for w in first.focus_order() if w.isEnabled()]  # Tab skips disabled ones
    order[0].setFocus()
    for expected in [*order[1:], second.focus_order()[0]]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is expected or focused.parentWidget() is expected, focused


def test_ctrl_q_quits_from_the_file_menu(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.quit_action in window.file_menu.actions()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.wizard, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


# -- print buttons -------------------------------------------------------------------------------


def test_print_and_export_call_the_sheet_module_with_the_comparison(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from serumdesk.ui.sheet import print_dialogs as sheet

    calls: list[tuple[str, object, list[str]]] = []
    monkeypatch.setattr(
        sheet,
        "print_with_preview",
        lambda parent, rec, ids, clinic, remake: calls.append(("print", rec, list(ids))),
    )
    monkeypatch.setattr(
        sheet,
        "export_pdf_with_dialog",
        lambda parent, rec, ids, clinic, remake: calls.append(("pdf", rec, list(ids))),
    )
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers(diet=Diet.VEGAN))
    assert page.print_button.isEnabled() and page.pdf_button.isEnabled()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert [c[0] for c in calls] == ["print", "pdf"]
    for _, rec, ids in calls:
        assert rec is window.wizard.built_page(ResultsPage).recommendation
        assert ids == list(window.state.compared_ids)


# -- window geometry ---------------------------------------------------------------------------


def test_window_size_is_remembered_in_the_user_config_folder(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot)
    window.resize(760, 590)  # inside the offscreen screen (800 × 600), so nothing is clamped
    qtbot.wait(1)
    window.close()
    ini = settings_file()
    assert ini.is_file() and ini.is_relative_to(tmp_path)  # the XDG_CONFIG_HOME redirect
    again = open_window(qtbot, size=None)
    assert (again.width(), again.height()) == (760, 590)


# -- start-up ------------------------------------------------------------------------------------


def test_the_first_page_does_not_import_pydantic_or_the_rules(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from serumdesk.app import build_main_window, configure_application\n"
        "configure_application(app)\n"
        "from serumdesk.storage.paths import UserPaths\n"
        "from serumdesk.storage.catalog_loader import CatalogLoader\n"
        "from serumdesk.ui.catalog_model import CatalogModel\n"
        "from serumdesk.ui.main_window import MainWindow\nfrom serumdesk.ui.work_state import WorkState\n"
        f"loader = CatalogLoader(__import__('pathlib').Path({str(CATALOG)!r}))\n"
        "w = MainWindow(WorkState(), CatalogModel(loader), "
        "UserPaths.default())\n"
        "heavy = [m for m in ('pydantic', 'serumdesk.domain.catalog.product',"
        " 'serumdesk.domain.catalog.catalog_file',"
        " 'serumdesk.domain.advice.rules', 'serumdesk.domain.advice.ranking') if m in sys.modules]\n"
        "print(','.join(heavy) or 'none')\n"
    )
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
        "XDG_CONFIG_HOME": str(tmp_path),
        "SERUMDESK_DATA_DIR": str(tmp_path / "data"),
        "HOME": str(tmp_path),
    }
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=True
    )
    assert out.stdout.strip() == "none"


def test_the_composition_root_builds_a_working_app(qtbot: QtBot) -> None:
    from serumdesk.app import build_main_window

    window = build_main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert isinstance(window, MainWindow)
    wait_for_start_up(qtbot, window)
    assert window.catalog.problem() is None
    assert isinstance(window.wizard.currentPage(), UseCasePage)
    # Profiles (another part of the app) may guard closing; this test saved nothing.
    window.close_guards.clear()


def test_start_up_finishes_after_the_deferred_work_and_what_it_queued(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer

    from serumdesk.app import build_main_window

    window = build_main_window()
    qtbot.addWidget(window)
    queued: list[str] = []
    window.run_after_first_paint(lambda: QTimer.singleShot(0, lambda: queued.append("ran")))
    with qtbot.waitSignal(window.start_up_finished):
        window.show()
    assert queued == ["ran"]  # queued by deferred work for the next turn: ran before "ready"
    assert window.catalog.problem() is None
    assert len(window.wizard.pageIds()) > 1
    assert window.user_paths is not None
    assert window.quit_action in window.file_menu.actions()
    assert any(a.text() == "&Save profile" for a in window.file_menu.actions())
    window.close_guards.clear()


def test_no_question_page_label_interprets_html(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    for index in window.wizard.pageIds():
        for label in window.wizard.page(index).findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_radio_details_line_up_with_the_option_text(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QRadioButton, QStyle

    from serumdesk.ui.widgets.choices import text_indent

    button = QRadioButton("Recovery after a procedure")
    qtbot.addWidget(button)
    style = button.style()
    expected = style.pixelMetric(
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, button
    ) + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, button)
    assert text_indent(button) == expected


def test_only_the_first_page_exists_until_it_is_painted(qtbot: QtBot, tmp_path: Path) -> None:
    from serumdesk.storage.paths import UserPaths

    loader = CatalogLoader(tmp_path / "missing.json")  # reading it leaves an error behind
    window = MainWindow(WorkState(), CatalogModel(loader), UserPaths.default())
    qtbot.addWidget(window)
    assert window.wizard.pageIds() == [0]  # built, not yet on screen
    assert loader.error is None  # not read yet
    window.show()
    wait_for_start_up(qtbot, window)  # the rest follows the paint
    assert loader.error is not None and window.banner.isVisible()
    assert len(window.wizard.pageIds()) > 1
    assert window.quit_action in window.file_menu.actions()


def test_help_shows_the_manual_and_about_says_what_serumdesk_is(qtbot: QtBot) -> None:
    from serumdesk.ui.help_dialog import about_text, manual_text

    window = open_window(qtbot)
    qtbot.waitUntil(lambda: window.help_menu.actions() != [])
    window.help_action.trigger()
    assert window.help_dialog is not None
    shown = window.help_dialog.text.toPlainText()
    assert "SerumDesk" in shown and len(shown) > 1000  # the README, not a placeholder
    assert manual_text().startswith("# SerumDesk")
    assert "does not diagnose" in about_text()
    window.help_dialog.reject()


def test_a_window_saved_larger_than_the_screen_comes_back_fitted(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    from serumdesk.ui.window_settings import restore_geometry, save_geometry

    screen = QApplication.primaryScreen()
    assert screen is not None
    free = screen.availableGeometry()
    window = open_window(qtbot, size=None)
    window.setGeometry(free.x() + 200, free.y() + 150, free.width() + 400, free.height() + 300)
    save_geometry(window)  # as on a larger screen, or at a smaller scale
    again = open_window(qtbot, size=None)
    assert restore_geometry(again)
    frame = again.frameGeometry()
    assert free.contains(frame), (free, frame)  # Back and Next are on screen


def test_each_question_says_which_step_of_the_persons_path_it_is(qtbot: QtBot) -> None:
    from serumdesk.ui.questions.procedure_page import ProcedurePage
    from serumdesk.ui.questions.question_page import QuestionPage
    from serumdesk.ui.questions.sensitivity_page import SensitivityPage

    window = open_window(qtbot)
    recovery = Answers(use_case=UseCase.POST_PROCEDURE)
    window.state.replace(recovery)
    page = next_until(qtbot, window, ProcedurePage)
    assert page.step_text == "Step 2 of 6"
    window.state.replace(Answers(use_case=UseCase.HYDRATION))  # no procedure to ask about
    page = next_until(qtbot, window, SensitivityPage)
    assert page.step_text == "Step 2 of 5"
    while isinstance(window.wizard.currentPage(), QuestionPage):
        last = window.wizard.currentPage()
        assert isinstance(last, QuestionPage)
        text = last.step_text
        click_next(qtbot, window)
    assert text == "Step 5 of 5"


@pytest.mark.parametrize("kind", ["device", "link", "folder", "huge"])
def test_a_settings_file_that_is_not_a_regular_file_is_left_alone(
    qtbot: QtBot, tmp_path: Path, kind: str
) -> None:
    """QSettings opens the file itself (issue #19). A FIFO, which would block the start
    forever, is tried in a subprocess: test_launch.py."""
    from tests.hostile import deadline, make_hostile

    ini = settings_file()
    ini.parent.mkdir(parents=True, exist_ok=True)
    if kind == "huge":
        ini.write_bytes(b"[main_window]\n" + b"x" * (1024 * 1024))
    else:
        make_hostile(kind, ini)
    with deadline(60):
        window = open_window(qtbot, size=None)
        window.resize(700, 500)
        window.close()
    assert ini.is_symlink() or kind != "link"
    if kind == "link":
        assert (ini.parent / "victim.txt").read_bytes() == b"precious"
    if kind == "huge":
        assert ini.stat().st_size > 1024 * 1024


def test_help_is_the_spanish_manual_in_spanish(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("babel")
    from serumdesk import i18n
    from serumdesk.ui.help_dialog import HelpDialog
    from tests.spanish_catalogue import compiled_locale

    folder = compiled_locale(tmp_path)
    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    try:
        with i18n.override("es", folder):
            dialog = HelpDialog()
        qtbot.addWidget(dialog)
        shown = dialog.text.toPlainText()
        assert "Uso de la aplicación" in shown and "Using the app" not in shown
        assert "Sus sérums" in shown  # the app's own Spanish menu names
    finally:
        i18n.install("en", folder)
    english = HelpDialog()
    qtbot.addWidget(english)
    assert "Using the app" in english.text.toPlainText()
