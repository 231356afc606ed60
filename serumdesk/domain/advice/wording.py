"""How SerumDesk words products, answers and costs: one module for every surface.

The cards, the printed sheet, the `recommend` table and `profile show` all ask here, so a
fact reads the same wherever a person meets it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from serumdesk.domain import figures
from serumdesk.domain.advice.recovery import RECOVERY_WINDOW_WORDS
from serumdesk.domain.catalog import product_text
from serumdesk.domain.catalog.product_text import shown
from serumdesk.domain.choices import Caution, InferredFact, Procedure, SourceCategory
from serumdesk.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from serumdesk.domain.advice.cost import CostEstimate
    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.answers import Answers, ProductOverride
    from serumdesk.domain.catalog.product import Product

COST_FIELDS: dict[str, str] = {
    "price_usd": N_("Price"),
    "size_ml": N_("Bottle size"),
    "dose_ml": N_("Amount per use"),
    "applications_per_day": N_("Times a day"),
}
"""The four inputs of the monthly cost, by CostInputs field name."""


def money(value: float) -> str:
    return figures.money(value)


def field_names(fields: Iterable[str]) -> str:
    """'price, bottle size' for CostInputs field names."""
    return ", ".join(_(COST_FIELDS[f]).lower() if f in COST_FIELDS else f for f in fields)


# -- a product's facts ---------------------------------------------------------------------------

YOUR_ENTRY = N_("your entry")
"""The mark on a serum the person added from its label, wherever it is listed."""


def listed_title(p: Product, width: int | None = None) -> str:
    """Brand and name, marked "(your entry)" for a serum the person added; cut to `width`
    characters, the mark kept."""
    mark = f" ({_(YOUR_ENTRY)})" if p.entered_by_you else ""
    title = p.title
    if width is not None and len(title) + len(mark) > width:
        title = title[: max(width - len(mark) - 1, 1)] + "…"
    return title + mark


def origin_words(p: Product) -> str:
    if p.source_category is SourceCategory.UNDETERMINED and not p.human_derived:
        return _(
            "Origin not known: the label does not say where its biologic ingredients "
            "come from, so it may be human- or animal-derived."
        )
    if p.human_derived:
        if p.entered_by_you:
            return _("Human-derived (from your label).")
        if InferredFact.HUMAN_DERIVED in p.inferred:
            return _("Probably human-derived (inferred, not stated by the brand).")
        return _("Human-derived, from a fetal cell line.") if p.fetal_cell_line else _("Human-derived.")
    return _("Animal-derived.") if p.animal_derived else _("Not human- or animal-derived.")


def vegan_words(p: Product) -> str:
    status = p.vegan_status
    if status == "not confirmed" and p.vegan:
        return _("Likely vegan — not confirmed by the brand.")
    return {"yes": _("Vegan: yes."), "no": _("Vegan: no.")}.get(str(status), _("Vegan: not confirmed."))


def inferred_words(p: Product) -> list[str]:
    """Each fact that is SerumDesk's inference, with the reasoning behind it."""
    names = {
        InferredFact.HUMAN_DERIVED: N_("human-derived"),
        InferredFact.VEGAN: N_("vegan"),
        InferredFact.USE_CASES: N_("what it suits"),
        InferredFact.SOURCE: N_("source"),
        InferredFact.FRAGRANCE: N_("fragrance"),
    }
    return [
        _("Inferred ({fact}): {why}").format(fact=_(names[fact]), why=shown(why))
        for fact, why in p.inferred.items()
    ]


def checked_words(p: Product) -> str:
    """Whether allergies were checked against the full ingredient list or only key ones."""
    if p.full_list_checked:
        return _("Allergies checked against its full ingredient list.")
    if p.ingredient_list is not None:
        return _("Allergies checked against its key ingredients and a partial list only.")
    return _("Allergies checked against its key ingredients only.")


