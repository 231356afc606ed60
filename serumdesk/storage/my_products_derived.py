"""What SerumDesk derives from each of your serums' labels, kept beside the file of them.

Start-up and every command build your serums from these facts, without reading a label,
loading the ingredient vocabulary or importing pydantic (benchmark rows "7. `serumdesk
recommend --json` with 20 of your serums" and "1. first paint → ready"). Each product is
filed under a hash of everything it was derived from: the serum's entry as stored, the
language its facts are worded in, the vocabulary file's bytes, SerumDesk's version and, for a
price with no date seen, the day. When any of them changes the facts are derived again and
the file is rewritten; the file is only a cache of work, never the source of what you
entered, and a file that cannot be read or written is simply not used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from serumdesk import __version__
from serumdesk.storage.atomic import SaveError
from serumdesk.storage.files import ReadError, read_regular_file

DERIVED_FILE = "my-products-derived.json"
DERIVATION = 1
"""Raised when what is derived from a label changes in a way SerumDesk's version does not say."""
MAX_DERIVED_BYTES = 64 * 1024 * 1024


def fingerprint(path: Path, limit: int) -> str | None:
    """A hash of a file's bytes (the vocabulary's), or None when it cannot be read."""
    try:
        return hashlib.sha256(read_regular_file(path, limit)).hexdigest()
    except (ReadError, OSError):
        return None


@dataclass(frozen=True, slots=True)
class DerivedFacts:
    """The file of your serums and the derived facts beside it, read as raw JSON."""

    products_path: Path
    derived_path: Path
    products_limit: int
    write: Callable[[Path, bytes], None] | None
    """Writes the derived facts (atomically, owner-only); None when the folder is read-only."""

    def entries(self) -> list[dict[str, Any]] | None:
        """The stored entries as raw JSON objects, or None when the file is not such a list
        (the full reader then says what is wrong)."""
        try:
            data = json.loads(read_regular_file(self.products_path, self.products_limit))
        except (ReadError, OSError, ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or set(data) != {"schema_version", "products"}:
            return None
        products = data["products"]
        if (
            type(data["schema_version"]) is not int
            or data["schema_version"] != 1
            or not isinstance(products, list)
            or not all(_entry_shape(p) for p in products)
        ):
            return None
        return products

    def keys(self, entries: Sequence[dict[str, Any]], vocabulary: str, today: dt.date) -> list[str]:
        """Each entry's key: what its derived facts depend on, the language they are worded
        in included (a serum read in English stayed English after a switch to Spanish)."""
        from serumdesk.i18n import current_language

        language = current_language()

        def key(entry: dict[str, Any]) -> str:
            day = today.isoformat() if entry.get("seen") is None else ""
            text = json.dumps(entry, sort_keys=True, ensure_ascii=True)
            return hashlib.sha256(
                f"{DERIVATION}|{__version__}|{language}|{vocabulary}|{day}|{text}".encode()
            ).hexdigest()

        return [key(e) for e in entries]

    def cached(self, keys: Sequence[str]) -> list[dict[str, Any]] | None:
        """The derived product of every key, or None when any is missing."""
        try:
            data = json.loads(read_regular_file(self.derived_path, MAX_DERIVED_BYTES))
        except (ReadError, OSError, ValueError, RecursionError):
            return None
        facts = data.get("facts") if isinstance(data, dict) else None
        if not isinstance(facts, dict):
            return None
        found = [facts.get(k) for k in keys]
        return found if all(isinstance(f, dict) for f in found) else None  # type: ignore[return-value]

    def remember(self, keys: Sequence[str], products: Sequence[dict[str, Any]]) -> None:
        """Keep these products under their keys (and nothing older); failures are ignored."""
        if self.write is None or len(keys) != len(products):
            return
        document = {
            "schema_version": 1,
            "note": "Derived by SerumDesk from your serums' labels; safe to delete.",
            "facts": dict(zip(keys, products, strict=True)),
        }
        try:
            data = json.dumps(document, default=_json_value, ensure_ascii=False).encode("utf-8")
            self.write(self.derived_path, data)
        except (SaveError, OSError, ValueError, TypeError):  # a cache: never fail a command
            return


_REQUIRED = {
    "id": str,
    "brand": str,
    "name": str,
    "price_usd": (int, float),
    "size_ml": (int, float),
    "entered": str,
    "label": str,
}
_OPTIONAL = {
    "dose_ml": (int, float, type(None)),
    "per_day": (int, float, type(None)),
    "seen": (str, type(None)),
}


def _entry_shape(entry: object) -> bool:
    """The shape of a stored serum (keys and JSON types, no bool for a number): a file that
    has it is read through its derived facts; any other is read in full, which says what is
    wrong. Every value was fully checked when its facts were derived."""
    if not isinstance(entry, dict) or not set(_REQUIRED) <= set(entry) <= {*_REQUIRED, *_OPTIONAL}:
        return False
    kinds = {**_REQUIRED, **_OPTIONAL}
    return all(
        isinstance(v, kinds[k]) and not isinstance(v, bool)  # type: ignore[arg-type]
        for k, v in entry.items()
    )


def _json_value(value: object) -> object:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")
