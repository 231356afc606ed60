"""Typed catalog entries: products, their figures and where each figure came from."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Literal, NamedTuple

from pydantic import BeforeValidator, Field, StrictBool, StringConstraints, model_validator

from serumdesk.domain.choices import (
    Active,
    AlternativeKind,
    BuyerNoteKind,
    EvidenceKind,
    InferredFact,
    IrritantKind,
    Packaging,
    SourceCategory,
    UseCase,
)
from serumdesk.domain.numbers import (
    DOSE_ML,
    PRICE_USD,
    SIZE_ML,
    STUDY_PEOPLE,
    STUDY_WEEKS,
    USES_A_DAY,
)
from serumdesk.domain.strict_model import Bounded, StrictModel, exact_int

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ProductId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]


class Provenance(StrictModel):
    """Where a figure comes from: a dated source, or an estimate with its reasoning."""

    kind: Literal["sourced", "estimate"]
    source: Text = Field(description="Where it was seen, or for an estimate the reasoning.")
    seen: dt.date | None = Field(
        default=None, description="Date seen or published; null when the source is undated."
    )

    @property
    def is_estimate(self) -> bool:
        return self.kind == "estimate"

    def describe(self) -> str:
        if self.is_estimate:
            return f"Estimate: {self.source}"
        if self.seen:
            return f"{self.source} ({self.seen.isoformat()})"
        return self.source if "undated" in self.source.lower() else f"{self.source} (undated)"


class Figure(StrictModel):
    """A number with its provenance; each kind of figure bounds its value (numbers.py)."""

    value: float
    provenance: Provenance


class SizeFigure(Figure):
    """A bottle size in ml, with its provenance."""

    value: Annotated[float, Bounded(SIZE_ML, zero=False)]


class DoseFigure(Figure):
    """The amount used each time, in ml, with its provenance."""

    value: Annotated[float, Bounded(DOSE_ML, zero=False)]


class UsesFigure(Figure):
    """Uses a day (0.5 is every other day), with its provenance."""

    value: Annotated[float, Bounded(USES_A_DAY, zero=False)]


class Price(StrictModel):
    """A price for a stated size; the size can be an estimate of its own."""

    usd: Annotated[float, Bounded(PRICE_USD, zero=False)]
    provenance: Provenance
    size_ml: SizeFigure


class Irritant(StrictModel):
    kind: IrritantKind
    ingredient: Text


class Storage(StrictModel):
    refrigerate: StrictBool | None = Field(
        default=None, description="True: keep cold; false: room temperature; null: not stated."
    )
    note: str = ""


class Evidence(StrictModel):
    kind: EvidenceKind
    summary: Text
    subjects: Annotated[int, Bounded(STUDY_PEOPLE)] | None = None
    duration_weeks: Annotated[float, Bounded(STUDY_WEEKS)] | None = None
    funded_by: str | None = None
    peer_reviewed: StrictBool = False
    provenance: Provenance

    @model_validator(mode="after")
    def _peer_review_matches_kind(self) -> Evidence:
        if self.kind is EvidenceKind.PEER_REVIEWED_TRIAL and not self.peer_reviewed:
            raise ValueError("a peer-reviewed trial must have peer_reviewed set to true")
        return self

    def brief(self) -> str:
        """One line: kind, size, length and funding, for cards and the sheet."""
        return self._brief

    @cached_property
    def _brief(self) -> str:
        parts = [self.kind.label]
        if self.subjects:
            parts.append(f"{self.subjects} people")
        if self.duration_weeks:
            parts.append(f"{self.duration_weeks:g} weeks")
        if self.funded_by:
            parts.append(f"funded by {self.funded_by}")
        return ", ".join(parts)


class BuyerNote(StrictModel):
    """Something a buyer needs to know: returns, pairing conflicts, the brand's own advice."""

    kind: BuyerNoteKind
    text: Text
    active: Active | None = Field(
        default=None, description="For a pairing note: the active it concerns (vitamin-c…).")


