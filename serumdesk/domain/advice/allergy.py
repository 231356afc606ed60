"""Allergy matching for catalog products, on the ingredient vocabulary.

A typed allergen means families and ingredients (vocabulary.resolve_allergen); a product's
listed names are read once per vocabulary. A listed ingredient in one of those families, or
the named ingredient itself, matches definitely; an unspecified one that may be in one
(a 'marine extract' for a fish allergy, 'parfum' for linalool) matches possibly. A listed
name the vocabulary cannot read ('24 lab-made peptides') matches possibly when it contains
one of the allergy's known names as whole words. An allergen the vocabulary does not know
is reported, never matched by a piece of its text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from serumdesk.domain.ingredients import names
from serumdesk.domain.ingredients.allergens import (
    AllergenMatch,
    AllergenQuery,
    MatchStrength,
    UnknownAllergen,
    match,
)
from serumdesk.domain.ingredients.entry import Entry
from serumdesk.domain.ingredients.kinds import Flag, Role

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.vocabulary import Vocabulary


class VocabularyMissing(ValueError):
    """Allergies were given but the ingredient vocabulary did not load: a broken install,
    said plainly (as a broken catalog is), never matched some other way."""


class ProductReading(NamedTuple):
    """What a product lists, as the vocabulary reads it."""

    read: tuple[tuple[str, Entry], ...]
    """(as listed, what it is)."""
    unread: tuple[tuple[str, str], ...]
    """(as listed, its matching key) for names the vocabulary cannot read."""


class AllergyFinding(NamedTuple):
    ingredient: str
    """As the product lists it."""
    strength: MatchStrength
    allergen: str
    """As the person typed it."""
    family: str | None
    """The family label it matched through, for the words."""


def read_listed(listed: Sequence[str], vocabulary: Vocabulary) -> ProductReading:
    read: list[tuple[str, Entry]] = []
    unread: list[tuple[str, str]] = []
    for name in dict.fromkeys(listed):
        entry, key = vocabulary.read_listed(name)
        if entry is not None:
            read.append((name, entry))
        elif key:
            unread.append((name, key))
    return ProductReading(tuple(read), tuple(unread))


def resolve_allergens(typed: Sequence[str], vocabulary: Vocabulary
                      ) -> tuple[tuple[AllergenQuery, ...], tuple[str, ...]]:
    """(what each known allergen means, the typed allergens the vocabulary does not know)."""
    known: list[AllergenQuery] = []
    unknown: list[str] = []
    for text in typed:
        query = vocabulary.resolve_allergen(text)
        if isinstance(query, UnknownAllergen):
            unknown.append(text)
        else:
            known.append(query)
    return tuple(known), tuple(unknown)


def query_names(query: AllergenQuery, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The matching keys of every name the allergy covers: its families (and those inside
    them), and the named ingredient."""
    found: set[str] = set()
    for family_id in query.families:
        for member in {family_id, *vocabulary.below(family_id)}:
            family = vocabulary.family(member)
            found.update(names.key(n) for n in (*family.names, family.id.replace("-", " ")))
    found.update(query.entries)
    return tuple(sorted(k for k in found if k))


def _contains_words(text: str, words: str) -> bool:
    return f" {words} " in f" {text} "


def is_blend(entry: Entry) -> bool:
    """A mixture whose parts a label does not name: a fragrance, an essential oil, or an
    unspecified member of a family ('peptides'). Such a blend may hold a named allergen
    (parfum may hold linalool); a single substance classed near one does not."""
    return (entry.key.startswith("family:") or entry.role in (Role.FRAGRANCE, Role.ESSENTIAL_OIL)
            or bool(entry.flags & {Flag.FRAGRANCE, Flag.ESSENTIAL_OIL}))


def allergy_match(query: AllergenQuery, entry: Entry) -> AllergenMatch | None:
    """Whether one ingredient matches one allergy, for catalog products and labels alike.

    A possible match through the named ingredient's families (not a family typed) counts
    only for a blend: 'parfum' for a linalool allergy, never 'citric acid' for a glycolic one.
    """
    found = match(query, entry)
    if (found is not None and found.strength is MatchStrength.POSSIBLE and not is_blend(entry)
            and not entry.may_be_in & query.families):
        return None
    return found


