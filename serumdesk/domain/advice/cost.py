"""Cost per month and months per bottle from price, size, dose and frequency."""

from __future__ import annotations

from typing import NamedTuple

from serumdesk.domain.advice.recovery import RECOVERY_WINDOW_DAYS
from serumdesk.domain.answers import ProductOverride
from serumdesk.domain.catalog.product import Product

DAYS_PER_MONTH = 30.44
"""The average month: 365.25 days / 12."""


class CostInputs(NamedTuple):
    price_usd: float
    size_ml: float
    dose_ml: float
    applications_per_day: float
    estimated_fields: tuple[str, ...]
    """Inputs that are catalog estimates the person has not replaced with their own figure."""
    overridden_fields: tuple[str, ...]


class CostEstimate(NamedTuple):
    inputs: CostInputs
    price_per_ml_usd: float
    """Price ÷ size: compares bottles of different sizes."""
    ml_per_month: float
    cost_per_month_usd: float
    months_per_bottle: float | None
    """None when the serum is not used at all (dose or frequency 0)."""
    recovery_window_usd: tuple[float, float]
    """Cost of the serum used over the shortest and longest recovery window."""

    @property
    def is_estimate(self) -> bool:
        return bool(self.inputs.estimated_fields)


def cost_inputs(
    product: Product, override: ProductOverride | None = None, uses_per_day: float | None = None
) -> CostInputs:
    """The catalog's figures with the person's overrides applied; `uses_per_day` (the
    routine's frequency) replaces the catalog's uses a day unless the person gave their own."""
    values: list[float] = []
    estimated: list[str] = []
    overridden: list[str] = []
    for name, value, is_estimate in product.facts.cost_figures:
        mine = None if override is None else getattr(override, name)
        if mine is not None:
            values.append(float(mine))
            overridden.append(name)
        elif name == "applications_per_day" and uses_per_day is not None:
            values.append(uses_per_day)
        else:
            values.append(value)
            if is_estimate:
                estimated.append(name)
    price, size, dose, per_day = values
    return CostInputs(price, size, dose, per_day, tuple(estimated), tuple(overridden))


def estimate_cost(
    product: Product, override: ProductOverride | None = None, uses_per_day: float | None = None
) -> CostEstimate:
    """Cost per month = price ÷ size × dose × applications a day × 30.44 (see cost_inputs)."""
    inputs = cost_inputs(product, override, uses_per_day)
    ml_per_day = inputs.dose_ml * inputs.applications_per_day
    price_per_ml = inputs.price_usd / inputs.size_ml
    ml_per_month = ml_per_day * DAYS_PER_MONTH
    months = inputs.size_ml / ml_per_month if ml_per_month > 0 else None
    short, long = RECOVERY_WINDOW_DAYS
    return CostEstimate(
        inputs=inputs,
        price_per_ml_usd=price_per_ml,
        ml_per_month=ml_per_month,
        cost_per_month_usd=price_per_ml * ml_per_month,
        months_per_bottle=months,
        recovery_window_usd=(price_per_ml * ml_per_day * short, price_per_ml * ml_per_day * long),
    )
