"""The wizard end to end, for several personas, asserting on what the cards show."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Active, Caution, Diet, LaserType, Procedure, Sensitivity, UseCase
from serumdesk.ui.main_window import MainWindow
from serumdesk.ui.questions.ethics_page import EthicsPage
from serumdesk.ui.questions.procedure_page import ProcedurePage
from serumdesk.ui.questions.sensitivity_page import SensitivityPage
from serumdesk.ui.results.product_card import ProductCard
from serumdesk.ui.results.results_page import ResultsPage
from tests.ui.text_helpers import shown_tooltip
from tests.ui.wizard_helpers import (
    HUMAN_DERIVED,
    NOT_NOVEL_BIOLOGIC,
    answer_current_page,
    card_texts,
    catalog_products,
    caution_names,
    click,
    click_back,
    click_next,
    compare,
    drive_to_results,
    monthly_cost,
    next_until,
    open_window,
    set_answers,
)

VEGAN = Answers(diet=Diet.VEGAN)
AFTER_LASER = Answers(
    use_case=UseCase.POST_PROCEDURE,
    sensitivity=Sensitivity.HIGH,
    procedure=Procedure.LASER,
    days_since_procedure=3,
)
PREGNANT = Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING}))
BRIGHT_ON_BUDGET = Answers(use_case=UseCase.BRIGHTENING, budget_usd_per_month=30)


def type_price(qtbot: QtBot, window: MainWindow, card: ProductCard, text: str) -> None:
    """Type a price into a card's price field and press Enter, as a person would."""
    spin = card.cost.spins["price_usd"]
    with qtbot.waitSignal(window.state.changed):
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, text)
        qtbot.keyClick(spin, Qt.Key.Key_Return)


def shown_ids(page: ResultsPage) -> set[str]:
    assert page.chooser is not None
    return set(page.chooser.boxes)


def test_vegan_excludes_the_human_derived_products_and_says_why(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, VEGAN)
    assert window.state.answers.diet is Diet.VEGAN
    assert not shown_ids(page) & HUMAN_DERIVED
    assert not set(page.cards) & HUMAN_DERIVED
    assert page.advice is not None
    excluded_text = page.advice.excluded.text()
    products = catalog_products()
    for pid in HUMAN_DERIVED:
        title = f"{products[pid]['brand']} {products[pid]['name']}"
        line = next(line for line in excluded_text.splitlines() if title in line)
        assert "Not vegan" in line and "human-derived" in line
    # By default the top three are compared.
    assert len(page.cards) == 3
    assert list(page.cards) == list(window.state.compared_ids)


