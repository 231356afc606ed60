"""The number model: strict, finite, bounded — the same for files, options and spin boxes."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serumdesk.domain.strict.numbers import (
    BUDGET_USD,
    COST_QUANTITIES,
    DAYS_SINCE_PROCEDURE,
    DOSE_ML,
    PRICE_USD,
    SIZE_ML,
    USES_A_DAY,
    NumberError,
    Quantity,
)


@pytest.mark.parametrize(
    "value", [True, False, "100", None, float("inf"), float("nan"), -float("inf"), [1], 10**400]
)
def test_only_real_finite_numbers_are_numbers(value: object) -> None:
    """Issue #13, case 9: "usd": true was $1 and "usd": "100" was 100."""
    with pytest.raises(NumberError, match="A price must be"):
        PRICE_USD.check(value)


def test_a_refused_string_is_shown_in_quotes() -> None:
    with pytest.raises(NumberError, match="not '100'"):
        SIZE_ML.check("100")


@pytest.mark.parametrize(
    ("quantity", "value"),
    [
        (SIZE_ML, 1e-300),
        (SIZE_ML, 0),
        (SIZE_ML, 10_000.5),
        (DOSE_ML, 1e-300),
        (DOSE_ML, 101),
        (USES_A_DAY, 0.05),
        (USES_A_DAY, 11),
        (PRICE_USD, -0.01),
        (PRICE_USD, 1e308),
        (BUDGET_USD, 1e308),
        (BUDGET_USD, -5),
        (DAYS_SINCE_PROCEDURE, -1),
        (DAYS_SINCE_PROCEDURE, 10**20),
        (DAYS_SINCE_PROCEDURE, 2.0),
    ],
)
def test_out_of_bounds_is_refused(quantity: Quantity, value: float) -> None:
    with pytest.raises(NumberError):
        quantity.check(value)


def test_zero_is_a_choice_of_each_quantity_and_of_the_catalog() -> None:
    assert DOSE_ML.check(0) == 0 and USES_A_DAY.check(0) == 0 and PRICE_USD.check(0) == 0
    with pytest.raises(NumberError, match=r"between 0\.001 and 100 ml"):
        DOSE_ML.check(0, zero=False)  # the catalog: a dose above zero


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1e308", "between $0 and $100,000, not 1e308"),
        ("inf", "'inf' is not a number"),
        ("nan", "'nan' is not a number"),
        ("0x10", "is not a number"),
        ("lots", "'lots' is not a number"),
        ("1" * 5000, "not 11111111111111111111…"),
    ],
)
def test_typed_budgets_are_parsed_strictly(text: str, words: str) -> None:
    """Case 15: `--budget 1e308` was accepted by recommend and sheet."""
    with pytest.raises(NumberError, match=words.replace("$", r"\$").replace(".", r"\.")):
        BUDGET_USD.parse(text)


def test_typed_day_counts_are_whole_and_bounded() -> None:
    assert DAYS_SINCE_PROCEDURE.parse(" 3 ") == 3
    for text in ("99999999999999999999", "3.0", "-1", "1" * 5000):
        with pytest.raises(NumberError, match="whole number between 0 and 36,500"):
            DAYS_SINCE_PROCEDURE.parse(text)


@given(st.sampled_from(sorted(COST_QUANTITIES.values(), key=lambda q: q.what)), st.data())
def test_every_value_a_spin_box_can_show_is_accepted(quantity: Quantity, data: st.DataObject) -> None:
    """The cost spin boxes show the quantity's decimals from its lowest value up: every value
    they can hold is accepted."""
    step = 10**-quantity.decimals
    low = round(quantity.lowest() / step)
    value = round(data.draw(st.integers(low, round(quantity.maximum / step))) * step, quantity.decimals)
    assert quantity.check(value) == value


def test_the_costliest_and_longest_lasting_figures_stay_finite() -> None:
    most = PRICE_USD.maximum / SIZE_ML.minimum * DOSE_ML.maximum * USES_A_DAY.maximum * 30.44
    longest = SIZE_ML.maximum / (DOSE_ML.minimum * USES_A_DAY.minimum * 30.44)
    assert math.isfinite(most) and most < 1e13
    assert math.isfinite(longest) and longest < 1e7
