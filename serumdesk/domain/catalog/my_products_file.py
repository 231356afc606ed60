"""The file of a person's own serums as pydantic models: what is kept in their data folder,
validated with errors that name the entry and the field. (my_products.py holds the serum
itself and the product derived from it, without pydantic.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from serumdesk.domain.catalog.my_products import MINE_PREFIX, MyProduct, serum_name_fault
from serumdesk.domain.catalog.product import FileDay, ProductId
from serumdesk.domain.figures import whole
from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.data_files import DataFileError, describe_errors, json_object
from serumdesk.domain.strict.field_rules import EXACT_INT, Bounded, repeated
from serumdesk.domain.strict.limits import (
    BRAND_CHARS,
    LABEL_CHARS,
    LABEL_CHARS_IN_ALL,
    MY_PRODUCTS,
    PRODUCT_NAME_CHARS,
)
from serumdesk.domain.strict.numbers import DOSE_ML, PRICE_USD, SIZE_ML, USES_A_DAY
from serumdesk.domain.strict.strict_model import StrictModel
from serumdesk.i18n import N_, _


class MyProductEntry(StrictModel):
    """One serum a person entered, as kept in their data folder."""

    id: ProductId
    brand: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=BRAND_CHARS)]
    name: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=PRODUCT_NAME_CHARS)
    ]
    price_usd: Annotated[float, Bounded(PRICE_USD, zero=False)]
    size_ml: Annotated[float, Bounded(SIZE_ML, zero=False)]
    dose_ml: Annotated[float, Bounded(DOSE_ML, zero=False)] | None = None
    per_day: Annotated[float, Bounded(USES_A_DAY, zero=False)] | None = None
    seen: FileDay | None = None
    entered: FileDay
    label: str = Field(min_length=1, max_length=LABEL_CHARS)

    @field_validator("brand", "name")
    @classmethod
    def _shows(cls, value: str, info: ValidationInfo) -> str:
        fault = serum_name_fault(value)
        if fault is not None:
            raise ValueError(
                _("a serum's {field_name} {fault}").format(field_name=info.field_name, fault=fault)
            )
        return value

    @field_validator("id")
    @classmethod
    def _yours(cls, value: str) -> str:
        if not value.startswith(MINE_PREFIX):
            raise ValueError(
                _("the id of a serum you entered starts with '{MINE_PREFIX}'").format(MINE_PREFIX=MINE_PREFIX)
            )
        return value

    @classmethod
    def of(cls, mine: MyProduct) -> MyProductEntry:
        return cls(
            id=mine.id,
            brand=mine.brand,
            name=mine.name,
            price_usd=mine.price_usd,
            size_ml=mine.size_ml,
            dose_ml=mine.dose_ml,
            per_day=mine.per_day,
            seen=mine.seen,
            entered=mine.entered or dt.date.today(),
            label=mine.label,
        )

    def to_domain(self) -> MyProduct:
        return MyProduct(
            self.id,
            self.brand,
            self.name,
            self.price_usd,
            self.size_ml,
            self.label,
            self.dose_ml,
            self.per_day,
            self.seen,
            self.entered,
        )


class MyProductsFile(StrictModel):
    """The file of a person's own serums: data, never code; unknown keys refused."""

    schema_version: Annotated[Literal[1], EXACT_INT] = 1
    products: list[MyProductEntry] = Field(default_factory=list, max_length=MY_PRODUCTS)

    @model_validator(mode="after")
    def _unique_ids(self) -> MyProductsFile:
        twice = repeated(p.id for p in self.products)
        if twice:
            raise ValueError(_("product id {twice!r} appears more than once").format(twice=twice[0]))
        total = sum(len(p.label) for p in self.products)
        if total > LABEL_CHARS_IN_ALL:
            raise ValueError(
                _(
                    "the labels of your serums hold {total} characters in all, "
                    "more than the {LABEL_CHARS_IN_ALL} SerumDesk reads; remove "
                    "a serum or keep only the ingredient lists"
                ).format(total=whole(total), LABEL_CHARS_IN_ALL=whole(LABEL_CHARS_IN_ALL))
            )
        return self


class MyProductsError(DataFileError):
    """The file of a person's own serums cannot be used; the message is written for a person."""

    heading = N_("The file of your serums {path} cannot be used:")


def parse_my_products(raw: bytes | str, path: Path | str = "<your serums>") -> list[MyProduct]:
    """The serums in a file of them; errors name the file, the entry and the field."""
    data = json_object(raw, path, MyProductsError, N_("a 'products' list"))
    try:
        parsed = MyProductsFile.model_validate(data)
    except ValidationError as exc:
        raise MyProductsError(
            path, describe_errors(exc, data, N_("your serums"), {"products": (N_("serum"), "id")})
        ) from None
    return [entry.to_domain() for entry in parsed.products]


def my_products_bytes(products: list[MyProduct]) -> bytes:
    """The file of a person's own serums, as written to their data folder."""
    document = MyProductsFile(products=[MyProductEntry.of(p) for p in products])
    return (strict_json.dumps(document.model_dump(mode="json")) + "\n").encode("utf-8")
