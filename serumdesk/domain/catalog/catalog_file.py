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
    describe_error_list,
    field_problem,
    json_object,
    json_schema_of,
)
from serumdesk.domain.strict.numbers import MAX_LIST_ITEMS, MAX_PROBLEMS
from serumdesk.i18n import N_, _

if TYPE_CHECKING:
    from pydantic import TypeAdapter

MAX_CATALOG_BYTES = 50 * 1024 * 1024


class CatalogError(DataFileError):
    """A catalog that cannot be used; the message is written for a person."""

    heading = N_("The catalog {path} cannot be used:")


@cache
def catalog_adapter() -> TypeAdapter[Catalog]:
    """pydantic's validator for the catalog types, built once, on first use."""
    from pydantic import TypeAdapter

    return TypeAdapter(Catalog)


def parse_catalog(raw: bytes | str, path: Path | str = "<catalog>") -> Catalog:
    """Validate catalog JSON text; `path` is only used to name the file in errors."""
    from serumdesk.domain.catalog.light_validation import build_checked

    data = upgrade_catalog(json_object(raw, path, CatalogError, N_("a 'products' list")))
    try:
        return build_checked(Catalog, data)
    except (TypeError, ValueError, ArithmeticError):
        pass  # pydantic says what is wrong
    problems, stopped = _problems(data)
    raise CatalogError(path, problems, stopped=stopped)


def _problems(data: dict[str, Any]) -> tuple[list[str], bool]:
    """What is wrong with a catalog that failed the light checks, and whether checking
    stopped early: pydantic validates the top level and then one product at a time, and
    stops after MAX_PROBLEMS, so a file of a million bad entries costs what ten do."""
    from pydantic import ValidationError

    from serumdesk.domain.catalog.light_validation import build_checked

    lists = {"products": (N_("product"), "id")}
    top_words = N_("catalog")
    products = data.get("products")
    top = {**data, "products": []}
    lines: list[str] = []
    try:
        catalog_adapter().validate_python(top)
    except ValidationError as exc:
        lines += describe_error_list(
            [e for e in exc.errors(include_url=False) if e["loc"][:1] != ("products",)],
            data,
            top_words,
            lists,
        )
    if not isinstance(products, list):
        lines.append(field_problem(_(top_words), "products", _("must be a list of products")))
        return lines, False
    for index, product in enumerate(products):
        if len(lines) >= MAX_PROBLEMS:
            return lines, index < len(products)
        try:
            build_checked(Product, product)
            continue
        except (TypeError, ValueError, ArithmeticError):
            pass
        too_long = _longest_list(product)
        if too_long is not None:
            field, items = too_long
            lines += describe_error_list(
                [
                    {
                        "type": "too_long",
                        "loc": ("products", index, *field),
                        "input": None,
                        "ctx": {"max_length": MAX_LIST_ITEMS, "actual_length": items},
                        "msg": f"holds {items} items; a product's lists hold at most {MAX_LIST_ITEMS}",
                    }
                ],
                data,
                top_words,
                lists,
            )
            continue
        try:
            product_adapter().validate_python(product)
        except ValidationError as exc:
            errors = [
                {**e, "loc": ("products", index, *e["loc"])}
                for e in exc.errors(include_url=False)[:MAX_PROBLEMS]
            ]
            lines += describe_error_list(errors, data, top_words, lists)  # type: ignore[arg-type]
    if not lines:  # each part is valid: what relates them (a repeated id, too few products)
        try:
            catalog_adapter().validate_python(data)
        except ValidationError as exc:
            lines += describe_error_list(exc.errors(include_url=False)[:MAX_PROBLEMS], data, top_words, lists)
    return lines or [field_problem(_(top_words), None, _("not a valid catalog"))], False


def _longest_list(value: object) -> tuple[tuple[str | int, ...], int] | None:
    """The first list or object in a product's JSON longer than any field allows, and its
    length: found before pydantic, which would validate every item of it first."""
    stack: list[tuple[tuple[str | int, ...], object]] = [((), value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, (list, dict)):
            if len(item) > MAX_LIST_ITEMS:
                return where, len(item)
            pairs = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend(((*where, key), inner) for key, inner in pairs)
    return None


def parse_product(data: dict[str, Any]) -> Product:
    """One product validated from its JSON form (raises pydantic's ValidationError)."""
    from serumdesk.domain.catalog.light_validation import build_checked

    try:
        return build_checked(Product, data)
    except (TypeError, ValueError, ArithmeticError):
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
        products = [
            {**p, "alternative": None}
            if isinstance(p, dict) and isinstance(p.get("alternative"), bool)
            else p
            for p in products
        ]
    return {**data, "schema_version": 2, "products": products}


def catalog_json_schema() -> dict[str, Any]:
    """The JSON Schema shipped beside the bundled catalog."""
    return json_schema_of(catalog_adapter(), "SerumDesk catalog")
