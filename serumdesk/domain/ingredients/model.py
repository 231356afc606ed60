"""The ingredient vocabulary file as typed models: sources, families, ingredients, name patterns.

Its enums (Role, Flag, SourceKind) live in kinds.py, without pydantic, so what only reads
them (allergy matching, a product's label reading) does not build these models."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from serumdesk.domain.choices import SourceCategory
from serumdesk.domain.ingredients.kinds import Flag, Role, SourceKind
from serumdesk.domain.strict.strict_model import StrictModel
from serumdesk.i18n import _

__all__ = [
    "Family",
    "Flag",
    "Ingredient",
    "IngredientsFile",
    "OriginWords",
    "Pattern",
    "Role",
    "SourceKind",
    "SourceRef",
]

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


def _lowercase(value: str) -> str:
    if value != value.lower():
        raise ValueError(_("must be written in lower case"))
    return value


Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^A-Z]+$"),
    AfterValidator(_lowercase),
]
"""A common name or synonym, written in lower case (matching ignores case anyway; one
spelling keeps the file easy to search)."""


class SourceRef(StrictModel):
    """Where the facts of an entry come from."""

    id: Id
    kind: SourceKind
    title: Text
    url: str | None = Field(default=None, max_length=2000)
    seen: dt.date | None = None
    detail: Text | None = None


class Family(StrictModel):
    """A group a person may be allergic to or avoid as a whole ('tree nuts', 'marine')."""

    id: Id
    label: Text
    names: list[Name] = Field(default_factory=list)
    parents: list[Id] = Field(default_factory=list)
    source: Id


class Ingredient(StrictModel):
    """One ingredient by its INCI name, with the names people and labels use for it."""

    inci: Text
    names: list[Name] = Field(default_factory=list)
    families: list[Id] = Field(default_factory=list)
    may_be: list[Id] = Field(
        default_factory=list,
        description="Families an unspecified ingredient may belong to (a marine extract "
        "may come from fish): a possible, never a definite, allergy match.",
    )
    role: Role
    explanation: Text
    flags: list[Flag] = Field(default_factory=list)
    source_category: SourceCategory | None = None
    source: Id


class Pattern(StrictModel):
    """An INCI name shape ('* conditioned media', 'sh-oligopeptide-*'): `*` stands for one or
    more words or a number. The first pattern that matches a name wins."""

    id: Id
    match: Name
    role: Role
    explanation: Text
    flags: list[Flag] = Field(default_factory=list)
    families: list[Id] = Field(default_factory=list)
    source_category: SourceCategory | None = None
    source: Id


class OriginWords(StrictModel):
    """Words that say where an ingredient comes from, wherever they stand in a name ('bovine',
    'umbilical cord', 'colostrum'): how a chemist reads a name the list does not hold, and
    what it adds to one it does. Read as an inference, with `reason` as the reason."""

    id: Id
    words: list[Name] = Field(min_length=1)
    """Phrases matched as whole words of the name (plural or singular)."""
    unless: list[Name] = Field(default_factory=list)
    """Phrases that, anywhere in the name, mean these words do not tell the origin ('coconut'
    for 'milk', 'recombinant' for 'human')."""
    flags: list[Flag] = Field(default_factory=list)
    may_be: list[Id] = Field(default_factory=list)
    """Families it may belong to, for allergies: a possible, never definite, match."""
    biologic: bool = False
    """Signalling proteins of living tissue: a biologic, whatever else the name says."""
    source_category: SourceCategory | None = None
    reason: Text
    source: Id


class IngredientsFile(StrictModel):
    schema_version: Literal[1] = 1
    version: Text
    updated: dt.date
    sources: list[SourceRef] = Field(min_length=1)
    families: list[Family] = Field(default_factory=list)
    ingredients: list[Ingredient] = Field(min_length=1)
    patterns: list[Pattern] = Field(default_factory=list)
    origin_words: list[OriginWords] = Field(default_factory=list)
