"""How SerumDesk words products, answers and costs: one module for every surface.

The cards, the printed sheet, the `recommend` table and `profile show` all ask here, so a
fact reads the same wherever a person meets it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from serumdesk.domain.advice.recovery import RECOVERY_WINDOW_WORDS
from serumdesk.domain.choices import Caution, InferredFact, Procedure, SourceCategory

if TYPE_CHECKING:
    from serumdesk.domain.advice.cost import CostEstimate
    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.answers import Answers, ProductOverride
    from serumdesk.domain.catalog.product import Product

COST_FIELDS: dict[str, str] = {
    "price_usd": "Price",
    "size_ml": "Bottle size",
    "dose_ml": "Amount per use",
    "applications_per_day": "Times a day",
}
"""The four inputs of the monthly cost, by CostInputs field name."""

_PACKAGING_WORDS = {
    "dual-chamber": "dual chamber", "airless": "airless pump", "opaque": "opaque bottle",
    "roller": "roller applicator", "single-use": "single-use doses", "pump": "pump bottle",
    "dropper": "dropper bottle",
}


def money(value: float) -> str:
    return f"${value:,.2f}"


def field_names(fields: Iterable[str]) -> str:
    """'price, bottle size' for CostInputs field names."""
    return ", ".join(COST_FIELDS.get(f, f).lower() for f in fields)


# -- a product's facts ---------------------------------------------------------------------------

YOUR_ENTRY = "your entry"
"""The mark on a serum the person added from its label, wherever it is listed."""


def listed_title(p: Product, width: int | None = None) -> str:
    """Brand and name, marked "(your entry)" for a serum the person added; cut to `width`
    characters, the mark kept."""
    mark = f" ({YOUR_ENTRY})" if p.entered_by_you else ""
    title = p.title
    if width is not None and len(title) + len(mark) > width:
        title = title[:max(width - len(mark) - 1, 1)] + "…"
    return title + mark

def origin_words(p: Product) -> str:
    if p.source_category is SourceCategory.UNDETERMINED and not p.human_derived:
        return ("Origin not known: the label does not say where its biologic ingredients come "
                "from, so it may be human- or animal-derived.")
    if p.human_derived:
        if p.entered_by_you:
            return "Human-derived (from your label)."
        if InferredFact.HUMAN_DERIVED in p.inferred:
            return "Probably human-derived (inferred, not stated by the brand)."
        return "Human-derived, from a fetal cell line." if p.fetal_cell_line else "Human-derived."
    return "Animal-derived." if p.animal_derived else "Not human- or animal-derived."


def vegan_words(p: Product) -> str:
    status = p.vegan_status
    if status == "not confirmed" and p.vegan:
        return "Likely vegan — not confirmed by the brand."
    return f"Vegan: {status}."


def inferred_words(p: Product) -> list[str]:
    """Each fact that is SerumDesk's inference, with the reasoning behind it."""
    names = {InferredFact.HUMAN_DERIVED: "human-derived", InferredFact.VEGAN: "vegan",
             InferredFact.USE_CASES: "what it suits", InferredFact.SOURCE: "source",
             InferredFact.FRAGRANCE: "fragrance"}
    return [f"Inferred ({names[fact]}): {why}" for fact, why in p.inferred.items()]


def checked_words(p: Product) -> str:
    """Whether allergies were checked against the full ingredient list or only key ones."""
    if p.full_list_checked:
        return "Allergies checked against its full ingredient list."
    if p.ingredient_list is not None:
        return "Allergies checked against its key ingredients and a partial list only."
    return "Allergies checked against its key ingredients only."


def buyer_note_words(p: Product) -> list[str]:
    return [n.text for n in p.buyer_notes]


def claims_words(p: Product) -> list[str]:
    """The brand's own ethics claims: good news sits with the facts, not with the cautions."""
    return list(p.ethics_claims)


def fragrance_words(p: Product) -> str:
    return {True: "Fragrance-free.", False: "Contains fragrance.",
            None: "Fragrance: not stated."}[p.fragrance_free]


def packaging_words(p: Product) -> str:
    if not p.packaging:
        return "Packaging not stated."
    words = ", ".join(_PACKAGING_WORDS.get(pk.value, pk.value) for pk in p.packaging)
    protective = any(pk.protects_actives for pk in p.packaging)
    return words[0].upper() + words[1:] + (" — protects fragile actives." if protective else ".")


def storage_words(p: Product) -> str:
    words = {True: "Keep in the fridge.", False: "Room temperature.",
             None: "Storage not stated by the brand."}[p.storage.refrigerate]
    return words + (f" {p.storage.note}" if p.storage.note else "")


def concentration_words(p: Product) -> str:
    if p.concentration_disclosed:
        return f"Concentration disclosed: {p.concentration_disclosed}."
    return "Concentration not disclosed."


def key_ingredients_words(p: Product) -> str:
    return ", ".join(p.key_ingredients) + "."


