"""One call from answers to everything a person sees: ranking, routine, patch test, timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.choices import Diet
from serumdesk.domain.product import Catalog
from serumdesk.domain.ranking import Exclusion, Match, Ranking, rank_catalog
from serumdesk.domain.routine import PATCH_TEST, TIMELINE, Note, Routine, TimelineStage, build_routine
from serumdesk.domain.rules import ExclusionKind


@dataclass(frozen=True, slots=True)
class Recommendation:
    answers: Answers
    ranking: Ranking
    routine: Routine
    patch_test: Note
    timeline: tuple[TimelineStage, ...]
    catalog_version: str
    catalog_updated: dt.date

    @property
    def matches(self) -> Sequence[Match]:
        return self.ranking.matches

    @property
    def excluded(self) -> tuple[Exclusion, ...]:
        return self.ranking.excluded


def recommend(catalog: Catalog, answers: Answers, overrides: Overrides | None = None) -> Recommendation:
    ranking = rank_catalog(catalog, answers, overrides)
    top = ranking.matches[0].product if ranking.matches else None
    return Recommendation(
        answers=answers,
        ranking=ranking,
        routine=build_routine(answers, top),
        patch_test=PATCH_TEST,
        timeline=TIMELINE,
        catalog_version=catalog.catalog_version,
        catalog_updated=catalog.updated,
    )


def relax_hints(rec: Recommendation) -> list[str]:
    """When every product is excluded: which answers to relax, most effective first."""
    kinds = {r.kind for e in rec.excluded for r in e.reasons}
    hints: list[str] = []
    if ExclusionKind.DIET in kinds and rec.answers.diet is not Diet.ANY:
        hints.append(f"Your preference “{rec.answers.diet.label}” leaves out every remaining "
                     "product: choose a less strict preference to see more.")
    if ExclusionKind.ALLERGY in kinds:
        hints.append("Some allergies match common ingredients: check the spelling, or list "
                     "the specific ingredient rather than a broad word.")
    if ExclusionKind.FRAGRANCE in kinds:
        hints.append("Products with fragrance or essential oils were left out because you are "
                     "sensitive to fragrance.")
    if not hints:
        hints.append("Go back and relax one of your answers to see more products.")
    return hints


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def match_to_dict(match: Match) -> dict[str, Any]:
    p, cost = match.product, match.cost
    return {
        "id": p.id,
        "brand": p.brand,
        "name": p.name,
        "rank": match.rank,
        "score": match.score,
        "source_category": p.source_category.value,
        "human_derived": p.human_derived,
        "vegan": p.vegan,
        "price_usd": cost.inputs.price_usd,
        "size_ml": cost.inputs.size_ml,
        "dose_ml": cost.inputs.dose_ml,
        "applications_per_day": cost.inputs.applications_per_day,
        "price_per_ml_usd": _round(cost.price_per_ml_usd),
        "cost_per_month_usd": _round(cost.cost_per_month_usd),
        "months_per_bottle": _round(cost.months_per_bottle),
        "recovery_window_usd": [_round(v) for v in cost.recovery_window_usd],
        "over_budget": match.over_budget,
        "fits_use_case": match.fits_use_case,
        "alternative": p.alternative,
        "estimated_fields": list(cost.inputs.estimated_fields),
        "overridden_fields": list(cost.inputs.overridden_fields),
        "reasons": [{"text": r.text, "points": r.points, "section": r.section} for r in match.reasons],
        "cautions": [{"text": c.text, "level": c.level.value, "kind": c.kind.value,
                      "section": c.section} for c in match.cautions],
    }


def recommendation_to_dict(rec: Recommendation) -> dict[str, Any]:
    """The `serumdesk recommend --json` document."""
    return {
        "recommended": [match_to_dict(m) for m in rec.matches],
        "excluded": [
            {"id": e.product.id, "brand": e.product.brand, "name": e.product.name,
             "reasons": [{"kind": r.kind.value, "text": r.text, "section": r.section}
                         for r in e.reasons]}
            for e in rec.excluded
        ],
        "routine": {
            "am": list(rec.routine.am),
            "pm": list(rec.routine.pm),
            "notes": [{"text": n.text, "section": n.section} for n in rec.routine.notes],
        },
        "patch_test": {"text": rec.patch_test.text, "section": rec.patch_test.section},
        "timeline": [{"when": s.when, "expect": s.expect} for s in rec.timeline],
        "catalog": {"version": rec.catalog_version, "date": rec.catalog_updated.isoformat()},
    }
