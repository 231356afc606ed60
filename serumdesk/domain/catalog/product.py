"""Typed catalog entries: products, their figures and where each figure came from.

Plain frozen dataclasses: the rest of SerumDesk reads them without pydantic. Each field's
rules (bounds, lengths, strict flags, descriptions) are metadata from field_rules.py that
pydantic reads when catalog.py validates a file into these types (and writes the JSON
Schema from); `__post_init__` checks what relates several fields, whoever builds them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

from serumdesk.domain import figures
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
    Vegan,
)
from serumdesk.domain.strict.field_rules import (
    EXACT_INT,
    FORBID_EXTRA,
    ID_PATTERN,
    STRICT_BOOL,
    Bounded,
    DayRule,
    Doc,
    Length,
    TextRule,
    repeated,
)
from serumdesk.domain.strict.numbers import (
    DOSE_ML,
    FILE_DAY,
    MAX_LIST_ITEMS,
    PRICE_DAY,
    PRICE_USD,
    SIZE_ML,
    SOURCE_DAY,
    STUDY_PEOPLE,
    STUDY_WEEKS,
    USES_A_DAY,
)
from serumdesk.i18n import _, ngettext, shown

Text = Annotated[str, TextRule()]
FreeText = Annotated[str, TextRule(min_length=0)]
"""Text that may be empty (a note)."""
ProductId = Annotated[str, TextRule(pattern=ID_PATTERN, max_length=80, strip=False)]
StrictBool = Annotated[bool, STRICT_BOOL]
SourceDay = Annotated[dt.date, DayRule(SOURCE_DAY)]
FileDay = Annotated[dt.date, DayRule(FILE_DAY)]


@dataclass(frozen=True, kw_only=True)
class Provenance:
    """Where a figure comes from: a dated source, or an estimate with its reasoning."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    kind: Literal["sourced", "estimate"]
    source: Annotated[Text, Doc("Where it was seen, or for an estimate the reasoning.")]
    seen: Annotated[SourceDay | None, Doc("Date seen or published; null when the source is undated.")] = None

    @property
    def is_estimate(self) -> bool:
        return self.kind == "estimate"

    def describe(self) -> str:
        """Where the figure comes from, for a person: an estimate's reasoning in their language
        (it is SerumDesk's prose), a source as cited."""
        if self.is_estimate:
            return _("Estimate: {reasoning}").format(reasoning=shown(self.source))
        if self.seen:
            return f"{self.source} ({self.seen.isoformat()})"
        if "undated" in self.source.lower():
            return self.source
        return _("{source} (undated)").format(source=self.source)


@dataclass(frozen=True, kw_only=True)
class SizeFigure:
    """A bottle size in ml, with its provenance."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    value: Annotated[float, Bounded(SIZE_ML, zero=False)]
    provenance: Provenance


@dataclass(frozen=True, kw_only=True)
class DoseFigure:
    """The amount used each time, in ml, with its provenance."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    value: Annotated[float, Bounded(DOSE_ML, zero=False)]
    provenance: Provenance


@dataclass(frozen=True, kw_only=True)
class UsesFigure:
    """Uses a day (0.5 is every other day), with its provenance."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    value: Annotated[float, Bounded(USES_A_DAY, zero=False)]
    provenance: Provenance


@dataclass(frozen=True, kw_only=True)
class Price:
    """A price for a stated size; the size can be an estimate of its own."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    usd: Annotated[float, Bounded(PRICE_USD, zero=False)]
    provenance: Provenance
    size_ml: SizeFigure

    def __post_init__(self) -> None:
        for seen in (self.provenance.seen, self.size_ml.provenance.seen):
            if seen is not None:
                PRICE_DAY.check(seen)


@dataclass(frozen=True, kw_only=True)
class Irritant:
    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    kind: IrritantKind
    ingredient: Text


@dataclass(frozen=True, kw_only=True)
class Storage:
    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    refrigerate: Annotated[
        StrictBool | None, Doc("True: keep cold; false: room temperature; null: not stated.")
    ] = None
    note: FreeText = ""


@dataclass(frozen=True, kw_only=True)
class Evidence:
    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    kind: EvidenceKind
    summary: Text
    provenance: Provenance
    subjects: Annotated[int, Bounded(STUDY_PEOPLE)] | None = None
    duration_weeks: Annotated[float, Bounded(STUDY_WEEKS)] | None = None
    funded_by: FreeText | None = None
    peer_reviewed: StrictBool = False

    def __post_init__(self) -> None:
        if self.kind is EvidenceKind.PEER_REVIEWED_TRIAL and not self.peer_reviewed:
            raise ValueError(_("a peer-reviewed trial must have peer_reviewed set to true"))

    def brief(self) -> str:
        """One line: kind, size, length and funding, for cards and the sheet; made in the
        current language each time (a sheet may be in the patient's)."""
        parts = [self.kind.label]
        if self.subjects:
            parts.append(
                ngettext("{count} person", "{count} people", self.subjects).format(
                    count=figures.whole(self.subjects)
                )
            )
        if self.duration_weeks:
            weeks = self.duration_weeks
            parts.append(
                ngettext("{count} week", "{count} weeks", 1 if weeks == 1 else 2).format(
                    count=figures.figure(weeks)
                )
            )
        if self.funded_by:
            parts.append(_("funded by {who}").format(who=shown(self.funded_by)))
        return ", ".join(parts)


