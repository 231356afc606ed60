"""SerumDesk's JSON data files (the catalog, the ingredient vocabulary) once read: strict JSON,
and validation errors as lines that name the file, the entry and the field (storage reads the bytes)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from serumdesk.domain.figures import whole
from serumdesk.domain.strict import strict_json
from serumdesk.domain.strict.field_rules import error_words
from serumdesk.domain.strict.numbers import MAX_PROBLEMS
from serumdesk.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails


class DataFileError(Exception):
    """A data file that cannot be used; the message is written for a person."""

    heading: ClassVar[str] = N_("The data file {path} cannot be used:")
    """The first line of the message, marked with N_ and said in the language in use."""

    def __init__(self, path: Path | str, problems: list[str], *, stopped: bool = False) -> None:
        """`stopped`: checking stopped early (a file with many problems), so there may be more."""
        self.path = str(path)
        self.problems = problems
        shown = problems[:MAX_PROBLEMS]
        hidden = len(problems) - MAX_PROBLEMS
        more = (
            "\n  …" + ngettext("and {count} more", "and {count} more", hidden).format(count=whole(hidden))
            if hidden > 0
            else ""
        )
        if stopped:
            more += "\n  …" + _("checking stopped here; there may be more problems")
        body = "\n".join(f"  - {p}" for p in shown)
        super().__init__(_(self.heading).format(path=self.path) + f"\n{body}{more}")


def json_object(
    raw: bytes | str, path: Path | str, error: type[DataFileError], expected: str
) -> dict[str, Any]:
    """The JSON object in `raw` (strict JSON: no NaN or Infinity; UTF-8, a byte order mark
    allowed); `expected` says what the top level should hold (marked with N_, said with _())."""
    try:
        data = strict_json.loads(raw)
    except strict_json.JsonProblem as exc:
        raise error(path, [_("the file is {problem}").format(problem=exc)]) from None
    if not isinstance(data, dict):
        raise error(path, [_("the top level must be an object with {expected}").format(expected=_(expected))])
    return data


def describe_errors(
    exc: ValidationError, data: Mapping[str, Any], top: str, lists: Mapping[str, tuple[str, str]]
) -> list[str]:
    """pydantic's errors as lines naming the entry and the field.

    `lists` maps each list of entries to (what an entry is called, the key that names it):
    {"products": ("product", "id")} gives "product 'x' (entry 3), field 'price.usd': …".
    Errors outside those lists are said of `top`. `top` and what an entry is called are
    marked with N_ and said here with _().
    """
    return describe_error_list(exc.errors(include_url=False), data, top, lists)


def describe_error_list(
    errors: Iterable[ErrorDetails], data: Mapping[str, Any], top: str, lists: Mapping[str, tuple[str, str]]
) -> list[str]:
    """`describe_errors` for pydantic's error details (their `loc` from the file's top)."""
    lines: list[str] = []
    for error in errors:
        loc = list(error["loc"])
        where = _(top)
        if len(loc) >= 2 and loc[0] in lists and isinstance(loc[1], int):
            kind, name_key = lists[str(loc[0])]
            entries, index = data.get(str(loc[0])), loc[1]
            entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
            name = entry.get(name_key) if isinstance(entry, dict) else None
            where = entry_words(_(kind), name if isinstance(name, str) else None, name_key, index)
            loc = loc[2:]
        field = ".".join(str(part) for part in loc) if loc else None
        lines.append(field_problem(where, field, error_words(error)))
    return lines


def entry_words(kind: str, name: str | None, name_key: str, index: int) -> str:
    """ "product 'x' (entry 3)", or "product (no id) (entry 3)" (`kind` already translated;
    `index` counts from 0)."""
    if name:
        return _("{kind} '{name}' (entry {number})").format(kind=kind, name=name, number=whole(index + 1))
    return _("{kind} (no {key}) (entry {number})").format(kind=kind, key=name_key, number=whole(index + 1))


def field_problem(where: str, field: str | None, message: str) -> str:
    """ "product 'x' (entry 3), field 'price.usd': …", or "catalog: …" without a field."""
    if field:
        return _("{where}, field '{field}': {message}").format(where=where, field=field, message=message)
    return _("{where}: {message}").format(where=where, message=message)


def json_schema_of(model: Any, title: str) -> dict[str, Any]:
    """The JSON Schema of a pydantic model or TypeAdapter, as shipped beside a bundled data
    file."""
    schema: dict[str, Any] = (
        model.model_json_schema() if hasattr(model, "model_json_schema") else model.json_schema()
    )
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema
