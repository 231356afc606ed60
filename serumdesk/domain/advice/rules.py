"""The guide's rules: what counts for and against a product, and what leaves it out.

Every score contribution and exclusion carries a plain-language reason and where it comes
from (ranking.py adds them up and orders the products; cautions.py says what to watch).
Medical cautions never exclude a product: they are shown, and rank the products that need
a clinician's OK below comparable ones that do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntFlag, StrEnum
from typing import TYPE_CHECKING, NamedTuple, cast

from serumdesk.domain import guide
from serumdesk.domain.advice.allergy import find_allergen, finding_words, product_reading, resolve_allergens
from serumdesk.domain.advice.cost import CostEstimate
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Product, ProductFacts
from serumdesk.domain.choices import (
    Caution,
    Diet,
    EvidenceKind,
    Sensitivity,
    SourceCategory,
    UseCase,
)
from serumdesk.domain.sources import Source, SourceKind

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.allergens import AllergenQuery
    from serumdesk.domain.ingredients.vocabulary import Vocabulary

CONDITIONED_MEDIA = frozenset({
    SourceCategory.HUMAN_FIBROBLAST_CM,
    SourceCategory.HUMAN_ADIPOSE_CM,
    SourceCategory.EXOSOME_CM,
})
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


class Origin(IntFlag):
    """Where a product's active comes from, as far as diet and ethics answers care."""

    HUMAN = 1
    ANIMAL = 2
    FETAL_CELL_LINE = 4


DIET_LEAVES_OUT: dict[Diet, Origin] = {
    Diet.ANY: Origin(0),
    Diet.NO_FETAL_CELL_LINE: Origin.FETAL_CELL_LINE,
    Diet.NO_HUMAN_DERIVED: Origin.HUMAN | Origin.FETAL_CELL_LINE,
    Diet.VEGAN: Origin.HUMAN | Origin.ANIMAL | Origin.FETAL_CELL_LINE,
}
"""The vegan and ethics rule: the origins each answer leaves out (exclusion_reasons words why,
ranking filters on the same bits)."""


def origin_of(f: ProductFacts) -> Origin:
    origin = Origin(0)
    if f.human_derived:
        origin |= Origin.HUMAN
    if f.animal_derived:
        origin |= Origin.ANIMAL
    if f.fetal_cell_line:
        origin |= Origin.FETAL_CELL_LINE
    return origin


def needs_clinician_ok(human_derived: bool, category: SourceCategory) -> bool:
    """Human-derived or novel biologic actives: with pregnancy, autoimmune disease or
    immunosuppression the guide says to ask a clinician before starting them."""
    return human_derived or category.is_novel_biologic


RawReason = tuple[int, Source, str, tuple[object, ...]]
"""(points, source, text template, template arguments): a Reason not yet worded."""


def worded(raw: RawReason) -> Reason:
    points, source, template, args = raw
    return Reason(template.format(*args) if args else template, source, points)