@dataclass(frozen=True, kw_only=True)
class BuyerNote:
    """Something a buyer needs to know: returns, pairing conflicts, the brand's own advice."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    kind: BuyerNoteKind
    text: Text
    active: Annotated[Active | None, Doc("For a pairing note: the active it concerns (vitamin-c…).")] = None


@dataclass(frozen=True, kw_only=True)
class IngredientList:
    """A product's ingredient list as a public page printed it, with where and when."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    inci: Annotated[list[Text], Length(1, MAX_LIST_ITEMS)]
    complete: Annotated[StrictBool, Doc("false when the page gives only part of the list.")]
    provenance: Provenance
    note: FreeText = ""


class ProductFacts(NamedTuple):
    """A flat, read-only view of what the rules read for every product on every ranking,
    made once per product (a cached property): the rules read plain fields, not a walk
    through nested models."""

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
    acid_names: tuple[str, ...]
    """As the catalog writes them: `acids` shows them."""
    has_retinoid: bool
    scented_names: tuple[str, ...]
    """Fragrance and essential-oil ingredients as the catalog writes them: `scented` shows them."""
    protective_packaging: tuple[Packaging, ...]
    """The packaging that protects fragile actives; worded (its label) where it is shown."""
    concentration_disclosed: str | None
    evidence_kind: EvidenceKind
    evidence: Evidence
    """Its evidence: `evidence_brief` words it in the current language when it is read."""
    clinician_use: bool
    listed: tuple[str, ...]
    """Every key ingredient, irritant and listed ingredient, as written."""
    cost_figures: tuple[tuple[str, float, bool], ...]
    """(name, value, is_estimate) of price_usd, size_ml, dose_ml, applications_per_day."""

    # The facts are kept across languages (a sheet is made in the patient's): the catalog's
    # words in them are translated when read, by these properties.

    @property
    def evidence_brief(self) -> str:
        """The evidence in one line, in the current language."""
        return self.evidence.brief()

    @property
    def acids(self) -> tuple[str, ...]:
        """The exfoliating acids, in the current language ('glycolic acid')."""
        return tuple(map(shown, self.acid_names))

    @property
    def scented(self) -> tuple[str, ...]:
        """The fragrance and essential-oil ingredients, in the current language."""
        return tuple(map(shown, self.scented_names))

    @property
    def concentration(self) -> str | None:
        """What the brand discloses of its concentration, in the current language."""
        return shown(self.concentration_disclosed) if self.concentration_disclosed else None


