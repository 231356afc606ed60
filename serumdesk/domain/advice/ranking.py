"""Ranking: every product scored by the guide's rules (rules.py), best first.

Plain code, one product at a time: a catalog of 1,000 products (the bundled one, a clinic's
list and a person's own) ranks well inside one frame (benchmark row 4).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from serumdesk.domain.advice.cautions import CautionNote, cautions_for
from serumdesk.domain.advice.cost import CostEstimate, estimate_cost
from serumdesk.domain.advice.rules import (
    ROUTINE_USES_PER_DAY,
    ExclusionReason,
    Reason,
    Situation,
    Wording,
    assess,
    exclusion_reasons,
    within_budget,
)
from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.catalog.product import Product
from serumdesk.i18n import current_language

if TYPE_CHECKING:
    from serumdesk.domain.catalog.product import Catalog
    from serumdesk.domain.ingredients.vocabulary import Vocabulary


class Match:
    """One ranked product: its standing, cost and reasons; cautions are made on first look.

    A plain slotted class, read-only by convention: a ranking makes one per product
    (benchmark row 4).
    """

    __slots__ = (
        "_cautions",
        "answers",
        "cost",
        "fits_use_case",
        "over_budget",
        "product",
        "rank",
        "reasons",
        "score",
    )

    def __init__(
        self,
        product: Product,
        rank: int,
        score: int,
        cost: CostEstimate,
        over_budget: bool,
        fits_use_case: bool,
        reasons: tuple[Reason, ...],
        answers: Answers,
    ) -> None:
        self.product = product
        self.rank = rank
        self.score = score
        self.cost = cost
        self.over_budget = over_budget
        self.fits_use_case = fits_use_case
        """It suits the goal the ranking credits (see rules.Situation.goal)."""
        self.reasons = reasons
        self.answers = answers
        self._cautions: tuple[str, tuple[CautionNote, ...]] | None = None
        """The cautions last made, with the language they are worded in."""

    def __repr__(self) -> str:
        return f"Match(#{self.rank} {self.product.id}, score {self.score})"

    @property
    def cautions(self) -> tuple[CautionNote, ...]:
        """The cautions for this person (never hidden), made when first asked for in a language
        (benchmark row 4: a ranking makes a thousand matches and shows a few), and made again
        when asked for in another, so a sheet in the patient's language never gets the app's."""
        language = current_language()
        if self._cautions is None or self._cautions[0] != language:
            self._cautions = (language, tuple(cautions_for(self.product, self.answers)))
        return self._cautions[1]


@dataclass(frozen=True, slots=True)
class Exclusion:
    product: Product
    reasons: tuple[ExclusionReason, ...]


@dataclass(frozen=True, slots=True)
class Ranking:
    matches: tuple[Match, ...]
    """Best first."""
    excluded: tuple[Exclusion, ...]

    @property
    def alternatives(self) -> tuple[Match, ...]:
        """The guide's lower-cost alternatives among the matches."""
        return tuple(m for m in self.matches if m.product.alternative is not None)


def uses_per_day(overrides: Overrides | None, product_id: str) -> float:
    """How often the routine uses a product: the person's own figure, else once a day."""
    mine = overrides.for_product(product_id).applications_per_day if overrides else None
    return ROUTINE_USES_PER_DAY if mine is None else mine


def rank_situation(products: Iterable[Product], s: Situation, overrides: Overrides | None = None) -> Ranking:
    """Apply every rule to every product; same answers, same order.

    Within budget first whenever a budget is given, then by score, then cheaper per month,
    then by id. When nothing fits the budget, the closest (cheapest) leads.
    """
    scored: list[tuple[bool, int, float, str, Product, CostEstimate, list[Reason]]] = []
    excluded: list[Exclusion] = []
    words = Wording.of(s)
    for product in products:
        out = exclusion_reasons(product, s)
        if out:
            excluded.append(Exclusion(product, tuple(out)))
            continue
        override = overrides.for_product(product.id) if overrides else None
        cost = estimate_cost(product, override, ROUTINE_USES_PER_DAY)
        reasons = assess(product, s, cost, words)
        over = not within_budget(cost.cost_per_month_usd, s.budget)
        scored.append(
            (
                over,
                -sum(r.points for r in reasons),
                cost.cost_per_month_usd,
                product.id,
                product,
                cost,
                reasons,
            )
        )
    scored.sort(key=_order)
    if scored and s.budget is not None and scored[0][0]:  # nothing fits: the closest leads
        closest = min(scored, key=lambda e: (e[2], e[3]))
        scored.remove(closest)
        scored.insert(0, closest)
    matches = tuple(
        Match(product, i, -negative, cost, over, s.fits(product.facts), tuple(reasons), s.answers)
        for i, (over, negative, _, _, product, cost, reasons) in enumerate(scored, 1)
    )
    excluded.sort(key=lambda e: e.product.id)
    return Ranking(matches, tuple(excluded))


def _order(
    entry: tuple[bool, int, float, str, Product, CostEstimate, list[Reason]],
) -> tuple[bool, int, float, str]:
    return entry[0], entry[1], entry[2], entry[3]


def rank(
    products: Iterable[Product],
    answers: Answers,
    overrides: Overrides | None = None,
    vocabulary: Vocabulary | None = None,
) -> Ranking:
    """rank_situation for answers; allergies need the ingredient vocabulary."""
    return rank_situation(products, Situation.of(answers, vocabulary), overrides)


def rank_catalog(
    catalog: Catalog,
    answers: Answers,
    overrides: Overrides | None = None,
    vocabulary: Vocabulary | None = None,
) -> Ranking:
    """rank() for a whole catalog."""
    return rank(catalog.products, answers, overrides, vocabulary)
