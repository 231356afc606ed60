"""The results at a glance: what is said once for the person, and one row per compared product.

The results page and the sheet render these; neither decides what is shared or what differs.
"For you" lines are the plan's (plan.for_you), with the cautions every compared product
shares that the plan does not say, and the notices in full.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from serumdesk.domain import figures
from serumdesk.domain.advice import wording
from serumdesk.domain.advice.cautions import CautionKind, CautionLevel, CautionNote
from serumdesk.domain.advice.plan import ForYou, ForYouKind, Severity
from serumdesk.domain.choices import EvidenceKind, SourceCategory
from serumdesk.i18n import N_, _

if TYPE_CHECKING:
    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.domain.catalog.product import Product

CLINICIAN_SHORT = N_("Ask your clinician first (why: on its card).")
"""Marked with N_: translated where it is said, `_(CLINICIAN_SHORT)`."""
SEVERITY_ORDER = {level: i for i, level in enumerate(CautionLevel)}
"""Strongest first: a clinician's OK, then irritation, allergy, ethics, good to know."""

_LEVEL_HARM = {
    CautionLevel.CLINICIAN: Severity.ASK_FIRST,
    CautionLevel.IRRITATION: Severity.TAKE_CARE,
    CautionLevel.ALLERGY: Severity.TAKE_CARE,
    CautionLevel.ETHICS: Severity.KNOW,
    CautionLevel.INFO: Severity.KNOW,
}
"""A card caution's place in the plan's order of harm, when it is said above the cards."""
PLAN_SAYS = {
    CautionKind.MEDICAL: ForYouKind.GATE,
    CautionKind.ALLERGY_CHECK: ForYouKind.ALLERGY,
    CautionKind.FRAGRANCE_UNKNOWN: ForYouKind.FRAGRANCE,
}
"""Card cautions the plan's own "For you" line already says for the person."""
NOTICE = "notice"
"""The kind of a line that is a notice about the results (no good match, budget, allergens
SerumDesk does not know), said in full."""


@dataclass(frozen=True, slots=True)
class ForYouItem:
    """A line above the cards that is not one of the plan's: a caution every compared product
    shares, or a notice. `kind` says what it is about (code reads that, never the words)."""

    text: str
    kind: str
    severity: Severity


def _shared_kinds(compared: Sequence[Match]) -> set[CautionKind]:
    """Kinds of caution every compared product carries: said once, above the cards."""
    if len(compared) < 2:
        return set()
    kinds = [{c.kind for c in m.cautions} for m in compared]
    return set.intersection(*kinds)


def shared_cautions(compared: Sequence[Match]) -> list[CautionNote]:
    """One caution of each kind every compared product shares, strongest first."""
    shared = _shared_kinds(compared)
    if not compared:
        return []
    seen: dict[CautionKind, CautionNote] = {}
    for note in compared[0].cautions:
        if note.kind in shared and note.kind not in seen:
            seen[note.kind] = note
    return sorted(seen.values(), key=lambda n: SEVERITY_ORDER[n.level])


def own_cautions(match: Match, compared: Sequence[Match]) -> list[CautionNote]:
    """The cautions that set this product apart: the shared kinds are said once, above."""
    shared = _shared_kinds(compared)
    return sorted((c for c in match.cautions if c.kind not in shared), key=lambda c: SEVERITY_ORDER[c.level])


def for_you_lines(rec: Recommendation, compared: Sequence[Match]) -> list[ForYou | ForYouItem]:
    """The lines above the cards, in order of harm: the plan's personal cautions, each card
    caution every compared product shares that the plan does not already say, and the
    notices in full (the plan's own budget and no-good-match lines are their short forms)."""
    items: list[ForYou | ForYouItem] = list(rec.plan.personal)
    said = {item.kind for item in rec.plan.personal}
    for note in shared_cautions(compared):
        if PLAN_SAYS.get(note.kind) not in said:
            items.append(
                ForYouItem(
                    _("Every product compared: {caution}").format(caution=note.text),
                    note.kind.value,
                    _LEVEL_HARM[note.level],
                )
            )
    items += [ForYouItem(n.text, NOTICE, Severity.KNOW) for n in rec.notices]
    return sorted(items, key=lambda i: i.severity)


# -- facts every compared product shares ----------------------------------------------------

SHAREABLE_FACTS = (
    ("", wording.packaging_words),
    ("", wording.storage_words),
    ("", wording.concentration_words),
    (N_("Possible irritants: "), wording.irritants_words),
    ("", wording.fragrance_words),
    ("", wording.checked_words),
    (N_("Evidence: "), wording.evidence_words),
)
"""The card facts that may read the same for several compared products, with the words that
introduce them when said on their own (marked with N_, translated in SharedFact.words)."""


REPEAT_LIMIT = 3
"""A card fact that three compared products (or all of them) would each state is said once."""


@dataclass(frozen=True, slots=True)
class SharedFact:
    text: str
    """The fact as each card would word it."""
    not_of: tuple[str, ...] = ()
    """The compared products it is not true of (none, or one of four)."""
    prefix: str = ""
    """The words that introduce it, marked with N_ ('' for none)."""

    def words(self) -> str:
        prefix = _(self.prefix) if self.prefix else ""
        if self.not_of:
            # TRANSLATORS: a fact every compared product shares but the named ones.
            return _("{fact} (all but {products})").format(
                fact=prefix + self.text, products=", ".join(self.not_of)
            )
        return _("{fact} (all of them)").format(fact=prefix + self.text)


