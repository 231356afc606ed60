"""Reading the vocabulary file: validation, integrity checks, and errors that name file, entry and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from serumdesk.domain.ingredients import names
from serumdesk.domain.ingredients.model import Flag, IngredientsFile
from serumdesk.domain.strict.data_files import (
    DataFileError,
    describe_errors,
    json_object,
    json_schema_of,
)
from serumdesk.domain.strict.field_rules import repeated
from serumdesk.i18n import N_

MAX_VOCABULARY_BYTES = 20 * 1024 * 1024

_HUMAN_CATEGORIES = frozenset(
    {
        "human-fibroblast-conditioned-media",
        "human-adipose-conditioned-media",
        "human-cell-lysate-growth-factors",
    }
)
_PLANT_CATEGORIES = frozenset({"plant-cell-culture", "plant-made-growth-factor"})
_ENTRY_LISTS = {
    "sources": ("source", "id"),
    "families": ("family", "id"),
    "ingredients": ("ingredient", "inci"),
    "patterns": ("pattern", "id"),
    "origin_words": ("origin words", "id"),
}


class VocabularyError(DataFileError):
    """A vocabulary file that cannot be used; the message is written for a person."""

    heading = N_("The ingredient vocabulary {path} cannot be used:")


def parse_vocabulary(raw: bytes | str, path: Path | str = "<ingredients>") -> IngredientsFile:
    """Validate vocabulary JSON and check that it holds together; `path` names the file in errors."""
    data = json_object(raw, path, VocabularyError, "an 'ingredients' list")
    try:
        parsed = IngredientsFile.model_validate(data)
    except ValidationError as exc:
        raise VocabularyError(path, describe_errors(exc, data, "vocabulary", _ENTRY_LISTS)) from None
    problems = integrity_problems(parsed)
    if problems:
        raise VocabularyError(path, problems)
    return parsed


def _cycle_members(parents: dict[str, list[str]]) -> list[str]:
    """Families that are their own ancestor."""
    looped: list[str] = []
    for start in parents:
        stack, seen = list(parents[start]), set()
        while stack:
            current = stack.pop()
            if current == start:
                looped.append(start)
                break
            if current not in seen:
                seen.add(current)
                stack.extend(parents.get(current, ()))
    return looped


def integrity_problems(f: IngredientsFile) -> list[str]:
    """What does not hold together: unknown references, repeated ids or names, family loops,
    patterns without words, and flags that contradict the source category."""
    problems: list[str] = []
    sources = {s.id for s in f.sources}
    families = {fam.id for fam in f.families}
    for kind, ids in (
        ("source", [s.id for s in f.sources]),
        ("family", [x.id for x in f.families]),
        ("pattern", [p.id for p in f.patterns]),
        ("origin words", [o.id for o in f.origin_words]),
    ):
        problems += [f"{kind} id '{i}' appears more than once" for i in repeated(ids)]

    def refs(where: str, source: str, family_lists: dict[str, list[str]]) -> None:
        if source not in sources:
            problems.append(f"{where}, field 'source': unknown source '{source}'")
        for field, ids in family_lists.items():
            problems.extend(
                f"{where}, field '{field}': unknown family '{i}'" for i in ids if i not in families
            )

    for i, fam in enumerate(f.families):
        refs(f"family '{fam.id}' (entry {i + 1})", fam.source, {"parents": fam.parents})
    problems += [
        f"family '{fid}': it is its own ancestor (check 'parents')"
        for fid in _cycle_members({fam.id: fam.parents for fam in f.families})
    ]
    for i, ing in enumerate(f.ingredients):
        where = f"ingredient '{ing.inci}' (entry {i + 1})"
        refs(where, ing.source, {"families": ing.families, "may_be": ing.may_be})
        both = sorted(set(ing.families) & set(ing.may_be))
        if both:
            problems.append(f"{where}: {', '.join(both)} is in both 'families' and 'may_be'")
        problems += _category_problems(where, ing.flags, ing.source_category)
    for i, pat in enumerate(f.patterns):
        where = f"pattern '{pat.id}' (entry {i + 1})"
        refs(where, pat.source, {"families": pat.families})
        if not any(w != "*" for w in names.words(pat.match)):
            problems.append(f"{where}, field 'match': a pattern needs at least one word besides '*'")
        problems += _category_problems(where, pat.flags, pat.source_category)
    for i, words in enumerate(f.origin_words):
        where = f"origin words '{words.id}' (entry {i + 1})"
        refs(where, words.source, {"may_be": words.may_be})
        problems += [
            f"{where}, field 'words': '{w}' has no words"
            for w in [*words.words, *words.unless]
            if not names.key(w, keep_parentheses=True)
        ]
        problems += _category_problems(where, words.flags, words.source_category)
    problems += _name_clashes(f)
    return problems


def _category_problems(where: str, flags: list[Flag], category: str | None) -> list[str]:
    if category in _HUMAN_CATEGORIES and Flag.HUMAN_DERIVED not in flags:
        return [f"{where}, field 'flags': a {category} ingredient must be flagged human-derived"]
    if category in _PLANT_CATEGORIES and Flag.HUMAN_DERIVED in flags:
        return [f"{where}, field 'flags': a {category} ingredient cannot be human-derived"]
    return []


def _name_clashes(f: IngredientsFile) -> list[str]:
    """Every name (INCI, common name, synonym) must lead to one ingredient, and every family
    name to one family, as matching sees them (case, accents, dashes and plurals ignored).
    A name read without its parenthesised part may be shared: the vocabulary then does not
    use that shorter reading for either ingredient."""
    problems: list[str] = []
    owner: dict[str, str] = {}
    for ing in f.ingredients:
        for written in dict.fromkeys([ing.inci, *ing.names]):
            k = names.key(written, keep_parentheses=True)
            if not k:
                problems.append(f"ingredient '{ing.inci}': the name '{written}' has no words")
            elif owner.setdefault(k, ing.inci) != ing.inci:
                problems.append(
                    f"ingredient '{ing.inci}': the name '{written}' also names '{owner[k]}' (read as '{k}')"
                )
    family_owner: dict[str, str] = {}
    for fam in f.families:
        for written in fam.names:
            k = names.key(written)
            if not k:
                problems.append(f"family '{fam.id}': the name '{written}' has no words")
            elif family_owner.setdefault(k, fam.id) != fam.id:
                problems.append(
                    f"family '{fam.id}': the name '{written}' also names family "
                    f"'{family_owner[k]}' (read as '{k}')"
                )
    return problems


def vocabulary_json_schema() -> dict[str, Any]:
    """The JSON Schema shipped beside the bundled vocabulary."""
    return json_schema_of(IngredientsFile, "SerumDesk ingredient vocabulary")
