"""The ingredient vocabulary file as typed models: sources, families, ingredients, name patterns."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints

from serumdesk.domain.choices import SourceCategory
from serumdesk.domain.strict_model import StrictModel

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


def _lowercase(value: str) -> str:
    if value != value.lower():
        raise ValueError("must be written in lower case")
    return value


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                        pattern=r"^[^A-Z]+$"),
                 AfterValidator(_lowercase)]
"""A common name or synonym, written in lower case (matching ignores case anyway; one
spelling keeps the file easy to search)."""


class SourceKind(StrEnum):
    GUIDE = "guide"
    PRODUCT_FACTS = "product-facts"
    REGULATION = "regulation"
    MEDICAL = "medical"
    REFERENCE = "reference"
    INFERENCE = "inference"
    """SerumDesk's own reading (of an INCI name, say): shown as an inference."""


class Role(StrEnum):
    """What an ingredient does in the formula."""

    HUMECTANT = "humectant"
    EMOLLIENT = "emollient"
    OCCLUSIVE = "occlusive"
    EMULSIFIER = "emulsifier"
    SURFACTANT = "surfactant"
    THICKENER = "thickener"
    FILM_FORMER = "film-former"
    SOLVENT = "solvent"
    PRESERVATIVE = "preservative"
    ANTIOXIDANT = "antioxidant"
    CHELATOR = "chelator"
    PH_ADJUSTER = "ph-adjuster"
    ACTIVE = "active"
    PEPTIDE = "peptide"
    GROWTH_FACTOR = "growth-factor"
    BIOLOGIC = "biologic"
    EXFOLIANT = "exfoliant"
    SOOTHING = "soothing"
    BRIGHTENING = "brightening"
    FRAGRANCE = "fragrance"
    ESSENTIAL_OIL = "essential-oil"
    COLORANT = "colorant"
    UV_FILTER = "uv-filter"
    SKIN_CONDITIONING = "skin-conditioning"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").replace("ph ", "pH ").replace("uv ", "UV ")


class Flag(StrEnum):
    """A fact about an ingredient that diet, ethics, fragrance and irritation answers read."""

    HUMAN_DERIVED = "human-derived"
    ANIMAL_DERIVED = "animal-derived"
    ORIGIN_VARIES = "origin-varies"
    """Made from plants, animals or by synthesis depending on the supplier (glycerin, squalane)."""
    FRAGRANCE = "fragrance"
    FRAGRANCE_ALLERGEN = "fragrance-allergen"
    ESSENTIAL_OIL = "essential-oil"
    EXFOLIATING_ACID = "exfoliating-acid"
    RETINOID = "retinoid"
    VITAMIN_C = "vitamin-c"
    COMMON_IRRITANT = "common-irritant"
    FETAL_CELL_LINE = "fetal-cell-line"


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
        description="Families an unspecified ingredient may belong to (a marine extract may "
        "come from fish): a possible, never a definite, allergy match.")
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


class IngredientsFile(StrictModel):
    schema_version: Literal[1] = 1
    version: Text
    updated: dt.date
    sources: list[SourceRef] = Field(min_length=1)
    families: list[Family] = Field(default_factory=list)
    ingredients: list[Ingredient] = Field(min_length=1)
    patterns: list[Pattern] = Field(default_factory=list)
