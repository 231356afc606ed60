"""What a field of a SerumDesk file accepts, written as plain metadata that pydantic reads.

`Annotated[float, Bounded(SIZE_ML)]`, `Annotated[str, TextRule()]`, `Annotated[bool,
STRICT_BOOL]`, `Doc("…")`: each object here implements pydantic's hooks
(`__get_pydantic_core_schema__`, `__get_pydantic_json_schema__`) and imports pydantic-core
only when a validator or a JSON Schema is built. So the catalog's domain types (product.py)
carry their whole file format without importing pydantic.

Each object can also apply its rule itself (`check_value`): light_validation.py builds the
catalog's dataclasses from JSON by their type hints and these checks, so a catalog that is
valid loads without pydantic; pydantic is imported only to word what is wrong with one that
is not (and for the JSON Schema). A property test holds the two to the same answers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

from serumdesk.domain.figures import whole
from serumdesk.domain.strict.plain_text import plain
from serumdesk.i18n import _

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema, ErrorDetails

    from serumdesk.domain.strict.numbers import DayRange, Quantity

FORBID_EXTRA: dict[str, Any] = {"extra": "forbid"}
"""A dataclass's `__pydantic_config__`: a key the type does not have is an error."""


class Bounded:
    """pydantic metadata for a number of a Quantity: strict (no bools, no strings of
    digits), finite, within the quantity's bounds — `Annotated[float, Bounded(SIZE_ML)]`.

    `zero` overrides the quantity's own rule: the catalog needs every figure above zero,
    while a person's own figure may be 0 where the quantity allows it.
    """

    def __init__(self, quantity: Quantity, *, zero: bool | None = None) -> None:
        self.quantity = quantity
        self.zero = zero

    def _check(self, value: float) -> float:
        return self.quantity.check(value, zero=self.zero)

    def check_value(self, value: object) -> float:
        """The rule applied without pydantic: the same strict number, bounds and result."""
        checked = self.quantity.check(value, zero=self.zero)
        return checked if self.quantity.whole else float(checked)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        inner = (
            core_schema.int_schema(strict=True)
            if self.quantity.whole
            else core_schema.float_schema(strict=True, allow_inf_nan=False)
        )
        return core_schema.no_info_before_validator_function(
            self._huge, core_schema.no_info_after_validator_function(self._check, inner)
        )

    def _huge(self, value: object) -> object:
        """A whole number of hundreds of digits is refused in the quantity's own words
        (pydantic would convert it to a float first, and overflow)."""
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
            self.quantity.check(value, zero=self.zero)
        return value

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["minimum"] = self.quantity.lowest(zero=self.zero)
        json_schema["maximum"] = self.quantity.maximum
        return json_schema


class TextRule:
    """pydantic metadata for text: surrounding spaces trimmed, then a length, and optionally
    a pattern it must match (as pydantic's StringConstraints); then made plain
    (plain_text.plain: no escape sequences, controls or direction overrides). Every text a
    catalog or price list brings is cleaned here, once, where it enters SerumDesk, so no
    widget, sheet or terminal is handed a character that would act instead of showing."""

    def __init__(
        self, *, min_length: int = 1, max_length: int = 2000, pattern: str | None = None, strip: bool = True
    ) -> None:
        self.min_length, self.max_length = min_length, max_length
        self.pattern, self.strip = pattern, strip

    def _plain(self, text: str) -> str:
        cleaned = plain(text).strip() if self.strip else plain(text)
        if self.min_length and not cleaned:
            raise ValueError(_("text of only control or invisible characters"))
        return cleaned

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(
            self._plain,
            core_schema.str_schema(
                strip_whitespace=self.strip,
                min_length=self.min_length,
                max_length=self.max_length,
                pattern=self.pattern,
            ),
        )

    def check_value(self, value: object) -> str:
        if not isinstance(value, str):
            raise TypeError("not text")
        text = value.strip() if self.strip else value
        if not self.min_length <= len(text) <= self.max_length:
            raise ValueError(_("text of {count} characters").format(count=whole(len(text))))
        if self.pattern is not None and ("\n" in text or not re.search(self.pattern, text)):
            raise ValueError(_("text that does not match its pattern"))
        return self._plain(text)


