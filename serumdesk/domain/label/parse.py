"""Splitting a label as printed into ingredient names.

Handles what real labels and the pages that copy them do: "Ingredients:" and "INCI:"
prefixes and headings, commas, semicolons, line breaks and full stops as separators,
"(and)", "may contain" and "[+/- CI 77491]" sections (those ingredients are only possible),
footnote markers (*, †, [7], even inside a word), percentages ("Niacinamide 10%", "at 1ppm"),
stray punctuation, control characters and repeated spaces. Never raises on any text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

MAX_ITEMS = 1000
"""A label with more items than this is not one product's label: the items after these are
still read for the verdict (a biologic or an allergen after the cut counts), but not
explained one by one, and the label is said to be cut."""
MAX_READ_ITEMS = 20_000
"""Items read in all; the text after them is not read, and is said not to be (it bounds the
work for a multi-megabyte file)."""
MAX_LINE_CHARS = 100_000
"""A longer line is not a label's: reading stops there."""
MAX_SHOWN_CHARS = 200
"""A longer item is shown cut short (it is not an ingredient name, and is reported unknown)."""

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_FOOTNOTES = re.compile(r"\[\d{1,3}\]|[*†‡§¶\u00b9\u00b2\u00b3\u2070-\u2079]+")
_HEADING_WORDS = (
    r"(?:(?:in)?active\s+|other\s+|full\s+|key\s+)?"
    r"(?:ingredients?|ingr[eé]dients?|ingredientes|inci|composition)"
    r"(?:\s+list)?"
)
_HEADING = re.compile(rf"\b{_HEADING_WORDS}(?:\s*\([^()]*\))?\s*[:：]", re.IGNORECASE)
"""'Ingredients:', 'INCI:', 'Inactive ingredients:' (also mid-line): a separator, not a name."""
_HEADING_LINE = re.compile(rf"^\W*(?:{_HEADING_WORDS}|drug\s+facts|purposes?)\W*$", re.IGNORECASE)
_AND = re.compile(r"\(\s*and\s*\)", re.IGNORECASE)
# A separator at bracket depth 0, or a bracket. A comma between two digits belongs to a
# name (1,2-Hexanediol); a full stop separates only when a space or the line's end follows.
_EVENTS = re.compile(r"[()\[\]]|[;•|、，；]|,(?!\d)|(?<!\d),|\.(?=\s|$)")
_ABBREVIATIONS = frozenset({"denat", "sp", "spp", "ssp", "subsp", "var", "ext", "no", "aq", "st"})
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_MAY_CONTAIN = re.compile(
    r"^(.*?)(?:\bmay\s+contain\b|\+\s*/\s*-|±)\s*(?:\(\s*\+\s*/\s*-\s*\))?\s*:?\s*", re.IGNORECASE
)
_PERCENT = re.compile(r"(?:\bat\s+)?(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%|ppm\b|ppb\b)", re.IGNORECASE)
_EDGE_PUNCTUATION = " \t.,;:·•-–—_/\\'\"“”‘’!?+=~^"
_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"[()\[\]]")
_BRACKETED = re.compile(r"[\[(]([^\[\]()]*)[\])]")
_LIST_SEPARATORS = re.compile(r"[,/;]")


class LabelItem(NamedTuple):
    written: str
    """As printed, tidied for showing: footnotes, stray punctuation and extra spaces removed."""
    name: str
    """What is looked up: the written name without its percentage."""
    possible: bool
    """Listed under "may contain" or "+/-": it may or may not be in this batch."""
    group: str = ""
    """The noun a lay label gives a run of names once ('Jojoba, Argan and Rose Oils' → 'oil'):
    what the name is read with when it is not known alone."""


class ParsedLabel(NamedTuple):
    items: tuple[LabelItem, ...]
    unread_chars: int
    """Characters not read after MAX_READ_ITEMS items or a MAX_LINE_CHARS line (0 for a real label)."""


def printable(text: str) -> str:
    """The text without control and invisible format characters (line breaks and tabs
    become spaces): what is safe to show in a terminal, a JSON file or a window."""
    return "".join(
        " " if ch in "\n\t" else ch
        for ch in text
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co")
    )


