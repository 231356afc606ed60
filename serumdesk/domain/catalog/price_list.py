"""A clinic's own price list: prices (and sizes) by product id, laid over the catalog.

Validated like a catalog, with errors that name the file, the entry and the field; an id the
catalog does not know is an error, never ignored. Each price then says which list it comes
from and when it was seen.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator

from serumdesk.domain.catalog.product import (
    Catalog,
    FileDay,
    Price,
    ProductId,
    Provenance,
    SizeFigure,
    Text,
)
from serumdesk.domain.strict.data_files import DataFileError, describe_errors, json_object
from serumdesk.domain.strict.field_rules import EXACT_INT, Bounded, repeated
from serumdesk.domain.strict.numbers import PRICE_USD, SIZE_ML
from serumdesk.domain.strict.strict_model import StrictModel


class ListedPrice(StrictModel):
    id: ProductId
    usd: Annotated[float, Bounded(PRICE_USD, zero=False)]
    size_ml: Annotated[float, Bounded(SIZE_ML, zero=False)] | None = Field(
        default=None, description="null keeps the catalog's size.")
    seen: FileDay | None = Field(default=None, description="null: the list's own date.")


class PriceList(StrictModel):
    schema_version: Annotated[Literal[1], EXACT_INT] = 1
    kind: Literal["price-list"]
    name: Text = Field(description="Who the prices come from, as the sheet names it.")
    date: FileDay
    prices: list[ListedPrice] = Field(min_length=1, max_length=10_000)

    @model_validator(mode="after")
    def _one_price_per_product(self) -> PriceList:
        twice = repeated(entry.id for entry in self.prices)
        if twice:
            raise ValueError(f"product id {twice[0]!r} is priced more than once")
        return self

    def describe(self) -> str:
        """'Dermatology Clinic price list of 2026-11-01'."""
        return f"{self.name} ({self.date.isoformat()})"


class UnknownProducts(ValueError):
    """A price list names products the catalog does not have."""

    def __init__(self, unknown: list[str], known: list[str]) -> None:
        self.unknown = unknown
        super().__init__(
            f"the price list names {len(unknown)} product id{'s' if len(unknown) != 1 else ''} "
            f"the catalog does not have: {', '.join(unknown)}. Known ids: {', '.join(known)}.")


def apply_price_list(catalog: Catalog, prices: PriceList) -> Catalog:
    """The catalog with the list's prices (and sizes); UnknownProducts for an id it lacks."""
    by_id = catalog.by_id()
    unknown = [entry.id for entry in prices.prices if entry.id not in by_id]
    if unknown:
        raise UnknownProducts(unknown, sorted(by_id))
    listed = {entry.id: entry for entry in prices.prices}
    products = []
    for product in catalog.products:
        entry = listed.get(product.id)
        if entry is None:
            products.append(product)
            continue
        provenance = Provenance(kind="sourced", source=f"{prices.name} price list",
                                seen=entry.seen or prices.date)
        size = (product.price.size_ml if entry.size_ml is None
                else SizeFigure(value=entry.size_ml, provenance=provenance))
        products.append(replace(product, price=Price(usd=entry.usd, provenance=provenance,
                                                     size_ml=size)))
    return replace(catalog, products=products, prices_from=prices.describe())


class PriceListError(DataFileError):
    """A price list that cannot be used; the message is written for a person."""

    noun = "price list"


MAX_PRICE_LIST_BYTES = 10 * 1024 * 1024


def is_price_list(data: object) -> bool:
    """Whether parsed JSON says it is a price list ("kind": "price-list") rather than a catalog."""
    return isinstance(data, dict) and data.get("kind") == "price-list"


def parse_price_list(raw: bytes | str, path: Path | str = "<price list>") -> PriceList:
    """Validate price list JSON; errors name the file, the entry and the field."""
    data = json_object(raw, path, PriceListError, "'kind': 'price-list' and a 'prices' list")
    try:
        return PriceList.model_validate(data)
    except ValidationError as exc:
        raise PriceListError(path, describe_errors(exc, data, "price list",
                                                   {"prices": ("price", "id")})) from None
