"""The base of every pydantic model SerumDesk validates files with, and the strict numbers they hold."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import CoreSchema, ErrorDetails

    from serumdesk.domain.numbers import Quantity


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy without the source's cached properties, which may not hold for the copy."""
        copy = super().model_copy(update=update, deep=deep)
        fields = type(self).model_fields
        for key in [k for k in copy.__dict__ if k not in fields]:
            del copy.__dict__[key]
        return copy


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

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        from pydantic_core import core_schema

        inner = (core_schema.int_schema(strict=True) if self.quantity.whole
                 else core_schema.float_schema(strict=True, allow_inf_nan=False))
        return core_schema.no_info_after_validator_function(self._check, inner)

    def __get_pydantic_json_schema__(self, schema: CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["minimum"] = self.quantity.lowest(zero=self.zero)
        json_schema["maximum"] = self.quantity.maximum
        return json_schema


def error_words(error: ErrorDetails) -> str:
    """pydantic's message for one error, as a clause: without the "Value error, " pydantic
    puts before our own checks' words, and without a final full stop (callers add theirs)."""
    return str(error["msg"]).removeprefix("Value error, ").rstrip(".")


def exact_int(value: object) -> object:
    """For a BeforeValidator on a Literal of an int (a schema version): pydantic would take
    true or 1.0 as 1 even with strict numbers, since Literal compares by equality."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number, not {value!r}"[:80])
    return value
