"""The number model: every price, size, dose, uses a day, budget and count SerumDesk takes in.

One `Quantity` per kind of number holds its bounds, and every way in asks it: the catalog
and profile file models (strict pydantic types built from these in strict_model.py), the
domain's dataclasses, the command-line options and the app's spin boxes. So a figure one
surface refuses, every surface refuses, with the same words.

A number is a real int or float (never a bool or a string of digits), finite, and within
its bounds. The bounds are wide for real serums and narrow enough that nothing derived from
them overflows: the highest monthly cost is $100,000 ÷ 0.1 ml × 100 ml × 10 a day × 30.44,
about $3 × 10¹², and the longest a bottle can last (10,000 ml at 0.001 ml, 0.1 times a day)
is about 275,000 years, which bottles.py words without computing a date for it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from serumdesk.i18n import N_, _

_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_WHOLE = re.compile(r"[+-]?\d+")
_MAX_DIGITS = 20
"""Longer input is out of every range; it is refused before Python converts it."""


class NumberError(ValueError):
    """A number that is not acceptable; str() says what is wanted, in plain words."""


def _figure(value: float) -> str:
    """A bound as the language in use writes numbers: '10,000' in English, '10.000' in Spanish."""
    from serumdesk.domain.figures import figure

    return figure(value)


def _clip(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "…"


def _shown(value: object) -> str:
    """A refused value as the message shows it: a string in quotes, so '100' is not 100."""
    if isinstance(value, int) and value.bit_length() > 256:  # repr() of a huge int may fail
        from serumdesk.domain.figures import whole

        return _("a number of about {count} digits").format(count=whole(int(value.bit_length() * 0.30103)))
    return _clip(repr(value))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A kind of number and what SerumDesk accepts for it.

    `minimum` is the smallest value other than zero; `zero` says whether 0 is accepted as
    well (it means "none" or "not used"). `decimals` is the resolution the app's spin boxes
    show, so every value above zero that a spin box can show is within bounds.
    """

    what: str
    """The subject of the error messages: "A bottle size" (marked with N_, said with _())."""
    minimum: float
    maximum: float
    decimals: int = 0
    prefix: str = ""
    suffix: str = ""
    zero: bool = False
    whole: bool = False

    def lowest(self, *, zero: bool | None = None) -> float:
        """The lowest accepted value: 0 when zero is accepted, else the minimum."""
        return 0 if (self.zero if zero is None else zero) else self.minimum

    def describe(self, *, zero: bool | None = None) -> str:
        """'between 0.1 and 10,000 ml', or '0 or between 0.001 and 100 ml' when zero is accepted."""
        suffix = _(self.suffix) if self.suffix else ""
        low = f"{self.prefix}{_figure(self.minimum)}"
        high = f"{self.prefix}{_figure(self.maximum)}{suffix}"
        if self.whole:
            span = _("a whole number between {low} and {high}").format(low=low, high=high)
        else:
            span = _("between {low} and {high}").format(low=low, high=high)
        if (self.zero if zero is None else zero) and self.minimum > 0:
            return _("0 or {span}").format(span=span)
        return span

    def check(self, value: object, *, zero: bool | None = None) -> float:
        """`value` when it is a finite int or float within bounds; NumberError says why not."""
        allowed = (int,) if self.whole else (int, float)
        if (
            isinstance(value, bool)
            or not isinstance(value, allowed)
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            raise self._refusal(_shown(value), zero)
        if value == 0 and (self.zero if zero is None else zero):
            return value
        if not self.minimum <= value <= self.maximum:
            raise self._refusal(_shown(value), zero)
        return value

    def _refusal(self, shown: str, zero: bool | None = None) -> NumberError:
        return NumberError(
            _("{what} must be {bounds}, not {shown}.").format(
                what=_(self.what), bounds=self.describe(zero=zero), shown=shown
            )
        )

    def parse(self, text: str) -> float:
        """A number typed as text ("12.5", "30"): plain digits only — no "inf", "nan",
        "0x1f" or thousands separators — then checked like any other."""
        cleaned = text.strip()
        pattern = _WHOLE if self.whole else _DECIMAL
        if not pattern.fullmatch(cleaned):
            refusal = (
                _("'{text}' is not a whole number; {what} must be {bounds}.")
                if self.whole
                else _("'{text}' is not a number; {what} must be {bounds}.")
            )
            raise NumberError(
                refusal.format(text=_clip(cleaned), what=_(self.what).lower(), bounds=self.describe())
            )
        digits = len(cleaned.lstrip("+-").split("e")[0].split("E")[0].replace(".", ""))
        if digits > _MAX_DIGITS:
            raise self._refusal(_clip(cleaned))
        try:
            return self.check(int(cleaned) if self.whole else float(cleaned))
        except NumberError:
            raise self._refusal(_clip(cleaned)) from None


PRICE_USD = Quantity(N_("A price"), 0.01, 100_000, decimals=2, prefix="$", zero=True)
"""A bottle's price. The catalog needs one above zero; a person's own figure may be 0 (a gift)."""
SIZE_ML = Quantity(N_("A bottle size"), 0.1, 10_000, decimals=1, suffix=" ml")
DOSE_ML = Quantity(N_("An amount per use"), 0.001, 100, decimals=3, suffix=" ml", zero=True)
"""0 means the serum is not used; the catalog needs one above zero."""
USES_A_DAY = Quantity(N_("Uses a day"), 0.1, 10, decimals=1, suffix="×", zero=True)
"""0.5 is every other day; 0 means not used. The catalog needs one above zero."""
BUDGET_USD = Quantity(N_("A monthly budget"), 0, 100_000, decimals=2, prefix="$", zero=True)
DAYS_SINCE_PROCEDURE = Quantity(N_("Days since the procedure"), 0, 36_500, whole=True)
MONTHS_AFTER_OPENING = Quantity(N_("Months after opening"), 1, 60, whole=True)
"""The open-jar symbol on a pack: 6M, 12M … up to five years."""
STUDY_PEOPLE = Quantity(N_("The number of people in a study"), 1, 10_000_000, whole=True)
STUDY_WEEKS = Quantity(N_("A study's length"), 0.1, 5_200, decimals=1, suffix=N_(" weeks"))
REVISION = Quantity(N_("A revision"), 0, 10**15, whole=True)


@dataclass(frozen=True, slots=True)
class DayRange:
    """A kind of date and the span SerumDesk accepts for it: from a fixed first day to a
    little after today (a clock a day or a time zone ahead, a list dated for next month).

    Every date a file or a person gives is checked against its kind at the boundary, so
    nothing later counts months or days from a date near the calendar's end (year 9999)
    or its start (year 1).
    """

    what: str
    """The subject of the error messages: "The day a price was seen" (marked with N_, said
    with _())."""
    earliest: dt.date = dt.date(2000, 1, 1)
    ahead_days: int = 366
    """How far after today the date may be."""

    def latest(self, today: dt.date | None = None) -> dt.date:
        return (today or dt.date.today()) + dt.timedelta(days=self.ahead_days)

    def describe(self, today: dt.date | None = None) -> str:
        """'between 2000-01-01 and 2027-12-07'."""
        return _("between {low} and {high}").format(
            low=self.earliest.isoformat(), high=self.latest(today).isoformat()
        )

    def check(self, value: dt.date, today: dt.date | None = None) -> dt.date:
        """`value` when it is within the span; NumberError says the span otherwise."""
        if not self.earliest <= value <= self.latest(today):
            raise NumberError(
                _("{what} must be {bounds}, not {shown}.").format(
                    what=_(self.what), bounds=self.describe(today), shown=value.isoformat()
                )
            )
        return value


SOURCE_DAY = DayRange(N_("A source's date"), earliest=dt.date(1900, 1, 1))
"""When a price was seen or a study published (a catalog's provenance): studies go back
further than prices, so the first day is earlier."""
FILE_DAY = DayRange(N_("A date in the file"))
"""A catalog's `updated`, a price list's date and each price's `seen`, the day a serum of
your own was entered and its price seen."""
PRICE_DAY = DayRange(N_("The day a price or size was seen"))
"""A catalog price's and size's `seen`: their provenance is a source's (SOURCE_DAY), but a
price seen before 2000 is no price to compare today."""
NOTED_DAY = DayRange(N_("A day you noted"))
"""The day a bottle was opened or a patch test started."""
EARLIEST_DAY = NOTED_DAY.earliest


def check_day(value: dt.date, what: str) -> dt.date:
    """A day a person noted (a bottle opened, a patch test): NOTED_DAY's span. `what` may be
    translated already: _() gives a translation back unchanged."""
    return DayRange(what, NOTED_DAY.earliest, NOTED_DAY.ahead_days).check(value)


# --- limits on what a file may hold (issue #19): each keeps time and memory bounded ----------

BYTES_PER_VALUE = 12
"""The densest a SerumDesk file may be: one value (or container) per this many bytes. Its
own files hold one per 18-35 bytes even without spaces; a string costs Python about 60
bytes and an empty list about 80, so this keeps a file's objects within several times its
size (strict_json.loads counts before it parses)."""
FEWEST_VALUES = 100_000
"""A small file may always hold this many values, however dense (a few megabytes at most)."""
MAX_PROBLEMS = 10
"""The problems a message about a file lists; checking a file stops soon after."""
MAX_LIST_ITEMS = 200
"""The most items any list of a catalog product holds (as an ingredient list's): far above
a real product's, and low enough that a crafted file's errors stay few."""
MAX_SETTINGS_BYTES = 64 * 1024
"""The app's settings file holds one window geometry (a few hundred bytes)."""


COST_QUANTITIES: dict[str, Quantity] = {
    "price_usd": PRICE_USD,
    "size_ml": SIZE_ML,
    "dose_ml": DOSE_ML,
    "applications_per_day": USES_A_DAY,
}
"""The four inputs of the monthly cost, by CostInputs field name."""
