"""The guide's rules: what counts for and against a product, and what leaves it out.

Every score contribution and exclusion carries a plain-language reason and where it comes
from (ranking.py adds them up and orders the products; cautions.py says what to watch).
Medical cautions never exclude a product: they are shown, and rank the products that need
a clinician's OK below comparable ones that do not. Each rule is written once, here, in
plain code; every point it gives is a row of points.POINTS.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from serumdesk.domain import figures, guide
from serumdesk.domain.advice.allergy import AllergyCheck, VocabularyMissing, finding_words
from serumdesk.domain.advice.cost import CostEstimate
from serumdesk.domain.advice.points import EVIDENCE_RULE, POINTS, Rule
from serumdesk.domain.advice.recovery import Phase
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Product, ProductFacts
from serumdesk.domain.choices import (
    Active,
    AlternativeKind,
    Caution,
    Diet,
    Sensitivity,
    SourceCategory,
    UseCase,
)
from serumdesk.domain.sources import Source, SourceKind
from serumdesk.i18n import N_, _, current_language

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.vocabulary import Vocabulary

CONDITIONED_MEDIA = frozenset(
    {
        SourceCategory.HUMAN_FIBROBLAST_CM,
        SourceCategory.HUMAN_ADIPOSE_CM,
        SourceCategory.EXOSOME_CM,
    }
)
PREMIUM_USD = 100.0
"""The guide: 'many stem cell-derived serums cost well over $100'."""


class Reason(NamedTuple):
    """One contribution to a product's standing, with where it comes from."""

    text: str
    source: Source
    points: int = 0


class ExclusionKind(StrEnum):
    """Why a product is left out. Hints, filters and shared copies read this, never the text."""

    DIET = "diet"
    ALLERGY = "allergy"
    FRAGRANCE = "fragrance"

    @property
    def private(self) -> bool:
        """It tells a health detail (an allergy, a sensitivity): left off a copy for sharing."""
        return self in (ExclusionKind.ALLERGY, ExclusionKind.FRAGRANCE)


class ExclusionReason(NamedTuple):
    kind: ExclusionKind
    text: str
    source: Source


def needs_clinician_ok(human_derived: bool, category: SourceCategory) -> bool:
    """Human-derived or novel biologic actives: with pregnancy, breastfeeding, autoimmune
    disease or immunosuppression the guide says to ask a clinician before starting them."""
    return human_derived or category.is_novel_biologic


def clinician_for(answers: Answers) -> str | None:
    """Who must say yes before a human-derived or biologic product: a specialist after a
    transplant or on immune-suppressing medicine (the guide), else a clinician; None when
    no answer asks for it. The value is an id (JSON's "who"); `who_words` words it."""
    if not answers.has_medical_caution:
        return None
    return "specialist" if Caution.IMMUNOSUPPRESSED in answers.cautions else "clinician"


_WHO_WORDS = {"clinician": N_("clinician"), "specialist": N_("specialist")}
_AFTER_YES = {
    "clinician": N_("after your clinician says yes"),
    "specialist": N_("after your specialist says yes"),
}


def who_words(who: str) -> str:
    """'clinician' or 'specialist' (clinician_for's ids) as a person reads it, after 'your'."""
    return _(_WHO_WORDS[who])


def after_yes_words(who: str) -> str:
    """The condition a gated product or routine step waits for: 'after your clinician says yes'."""
    return _(_AFTER_YES[who])


def gate_for(product: Product, who: str | None) -> str | None:
    """Who must say yes before this product, or None."""
    if who is None or not needs_clinician_ok(product.human_derived, product.source_category):
        return None
    return who


def diet_reason(f: ProductFacts, diet: Diet) -> ExclusionReason | None:
    """The vegan and ethics rule: why this answer leaves the product out, or None."""
    if diet is Diet.ANY:
        return None
    if diet is Diet.VEGAN and (f.human_derived or f.animal_derived):
        text = (
            _("Not vegan: its active is human-derived ({category}).")
            if f.human_derived
            else _("Not vegan: its active is animal-derived ({category}).")
        )
        return ExclusionReason(
            ExclusionKind.DIET, text.format(category=f.category.label.lower()), guide.DECISION
        )
    if diet is Diet.NO_HUMAN_DERIVED and f.human_derived:
        return ExclusionReason(
            ExclusionKind.DIET,
            _("You asked for no human-derived ingredients; its active is {category}.").format(
                category=f.category.label.lower()
            ),
            guide.SAFETY,
        )
    if f.fetal_cell_line:
        return ExclusionReason(
            ExclusionKind.DIET,
            _(
                "You asked for nothing derived from a fetal cell line; its active comes from cells "
                "first grown from fetal tissue."
            ),
            guide.SAFETY,
        )
    return None


