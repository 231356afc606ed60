"""Building the catalog's dataclasses from JSON, checking every rule their types state,
without pydantic.

The field types in product.py say everything a catalog must be: nested types, lists,
optional values, enums, literals, dates, and the rules in their `Annotated` metadata
(field_rules.py: bounded numbers, trimmed text of a length and pattern, strict flags, list
lengths). This applies them by the type hints, and the types' `__post_init__` checks what
relates several fields. It is stricter than pydantic where the two could differ (a date
only as YYYY-MM-DD, a number never as text): anything it does not accept raises TypeError
or ValueError, and catalog.py then validates with pydantic, which says what is wrong, in
words that name the entry and the field. A property test checks that whatever this
accepts, pydantic accepts too, as the same objects.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from serumdesk.domain.strict.field_rules import Length
from serumdesk.i18n import _

T = TypeVar("T")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def _hints(cls: type) -> dict[str, Any]:
    """The field types of a dataclass, with their Annotated metadata."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls, include_extras=True).items() if k in names}


def build_checked(kind: type[T], value: object) -> T:
    """`value` (parsed JSON) as a `kind`, every rule of its types checked on the way."""
    return typing.cast(T, _build(kind, value))


def _build(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin is typing.Annotated:
        base, *rules = typing.get_args(kind)
        for rule in rules:  # a list's length before its items: a crafted list costs nothing
            if isinstance(rule, Length):
                rule.check_value(value)
        built = _build(base, value)
        for rule in rules:
            built = rule.check_value(built)
        return built
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _build_dataclass(kind, value)
    if origin is list:
        if not isinstance(value, list):
            raise TypeError("not a list")
        (item_kind,) = typing.get_args(kind)
        return [_build(item_kind, item) for item in value]
    if origin is dict:
        if not isinstance(value, dict):
            raise TypeError("not an object")
        key_kind, item_kind = typing.get_args(kind)
        return {_build(key_kind, k): _build(item_kind, v) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        if value is None:
            return None
        if len(options) != 1:
            raise TypeError(f"cannot choose between {options}")
        return _build(options[0], value)
    if origin is typing.Literal:
        if not any(type(value) is type(a) and value == a for a in typing.get_args(kind)):
            raise ValueError(
                _("{value} is not one of {choices}").format(
                    value=repr(value)[:50], choices=", ".join(map(repr, typing.get_args(kind)))
                )
            )
        return value
    return _build_plain(kind, value)


def _build_dataclass(kind: type, value: Any) -> Any:
    if not isinstance(value, dict):
        raise TypeError(f"{kind.__name__} needs an object")
    hints = _hints(kind)
    unknown = value.keys() - hints.keys()
    if unknown:
        raise TypeError(f"{kind.__name__} has no field {sorted(map(str, unknown))[0]!r}")
    return kind(**{key: _build(hints[key], item) for key, item in value.items()})


def _build_plain(kind: Any, value: Any) -> Any:
    if isinstance(kind, type) and issubclass(kind, Enum):
        if not isinstance(value, str):
            raise TypeError("an enum value is text")
        return kind(value)
    if kind is dt.date:
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise ValueError(_("a date is written YYYY-MM-DD"))
        return dt.date.fromisoformat(value)
    if kind is float and type(value) in (int, float):
        if type(value) is int and value.bit_length() > 64:
            raise ValueError(_("a whole number too large for any figure"))  # float() would overflow
        return float(value)  # a Bounded rule then checks it is finite and within bounds
    if kind in (int, str, bool) and type(value) is kind:
        return value
    raise TypeError(f"{value!r} is not a {kind}")
