"""The guide's rules: rank products for a person's answers, with exclusions and cautions.

Every score contribution, exclusion and caution carries a plain-language reason and the
guide section it comes from. Medical cautions never exclude a product: they are shown.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from serumdesk.domain import guide
from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.cautions import CautionNote, cautions_for
from serumdesk.domain.choices import (
    Caution,
    Diet,
    EvidenceKind,
    Sensitivity,
    SourceCategory,
    UseCase,
)
from serumdesk.domain.cost import CostEstimate, estimate_cost
from serumdesk.domain.product import Product, ProductFacts

if TYPE_CHECKING:
    from serumdesk.domain.product import Catalog

CONDITIONED_MEDIA = frozenset({
    SourceCategory.HUMAN_FIBROBLAST_CM,
    SourceCategory.HUMAN_ADIPOSE_CM,
    SourceCategory.EXOSOME_CM,
})
PREMIUM_USD = 100.0
"""The guide: 'many stem cell-derived serums cost well over $100'."""


class Reason(NamedTuple):
    """One contribution to a product's standing (a NamedTuple: thousands are made per ranking)."""

    text: str
    section: str
    points: int = 0


RawReason = tuple[int, str, str, tuple[object, ...]]
"""(points, guide section, text template, template arguments): a Reason not yet worded."""


def _worded(raw: RawReason) -> Reason:
    points, section, template, args = raw
    return Reason(template.format(*args) if args else template, section, points)


class Match:
    """One ranked product: its standing and cost; reasons and cautions are worded on first look.

    A plain slotted class rather than a dataclass: ranking makes one per product, and a
    ranking of ten thousand products should not pay for ten thousand __dict__s. Read-only
    by convention; only rank() sets `rank`.
    """

    __slots__ = ("_cautions", "_raw", "_reasons", "_situation", "answers", "cost", "fits_use_case",
                 "over_budget", "product", "rank", "score")

    def __init__(self, product: Product, score: int, cost: CostEstimate, over_budget: bool,
                 fits_use_case: bool, answers: Answers, situation: _Situation,
                 rank: int = 0) -> None:
        self.product = product
        self.rank = rank
        self.score = score
        self.cost = cost
        self.over_budget = over_budget
        self.fits_use_case = fits_use_case
        self.answers = answers
        self._situation = situation
        self._raw: list[RawReason] | None = None
        self._reasons: tuple[Reason, ...] | None = None
        self._cautions: tuple[CautionNote, ...] | None = None

    def __repr__(self) -> str:
        return f"Match(#{self.rank} {self.product.id}, score {self.score})"

    @property
    def raw_reasons(self) -> list[RawReason]:
        """Every contribution to the score, not yet worded; their points add up to it."""
        if self._raw is None:
            self._raw = _assess(self.product, self._situation, self.cost)
        return self._raw

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Every contribution to the score, worded when first asked for."""
        if self._reasons is None:
            self._reasons = tuple(map(_worded, self.raw_reasons))
        return self._reasons

    @property
    def cautions(self) -> tuple[CautionNote, ...]:
        """The cautions for this person, built when first asked for (never hidden)."""
        if self._cautions is None:
            self._cautions = tuple(cautions_for(self.product, self.answers))
        return self._cautions


@dataclass(frozen=True, slots=True)
class Exclusion:
    product: Product
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Ranking:
    matches: tuple[Match, ...]
    excluded: tuple[Exclusion, ...]

    @property
    def alternatives(self) -> tuple[Match, ...]:
        """The guide's cheaper alternatives among the matches."""
        return tuple(m for m in self.matches if m.product.alternative)


def rank(products: Iterable[Product], answers: Answers, overrides: Overrides | None = None) -> Ranking:
    """Apply every rule to every product; same answers, same order."""
    return _paused_gc(_rank, _in_order(products), answers, overrides)


def rank_catalog(catalog: Catalog, answers: Answers, overrides: Overrides | None = None) -> Ranking:
    """rank() for a whole catalog, reading what prepare() worked out for it (once)."""
    records = catalog.memo.get("rules.records")
    if records is None:
        records = prepare(catalog)
    return _paused_gc(_rank, cast("list[_Record]", records), answers, overrides)


def prepare(catalog: Catalog) -> list[_Record]:
    """Work out what ranking needs from each product alone, once (after loading a catalog):
    its flat facts, its cost at catalog figures and its answer-independent points, in the
    order ties are broken (cheaper per month first, then by id)."""
    records = catalog.memo["rules.records"] = _in_order(catalog.products)
    return records


