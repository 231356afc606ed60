"""Drive the SerumDesk wizard through its widgets, the way a person would, and read the cards."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWizard, QWizardPage
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.paths import UserPaths
from serumdesk.storage.vocabulary_loader import VocabularyLoader
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.questions.actives_budget_page import ActivesBudgetPage
from serumdesk.ui.questions.cautions_page import CautionsPage
from serumdesk.ui.questions.choice_page import ChoicePage
from serumdesk.ui.questions.procedure_page import ProcedurePage
from serumdesk.ui.questions.use_case_page import UseCasePage
from serumdesk.ui.results.product_card import ProductCard
from serumdesk.ui.results.results_page import ResultsPage
from serumdesk.ui.work_state import WorkState

CATALOG = Path(__file__).resolve().parents[2] / "catalog" / "catalog.json"
VOCABULARY = VocabularyLoader(CATALOG.parent / "ingredients.json")
"""One vocabulary for every window a test opens: it is read once, as in the app."""
DAYS_PER_MONTH = 30.44  # 365.25 / 12, the figure the guide's cost-per-month uses

# Catalog facts (catalog/catalog.json, shared/reference/product-facts.md).
HUMAN_DERIVED = {
    "skinmedica-tns-advanced-plus",
    "neocutis-bio-serum-firm",
    "angela-caglia-cell-forte",
    "symbiome-the-answer",
}
NOT_NOVEL_BIOLOGIC = {"plant-cell-culture", "non-biologic-alternative"}


P = TypeVar("P", bound=QWizardPage)


def catalog_products(path: Path = CATALOG) -> dict[str, dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {p["id"]: p for p in data["products"]}


def monthly_cost(product: dict[str, Any], price: float | None = None) -> float:
    """price ÷ size × dose × once a day (the routine's frequency, not the catalog's) × 30.44,
    from the raw catalog figures."""
    usd = product["price"]["usd"] if price is None else price
    size = product["price"]["size_ml"]["value"]
    return usd / size * product["dose_ml"]["value"] * 1 * DAYS_PER_MONTH


def open_window(
    qtbot: QtBot, catalog: Path = CATALOG, size: tuple[int, int] | None = (1280, 800)
) -> MainWindow:
    """The main window alone (no profile actions, so closing never asks to save)."""
    window = MainWindow(WorkState(), CatalogModel(CatalogLoader(catalog, VOCABULARY)), UserPaths.default())
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    wait_for_start_up(qtbot, window)
    return window


def wait_for_start_up(qtbot: QtBot, window: MainWindow) -> None:
    """Until the work after the first paint (later pages, menus, the catalog) has run."""
    done: list[bool] = []
    window.run_after_first_paint(lambda: done.append(True))  # queued behind that work
    qtbot.waitUntil(lambda: bool(done))


def status_text(window: MainWindow) -> str:
    """The passing message at the foot of the window ("" before the first)."""
    from PySide6.QtWidgets import QStatusBar

    bar = window.findChild(QStatusBar)
    return bar.currentMessage() if bar is not None else ""


def caution_names(card: ProductCard) -> list[str]:
    """The accessible name of every caution the card shows, in order."""
    return [box.accessibleName() for box in card.caution_boxes]


def click_next(qtbot: QtBot, window: MainWindow) -> None:
    before = window.wizard.currentId()
    qtbot.mouseClick(window.wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert window.wizard.currentId() != before, "Next did not move on"


def click_back(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a radio button or checkbox on its indicator (its middle may be empty space)."""
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def answer_current_page(qtbot: QtBot, window: MainWindow, answers: Answers) -> None:
    """Set the current page's controls to `answers` by clicking and typing."""
    page = window.wizard.currentPage()
    if isinstance(page, ChoicePage):
        click(qtbot, page.choice.buttons[getattr(answers, page.answer_field)])
        if (
            isinstance(page, UseCasePage)
            and page.had_procedure.isVisible()
            and page.had_procedure.isChecked() != answers.has_procedure
        ):
            click(qtbot, page.had_procedure)
    elif isinstance(page, ProcedurePage):
        assert answers.procedure is not None
        click(qtbot, page.choice.buttons[answers.procedure])
        page.days.setValue(-1 if answers.days_since_procedure is None else answers.days_since_procedure)
        if answers.laser_type is not None:
            click(qtbot, page.laser.buttons[answers.laser_type])
    elif isinstance(page, CautionsPage):
        for caution, box in page.cautions.boxes.items():
            if box.isChecked() != (caution in answers.cautions):
                click(qtbot, box)
        page.allergens.clear()
        qtbot.keyClicks(page.allergens, ", ".join(answers.allergens))
    elif isinstance(page, ActivesBudgetPage):
        for active, box in page.actives.boxes.items():
            if box.isChecked() != (active in answers.actives):
                click(qtbot, box)
        wants_budget = answers.budget_usd_per_month is not None
        if page.has_budget.isChecked() != wants_budget:
            click(qtbot, page.has_budget)
        if wants_budget:
            page.budget.selectAll()
            qtbot.keyClicks(page.budget, f"{answers.budget_usd_per_month:g}")
            qtbot.keyClick(page.budget, Qt.Key.Key_Tab)


