"""One call from answers to everything a person sees: ranking, routine, patch test, timeline,
what these serums are, and the plain words when nothing fits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from serumdesk.domain import guide
from serumdesk.domain.advice.background import ABOUT_THESE_SERUMS, Statement, transparency_questions
from serumdesk.domain.advice.plan import Plan, make_plan
from serumdesk.domain.advice.ranking import Exclusion, Match, Ranking, rank_situation
from serumdesk.domain.advice.routine import (
    NOT_ADVICE,
    PATCH_TEST,
    TIMELINE,
    Note,
    Routine,
    TimelineStage,
)
from serumdesk.domain.advice.rules import ExclusionKind, Situation, within_budget
from serumdesk.domain.advice.wording import money
from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.catalog.freshness import is_stale, stale_words
from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.choices import Diet, UseCase
from serumdesk.i18n import _, current_language, ngettext, shown

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.vocabulary import Vocabulary


@dataclass(frozen=True, slots=True)
class Recommendation:
    answers: Answers
    ranking: Ranking
    plan: Plan
    """The one plan every surface renders."""
    situation: Situation
    """What the rules derived from the answers (allergies resolved once, here)."""
    patch_test: Note
    timeline: tuple[TimelineStage, ...]
    catalog_version: str
    catalog_updated: dt.date
    today: dt.date
    """The day it was made: how old a price is depends on it."""
    prices_from: str | None = None
    """The clinic's price list the prices come from ('Name (2026-11-01)'), if one is installed."""
    language: str = "en"
    """The language its words were made in (a sheet in another one ranks again)."""

    @property
    def allergic_families(self) -> frozenset[str]:
        """Ingredient families the person's allergies cover (for advice that names ingredients)."""
        return self.situation.allergic_families

    @property
    def unknown_allergens(self) -> tuple[str, ...]:
        """Typed allergens the ingredient vocabulary does not know: no product was checked."""
        return self.situation.unknown_allergens

    @property
    def routine(self) -> Routine:
        return self.plan.routine

    @property
    def matches(self) -> Sequence[Match]:
        return self.ranking.matches

    @property
    def excluded(self) -> tuple[Exclusion, ...]:
        return self.ranking.excluded

    @property
    def goal(self) -> UseCase:
        """What the ranking credits a fit for (recovery becomes maintenance after the window)."""
        return self.situation.goal

    @property
    def goal_words(self) -> str:
        """The goal as notices word it."""
        return self.situation.goal_words

    @property
    def about(self) -> tuple[Statement, ...]:
        return ABOUT_THESE_SERUMS

    @property
    def no_good_match(self) -> Note | None:
        """When products remain but none suits the person's goal: said plainly, never hidden."""
        if not self.plan.closest_options:
            return None
        text = (
            _(
                "No good match: nothing left in the catalog suits {goal} once your answers left "
                "products out. The products below are the closest options, not a match for your goal."
            )
            if self.excluded
            else _(
                "No good match: nothing left in the catalog suits {goal}. The products below are the "
                "closest options, not a match for your goal."
            )
        )
        return Note(text.format(goal=self.goal_words), guide.SNAPSHOTS)

    @property
    def allergy_note(self) -> Note | None:
        """Allergens SerumDesk could not check, said plainly rather than guessed at."""
        if not self.unknown_allergens:
            return None
        listed = ", ".join(_("“{allergen}”").format(allergen=a) for a in self.unknown_allergens)
        return Note(
            ngettext(
                "SerumDesk does not know {listed}, so no product was checked for it: read each label "
                "yourself, and patch test.",
                "SerumDesk does not know {listed}, so no product was checked for them: read each "
                "label yourself, and patch test.",
                len(self.unknown_allergens),
            ).format(listed=listed),
            guide.AVOID,
            private=True,
        )

    @property
    def notices(self) -> tuple[Note, ...]:
        """What to say above the results: no good match, budget, unchecked allergens."""
        return tuple(n for n in (self.no_good_match, self.budget_note, self.allergy_note) if n is not None)

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
                _("Nothing fits {budget} a month; the closest is {product} at {monthly} a month.").format(
                    budget=money(budget),
                    product=closest.product.title,
                    monthly=money(closest.cost.cost_per_month_usd),
                ),
                guide.DECISION,
            )
        suiting = [m for m in self.matches if m.fits_use_case]
        if suiting and not any(m.fits_use_case for m in within):
            closest = min(suiting, key=lambda m: m.cost.cost_per_month_usd)
            return Note(
                _(
                    "Nothing within {budget} a month suits {goal}, so the products within your budget "
                    "come first; the closest that suits it is {product} at {monthly} a month."
                ).format(
                    budget=money(budget),
                    goal=self.goal_words,
                    product=closest.product.title,
                    monthly=money(closest.cost.cost_per_month_usd),
                ),
                guide.DECISION,
            )
        return None