def exclusion_reasons(product: Product, s: Situation) -> Sequence[ExclusionReason]:
    """Why a product is left out; empty when it stays in."""
    f = product.facts
    if not (s.diet is not Diet.ANY or s.allergens or (s.fragrance_sensitive and f.scented)):
        return ()  # the common case, without allocating
    reasons: list[ExclusionReason] = []
    left_out = origin_of(f) & DIET_LEAVES_OUT[s.diet]
    category = f.category.label.lower()
    if left_out and s.diet is Diet.VEGAN:
        origin = "human-derived" if Origin.HUMAN in left_out else "animal-derived"
        reasons.append(ExclusionReason(
            ExclusionKind.DIET, f"Not vegan: its active is {origin} ({category}).", guide.DECISION))
    elif left_out and s.diet is Diet.NO_HUMAN_DERIVED:
        reasons.append(ExclusionReason(
            ExclusionKind.DIET,
            f"You asked for no human-derived ingredients; its active is {category}.", guide.SAFETY))
    elif left_out:
        reasons.append(ExclusionReason(
            ExclusionKind.DIET,
            "You asked for nothing derived from a fetal cell line; its active comes from cells "
            "first grown from fetal tissue.", guide.SAFETY))
    if s.vocabulary is not None:
        if s.allergies:
            reading = product_reading([n for n, _ in f.searchable], product.memo, s.vocabulary)
            for query in s.allergies:
                finding = find_allergen(reading, query, s.vocabulary)
                if finding is not None:
                    reasons.append(ExclusionReason(
                        ExclusionKind.ALLERGY, finding_words(finding), guide.AVOID))
    else:  # no vocabulary: the text as typed, found in a listed name
        for allergen, needle in s.allergens:
            for ingredient, folded in f.searchable:
                if needle in folded:
                    reasons.append(ExclusionReason(
                        ExclusionKind.ALLERGY,
                        f"Lists “{ingredient}”, which matches your allergy “{allergen}”.",
                        guide.AVOID))
                    break
    if s.fragrance_sensitive and f.scented:
        reasons.append(ExclusionReason(
            ExclusionKind.FRAGRANCE,
            f"You are sensitive to fragrance; it contains {', '.join(f.scented)}.", guide.AVOID))
    return reasons


@dataclass(frozen=True, slots=True)
class Situation:
    """What the rules derive from the answers, worked out once per ranking, not per product.

    Reasons whose wording depends only on the answers are built here once, too.
    """

    use_case: UseCase
    recovery_focus: bool
    """Recovery inside the window, or a sensitive barrier: the guide's high-value use."""
    wants_ethical: bool
    moderate: bool
    mild: bool
    medical: bool
    """Pregnancy, breastfeeding, autoimmune disease or immunosuppression."""
    budget: float | None
    diet: Diet
    allergens: tuple[tuple[str, str], ...]
    """(as typed, casefolded) for matching against ingredients."""
    fragrance_sensitive: bool
    vocabulary: Vocabulary | None
    allergies: tuple[AllergenQuery, ...]
    """What each typed allergen the vocabulary knows means."""
    unknown_allergens: tuple[str, ...]
    """Typed allergens the vocabulary does not know: reported, never matched."""
    sensitive_why: str | None
    """Why the skin needs gentle formulas ('freshly treated skin'…), or None when it does not."""
    gentle: dict[str, RawReason]
    """The sensitive-skin reasons, worded for `sensitive_why` (empty when not sensitive)."""

    @classmethod
    def of(cls, answers: Answers, vocabulary: Vocabulary | None = None) -> Situation:
        allergies, unknown = (resolve_allergens(answers.allergens, vocabulary)
                              if vocabulary is not None else ((), ()))
        why: str | None = None
        if answers.in_recovery_window:
            why = "freshly treated skin"
        elif answers.use_case is UseCase.SENSITIVE_BARRIER:
            why = "a sensitive or compromised barrier"
        elif answers.sensitivity is Sensitivity.HIGH:
            why = "highly sensitive skin"
        return cls(
            use_case=answers.use_case,
            recovery_focus=(answers.in_recovery_window
                            or answers.use_case is UseCase.SENSITIVE_BARRIER),
            wants_ethical=answers.diet is not Diet.ANY,
            moderate=answers.sensitivity is Sensitivity.MODERATE,
            mild=answers.use_case is UseCase.MILD_CONCERNS,
            medical=answers.has_medical_caution,
            budget=answers.budget_usd_per_month,
            diet=answers.diet,
            allergens=tuple((a, a.casefold()) for a in answers.allergens),
            fragrance_sensitive=Caution.FRAGRANCE_SENSITIVE in answers.cautions,
            vocabulary=vocabulary,
            allergies=allergies,
            unknown_allergens=unknown,
            sensitive_why=why,
            gentle={} if why is None else {
                "minimal": (10, guide.CHOOSING, "Minimal-ingredient formula, which suits {}.", (why,)),
                "fragrance-free": (5, guide.CHOOSING, "Fragrance-free, which suits {}.", (why,)),
                "retinoid": (-20, guide.CHOOSING, "Contains a retinoid in the same formula, which "
                             "the guide advises against for {}.", (why,)),
                "scented": (-10, guide.CHOOSING, "Fragrance or essential oils, a risk for {}.", (why,)),
            },
        )