class IngredientList(StrictModel):
    """A product's ingredient list as a public page printed it, with where and when."""

    inci: list[Text] = Field(min_length=1, max_length=200)
    complete: StrictBool = Field(description="false when the page gives only part of the list.")
    provenance: Provenance
    note: str = ""


class ProductFacts(NamedTuple):
    """A flat, read-only view of what the rules read for every product on every ranking.

    One compact tuple instead of a walk through nested models keeps a ranking of tens of
    thousands of products within the CPU caches.
    """

    id: str
    use_cases: frozenset[UseCase]
    category: SourceCategory
    human_derived: bool
    animal_derived: bool
    fetal_cell_line: bool
    alternative: AlternativeKind | None
    named_in_guide: bool
    minimal_formula: bool
    fragrance_free: bool | None
    acids: tuple[str, ...]
    has_retinoid: bool
    scented: tuple[str, ...]
    """Fragrance and essential-oil ingredients."""
    protective_packaging: tuple[str, ...]
    concentration: str | None
    evidence_kind: EvidenceKind
    evidence_brief: str
    clinician_use: bool
    searchable: tuple[tuple[str, str], ...]
    """(ingredient, casefolded) for every key ingredient, irritant and listed ingredient."""
    cost_figures: tuple[tuple[str, float, bool], ...]
    """(name, value, is_estimate) of price_usd, size_ml, dose_ml, applications_per_day."""


