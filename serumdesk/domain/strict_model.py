"""The base of every pydantic model SerumDesk validates files with: unknown keys rejected, frozen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy without the source's cached properties, which may not hold for the copy."""
        copy = super().model_copy(update=update, deep=deep)
        fields = type(self).model_fields
        for key in [k for k in copy.__dict__ if k not in fields]:
            del copy.__dict__[key]
        return copy
