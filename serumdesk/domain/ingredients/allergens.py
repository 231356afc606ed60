"""Allergies against the vocabulary: what a typed allergen means, and whether an ingredient matches it.

An allergen a person types is read as families ('fish', 'tree nuts', 'hyaluronic acid') and
ingredients ('linalool'). An ingredient matches DEFINITELY when it is that ingredient or sits
in one of those families (or a family below one: an allergy to 'marine' catches 'fish'). It
matches POSSIBLY when it is unspecified and only `may_be` in one (a 'marine extract' for a
fish allergy; 'parfum' for a linalool allergy). An allergen the vocabulary does not know is
UnknownAllergen: it is never matched by a piece of its text.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from serumdesk.domain.ingredients.entry import Entry, MatchKind


class MatchStrength(StrEnum):
    DEFINITE = "definite"
    POSSIBLE = "possible"


class AllergenQuery(NamedTuple):
    """A typed allergen the vocabulary knows."""

    text: str
    """As the person typed it."""
    read_as: str
    """The family label or INCI name it was read as, for showing."""
    how: MatchKind
    families: frozenset[str]
    """Family ids named by the text; members of these and of their descendant families match."""
    entries: frozenset[str]
    """Entry keys named by the text."""
    entry_families: frozenset[str]
    """The families of those entries: an unspecified ingredient that may be in one of them
    is a possible match (parfum may hold linalool)."""


class UnknownAllergen(NamedTuple):
    """A typed allergen the vocabulary does not know; check the label by hand."""

    text: str


class AllergenMatch(NamedTuple):
    strength: MatchStrength
    query: AllergenQuery
    family: str | None
    """The family id through which it matched; None when it is the named ingredient itself."""


def match(query: AllergenQuery, entry: Entry) -> AllergenMatch | None:
    """Whether `entry` matches the allergy `query`: definite, possible, or None."""
    if entry.key in query.entries:
        return AllergenMatch(MatchStrength.DEFINITE, query, None)
    definite = entry.in_families & query.families
    if definite:
        return AllergenMatch(MatchStrength.DEFINITE, query, _most_specific(entry.families, definite))
    possible = entry.may_be_in & (query.families | query.entry_families)
    if possible:
        return AllergenMatch(MatchStrength.POSSIBLE, query, min(possible))
    return None


def _most_specific(listed: tuple[str, ...], hits: frozenset[str]) -> str:
    """The entry's own listed family when it is a hit, otherwise an ancestor that is."""
    for family in listed:
        if family in hits:
            return family
    return min(hits)
