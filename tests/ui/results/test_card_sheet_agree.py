"""The card and the printed sheet state the same facts for the same product, for many answers."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from pytestqt.qtbot import QtBot

from serumdesk.domain.advice import wording
from serumdesk.domain.advice.glance import PLAN_SAYS, for_you_lines, shared_cautions
from serumdesk.domain.advice.glossary import GLOSSARY
from serumdesk.domain.advice.ranking import Match
from serumdesk.domain.advice.wording import COST_FIELDS
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.freshness import stale_words
from serumdesk.domain.choices import Active, Caution, Diet, Procedure, UseCase
from serumdesk.ui.results.results_page import ResultsPage
from serumdesk.ui.sheet.content import sheet_html
from tests.ui.wizard_helpers import card_texts, next_until, open_window

POST = UseCase.POST_PROCEDURE
TODAY = dt.date.today()
GRID = {
    # The guide's recovery window is "usually 1–2 weeks": day 3 and day 14 are in it, day 20
    # is not, and "not sure" counts as still healing.
    "day 3 after laser": (Answers(use_case=POST, procedure=Procedure.LASER, days_since_procedure=3), True),
    "day 14 after microneedling": (
        Answers(use_case=POST, procedure=Procedure.MICRONEEDLING, days_since_procedure=14),
        True,
    ),
    "day 20 after laser": (Answers(use_case=POST, procedure=Procedure.LASER, days_since_procedure=20), False),
    "not sure when": (Answers(use_case=POST, procedure=Procedure.PEEL), True),
    "pregnant": (Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING})), False),
    "vegan": (Answers(diet=Diet.VEGAN), False),
    "allergy": (Answers(allergens=("snow mushroom",)), False),
    "over budget": (Answers(use_case=UseCase.TEXTURE_FIRMNESS, budget_usd_per_month=20), False),
    "no good match": (Answers(use_case=UseCase.BRIGHTENING, allergens=("niacinamide",)), False),
    "recovery on $80": (
        Answers(
            use_case=POST, procedure=Procedure.MICRONEEDLING, days_since_procedure=2, budget_usd_per_month=80
        ),
        True,
    ),
    "vitamin C user": (Answers(actives=frozenset({Active.VITAMIN_C})), False),
}


def _plain(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def statements(match: Match, answers: Answers) -> list[str]:
    p, cost = match.product, match.cost
    said = [
        wording.fit_words(match, answers),
        wording.origin_words(p),
        wording.vegan_words(p),
        wording.key_ingredients_words(p),
        wording.irritants_words(p),
        wording.fragrance_words(p),
        wording.packaging_words(p),
        wording.storage_words(p),
        wording.concentration_words(p),
        wording.evidence_words(p),
        wording.monthly_words(cost),
        f"{wording.per_ml_words(cost)}. {wording.bottle_words(cost)}",
        wording.checked_words(p),
        *stale_words(p, cost, TODAY),
        *wording.buyer_note_words(p),
        *wording.claims_words(p),
    ]
    if answers.budget_usd_per_month is not None:
        said.append(wording.budget_words(match.over_budget, answers.budget_usd_per_month))
    return said


@pytest.mark.parametrize("persona", list(GRID))
def test_card_and_sheet_state_the_same_facts(qtbot: QtBot, persona: str) -> None:
    answers, in_window = GRID[persona]
    assert answers.in_recovery_window is in_window
    window = open_window(qtbot)
    window.state.replace(answers)
    page = next_until(qtbot, window, ResultsPage)
    assert page.recommendation is not None
    rec = page.recommendation
    assert rec.answers == answers
    compared = [m for m in rec.matches if m.product.id in page.cards]
    assert len(compared) >= 2
    assert rec.today == TODAY
    sheet = _plain(sheet_html(rec, compared, today=TODAY))
    for meaning in GLOSSARY.values():  # the sheet adds plain words after jargon, once
        sheet = sheet.replace(f" ({meaning})", "")
    assert page.table is not None
    once = " ".join(page.table.footnote.text().split())
    for match in compared:
        card = " ".join(card_texts(page.cards[match.product.id]).split())
        for fact in statements(match, answers):
            flat = " ".join(fact.split())
            # On its card, or once under the table when every compared product shares it.
            assert flat in card or flat in once, f"card of {match.product.id} lacks: {fact}"
            assert flat in sheet, f"sheet lacks, for {match.product.id}: {fact}"
        # The figures behind the cost: the card's editors hold them, the sheet says them.
        inputs = match.cost.inputs
        shown = page.cards[match.product.id].cost.spins
        assert [shown[f].value() for f in COST_FIELDS] == pytest.approx(
            [getattr(inputs, f) for f in COST_FIELDS], abs=0.01
        )
        assert wording.assumption_words(match.cost) in sheet
        # Each caution is on the sheet, and on screen once: on the card when it sets the
        # product apart, in the "For you" strip when every compared product shares its kind.
        above = {str(item.kind) for item in for_you_lines(rec, compared)}
        shared = {c.kind for c in shared_cautions(compared)}
        for note in match.cautions:
            assert " ".join(note.text.split()) in sheet
            on_card = " ".join(note.text.split()) in card
            # On its card unless every compared product has one like it: then once, above.
            assert on_card is (note.kind not in shared), (match.product.id, note)
            if note.kind in shared:
                assert note.kind.value in above or str(PLAN_SAYS.get(note.kind)) in above
        window_cost = wording.recovery_window_words(match.cost)
        assert (window_cost in card) is in_window
        assert (window_cost in sheet) is in_window
    assert page.for_you is not None
    status = " ".join(page.for_you.texts())
    for notice in (rec.no_good_match, rec.budget_note):
        if notice is not None:
            assert notice.text in status and notice.text in sheet
