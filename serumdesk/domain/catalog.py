"""Loading and validating the catalog file, with errors that name file, product and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from serumdesk.domain import strict_json
from serumdesk.domain.product import Catalog
from serumdesk.domain.strict_model import error_words
from serumdesk.storage.files import ReadError, read_regular_file

MAX_CATALOG_BYTES = 50 * 1024 * 1024


class CatalogError(Exception):
    """A catalog that cannot be used; the message is written for a person."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        shown = problems[:10]
        more = f"\n  …and {len(problems) - 10} more" if len(problems) > 10 else ""
        body = "\n".join(f"  - {p}" for p in shown)
        super().__init__(f"The catalog {self.path} cannot be used:\n{body}{more}")


def load_catalog(path: Path) -> Catalog:
    """Read and validate a catalog JSON file: a regular file of at most 50 MB, read through
    storage/files.py so a FIFO or a device is refused at once rather than waited on."""
    try:
        raw = read_regular_file(path, MAX_CATALOG_BYTES)
    except ReadError as exc:
        raise CatalogError(path, [exc.reason]) from None
    return parse_catalog(raw, path)


def parse_catalog(raw: bytes | str, path: Path | str = "<catalog>") -> Catalog:
    """Validate catalog JSON text (strict JSON: no NaN or Infinity; UTF-8, a byte order mark
    allowed); `path` is only used to name the file in errors."""
    try:
        data = strict_json.loads(raw)
    except strict_json.JsonProblem as exc:
        raise CatalogError(path, [f"the file is {exc}"]) from None
    if not isinstance(data, dict):
        raise CatalogError(path, ["the top level must be an object with a 'products' list"])
    try:
        return Catalog.model_validate(data)
    except ValidationError as exc:
        raise CatalogError(path, describe_errors(exc, data)) from None


def describe_errors(exc: ValidationError, data: dict[str, Any]) -> list[str]:
    """Turn pydantic's errors into lines naming the product (by id when it has one) and field."""
    products = data.get("products")
    lines: list[str] = []
    for error in exc.errors(include_url=False):
        loc = list(error["loc"])
        where = "catalog"
        if len(loc) >= 2 and loc[0] == "products" and isinstance(loc[1], int):
            index = loc[1]
            entry = products[index] if isinstance(products, list) and index < len(products) else None
            pid = entry.get("id") if isinstance(entry, dict) else None
            label = f"'{pid}'" if isinstance(pid, str) and pid else "(no id)"
            where = f"product {label} (entry {index + 1})"
            loc = loc[2:]
        field = ".".join(str(part) for part in loc) if loc else None
        message = error_words(error)
        if error["type"] == "extra_forbidden":
            message = "unknown field (check its spelling)"
        elif error["type"] == "missing":
            message = "required field is missing"
        lines.append(f"{where}, field '{field}': {message}" if field else f"{where}: {message}")
    return lines


def catalog_json_schema() -> dict[str, Any]:
    """The JSON Schema shipped beside the bundled catalog."""
    schema = Catalog.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "SerumDesk catalog"
    return schema
