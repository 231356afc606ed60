"""The bottles a person has: when each was opened, how long the pack says it keeps, and
its patch test — and the dates that follow from them.

Plain frozen dataclasses (no pydantic): the profile file format lives in storage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from serumdesk.domain.choices import PatchResult
from serumdesk.domain.dates import add_days, add_months, long_date
from serumdesk.i18n import N_, _, ngettext

if TYPE_CHECKING:  # cost.py brings the catalog's product types; profiles load without them
    from serumdesk.domain.advice.cost import CostEstimate

PATCH_HOURS = (48, 72)
"""The guide: leave the patch test on for 48–72 hours."""
PATCH_WORDS = N_("{first}–{last} hours")
"""How long a patch test stays on (PATCH_HOURS), translated where it is said: patch_words()."""


def patch_words() -> str:
    return _(PATCH_WORDS).format(first=PATCH_HOURS[0], last=PATCH_HOURS[1])


USE_BY_SOON_DAYS = 14
LONGEST_FORECAST_YEARS = 100
"""A bottle that lasts longer is said to, without a date: no one needs one, and the calendar
ends in 9999 (a size and dose the number model allows can last 275,000 years)."""


@dataclass(frozen=True, slots=True)
class Bottle:
    product_id: str
    opened: dt.date | None = None
    months_after_opening: int | None = None
    """The open-jar symbol on the pack ("6M", "12M"): None when not known."""
    patch_started: dt.date | None = None
    patch_result: PatchResult = PatchResult.WAITING

    def __post_init__(self) -> None:
        # Imported here: the app holds its (empty) bottles before the first page paints.
        from serumdesk.domain.strict.numbers import MONTHS_AFTER_OPENING, check_day

        if self.months_after_opening is not None:
            MONTHS_AFTER_OPENING.check(self.months_after_opening)
        if self.opened is not None:
            check_day(self.opened, _("The day it was opened"))
        if self.patch_started is not None:
            check_day(self.patch_started, _("The day of the patch test"))


def use_by(bottle: Bottle) -> dt.date | None:
    if bottle.opened is None or bottle.months_after_opening is None:
        return None
    return add_months(bottle.opened, bottle.months_after_opening)


def _days_it_lasts(cost: CostEstimate) -> float | None:
    from serumdesk.domain.advice.cost import DAYS_PER_MONTH

    return None if cost.months_per_bottle is None else cost.months_per_bottle * DAYS_PER_MONTH


def lasts_beyond_forecast(cost: CostEstimate) -> bool:
    """True when the bottle lasts more than LONGEST_FORECAST_YEARS at these figures."""
    days = _days_it_lasts(cost)
    return days is not None and not days <= LONGEST_FORECAST_YEARS * 365.25


def runs_out(bottle: Bottle, cost: CostEstimate) -> dt.date | None:
    """When the bottle is empty at the cost figures' amount per use and uses a day; None
    when it is not opened, not used, or lasts beyond LONGEST_FORECAST_YEARS."""
    days = _days_it_lasts(cost)
    if bottle.opened is None or days is None or lasts_beyond_forecast(cost):
        return None
    return add_days(bottle.opened, round(days))


def patch_check_window(bottle: Bottle) -> tuple[dt.date, dt.date] | None:
    if bottle.patch_started is None:
        return None
    first, last = (add_days(bottle.patch_started, hours // 24) for hours in PATCH_HOURS)
    return first, last


def bottle_notes(bottle: Bottle, cost: CostEstimate | None, today: dt.date) -> list[str]:
    """What the dates mean today, in plain sentences, most pressing first."""
    notes: list[str] = []
    window = patch_check_window(bottle)
    if window is not None:
        first, last = window
        if bottle.patch_result is PatchResult.REACTION:
            notes.append(
                _(
                    "The patch test showed a reaction: don't use it on your face, and "
                    "show the product to your clinician or pharmacist."
                )
            )
        elif bottle.patch_result is PatchResult.NO_REACTION:
            notes.append(
                _("No reaction in the patch test: start once a day or every other day and build up slowly.")
            )
        elif today < first:
            notes.append(
                _("Look at the patch test on {first} or {last} ({hours} after you put it on).").format(
                    first=long_date(first), last=long_date(last), hours=patch_words()
                )
            )
        else:
            notes.append(
                _("The patch test has had its {hours}: look at the skin and note what you see.").format(
                    hours=patch_words()
                )
            )
    elif bottle.opened is None:
        notes.append(
            _(
                "Patch test it before the first full-face use ({hours} on the "
                "inner forearm or behind the ear)."
            ).format(hours=patch_words())
        )
    keep_until = use_by(bottle)
    if keep_until is not None:
        left = (keep_until - today).days
        if left < 0:
            notes.append(
                _("Past its use-by date ({date}, {months} months after opening).").format(
                    date=long_date(keep_until), months=bottle.months_after_opening
                )
            )
        elif left <= USE_BY_SOON_DAYS:
            notes.append(
                ngettext("Use by {date}: {left} day left.", "Use by {date}: {left} days left.", left).format(
                    date=long_date(keep_until), left=left
                )
            )
        else:
            notes.append(
                _("Use by {date} ({months} months after opening).").format(
                    date=long_date(keep_until), months=bottle.months_after_opening
                )
            )
    elif bottle.opened is not None:
        notes.append(_("Add the months from the open-jar symbol on the pack to see a use-by date."))
    empty = runs_out(bottle, cost) if cost is not None else None
    if empty is not None:
        notes.append(
            _("At your amount per use and uses a day it runs out around {date}.").format(
                date=long_date(empty)
            )
        )
    elif bottle.opened is not None and cost is not None and lasts_beyond_forecast(cost):
        notes.append(
            _(
                "At your amount per use and uses a day it would last more than "
                "{years} years: check the amount per use and uses a "
                "day."
            ).format(years=LONGEST_FORECAST_YEARS)
        )
    return notes
