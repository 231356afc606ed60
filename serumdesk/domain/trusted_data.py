"""Typed domain objects built straight from JSON that is already known to be valid.

The bundled catalog is validated by the test suite and shipped with its SHA-256 digest
(catalog/catalog.json.sha256). When the file on disk still has that digest, catalog.py builds
the dataclasses here, by their type hints, instead of importing pydantic and validating
again: the app's start-up and every headless command save the cost of pydantic. Anything
unexpected raises (TypeError or ValueError), and the caller then validates the file
in full. A test checks that this gives exactly what validation gives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    """The field types of a dataclass, metadata stripped (Annotated[float, …] → float)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in typing.get_type_hints(cls).items() if k in names}


def build(kind: type[T], value: object) -> T:
    """`value` (parsed JSON) as a `kind`: a dataclass, list, dict, optional, enum, date or
    plain value, recursively."""
    return typing.cast(T, _build(kind, value))


def _build(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        if not isinstance(value, dict):
            raise TypeError(f"{kind.__name__} needs an object")
        hints = _hints(kind)
        unknown = value.keys() - hints.keys()
        if unknown:
            raise TypeError(f"{kind.__name__} has no field {sorted(unknown)[0]!r}")
        return kind(**{key: _build(hints[key], item) for key, item in value.items()})
    if origin is list:
        (item_kind,) = typing.get_args(kind)
        return [_build(item_kind, item) for item in value]
    if origin is dict:
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
        if value not in typing.get_args(kind):
            raise ValueError(f"{value!r} is not one of {typing.get_args(kind)}")
        return value
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is float and type(value) in (int, float):
        return float(value)
    if kind in (int, str, bool) and type(value) is kind:
        return value
    raise TypeError(f"{value!r} is not a {kind}")
