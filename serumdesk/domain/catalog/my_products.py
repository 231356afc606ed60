"""A serum a person adds from its label: the catalog product SerumDesk derives from it.

What the person typed (brand, name, price, size, label) is kept; the product is derived from
it each time, with the vocabulary's reading of the label. Every fact drawn from the label is
marked as an inference "from your label", like an estimate; the dose and uses a day follow
the catalog's estimate model when not given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from serumdesk.domain.catalog.product import Product, ProductId
from serumdesk.domain.choices import InferredFact, IrritantKind, SourceCategory, UseCase, Vegan
from serumdesk.domain.ingredients.kinds import Flag, Role
from serumdesk.domain.label.reading import LabelReading, ReadIngredient
from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.data_files import DataFileError, describe_errors, json_object
from serumdesk.domain.strict.field_rules import EXACT_INT, Bounded, repeated
from serumdesk.domain.strict.limits import BRAND_CHARS, LABEL_CHARS, MY_PRODUCTS, PRODUCT_NAME_CHARS
from serumdesk.domain.strict.numbers import DOSE_ML, PRICE_USD, SIZE_ML, USES_A_DAY
from serumdesk.domain.strict.plain_text import plain, plain_line
from serumdesk.domain.strict.strict_model import StrictModel

MINE_PREFIX = "mine-"
"""Every id of a product a person entered starts so: it never clashes with the catalog's."""
DEFAULT_DOSE_ML = 0.25
DEFAULT_PER_DAY = 2.0
DOSE_REASON = (
    "Not given: SerumDesk's usual model. Packaging vendors put an airless-pump stroke at about "
    "0.15-0.25 ml and a full face at about 0.5 ml by dropper; SerumDesk models 0.2-0.35 ml per "
    "application, so 0.25 ml is used.")
PER_DAY_REASON = "Not given: most serums' directions say morning and evening, so twice a day."
_KEY_ROLES = frozenset({Role.BIOLOGIC, Role.GROWTH_FACTOR, Role.PEPTIDE, Role.ACTIVE,
                        Role.BRIGHTENING, Role.EXFOLIANT, Role.ANTIOXIDANT, Role.SOOTHING})
MAX_KEY_INGREDIENTS = 8


@dataclass(frozen=True, slots=True)
class MyProduct:
    """What a person typed about a serum they have or consider."""

    id: str
    brand: str
    name: str
    price_usd: float
    size_ml: float
    label: str
    dose_ml: float | None = None
    per_day: float | None = None
    seen: dt.date | None = None
    """When the price was seen; None means the day it was entered."""
    entered: dt.date | None = None

    def __post_init__(self) -> None:
        # Typed or pasted text reaches terminals and files: escapes and controls never stay in.
        object.__setattr__(self, "brand", plain_line(self.brand).strip())
        object.__setattr__(self, "name", plain_line(self.name).strip())
        object.__setattr__(self, "label", plain(self.label).strip())