def exclusion_reasons(product: Product, s: Situation) -> Sequence[ExclusionReason]:
    """Why a product is left out; empty when it stays in."""
    f = product.facts
    reasons: list[ExclusionReason] = []
    diet = diet_reason(f, s.diet)
    if diet is not None:
        reasons.append(diet)
    if s.allergy is not None:
        for finding in s.allergy.findings(f.listed):
            reasons.append(ExclusionReason(ExclusionKind.ALLERGY, finding_words(finding), guide.AVOID))
    if s.fragrance_sensitive and f.scented_names:
        reasons.append(
            ExclusionReason(
                ExclusionKind.FRAGRANCE,
                _("You are sensitive to fragrance; it contains {ingredients}.").format(
                    ingredients=", ".join(f.scented)
                ),
                guide.AVOID,
            )
        )
    return reasons


ROUTINE_USES_PER_DAY = 1.0
"""How often the routine uses a serum unless the person gives their own figure: the guide
says to start once a day and move to twice only if tolerated and the brand suggests it."""


@dataclass(frozen=True, slots=True)
class Situation:
    """What the rules derive from the answers, worked out once per recommendation."""

    answers: Answers
    goal: UseCase
    """What the ranking credits a fit for: the answer, except that past the recovery window
    recovery as a goal becomes everyday maintenance (the guide's mild-concerns advice)."""
    phase: Phase | None
    recovery_focus: bool
    """Inside a recovery window, or a sensitive barrier: the guide's high-value use."""
    clinician: str | None
    """Who must say yes before a biologic ('clinician', 'specialist'), None when nobody."""
    exfoliants_in_use: tuple[Active, ...]
    """The person's own retinoid and acids, in that order."""
    allergy: AllergyCheck | None
    """The allergies, resolved once (None without any)."""
    sensitive_why: str | None
    """Why the skin needs gentle formulas, a msgid ('freshly treated skin'…) worded with _()
    where a reason is made, or None when it does not need them."""

    @property
    def use_case(self) -> UseCase:
        return self.answers.use_case

    @property
    def goal_words(self) -> str:
        """The goal as notices word it: past the window, everyday care."""
        if self.goal is not self.use_case:
            return _(MAINTENANCE_WORDS)
        return self.goal.label.lower()

    def goal_for(self, f: ProductFacts) -> UseCase:
        """The goal a product is judged against: inside a recovery window, recovery comes
        first whatever the goal, so a product placed for it fits."""
        if (
            self.goal not in f.use_cases
            and self.phase is not None
            and self.phase.healing
            and UseCase.POST_PROCEDURE in f.use_cases
        ):
            return UseCase.POST_PROCEDURE
        return self.goal

    def fits(self, f: ProductFacts) -> bool:
        return self.goal_for(f) in f.use_cases

    @property
    def diet(self) -> Diet:
        return self.answers.diet

    @property
    def budget(self) -> float | None:
        return self.answers.budget_usd_per_month

    @property
    def fragrance_sensitive(self) -> bool:
        return Caution.FRAGRANCE_SENSITIVE in self.answers.cautions

    @property
    def allergic_families(self) -> frozenset[str]:
        """Ingredient families the allergies cover (for advice that names ingredients)."""
        return self.allergy.families if self.allergy else frozenset()

    @property
    def unknown_allergens(self) -> tuple[str, ...]:
        """Typed allergens the vocabulary does not know: reported, never matched."""
        return self.allergy.unknown if self.allergy else ()

    @classmethod
    def of(cls, answers: Answers, vocabulary: Vocabulary | None = None) -> Situation:
        """Allergies need the vocabulary: VocabularyMissing when it is not there."""
        if answers.allergens and vocabulary is None:
            raise VocabularyMissing(
                _(
                    "SerumDesk's ingredient vocabulary is missing, so your allergies cannot be "
                    "checked. Reinstall SerumDesk."
                )
            )
        phase = answers.phase
        healing = phase is not None and phase.healing
        why: str | None = None
        # TRANSLATORS: the four reasons for gentle formulas end sentences such as
        # "Fragrance-free, which suits {why}." and "…keeping away from {why}."
        if healing:
            why = N_("freshly treated skin")
        elif answers.use_case is UseCase.SENSITIVE_BARRIER:
            why = N_("a sensitive or compromised barrier")
        elif Caution.SKIN_CONDITION in answers.cautions:
            why = N_("rosacea, eczema or dermatitis")
        elif answers.sensitivity is Sensitivity.HIGH:
            why = N_("highly sensitive skin")
        goal = answers.use_case
        if goal is UseCase.POST_PROCEDURE and phase is Phase.MAINTENANCE:
            goal = UseCase.MILD_CONCERNS
        in_use = tuple(active for active in (Active.RETINOID, Active.ACIDS) if active in answers.actives)
        return cls(
            answers=answers,
            goal=goal,
            phase=phase,
            recovery_focus=healing or answers.use_case is UseCase.SENSITIVE_BARRIER,
            clinician=clinician_for(answers),
            exfoliants_in_use=in_use,
            allergy=(
                AllergyCheck.of(answers.allergens, vocabulary)
                if answers.allergens and vocabulary is not None
                else None
            ),
            sensitive_why=why,
        )