_T = TypeVar("_T")


def _paused_gc(fn: Callable[..., _T], *args: object) -> _T:
    # Ranking makes a few small acyclic objects per product. With the cyclic collector on,
    # its full passes over them come more often as they pile up, and the time grows faster
    # than the catalog; paused, they are looked at once, on the next ordinary collection.
    paused = gc.isenabled()
    gc.disable()
    try:
        return fn(*args)
    finally:
        if paused:
            gc.enable()


def _rank(records: list[_Record], answers: Answers, overrides: Overrides | None) -> Ranking:
    """Score every product in one pass over `records` (which are in tie-break order), then
    order them by score: linear in the number of products."""
    mine = overrides.by_product if overrides else {}
    s = _Situation.of(answers)
    has_budget = s.budget is not None
    limit = (s.budget or 0.0) + 0.005  # cents of rounding never put a product over budget
    within_points, over_points = _budget_points(s.budget)
    use_bit = _USE_CASE_BITS[s.use_case]
    origins = _EXCLUDED_ORIGINS[s.diet]
    needles = [needle for _, needle in s.allergens]
    fragrance = s.fragrance_sensitive
    may_exclude = bool(origins or needles or fragrance)
    # A product's answer-dependent points follow from a few of its traits (its signature):
    # they are worked out for the first product with each signature and reused for the rest.
    points_by_signature: dict[int, int] = {}
    by_score: dict[int, list[Match]] = {}
    excluded: list[Exclusion] = []
    reordered = False
    for monthly, pid, product, signature, uses, standing, cost, origin, scented, text in records:
        if may_exclude and (origin & origins or (fragrance and scented)
                            or any(needle in text for needle in needles)):
            exclusion = exclusion_reasons(product, s)
            if exclusion:
                excluded.append(Exclusion(product, tuple(exclusion)))
                continue
        if mine and pid in mine:
            cost = estimate_cost(product, mine[pid])
            monthly = cost.cost_per_month_usd
            signature = _signature(product.facts, cost)
            reordered = True
        fits = uses & use_bit
        key = signature | fits
        situational = points_by_signature.get(key)
        if situational is None:
            situational = points_by_signature[key] = sum(
                r[0] for r in _situational_reasons(product, s, cost))
        over = has_budget and monthly > limit
        score = situational + standing + (over_points if over else within_points)
        match = Match(product, score, cost, over, fits != 0, answers, s)
        same = by_score.get(score)
        if same is None:
            by_score[score] = [match]
        else:
            same.append(match)
    # Best score first; within a score the records' order (cheaper, then by id) holds.
    matches = [m for score in sorted(by_score, reverse=True) for m in by_score[score]]
    if reordered:  # someone's own figures moved a product's cost: order those afresh
        matches.sort(key=lambda m: (-m.score, m.cost.cost_per_month_usd, m.product.id))
    for position, match in enumerate(matches, start=1):
        match.rank = position
    excluded.sort(key=lambda e: e.product.id)
    return Ranking(matches=tuple(matches), excluded=tuple(excluded))


def exclusion_reasons(product: Product, s: _Situation) -> Sequence[Reason]:
    """Why a product is left out; empty when it stays in."""
    f = product.facts
    if not (s.diet is not Diet.ANY or s.allergens or (s.fragrance_sensitive and f.scented)):
        return ()  # the common case, without allocating
    reasons: list[Reason] = []
    if s.diet is Diet.VEGAN and (f.human_derived or f.animal_derived):
        origin = "human-derived" if f.human_derived else "animal-derived"
        reasons.append(Reason(
            f"Not vegan: its active is {origin} ({f.category.label.lower()}).", guide.DECISION))
    elif s.diet is Diet.NO_HUMAN_DERIVED and f.human_derived:
        reasons.append(Reason(
            f"You asked for no human-derived ingredients; its active is {f.category.label.lower()}.",
            guide.SAFETY))
    for allergen, needle in s.allergens:
        for ingredient, folded in f.searchable:
            if needle in folded:
                reasons.append(Reason(
                    f"Lists “{ingredient}”, which matches your allergy “{allergen}”.", guide.AVOID))
                break
    if s.fragrance_sensitive and f.scented:
        reasons.append(Reason(
            f"You are sensitive to fragrance; it contains {', '.join(f.scented)}.", guide.AVOID))
    return reasons


