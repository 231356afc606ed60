"""Every number a person types in the app has the bounds the files and the command line use
(domain/strict/numbers.py), so the app never holds a figure a file would refuse (issue #13, case 15)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Procedure, UseCase
from serumdesk.domain.strict.numbers import BUDGET_USD, COST_QUANTITIES, DAYS_SINCE_PROCEDURE
from serumdesk.ui.questions.actives_budget_page import ActivesBudgetPage
from serumdesk.ui.questions.procedure_page import NOT_SURE, ProcedurePage
from tests.ui.wizard_helpers import drive_to_results, open_window


def test_spin_boxes_hold_exactly_the_number_models_bounds(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers(use_case=UseCase.POST_PROCEDURE,
                                                   procedure=Procedure.LASER,
                                                   days_since_procedure=3))
    for card in page.cards.values():
        for name, spin in card.cost.spins.items():
            quantity = COST_QUANTITIES[name]
            assert (spin.minimum(), spin.maximum(), spin.decimals()) == (
                quantity.lowest(), quantity.maximum, quantity.decimals), name
    budget = window.wizard.built_page(ActivesBudgetPage).budget
    assert (budget.minimum(), budget.maximum()) == (BUDGET_USD.lowest(), BUDGET_USD.maximum)
    days = window.wizard.built_page(ProcedurePage).days
    assert (days.minimum(), days.maximum()) == (NOT_SURE, DAYS_SINCE_PROCEDURE.maximum)