def recommend(
    catalog: Catalog,
    answers: Answers,
    overrides: Overrides | None = None,
    today: dt.date | None = None,
    vocabulary: Vocabulary | None = None,
) -> Recommendation:
    """Rank and plan. Allergies are matched on `vocabulary` (the ingredient knowledge base);
    allergies without one raise allergy.VocabularyMissing: a broken install."""
    situation = Situation.of(answers, vocabulary)
    ranking = rank_situation(catalog.products, situation, overrides)
    return Recommendation(
        answers=answers,
        ranking=ranking,
        plan=make_plan(situation, ranking, overrides),
        patch_test=PATCH_TEST,
        timeline=TIMELINE,
        catalog_version=catalog.catalog_version,
        catalog_updated=catalog.updated,
        prices_from=catalog.prices_from,
        today=today or dt.date.today(),
        situation=situation,
        language=current_language(),
    )


def relax_hints(rec: Recommendation) -> list[str]:
    """When every product is excluded: which answers to relax, most effective first."""
    kinds = {r.kind for e in rec.excluded for r in e.reasons}
    hints: list[str] = []
    if ExclusionKind.DIET in kinds and rec.answers.diet is not Diet.ANY:
        hints.append(
            _(
                "Your preference “{diet}” leaves out every remaining product: choose a less strict "
                "preference to see more."
            ).format(diet=rec.answers.diet.label)
        )
    if ExclusionKind.ALLERGY in kinds:
        hints.append(
            _(
                "Some allergies match common ingredients: check the spelling, or list the specific "
                "ingredient rather than a broad word."
            )
        )
    if ExclusionKind.FRAGRANCE in kinds:
        hints.append(
            _(
                "Products with fragrance or essential oils were left out because you are sensitive "
                "to fragrance."
            )
        )
    if not hints:
        hints.append(_("Go back and relax one of your answers to see more products."))
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
        "description": shown(p.description),
        "source_category": p.source_category.value,
        "source_detail": shown(p.source_detail),
        "human_derived": p.human_derived,
        "animal_derived": p.animal_derived,
        "fetal_cell_line": p.fetal_cell_line,
        "vegan": p.vegan_status,
        "inferred": {fact.value: shown(why) for fact, why in p.inferred.items()},
        "entered_by_you": p.entered_by_you,
        "named_in_guide": p.named_in_guide,
        "alternative": p.alternative.value if p.alternative else None,
        "key_ingredients": [shown(k) for k in p.key_ingredients],
        "ingredients_checked": "full list" if p.full_list_checked else "key ingredients",
        "ingredient_list": None
        if p.ingredient_list is None
        else {
            "inci": list(p.ingredient_list.inci),
            "complete": p.ingredient_list.complete,
            "source": p.ingredient_list.provenance.describe(),
            "note": shown(p.ingredient_list.note),
        },
        "fragrance_free": p.fragrance_free,
        "evidence": {
            "kind": e.kind.value,
            "summary": shown(e.summary),
            "subjects": e.subjects,
            "duration_weeks": e.duration_weeks,
            "funded_by": shown(e.funded_by) if e.funded_by else e.funded_by,
            "peer_reviewed": e.peer_reviewed,
            "source": e.provenance.describe(),
        },
        "figure_sources": {
            "price_usd": p.price.provenance.describe(),
            "size_ml": p.price.size_ml.provenance.describe(),
            "dose_ml": p.dose_ml.provenance.describe(),
            "applications_per_day": p.applications_per_day.provenance.describe(),
        },
        "ethics_claims": [shown(c) for c in p.ethics_claims],
        "buyer_notes": [{"kind": n.kind.value, "text": shown(n.text)} for n in p.buyer_notes],
        "questions_to_ask": [_said(q.text, q.source) for q in transparency_questions(p)],
    }


