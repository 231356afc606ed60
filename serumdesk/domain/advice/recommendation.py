"""One call from answers to everything a person sees: ranking, routine, patch test, timeline,
what these serums are, and the plain words when nothing fits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from serumdesk.domain import guide
from serumdesk.domain.advice.allergy import resolve_allergens
from serumdesk.domain.advice.background import ABOUT_THESE_SERUMS, Statement, transparency_questions
from serumdesk.domain.advice.ranking import Exclusion, Match, Ranking, rank_catalog
from serumdesk.domain.advice.routine import (
    NOT_ADVICE,
    PATCH_TEST,
    TIMELINE,
    Note,
    Routine,
    TimelineStage,
    build_routine,
)
from serumdesk.domain.advice.rules import ExclusionKind, within_budget
from serumdesk.domain.advice.wording import money
from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.catalog.freshness import is_stale, stale_words
from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.choices import Diet

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Recommendation:
    answers: Answers
    ranking: Ranking
    routine: Routine
    patch_test: Note
    timeline: tuple[TimelineStage, ...]
    catalog_version: str
    catalog_updated: dt.date
    today: dt.date
    """The day it was made: how old a price is depends on it."""
    prices_from: str | None = None
    """The clinic's price list the prices come from ('Name (2026-11-01)'), if one is installed."""
    allergic_families: frozenset[str] = frozenset()
    """Ingredient families the person's allergies cover (for advice that names ingredients)."""
    unknown_allergens: tuple[str, ...] = ()
    """Typed allergens the ingredient vocabulary does not know: no product was checked for
    them (without a vocabulary every allergen is matched by its text instead)."""

    @property
    def matches(self) -> Sequence[Match]:
        return self.ranking.matches

    @property
    def excluded(self) -> tuple[Exclusion, ...]:
        return self.ranking.excluded

    @property
    def about(self) -> tuple[Statement, ...]:
        return ABOUT_THESE_SERUMS

    @property
    def no_good_match(self) -> Note | None:
        """When products remain but none suits the person's goal: said plainly, never hidden."""
        if not self.matches or any(m.fits_use_case for m in self.matches):
            return None
        goal = self.answers.use_case.label.lower()
        why = (" once your answers left products out" if self.excluded else "")
        return Note(
            f"No good match: nothing left in the catalog suits {goal}{why}. The products below "
            "are the best of what remains, not a match for your goal.", guide.SNAPSHOTS)

    @property
    def allergy_note(self) -> Note | None:
        """Allergens SerumDesk could not check, said plainly rather than guessed at."""
        if not self.unknown_allergens:
            return None
        listed = ", ".join(f"“{a}”" for a in self.unknown_allergens)
        return Note(f"SerumDesk does not know {listed}, so no product was checked for "
                    f"{'it' if len(self.unknown_allergens) == 1 else 'them'}: read each label "
                    "yourself, and patch test.", guide.AVOID, private=True)

    @property
    def notices(self) -> tuple[Note, ...]:
        """What to say above the results: no good match, budget, unchecked allergens."""
        return tuple(n for n in (self.no_good_match, self.budget_note, self.allergy_note)
                     if n is not None)

    @property
    def budget_note(self) -> Note | None:
        """When a budget is given and nothing fits it, or nothing within it suits the goal:
        say so, and name the closest."""
        budget = self.answers.budget_usd_per_month
        if budget is None or not self.matches:
            return None
        within = [m for m in self.matches if within_budget(m.cost.cost_per_month_usd, budget)]
        if not within:
            closest = min(self.matches, key=lambda m: m.cost.cost_per_month_usd)
            return Note(
                f"Nothing fits {money(budget)} a month; the closest is {closest.product.title} "
                f"at {money(closest.cost.cost_per_month_usd)} a month.", guide.DECISION)
        suiting = [m for m in self.matches if m.fits_use_case]
        if suiting and not any(m.fits_use_case for m in within):
            closest = min(suiting, key=lambda m: m.cost.cost_per_month_usd)
            goal = self.answers.use_case.label.lower()
            return Note(
                f"Nothing within {money(budget)} a month suits {goal}, so the products within "
                f"your budget come first; the closest that suits it is {closest.product.title} "
                f"at {money(closest.cost.cost_per_month_usd)} a month.", guide.DECISION)
        return None