def parse_label(text: str) -> ParsedLabel:
    """The ingredients of a label, in printed order."""
    items: list[LabelItem] = []
    text = _NEWLINES.sub("\n", text)
    offset = 0
    possible = False
    for raw_line in text.split("\n"):
        line_start = offset
        offset += len(raw_line) + 1
        line = printable(_FOOTNOTES.sub("", raw_line[:MAX_LINE_CHARS]))
        if not line.strip():
            possible = False  # a blank line ends a "may contain" paragraph
        elif not _HEADING_LINE.match(line):
            run_start = len(items)
            for start, segment in _segments(_AND.sub(",", _HEADING.sub(",", line))):
                if len(items) >= MAX_READ_ITEMS:  # (about: footnotes and headings shortened the line)
                    return ParsedLabel(tuple(items[:MAX_READ_ITEMS]), len(text) - line_start - start)
                possible = _add_segment(segment, possible, items)
                run_start = _lay_run(items, run_start)
        if len(raw_line) > MAX_LINE_CHARS:
            return ParsedLabel(tuple(items[:MAX_READ_ITEMS]), len(text) - line_start - MAX_LINE_CHARS)
    return ParsedLabel(tuple(items[:MAX_READ_ITEMS]), 0)


def _matched_brackets(line: str) -> set[int]:
    """Positions of brackets that have a partner on the same line; the others are stray."""
    matched: set[int] = set()
    stack: list[tuple[str, int]] = []
    for m in _BRACKETS.finditer(line):
        ch, at = m.group(), m.start()
        if ch in "([":
            stack.append((ch, at))
        elif stack and stack[-1][0] == ("(" if ch == ")" else "["):
            matched.update((stack.pop()[1], at))
    return matched


def _segments(line: str) -> Iterator[tuple[int, str]]:
    """The line cut at separators outside brackets, each with where it starts; stray
    brackets are dropped."""
    matched = _matched_brackets(line)
    depth = 0
    start = cut = 0
    parts: list[str] = []
    for m in _EVENTS.finditer(line):
        ch, at = m.group(), m.start()
        if ch in "()[]":
            if at in matched:
                depth += 1 if ch in "([" else -1
            else:  # a stray bracket: left out of the name
                parts.append(line[cut:at])
                cut = at + 1
            continue
        if depth > 0 or (ch == "." and _is_abbreviation(line, at)):
            continue
        parts.append(line[cut:at])
        yield start, "".join(parts)
        parts = []
        start = cut = at + 1
    parts.append(line[cut:])
    yield start, "".join(parts)


def _is_abbreviation(line: str, at: int) -> bool:
    """A full stop after 'Denat', 'spp' or a single letter (C.I.) does not end a name.

    The word is found by stepping back from the full stop over its letters only: a full stop
    that separates is followed by a space, so no letter is stepped over twice (issue #19: a
    search from the line's start made a crafted label quadratic)."""
    start = at
    while start > 0 and line[start - 1] in _LETTERS:
        start -= 1
    word = line[start:at].lower()
    return bool(word) and (word in _ABBREVIATIONS or len(word) == 1)


def _add_segment(segment: str, possible: bool, items: list[LabelItem]) -> bool:
    """Add the ingredients of one segment; returns whether later ones are only possible."""
    marker = _MAY_CONTAIN.match(segment)
    if marker is not None and "(" not in marker.group(1) and "[" not in marker.group(1):
        _add_item(marker.group(1), possible, items)
        segment, possible = segment[marker.end() :], True
    host, bracketed = _possible_brackets(segment)
    _add_item(host, possible, items)
    for name in bracketed:
        _add_item(name, True, items)
    return possible


