"""Benchmark row 3: from the last answer (Next on the last question) to the cards laid out."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Caution, Procedure, Sensitivity, UseCase
from serumdesk.storage.catalog_loader import CatalogLoader
from serumdesk.storage.paths import UserPaths, bundled_catalog_path
from serumdesk.ui.catalog_model import CatalogModel
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.results.results_page import ResultsPage
from serumdesk.ui.work_state import WorkState


def _settle(app: QApplication) -> None:
    for _ in range(3):  # layouts are posted events: run them all
        app.processEvents()


def time_last_answer_to_cards(runs: int) -> float:
    """Median seconds from Next on the last question to the results page laid out."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(
            WorkState(), CatalogModel(CatalogLoader(bundled_catalog_path())), UserPaths(Path(folder))
        )
        window.resize(1280, 800)
        window.show()
        _settle(app)
        window.catalog.read()  # warm: the catalog is parsed once, after the first paint
        wizard = window.wizard
        samples = []
        budgets = [40.0, 120.0, None, 250.0]
        for i in range(runs + 1):
            # A different answer each time, so every run recomputes the recommendation.
            window.state.replace(
                Answers(
                    use_case=UseCase.POST_PROCEDURE,
                    sensitivity=Sensitivity.HIGH,
                    cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING}),
                    procedure=Procedure.LASER,
                    days_since_procedure=3,
                    budget_usd_per_month=budgets[i % len(budgets)],
                )
            )
            for _ in range(10):  # answered already: Next through to the last question
                if isinstance(wizard.page(wizard.nextId()), ResultsPage):
                    break
                wizard.next()
            else:
                raise RuntimeError("could not reach the last question")
            _settle(app)
            start = time.perf_counter()
            wizard.next()
            _settle(app)
            elapsed = time.perf_counter() - start
            assert isinstance(wizard.currentPage(), ResultsPage)
            if i:  # the first run builds the cards' widgets for the first time
                samples.append(elapsed)
        window.close_guards.clear()
        window.close()
    return statistics.median(samples)