def test_recovery_after_a_laser_asks_about_the_procedure_and_costs_the_window(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    answer_current_page(qtbot, window, AFTER_LASER)
    click_next(qtbot, window)
    assert isinstance(window.wizard.currentPage(), ProcedurePage)  # the branch is taken
    page = drive_to_results(qtbot, window, AFTER_LASER)
    answers = window.state.answers
    assert answers.procedure is Procedure.LASER and answers.days_since_procedure == 3
    products = catalog_products()
    # Symbiome The Answer is a guide pick for recovery with a minimal, fragrance-free formula.
    assert "symbiome-the-answer" in page.cards
    for pid, card in page.cards.items():
        per_day = monthly_cost(products[pid]) / 30.44
        window_line = card.cost.window_cost
        assert window_line.isVisibleTo(card.cost)
        assert f"${per_day * 7:,.2f}–${per_day * 14:,.2f}" in window_line.text()
    # The routine is the guide's post-procedure one.
    assert page.advice is not None
    assert "recovery window" in page.advice.pairing.text()


def test_a_sensitive_person_skips_the_procedure_page(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    answer_current_page(qtbot, window, Answers(use_case=UseCase.SENSITIVE_BARRIER))
    click_next(qtbot, window)
    assert isinstance(window.wizard.currentPage(), SensitivityPage)


def test_pregnant_gets_a_clinician_caution_on_every_novel_biologic(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, PREGNANT)
    products = catalog_products()
    # Compare a human-derived, a lab-made and a non-biologic product.
    qtbot.wait(1)
    compare(
        window,
        ["skinmedica-tns-advanced-plus", "eighth-day-regenerative-serum", "the-ordinary-hyaluronic-acid-b5"],
    )
    assert set(page.cards) == {
        "skinmedica-tns-advanced-plus",
        "eighth-day-regenerative-serum",
        "the-ordinary-hyaluronic-acid-b5",
    }
    for pid, card in page.cards.items():
        names = [name for name in caution_names(card)]
        clinician = [n for n in names if n.startswith("Talk to your clinician first")]
        novel = products[pid]["source_category"] not in NOT_NOVEL_BIOLOGIC
        assert bool(clinician) == (novel or products[pid]["human_derived"]), pid
        if clinician:
            assert "pregnan" in clinician[0]
            # The strongest style: a 2 px border; and it comes first.
            assert "2px solid" in card.caution_boxes[0].styleSheet()


def test_brightening_on_a_small_budget_marks_what_is_over_it(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, BRIGHT_ON_BUDGET)
    assert window.state.answers.budget_usd_per_month == 30
    products = catalog_products()
    compare(window, ["eighth-day-regenerative-serum", "the-ordinary-niacinamide-zinc"])
    for pid, card in page.cards.items():
        cost = monthly_cost(products[pid])
        assert card.cost.monthly.text() == f"${cost:,.2f} a month"
        over, within = card.cost.over_budget, card.cost.within_budget
        assert over.isVisibleTo(card.cost) == (cost > 30), pid
        assert within.isVisibleTo(card.cost) == (cost <= 30), pid
        shown = over if cost > 30 else within
        assert shown.text() == ("Over" if cost > 30 else "Within") + " your $30.00 monthly budget."
    # Eighth Day is the guide's brightening pick: it fits the goal but costs far more.
    eighth = card_texts(page.cards["eighth-day-regenerative-serum"])
    assert "The guide places it for brightening." in eighth
    assert page.chooser is not None
    assert "(over budget)" in page.chooser.boxes["eighth-day-regenerative-serum"].text()


def test_going_back_and_changing_an_answer_updates_the_results(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, VEGAN)
    assert not shown_ids(page) & HUMAN_DERIVED
    while not isinstance(window.wizard.currentPage(), EthicsPage):
        click_back(qtbot, window)
    answer_current_page(qtbot, window, Answers(diet=Diet.ANY))
    drive_to_results(qtbot, window, dataclasses.replace(VEGAN, diet=Diet.ANY))
    assert shown_ids(page) >= HUMAN_DERIVED
    assert page.advice is not None
    assert page.advice.excluded.text() == "Nothing was left out for your answers."


def test_editing_the_price_recomputes_the_card(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers())
    pid = next(iter(page.cards))
    card = page.cards[pid]
    product = catalog_products()[pid]
    assert card.cost.monthly.text() == f"${monthly_cost(product):,.2f} a month"
    per_ml = product["price"]["usd"] / product["price"]["size_ml"]["value"]
    assert card.cost.months.text().startswith(f"${per_ml:,.2f} per ml. A bottle lasts about ")
    type_price(qtbot, window, card, "100")
    card = page.cards[pid]
    assert card.cost.monthly.text() == f"${monthly_cost(product, price=100):,.2f} a month"
    assert window.state.overrides.for_product(pid).price_usd == 100
    assert card.cost.field_tags["price_usd"].text() == "your figure"
    # The headline says the figure is the person's, with Reset beside it.
    assert card.cost.yours.isVisibleTo(card.cost) and card.cost.reset.isVisibleTo(card.cost)
    assert card.cost.yours.text() == "— your figures ·" and card.cost.reset.text() == "Reset"
    qtbot.mouseClick(card.cost.reset, Qt.MouseButton.LeftButton)
    assert page.cards[pid].cost.monthly.text() == f"${monthly_cost(product):,.2f} a month"
    assert window.state.overrides.by_product == {}
    card = page.cards[pid]
    assert not card.cost.yours.isVisibleTo(card.cost) and not card.cost.reset.isVisibleTo(card.cost)


def test_estimates_are_tagged_with_their_provenance(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers(use_case=UseCase.TEXTURE_FIRMNESS))
    compare(window, ["skinmedica-tns-advanced-plus", "neocutis-bio-serum-firm"])
    card = page.cards["skinmedica-tns-advanced-plus"]
    dose = catalog_products()["skinmedica-tns-advanced-plus"]["dose_ml"]["provenance"]
    assert dose["kind"] == "estimate"
    tag = card.cost.field_tags["dose_ml"]
    assert tag.isVisibleTo(card.cost) and tag.text() == "estimate"
    assert shown_tooltip(tag) == f"Estimate: {dose['source']}"
    assert card.cost.estimate_tag.isVisibleTo(card.cost)
    assert not card.cost.field_tags["price_usd"].isVisibleTo(card.cost)  # sourced price


def test_a_budget_of_zero_marks_everything_over_budget(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers(budget_usd_per_month=0))
    assert window.state.answers.budget_usd_per_month == 0
    assert page.cards
    # Every product is over it: said once, under the table, not on each card.
    assert page.table is not None
    assert "Over your $0.00 monthly budget. (all of them)" in page.table.footnote.text()
    for card in page.cards.values():
        assert not card.cost.over_budget.isVisibleTo(card.cost)
    assert page.chooser is not None
    assert all("(over budget)" in box.text() for box in page.chooser.boxes.values())


def test_choosing_what_to_compare(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers())
    assert page.chooser is not None
    assert not page.chooser.panel.isVisible()  # the ranking opens on request
    assert "3 of 10" in page.chooser.toggle.text()
    qtbot.mouseClick(page.chooser.toggle, Qt.MouseButton.LeftButton)
    boxes = page.chooser.boxes
    ids = list(boxes)
    with qtbot.waitSignal(window.state.changed):
        click(qtbot, boxes[ids[3]])
    assert list(page.cards) == ids[:4]
    # Four is the most: the others are disabled until one is unticked.
    assert not boxes[ids[4]].isEnabled()
    click(qtbot, boxes[ids[0]])
    assert list(page.cards) == ids[1:4]
    assert boxes[ids[4]].isEnabled()
    assert list(window.state.compared_ids) == ids[1:4]


def test_new_answers_compare_the_new_best_matches(qtbot: QtBot) -> None:
    # Mild concerns put the guide's cheaper alternatives first; recovery after a laser puts
    # conditioned media first (guide: decision framework). The cards must follow the answers.
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers())
    assert page.recommendation is not None
    mild_top = [m.product.id for m in page.recommendation.matches[:3]]
    assert list(page.cards) == mild_top
    while window.wizard.currentId() != 0:
        click_back(qtbot, window)
    drive_to_results(qtbot, window, AFTER_LASER)
    assert page.recommendation is not None
    recovery_top = [m.product.id for m in page.recommendation.matches[:3]]
    assert list(page.cards) == recovery_top
    assert "symbiome-the-answer" in page.cards


def test_a_chosen_comparison_survives_back_and_next_with_the_same_answers(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers())
    assert page.chooser is not None
    qtbot.mouseClick(page.chooser.toggle, Qt.MouseButton.LeftButton)
    ids = list(page.chooser.boxes)
    click(qtbot, page.chooser.boxes[ids[5]])
    chosen = list(page.cards)
    assert ids[5] in chosen
    click_back(qtbot, window)
    click_next(qtbot, window)
    assert list(page.cards) == chosen


def test_a_card_reused_for_another_product_shows_and_edits_that_product(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers())
    assert page.recommendation is not None
    ranked = [m.product.id for m in page.recommendation.matches]
    first, second, third, fourth = ranked[:4]
    old_card = page.cards[third]
    compare(window, [first, second, fourth])
    assert list(page.cards) == [first, second, fourth]
    card = page.cards[fourth]
    assert card is old_card  # refilled, not rebuilt
    product = catalog_products()[fourth]
    assert card.name_label.text() == product["name"]
    assert card.cost.monthly.text() == f"${monthly_cost(product):,.2f} a month"
    type_price(qtbot, window, card, "100")
    assert window.state.overrides.for_product(fourth).price_usd == 100
    assert window.state.overrides.for_product(third).price_usd is None


def test_every_reason_on_a_card_names_its_guide_section(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, AFTER_LASER)
    for pid, card in page.cards.items():
        match = next(m for m in page.recommendation.matches if m.product.id == pid)  # type: ignore[union-attr]
        body = card.why.body.text()
        for reason in match.reasons:
            assert f"{reason.points:+d}  {reason.text}\n      ({reason.source.cite()})" in body


def test_changed_answers_refill_the_cautions_and_checkboxes_in_place(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QCheckBox

    from serumdesk.ui.results.product_card import caution_title

    def shown_cautions(card: ProductCard) -> list[str]:
        return [name for name in caution_names(card)]

    def expected_cautions(card: ProductCard) -> list[str]:
        assert page.recommendation is not None
        match = next(m for m in page.recommendation.matches if m.product.id == card.product_id)
        notes = sorted(match.cautions, key=lambda n: list(type(n.level)).index(n.level))
        return [f"{caution_title(n.level)}: {n.text}" for n in notes] or ["No cautions for your answers."]

    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, PREGNANT)
    assert page.chooser is not None
    # Pregnancy ranks the biologics lower: compare one to see its clinician caution.
    compare(window, [*list(page.cards)[:2], "skinmedica-tns-advanced-plus"])
    checkboxes = set(page.chooser.findChildren(QCheckBox))
    for card in page.cards.values():
        assert shown_cautions(card) == expected_cautions(card)
    assert any("pregnan" in c for card in page.cards.values() for c in shown_cautions(card))
    while window.wizard.currentId() != 0:
        click_back(qtbot, window)
    drive_to_results(qtbot, window, Answers())
    for card in page.cards.values():
        assert shown_cautions(card) == expected_cautions(card)
        assert not any("pregnan" in c for c in shown_cautions(card))
        hidden = [b for b in card._caution_pool if b not in card.caution_boxes]
        assert all(not b.isVisibleTo(card.parentWidget()) for b in hidden)
    # The same checkboxes, relabelled for the new ranking (no new widgets per answer).
    assert set(page.chooser.findChildren(QCheckBox)) == checkboxes
    assert page.recommendation is not None
    assert list(page.chooser.boxes) == [m.product.id for m in page.recommendation.matches]
    for match in page.recommendation.matches:
        assert page.chooser.boxes[match.product.id].text().startswith(f"{match.rank}. ")


def test_a_stale_price_is_flagged_and_one_click_opens_the_price(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, Answers(use_case=UseCase.TEXTURE_FIRMNESS))
    # product-facts: Neocutis' $275 is from a copy of a July 2021 retailer listing.
    compare(window, ["neocutis-bio-serum-firm", "the-ordinary-multi-peptide-ha"])
    card = page.cards["neocutis-bio-serum-firm"]
    assert card.cost.stale.isVisibleTo(card.parentWidget())
    assert card.cost.stale.text() == "Price and size seen July 2021 — may have changed."
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.mouseClick(card.cost.update_price, Qt.MouseButton.LeftButton)
    spin = card.cost.spins["price_usd"]
    assert spin.hasFocus() and spin.lineEdit().selectedText().replace(",", "") == "275.00"
    qtbot.keyClicks(spin, "260")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    card = page.cards["neocutis-bio-serum-firm"]
    assert window.state.overrides.for_product("neocutis-bio-serum-firm").price_usd == 260
    # The price is the person's own now; the size is still the 2021 retailer's.
    assert card.cost.stale.text() == "Size seen July 2021 — may have changed."
    fresh = page.cards["the-ordinary-multi-peptide-ha"]  # seen August 2026
    assert not fresh.cost.stale.isVisibleTo(fresh.parentWidget())


def test_an_allergen_serumdesk_does_not_know_is_named_as_you_type(qtbot: QtBot) -> None:
    from serumdesk.ui.questions.cautions_page import CautionsPage

    window = open_window(qtbot)
    page = next_until(qtbot, window, CautionsPage)
    qtbot.keyClicks(page.allergens, "hyaluronic acid, latex")
    assert page.unknown.isVisibleTo(page)
    assert "“latex”" in page.unknown.text() and "hyaluronic" not in page.unknown.text()
    page.allergens.clear()
    qtbot.keyClicks(page.allergens, "vitamin B3, fish")
    assert not page.unknown.isVisibleTo(page)
    # On the results, the unknown one is said again above the cards.
    set_answers(window, Answers(allergens=("latex",)))
    results = drive_to_results(qtbot, window, Answers(allergens=("latex",)))
    assert results.for_you is not None
    assert any("SerumDesk does not know “latex”" in t for t in results.for_you.texts())


def test_a_recent_laser_is_asked_whatever_the_goal_and_reaches_the_results(qtbot: QtBot) -> None:
    """Issue 20, case 1: hydration two days after a laser still gets the recovery rules."""
    answers = Answers(
        use_case=UseCase.HYDRATION,
        procedure=Procedure.LASER,
        laser_type=LaserType.ABLATIVE,
        days_since_procedure=2,
        actives=frozenset({Active.RETINOID, Active.VITAMIN_C}),
    )
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, answers)
    assert window.state.answers == answers
    rec = page.recommendation
    assert rec is not None and rec.plan.phase is not None and rec.plan.phase.healing
    assert page.advice is not None
    routine = page.advice.am.text() + page.advice.pm.text()
    assert "Vitamin C serum" not in routine and "Retinoid" not in routine
    assert "saline" in routine


