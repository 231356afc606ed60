"""Cost per month = price ÷ size × dose × uses a day × 30.44; overrides; estimates flagged."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from serumdesk.domain.advice.cost import DAYS_PER_MONTH, estimate_cost
from serumdesk.domain.advice.wording import assumption_words
from serumdesk.domain.answers import ProductOverride
from tests.unit.factories import make_product

ESTIMATE = {"kind": "estimate", "source": "no directions found; typical serum use"}


def test_days_per_month_is_the_average_month() -> None:
    assert DAYS_PER_MONTH == 30.44  # the figure: 365.25 days / 12, rounded
    assert pytest.approx(365.25 / 12, abs=0.005) == DAYS_PER_MONTH


def test_cost_per_month_follows_the_formula() -> None:
    # $295 for 28.4 ml, 0.34 ml twice a day: the TNS figures in product-facts.md.
    product = make_product(
        price={
            "usd": 295.0,
            "provenance": {"kind": "sourced", "source": "retailer"},
            "size_ml": {"value": 28.4, "provenance": {"kind": "sourced", "source": "retailer"}},
        },
        dose_ml={"value": 0.34, "provenance": ESTIMATE},
    )
    cost = estimate_cost(product)
    assert cost.cost_per_month_usd == pytest.approx(295 / 28.4 * 0.34 * 2 * 30.44)
    assert cost.price_per_ml_usd == pytest.approx(295 / 28.4)  # what a size comparison needs
    # product-facts: 1 oz at twice daily lasts about 6 weeks => ~1.4 months.
    assert cost.months_per_bottle == pytest.approx(28.4 / (0.34 * 2 * 30.44))
    assert 1.3 < cost.months_per_bottle < 1.5
    assert cost.inputs.estimated_fields == ("dose_ml",)
    assert cost.is_estimate


def test_overrides_replace_catalog_figures_and_clear_the_estimate_mark() -> None:
    product = make_product(dose_ml={"value": 0.25, "provenance": ESTIMATE})
    mine = ProductOverride(price_usd=80.0, dose_ml=0.2, applications_per_day=1)
    cost = estimate_cost(product, mine)
    assert cost.cost_per_month_usd == pytest.approx(80 / 30 * 0.2 * 1 * 30.44)
    assert cost.inputs.estimated_fields == ()
    assert set(cost.inputs.overridden_fields) == {"price_usd", "dose_ml", "applications_per_day"}
    assert not cost.is_estimate


def test_size_override_changes_months_per_bottle() -> None:
    cost = estimate_cost(make_product(), ProductOverride(size_ml=60.0))
    assert cost.months_per_bottle == pytest.approx(60 / (0.25 * 2 * 30.44))
    assert cost.cost_per_month_usd == pytest.approx(100 / 60 * 0.25 * 2 * 30.44)


def test_not_using_it_costs_nothing_and_never_runs_out() -> None:
    cost = estimate_cost(make_product(), ProductOverride(applications_per_day=0))
    assert cost.cost_per_month_usd == 0
    assert cost.months_per_bottle is None


def test_recovery_window_is_one_and_two_weeks_of_use() -> None:
    cost = estimate_cost(make_product())
    per_day = 100 / 30 * 0.25 * 2
    assert cost.recovery_window_usd == pytest.approx((per_day * 7, per_day * 14))


def test_assumption_text_shows_every_input() -> None:
    text = assumption_words(estimate_cost(make_product()))
    assert "$100.00" in text and "30 ml" in text and "0.25 ml" in text and "2×" in text


@pytest.mark.parametrize("field", ["price_usd", "dose_ml", "applications_per_day"])
def test_negative_overrides_are_refused(field: str) -> None:
    with pytest.raises(ValueError, match="must be 0 or between"):
        ProductOverride(**{field: -1.0})


def test_zero_size_is_refused() -> None:
    with pytest.raises(ValueError, match=r"A bottle size must be between 0\.1 and 10,000 ml, not 0\.0"):
        ProductOverride(size_ml=0.0)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("size_ml", 1e-300),
        ("size_ml", float("inf")),
        ("price_usd", float("nan")),
        ("dose_ml", 1e-300),
        ("applications_per_day", 1e308),
        ("price_usd", True),
        ("price_usd", "100"),
    ],
)
def test_absurd_overrides_are_refused(field: str, value: object) -> None:
    """Issue #13, case 9: an override of 1e-300 ml showed "$inf a month" on the cards."""
    with pytest.raises(ValueError, match="must be"):
        ProductOverride(**{field: value})  # type: ignore[arg-type]


def test_the_most_extreme_allowed_figures_stay_finite() -> None:
    from serumdesk.domain.strict.numbers import DOSE_ML, PRICE_USD, SIZE_ML, USES_A_DAY

    product = make_product()
    dearest = estimate_cost(
        product,
        ProductOverride(
            price_usd=PRICE_USD.maximum,
            size_ml=SIZE_ML.minimum,
            dose_ml=DOSE_ML.maximum,
            applications_per_day=USES_A_DAY.maximum,
        ),
    )
    longest = estimate_cost(
        product,
        ProductOverride(
            size_ml=SIZE_ML.maximum, dose_ml=DOSE_ML.minimum, applications_per_day=USES_A_DAY.minimum
        ),
    )
    assert math.isfinite(dearest.cost_per_month_usd) and dearest.cost_per_month_usd < 1e13
    assert longest.months_per_bottle is not None and math.isfinite(longest.months_per_bottle)


def test_a_copy_with_a_new_price_is_costed_at_the_new_price() -> None:
    # Products cache their cost figures; a copy must not inherit the original's cache.
    original = make_product()
    estimate_cost(original)
    cheaper = replace(original, price=replace(original.price, usd=50.0))
    assert estimate_cost(cheaper).cost_per_month_usd == pytest.approx(50 / 30 * 0.25 * 2 * 30.44)
    assert estimate_cost(original).cost_per_month_usd == pytest.approx(100 / 30 * 0.25 * 2 * 30.44)