def buyer_note_words(p: Product) -> list[str]:
    return [shown(n.text) for n in p.buyer_notes]


def claims_words(p: Product) -> list[str]:
    """The brand's own ethics claims: good news sits with the facts, not with the cautions."""
    return [shown(text) for text in p.ethics_claims]


def fragrance_words(p: Product) -> str:
    return _(
        {True: N_("Fragrance-free."), False: N_("Contains fragrance."), None: N_("Fragrance: not stated.")}[
            p.fragrance_free
        ]
    )


def packaging_words(p: Product) -> str:
    if not p.packaging:
        return _("Packaging not stated.")
    words = ", ".join(pk.label for pk in p.packaging)
    protective = any(pk.protects_actives for pk in p.packaging)
    return words[0].upper() + words[1:] + (_(" — protects fragile actives.") if protective else ".")


def storage_words(p: Product) -> str:
    words = {
        True: N_("Keep in the fridge."),
        False: N_("Room temperature."),
        None: N_("Storage not stated by the brand."),
    }[p.storage.refrigerate]
    words = _(words)
    return words + (f" {shown(p.storage.note)}" if p.storage.note else "")


def concentration_words(p: Product) -> str:
    if p.concentration_disclosed:
        return _("Concentration disclosed: {concentration_disclosed}.").format(
            concentration_disclosed=shown(p.concentration_disclosed)
        )
    return _("Concentration not disclosed.")


def key_ingredients_words(p: Product) -> str:
    return ", ".join(product_text.key_ingredients(p)) + "."


def irritants_words(p: Product) -> str:
    if not p.irritants:
        return _("None listed in the catalog.")
    return ", ".join(f"{shown(i.ingredient)} ({i.kind.label})" for i in p.irritants) + "."


def evidence_words(p: Product) -> str:
    return p.evidence.brief() + "."


# -- how a product fits ---------------------------------------------------------------------------


def fit_words(match: Match, answers: Answers) -> str:
    """Whether it suits the goal, on whose word (the guide, or SerumDesk's reading)."""
    p = match.product
    fit = next((r.text for r in match.reasons), "")
    if p.alternative is not None and not match.fits_use_case:
        fit += _(" One of the guide's lower-cost kinds ({label}).").format(label=p.alternative.label)
    return fit


# -- cost ----------------------------------------------------------------------------------------


def monthly_words(cost: CostEstimate) -> str:
    return _("{money} a month").format(money=money(cost.cost_per_month_usd))


def per_ml_words(cost: CostEstimate) -> str:
    return _("{money} per ml").format(money=money(cost.price_per_ml_usd))


def bottle_words(cost: CostEstimate) -> str:
    if cost.months_per_bottle is None:
        return _("Not used with these figures (0 a day).")
    return _("A bottle lasts about {months_per_bottle} months.").format(
        months_per_bottle=figures.decimal(cost.months_per_bottle, 1)
    )


def recovery_window_words(cost: CostEstimate) -> str:
    low, high = cost.recovery_window_usd
    return _(
        "Recovery window ({RECOVERY_WINDOW_WORDS}): {money}–{money2} of serum, from a "
        "bottle you pay {money3} for up front."
    ).format(
        RECOVERY_WINDOW_WORDS=_(RECOVERY_WINDOW_WORDS),
        money=money(low),
        money2=money(high),
        money3=money(cost.inputs.price_usd),
    )


def assumption_words(cost: CostEstimate) -> str:
    i = cost.inputs
    return _("Assumes {money} for {size_ml} ml, {dose_ml} ml a use, {applications_per_day}× a day.").format(
        money=money(i.price_usd),
        size_ml=figures.figure(i.size_ml),
        dose_ml=figures.figure(i.dose_ml),
        applications_per_day=figures.figure(i.applications_per_day),
    )