def _possible_brackets(segment: str) -> tuple[str, list[str]]:
    """'Mica [+/- CI 77491, CI 77492]' → ('Mica', ['CI 77491', 'CI 77492'])."""
    found: list[str] = []

    def take(m: re.Match[str]) -> str:
        inner = m.group(1)
        marker = _MAY_CONTAIN.match(inner)
        if marker is None or marker.group(1).strip():
            return m.group(0)
        found.extend(_LIST_SEPARATORS.split(inner[marker.end() :]))
        return " "

    host = _BRACKETED.sub(take, segment) if "(" in segment or "[" in segment else segment
    return host, found


_GROUP_NOUNS = (
    "oils",
    "extracts",
    "butters",
    "waxes",
    "waters",
    "hydrosols",
    "powders",
    "juices",
    "esters",
    "ferments",
)
"""Plural nouns a lay label gives once for a run of names: 'Jojoba, Argan and Rose Oils'."""
_GROUP_PARTS = (
    "essential",
    "seed",
    "fruit",
    "leaf",
    "flower",
    "kernel",
    "nut",
    "peel",
    "root",
    "bark",
    "plant",
    "botanical",
    "herbal",
    "fruit seed",
)


def _lay_group(written: str) -> tuple[list[str], str] | None:
    """'May Chang (citral) and cinnamon essential oils' → (['May Chang (citral)', 'cinnamon'],
    'essential oil'); None for anything else. Only short items are looked at (string
    operations, no search that rescans)."""
    if len(written) > MAX_SHOWN_CHARS:
        return None
    words = written.split(" ")
    if len(words) < 4 or words[-1].casefold() not in _GROUP_NOUNS:
        return None
    noun_words = [words[-1][:-2] if words[-1].casefold() == "waxes" else words[-1][:-1]]
    at = len(words) - 1
    while at > 2 and words[at - 1].casefold() in _GROUP_PARTS:
        at -= 1
        noun_words.insert(0, words[at])
    lowered = [w.casefold() for w in words[:at]]
    if "and" not in lowered[1:-1] and "&" not in lowered[1:-1]:
        return None
    cut = max(i for i, w in enumerate(lowered) if w in ("and", "&"))
    first, second = " ".join(words[:cut]), " ".join(words[cut + 1 : at])
    if not first.strip() or not second.strip():
        return None
    return [first, second], " ".join(noun_words)


def _lay_run(items: list[LabelItem], run_start: int) -> int:
    """When the newest item names a lay run's shared noun ('… and Rose Oils'), the items
    before it on the line, back to the last such run, may be read with it; returns where the
    next run starts."""
    if not items or not items[-1].group:
        return run_start
    noun = items[-1].group
    end = len(items)
    while end > run_start and items[end - 1].group == noun and items[end - 1].name.endswith(noun):
        end -= 1
    for n in range(run_start, end):
        if not items[n].group:
            items[n] = items[n]._replace(group=noun)
    return len(items)


def _add_item(text: str, possible: bool, items: list[LabelItem]) -> None:
    written = _SPACES.sub(" ", text).strip(_EDGE_PUNCTUATION)
    written = _balanced_edges(written)
    if not written or not any(ch.isalnum() for ch in written):
        return
    name = _SPACES.sub(" ", _PERCENT.sub(" ", written)).strip(_EDGE_PUNCTUATION)
    lay = _lay_group(name) if " " in name else None
    if lay is not None:  # "A and B oils": two ingredients, each named with the noun
        names, noun = lay
        for part in names:
            _add_item(f"{part} {noun}", possible, items)
            items[-1] = items[-1]._replace(group=noun)
        return
    name = name or written
    if len(written) > MAX_SHOWN_CHARS:
        written = written[:MAX_SHOWN_CHARS].rstrip() + "…"
    items.append(LabelItem(written, name, possible))


def _balanced_edges(text: str) -> str:
    """Drop closing brackets left at the start, and opening ones at the end (with the
    punctuation around them), moving two ends inward: each character is looked at once."""
    start, end = 0, len(text)
    while start < end:
        if text[start] in ")]" or text[start] in _EDGE_PUNCTUATION:
            start += 1
        elif text[end - 1] in "([" or text[end - 1] in _EDGE_PUNCTUATION:
            end -= 1
        else:
            break
    return text[start:end] if (start, end) != (0, len(text)) else text