def irritants_words(p: Product) -> str:
    if not p.irritants:
        return "None listed in the catalog."
    return ", ".join(f"{i.ingredient} ({i.kind.label})" for i in p.irritants) + "."


def evidence_words(p: Product) -> str:
    return p.evidence.brief() + "."


# -- how a product fits ---------------------------------------------------------------------------

def fit_words(match: Match, answers: Answers) -> str:
    """Whether it suits the goal, on whose word (the guide, or SerumDesk's reading)."""
    p = match.product
    fit = next((r.text for r in match.reasons), "")
    if p.alternative is not None and not match.fits_use_case:
        fit += f" One of the guide's lower-cost kinds ({p.alternative.label})."
    return fit


# -- cost ----------------------------------------------------------------------------------------

def monthly_words(cost: CostEstimate) -> str:
    return f"{money(cost.cost_per_month_usd)} a month"


def per_ml_words(cost: CostEstimate) -> str:
    return f"{money(cost.price_per_ml_usd)} per ml"


def bottle_words(cost: CostEstimate) -> str:
    if cost.months_per_bottle is None:
        return "Not used with these figures (0 a day)."
    return f"A bottle lasts about {cost.months_per_bottle:.1f} months."


def recovery_window_words(cost: CostEstimate) -> str:
    low, high = cost.recovery_window_usd
    return (f"Recovery window ({RECOVERY_WINDOW_WORDS}): {money(low)}–{money(high)} of serum, "
            f"from a bottle you pay {money(cost.inputs.price_usd)} for up front.")


def assumption_words(cost: CostEstimate) -> str:
    i = cost.inputs
    return (f"Assumes {money(i.price_usd)} for {i.size_ml:g} ml, {i.dose_ml:g} ml a use, "
            f"{i.applications_per_day:g}× a day.")


def uses_source_words(cost: CostEstimate) -> str:
    """Where the uses a day behind a cost come from: the person, or the plan's routine."""
    if "applications_per_day" in cost.inputs.overridden_fields:
        return "your own figure"
    return f"the routine, {cost.inputs.applications_per_day:g}× a day"


def estimated_words(cost: CostEstimate) -> str:
    return f"Estimated: {field_names(cost.inputs.estimated_fields)}."


def overridden_words(cost: CostEstimate) -> str:
    return f"Your own figures: {field_names(cost.inputs.overridden_fields)}."


def budget_words(over_budget: bool, budget: float) -> str:
    return (f"Over your {money(budget)} monthly budget." if over_budget
            else f"Within your {money(budget)} monthly budget.")


def override_words(o: ProductOverride) -> str:
    """'price $120, bottle size 30 ml' for the figures a person set."""
    parts = []
    if o.price_usd is not None:
        parts.append(f"price {money(o.price_usd)}")
    if o.size_ml is not None:
        parts.append(f"bottle size {o.size_ml:g} ml")
    if o.dose_ml is not None:
        parts.append(f"amount per use {o.dose_ml:g} ml")
    if o.applications_per_day is not None:
        parts.append(f"{o.applications_per_day:g} times a day")
    return ", ".join(parts)


# -- a person's answers ------------------------------------------------------------------------------

def procedure_row(answers: Answers) -> str | None:
    """'Laser (fractional or other), ablative, 2 days ago': the procedure, on every surface
    that shows the answers, whatever the goal."""
    if not answers.has_procedure:
        return None
    what = answers.procedure.label if answers.procedure else "A procedure (not named)"
    if answers.laser_type is not None and answers.procedure is Procedure.LASER:
        what = f"Laser, {answers.laser_type.label.split(' (')[0].lower()}"
    days = answers.days_since_procedure
    if days is None:
        return what + ", day not given"
    return what + f", {days} day{'s' if days != 1 else ''} ago"


def answers_rows(answers: Answers, include_medical: bool = True) -> list[tuple[str, str]]:
    """The answers as (label, value) lines. A copy for sharing names no health detail: no
    condition, no allergy and no fragrance sensitivity."""
    what = answers.use_case.label
    procedure = procedure_row(answers)
    actives = ", ".join(a.label for a in sorted(answers.actives)) or "None of the listed actives"
    budget = (f"{money(answers.budget_usd_per_month)} a month"
              if answers.budget_usd_per_month is not None else "No budget given")
    rows = [
        ("What for", what),
        *((("Procedure", procedure),) if procedure else ()),
        ("Skin", answers.sensitivity.label),
        ("Diet and ethics", answers.diet.label),
        ("Already using", actives),
        ("Budget", budget),
    ]
    if include_medical:
        medical = [c.label for c in sorted(answers.cautions) if c.is_medical]
        rows.append(("Medical", "; ".join(medical) or "None given"))
        rows.append(("Fragrance", "Sensitive to fragrance"
                     if Caution.FRAGRANCE_SENSITIVE in answers.cautions
                     else "No fragrance sensitivity given"))
        rows.append(("Allergies", ", ".join(answers.allergens) or "None given"))
    else:
        rows.append(("Health details", "Left out of this copy for sharing; every caution "
                     "below still applies."))
    return rows