_BY_INGREDIENTS = Source(SourceKind.INFERENCE, N_("its key ingredients (the guide does not name it)"))


def _reason(rule: Rule, text: str, source: Source) -> Reason:
    return Reason(text, source, POINTS[rule])


_STANDING: dict[tuple[int, str], tuple[ProductFacts, tuple[Reason, ...]]] = {}
"""Benchmark row 4: each product's own reasons, worded once per product and language rather
than on every ranking. Keyed by the language, so a ranking in another language never gets
these words; each entry holds its facts, so their id is not reused while it is here."""
_STANDING_MOST = 8192
"""Entries kept before the memo starts again (catalogs reloaded in a long session)."""


def standing(f: ProductFacts) -> tuple[Reason, ...]:
    """The reasons that depend on the product alone: stability, transparency, evidence,
    clinicians."""
    key = (id(f), current_language())
    known = _STANDING.get(key)
    if known is not None and known[0] is f:
        return known[1]
    if len(_STANDING) >= _STANDING_MOST:
        _STANDING.clear()
    found = tuple(_standing(f))
    _STANDING[key] = (f, found)
    return found


def _standing(f: ProductFacts) -> list[Reason]:
    found: list[Reason] = []
    if f.protective_packaging:
        points = min(10, POINTS[Rule.PACKAGING] * len(f.protective_packaging))
        kinds = ", ".join(kind.label for kind in f.protective_packaging)
        found.append(
            Reason(
                _("Packaging that protects fragile actives ({kinds}).").format(kinds=kinds),
                guide.CHOOSING,
                points,
            )
        )
    if f.concentration_disclosed:
        found.append(
            _reason(
                Rule.CONCENTRATION,
                _("Discloses its concentration ({concentration}).").format(concentration=f.concentration),
                guide.CHOOSING,
            )
        )
    evidence = EVIDENCE_RULE.get(f.evidence_kind)
    found.append(
        Reason(
            _("Evidence: {evidence}.").format(evidence=f.evidence.brief()),
            guide.EVIDENCE,
            POINTS[evidence] if evidence else 0,
        )
    )
    if f.clinician_use:
        found.append(_reason(Rule.CLINICIAN_USE, _("Widely used by clinicians."), guide.CHOOSING))
    return found


MAINTENANCE_WORDS = N_("everyday care once recovery is over")
"""The goal a recovery ranking becomes after the window (ranked as mild concerns)."""


def fit_reason(f: ProductFacts, use_case: UseCase, goal: str | None = None) -> Reason:
    """Whether the product suits the person's goal, and on whose word: the guide places the
    products it names; its lower-cost kinds it names as kinds; the rest is SerumDesk's reading.
    `goal` words the goal when it is not the use case's own label."""
    goal = goal or use_case.label.lower()
    if use_case not in f.use_cases:
        if f.named_in_guide:
            return Reason(_("Not one of the guide's picks for {goal}.").format(goal=goal), guide.SNAPSHOTS)
        return Reason(_("Not a fit for {goal} by its ingredients.").format(goal=goal), _BY_INGREDIENTS)
    if f.named_in_guide:
        return _reason(
            Rule.FITS_GOAL, _("The guide places it for {goal}.").format(goal=goal), guide.SNAPSHOTS
        )
    if f.alternative is not None:
        return _reason(
            Rule.FITS_GOAL,
            _("Fits {goal}: the guide names a {kind} among its lower-cost alternatives.").format(
                goal=goal, kind=f.alternative.label
            ),
            guide.ALTERNATIVES,
        )
    return _reason(
        Rule.FITS_GOAL,
        _("Fits {goal} by SerumDesk's reading of its ingredients; the guide does not name it.").format(
            goal=goal
        ),
        _BY_INGREDIENTS,
    )


