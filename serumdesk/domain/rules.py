"""The guide's rules: rank products for a person's answers, with exclusions and cautions.

Every score contribution, exclusion and caution carries a plain-language reason and the
guide section it comes from. Medical cautions never exclude a product: they are shown.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from serumdesk.domain import guide
from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.choices import (
    Active,
    Caution,
    Diet,
    EvidenceKind,
    IrritantKind,
    Sensitivity,
    SourceCategory,
    UseCase,
)
from serumdesk.domain.cost import CostEstimate, estimate_cost
from serumdesk.domain.product import Product

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


class CautionLevel(StrEnum):
    CLINICIAN = "clinician"
    """Talk to a clinician first."""
    IRRITATION = "irritation"
    ALLERGY = "allergy"
    ETHICS = "ethics"
    INFO = "info"


class CautionNote(NamedTuple):
    text: str
    section: str
    level: CautionLevel


@dataclass(frozen=True)
class Match:
    product: Product
    rank: int
    score: int
    reasons: tuple[Reason, ...]
    cost: CostEstimate
    over_budget: bool
    fits_use_case: bool
    answers: Answers

    @cached_property
    def cautions(self) -> tuple[CautionNote, ...]:
        """Built on first look: a large catalog is ranked whole, but few cards are shown."""
        return tuple(cautions_for(self.product, self.answers))


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
    with _no_gc_pauses():
        return _rank(products, answers, overrides)


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Ranking allocates many small acyclic objects (reasons, costs, matches); with the
    cyclic collector on, each generation-2 pass rescans the whole catalog and the time
    grows faster than the catalog. Reference counting still frees everything here."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _rank(products: Iterable[Product], answers: Answers, overrides: Overrides | None) -> Ranking:
    mine = overrides.by_product if overrides else {}
    situation = _Situation.of(answers)
    kept: list[tuple[int, float, str, Product, tuple[Reason, ...], CostEstimate]] = []
    excluded: list[Exclusion] = []
    points = itemgetter(2)
    for product in products:
        exclusion = exclusion_reasons(product, situation)
        if exclusion:
            excluded.append(Exclusion(product, tuple(exclusion)))
            continue
        cost = estimate_cost(product, mine.get(product.id) if mine else None)
        reasons = tuple(score_reasons(product, situation, cost))
        kept.append((-sum(map(points, reasons)), cost.cost_per_month_usd, product.id, product,
                     reasons, cost))
    kept.sort(key=itemgetter(0, 1, 2))
    budget = answers.budget_usd_per_month
    matches = tuple(
        Match(
            product=product,
            rank=i,
            score=-neg_score,
            reasons=reasons,
            cost=cost,
            over_budget=budget is not None and monthly > budget + 0.005,
            fits_use_case=answers.use_case in product.use_cases,
            answers=answers,
        )
        for i, (neg_score, monthly, _, product, reasons, cost) in enumerate(kept, start=1)
    )
    excluded.sort(key=lambda e: e.product.id)
    return Ranking(matches=matches, excluded=tuple(excluded))


def exclusion_reasons(product: Product, answers: Answers | _Situation) -> list[Reason]:
    """Why a product is left out, or [] when it stays in."""
    s = answers if isinstance(answers, _Situation) else _Situation.of(answers)
    reasons: list[Reason] = []
    if s.diet is Diet.VEGAN and (product.human_derived or product.animal_derived):
        origin = "human-derived" if product.human_derived else "animal-derived"
        reasons.append(Reason(
            f"Not vegan: its active is {origin} ({product.source_category.label.lower()}).",
            guide.DECISION))
    elif s.diet is Diet.NO_HUMAN_DERIVED and product.human_derived:
        reasons.append(Reason(
            "You asked for no human-derived ingredients; its active is "
            f"{product.source_category.label.lower()}.", guide.SAFETY))
    for allergen, needle in s.allergens:
        for ingredient, folded in product.searchable_ingredients:
            if needle in folded:
                reasons.append(Reason(
                    f"Lists “{ingredient}”, which matches your allergy “{allergen}”.", guide.AVOID))
                break
    if s.fragrance_sensitive and product.irritants:
        scented = product.irritant_names(IrritantKind.FRAGRANCE) + product.irritant_names(
            IrritantKind.ESSENTIAL_OIL)
        if scented:
            reasons.append(Reason(
                f"You are sensitive to fragrance; it contains {', '.join(scented)}.",
                guide.AVOID))
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
    budget: float | None
    diet: Diet
    allergens: tuple[tuple[str, str], ...]
    """(as typed, casefolded) for matching against ingredients."""
    fragrance_sensitive: bool
    fits: Reason
    misfits: Reason
    sensitive_why: str | None
    """Why the skin needs gentle formulas ('freshly treated skin'…), or None when it does not."""
    minimal: Reason | None
    fragrance_free: Reason | None
    scented: Reason | None

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
            budget=answers.budget_usd_per_month,
            diet=answers.diet,
            allergens=tuple((a, a.casefold()) for a in answers.allergens),
            fragrance_sensitive=Caution.FRAGRANCE_SENSITIVE in answers.cautions,
            fits=Reason(f"The guide places it for {use}.", guide.SNAPSHOTS, 40),
            misfits=Reason(f"Not one of the guide's picks for {use}.", guide.SNAPSHOTS, 0),
            sensitive_why=why,
            minimal=Reason(f"Minimal-ingredient formula, which suits {why}.", guide.CHOOSING, 10)
            if why else None,
            fragrance_free=Reason(f"Fragrance-free, which suits {why}.", guide.CHOOSING, 5)
            if why else None,
            scented=Reason(f"Fragrance or essential oils, a risk for {why}.", guide.CHOOSING, -10)
            if why else None,
        )


_CONDITIONED_MEDIA_FOR_RECOVERY = Reason(
    "Conditioned media: the guide calls recovery and a compromised barrier its high-value use.",
    guide.DECISION, 12)
_CHEAPER_FOR_MILD = Reason(
    "For mild concerns the guide suggests a less costly serum may do as well when used "
    "consistently.", guide.DECISION, 15)
_PREMIUM_FOR_MILD = Reason(
    "Premium price for a mild concern: weigh it against peptide serums and a retinoid first.",
    guide.DECISION, -10)
_PLANT_FOR_ETHICS = Reason(
    "Plant-derived: the guide's compromise for ethical or vegan preferences.", guide.DECISION, 5)
_ACID_INTRODUCE_SLOWLY = Reason(
    "Contains an exfoliating acid: fine for many, but introduce it slowly.", guide.ROUTINE, -5)
_CLINICIAN_USE = Reason("Widely used by clinicians.", guide.CHOOSING, 3)


def score_reasons(product: Product, answers: Answers | _Situation, cost: CostEstimate) -> list[Reason]:
    """Every contribution to a product's standing, each with its reason."""
    s = answers if isinstance(answers, _Situation) else _Situation.of(answers)
    r: list[Reason] = [s.fits if s.use_case in product.use_cases else s.misfits]
    category = product.source_category
    if s.recovery_focus and category in CONDITIONED_MEDIA:
        r.append(_CONDITIONED_MEDIA_FOR_RECOVERY)
    if s.use_case is UseCase.MILD_CONCERNS:
        if product.alternative:
            r.append(_CHEAPER_FOR_MILD)
        elif cost.inputs.price_usd > PREMIUM_USD:
            r.append(_PREMIUM_FOR_MILD)
    if s.wants_ethical and category is SourceCategory.PLANT_CELL_CULTURE:
        r.append(_PLANT_FOR_ETHICS)

    why = s.sensitive_why
    if why is not None:
        if product.minimal_formula and s.minimal:
            r.append(s.minimal)
        if product.fragrance_free and s.fragrance_free:
            r.append(s.fragrance_free)
        if product.irritants:
            acids = product.irritant_names(IrritantKind.EXFOLIATING_ACID)
            if acids:
                r.append(Reason(
                    f"Contains an exfoliant ({', '.join(acids)}), which the guide advises keeping "
                    f"away from {why}.", guide.CHOOSING, -20))
            if product.has_irritant(IrritantKind.RETINOID):
                r.append(Reason(
                    f"Contains a retinoid in the same formula, which the guide advises against "
                    f"for {why}.", guide.CHOOSING, -20))
            if s.scented and (product.has_irritant(IrritantKind.ESSENTIAL_OIL)
                              or product.has_irritant(IrritantKind.FRAGRANCE)):
                r.append(s.scented)
    elif s.moderate and product.irritants and product.has_irritant(IrritantKind.EXFOLIATING_ACID):
        r.append(_ACID_INTRODUCE_SLOWLY)

    if product.packaging:
        protective = [p for p in product.packaging if p.protects_actives]
        if protective:
            names = ", ".join(p.value.replace("-", " ") for p in protective)
            r.append(Reason(
                f"Packaging that protects fragile actives ({names}).", guide.CHOOSING,
                min(10, 5 * len(protective))))
    if product.concentration_disclosed:
        r.append(Reason(
            f"Discloses its concentration ({product.concentration_disclosed}).", guide.CHOOSING, 5))
    r.append(_evidence_reason(product))
    if product.clinician_use:
        r.append(_CLINICIAN_USE)

    if s.budget is not None:
        monthly = cost.cost_per_month_usd
        if monthly <= s.budget + 0.005:
            r.append(Reason(
                f"About ${monthly:,.0f} a month fits your ${s.budget:,.0f} budget.", guide.DECISION, 10))
        else:
            r.append(Reason(
                f"About ${monthly:,.0f} a month is over your ${s.budget:,.0f} budget.",
                guide.DECISION, -25))
    return r