@dataclass(frozen=True, slots=True)
class _Situation:
    """What the rules derive from the answers, worked out once per ranking, not per product.

    Reasons whose wording depends only on the answers are built here once, too.
    """

    use_case: UseCase
    recovery_focus: bool
    wants_ethical: bool
    moderate: bool
    mild: bool
    budget: float | None
    diet: Diet
    allergens: tuple[tuple[str, str], ...]
    """(as typed, casefolded) for matching against ingredients."""
    fragrance_sensitive: bool
    sensitive_why: str | None
    """Why the skin needs gentle formulas ('freshly treated skin'…), or None when it does not."""
    fits: RawReason
    misfits: RawReason
    gentle: dict[str, RawReason]
    """The sensitive-skin reasons, worded for `sensitive_why` (empty when not sensitive)."""

    @classmethod
    def of(cls, answers: Answers) -> _Situation:
        why: str | None = None
        if answers.in_recovery_window:
            why = "freshly treated skin"
        elif answers.use_case is UseCase.SENSITIVE_BARRIER:
            why = "a sensitive or compromised barrier"
        elif answers.sensitivity is Sensitivity.HIGH:
            why = "highly sensitive skin"
        use = answers.use_case.label.lower()
        return cls(
            use_case=answers.use_case,
            recovery_focus=answers.use_case in (UseCase.POST_PROCEDURE, UseCase.SENSITIVE_BARRIER),
            wants_ethical=answers.diet is not Diet.ANY,
            moderate=answers.sensitivity is Sensitivity.MODERATE,
            mild=answers.use_case is UseCase.MILD_CONCERNS,
            budget=answers.budget_usd_per_month,
            diet=answers.diet,
            allergens=tuple((a, a.casefold()) for a in answers.allergens),
            fragrance_sensitive=Caution.FRAGRANCE_SENSITIVE in answers.cautions,
            sensitive_why=why,
            fits=(40, guide.SNAPSHOTS, "The guide places it for {}.", (use,)),
            misfits=(0, guide.SNAPSHOTS, "Not one of the guide's picks for {}.", (use,)),
            gentle={} if why is None else {
                "minimal": (10, guide.CHOOSING, "Minimal-ingredient formula, which suits {}.", (why,)),
                "fragrance-free": (5, guide.CHOOSING, "Fragrance-free, which suits {}.", (why,)),
                "retinoid": (-20, guide.CHOOSING, "Contains a retinoid in the same formula, which "
                             "the guide advises against for {}.", (why,)),
                "scented": (-10, guide.CHOOSING, "Fragrance or essential oils, a risk for {}.", (why,)),
            },
        )


_CONDITIONED_MEDIA_FOR_RECOVERY: RawReason = (
    12, guide.DECISION, "Conditioned media: the guide calls recovery and a compromised barrier its "
    "high-value use.", ())
_CHEAPER_FOR_MILD: RawReason = (
    15, guide.DECISION, "For mild concerns the guide suggests a less costly serum may do as well "
    "when used consistently.", ())
_PREMIUM_FOR_MILD: RawReason = (
    -10, guide.DECISION, "Premium price for a mild concern: weigh it against peptide serums and a "
    "retinoid first.", ())
_PLANT_FOR_ETHICS: RawReason = (
    5, guide.DECISION, "Plant-derived: the guide's compromise for ethical or vegan preferences.", ())
_ACID_INTRODUCE_SLOWLY: RawReason = (
    -5, guide.ROUTINE, "Contains an exfoliating acid: fine for many, but introduce it slowly.", ())
_CLINICIAN_USE: RawReason = (3, guide.CHOOSING, "Widely used by clinicians.", ())


def _standing(product: Product) -> tuple[RawReason, ...]:
    """The reasons that depend on the product alone (stability, transparency, evidence,
    clinicians), worked out once per product and kept in its memo."""
    cached = product.memo.get("rules.standing")
    if cached is not None:
        return cast("tuple[RawReason, ...]", cached)
    f = product.facts
    standing: list[RawReason] = []
    if f.protective_packaging:
        standing.append((min(10, 5 * len(f.protective_packaging)), guide.CHOOSING,
                         "Packaging that protects fragile actives ({}).",
                         (", ".join(f.protective_packaging),)))
    if f.concentration:
        standing.append((5, guide.CHOOSING, "Discloses its concentration ({}).", (f.concentration,)))
    standing.append((_EVIDENCE_POINTS[f.evidence_kind], guide.EVIDENCE, "Evidence: {}.",
                     (f.evidence_brief,)))
    if f.clinician_use:
        standing.append(_CLINICIAN_USE)
    result = product.memo["rules.standing"] = tuple(standing)
    return result