FIT_POINTS = 40
MILD_ALTERNATIVE_POINTS = 20
"""Enough that one of the guide's lower-cost kinds leads for mild concerns (the guide: 'a less
costly peptide serum may achieve similar outcomes')."""
ASK_CLINICIAN_POINTS = -30
"""Ranks a product that needs a clinician's OK first below otherwise comparable ones."""
_BY_INGREDIENTS = Source(SourceKind.INFERENCE, "its key ingredients (the guide does not name it)")

_CONDITIONED_MEDIA_FOR_RECOVERY: RawReason = (
    12, guide.DECISION, "Conditioned media: the guide calls recovery and a compromised barrier its "
    "high-value use.", ())
_PREMIUM_FOR_MILD: RawReason = (
    -10, guide.DECISION, "Premium price for a mild concern: weigh it against peptide serums and a "
    "retinoid first.", ())
_PLANT_FOR_ETHICS: RawReason = (
    5, guide.DECISION, "Plant-derived: the guide's compromise for ethical or vegan preferences.", ())
_ACID_INTRODUCE_SLOWLY: RawReason = (
    -5, guide.ROUTINE, "Contains an exfoliating acid: fine for many, but introduce it slowly.", ())
_CLINICIAN_USE: RawReason = (3, guide.CHOOSING, "Widely used by clinicians.", ())
_ASK_CLINICIAN_FIRST: RawReason = (
    ASK_CLINICIAN_POINTS, guide.AVOID, "Ranked lower: with your medical caution, ask your clinician "
    "before starting it ({}); products that do not need that come first.", ())


def standing(product: Product) -> tuple[RawReason, ...]:
    """The reasons that depend on the product alone (stability, transparency, evidence,
    clinicians), worked out once per product and kept in its memo."""
    cached = product.memo.get("rules.standing")
    if cached is not None:
        return cast("tuple[RawReason, ...]", cached)
    f = product.facts
    found: list[RawReason] = []
    if f.protective_packaging:
        found.append((min(10, 5 * len(f.protective_packaging)), guide.CHOOSING,
                      "Packaging that protects fragile actives ({}).",
                      (", ".join(f.protective_packaging),)))
    if f.concentration:
        found.append((5, guide.CHOOSING, "Discloses its concentration ({}).", (f.concentration,)))
    found.append((_EVIDENCE_POINTS[f.evidence_kind], guide.EVIDENCE, "Evidence: {}.",
                  (f.evidence_brief,)))
    if f.clinician_use:
        found.append(_CLINICIAN_USE)
    result = product.memo["rules.standing"] = tuple(found)
    return result


def fit_reason(f: ProductFacts, use_case: UseCase) -> RawReason:
    """Whether the product suits the person's goal, and on whose word: the guide places the
    products it names; its lower-cost kinds it names as kinds; the rest is SerumDesk's reading."""
    goal = use_case.label.lower()
    if use_case not in f.use_cases:
        if f.named_in_guide:
            return (0, guide.SNAPSHOTS, "Not one of the guide's picks for {}.", (goal,))
        return (0, _BY_INGREDIENTS, "Not a fit for {} by its ingredients.", (goal,))
    if f.named_in_guide:
        return (FIT_POINTS, guide.SNAPSHOTS, "The guide places it for {}.", (goal,))
    if f.alternative is not None:
        return (FIT_POINTS, guide.ALTERNATIVES, "Fits {}: the guide names a {} among its "
                "lower-cost alternatives.", (goal, f.alternative.label))
    return (FIT_POINTS, _BY_INGREDIENTS, "Fits {} by SerumDesk's reading of its ingredients; the "
            "guide does not name it.", (goal,))