_EVIDENCE_POINTS = {
    EvidenceKind.PEER_REVIEWED_TRIAL: 10,
    EvidenceKind.BRAND_STUDY: 4,
    EvidenceKind.CLINICIAN_USE: 2,
    EvidenceKind.NONE: 0,
}


def _evidence_reason(product: Product) -> Reason:
    evidence = product.evidence
    return Reason(f"Evidence: {evidence.brief()}.", guide.EVIDENCE, _EVIDENCE_POINTS[evidence.kind])


_MEDICAL_CAUTIONS = {
    Caution.PREGNANT_OR_BREASTFEEDING: (
        "You are pregnant or breastfeeding: there is little data on {source} in pregnancy and "
        "while nursing. Talk to your clinician before starting it."
    ),
    Caution.AUTOIMMUNE: (
        "You have an autoimmune condition: {source} is a biologically active signalling mix. "
        "Talk to your dermatologist before using it."
    ),
    Caution.IMMUNOSUPPRESSED: (
        "You have had a transplant or take immune-suppressing medicine: ask your specialist "
        "before using {source}."
    ),
}


def cautions_for(product: Product, answers: Answers) -> list[CautionNote]:
    """Cautions that apply to this product for this person: shown, never hidden."""
    notes: list[CautionNote] = []
    source = product.source_category.label.lower()
    if product.human_derived or product.source_category.is_novel_biologic:
        for caution, template in _MEDICAL_CAUTIONS.items():
            if caution in answers.cautions:
                notes.append(CautionNote(
                    template.format(source=source), guide.AVOID, CautionLevel.CLINICIAN))
    acids = product.irritant_names(IrritantKind.EXFOLIATING_ACID)
    if acids and answers.in_recovery_window:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)}, an exfoliant: not for freshly treated skin. Ask your "
            "provider when you can start it.", guide.ROUTINE, CautionLevel.IRRITATION))
    elif acids and answers.is_sensitive:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)}, an exfoliant that can sting sensitive skin.",
            guide.CHOOSING, CautionLevel.IRRITATION))
    if acids and Active.ACIDS in answers.actives:
        notes.append(CautionNote(
            f"You already use an exfoliating acid and this contains {', '.join(acids)}: "
            "use them on different days, or pick one.", guide.ROUTINE, CautionLevel.IRRITATION))
    if acids and Active.RETINOID in answers.actives:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)} and you use a retinoid: alternate nights to limit "
            "irritation.", guide.FAQ, CautionLevel.IRRITATION))
    botanicals = product.irritant_names(IrritantKind.BOTANICAL) + product.irritant_names(
        IrritantKind.ESSENTIAL_OIL)
    if botanicals and (answers.allergens or answers.sensitivity is not Sensitivity.LOW):
        notes.append(CautionNote(
            f"Contains botanicals ({', '.join(botanicals)}): patch test first.",
            guide.AVOID, CautionLevel.ALLERGY))
    if answers.allergens:
        notes.append(CautionNote(
            "SerumDesk knows the key ingredients only: check the full ingredient list on the "
            f"pack for {', '.join(answers.allergens)}, and patch test.",
            guide.AVOID, CautionLevel.ALLERGY))
    if Caution.FRAGRANCE_SENSITIVE in answers.cautions and product.fragrance_free is None:
        notes.append(CautionNote(
            "Whether it has fragrance is not stated: check the label.",
            guide.AVOID, CautionLevel.ALLERGY))
    if answers.diet is Diet.VEGAN and not product.vegan:
        notes.append(CautionNote(
            "Vegan status is not confirmed by the brand: check before buying.",
            guide.SAFETY, CautionLevel.ETHICS))
    if product.human_derived:
        notes.append(CautionNote(
            "Human-derived: patch test first, and ask the brand about donor screening and consent.",
            guide.SAFETY, CautionLevel.INFO))
    for text in product.ethics_notes:
        notes.append(CautionNote(text, guide.SAFETY, CautionLevel.ETHICS))
    return notes