def test_when_nothing_suits_the_goal_the_cards_are_closest_options(qtbot: QtBot) -> None:
    """Issue 20, case 7: no "#1 of your matches" for products that do not suit the goal."""
    answers = Answers(
        use_case=UseCase.POST_PROCEDURE,
        procedure=Procedure.PEEL,
        days_since_procedure=3,
        diet=Diet.NO_HUMAN_DERIVED,
        budget_usd_per_month=20,
    )
    window = open_window(qtbot)
    page = drive_to_results(qtbot, window, answers)
    titles = [card.rank_label.text() for card in page.cards.values()]
    assert titles and all(t.startswith("Closest option") for t in titles)
    assert not any("of your matches" in t for t in titles)


def test_allergies_without_the_vocabulary_say_the_install_is_broken(qtbot: QtBot, tmp_path: Path) -> None:
    """#18: one allergy matcher: no results guessed from the words typed."""
    from serumdesk.storage.catalog_loader import CatalogLoader
    from serumdesk.storage.paths import UserPaths
    from serumdesk.storage.vocabulary_loader import VocabularyLoader
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.work_state import WorkState
    from tests.ui.wizard_helpers import CATALOG, wait_for_start_up

    broken = tmp_path / "ingredients.json"
    broken.write_text("{not json")
    window = MainWindow(
        WorkState(), CatalogModel(CatalogLoader(CATALOG, VocabularyLoader(broken))), UserPaths.default()
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    wait_for_start_up(qtbot, window)
    page = drive_to_results(qtbot, window, Answers(allergens=("snow mushroom",)))
    assert page.recommendation is None
    assert "ingredient vocabulary could not be loaded" in page.status.text()
    assert not page.cards


def test_without_a_procedure_next_skips_only_the_procedure_page(qtbot: QtBot) -> None:
    from serumdesk.ui.questions.procedure_page import ProcedurePage
    from serumdesk.ui.questions.question_page import QuestionPage
    from serumdesk.ui.questions.sensitivity_page import SensitivityPage
    from serumdesk.ui.questions.wizard import PROCEDURE, QUESTIONS, SKIP_PROCEDURE_TO
    from serumdesk.ui.results.results_page import ResultsPage

    wizard = open_window(qtbot).wizard
    assert isinstance(wizard.page(SKIP_PROCEDURE_TO - 1), ProcedurePage)
    assert isinstance(wizard.page(SKIP_PROCEDURE_TO), SensitivityPage)
    # The step count ("Step n of 6") is held to the pages there are.
    assert PROCEDURE == SKIP_PROCEDURE_TO - 1
    assert all(isinstance(wizard.page(i), QuestionPage) for i in range(QUESTIONS))
    assert isinstance(wizard.page(QUESTIONS), ResultsPage)
