"""What a label says about the product, from its ingredients alone: source, origin, vegan,
fragrance and irritants. These are the facts a product made from a label carries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from serumdesk.domain.choices import IrritantKind, SourceCategory, Vegan
from serumdesk.domain.ingredients import names
from serumdesk.domain.ingredients.entry import Entry, MatchKind, Resolution
from serumdesk.domain.ingredients.kinds import Flag, Role
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.parse import MAX_ITEMS, LabelItem, ParsedLabel, parse_label
from serumdesk.i18n import _

SOURCE_PRIORITY: tuple[SourceCategory, ...] = (
    SourceCategory.HUMAN_FIBROBLAST_CM,
    SourceCategory.HUMAN_ADIPOSE_CM,
    SourceCategory.EXOSOME_CM,
    SourceCategory.HUMAN_LYSATE,
    SourceCategory.PLANT_MADE_GF,
    SourceCategory.LAB_PEPTIDES_GF,
    SourceCategory.PLANT_CELL_CULTURE,
)
"""When a label holds several biologic sources, the first here names the product: human-
derived media first (what diet, ethics and medical answers care about most), then exosomes,
lysates, plant-made and lab-made growth factors, and plant cell culture last."""

IRRITANT_FLAGS: tuple[Flag, ...] = (
    Flag.EXFOLIATING_ACID,
    Flag.RETINOID,
    Flag.ESSENTIAL_OIL,
    Flag.FRAGRANCE_ALLERGEN,
    Flag.COMMON_IRRITANT,
)
_IRRITANT_KINDS: dict[IrritantKind, frozenset[Flag]] = {
    IrritantKind.EXFOLIATING_ACID: frozenset({Flag.EXFOLIATING_ACID}),
    IrritantKind.RETINOID: frozenset({Flag.RETINOID}),
    IrritantKind.FRAGRANCE: frozenset({Flag.FRAGRANCE, Flag.FRAGRANCE_ALLERGEN}),
    IrritantKind.ESSENTIAL_OIL: frozenset({Flag.ESSENTIAL_OIL}),
    IrritantKind.BOTANICAL: frozenset(),
    IrritantKind.VITAMIN_C: frozenset({Flag.VITAMIN_C}),
}
"""The catalog's irritant kinds as vocabulary flags. A label names no 'botanical' irritant:
plant extracts are ordinary, and the ones that irritate carry a flag of their own."""
_BIOLOGIC_ROLES = frozenset({Role.BIOLOGIC, Role.GROWTH_FACTOR})
_GLUED_NUMBER = re.compile(r"\b([A-Za-z]{3,})\d{1,4}\b")
"""A word of three or more letters with a number run into it ('Glycerin15', 'Honey12', 'Guanidine
Hcl14'), never a name's own number, which INCI writes after a space or a hyphen ('Polysorbate
20', 'Laureth-4') or after one or two capitals ('Q10', 'B3')."""
_BODY_FLAGS = frozenset({Flag.HUMAN_DERIVED, Flag.ANIMAL_DERIVED, Flag.HUMAN_OR_ANIMAL})


class Known(StrEnum):
    """A yes/no fact about the whole label that unknowns can leave open."""

    YES = "yes"
    NO = "no"
    NOT_KNOWN = "not known"


class Origin(NamedTuple):
    """Whether a label holds something human- (or animal-) derived, and the ingredients that
    decide it: for YES the ones that are; for NOT_KNOWN the ones that may be."""

    known: Known
    reason: tuple[ReadIngredient, ...]


class ReadIngredient(NamedTuple):
    """One ingredient of a label: as written, and what the vocabulary read it as (if anything)."""

    written: str
    possible: bool
    """Listed under "may contain" or "+/-"."""
    resolution: Resolution | None
    completed: str | None = None
    """The name read when the label's shared noun was added ('Jojoba' of 'Jojoba and Argan
    Oils' read as 'Jojoba Oil'); None when the name was read as written."""

    @property
    def entry(self) -> Entry | None:
        return self.resolution.entry if self.resolution else None

    @property
    def known(self) -> bool:
        return self.resolution is not None

    @property
    def close_match(self) -> bool:
        """Read as a known name it is close to: an inference, shown as one."""
        return self.resolution is not None and self.resolution.how is MatchKind.CLOSE

    def has(self, flags: frozenset[Flag]) -> bool:
        return self.resolution is not None and not flags.isdisjoint(self.resolution.entry.flags)


@dataclass(frozen=True, slots=True)
class LabelReading:
    """A label read against the vocabulary; nothing here depends on a person's answers."""

    ingredients: tuple[ReadIngredient, ...]
    unread_chars: int
    source_category: SourceCategory | None
    """A catalog category; NON_BIOLOGIC only when every ingredient is known and none is a
    biologic; None when the known ones name no source and unknowns (or a biologic whose
    origin the name does not state) leave it open."""
    source_reason: tuple[ReadIngredient, ...]
    """The ingredients that decided it (for None: the ones that left it open)."""
    vegan: Vegan
    vegan_reason: tuple[ReadIngredient, ...]
    """For NO the human- or animal-derived ingredients; for NOT_CONFIRMED the ones that may be
    (and the unknowns); empty for YES."""

    @property
    def listed(self) -> tuple[ReadIngredient, ...]:
        """The ingredients explained one by one: the first MAX_ITEMS (all of them were read)."""
        return self.ingredients[:MAX_ITEMS]

    @property
    def truncated(self) -> bool:
        """The label was cut: more items than are explained one by one, or text not read."""
        return self.unread_chars > 0 or len(self.ingredients) > MAX_ITEMS

    @property
    def known(self) -> tuple[ReadIngredient, ...]:
        return tuple(i for i in self.ingredients if i.known)

    @property
    def unknown(self) -> tuple[ReadIngredient, ...]:
        return tuple(i for i in self.ingredients if not i.known)

    @property
    def complete(self) -> bool:
        """Every ingredient is known and the whole text was read: no verdict rests on unknowns."""
        return not self.truncated and all(i.known for i in self.ingredients)

    def flagged(self, *flags: Flag, definite: bool = False) -> tuple[ReadIngredient, ...]:
        wanted = frozenset(flags)
        return tuple(i for i in self.ingredients if i.has(wanted) and not (definite and i.possible))

    @property
    def human_derived(self) -> bool:
        return bool(self.flagged(Flag.HUMAN_DERIVED, definite=True))

    @property
    def animal_derived(self) -> bool:
        return bool(self.flagged(Flag.ANIMAL_DERIVED, definite=True))

    @property
    def human_origin(self) -> Origin:
        return self._origin(Flag.HUMAN_DERIVED)

    @property
    def animal_origin(self) -> Origin:
        return self._origin(Flag.ANIMAL_DERIVED)

    def _origin(self, flag: Flag) -> Origin:
        """YES when an ingredient surely in the product is; NOT_KNOWN when one may be (from a
        human or an animal, origin not given, a biologic of unstated origin, possible, unknown,
        or text not read); else NO."""
        definite = self.flagged(flag, definite=True)
        if definite:
            return Origin(Known.YES, definite)
        doubtful = tuple(i for i in self.ingredients if _may_be(i, flag))
        if doubtful or self.unread_chars:
            return Origin(Known.NOT_KNOWN, doubtful)
        return Origin(Known.NO, ())

    @property
    def biologics(self) -> tuple[ReadIngredient, ...]:
        """Ingredients that carry the biologic cautions, whatever the source category says."""
        return tuple(i for i in self.ingredients if not i.possible and _biologic(i))

    @property
    def live_cells(self) -> tuple[ReadIngredient, ...]:
        """Ingredients the label says are live stem cells: the guide's red flag."""
        return self.flagged(Flag.LIVE_CELLS)

    @property
    def fragrance(self) -> tuple[ReadIngredient, ...]:
        """Scented ingredients: added fragrance, the EU-listed fragrance allergens and essential
        oils (what the catalog counts as scented for a person sensitive to fragrance)."""
        return self.flagged(Flag.FRAGRANCE, Flag.FRAGRANCE_ALLERGEN, Flag.ESSENTIAL_OIL)

    @property
    def fragrance_free(self) -> bool | None:
        """False with any fragrance; True only when every ingredient is known; else None."""
        if self.fragrance:
            return False
        return True if self.complete else None

    @property
    def irritants(self) -> tuple[ReadIngredient, ...]:
        return self.flagged(*IRRITANT_FLAGS)

    def irritant_names(self, kind: IrritantKind) -> list[str]:
        """The written names of the irritants of a catalog kind (as a product lists them)."""
        flags = _IRRITANT_KINDS[kind]
        return [i.written for i in self.ingredients if flags and i.has(flags)]

    @property
    def fetal_cell_line(self) -> tuple[ReadIngredient, ...]:
        return self.flagged(Flag.FETAL_CELL_LINE)

    @property
    def ethics_notes(self) -> list[str]:
        return [
            _("{written}: its name says it comes from embryonic or fetal cells.").format(written=i.written)
            if i.entry is not None and i.entry.origin_reasons
            else _("{written} is made with cells first grown from donated fetal tissue.").format(
                written=i.written
            )
            for i in self.fetal_cell_line
        ]


def cut_words(r: LabelReading) -> list[str]:
    """What a cut label says, wherever it is shown (text, JSON's reader, the dialog, a card)."""
    lines = []
    if len(r.ingredients) > len(r.listed):
        lines.append(
            _(
                "The label was cut: it lists {len:,} items; the first {len2:,} are "
                "explained one by one, and all were read for this verdict. Is this "
                "one label?"
            ).format(len=len(r.ingredients), len2=len(r.listed))
        )
    if r.unread_chars:
        lines.append(
            _(
                "The label was cut: only the first {len:,} items were read; the "
                "{unread_chars:,} characters after them were not, and the verdict "
                "rests on what was read. Is this one label?"
            ).format(len=len(r.ingredients), unread_chars=r.unread_chars)
        )
    return lines


def read_label(label: str | ParsedLabel, vocabulary: Vocabulary) -> LabelReading:
    """Read a label (text, or one already parsed) ingredient by ingredient, then as a whole.

    Every item is read, also past the MAX_ITEMS explained one by one (a biologic or an
    allergen after the cut still counts); those are not read as typos of known names. A name
    repeated is looked up once."""
    parsed = parse_label(label) if isinstance(label, str) else label
    seen: dict[tuple[str, str, bool], tuple[Resolution | None, str | None]] = {}
    ingredients = []
    for n, item in enumerate(parsed.items):
        memo = (item.name, item.group, n < MAX_ITEMS)
        if memo not in seen:
            seen[memo] = _read(item, vocabulary, close=n < MAX_ITEMS)
        resolution, completed = seen[memo]
        ingredients.append(ReadIngredient(item.written, item.possible, resolution, completed))
    read = tuple(ingredients)
    category, reason = _source(read)
    vegan, vegan_reason = _vegan(read, parsed.unread_chars)
    return LabelReading(
        ingredients=read,
        unread_chars=parsed.unread_chars,
        source_category=category,
        source_reason=reason,
        vegan=vegan,
        vegan_reason=vegan_reason,
    )


def _read(item: LabelItem, vocabulary: Vocabulary, *, close: bool) -> tuple[Resolution | None, str | None]:
    """What an item is, and the fuller name it was read as when the label's shared noun
    ('… and Argan Oils') had to be added to it."""
    resolution = _by_brackets(item.name, vocabulary.resolve(item.name, close=False), vocabulary)
    if resolution is None and "/" in item.name:
        resolution = _by_alternatives(item.name, vocabulary)
    if item.group and (resolution is None or resolution.how in (MatchKind.ORIGIN, MatchKind.SHORTENED)):
        fuller = f"{item.name} {item.group}"
        grouped = vocabulary.resolve(fuller, close=False)
        if grouped is not None and grouped.how is not MatchKind.ORIGIN:
            return grouped, fuller
    if resolution is None:
        unglued = _GLUED_NUMBER.sub(r"\1", item.name)
        if unglued != item.name:  # 'Glycerin15': a web page's footnote number run into the name
            resolution = vocabulary.resolve(unglued, close=False)
    if resolution is None and close:
        resolution = vocabulary.resolve(item.name)
    return resolution, None


def _may_be(i: ReadIngredient, flag: Flag) -> bool:
    """Whether the ingredient may be `flag` (human- or animal-derived) without being surely so."""
    entry = i.entry
    if entry is None:
        return True
    if flag in entry.flags:
        return i.possible
    if Flag.HUMAN_OR_ANIMAL in entry.flags:
        return True
    if flag is Flag.ANIMAL_DERIVED and entry.origin_uncertain:
        return True
    return _biologic(i) and entry.source_category is None and not entry.flags & _BODY_FLAGS


def _biologic(i: ReadIngredient) -> bool:
    entry = i.entry
    return entry is not None and (entry.role in _BIOLOGIC_ROLES or Flag.BIOLOGIC in entry.flags)


def _by_brackets(name: str, outer: Resolution | None, vocabulary: Vocabulary) -> Resolution | None:
    """'EGF (Transgenic Barley sh-Oligopeptide-1)': the part in brackets may be the fuller
    INCI name. It reads the ingredient when the rest does not, or when it names more words."""
    start, end = name.find("("), name.rfind(")")
    if start < 0 or end < start:
        return outer
    inner_text = name[start + 1 : end]
    inner = vocabulary.resolve(inner_text, close=False) if inner_text.strip() else None
    if inner is None or (outer is not None and len(names.words(inner_text)) <= len(names.words(name))):
        return outer
    return inner


def _by_alternatives(name: str, vocabulary: Vocabulary) -> Resolution | None:
    """'Water/Aqua/Eau': names of one ingredient; the first the vocabulary knows reads it."""
    for part in name.split("/"):
        if part.strip():
            found = vocabulary.resolve(part, close=False)
            if found is not None:
                return found
    return None


def _source(
    ingredients: tuple[ReadIngredient, ...],
) -> tuple[SourceCategory | None, tuple[ReadIngredient, ...]]:
    by_category: dict[SourceCategory, list[ReadIngredient]] = {}
    unstated: list[ReadIngredient] = []
    for i in ingredients:
        entry = i.entry
        if entry is None or i.possible:
            continue
        if entry.source_category is not None and entry.source_category is not SourceCategory.NON_BIOLOGIC:
            by_category.setdefault(entry.source_category, []).append(i)
        elif _biologic(i):
            unstated.append(i)
    for category in SOURCE_PRIORITY:
        if category in by_category:
            return category, tuple(by_category[category])
    if unstated:
        return None, tuple(unstated)
    unknown = tuple(i for i in ingredients if not i.known)
    if unknown:
        return None, unknown
    return SourceCategory.NON_BIOLOGIC, ()


def _vegan(ingredients: tuple[ReadIngredient, ...], unread: int) -> tuple[Vegan, tuple[ReadIngredient, ...]]:
    definite = tuple(i for i in ingredients if i.has(_BODY_FLAGS) and not i.possible)
    if definite:
        return Vegan.NO, definite
    doubtful = tuple(
        i
        for i in ingredients
        if i.entry is None
        or i.has(_BODY_FLAGS)
        or i.entry.origin_uncertain
        or _may_be(i, Flag.ANIMAL_DERIVED)
    )
    if doubtful or unread:
        return Vegan.NOT_CONFIRMED, doubtful
    return Vegan.YES, ()
