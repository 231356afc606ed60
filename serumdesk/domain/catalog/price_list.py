"""A clinic's own price list: prices (and sizes) by product id, laid over the catalog.

Validated like a catalog, with errors that name the file, the entry and the field; an id the
catalog does not know is an error, never ignored. Each price then says which list it comes
from and when it was seen.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, ValidationError, model_validator

from serumdesk.domain.catalog.product import (
    Catalog,
    FileDay,
    Price,
    Product,
    ProductId,
    Provenance,
    SizeFigure,
    Text,
)
from serumdesk.domain.strict.data_files import DataFileError, describe_errors, json_object
from serumdesk.domain.strict.field_rules import EXACT_INT, Bounded, repeated
from serumdesk.domain.strict.numbers import PRICE_USD, SIZE_ML
from serumdesk.domain.strict.strict_model import StrictModel
from serumdesk.i18n import N_, _, ngettext


class ListedPrice(StrictModel):
    id: ProductId
    usd: Annotated[float, Bounded(PRICE_USD, zero=False)]
    size_ml: Annotated[float, Bounded(SIZE_ML, zero=False)] | None = Field(
        default=None, description="null keeps the catalog's size."
    )
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
            raise ValueError(_("product id {twice!r} is priced more than once").format(twice=twice[0]))
        return self

    def describe(self) -> str:
        """'Dermatology Clinic price list of 2026-11-01'."""
        return f"{self.name} ({self.date.isoformat()})"


@dataclass(frozen=True, kw_only=True)
class ListedProvenance(Provenance):
    """Where a price from a price list comes from: the list's name says whose price it is.

    Made only by `apply_price_list`, never read from a file, so a card or sheet can tell a
    clinic's price from the catalog's by its type rather than by its words.
    """

    list_name: str

    def describe(self) -> str:
        """'Riverside Dermatology price list (2026-11-01)', in the language in use (`source`
        keeps the English form)."""
        if self.seen is None:
            return _("{name} price list").format(name=self.list_name)
        return _("{name} price list ({date})").format(name=self.list_name, date=self.seen.isoformat())


def clinic_price_words(product: Product) -> str | None:
    """'Clinic price (Riverside Dermatology, 2026-11-01)' for a price from a clinic's price
    list; None for the catalog's own price. Every surface's cost line says it with these."""
    provenance = product.price.provenance
    if not isinstance(provenance, ListedProvenance):
        return None
    if provenance.seen is None:
        return _("Clinic price ({name})").format(name=provenance.list_name)
    return _("Clinic price ({name}, {date})").format(
        name=provenance.list_name, date=provenance.seen.isoformat()
    )


def clinic_price_sentence(product: Product, price_overridden: bool) -> str:
    """'Clinic price (Riverside Dermatology, 2026-11-01). ' at the start of a cost line (the
    card's, the sheet's), or '' when the price is the catalog's or the person's own figure."""
    words = None if price_overridden else clinic_price_words(product)
    return f"{words}. " if words else ""


class UnknownProducts(ValueError):
    """A price list names products the catalog does not have."""

    def __init__(self, unknown: list[str], known: list[str]) -> None:
        self.unknown = unknown
        super().__init__(
            ngettext(
                "the price list names {count} product id the catalog does not have: {unknown}. "
                "Known ids: {known}.",
                "the price list names {count} product ids the catalog does not have: {unknown}. "
                "Known ids: {known}.",
                len(unknown),
            ).format(count=len(unknown), unknown=", ".join(unknown), known=", ".join(known))
        )


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
        provenance = ListedProvenance(
            kind="sourced",
            source=f"{prices.name} price list",
            seen=entry.seen or prices.date,
            list_name=prices.name,
        )
        size = (
            product.price.size_ml
            if entry.size_ml is None
            else SizeFigure(value=entry.size_ml, provenance=provenance)
        )
        products.append(replace(product, price=Price(usd=entry.usd, provenance=provenance, size_ml=size)))
    return replace(catalog, products=products, prices_from=prices.describe())


class PriceListError(DataFileError):
    """A price list that cannot be used; the message is written for a person."""

    heading = N_("The price list {path} cannot be used:")


MAX_PRICE_LIST_BYTES = 10 * 1024 * 1024


def price_list_bytes(prices: PriceList) -> bytes:
    """The price list as the file `parse_price_list` reads back."""
    from serumdesk.domain.strict import strict_json

    return (strict_json.dumps(prices.model_dump(mode="json")) + "\n").encode("utf-8")


def is_price_list(data: object) -> bool:
    """Whether parsed JSON says it is a price list ("kind": "price-list") rather than a catalog."""
    return isinstance(data, dict) and data.get("kind") == "price-list"


def parse_price_list(raw: bytes | str, path: Path | str = "<price list>") -> PriceList:
    """Validate price list JSON; errors name the file, the entry and the field."""
    data = json_object(raw, path, PriceListError, N_("'kind': 'price-list' and a 'prices' list"))
    try:
        return PriceList.model_validate(data)
    except ValidationError as exc:
        raise PriceListError(
            path, describe_errors(exc, data, N_("price list"), {"prices": (N_("price"), "id")})
        ) from None
