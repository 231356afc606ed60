"""Every number and text a person types in the app has the bounds the files and the command
line use (domain/strict/numbers.py and limits.py), so the app never holds what a file would
refuse (issue #13, case 15; issue #18)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Procedure, UseCase
from serumdesk.domain.strict import limits
from serumdesk.domain.strict.numbers import (
    BUDGET_USD,
    COST_QUANTITIES,
    DAYS_SINCE_PROCEDURE,
    PRICE_USD,
    SIZE_ML,
)
from serumdesk.storage.vocabulary_loader import VocabularyLoader
from serumdesk.ui.my_serums.add_serum_dialog import AddSerumDialog
from serumdesk.ui.questions.actives_budget_page import ActivesBudgetPage
from serumdesk.ui.questions.cautions_page import CautionsPage, parse_allergens
from serumdesk.ui.questions.procedure_page import NOT_SURE, ProcedurePage
from tests.ui.wizard_helpers import CATALOG, drive_to_results, open_window


def test_spin_boxes_hold_exactly_the_number_models_bounds(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(
        qtbot,
        window,
        Answers(use_case=UseCase.POST_PROCEDURE, procedure=Procedure.LASER, days_since_procedure=3),
    )
    for card in page.cards.values():
        for name, spin in card.cost.spins.items():
            quantity = COST_QUANTITIES[name]
            assert (spin.minimum(), spin.maximum(), spin.decimals()) == (
                quantity.lowest(),
                quantity.maximum,
                quantity.decimals,
            ), name
    budget = window.wizard.built_page(ActivesBudgetPage).budget
    assert (budget.minimum(), budget.maximum()) == (BUDGET_USD.lowest(), BUDGET_USD.maximum)
    days = window.wizard.built_page(ProcedurePage).days
    assert (days.minimum(), days.maximum()) == (NOT_SURE, DAYS_SINCE_PROCEDURE.maximum)


def test_the_add_serum_dialog_holds_the_limits_of_the_serums_file(qtbot: QtBot) -> None:
    vocabulary = VocabularyLoader(CATALOG.parent / "ingredients.json").load()
    dialog = AddSerumDialog(vocabulary, Answers(), lambda _mine: None)
    qtbot.addWidget(dialog)
    for spin, quantity in ((dialog.price, PRICE_USD), (dialog.bottle_size, SIZE_ML)):
        assert (spin.maximum(), spin.decimals()) == (quantity.maximum, quantity.decimals)
    assert dialog.brand.maxLength() == limits.BRAND_CHARS
    assert dialog.name.maxLength() == limits.PRODUCT_NAME_CHARS


def test_the_allergy_field_holds_the_profile_files_limits(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    field = window.wizard.built_page(CautionsPage).allergens
    longest = ", ".join(["a" * limits.ALLERGEN_CHARS] * limits.ALLERGENS)
    assert field.maxLength() >= len(longest)  # the most a profile keeps can be typed
    assert parse_allergens(longest) == tuple(["a" * limits.ALLERGEN_CHARS] * limits.ALLERGENS)
    assert isinstance(parse_allergens(longest + ", b"), str)  # one more is refused
    assert isinstance(parse_allergens("a" * (limits.ALLERGEN_CHARS + 1)), str)