def _situational_reasons(product: Product, s: _Situation, cost: CostEstimate) -> list[RawReason]:
    """The contributions that depend on the answers and on the product's signature alone
    (_signature lists every trait read here: a rule reading another must add it there)."""
    f = product.facts
    r: list[RawReason] = [s.fits if s.use_case in f.use_cases else s.misfits]
    add = r.append
    if s.recovery_focus and f.category in CONDITIONED_MEDIA:
        add(_CONDITIONED_MEDIA_FOR_RECOVERY)
    if s.mild:
        if f.alternative:
            add(_CHEAPER_FOR_MILD)
        elif cost.inputs.price_usd > PREMIUM_USD:
            add(_PREMIUM_FOR_MILD)
    if s.wants_ethical and f.category is SourceCategory.PLANT_CELL_CULTURE:
        add(_PLANT_FOR_ETHICS)

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


def _signature(f: ProductFacts, cost: CostEstimate) -> int:
    """The traits _situational_reasons reads, as bits above the use-case bits (whether the
    product suits the person's use case is added per ranking)."""
    traits = (f.category in CONDITIONED_MEDIA, f.alternative, cost.inputs.price_usd > PREMIUM_USD,
              f.category is SourceCategory.PLANT_CELL_CULTURE, f.minimal_formula,
              bool(f.fragrance_free), bool(f.acids), f.has_retinoid, bool(f.scented))
    return sum(1 << (_TRAITS_SHIFT + i) for i, trait in enumerate(traits) if trait)


_USE_CASE_BITS = {use_case: 1 << i for i, use_case in enumerate(UseCase)}
"""The low bits of a signature: one per use case."""
_TRAITS_SHIFT = len(UseCase)

_Record = tuple[float, str, Product, int, int, int, CostEstimate, int, bool, str]
"""(cost per month, id, product, signature, use-case bits, standing points, cost at catalog
figures, origin bits, scented, search text): what ranking reads from a product alone."""

_HUMAN, _ANIMAL = 1, 2
_EXCLUDED_ORIGINS = {Diet.ANY: 0, Diet.VEGAN: _HUMAN | _ANIMAL, Diet.NO_HUMAN_DERIVED: _HUMAN}
"""The origins each diet answer leaves out (exclusion_reasons words why)."""


def _record(product: Product) -> _Record:
    """What ranking reads from a product alone, worked out once and kept in its memo."""
    record = product.memo.get("rules.record")
    if record is None:
        f = product.facts
        cost = product.catalog_cost
        uses = 0
        for use_case in f.use_cases:
            uses |= _USE_CASE_BITS[use_case]
        record = product.memo["rules.record"] = (
            cost.cost_per_month_usd, f.id, product, _signature(f, cost), uses,
            sum(r[0] for r in _standing(product)), cost,
            _HUMAN * f.human_derived | _ANIMAL * f.animal_derived, bool(f.scented), f.search_text)
    return cast(_Record, record)


def _in_order(products: Iterable[Product]) -> list[_Record]:
    """The products' records, cheaper per month first, then by id (ranking's tie-break)."""
    return sorted(map(_record, products), key=itemgetter(0, 1))


def _budget_points(budget: float | None) -> tuple[int, int]:
    """(points within budget, points over it) for every product."""
    if budget is None:
        return 0, 0
    return _budget_reason(budget, budget)[0], _budget_reason(budget + 1, budget)[0]


def _budget_reason(monthly: float, budget: float) -> RawReason:
    if monthly <= budget + 0.005:
        return (10, guide.DECISION, "About ${:,.0f} a month fits your ${:,.0f} budget.",
                (monthly, budget))
    return (-25, guide.DECISION, "About ${:,.0f} a month is over your ${:,.0f} budget.",
            (monthly, budget))


def _assess(product: Product, s: _Situation, cost: CostEstimate) -> list[RawReason]:
    """Every contribution to a product's standing, as raw reasons: ranking adds up their
    points without wording them, and only the products someone looks at pay for the words."""
    r = _situational_reasons(product, s, cost)
    r.extend(_standing(product))
    if s.budget is not None:
        r.append(_budget_reason(cost.cost_per_month_usd, s.budget))
    return r


_EVIDENCE_POINTS = {
    EvidenceKind.PEER_REVIEWED_TRIAL: 10,
    EvidenceKind.BRAND_STUDY: 4,
    EvidenceKind.CLINICIAN_USE: 2,
    EvidenceKind.NONE: 0,
}
