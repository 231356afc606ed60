"""Origin read from a name, as a chemist reads it: 'bovine', 'colostrum', 'umbilical cord' or
'human' anywhere in a name says where the ingredient comes from, known entry or not.

The words and what they mean are data (the vocabulary file's `origin_words`, each with its
source); this module finds them as whole words and combines what they say. Everything it
returns is an inference, shown with its reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from serumdesk.domain.choices import SourceCategory
from serumdesk.domain.ingredients import names
from serumdesk.domain.ingredients.kinds import Flag
from serumdesk.domain.ingredients.model import OriginWords
from serumdesk.i18n import _

_HUMAN_CATEGORIES = frozenset(
    {
        SourceCategory.HUMAN_FIBROBLAST_CM,
        SourceCategory.HUMAN_ADIPOSE_CM,
        SourceCategory.HUMAN_LYSATE,
        SourceCategory.EXOSOME_CM,
    }
)
MAX_NAME_WORDS = 60
"""A name of more words is not an ingredient name: only its first words are read."""


class OriginReading(NamedTuple):
    """What the origin words of one name say."""

    ids: tuple[str, ...]
    flags: frozenset[Flag]
    may_be: tuple[str, ...]
    biologic: bool
    source_category: SourceCategory | None
    reasons: tuple[str, ...]

    def shown_reasons(self) -> str:
        """The reasons in the person's language, joined: 'Taraxacum is dandelion; …'."""
        return "; ".join(_(r) for r in self.reasons)


def name_words(text: str, words: Sequence[str] | None = None) -> tuple[str, ...]:
    """A name's words for whole-word searches: brackets kept, slashes split ('Bacillus/Soybean
    Ferment' holds 'soybean'). `words`, when given, are its words with brackets kept already."""
    if words is None:
        words = names.words(text, keep_parentheses=True)
    if "/" not in text:
        return tuple(words[:MAX_NAME_WORDS])
    found: list[str] = []
    for word in words[:MAX_NAME_WORDS]:
        found.extend(w for w in word.split("/") if w)
    return tuple(found)


def phrases(words: Sequence[str], longest: int) -> set[str]:
    """Every run of up to `longest` consecutive words, joined by spaces: a phrase is in a name
    when it is one of these (linear in the number of words)."""
    return {
        " ".join(words[start : start + n])
        for start in range(len(words))
        for n in range(1, longest + 1)
        if start + n <= len(words)
    }


class OriginReader:
    """The vocabulary's origin words, indexed by phrase."""

    def __init__(self, rules: Sequence[OriginWords]) -> None:
        self._rules = tuple(rules)
        self._by_phrase: dict[str, list[int]] = {}
        self._unless: list[frozenset[str]] = []
        longest = 1
        for n, rule in enumerate(self._rules):
            for phrase in rule.words:
                k = names.key(phrase, keep_parentheses=True)
                self._by_phrase.setdefault(k, []).append(n)
                longest = max(longest, len(k.split(" ")))
            unless = frozenset(names.key(u, keep_parentheses=True) for u in rule.unless)
            self._unless.append(unless)
            longest = max(longest, *(len(u.split(" ")) for u in unless)) if unless else longest
        self.longest = longest

    def read(self, text: str, words: Sequence[str] | None = None) -> OriginReading | None:
        """What the name's origin words say, or None when it has none (`words`: its words with
        brackets kept, when the caller has them)."""
        found = phrases(name_words(text, words), self.longest)
        hits = sorted({n for p in found for n in self._by_phrase.get(p, ())})
        rules = [self._rules[n] for n in hits if not self._unless[n] & found]
        if not rules:
            return None
        flags = frozenset(f for r in rules for f in r.flags)
        if flags & {Flag.HUMAN_DERIVED, Flag.ANIMAL_DERIVED}:
            flags -= {Flag.HUMAN_OR_ANIMAL}  # the name says which body it comes from
        biologic = any(r.biologic for r in rules)
        category = next((r.source_category for r in rules if r.source_category is not None), None)
        if Flag.HUMAN_DERIVED in flags and biologic and category not in _HUMAN_CATEGORIES:
            category = SourceCategory.HUMAN_LYSATE  # human tissue's proteins, however made
        if biologic:
            flags |= {Flag.BIOLOGIC}
        return OriginReading(
            ids=tuple(r.id for r in rules),
            flags=flags,
            may_be=tuple(dict.fromkeys(f for r in rules for f in r.may_be)),
            biologic=biologic,
            source_category=category,
            reasons=tuple(dict.fromkeys(r.reason for r in rules)),
        )