def recommend(catalog: Catalog, answers: Answers, overrides: Overrides | None = None,
              today: dt.date | None = None, vocabulary: Vocabulary | None = None) -> Recommendation:
    """Rank and advise. Allergies are matched on `vocabulary` (the ingredient knowledge
    base); without one, by the text as typed."""
    ranking = rank_catalog(catalog, answers, overrides, vocabulary)
    top = ranking.matches[0].product if ranking.matches else None
    known, unknown = (resolve_allergens(answers.allergens, vocabulary) if vocabulary is not None
                      else ((), ()))
    allergic = frozenset(f for q in known for f in (*q.families, *q.entry_families))
    return Recommendation(
        answers=answers,
        ranking=ranking,
        routine=build_routine(answers, top, allergic),
        patch_test=PATCH_TEST,
        timeline=TIMELINE,
        catalog_version=catalog.catalog_version,
        catalog_updated=catalog.updated,
        prices_from=catalog.prices_from,
        today=today or dt.date.today(),
        unknown_allergens=unknown,
        allergic_families=allergic,
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


def _said(text: str, source: Any) -> dict[str, Any]:
    return {"text": text, "source": source.to_dict()}


def product_to_dict(p: Product) -> dict[str, Any]:
    """What the catalog says of a product, with the source of each figure."""
    e = p.evidence
    return {
        "id": p.id,
        "brand": p.brand,
        "name": p.name,
        "description": p.description,
        "source_category": p.source_category.value,
        "source_detail": p.source_detail,
        "human_derived": p.human_derived,
        "animal_derived": p.animal_derived,
        "fetal_cell_line": p.fetal_cell_line,
        "vegan": p.vegan_status,
        "inferred": {fact.value: why for fact, why in p.inferred.items()},
        "entered_by_you": p.entered_by_you,
        "named_in_guide": p.named_in_guide,
        "alternative": p.alternative.value if p.alternative else None,
        "key_ingredients": list(p.key_ingredients),
        "ingredients_checked": "full list" if p.full_list_checked else "key ingredients",
        "ingredient_list": None if p.ingredient_list is None else {
            "inci": list(p.ingredient_list.inci), "complete": p.ingredient_list.complete,
            "source": p.ingredient_list.provenance.describe(), "note": p.ingredient_list.note},
        "fragrance_free": p.fragrance_free,
        "evidence": {"kind": e.kind.value, "summary": e.summary, "subjects": e.subjects,
                     "duration_weeks": e.duration_weeks, "funded_by": e.funded_by,
                     "peer_reviewed": e.peer_reviewed, "source": e.provenance.describe()},
        "figure_sources": {
            "price_usd": p.price.provenance.describe(),
            "size_ml": p.price.size_ml.provenance.describe(),
            "dose_ml": p.dose_ml.provenance.describe(),
            "applications_per_day": p.applications_per_day.provenance.describe(),
        },
        "ethics_claims": list(p.ethics_claims),
        "buyer_notes": [{"kind": n.kind.value, "text": n.text} for n in p.buyer_notes],
        "questions_to_ask": [_said(q.text, q.source) for q in transparency_questions(p)],
    }


def match_to_dict(match: Match, today: dt.date) -> dict[str, Any]:
    p, cost = match.product, match.cost
    return {
        **product_to_dict(p),
        "rank": match.rank,
        "score": match.score,
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
        "stale": is_stale(p, cost, today),
        "stale_figures": stale_words(p, cost, today),
        "price_seen": p.price.provenance.seen.isoformat() if p.price.provenance.seen else None,
        "estimated_fields": list(cost.inputs.estimated_fields),
        "overridden_fields": list(cost.inputs.overridden_fields),
        "reasons": [{"text": r.text, "points": r.points, "source": r.source.to_dict()}
                    for r in match.reasons],
        "cautions": [c.to_dict() for c in match.cautions],
    }


def _note(note: Note | None) -> dict[str, Any] | None:
    return None if note is None else _said(note.text, note.source)


def recommendation_to_dict(rec: Recommendation) -> dict[str, Any]:
    """The `serumdesk recommend --json` document."""
    return {
        "disclaimer": NOT_ADVICE,
        "about": [_said(s.text, s.source) for s in rec.about],
        "no_good_match": _note(rec.no_good_match),
        "budget_note": _note(rec.budget_note),
        "allergy_note": _note(rec.allergy_note),
        "unknown_allergens": list(rec.unknown_allergens),
        "recommended": [match_to_dict(m, rec.today) for m in rec.matches],
        "excluded": [
            {"id": e.product.id, "brand": e.product.brand, "name": e.product.name,
             "reasons": [{"kind": r.kind.value, "text": r.text, "source": r.source.to_dict()}
                         for r in e.reasons]}
            for e in rec.excluded
        ],
        "routine": {
            "am": list(rec.routine.am),
            "pm": list(rec.routine.pm),
            "notes": [_said(n.text, n.source) for n in rec.routine.notes],
        },
        "patch_test": _said(rec.patch_test.text, rec.patch_test.source),
        "timeline": [{"when": s.when, "expect": s.expect} for s in rec.timeline],
        "timeline_source": guide.TIMELINE.to_dict(),
        "catalog": {"version": rec.catalog_version, "date": rec.catalog_updated.isoformat(),
                    "prices_from": rec.prices_from},
    }
