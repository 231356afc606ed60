"""What a label says about the product, from its ingredients alone: source, origin, vegan,
fragrance and irritants. These are the facts a product made from a label carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from serumdesk.domain.choices import IrritantKind, SourceCategory, Vegan
from serumdesk.domain.ingredients import names
from serumdesk.domain.ingredients.entry import Entry, MatchKind, Resolution
from serumdesk.domain.ingredients.kinds import Flag, Role
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.parse import LabelItem, ParsedLabel, parse_label

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

IRRITANT_FLAGS: tuple[Flag, ...] = (Flag.EXFOLIATING_ACID, Flag.RETINOID, Flag.ESSENTIAL_OIL,
                                    Flag.FRAGRANCE_ALLERGEN, Flag.COMMON_IRRITANT)
_IRRITANT_KINDS: dict[IrritantKind, frozenset[Flag]] = {
    IrritantKind.EXFOLIATING_ACID: frozenset({Flag.EXFOLIATING_ACID}),
    IrritantKind.RETINOID: frozenset({Flag.RETINOID}),
    IrritantKind.FRAGRANCE: frozenset({Flag.FRAGRANCE, Flag.FRAGRANCE_ALLERGEN}),
    IrritantKind.ESSENTIAL_OIL: frozenset({Flag.ESSENTIAL_OIL}),
    IrritantKind.BOTANICAL: frozenset(),
}
"""The catalog's irritant kinds as vocabulary flags. A label names no 'botanical' irritant:
plant extracts are ordinary, and the ones that irritate carry a flag of their own."""
_BIOLOGIC_ROLES = frozenset({Role.BIOLOGIC, Role.GROWTH_FACTOR})


class ReadIngredient(NamedTuple):
    """One ingredient of a label: as written, and what the vocabulary read it as (if anything)."""

    written: str
    possible: bool
    """Listed under "may contain" or "+/-"."""
    resolution: Resolution | None

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
    def known(self) -> tuple[ReadIngredient, ...]:
        return tuple(i for i in self.ingredients if i.known)

    @property
    def unknown(self) -> tuple[ReadIngredient, ...]:
        return tuple(i for i in self.ingredients if not i.known)

    @property
    def complete(self) -> bool:
        """Every ingredient is known and the whole text was read: no verdict rests on unknowns."""
        return self.unread_chars == 0 and all(i.known for i in self.ingredients)

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
        return [f"{i.written} is made with cells first grown from donated fetal tissue."
                for i in self.fetal_cell_line]


def read_label(label: str | ParsedLabel, vocabulary: Vocabulary) -> LabelReading:
    """Read a label (text, or one already parsed) ingredient by ingredient, then as a whole."""
    parsed = parse_label(label) if isinstance(label, str) else label
    ingredients = tuple(_read(item, vocabulary) for item in parsed.items)
    category, reason = _source(ingredients)
    vegan, vegan_reason = _vegan(ingredients, parsed.unread_chars)
    return LabelReading(ingredients=ingredients, unread_chars=parsed.unread_chars,
                        source_category=category, source_reason=reason,
                        vegan=vegan, vegan_reason=vegan_reason)


def _read(item: LabelItem, vocabulary: Vocabulary) -> ReadIngredient:
    resolution = _by_brackets(item.name, vocabulary.resolve(item.name, close=False), vocabulary)
    if resolution is None and "/" in item.name:
        resolution = _by_alternatives(item.name, vocabulary)
    if resolution is None:
        resolution = vocabulary.resolve(item.name)
    return ReadIngredient(item.written, item.possible, resolution)


def _by_brackets(name: str, outer: Resolution | None, vocabulary: Vocabulary) -> Resolution | None:
    """'EGF (Transgenic Barley sh-Oligopeptide-1)': the part in brackets may be the fuller
    INCI name. It reads the ingredient when the rest does not, or when it names more words."""
    start, end = name.find("("), name.rfind(")")
    if start < 0 or end < start:
        return outer
    inner_text = name[start + 1:end]
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


def _source(ingredients: tuple[ReadIngredient, ...]) -> tuple[SourceCategory | None,
                                                               tuple[ReadIngredient, ...]]:
    by_category: dict[SourceCategory, list[ReadIngredient]] = {}
    unstated: list[ReadIngredient] = []
    for i in ingredients:
        entry = i.entry
        if entry is None or i.possible:
            continue
        if entry.source_category is not None and entry.source_category is not SourceCategory.NON_BIOLOGIC:
            by_category.setdefault(entry.source_category, []).append(i)
        elif entry.role in _BIOLOGIC_ROLES:
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
    derived = frozenset({Flag.HUMAN_DERIVED, Flag.ANIMAL_DERIVED})
    definite = tuple(i for i in ingredients if i.has(derived) and not i.possible)
    if definite:
        return Vegan.NO, definite
    doubtful = tuple(i for i in ingredients
                     if i.entry is None or i.has(derived) or i.entry.origin_uncertain)
    if doubtful or unread:
        return Vegan.NOT_CONFIRMED, doubtful
    return Vegan.YES, ()
