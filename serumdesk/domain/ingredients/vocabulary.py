"""The loaded vocabulary: a written name to an ingredient (exact → word order → pattern → close),
and a typed allergen to the families and ingredients it means."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

from serumdesk.domain.choices import SourceCategory
from serumdesk.domain.ingredients import names
from serumdesk.domain.ingredients.allergens import AllergenQuery, UnknownAllergen
from serumdesk.domain.ingredients.entry import Entry, MatchKind, Resolution
from serumdesk.domain.ingredients.model import Family, Flag, IngredientsFile, Role, SourceRef
from serumdesk.domain.ingredients.origin import OriginReader, OriginReading, name_words, phrases
from serumdesk.i18n import _

CLOSE_CUTOFF = 0.9
"""How alike (difflib's ratio) a name must be to a known one to be read as a typo of it."""
CLOSE_MIN_LENGTH = 5
CLOSE_MAX_LENGTH = 80
"""Names outside these lengths are never read as typos: too short to tell, or not a name."""
MAX_NAME_CHARS = 200
"""A longer 'name' is not an ingredient name: it is reported unknown without a lookup."""
_PATTERN_CACHE_SIZE = 4096
_LISTED_CACHE_SIZE = 20_000
"""Distinct listed names, and products' lists, kept read: a catalog is ranked again on every
answer, and reading each listed name afresh (close matches included) costs ~1 ms a product.
Serves benchmark row 4 (recommend, 1,000 products, every rule)."""
T = TypeVar("T")


class _CloseIndex:
    """Known names bucketed by first letter, numbers and length, so a typo is compared with a
    few dozen names of about its length, never with all of them."""

    def __init__(self, known: Iterable[str]) -> None:
        self._buckets: dict[tuple[str, tuple[str, ...], int], list[str]] = {}
        for k in known:
            if len(k) >= CLOSE_MIN_LENGTH - 1:
                self._buckets.setdefault((k[0], names.digits(k), len(k)), []).append(k)

    def closest(self, k: str) -> str | None:
        if not CLOSE_MIN_LENGTH <= len(k) <= CLOSE_MAX_LENGTH:
            return None
        # ratio = 2·matches / (a + b) ≥ cutoff needs the lengths within this window.
        low = int(len(k) * CLOSE_CUTOFF / (2 - CLOSE_CUTOFF))
        high = int(len(k) * (2 - CLOSE_CUTOFF) / CLOSE_CUTOFF) + 1
        first, numbers = k[0], names.digits(k)
        matcher = SequenceMatcher(None, b=k, autojunk=False)
        best, best_ratio = None, CLOSE_CUTOFF
        for length in range(low, high + 1):
            for candidate in self._buckets.get((first, numbers, length), ()):
                matcher.set_seq1(candidate)
                if (
                    matcher.real_quick_ratio() >= best_ratio
                    and matcher.quick_ratio() >= best_ratio
                    and (ratio := matcher.ratio()) >= best_ratio
                    and (best is None or ratio > best_ratio or candidate < best)
                ):
                    best, best_ratio = candidate, ratio
        return best


class Vocabulary:
    """Every ingredient, family and name pattern of one vocabulary file, indexed for lookups.

    Built once per process by whoever needs it (VocabularyLoader in the app and the CLI) and
    passed down; nothing here is global.
    """

    def __init__(self, data: IngredientsFile) -> None:
        self.version = data.version
        self.updated = data.updated
        self._sources = {s.id: s for s in data.sources}
        self.families: dict[str, Family] = {f.id: f for f in data.families}
        self._ancestry = _ancestry({f.id: f.parents for f in data.families})
        self._descent: dict[str, set[str]] = {f.id: set() for f in data.families}
        for family_id, ancestors in self._ancestry.items():
            for ancestor in ancestors:
                self._descent[ancestor].add(family_id)
        self.animal_families = self._animal_families(data)
        self.entries: tuple[Entry, ...] = tuple(
            self._entry(
                i.inci,
                i.role,
                i.explanation,
                i.flags,
                i.families,
                i.may_be,
                i.source_category,
                self._sources[i.source],
            )
            for i in data.ingredients
        )
        self._by_key, self._shown = _name_index(self.entries, data)
        self._names_of: dict[str, set[str]] = {}
        for k, entry in self._by_key.items():
            self._names_of.setdefault(entry.key, set()).add(k)
        self._by_unordered = _unique_unordered(self._by_key)
        self._family_by_key: dict[str, str] = {}
        for family in data.families:
            for written in family.names:
                self._family_by_key.setdefault(names.key(written), family.id)
        self._family_by_unordered = _unique_unordered(self._family_by_key)
        self._origin = OriginReader(data.origin_words)
        self._origin_rules = data.origin_words
        self._patterns = data.patterns
        self._pattern_regex = _compile_patterns([p.match for p in data.patterns])
        self._pattern_entries: dict[str, Entry | None] = {}
        self._listed: dict[str, tuple[Entry | None, str]] = {}
        self._lists: dict[tuple[str, ...], tuple[tuple[str, Entry | None, str], ...]] = {}
        self._completions = _completions(self._by_key, self._family_by_key)
        self._close = _CloseIndex(self._by_key)
        self._close_allergens = _CloseIndex([*self._by_key, *self._family_by_key])

    # -- building -------------------------------------------------------------------------

    def _closure(self, family_ids: Iterable[str]) -> frozenset[str]:
        found: set[str] = set()
        for family_id in family_ids:
            found |= self._ancestry[family_id]
        return frozenset(found)

    def _animal_families(self, data: IngredientsFile) -> frozenset[str]:
        """Families with an animal-derived member: an ingredient that may be in one of them
        may be of animal origin."""
        found: set[str] = set()
        for flags, families in [
            *((i.flags, i.families) for i in data.ingredients),
            *((p.flags, p.families) for p in data.patterns),
        ]:
            if Flag.ANIMAL_DERIVED in flags:
                found.update(families)
        return frozenset(found)

    def _entry(
        self,
        inci: str,
        role: Role,
        explanation: str,
        flags: Sequence[Flag],
        families: Sequence[str],
        may_be: Sequence[str],
        category: SourceCategory | None,
        source: SourceRef,
        pattern: str | None = None,
    ) -> Entry:
        flag_set = frozenset(flags)
        return Entry(
            key=names.key(inci),
            inci=inci,
            role=role,
            explanation_source=explanation,
            flags=flag_set,
            families=tuple(families),
            in_families=self._closure(families),
            may_be_in=self._closure(may_be),
            source_category=category,
            source=source,
            pattern=pattern,
            origin_uncertain=Flag.ORIGIN_VARIES in flag_set or bool(set(may_be) & self.animal_families),
        )

    # -- lookups --------------------------------------------------------------------------

    def family(self, family_id: str) -> Family:
        return self.families[family_id]

    def source(self, source_id: str) -> SourceRef:
        return self._sources[source_id]

    def resolve(self, written: str, *, close: bool = True) -> Resolution | None:
        """What a written ingredient name is: by its name or a synonym, then with its words in
        another order, then by the shape of its name, then (with `close`) as a likely typo of
        a known name. None when the vocabulary does not know it: never a guess.

        Words of the name that say where it comes from (the vocabulary's origin words) are
        read either way: they make an entry of an unknown name when they say something of
        its origin or kind, and add to a known one. Words that only name a plant for
        allergies ('Taraxacum') leave an unknown name unknown (see `name_allergies`)."""
        if len(written) > MAX_NAME_CHARS:
            return None
        full_words = names.words(written, keep_parentheses=True)
        found = self._by_name(written, " ".join(full_words), close)
        origin = self._origin.read(written, full_words)
        if origin is None:
            return found
        if found is None:
            if not (origin.flags or origin.source_category):
                return None
            return Resolution(
                self._origin_entry(written, origin), MatchKind.ORIGIN, " ".join(written.split())
            )
        return found._replace(entry=_with_origin(found.entry, origin, self._closure(origin.may_be)))

    def _by_name(self, written: str, full: str, close: bool) -> Resolution | None:
        found = self._known(full)
        if found is not None:
            return found
        stripped = names.key(written) if "(" in written or "[" in written else full
        if not stripped:
            return None
        found = self._known(stripped) if stripped != full else None
        if found is None:
            found = self._by_pattern(stripped, written)
        if found is None:
            whole = self._completions.get(stripped)
            if whole is not None:
                found = Resolution(self._by_key[whole], MatchKind.SHORTENED, self._shown[whole])
        if found is None and close:
            near = self._close.closest(stripped)
            if near is not None:
                found = Resolution(self._by_key[near], MatchKind.CLOSE, self._shown[near])
        return found

    def _origin_entry(self, written: str, origin: OriginReading) -> Entry:
        """An entry for a name the vocabulary does not know, from its origin words alone."""
        first = next(o for o in self._origin_rules if o.id == origin.ids[0])
        entry = self._entry(
            " ".join(written.split()),
            Role.BIOLOGIC if origin.biologic else Role.OTHER,
            "",
            sorted(origin.flags),
            (),
            origin.may_be,
            origin.source_category,
            self._sources[first.source],
            pattern=f"origin:{origin.ids[0]}",
        )
        return dataclasses.replace(entry, origin_reasons=origin.reasons)

    def _known(self, k: str) -> Resolution | None:
        entry = self._by_key.get(k)
        if entry is not None:
            return Resolution(entry, MatchKind.EXACT, self._shown[k])
        entry = self._by_unordered.get(names.unordered(k))
        if entry is not None:
            return Resolution(entry, MatchKind.WORD_ORDER, entry.inci)
        return None

    def _by_pattern(self, k: str, written: str) -> Resolution | None:
        if k not in self._pattern_entries:
            m = self._pattern_regex.fullmatch(k) if self._pattern_regex else None
            entry = None
            if m is not None and m.lastgroup is not None:
                p = self._patterns[int(m.lastgroup[1:])]
                entry = self._entry(
                    " ".join(written.split()),
                    p.role,
                    p.explanation,
                    p.flags,
                    p.families,
                    (),
                    p.source_category,
                    self._sources[p.source],
                    pattern=p.id,
                )
            if len(self._pattern_entries) >= _PATTERN_CACHE_SIZE:
                self._pattern_entries.clear()
            self._pattern_entries[k] = entry
        entry = self._pattern_entries[k]
        return None if entry is None else Resolution(entry, MatchKind.PATTERN, entry.inci)

    def name_allergies(self, written: str) -> tuple[frozenset[str], str] | None:
        """The families an unknown name's origin words say it may belong to (with all their
        ancestors), and why ('Taraxacum is dandelion'); None when its words say none."""
        if len(written) > MAX_NAME_CHARS:
            return None
        origin = self._origin.read(written)
        if origin is None or not origin.may_be:
            return None
        return self._closure(origin.may_be), origin.shown_reasons()

    def names_of(self, entry_key: str) -> frozenset[str]:
        """Every name of an ingredient as matching keys (INCI, synonyms, shorter readings)."""
        return frozenset(self._names_of.get(entry_key, ()))

    def search_words(self, allergen: AllergenQuery | UnknownAllergen) -> frozenset[str]:
        """The phrases an ingredient's name is searched for when the vocabulary cannot say
        what the ingredient is made of (see `allergen_in_name`)."""
        return _search_words(self, allergen)

    def name_phrases(self, written: str, longest: int) -> set[str]:
        """The name's whole-word phrases of up to `longest` words, to search for allergens'
        `search_words` (linear in the name's words)."""
        return phrases(name_words(written[:MAX_NAME_CHARS]), longest)

    def below(self, family_id: str) -> frozenset[str]:
        """The families inside `family_id` (not itself): an allergy to 'marine' covers them."""
        return frozenset(self._descent[family_id])

    def family_entry(self, family_id: str) -> Entry:
        """An unspecified member of a family, as a product lists it ('peptides', 'probiotics'):
        definitely in the family and those above it, possibly in any family below it."""
        family = self.families[family_id]
        below = frozenset(self._descent[family_id])
        return Entry(
            key=f"family:{family_id}",
            inci=family.label,
            role=Role.OTHER,
            explanation_source="",  # made from its label where shown (Entry.explanation)
            flags=frozenset(),
            families=(family_id,),
            in_families=self._ancestry[family_id],
            may_be_in=below,
            source_category=None,
            source=self._sources[family.source],
            origin_uncertain=bool(below & self.animal_families),
        )

    def resolve_listed(self, name: str) -> Entry | None:
        """What an ingredient a product lists stands for: an ingredient (as `resolve` reads
        it), or an unspecified member of a family the name is one of ('peptides'); None when
        the vocabulary knows neither."""
        return self.read_listed(name)[0]

    def read_all(self, listed: tuple[str, ...]) -> tuple[tuple[str, Entry | None, str], ...]:
        """(as listed, resolve_listed, its matching key) for each name of a product's list,
        kept once read (benchmark row 4: a ranking reads every product's list)."""
        found = self._lists.get(listed)
        if found is None:
            if len(self._lists) >= _LISTED_CACHE_SIZE:
                self._lists.clear()
            found = self._lists[listed] = tuple(
                (name, *self.read_listed(name)) for name in dict.fromkeys(listed)
            )
        return found

    def read_listed(self, name: str) -> tuple[Entry | None, str]:
        """(resolve_listed, its matching key keeping parentheses), kept once read."""
        found = self._listed.get(name)
        if found is None:
            if len(self._listed) >= _LISTED_CACHE_SIZE:
                self._listed.clear()
            found = self._listed[name] = (self._read_listed(name), names.key(name, keep_parentheses=True))
        return found

    def _read_listed(self, name: str) -> Entry | None:
        found = self.resolve(name)
        if found is not None:
            return found.entry
        k = names.key(name) if len(name) <= MAX_NAME_CHARS else ""
        family = self._family_by_key.get(k) or self._family_by_unordered.get(names.unordered(k))
        return self.family_entry(family) if k and family else None

    # -- allergies -----------------------------------------------------------------------

    def resolve_allergen(self, text: str) -> AllergenQuery | UnknownAllergen:
        """What a typed allergen means: a family name ('fish', 'vitamin b3'), an ingredient
        name or synonym, a name shape, or a likely typo of one of them. Anything else is
        UnknownAllergen, never matched by a piece of its text."""
        k = names.key(text) if len(text) <= MAX_NAME_CHARS else ""
        if not k:
            return UnknownAllergen(text)
        how = MatchKind.EXACT
        family = self._family_by_key.get(k) or self._family_by_unordered.get(names.unordered(k))
        found = self._known(k)
        if family is None and found is None:
            found = self._by_pattern(k, text)
        if family is None and found is None:
            near = self._close_allergens.closest(k)
            if near is None:
                return UnknownAllergen(text)
            how = MatchKind.CLOSE
            family = self._family_by_key.get(near)
            found = None if family else Resolution(self._by_key[near], MatchKind.CLOSE, self._shown[near])
        entry = found.entry if found else None
        if found is not None and how is MatchKind.EXACT:
            how = found.how
        read_as = _(self.families[family].label) if family else entry.inci if entry else text
        return AllergenQuery(
            text=text,
            read_as=read_as,
            how=how,
            families=frozenset({family}) if family else frozenset(),
            entries=frozenset({entry.key}) if entry else frozenset(),
            entry_families=entry.in_families if entry else frozenset(),
        )


def _search_words(vocabulary: Vocabulary, allergen: AllergenQuery | UnknownAllergen) -> frozenset[str]:
    """The phrases that stand for an allergen in a name: what was typed, and every name of its
    families (and those below them) and of its ingredients. Names under three letters ('ha',
    'mi') only as typed: too short to find safely inside other names."""
    found = {" ".join(name_words(allergen.text))}
    if isinstance(allergen, AllergenQuery):
        families = set(allergen.families)
        for family_id in allergen.families:
            families |= vocabulary.below(family_id)
        for family_id in families:
            found.update(" ".join(name_words(n)) for n in vocabulary.families[family_id].names)
        for entry_key in allergen.entries:
            found.update(vocabulary.names_of(entry_key))
    typed = " ".join(name_words(allergen.text))
    return frozenset(p for p in found if p and (len(p) >= 3 or p == typed))


def _name_index(entries: Sequence[Entry], data: IngredientsFile) -> tuple[dict[str, Entry], dict[str, str]]:
    """Every name's key → its ingredient, and → the name as the file writes it. A name is
    also known without its parenthesised part ('Tremella Fuciformis Extract'), unless that
    shorter reading is another name's, or is shared by two ingredients."""
    by_key: dict[str, Entry] = {}
    shown: dict[str, str] = {}
    shorter: dict[str, tuple[Entry | None, str]] = {}
    for entry, ingredient in zip(entries, data.ingredients, strict=True):
        for written in (ingredient.inci, *ingredient.names):
            k = names.key(written, keep_parentheses=True)
            by_key.setdefault(k, entry)
            shown.setdefault(k, written)
            s = names.key(written)
            if s != k:
                other = shorter.get(s)
                shorter[s] = (entry if other is None or other[0] is entry else None, written)
    for s, (owner, written) in shorter.items():
        if owner is not None and s not in by_key:
            by_key[s] = owner
            shown[s] = written
    return by_key, shown


def _with_origin(entry: Entry, origin: OriginReading, may_be: frozenset[str]) -> Entry:
    """A known entry with what its name's origin words add: flags, possible families, and a
    source category when it had none. A name that says human or animal is not 'either'."""
    flags = entry.flags | origin.flags
    if flags & {Flag.HUMAN_DERIVED, Flag.ANIMAL_DERIVED}:
        flags -= {Flag.HUMAN_OR_ANIMAL}
    return dataclasses.replace(
        entry,
        flags=flags,
        may_be_in=entry.may_be_in | (may_be - entry.in_families),
        source_category=entry.source_category or origin.source_category,
        origin_reasons=origin.reasons,
    )


def _completions(by_key: Mapping[str, Entry], families: Mapping[str, str]) -> dict[str, str]:
    """The first word or two of a known name → that name, where only one ingredient starts so
    (or one is that start and 'acid': 'glycolic' → 'glycolic acid'). Starts shorter than five
    letters are too vague to read."""
    starts: dict[str, dict[str, str]] = {}
    for k, entry in by_key.items():
        words = k.split(" ")
        for n in (1, 2):
            if len(words) > n:
                start = " ".join(words[:n])
                if len(start) >= 5:
                    starts.setdefault(start, {}).setdefault(entry.key, k)
    found: dict[str, str] = {}
    for start, owners in starts.items():
        if start in by_key or start in families:
            continue
        if len(owners) == 1:
            found[start] = next(iter(owners.values()))
        elif f"{start} acid" in by_key:
            found[start] = f"{start} acid"
    return found


def _ancestry(parents: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Each family with all its ancestors (the file is checked to have no loops)."""
    result: dict[str, frozenset[str]] = {}
    for start in parents:
        seen = {start}
        stack = list(parents[start])
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(parents.get(current, ()))
        result[start] = frozenset(seen)
    return result


def _unique_unordered(by_key: Mapping[str, T]) -> dict[str, T]:
    """Keys with their words sorted, kept only where they lead to one ingredient or family."""
    found: dict[str, T | None] = {}
    for k, value in by_key.items():
        u = names.unordered(k)
        if u in found and found[u] != value:
            found[u] = None
        else:
            found.setdefault(u, value)
    return {u: v for u, v in found.items() if v is not None}


def _compile_patterns(matches: Sequence[str]) -> re.Pattern[str] | None:
    """One regular expression for all patterns, tried in order: the first that matches wins."""
    if not matches:
        return None
    parts = []
    for i, m in enumerate(matches):
        body = " ".join(r"[^ ]++(?: [^ ]++)*?" if w == "*" else re.escape(w) for w in names.words(m))
        parts.append(f"(?P<p{i}>{body})")
    return re.compile("|".join(parts))
