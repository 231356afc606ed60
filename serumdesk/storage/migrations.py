"""Upgrades of profile files from older `schema_version`s: one function per version step.

Each function takes the raw JSON object of version N and returns version N+1; `migrate`
runs them in order. They see untrusted data, so they only move values around and leave
validation to the pydantic model that reads the result. The store backs the original
file up before it writes an upgraded one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from serumdesk.i18n import _

CURRENT_SCHEMA_VERSION = 4

JsonObject = dict[str, Any]


class MigrationError(ValueError):
    """The file's version cannot be upgraded."""


class NewerVersionError(MigrationError):
    """The file comes from a newer SerumDesk: not corrupt, so it is left where it is."""


def _v0_to_v1(old: JsonObject) -> JsonObject:
    """The 0.0 preview: flat yes/no flags, allergies as one comma-separated string,
    prices keyed by product and a single 'saved' time; there was no schema_version."""
    answers_in = old.get("answers")
    a: JsonObject = answers_in if isinstance(answers_in, dict) else {}
    if a.get("vegan"):
        diet = "vegan"
    elif a.get("no_human"):
        diet = "no-human-derived"
    else:
        diet = "any"
    allergies = a.get("allergies", "")
    allergens = (
        [s.strip() for s in allergies.split(",") if s.strip()] if isinstance(allergies, str) else allergies
    )
    actives = [
        name
        for flag, name in (("retinoid", "retinoid"), ("acids", "acids"), ("vitamin_c", "vitamin-c"))
        if a.get(flag)
    ]
    answers: JsonObject = {
        "use_case": a.get("use_case", "mild-concerns"),
        "sensitivity": a.get("sensitivity", "moderate"),
        "diet": diet,
        "cautions": a.get("cautions", []),
        "allergens": allergens,
        "actives": actives,
        "budget_usd_per_month": a.get("budget"),
        "procedure": a.get("procedure"),
        "days_since_procedure": a.get("days_since_procedure"),
    }
    prices = old.get("prices")
    overrides = (
        {pid: {"price_usd": price} for pid, price in prices.items()} if isinstance(prices, dict) else {}
    )
    new: JsonObject = {
        "schema_version": 1,
        "name": old.get("name"),
        "answers": answers,
        "overrides": overrides,
        "compared_ids": old.get("comparison", []),
        "notes": old.get("notes", ""),
        "created": old.get("saved"),
        "updated": old.get("saved"),
        "revision": 0,
    }
    if "id" in old:
        new["id"] = old["id"]
    return new


def _v1_to_v2(old: JsonObject) -> JsonObject:
    """Version 2 adds the person's bottles (opened dates and patch tests): none yet."""
    return {**old, "bottles": []}


def _v2_to_v3(old: JsonObject) -> JsonObject:
    """Version 3 lets an exported profile carry the serums the person entered from their
    labels (a profile kept in the store carries none)."""
    return {**old, "my_products": []}


def _v3_to_v4(old: JsonObject) -> JsonObject:
    """Version 4 asks the laser's type (none yet) and tells pregnancy and breastfeeding apart:
    the one old answer for both becomes both, the safest reading, for the person to correct."""
    answers_in = old.get("answers")
    if not isinstance(answers_in, dict):
        return old
    answers: JsonObject = {**answers_in, "laser_type": None}
    cautions = answers.get("cautions")
    if isinstance(cautions, list) and "pregnant-or-breastfeeding" in cautions:
        kept = [c for c in cautions if c != "pregnant-or-breastfeeding"]
        answers["cautions"] = kept + [c for c in ("pregnant", "breastfeeding") if c not in kept]
    return {**old, "answers": answers}


MIGRATIONS: dict[int, Callable[[JsonObject], JsonObject]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}
"""Keyed by the version a function upgrades *from*."""


def schema_version_of(data: JsonObject) -> int:
    """The file's version; files from before versioning (no key) are version 0."""
    version = data.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise MigrationError(
            _("schema_version must be a whole number, not {version!r}").format(version=version)
        )
    return version


def migrate(data: JsonObject) -> tuple[JsonObject, int]:
    """Upgrade `data` to CURRENT_SCHEMA_VERSION; returns it with the version it started at."""
    start = version = schema_version_of(data)
    if version > CURRENT_SCHEMA_VERSION:
        raise NewerVersionError(
            _(
                "it was written by a newer SerumDesk (schema version {version}; this version "
                "reads up to {CURRENT_SCHEMA_VERSION}). Update SerumDesk to open it"
            ).format(version=version, CURRENT_SCHEMA_VERSION=CURRENT_SCHEMA_VERSION)
        )
    while version < CURRENT_SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data, start
