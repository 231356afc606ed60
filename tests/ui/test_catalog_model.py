"""The catalog model is the one place a change to the catalog's files is announced: a reload
reads them again, the banner says what could not be used, and the results on screen follow."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.storage.catalog_loader import CatalogExtras, CatalogLoader
from serumdesk.storage.paths import UserPaths
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.work_state import WorkState
from tests.ui.wizard_helpers import CATALOG, VOCABULARY, drive_to_results, wait_for_start_up


def test_a_reload_updates_the_banner_and_the_results_on_screen(qtbot: QtBot) -> None:
    extras = [CatalogExtras()]
    catalog = CatalogModel(CatalogLoader(CATALOG, VOCABULARY, lambda: extras[0]))
    window = MainWindow(WorkState(), catalog, UserPaths.default())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    wait_for_start_up(qtbot, window)
    assert not window.banner.isVisible()
    page = drive_to_results(qtbot, window, Answers())
    shown = page.recommendation
    assert shown is not None

    extras[0] = CatalogExtras(problems=("Your price list could not be read.",))
    with qtbot.waitSignal(catalog.changed):
        catalog.reload()
    assert window.banner.isVisible() and "price list could not be read" in window.banner.text()
    assert page.recommendation is not None and page.recommendation is not shown  # recomputed

    extras[0] = CatalogExtras()  # the person fixed the file
    catalog.reload()
    assert not window.banner.isVisible()


def test_the_results_recompute_only_while_on_screen(qtbot: QtBot) -> None:
    catalog = CatalogModel(CatalogLoader(CATALOG, VOCABULARY))
    window = MainWindow(WorkState(), catalog, UserPaths.default())
    qtbot.addWidget(window)
    window.show()
    wait_for_start_up(qtbot, window)
    page = drive_to_results(qtbot, window, Answers())
    window.wizard.back()
    shown = page.recommendation
    catalog.reload()
    window.state.edit_compared([])
    assert page.recommendation is shown  # not on screen: left for initializePage
