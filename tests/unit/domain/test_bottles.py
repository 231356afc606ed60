"""Bottle dates: the patch-test window, use-by after opening, and when a bottle runs out."""

from __future__ import annotations

import datetime as dt

import pytest

from serumdesk.domain.advice.cost import estimate_cost
from serumdesk.domain.answers import ProductOverride
from serumdesk.domain.bottles import (
    LONGEST_FORECAST_YEARS,
    Bottle,
    bottle_notes,
    patch_check_window,
    runs_out,
    use_by,
)
from serumdesk.domain.choices import PatchResult
from tests.unit.factories import make_product

D = dt.date


def test_the_patch_is_looked_at_48_to_72_hours_after_it_goes_on() -> None:
    # guide.txt, Patch testing: "for 48–72 hours".
    bottle = Bottle("p", patch_started=D(2026, 11, 20))
    assert patch_check_window(bottle) == (D(2026, 11, 22), D(2026, 11, 23))
    assert bottle_notes(bottle, None, D(2026, 11, 21))[0] == (
        "Look at the patch test on 22 November 2026 or 23 November 2026 (48–72 hours after you put it on)."
    )
    assert "had its 48–72 hours" in bottle_notes(bottle, None, D(2026, 11, 22))[0]


def test_a_reaction_says_not_on_the_face_and_points_to_a_clinician() -> None:
    bottle = Bottle("p", patch_started=D(2026, 11, 20), patch_result=PatchResult.REACTION)
    first = bottle_notes(bottle, None, D(2026, 11, 25))[0]
    assert "don't use it on your face" in first and "clinician" in first


def test_no_patch_test_yet_is_suggested_before_opening() -> None:
    assert (
        "Patch test it before the first full-face use" in bottle_notes(Bottle("p"), None, D(2026, 11, 25))[0]
    )


@pytest.mark.parametrize(
    "opened, months, expected",
    [
        (D(2026, 11, 25), 6, D(2027, 5, 25)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),  # February is shorter: its last day
        (D(2026, 12, 15), 12, D(2027, 12, 15)),
    ],
)
def test_use_by_is_calendar_months_after_opening(opened: dt.date, months: int, expected: dt.date) -> None:
    assert use_by(Bottle("p", opened=opened, months_after_opening=months)) == expected


def test_use_by_notes_count_down_and_warn_when_past() -> None:
    bottle = Bottle("p", opened=D(2026, 5, 1), months_after_opening=6)  # use by 1 Nov 2026
    assert "Use by 1 November 2026 (6 months after opening)." in bottle_notes(bottle, None, D(2026, 9, 1))
    assert "Use by 1 November 2026: 3 days left." in bottle_notes(bottle, None, D(2026, 10, 29))
    assert "Past its use-by date (1 November 2026, 6 months after opening)." in bottle_notes(
        bottle, None, D(2026, 11, 2)
    )


def test_a_bottle_runs_out_after_its_months_at_the_cost_figures() -> None:
    # 30 ml at 0.25 ml twice a day: 30 / (0.5 * 30.44) = 1.97 months = 60 days.
    cost = estimate_cost(make_product())
    assert cost.months_per_bottle == pytest.approx(30 / (0.25 * 2 * 30.44))
    bottle = Bottle("p", opened=D(2026, 11, 1))
    assert runs_out(bottle, cost) == D(2026, 11, 1) + dt.timedelta(days=60)
    assert "it runs out around 31 December 2026" in bottle_notes(bottle, cost, D(2026, 11, 2))[-1]


def test_months_after_opening_must_be_sensible() -> None:
    with pytest.raises(ValueError, match="between 1 and 60"):
        Bottle("p", opened=D(2026, 1, 1), months_after_opening=0)


def test_a_bottle_lasting_centuries_is_said_without_a_date() -> None:
    """Issue #13, case 10: 1000 ml at 0.001 ml 0.1× a day, opened 2026-01-01, raised
    OverflowError (date value out of range) and Your bottles never opened."""
    cost = estimate_cost(
        make_product(), ProductOverride(size_ml=1000, dose_ml=0.001, applications_per_day=0.1)
    )
    bottle = Bottle("p", opened=D(2026, 1, 1))
    assert runs_out(bottle, cost) is None
    notes = bottle_notes(bottle, cost, D(2026, 11, 2))
    assert notes[-1] == (
        "At your amount per use and uses a day it would last more than "
        f"{LONGEST_FORECAST_YEARS} years: check the amount per use and uses a day."
    )


def test_the_longest_a_bottle_can_last_has_no_date_and_a_century_still_does() -> None:
    from serumdesk.domain.strict.numbers import DOSE_ML, NOTED_DAY, SIZE_ML, USES_A_DAY

    latest = NOTED_DAY.latest()

    longest = estimate_cost(
        make_product(),
        ProductOverride(
            size_ml=SIZE_ML.maximum, dose_ml=DOSE_ML.minimum, applications_per_day=USES_A_DAY.minimum
        ),
    )
    assert runs_out(Bottle("p", opened=latest), longest) is None
    # 30 ml at 0.001 ml once a day: 30,000 days, about 82 years — still a date.
    century = estimate_cost(make_product(), ProductOverride(dose_ml=0.001, applications_per_day=1))
    assert runs_out(Bottle("p", opened=latest), century) == latest + dt.timedelta(days=30_000)


@pytest.mark.parametrize(
    "day", [D(9999, 12, 31), D(1, 1, 1), D(1999, 12, 31), dt.date.today() + dt.timedelta(days=400)]
)
def test_dates_far_from_now_are_refused(day: dt.date) -> None:
    with pytest.raises(ValueError, match="The day it was opened must be between 2000-01-01 and "):
        Bottle("p", opened=day)
    with pytest.raises(ValueError, match="patch test must be between 2000-01-01 and "):
        Bottle("p", patch_started=day)


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max, D(9999, 12, 1), D(1, 1, 31)])
@pytest.mark.parametrize("months", [-60, -1, 0, 1, 12, 60, 10**6, -(10**6)])
def test_date_arithmetic_never_overflows(day: dt.date, months: int) -> None:
    from serumdesk.domain.dates import add_days, add_months

    assert isinstance(add_months(day, months), dt.date)
    assert isinstance(add_days(day, months), dt.date)
    assert add_months(D(9999, 12, 31), 12) == dt.date.max
    assert add_days(D(1, 1, 1), -1) == dt.date.min