def next_until(qtbot: QtBot, window: MainWindow, page_class: type[P]) -> P:
    """Press Next, answering nothing but the goal (which nothing preselects: the one in the
    state is clicked), until a page of `page_class` shows; that page."""
    while not isinstance(window.wizard.currentPage(), page_class):
        pick_goal_if_unanswered(qtbot, window)
        click_next(qtbot, window)
    page = window.wizard.currentPage()
    assert isinstance(page, page_class)
    return page


def pick_goal_if_unanswered(qtbot: QtBot, window: MainWindow) -> None:
    """On the first page with no goal chosen, click the goal the state holds."""
    from serumdesk.ui.questions.use_case_page import UseCasePage

    page = window.wizard.currentPage()
    if isinstance(page, UseCasePage) and page.choice.value() is None:
        click(qtbot, page.choice.buttons[window.state.answers.use_case])


def drive_to_results(qtbot: QtBot, window: MainWindow, answers: Answers) -> ResultsPage:
    """Answer every page from the first, pressing Next, until the results show."""
    while not isinstance(window.wizard.currentPage(), ResultsPage):
        answer_current_page(qtbot, window, answers)
        click_next(qtbot, window)
    page = window.wizard.currentPage()
    assert isinstance(page, ResultsPage)
    return page


def card_texts(card: ProductCard) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(
        label.text()
        for cell in card.cells.values()
        for label in cell.findChildren(QLabel)
        if label.isVisibleTo(card.parentWidget())
    )


def dark_palette() -> QPalette:
    """A dark scheme like a desktop's dark mode, to check colours in both schemes."""
    pal = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#303030"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e8e8e8"),
        (role.Highlight, "#3d6fb4"),
        (role.HighlightedText, "#ffffff"),
        (role.Mid, "#5a5a5a"),
        (role.Dark, "#181818"),
        (role.Light, "#4a4a4a"),
        (role.Midlight, "#3a3a3a"),
        (role.Shadow, "#000000"),
        (role.ToolTipBase, "#3a3a3a"),
        (role.ToolTipText, "#e8e8e8"),
        (role.PlaceholderText, "#9a9a9a"),
        (role.BrightText, "#ffffff"),
        (role.Link, "#8ab4f8"),
    ):
        pal.setColor(r, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#8a8a8a"))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#8a8a8a"))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#8a8a8a"))
    return pal


def light_palette() -> QPalette:
    style = QApplication.style()
    return style.standardPalette()


def set_answers(window: MainWindow, answers: Answers) -> None:
    """Replace the answers as opening a profile does (the wizard starts over, filled)."""
    s = window.state
    s.replace(answers, s.overrides, s.compared_ids, s.bottles)


def compare(window: MainWindow, ids: list[str]) -> None:
    """On the results page, tick exactly `ids` in the compare chooser, as a person would."""
    page = window.wizard.currentPage()
    assert isinstance(page, ResultsPage) and page.chooser is not None
    boxes = page.chooser.boxes
    for pid, box in boxes.items():  # ticked all at once, then one change is reported
        box.blockSignals(True)
        box.setChecked(pid in ids)
        box.blockSignals(False)
    page.chooser.selection_changed.emit(page.chooser.chosen())
    assert list(window.state.compared_ids) == [p for p in boxes if p in ids]
