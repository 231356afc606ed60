"""The base of the pydantic models SerumDesk validates files with (profiles, the ingredient
vocabulary, price lists, your serums). Their field rules come from field_rules.py, like the
catalog's dataclasses'."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    """defer_build: a model's validator is built the first time it is used, not when its
    module is imported, so a command pays only for the files it reads."""
