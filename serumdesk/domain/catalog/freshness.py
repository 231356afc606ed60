"""How old a product's price and size are: a figure seen more than a year ago, or undated,
may have changed, and every surface says so."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from serumdesk.domain.dates import add_months, month_year
from serumdesk.i18n import _

if TYPE_CHECKING:
    from serumdesk.domain.advice.cost import CostEstimate
    from serumdesk.domain.catalog.product import Product, Provenance

STALE_AFTER_MONTHS = 12


@dataclass(frozen=True, slots=True)
class FigureAge:
    field: str
    """'price_usd' or 'size_ml'."""
    stale: bool
    when: str
    """'seen July 2021' or 'undated' (empty when the figure is fresh)."""


def _age(field: str, provenance: Provenance, today: dt.date) -> FigureAge:
    # An estimate is marked as an estimate everywhere already: it is not also "stale".
    if provenance.is_estimate:
        return FigureAge(field, False, "")
    seen = provenance.seen
    if seen is None:
        return FigureAge(field, True, _("undated"))
    if add_months(seen, STALE_AFTER_MONTHS) < today:
        return FigureAge(field, True, _("seen {month}").format(month=month_year(seen)))
    return FigureAge(field, False, "")


def figure_ages(product: Product, cost: CostEstimate, today: dt.date) -> tuple[FigureAge, ...]:
    """The price's and the size's age; a figure the person typed in is their own, not stale."""
    ages = []
    for field, provenance in (
        ("price_usd", product.price.provenance),
        ("size_ml", product.price.size_ml.provenance),
    ):
        if field in cost.inputs.overridden_fields:
            ages.append(FigureAge(field, False, ""))
        else:
            ages.append(_age(field, provenance, today))
    return tuple(ages)


def stale_words(product: Product, cost: CostEstimate, today: dt.date) -> list[str]:
    """'Price seen July 2021 — may have changed.' ('Price and size …' when both are)."""
    price, size = figure_ages(product, cost, today)
    if price.stale and size.stale and price.when == size.when:
        return [_("Price and size {when} — may have changed.").format(when=price.when)]
    said = []
    if price.stale:
        said.append(_("Price {when} — may have changed.").format(when=price.when))
    if size.stale:
        said.append(_("Size {when} — may have changed.").format(when=size.when))
    return said


def is_stale(product: Product, cost: CostEstimate, today: dt.date) -> bool:
    return any(a.stale for a in figure_ages(product, cost, today))