_IN_USE_WORDS = {
    (Active.RETINOID,): N_("retinoid"),
    (Active.ACIDS,): N_("exfoliating acids"),
    (Active.RETINOID, Active.ACIDS): N_("retinoid and exfoliating acids"),
}
"""The person's own exfoliants (Situation.exfoliants_in_use), as one reason words them."""


@dataclass(frozen=True, slots=True)
class Wording:
    """The reasons a ranking gives many products alike, worded once for that ranking in the
    language it is made in. Benchmark row 4: a thousand products share them, and wording
    each afresh cost more than the rules themselves. rank_situation makes one for each
    ranking and keeps none, so no ranking gets another language's words."""

    s: Situation
    fits: dict[tuple[UseCase, bool, bool, AlternativeKind | None], Reason]
    """fit_reason by what it reads of a product, filled as the products need them."""
    past_window: Reason
    media: Reason
    lower_cost: dict[AlternativeKind, Reason]
    premium: Reason
    plant: Reason
    ask: dict[bool, Reason]
    """By whether the product is human-derived (else a novel biologic)."""
    gentle: dict[Rule, Reason]
    """Minimal formula, fragrance-free, a retinoid in it, scented: for sensitive or healing skin."""
    why: str
    exfoliant: str
    acid_slowly: Reason
    adds: str
    in_use: str
    a_retinoid: str
    budget: str
    within: str
    over: str

    @classmethod
    def of(cls, s: Situation) -> Wording:
        why = _(s.sensitive_why) if s.sensitive_why is not None else ""
        ask = (
            {
                True: _(
                    "Ranked lower: with your medical caution, ask your {who} before starting it "
                    "(human-derived); products that do not need that come first."
                ),
                False: _(
                    "Ranked lower: with your medical caution, ask your {who} before starting it "
                    "(a novel biologic active); products that do not need that come first."
                ),
            }
            if s.clinician is not None
            else {}
        )
        gentle = {
            Rule.GENTLE_MINIMAL: _("Minimal-ingredient formula, which suits {why}."),
            Rule.GENTLE_FRAGRANCE_FREE: _("Fragrance-free, which suits {why}."),
            Rule.GENTLE_RETINOID: _(
                "Contains a retinoid in the same formula, which the guide advises against for {why}."
            ),
            Rule.GENTLE_SCENTED: _("Fragrance or essential oils, a risk for {why}."),
        }
        return cls(
            s=s,
            fits={},
            past_window=Reason(
                _(
                    "Past your recovery window, so it is not credited for recovery now; it is "
                    "worth it again in the 1–2 weeks after your next procedure."
                ),
                guide.EXAMPLES,
            ),
            media=_reason(
                Rule.MEDIA_FOR_RECOVERY,
                _(
                    "Conditioned media: the guide calls recovery and a compromised barrier its "
                    "high-value use."
                ),
                guide.DECISION,
            ),
            lower_cost={
                kind: _reason(
                    Rule.LOWER_COST_FOR_MILD,
                    _(
                        "For mild concerns the guide suggests a less costly {kind} may do as well "
                        "when used consistently."
                    ).format(kind=kind.label),
                    guide.DECISION,
                )
                for kind in AlternativeKind
            },
            premium=_reason(
                Rule.PREMIUM_FOR_MILD,
                _("Premium price for a mild concern: weigh it against peptide serums and a retinoid first."),
                guide.DECISION,
            ),
            plant=_reason(
                Rule.PLANT_FOR_ETHICS,
                _("Plant-derived: the guide's compromise for ethical or vegan preferences."),
                guide.DECISION,
            ),
            ask={
                human: _reason(Rule.ASK_CLINICIAN, text.format(who=who_words(s.clinician or "")), guide.AVOID)
                for human, text in ask.items()
            },
            gentle={
                rule: _reason(rule, text.format(why=why), guide.CHOOSING) for rule, text in gentle.items()
            }
            if why
            else {},
            why=why,
            exfoliant=_("Contains an exfoliant ({acids}), which the guide advises keeping away from {why}."),
            acid_slowly=_reason(
                Rule.ACID_INTRODUCE_SLOWLY,
                _("Contains an exfoliating acid: fine for many, but introduce it slowly."),
                guide.ROUTINE,
            ),
            adds=_(
                "Adds another strong active ({what}) to the {in_use} you already use: the guide "
                "says to manage irritation by spacing actives out, not stacking them."
            ),
            in_use=_(_IN_USE_WORDS[s.exfoliants_in_use]) if s.exfoliants_in_use else "",
            a_retinoid=_("a retinoid"),
            budget=figures.money(s.budget, 0) if s.budget is not None else "",
            within=_("About {monthly} a month fits your {budget} budget."),
            over=_(
                "About {monthly} a month is over your {budget} budget; products within it are listed first."
            ),
        )

    def fit(self, f: ProductFacts, goal: UseCase) -> Reason:
        key = (goal, goal in f.use_cases, f.named_in_guide, f.alternative)
        known = self.fits.get(key)
        if known is None:
            s = self.s
            maintenance = goal is not s.use_case and goal is UseCase.MILD_CONCERNS
            known = self.fits[key] = fit_reason(f, goal, _(MAINTENANCE_WORDS) if maintenance else None)
        return known

    def budget_reason(self, monthly: float, budget: float) -> Reason:
        spent = figures.money(monthly, 0)
        if within_budget(monthly, budget):
            return _reason(
                Rule.WITHIN_BUDGET, self.within.format(monthly=spent, budget=self.budget), guide.DECISION
            )
        return _reason(Rule.OVER_BUDGET, self.over.format(monthly=spent, budget=self.budget), guide.DECISION)


