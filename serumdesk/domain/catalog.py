"""Loading and validating the catalog file, with errors that name file, product and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from serumdesk.domain.data_files import (
    DataFileError,
    describe_errors,
    json_object,
    json_schema_of,
    read_limited,
)
from serumdesk.domain.product import Catalog

MAX_CATALOG_BYTES = 50 * 1024 * 1024


class CatalogError(DataFileError):
    """A catalog that cannot be used; the message is written for a person."""

    noun = "catalog"


def load_catalog(path: Path) -> Catalog:
    """Read and validate a catalog JSON file."""
    return parse_catalog(read_limited(path, MAX_CATALOG_BYTES, CatalogError), path)


def parse_catalog(raw: bytes | str, path: Path | str = "<catalog>") -> Catalog:
    """Validate catalog JSON text; `path` is only used to name the file in errors."""
    data = upgrade_catalog(json_object(raw, path, CatalogError, "a 'products' list"))
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(path, describe_errors(exc, data, "catalog",
                                                 {"products": ("product", "id")})) from None


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
    return json_schema_of(Catalog, "SerumDesk catalog")