class Product(StrictModel):
    id: ProductId
    brand: Text
    name: Text
    description: Text = Field(description="What it is, in SerumDesk's own words.")
    source_category: SourceCategory
    source_detail: Text
    human_derived: StrictBool
    animal_derived: StrictBool = False
    fetal_cell_line: StrictBool = Field(
        default=False, description="The active comes from cells grown from fetal tissue.")
    vegan: StrictBool = Field(description="True only when the brand says so, or see `inferred`.")
    inferred: dict[InferredFact, Text] = Field(
        default_factory=dict,
        description="Facts above that are SerumDesk's inference, with the reasoning.")
    named_in_guide: StrictBool = Field(
        default=False, description="One of the products the guide itself describes.")
    entered_by_you: StrictBool = Field(
        default=False, description="A product the person added from its label, not the catalog.")
    key_ingredients: list[Text] = Field(min_length=1)
    ingredient_list: IngredientList | None = None
    irritants: list[Irritant] = Field(default_factory=list)
    fragrance_free: StrictBool | None = Field(default=None, description="null when not stated.")
    minimal_formula: StrictBool = False
    packaging: list[Packaging] = Field(default_factory=list)
    storage: Storage = Storage()
    concentration_disclosed: str | None = None
    price: Price
    dose_ml: DoseFigure
    applications_per_day: UsesFigure
    use_cases: list[UseCase] = Field(min_length=1)
    evidence: Evidence
    clinician_use: StrictBool = False
    ethics_notes: list[Text] = Field(
        default_factory=list, description="Ethics concerns a buyer may weigh (shown as cautions).")
    ethics_claims: list[Text] = Field(
        default_factory=list, description="The brand's own ethics claims (cruelty-free…).")
    alternative: AlternativeKind | None = Field(
        default=None, description="The kind of lower-cost alternative the guide names, if any.")
    buyer_notes: list[BuyerNote] = Field(default_factory=list)
    notes: list[Text] = Field(
        default_factory=list, description="Research remarks for catalog maintainers.")

    @model_validator(mode="after")
    def _consistent(self) -> Product:
        if self.vegan and (self.human_derived or self.animal_derived):
            raise ValueError("a product cannot be vegan and human- or animal-derived")
        if self.human_derived and self.source_category in (
            SourceCategory.PLANT_CELL_CULTURE,
            SourceCategory.PLANT_MADE_GF,
            SourceCategory.NON_BIOLOGIC,
        ):
            raise ValueError(f"a {self.source_category.label} cannot be human-derived")
        if any(i.kind is IrritantKind.FRAGRANCE for i in self.irritants) and self.fragrance_free:
            raise ValueError("a product listing fragrance cannot be fragrance_free")
        if self.fetal_cell_line and not self.human_derived:
            raise ValueError("a fetal cell line is human-derived: set human_derived too")
        return self

    @property
    def vegan_status(self) -> str:
        """'yes' (the brand says so), 'no' (human- or animal-derived) or 'not confirmed'
        (the brand does not say, or SerumDesk only infers it)."""
        if self.human_derived or self.animal_derived:
            return "no"
        if self.vegan and InferredFact.VEGAN not in self.inferred:
            return "yes"
        return "not confirmed"

    @property
    def full_list_checked(self) -> bool:
        """Whether allergies are checked against a complete ingredient list (else key ones)."""
        return self.ingredient_list is not None and self.ingredient_list.complete

    @property
    def title(self) -> str:
        return f"{self.brand} {self.name}"

    @cached_property
    def memo(self) -> dict[str, object]:
        """Scratch space for values other modules derive from this product alone (dropped
        by model_copy, like every cached property)."""
        return {}

    @cached_property
    def facts(self) -> ProductFacts:
        price = self.price
        by_kind: dict[IrritantKind, list[str]] = {}
        for irritant in self.irritants:
            by_kind.setdefault(irritant.kind, []).append(irritant.ingredient)
        names = [*self.key_ingredients, *(i.ingredient for i in self.irritants),
                 *(self.ingredient_list.inci if self.ingredient_list else ())]
        return ProductFacts(
            id=self.id,
            use_cases=frozenset(self.use_cases),
            category=self.source_category,
            human_derived=self.human_derived,
            animal_derived=self.animal_derived,
            fetal_cell_line=self.fetal_cell_line,
            alternative=self.alternative,
            named_in_guide=self.named_in_guide,
            minimal_formula=self.minimal_formula,
            fragrance_free=self.fragrance_free,
            acids=tuple(by_kind.get(IrritantKind.EXFOLIATING_ACID, ())),
            has_retinoid=IrritantKind.RETINOID in by_kind,
            scented=tuple(by_kind.get(IrritantKind.FRAGRANCE, ()))
            + tuple(by_kind.get(IrritantKind.ESSENTIAL_OIL, ())),
            protective_packaging=tuple(p.value.replace("-", " ") for p in self.packaging
                                       if p.protects_actives),
            concentration=self.concentration_disclosed,
            evidence_kind=self.evidence.kind,
            evidence_brief=self.evidence.brief(),
            clinician_use=self.clinician_use,
            searchable=tuple((name, name.casefold()) for name in names),
            cost_figures=(
                ("price_usd", price.usd, price.provenance.is_estimate),
                ("size_ml", price.size_ml.value, price.size_ml.provenance.is_estimate),
                ("dose_ml", self.dose_ml.value, self.dose_ml.provenance.is_estimate),
                ("applications_per_day", self.applications_per_day.value,
                 self.applications_per_day.provenance.is_estimate),
            ),
        )

    def irritant_names(self, kind: IrritantKind) -> list[str]:
        return [i.ingredient for i in self.irritants if i.kind is kind]


class Catalog(StrictModel):
    schema_version: Annotated[Literal[2], BeforeValidator(exact_int)] = 2
    catalog_version: Text
    updated: dt.date
    currency: Literal["USD"] = "USD"
    prices_from: Text | None = Field(
        default=None, description="Whose price list the prices come from, when not the catalog's.")
    products: list[Product] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Catalog:
        seen: set[str] = set()
        for product in self.products:
            if product.id in seen:
                raise ValueError(f"product id {product.id!r} appears more than once")
            seen.add(product.id)
        return self

    def by_id(self) -> dict[str, Product]:
        return {p.id: p for p in self.products}

    @cached_property
    def memo(self) -> dict[str, object]:
        """Scratch space for values other modules derive from the whole catalog."""
        return {}