def situational_reasons(f: ProductFacts, s: Situation, cost: CostEstimate, w: Wording) -> list[Reason]:
    """The contributions that depend on the answers, in `w`'s words."""
    r: list[Reason] = [w.fit(f, s.goal_for(f))]
    add = r.append
    if s.goal is not s.use_case and UseCase.POST_PROCEDURE in f.use_cases:
        add(w.past_window)
    if s.recovery_focus and f.category in CONDITIONED_MEDIA:
        add(w.media)
    if s.goal is UseCase.MILD_CONCERNS:
        if f.alternative is not None:
            add(w.lower_cost[f.alternative])
        elif cost.inputs.price_usd > PREMIUM_USD:
            add(w.premium)
    if s.diet is not Diet.ANY and f.category is SourceCategory.PLANT_CELL_CULTURE:
        add(w.plant)
    if s.clinician is not None and needs_clinician_ok(f.human_derived, f.category):
        add(w.ask[f.human_derived])
    if s.sensitive_why is not None:
        gentle = w.gentle
        if f.minimal_formula:
            add(gentle[Rule.GENTLE_MINIMAL])
        if f.fragrance_free:
            add(gentle[Rule.GENTLE_FRAGRANCE_FREE])
        if f.acid_names:
            add(
                _reason(
                    Rule.GENTLE_EXFOLIANT,
                    w.exfoliant.format(acids=", ".join(f.acids), why=w.why),
                    guide.CHOOSING,
                )
            )
        if f.has_retinoid:
            add(gentle[Rule.GENTLE_RETINOID])
        if f.scented_names:
            add(gentle[Rule.GENTLE_SCENTED])
    elif s.answers.sensitivity is Sensitivity.MODERATE and f.acid_names:
        add(w.acid_slowly)
    if s.exfoliants_in_use and (f.acid_names or f.has_retinoid):
        what = ", ".join((*f.acids, *((w.a_retinoid,) if f.has_retinoid else ())))
        add(_reason(Rule.ADDS_EXFOLIANT, w.adds.format(what=what, in_use=w.in_use), guide.FAQ))
    return r


def within_budget(monthly: float, budget: float | None) -> bool:
    """Cents of rounding are not over; no budget means everything fits."""
    return budget is None or monthly <= budget + 0.005


def assess(product: Product, s: Situation, cost: CostEstimate, w: Wording | None = None) -> list[Reason]:
    """Every contribution to a product's standing; their points add up to its score. A
    ranking passes its Wording; one product alone is worded on its own."""
    w = w or Wording.of(s)
    f = product.facts
    r = situational_reasons(f, s, cost, w)
    r.extend(standing(f))
    if s.budget is not None:
        r.append(w.budget_reason(cost.cost_per_month_usd, s.budget))
    return r
