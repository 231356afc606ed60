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

from collections.abc import Iterable, Sequence
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
from serumdesk.i18n import _

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


def resolve_allergens(
    typed: Sequence[str], vocabulary: Vocabulary
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
    return (
        entry.key.startswith("family:")
        or entry.role in (Role.FRAGRANCE, Role.ESSENTIAL_OIL)
        or bool(entry.flags & {Flag.FRAGRANCE, Flag.ESSENTIAL_OIL})
    )


def allergy_match(query: AllergenQuery, entry: Entry) -> AllergenMatch | None:
    """Whether one ingredient matches one allergy, for catalog products and labels alike.

    A possible match through the named ingredient's families (not a family typed) counts
    only for a blend: 'parfum' for a linalool allergy, never 'citric acid' for a glycolic one.
    """
    found = match(query, entry)
    if (
        found is not None
        and found.strength is MatchStrength.POSSIBLE
        and not is_blend(entry)
        and not entry.may_be_in & query.families
    ):
        return None
    return found


def find_allergen(
    reading: ProductReading, query: AllergenQuery, vocabulary: Vocabulary
) -> AllergyFinding | None:
    """The product's best match for one allergy: a definite one if any, else a possible one."""
    return AllergyCheck((query,), (), vocabulary).find(reading)[0]


def names_cover(key: str, covered: Sequence[str]) -> bool:
    """Whether an unread name's key holds one of an allergy's names as whole words."""
    return any(_contains_words(key, k) for k in covered)


def finding_words(finding: AllergyFinding) -> str:
    """The exclusion reason, naming the ingredient and why it matches."""
    family = f"{finding.family[0].lower()}{finding.family[1:]}" if finding.family else None
    if finding.strength is MatchStrength.DEFINITE:
        if family:
            return _("Lists “{ingredient}” ({family}), which matches your allergy “{allergen}”.").format(
                ingredient=finding.ingredient, family=family, allergen=finding.allergen
            )
        return _("Lists “{ingredient}”, which matches your allergy “{allergen}”.").format(
            ingredient=finding.ingredient, allergen=finding.allergen
        )
    if family:
        return _(
            "Lists “{ingredient}”, which may be or contain {family}: your allergy "
            "“{allergen}”. Left out to be safe; ask the brand."
        ).format(ingredient=finding.ingredient, family=family, allergen=finding.allergen)
    return _(
        "Lists “{ingredient}”, which may be or contain it: your allergy "
        "“{allergen}”. Left out to be safe; ask the brand."
    ).format(ingredient=finding.ingredient, allergen=finding.allergen)


class AllergyCheck:
    """A person's allergies, resolved once per recommendation, and the one matcher every
    product is checked with.

    What each ingredient means for each allergy is kept for the recommendation: products
    repeat the same ingredients (this serves benchmark row 4, recommend 1,000 products with
    every rule).
    """

    def __init__(
        self, queries: Sequence[AllergenQuery], unknown: Sequence[str], vocabulary: Vocabulary
    ) -> None:
        self.queries = tuple(queries)
        self.unknown = tuple(unknown)
        self.vocabulary = vocabulary
        self._covered = [query_names(q, vocabulary) for q in self.queries]
        self._by_entry: dict[str, tuple[AllergenMatch | None, ...]] = {}
        self._by_unread: dict[str, tuple[bool, ...]] = {}

    @classmethod
    def of(cls, typed: Sequence[str], vocabulary: Vocabulary) -> AllergyCheck:
        """The typed allergens, resolved on the vocabulary (unknown ones are kept apart)."""
        return cls(*resolve_allergens(typed, vocabulary), vocabulary)

    @property
    def families(self) -> frozenset[str]:
        """Ingredient families the allergies cover."""
        return frozenset(f for q in self.queries for f in (*q.families, *q.entry_families))

    def findings(self, listed: tuple[str, ...]) -> list[AllergyFinding]:
        """What a product's listed ingredients match, one finding per allergy at most."""
        if not self.queries:
            return []
        return [f for f in self._scan(self.vocabulary.read_all(listed)) if f is not None]

    def find(self, reading: ProductReading) -> list[AllergyFinding | None]:
        """For each allergy, its finding in a product's reading, or None."""
        return self._scan(
            [
                *((name, entry, "") for name, entry in reading.read),
                *((name, None, key) for name, key in reading.unread),
            ]
        )

    def _scan(self, listed: Iterable[tuple[str, Entry | None, str]]) -> list[AllergyFinding | None]:
        """For each allergy, the product's first definite match, else its first possible one
        (a listed ingredient the vocabulary reads), else the first name it cannot read that
        holds one of the allergy's names as whole words. `listed` is (as listed, what the
        vocabulary reads it as, its matching key)."""
        best: list[AllergyFinding | None] = [None] * len(self.queries)
        unread: list[AllergyFinding | None] = [None] * len(self.queries)
        for name, entry, key in listed:
            if entry is None:
                if not key:
                    continue
                covers = self._by_unread.get(key)
                if covers is None:
                    covers = self._by_unread[key] = tuple(names_cover(key, c) for c in self._covered)
                for i, covered in enumerate(covers):
                    if covered and unread[i] is None:
                        query = self.queries[i]
                        unread[i] = AllergyFinding(name, MatchStrength.POSSIBLE, query.text, query.read_as)
                continue
            results = self._by_entry.get(entry.key)
            if results is None:
                results = self._by_entry[entry.key] = tuple(allergy_match(q, entry) for q in self.queries)
            for i, found in enumerate(results):
                if found is None:
                    continue
                current = best[i]
                if current is None or (
                    found.strength is MatchStrength.DEFINITE
                    and current.strength is not MatchStrength.DEFINITE
                ):
                    label = _(self.vocabulary.family(found.family).label) if found.family else None
                    best[i] = AllergyFinding(name, found.strength, self.queries[i].text, label)
        return [b if b is not None else u for b, u in zip(best, unread, strict=True)]