def find_allergen(reading: ProductReading, query: AllergenQuery, vocabulary: Vocabulary,
                  matched: Callable[[Entry], AllergenMatch | None] | None = None,
                  covers: Callable[[str], bool] | None = None) -> AllergyFinding | None:
    """The product's best match for one allergy: a definite one if any, else a possible one.
    `matched` is allergy_match for this query and `covers` names_cover for its names, when
    the caller keeps their answers (AllergyCheck)."""
    possible: AllergyFinding | None = None
    for name, entry in reading.read:
        found = matched(entry) if matched is not None else allergy_match(query, entry)
        if found is None:
            continue
        label = vocabulary.family(found.family).label if found.family else None
        finding = AllergyFinding(name, found.strength, query.text, label)
        if found.strength is MatchStrength.DEFINITE:
            return finding
        possible = possible or finding
    if possible is not None:
        return possible
    if not reading.unread:
        return None
    if covers is None:
        covered = query_names(query, vocabulary)

        def covers(key: str) -> bool:
            return names_cover(key, covered)
    for name, key in reading.unread:
        if covers(key):
            return AllergyFinding(name, MatchStrength.POSSIBLE, query.text, query.read_as)
    return None


def names_cover(key: str, covered: Sequence[str]) -> bool:
    """Whether an unread name's key holds one of an allergy's names as whole words."""
    return any(_contains_words(key, k) for k in covered)


def finding_words(finding: AllergyFinding) -> str:
    """The exclusion reason, naming the ingredient and why it matches."""
    if finding.strength is MatchStrength.DEFINITE:
        via = f" ({finding.family[0].lower()}{finding.family[1:]})" if finding.family else ""
        return f"Lists “{finding.ingredient}”{via}, which matches your allergy “{finding.allergen}”."
    what = f" {finding.family[0].lower()}{finding.family[1:]}" if finding.family else " it"
    return (f"Lists “{finding.ingredient}”, which may be or contain{what}: your allergy "
            f"“{finding.allergen}”. Left out to be safe; ask the brand.")


class AllergyCheck:
    """A person's allergies, resolved once per recommendation and checked against products.

    What each listed ingredient means for each allergy is kept for the recommendation:
    catalogs repeat the same ingredients, and this serves benchmark row 4 (recommend, 1,000
    products, every rule).
    """

    def __init__(self, typed: Sequence[str], vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.queries, self.unknown = resolve_allergens(typed, vocabulary)
        self._covered = [query_names(q, vocabulary) for q in self.queries]
        self._unread: list[dict[str, bool]] = [{} for _ in self.queries]
        self._matches: list[dict[str, AllergenMatch | None]] = [{} for _ in self.queries]

    @property
    def families(self) -> frozenset[str]:
        """Ingredient families the allergies cover."""
        return frozenset(f for q in self.queries for f in (*q.families, *q.entry_families))

    def findings(self, listed: Sequence[str]) -> list[AllergyFinding]:
        """What a product's listed ingredients match, one finding per allergy at most."""
        if not self.queries:
            return []
        reading = read_listed(listed, self.vocabulary)
        found: list[AllergyFinding] = []
        for query, covered, memo, unread in zip(self.queries, self._covered, self._matches,
                                                self._unread, strict=True):
            def matched(entry: Entry, query: AllergenQuery = query,
                        memo: dict[str, AllergenMatch | None] = memo) -> AllergenMatch | None:
                if entry.key not in memo:
                    memo[entry.key] = allergy_match(query, entry)
                return memo[entry.key]

            def covers(key: str, covered: Sequence[str] = covered,
                       unread: dict[str, bool] = unread) -> bool:
                if key not in unread:
                    unread[key] = names_cover(key, covered)
                return unread[key]
            finding = find_allergen(reading, query, self.vocabulary, matched, covers)
            if finding is not None:
                found.append(finding)
        return found
