"""Decides what the results page shows: the recommendation, the compared products, the hints.

No Qt here; the domain modules are imported on first use so the wizard opens fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.catalog_loader import CatalogLoader
from serumdesk.domain.choices import Caution, Diet

if TYPE_CHECKING:
    from serumdesk.domain.recommendation import Recommendation

MIN_COMPARED = 2
MAX_COMPARED = 4
DEFAULT_COMPARED = 3


class ResultsController:
    """Turns answers and overrides into a Recommendation, with the catalog loaded once."""

    def __init__(self, loader: CatalogLoader) -> None:
        self.loader = loader

    def recommend(self, answers: Answers, overrides: Overrides) -> Recommendation:
        """Raises CatalogUnavailable when the catalog cannot be loaded."""
        from serumdesk.domain.recommendation import recommend

        return recommend(self.loader.load(), answers, overrides)


def compare_selection(rec: Recommendation, wanted: Sequence[str]) -> list[str]:
    """The products to show side by side after the answers change.

    The wanted ones that are still matched stay (at most four, in rank order); when fewer
    than two remain, the best-ranked others fill up to three.
    """
    ranked = [m.product.id for m in rec.matches]
    wanted_set = set(wanted)
    kept = [pid for pid in ranked if pid in wanted_set][:MAX_COMPARED]
    if len(kept) < MIN_COMPARED:
        extra = [pid for pid in ranked if pid not in kept]
        kept = [pid for pid in ranked if pid in set(kept + extra[:DEFAULT_COMPARED - len(kept)])]
    return kept


def relax_hints(rec: Recommendation) -> list[str]:
    """When every product is excluded: which answers to relax, most effective first."""
    answers = rec.answers
    texts = " ".join(r.text for e in rec.excluded for r in e.reasons)
    hints: list[str] = []
    if answers.diet is not Diet.ANY and ("Not vegan" in texts or "human-derived" in texts):
        hints.append(f"Your preference “{answers.diet.label}” leaves out every remaining "
                     "product: choose a less strict preference to see more.")
    if answers.allergens and "matches your allergy" in texts:
        hints.append("Some allergies match common ingredients: check the spelling, or list "
                     "the specific ingredient rather than a broad word.")
    if Caution.FRAGRANCE_SENSITIVE in answers.cautions and "fragrance" in texts:
        hints.append("Products with fragrance or essential oils were left out because you are "
                     "sensitive to fragrance.")
    if not hints:
        hints.append("Go back and relax one of your answers to see more products.")
    return hints


def money(value: float) -> str:
    return f"${value:,.2f}"