def uses_source_words(cost: CostEstimate) -> str:
    """Where the uses a day behind a cost come from: the person, or the plan's routine."""
    if "applications_per_day" in cost.inputs.overridden_fields:
        return _("your own figure")
    return _("the routine, {applications_per_day}× a day").format(
        applications_per_day=figures.figure(cost.inputs.applications_per_day)
    )


def estimated_words(cost: CostEstimate) -> str:
    return _("Estimated: {fields}.").format(fields=field_names(cost.inputs.estimated_fields))


def overridden_words(cost: CostEstimate) -> str:
    return _("Your own figures: {field_names}.").format(
        field_names=field_names(cost.inputs.overridden_fields)
    )


def budget_words(over_budget: bool, budget: float) -> str:
    return (
        _("Over your {money} monthly budget.").format(money=money(budget))
        if over_budget
        else _("Within your {money} monthly budget.").format(money=money(budget))
    )


def override_words(o: ProductOverride) -> str:
    """'price $120, bottle size 30 ml' for the figures a person set."""
    parts = []
    if o.price_usd is not None:
        parts.append(_("price {money}").format(money=money(o.price_usd)))
    if o.size_ml is not None:
        parts.append(_("bottle size {size_ml} ml").format(size_ml=figures.figure(o.size_ml)))
    if o.dose_ml is not None:
        parts.append(_("amount per use {dose_ml} ml").format(dose_ml=figures.figure(o.dose_ml)))
    if o.applications_per_day is not None:
        per_day = o.applications_per_day
        parts.append(
            ngettext(
                "{applications_per_day} time a day",
                "{applications_per_day} times a day",
                int(per_day) if per_day == int(per_day) else 2,
            ).format(applications_per_day=figures.figure(per_day))
        )
    return ", ".join(parts)


# -- a person's answers ------------------------------------------------------------------------------


def procedure_row(answers: Answers) -> str | None:
    """'Laser (fractional or other), ablative, 2 days ago': the procedure, on every surface
    that shows the answers, whatever the goal."""
    if not answers.has_procedure:
        return None
    what = answers.procedure.label if answers.procedure else _("A procedure (not named)")
    if answers.laser_type is not None and answers.procedure is Procedure.LASER:
        what = _("Laser, {kind}").format(kind=answers.laser_type.label.split(" (")[0].lower())
    days = answers.days_since_procedure
    if days is None:
        return _("{procedure}, day not given").format(procedure=what)
    return ngettext("{procedure}, {days} day ago", "{procedure}, {days} days ago", days).format(
        procedure=what, days=days
    )


def answers_rows(answers: Answers, include_medical: bool = True) -> list[tuple[str, str]]:
    """The answers as (label, value) lines. A copy for sharing names no health detail: no
    condition, no allergy and no fragrance sensitivity."""
    what = answers.use_case.label
    procedure = procedure_row(answers)
    actives = ", ".join(a.label for a in sorted(answers.actives)) or _("None of the listed actives")
    budget = (
        _("{money} a month").format(money=money(answers.budget_usd_per_month))
        if answers.budget_usd_per_month is not None
        else _("No budget given")
    )
    rows = [
        (_("What for"), what),
        *(((_("Procedure"), procedure),) if procedure else ()),
        (_("Skin"), answers.sensitivity.label),
        (_("Diet and ethics"), answers.diet.label),
        (_("Already using"), actives),
        (_("Budget"), budget),
    ]
    if include_medical:
        medical = [c.label for c in sorted(answers.cautions) if c.is_medical]
        rows.append((_("Medical"), "; ".join(medical) or _("None given")))
        rows.append(
            (
                _("Fragrance"),
                _("Sensitive to fragrance")
                if Caution.FRAGRANCE_SENSITIVE in answers.cautions
                else _("No fragrance sensitivity given"),
            )
        )
        rows.append((_("Allergies"), ", ".join(answers.allergens) or _("None given")))
    else:
        rows.append(
            (_("Health details"), _("Left out of this copy for sharing; every caution below still applies."))
        )
    return rows
