"""Loading and validating the catalog file, with errors that name file, product and field.

A catalog is checked and built into the domain's dataclasses (product.py) by
light_validation.py, without pydantic. Only a file that fails those checks is validated by
pydantic, whose errors are turned into lines that name the entry and the field.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from serumdesk.domain.catalog.product import Catalog, Product
from serumdesk.domain.strict.data_files import (
    DataFileError,
    describe_errors,
    json_object,
    json_schema_of,
)

if TYPE_CHECKING:
    from pydantic import TypeAdapter

MAX_CATALOG_BYTES = 50 * 1024 * 1024


class CatalogError(DataFileError):
    """A catalog that cannot be used; the message is written for a person."""

    noun = "catalog"


@cache
def catalog_adapter() -> TypeAdapter[Catalog]:
    """pydantic's validator for the catalog types, built once, on first use."""
    from pydantic import TypeAdapter

    return TypeAdapter(Catalog)


def parse_catalog(raw: bytes | str, path: Path | str = "<catalog>") -> Catalog:
    """Validate catalog JSON text; `path` is only used to name the file in errors."""
    from serumdesk.domain.catalog.light_validation import build_checked

    data = upgrade_catalog(json_object(raw, path, CatalogError, "a 'products' list"))
    try:
        return build_checked(Catalog, data)
    except (TypeError, ValueError):
        pass  # pydantic says what is wrong
    from pydantic import ValidationError

    try:
        return catalog_adapter().validate_python(data)
    except ValidationError as exc:
        raise CatalogError(path, describe_errors(exc, data, "catalog",
                                                 {"products": ("product", "id")})) from None


def parse_product(data: dict[str, Any]) -> Product:
    """One product validated from its JSON form (raises pydantic's ValidationError)."""
    from serumdesk.domain.catalog.light_validation import build_checked

    try:
        return build_checked(Product, data)
    except (TypeError, ValueError):
        return product_adapter().validate_python(data)  # says what is wrong


@cache
def product_adapter() -> TypeAdapter[Product]:
    from pydantic import TypeAdapter

    return TypeAdapter(Product)


def upgrade_catalog(data: dict[str, Any]) -> dict[str, Any]:
    """A schema 1 catalog read as schema 2.

    Version 1 marked the guide's lower-cost alternatives with `"alternative": true` but not
    their kind; the lower-cost credit now goes only to the kinds the guide names (peptide,
    hyaluronic acid and niacinamide serums), so a version 1 mark is dropped rather than
    guessed.
    """
    version = data.get("schema_version")
    if type(version) is not int or version != 1:  # true and 1.0 are refused by the model
        return data
    products = data.get("products")
    if isinstance(products, list):
        products = [{**p, "alternative": None} if isinstance(p, dict)
                    and isinstance(p.get("alternative"), bool) else p for p in products]
    return {**data, "schema_version": 2, "products": products}


def catalog_json_schema() -> dict[str, Any]:
    """The JSON Schema shipped beside the bundled catalog."""
    return json_schema_of(catalog_adapter(), "SerumDesk catalog")
