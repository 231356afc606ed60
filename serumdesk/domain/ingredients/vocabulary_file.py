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
    entry_words,
    field_problem,
    json_object,
    json_schema_of,
)
from serumdesk.domain.strict.field_rules import repeated
from serumdesk.i18n import N_, _

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
    "sources": (N_("source"), "id"),
    "families": (N_("family"), "id"),
    "ingredients": (N_("ingredient"), "inci"),
    "patterns": (N_("pattern"), "id"),
    "origin_words": (N_("origin words"), "id"),
}


class VocabularyError(DataFileError):
    """A vocabulary file that cannot be used; the message is written for a person."""

    heading = N_("The ingredient vocabulary {path} cannot be used:")


def parse_vocabulary(raw: bytes | str, path: Path | str = "<ingredients>") -> IngredientsFile:
    """Validate vocabulary JSON and check that it holds together; `path` names the file in errors."""
    data = json_object(raw, path, VocabularyError, N_("an 'ingredients' list"))
    try:
        parsed = IngredientsFile.model_validate(data)
    except ValidationError as exc:
        raise VocabularyError(path, describe_errors(exc, data, N_("vocabulary"), _ENTRY_LISTS)) from None
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
        (_ENTRY_LISTS["sources"][0], [s.id for s in f.sources]),
        (_ENTRY_LISTS["families"][0], [x.id for x in f.families]),
        (_ENTRY_LISTS["patterns"][0], [p.id for p in f.patterns]),
        (_ENTRY_LISTS["origin_words"][0], [o.id for o in f.origin_words]),
    ):
        problems += [
            _("{kind} id '{id}' appears more than once").format(kind=_(kind), id=i) for i in repeated(ids)
        ]

    def refs(where: str, source: str, family_lists: dict[str, list[str]]) -> None:
        if source not in sources:
            problems.append(field_problem(where, "source", _("unknown source '{id}'").format(id=source)))
        for field, ids in family_lists.items():
            problems.extend(
                field_problem(where, field, _("unknown family '{id}'").format(id=i))
                for i in ids
                if i not in families
            )

    def entry(lists: str, name: str, index: int) -> str:
        kind, key = _ENTRY_LISTS[lists]
        return entry_words(_(kind), name, key, index)

    for i, fam in enumerate(f.families):
        refs(entry("families", fam.id, i), fam.source, {"parents": fam.parents})
    problems += [
        _("family '{id}': it is its own ancestor (check 'parents')").format(id=fid)
        for fid in _cycle_members({fam.id: fam.parents for fam in f.families})
    ]
    for i, ing in enumerate(f.ingredients):
        where = entry("ingredients", ing.inci, i)
        refs(where, ing.source, {"families": ing.families, "may_be": ing.may_be})
        both = sorted(set(ing.families) & set(ing.may_be))
        if both:
            problems.append(
                field_problem(
                    where, None, _("{ids} is in both 'families' and 'may_be'").format(ids=", ".join(both))
                )
            )
        problems += _category_problems(where, ing.flags, ing.source_category)
    for i, pat in enumerate(f.patterns):
        where = entry("patterns", pat.id, i)
        refs(where, pat.source, {"families": pat.families})
        if not any(w != "*" for w in names.words(pat.match)):
            problems.append(field_problem(where, "match", _("a pattern needs at least one word besides '*'")))
        problems += _category_problems(where, pat.flags, pat.source_category)
    for i, words in enumerate(f.origin_words):
        where = entry("origin_words", words.id, i)
        refs(where, words.source, {"may_be": words.may_be})
        problems += [
            field_problem(where, "words", _("'{text}' has no words").format(text=w))
            for w in [*words.words, *words.unless]
            if not names.key(w, keep_parentheses=True)
        ]
        problems += _category_problems(where, words.flags, words.source_category)
    problems += _name_clashes(f)
    return problems


def _category_problems(where: str, flags: list[Flag], category: str | None) -> list[str]:
    if category in _HUMAN_CATEGORIES and Flag.HUMAN_DERIVED not in flags:
        words = _("a {category} ingredient must be flagged human-derived").format(category=category)
        return [field_problem(where, "flags", words)]
    if category in _PLANT_CATEGORIES and Flag.HUMAN_DERIVED in flags:
        words = _("a {category} ingredient cannot be human-derived").format(category=category)
        return [field_problem(where, "flags", words)]
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
                problems.append(
                    _("ingredient '{inci}': the name '{name}' has no words").format(
                        inci=ing.inci, name=written
                    )
                )
            elif owner.setdefault(k, ing.inci) != ing.inci:
                problems.append(
                    _("ingredient '{inci}': the name '{name}' also names '{other}' (read as '{key}')").format(
                        inci=ing.inci, name=written, other=owner[k], key=k
                    )
                )
    family_owner: dict[str, str] = {}
    for fam in f.families:
        for written in fam.names:
            k = names.key(written)
            if not k:
                problems.append(
                    _("family '{id}': the name '{name}' has no words").format(id=fam.id, name=written)
                )
            elif family_owner.setdefault(k, fam.id) != fam.id:
                problems.append(
                    _(
                        "family '{id}': the name '{name}' also names family '{other}' (read as '{key}')"
                    ).format(id=fam.id, name=written, other=family_owner[k], key=k)
                )
    return problems


def vocabulary_json_schema() -> dict[str, Any]:
    """The JSON Schema shipped beside the bundled vocabulary."""
    return json_schema_of(IngredientsFile, "SerumDesk ingredient vocabulary")