class DayRule:
    """pydantic metadata for a date: within its kind's span (numbers.DayRange) —
    `Annotated[dt.date, DayRule(FILE_DAY)]`. A file dated in year 9999 or year 1 is refused
    where it is read, with the field named, rather than failing later date arithmetic."""

    def __init__(self, days: DayRange) -> None:
        self.days = days

    def _check(self, value: dt.date) -> dt.date:
        return self.days.check(value)

    def check_value(self, value: object) -> dt.date:
        if not isinstance(value, dt.date):
            raise TypeError("not a date")
        return self.days.check(value)

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self._check, handler(source))


class _StrictBool:
    """pydantic metadata: only true or false (never 1, "yes" or "no")."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.bool_schema(strict=True)

    def check_value(self, value: object) -> bool:
        if type(value) is not bool:
            raise TypeError("not true or false")
        return value


STRICT_BOOL = _StrictBool()


class _ExactInt:
    """pydantic metadata for a Literal of an int (a schema version): pydantic would take true
    or 1.0 as 1 even with strict numbers, since Literal compares by equality."""

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(exact_int, handler(source))

    def check_value(self, value: object) -> object:
        return exact_int(value)


EXACT_INT = _ExactInt()


class Length:
    """pydantic metadata for a list (or an object's keys): at least `min_length` items, and
    at most `max_length`. pydantic checks the most as it goes, so a crafted list of a million
    items gives one error, not a million."""

    def __init__(self, min_length: int, max_length: int | None = None) -> None:
        self.min_length, self.max_length = min_length, max_length

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        schema: dict[str, Any] = dict(handler(source))  # a list or dict schema
        schema["min_length"] = self.min_length
        if self.max_length is not None:
            schema["max_length"] = self.max_length
        return cast("CoreSchema", schema)

    def check_value(self, value: object) -> object:
        if (
            not isinstance(value, (list, dict))
            or len(value) < self.min_length
            or (self.max_length is not None and len(value) > self.max_length)
        ):
            raise ValueError(_("a list of the wrong length"))
        return value


class Doc:
    """pydantic metadata: the field's description in the JSON Schema."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["description"] = self.text
        return json_schema

    def check_value(self, value: object) -> object:
        return value


def repeated(values: Iterable[str]) -> list[str]:
    """Each value that appears more than once, once, in order: for lists whose ids must be
    unique (products, prices, families)."""
    seen: set[str] = set()
    twice: list[str] = []
    for value in values:
        if value in seen and value not in twice:
            twice.append(value)
        seen.add(value)
    return twice


def exact_int(value: object) -> object:
    """A whole number that is not a bool, else ValueError (for a schema version)."""
    if isinstance(value, bool) or not isinstance(value, int):
        shown = repr(value)
        raise ValueError(
            _("must be a whole number, not {value}").format(
                value=shown if len(shown) <= 50 else shown[:46] + "…"
            )
        )
    return value


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""A product id: lowercase letters and digits in words joined by single dashes."""


def error_words(error: ErrorDetails) -> str:
    """pydantic's error as a clause in SerumDesk's words and the language in use
    (pydantic_words.py), without a final full stop (callers add theirs). A text that does
    not match its pattern is said in words, never as the pattern."""
    if error["type"] == "string_pattern_mismatch":
        shown = str(error.get("input", ""))[:60]
        if (error.get("ctx") or {}).get("pattern") == ID_PATTERN:
            return _(
                "'{shown}' is not an id: ids are lowercase letters and digits joined by "
                "single dashes (`serumdesk catalog list` shows every product's)"
            ).format(shown=shown)
        return _("'{shown}' is not written the way this field needs").format(shown=shown)
    from serumdesk.domain.strict.pydantic_words import said

    return said(error)
