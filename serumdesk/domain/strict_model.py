"""The base of the pydantic models SerumDesk validates files with (profiles, the ingredient
vocabulary, price lists, your serums). The catalog's types are plain dataclasses carrying
the same rules as metadata (field_rules.py), re-exported here for the models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from serumdesk.domain.field_rules import Bounded, error_words, exact_int

__all__ = ["Bounded", "StrictModel", "error_words", "exact_int"]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    """defer_build: a model's validator is built the first time it is used, not when its
    module is imported, so a command pays only for the files it reads."""