def shared_facts(compared: Sequence[Match], budget: float | None = None) -> list[SharedFact]:
    """The facts that all, or at least REPEAT_LIMIT, of the compared products share (with a
    budget, the line saying whether each is within it too)."""
    if len(compared) < 2:
        return []
    shared = []

    def of_product(words: Callable[[Product], str]) -> Callable[[Match], str]:
        return lambda m: words(m.product)

    facts = [(prefix, of_product(words)) for prefix, words in SHAREABLE_FACTS]
    if budget is not None:
        facts.append(("", lambda m: wording.budget_words(m.over_budget, budget)))
    for prefix, said in facts:
        holders: dict[str, list[str]] = {}
        for m in compared:
            holders.setdefault(said(m), []).append(m.product.id)
        for text, ids in holders.items():
            if len(ids) == len(compared) or len(ids) >= REPEAT_LIMIT:
                others = tuple(m.product.name for m in compared if m.product.id not in ids)
                shared.append(SharedFact(text, others, prefix))
    return shared


# -- the comparison table ------------------------------------------------------------------------

EVIDENCE_WORDS = {
    EvidenceKind.PEER_REVIEWED_TRIAL: N_("Trial"),
    EvidenceKind.BRAND_STUDY: N_("Brand study"),
    EvidenceKind.CLINICIAN_USE: N_("Clinic use"),
    EvidenceKind.NONE: N_("None found"),
}
"""The evidence behind a product, in a word or two (the card and sheet give the details);
marked with N_, translated where shown."""

SOURCE_WORDS = {
    SourceCategory.HUMAN_FIBROBLAST_CM: N_("Human cells"),
    SourceCategory.HUMAN_ADIPOSE_CM: N_("Human cells"),
    SourceCategory.HUMAN_LYSATE: N_("Human cells"),
    SourceCategory.EXOSOME_CM: N_("Cell vesicles"),
    SourceCategory.LAB_PEPTIDES_GF: N_("Lab-made"),
    SourceCategory.PLANT_CELL_CULTURE: N_("Plant cells"),
    SourceCategory.PLANT_MADE_GF: N_("Plant-made"),
    SourceCategory.NON_BIOLOGIC: N_("Plain actives"),
    SourceCategory.UNDETERMINED: N_("Not known"),
}
"""Where the active comes from, in a word or two; marked with N_, translated where shown."""

VEGAN_WORDS = {"yes": N_("Yes"), "no": N_("No")}
NOT_CONFIRMED = N_("Not confirmed")


def short_fit(match: Match) -> str:
    """The product's fit for the person's goal in two plain words (the card says why)."""
    return _("Good fit") if match.fits_use_case else _("Not a fit")


def how_often_words(per_day: float) -> str:
    """'twice a day' for 2, 'every other day' for 0.5."""
    named = {0.5: N_("every other day"), 1: N_("once a day"), 2: N_("twice a day")}
    if per_day in named:
        return _(named[per_day])
    return _("{times}× a day").format(times=figures.figure(per_day))


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One compared product in the table above the cards."""

    product_id: str
    title: str
    fit: str
    fits: bool
    monthly: str
    per_ml: str
    per_use: str
    """The amount per use, in ml (drops or pumps once the catalog records the applicator)."""
    dose_differs: bool
    """Its amount per use differs from another compared product's: monthly costs compare
    different assumptions."""
    edited: bool
    """The person changed a figure behind the cost."""
    caution: str
    """The strongest caution of its own ('' when it has none beyond those said for you)."""
    caution_level: CautionLevel | None
    evidence: str
    source: str
    vegan: str


def comparison_rows(compared: Sequence[Match]) -> list[ComparisonRow]:
    doses = {round(m.cost.inputs.dose_ml, 3) for m in compared}
    rows = []
    for m in compared:
        p = m.product
        own = own_cautions(m, compared)
        top = own[0] if own else None
        # A clinician's caution is said in its few first words; the card has the reasons.
        caution = (
            "" if top is None else _(CLINICIAN_SHORT) if top.level is CautionLevel.CLINICIAN else top.text
        )
        cost = m.cost
        rows.append(
            ComparisonRow(
                product_id=p.id,
                title=wording.listed_title(p),
                fit=short_fit(m),
                fits=m.fits_use_case,
                monthly=wording.money(cost.cost_per_month_usd),
                per_ml=wording.money(cost.price_per_ml_usd),
                per_use=_("{dose} ml, {how_often}").format(
                    dose=figures.figure(cost.inputs.dose_ml),
                    how_often=how_often_words(cost.inputs.applications_per_day),
                ),
                dose_differs=len(doses) > 1,
                edited=bool(cost.inputs.overridden_fields),
                caution=caution,
                caution_level=top.level if top else None,
                evidence=_(EVIDENCE_WORDS[p.evidence.kind]),
                source=_(SOURCE_WORDS[p.source_category]),
                vegan=_(VEGAN_WORDS.get(p.vegan_status, NOT_CONFIRMED)),
            )
        )
    return rows