@dataclass(frozen=True, kw_only=True)
class Product:
    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    id: ProductId
    brand: Text
    name: Text
    description: Annotated[Text, Doc("What it is, in SerumDesk's own words.")]
    source_category: SourceCategory
    source_detail: Text
    human_derived: StrictBool
    vegan: Annotated[StrictBool, Doc("True only when the brand says so, or see `inferred`.")]
    key_ingredients: Annotated[list[Text], Length(1, MAX_LIST_ITEMS)]
    price: Price
    dose_ml: DoseFigure
    applications_per_day: UsesFigure
    use_cases: Annotated[list[UseCase], Length(1, len(UseCase))]
    evidence: Evidence
    animal_derived: StrictBool = False
    fetal_cell_line: Annotated[StrictBool, Doc("The active comes from cells grown from fetal tissue.")] = (
        False
    )
    inferred: Annotated[
        dict[InferredFact, Text],
        Length(0, len(InferredFact)),
        Doc("Facts above that are SerumDesk's inference, with the reasoning."),
    ] = field(default_factory=dict)
    named_in_guide: Annotated[StrictBool, Doc("One of the products the guide itself describes.")] = False
    entered_by_you: Annotated[
        StrictBool, Doc("A product the person added from its label, not the catalog.")
    ] = False
    ingredient_list: IngredientList | None = None
    irritants: Annotated[list[Irritant], Length(0, MAX_LIST_ITEMS)] = field(default_factory=list)
    fragrance_free: Annotated[StrictBool | None, Doc("null when not stated.")] = None
    minimal_formula: StrictBool = False
    claims_live_cells: Annotated[
        StrictBool, Doc("The label or the brand claims live stem cells: the guide's red flag.")
    ] = False
    packaging: Annotated[list[Packaging], Length(0, len(Packaging))] = field(default_factory=list)
    storage: Storage = field(default_factory=Storage)
    concentration_disclosed: FreeText | None = None
    clinician_use: StrictBool = False
    ethics_notes: Annotated[
        list[Text], Length(0, MAX_LIST_ITEMS), Doc("Ethics concerns a buyer may weigh (shown as cautions).")
    ] = field(default_factory=list)
    ethics_claims: Annotated[
        list[Text], Length(0, MAX_LIST_ITEMS), Doc("The brand's own ethics claims (cruelty-free…).")
    ] = field(default_factory=list)
    alternative: Annotated[
        AlternativeKind | None, Doc("The kind of lower-cost alternative the guide names, if any.")
    ] = None
    buyer_notes: Annotated[list[BuyerNote], Length(0, MAX_LIST_ITEMS)] = field(default_factory=list)
    notes: Annotated[
        list[Text], Length(0, MAX_LIST_ITEMS), Doc("Research remarks for catalog maintainers.")
    ] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.vegan and (self.human_derived or self.animal_derived):
            raise ValueError(_("a product cannot be vegan and human- or animal-derived"))
        if self.human_derived and self.source_category in (
            SourceCategory.PLANT_CELL_CULTURE,
            SourceCategory.PLANT_MADE_GF,
            SourceCategory.NON_BIOLOGIC,
        ):
            raise ValueError(_("a {label} cannot be human-derived").format(label=self.source_category.label))
        if any(i.kind is IrritantKind.FRAGRANCE for i in self.irritants) and self.fragrance_free:
            raise ValueError(_("a product listing fragrance cannot be fragrance_free"))
        if self.fetal_cell_line and not self.human_derived:
            raise ValueError(_("a fetal cell line is human-derived: set human_derived too"))

    @property
    def vegan_status(self) -> Vegan:
        """NO when human- or animal-derived; YES only when the brand says so (not inferred)."""
        if self.human_derived or self.animal_derived:
            return Vegan.NO
        if self.vegan and InferredFact.VEGAN not in self.inferred:
            return Vegan.YES
        return Vegan.NOT_CONFIRMED

    @property
    def full_list_checked(self) -> bool:
        """Whether allergies are checked against a complete ingredient list (else key ones)."""
        return self.ingredient_list is not None and self.ingredient_list.complete

    @property
    def title(self) -> str:
        return f"{self.brand} {self.name}"

    @cached_property
    def facts(self) -> ProductFacts:
        price = self.price
        by_kind: dict[IrritantKind, list[str]] = {}
        for irritant in self.irritants:
            by_kind.setdefault(irritant.kind, []).append(irritant.ingredient)
        names = [
            *self.key_ingredients,
            *(i.ingredient for i in self.irritants),
            *(self.ingredient_list.inci if self.ingredient_list else ()),
        ]
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
            acid_names=tuple(by_kind.get(IrritantKind.EXFOLIATING_ACID, ())),
            has_retinoid=IrritantKind.RETINOID in by_kind,
            scented_names=tuple(by_kind.get(IrritantKind.FRAGRANCE, ()))
            + tuple(by_kind.get(IrritantKind.ESSENTIAL_OIL, ())),
            protective_packaging=tuple(p for p in self.packaging if p.protects_actives),
            concentration_disclosed=self.concentration_disclosed,
            evidence_kind=self.evidence.kind,
            evidence=self.evidence,
            clinician_use=self.clinician_use,
            listed=tuple(names),
            cost_figures=(
                ("price_usd", price.usd, price.provenance.is_estimate),
                ("size_ml", price.size_ml.value, price.size_ml.provenance.is_estimate),
                ("dose_ml", self.dose_ml.value, self.dose_ml.provenance.is_estimate),
                (
                    "applications_per_day",
                    self.applications_per_day.value,
                    self.applications_per_day.provenance.is_estimate,
                ),
            ),
        )

    def irritant_names(self, kind: IrritantKind) -> list[str]:
        """The irritants of a kind as a person reads them (common names, in their language)."""
        return [shown(i.ingredient) for i in self.irritants if i.kind is kind]


@dataclass(frozen=True, kw_only=True)
class Catalog:
    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA
    catalog_version: Text
    updated: FileDay
    products: Annotated[list[Product], Length(1)]
    schema_version: Annotated[Literal[2], EXACT_INT] = 2
    currency: Literal["USD"] = "USD"
    prices_from: Annotated[
        Text | None, Doc("Whose price list the prices come from, when not the catalog's.")
    ] = None

    def __post_init__(self) -> None:
        twice = repeated(p.id for p in self.products)
        if twice:
            raise ValueError(_("product id {twice!r} appears more than once").format(twice=twice[0]))

    def by_id(self) -> dict[str, Product]:
        return {p.id: p for p in self.products}