def situational_reasons(product: Product, s: Situation, cost: CostEstimate) -> list[RawReason]:
    """The contributions that depend on the answers and on the product's signature alone
    (signature() lists every trait read here: a rule reading another must add it there)."""
    f = product.facts
    r: list[RawReason] = [fit_reason(f, s.use_case)]
    add = r.append
    if s.recovery_focus and f.category in CONDITIONED_MEDIA:
        add(_CONDITIONED_MEDIA_FOR_RECOVERY)
    if s.mild:
        if f.alternative is not None:
            add((MILD_ALTERNATIVE_POINTS, guide.DECISION, "For mild concerns the guide suggests "
                 "a less costly {} may do as well when used consistently.", (f.alternative.label,)))
        elif cost.inputs.price_usd > PREMIUM_USD:
            add(_PREMIUM_FOR_MILD)
    if s.wants_ethical and f.category is SourceCategory.PLANT_CELL_CULTURE:
        add(_PLANT_FOR_ETHICS)
    if s.medical and needs_clinician_ok(f.human_derived, f.category):
        points, source, template, _ = _ASK_CLINICIAN_FIRST
        what = "human-derived" if f.human_derived else "a novel biologic active"
        add((points, source, template, (what,)))

    gentle = s.gentle
    if gentle:
        if f.minimal_formula:
            add(gentle["minimal"])
        if f.fragrance_free:
            add(gentle["fragrance-free"])
        if f.acids:
            add((-20, guide.CHOOSING, "Contains an exfoliant ({}), which the guide advises "
                 "keeping away from {}.", (", ".join(f.acids), s.sensitive_why)))
        if f.has_retinoid:
            add(gentle["retinoid"])
        if f.scented:
            add(gentle["scented"])
    elif s.moderate and f.acids:
        add(_ACID_INTRODUCE_SLOWLY)
    return r


def signature(f: ProductFacts, cost: CostEstimate) -> int:
    """The traits situational_reasons reads, as bits above the use-case bits (whether the
    product suits the person's use case is added per ranking)."""
    traits = (f.category in CONDITIONED_MEDIA, f.alternative is not None,
              cost.inputs.price_usd > PREMIUM_USD, f.category is SourceCategory.PLANT_CELL_CULTURE,
              f.minimal_formula, bool(f.fragrance_free), bool(f.acids), f.has_retinoid,
              bool(f.scented), f.named_in_guide, needs_clinician_ok(f.human_derived, f.category))
    return sum(1 << (TRAITS_SHIFT + i) for i, trait in enumerate(traits) if trait)


USE_CASE_BITS = {use_case: 1 << i for i, use_case in enumerate(UseCase)}
"""The low bits of a signature: one per use case."""
TRAITS_SHIFT = len(UseCase)


def budget_points(budget: float | None) -> tuple[int, int]:
    """(points within budget, points over it) for every product."""
    if budget is None:
        return 0, 0
    return _budget_reason(budget, budget)[0], _budget_reason(budget + 1, budget)[0]


def within_budget(monthly: float, budget: float | None) -> bool:
    """Cents of rounding are not over; no budget means everything fits."""
    return budget is None or monthly <= budget + 0.005


def _budget_reason(monthly: float, budget: float) -> RawReason:
    if within_budget(monthly, budget):
        return (10, guide.DECISION, "About ${:,.0f} a month fits your ${:,.0f} budget.",
                (monthly, budget))
    return (-25, guide.DECISION, "About ${:,.0f} a month is over your ${:,.0f} budget; products "
            "within it are listed first.", (monthly, budget))


def assess(product: Product, s: Situation, cost: CostEstimate) -> list[RawReason]:
    """Every contribution to a product's standing, as raw reasons: ranking adds up their
    points without wording them, and only the products someone looks at pay for the words."""
    r = situational_reasons(product, s, cost)
    r.extend(standing(product))
    if s.budget is not None:
        r.append(_budget_reason(cost.cost_per_month_usd, s.budget))
    return r


_EVIDENCE_POINTS = {
    EvidenceKind.PEER_REVIEWED_TRIAL: 10,
    EvidenceKind.BRAND_STUDY: 4,
    EvidenceKind.CLINICIAN_USE: 2,
    EvidenceKind.NONE: 0,
}