def match_to_dict(match: Match, today: dt.date, plan: Plan | None = None) -> dict[str, Any]:
    p, cost = match.product, match.cost
    pick = plan.pick(p.id) if plan is not None else None
    return {
        **product_to_dict(p),
        "rank": match.rank,
        "score": match.score,
        "role": pick.role.value if pick else None,
        "condition": pick.condition if pick else None,
        "uses_per_day": pick.uses_per_day if pick else cost.inputs.applications_per_day,
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
        "reasons": [
            {"text": r.text, "points": r.points, "source": r.source.to_dict()} for r in match.reasons
        ],
        "cautions": [c.to_dict() for c in match.cautions],
    }


def _note(note: Note | None) -> dict[str, Any] | None:
    return None if note is None else _said(note.text, note.source)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan's decisions about the person, as the JSON document states them."""
    a = plan.answers
    return {
        "procedure": None
        if not a.has_procedure
        else {
            "procedure": a.procedure.value if a.procedure else None,
            "laser_type": a.laser_type.value if a.laser_type else None,
            "days_since": a.days_since_procedure,
            "phase": plan.phase.value if plan.phase else None,
            "window": {
                "fresh_days": plan.window.fresh_days,
                "last_day": plan.window.last_day,
                "source": plan.window.source.to_dict(),
            },
        },
        "held": [{"active": h.active.value, "why": h.why, "source": h.source.to_dict()} for h in plan.held],
        "gates": [{"id": p.match.product.id, "who": p.gate, "condition": p.condition} for p in plan.gates],
        "closest_options": plan.closest_options,
        "picks": [
            {"id": p.match.product.id, "role": p.role.value, "uses_per_day": p.uses_per_day}
            for p in plan.picks
        ],
    }


def recommendation_to_dict(rec: Recommendation) -> dict[str, Any]:
    """The `serumdesk recommend --json` document."""
    return {
        "disclaimer": _(NOT_ADVICE),
        "about": [_said(s.text, s.source) for s in rec.about],
        "no_good_match": _note(rec.no_good_match),
        "budget_note": _note(rec.budget_note),
        "allergy_note": _note(rec.allergy_note),
        "unknown_allergens": list(rec.unknown_allergens),
        "for_you": [item.to_dict() for item in rec.plan.for_you],
        "plan": plan_to_dict(rec.plan),
        "recommended": [match_to_dict(m, rec.today, rec.plan) for m in rec.matches],
        "excluded": [
            {
                "id": e.product.id,
                "brand": e.product.brand,
                "name": e.product.name,
                "reasons": [
                    {"kind": r.kind.value, "text": r.text, "source": r.source.to_dict()} for r in e.reasons
                ],
            }
            for e in rec.excluded
        ],
        "routine": {
            "am": list(rec.routine.am),
            "pm": list(rec.routine.pm),
            "steps": [
                {
                    "time": st.time.value,
                    "text": st.text,
                    "active": st.active.value if st.active else None,
                    "product_id": st.product_id,
                    "condition": st.condition,
                    "every": st.every,
                }
                for st in rec.routine.steps
            ],
            "notes": [_said(n.text, n.source) for n in rec.routine.notes],
        },
        "patch_test": _said(rec.patch_test.text, rec.patch_test.source),
        "timeline": [{"when": s.when, "expect": s.expect} for s in rec.timeline],
        "timeline_source": guide.TIMELINE.to_dict(),
        "catalog": {
            "version": rec.catalog_version,
            "date": rec.catalog_updated.isoformat(),
            "prices_from": rec.prices_from,
        },
    }