def product_id_for(brand: str, name: str, taken: set[str]) -> str:
    """'mine-' and a slug of brand and name, numbered when taken."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{brand} {name}".casefold()).strip("-")[:60].strip("-")
    base = f"{MINE_PREFIX}{slug or 'serum'}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def _names(items: tuple[ReadIngredient, ...]) -> str:
    return ", ".join(i.written for i in items)


def suited_use_cases(reading: LabelReading) -> list[UseCase]:
    """What the label suggests it suits, by the guide's mapping of sources and companions to
    goals: conditioned media for recovery and a compromised barrier; growth factors and
    peptides for texture and firmness; hyaluronic acid for hydration; brightening actives
    for brightening; never recovery or a sensitive barrier with an exfoliant or a retinoid."""
    entries = [i.entry for i in reading.ingredients if i.entry is not None and not i.possible]
    families = {f for e in entries for f in e.in_families}
    roles = {e.role for e in entries}
    harsh = bool(reading.flagged(Flag.EXFOLIATING_ACID, Flag.RETINOID, definite=True))
    suits: list[UseCase] = []
    category = reading.source_category
    if category in (SourceCategory.HUMAN_FIBROBLAST_CM, SourceCategory.HUMAN_ADIPOSE_CM,
                    SourceCategory.EXOSOME_CM) and not harsh:
        suits += [UseCase.POST_PROCEDURE, UseCase.SENSITIVE_BARRIER]
    if roles & {Role.GROWTH_FACTOR, Role.PEPTIDE, Role.BIOLOGIC} or "peptides" in families:
        suits.append(UseCase.TEXTURE_FIRMNESS)
    if "hyaluronic-acid" in families or Role.HUMECTANT in roles:
        suits.append(UseCase.HYDRATION)
    if Role.BRIGHTENING in roles or families & {"niacinamide", "vitamin-c"}:
        suits.append(UseCase.BRIGHTENING)
    suits.append(UseCase.MILD_CONCERNS)
    return list(dict.fromkeys(suits))


def _key_ingredients(reading: LabelReading) -> list[str]:
    chosen = [i.written for i in reading.source_reason if i.known]
    chosen += [i.written for i in reading.ingredients
               if i.entry is not None and i.entry.role in _KEY_ROLES and not i.possible]
    chosen += [i.written for i in reading.ingredients]  # a label of only plain ingredients
    return list(dict.fromkeys(chosen))[:MAX_KEY_INGREDIENTS]


def _source(reading: LabelReading) -> tuple[SourceCategory, str]:
    if reading.source_category is None:
        open_by = _names(reading.source_reason) or "unknown ingredients"
        return SourceCategory.UNDETERMINED, (
            f"From your label: {open_by} leave the source open, so SerumDesk treats it as a "
            "biologic to be safe.")
    if reading.source_category is SourceCategory.NON_BIOLOGIC:
        return reading.source_category, "From your label: no biologic ingredient was found."
    return reading.source_category, f"From your label: read from {_names(reading.source_reason)}."


def product_from_label(mine: MyProduct, reading: LabelReading, today: dt.date) -> Product:
    """The catalog product a person's entry stands for; facts from the label are inferences."""
    category, detail = _source(reading)
    entered = (mine.entered or today).isoformat()
    label_source = {"kind": "sourced", "source": "the label you entered",
                    "seen": mine.entered or today}
    yours = {"kind": "sourced", "source": "your entry", "seen": mine.seen or today}
    human = reading.human_derived
    vegan_words = {Vegan.YES: "every ingredient is known and none is of human or animal origin",
                   Vegan.NO: f"it lists {_names(reading.vegan_reason)}",
                   Vegan.NOT_CONFIRMED: "some ingredients may be of animal origin or are unknown"
                   + (f" ({_names(reading.vegan_reason)})" if reading.vegan_reason else "")}
    inferred = {
        InferredFact.SOURCE: ("SerumDesk read it from the ingredient names on your label; the "
                              "brand has not confirmed it."),
        InferredFact.USE_CASES: "From your label: SerumDesk's reading of its ingredients.",
        InferredFact.VEGAN: f"From your label: {vegan_words[reading.vegan]}.",
    }
    if human:
        derived = _names(reading.flagged(Flag.HUMAN_DERIVED, definite=True))
        inferred[InferredFact.HUMAN_DERIVED] = f"Your label lists {derived}."
    irritants = [{"kind": kind.value, "ingredient": name}
                 for kind in (IrritantKind.EXFOLIATING_ACID, IrritantKind.RETINOID,
                              IrritantKind.FRAGRANCE, IrritantKind.ESSENTIAL_OIL)
                 for name in reading.irritant_names(kind)]
    fragrance_free = reading.fragrance_free
    if any(i["kind"] == "fragrance" for i in irritants):
        fragrance_free = False
    data = {
        "id": mine.id,
        "brand": mine.brand,
        "name": mine.name,
        "description": f"Your entry, read from the ingredient label you gave on {entered}.",
        "source_category": category.value,
        "source_detail": detail,
        "human_derived": human,
        "animal_derived": reading.animal_derived,
        "fetal_cell_line": human and bool(reading.fetal_cell_line),
        "vegan": reading.vegan is Vegan.YES and not human,
        "inferred": {k.value: v for k, v in inferred.items()},
        "entered_by_you": True,
        "key_ingredients": _key_ingredients(reading) or ["(none read)"],
        "ingredient_list": {"inci": [i.written for i in reading.ingredients][:200],
                            "complete": reading.complete,
                            "provenance": label_source,
                            "note": "" if reading.complete else "Some ingredients were not known "
                            "to SerumDesk, or the label was not read to the end."},
        "irritants": irritants,
        "fragrance_free": fragrance_free,
        "price": {"usd": mine.price_usd, "provenance": yours,
                  "size_ml": {"value": mine.size_ml, "provenance": yours}},
        "dose_ml": ({"value": mine.dose_ml, "provenance": yours} if mine.dose_ml is not None else
                    {"value": DEFAULT_DOSE_ML, "provenance": {"kind": "estimate",
                                                              "source": DOSE_REASON}}),
        "applications_per_day": (
            {"value": mine.per_day, "provenance": yours} if mine.per_day is not None else
            {"value": DEFAULT_PER_DAY, "provenance": {"kind": "estimate", "source": PER_DAY_REASON}}),
        "use_cases": [u.value for u in suited_use_cases(reading)],
        "evidence": {"kind": "none", "summary": "SerumDesk knows of no study of a product you "
                     "entered.", "provenance": label_source},
        "notes": [f"Entered by you on {entered}."],
    }
    from serumdesk.domain.catalog.catalog_file import parse_product

    return parse_product(data)


