"""How an ingredient name is normalised for matching: case, accents, dashes, plurals, word order."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
_APOSTROPHES = dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`\uff07"), "'")
_NOT_WORD = re.compile(r"[^0-9a-z*,/. -]+")
_ABBREVIATION_DOTS = re.compile(r"(?<=[a-z])\.(?=[a-z])")
"""'c.i. 77491' is 'ci 77491'."""
# A dot or comma ends a word unless it sits between two digits (7.5, 1,2-hexanediol).
_LOOSE_PUNCTUATION = re.compile(r"(?<![0-9])[.,]|[.,](?![0-9])")
_SLASH = re.compile(r" ?/ ?")
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[\s-]+")
_KEEP_FINAL_S = ("ss", "us", "is")


def fold(text: str) -> str:
    """Casefolded, accents dropped (NFKD), dashes and apostrophes unified, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_DASHES).translate(_APOSTROPHES))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def singular(word: str) -> str:
    """'exosomes' → 'exosome', 'berries' → 'berry'; short words, words with digits and Latin
    endings (-ss, -us, -is) are kept, and the same rule runs on both sides of every match."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(_KEEP_FINAL_S):
        return word
    if any(ch.isdigit() for ch in word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


_CACHED_NAME_CHARS = 200
"""Names up to this long have their words cached (benchmark row '8. worst 20,000-character
label': a name is read, searched for origin words and for allergens, each needing its words)."""


def words(text: str, *, keep_parentheses: bool = False) -> tuple[str, ...]:
    """The words of a name as matching sees them: folded, hyphens and stray punctuation as
    spaces, plurals made singular. Parenthesised parts ('(Mushroom)') are dropped unless
    `keep_parentheses`, which keeps their words in place."""
    if len(text) <= _CACHED_NAME_CHARS:
        return _cached_words(text, keep_parentheses)
    return _words(text, keep_parentheses)


@lru_cache(maxsize=8192)
def _cached_words(text: str, keep_parentheses: bool) -> tuple[str, ...]:
    return _words(text, keep_parentheses)


def _words(text: str, keep_parentheses: bool) -> tuple[str, ...]:
    folded = fold(text)
    if keep_parentheses:
        folded = folded.replace("(", " ").replace(")", " ").replace("[", " ").replace("]", " ")
    else:
        folded = without_brackets(folded)
    folded = _NOT_WORD.sub(" ", folded.replace("'", ""))
    folded = _LOOSE_PUNCTUATION.sub(" ", _ABBREVIATION_DOTS.sub("", folded))
    # Spaces are collapsed before the slash is tidied, so no run of spaces is scanned twice.
    folded = _SLASH.sub("/", _WHITESPACE.sub(" ", folded)).strip("/ ")
    return tuple(singular(w) for w in _SPACES.split(folded) if w)


def without_brackets(text: str) -> str:
    """The text with every bracketed part, nested or not, replaced by a space, in one pass
    (a bracket that closes nothing, or is never closed, is kept as written)."""
    pairs = {")": "(", "]": "["}
    open_at: list[int] = []
    closed: list[tuple[int, int]] = []
    for at, ch in enumerate(text):
        if ch in "([":
            open_at.append(at)
        elif ch in pairs and open_at and text[open_at[-1]] == pairs[ch]:
            closed.append((open_at.pop(), at))
    if not closed:
        return text
    parts, last = [], 0
    for start, end in sorted(closed):
        if start >= last:  # not inside a pair already cut
            parts.append(text[last:start])
            last = end + 1
    parts.append(text[last:])
    return " ".join(parts)


def key(text: str, *, keep_parentheses: bool = False) -> str:
    """The matching key of a name: its words joined by single spaces ('' for no words)."""
    return " ".join(words(text, keep_parentheses=keep_parentheses))


def unordered(name_key: str) -> str:
    """The same key with its words sorted, so 'acid hyaluronic' meets 'hyaluronic acid'."""
    return " ".join(sorted(name_key.split(" ")))


def digits(name_key: str) -> tuple[str, ...]:
    """The numbers in a key: two names that differ in a number are never a typo of each other
    ('polysorbate 80' and 'polysorbate 85' are different ingredients)."""
    return tuple(re.findall(r"[0-9]+", name_key))