class MyProductEntry(StrictModel):
    """One serum a person entered, as kept in their data folder."""

    id: ProductId
    brand: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                  max_length=BRAND_CHARS)]
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                 max_length=PRODUCT_NAME_CHARS)]
    price_usd: Annotated[float, Bounded(PRICE_USD, zero=False)]
    size_ml: Annotated[float, Bounded(SIZE_ML, zero=False)]
    dose_ml: Annotated[float, Bounded(DOSE_ML, zero=False)] | None = None
    per_day: Annotated[float, Bounded(USES_A_DAY, zero=False)] | None = None
    seen: dt.date | None = None
    entered: dt.date
    label: str = Field(min_length=1, max_length=LABEL_CHARS)

    @field_validator("id")
    @classmethod
    def _yours(cls, value: str) -> str:
        if not value.startswith(MINE_PREFIX):
            raise ValueError(f"the id of a serum you entered starts with '{MINE_PREFIX}'")
        return value

    @classmethod
    def of(cls, mine: MyProduct) -> MyProductEntry:
        return cls(id=mine.id, brand=mine.brand, name=mine.name, price_usd=mine.price_usd,
                   size_ml=mine.size_ml, dose_ml=mine.dose_ml, per_day=mine.per_day,
                   seen=mine.seen, entered=mine.entered or dt.date.today(), label=mine.label)

    def to_domain(self) -> MyProduct:
        return MyProduct(self.id, self.brand, self.name, self.price_usd, self.size_ml,
                         self.label, self.dose_ml, self.per_day, self.seen, self.entered)


class MyProductsFile(StrictModel):
    """The file of a person's own serums: data, never code; unknown keys refused."""

    schema_version: Annotated[Literal[1], EXACT_INT] = 1
    products: list[MyProductEntry] = Field(default_factory=list, max_length=MY_PRODUCTS)

    @model_validator(mode="after")
    def _unique_ids(self) -> MyProductsFile:
        twice = repeated(p.id for p in self.products)
        if twice:
            raise ValueError(f"product id {twice[0]!r} appears more than once")
        return self


class MyProductsError(DataFileError):
    """The file of a person's own serums cannot be used; the message is written for a person."""

    noun = "file of your serums"


MAX_MY_PRODUCTS_BYTES = 8 * 1024 * 1024
"""200 entries of the longest label allowed fit well within it."""


def parse_my_products(raw: bytes | str, path: Path | str = "<your serums>") -> list[MyProduct]:
    """The serums in a file of them; errors name the file, the entry and the field."""
    data = json_object(raw, path, MyProductsError, "a 'products' list")
    try:
        parsed = MyProductsFile.model_validate(data)
    except ValidationError as exc:
        raise MyProductsError(path, describe_errors(exc, data, "your serums",
                                                    {"products": ("serum", "id")})) from None
    return [entry.to_domain() for entry in parsed.products]


def my_products_bytes(products: list[MyProduct]) -> bytes:
    """The file of a person's own serums, as written to their data folder."""
    document = MyProductsFile(products=[MyProductEntry.of(p) for p in products])
    return (strict_json.dumps(document.model_dump(mode="json")) + "\n").encode("utf-8")
