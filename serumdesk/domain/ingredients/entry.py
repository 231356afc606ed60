"""What a written ingredient name was read as: a vocabulary entry, and how it was found."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from serumdesk.domain.choices import SourceCategory
from serumdesk.domain.ingredients.kinds import Flag, Role
from serumdesk.i18n import _

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.model import SourceRef


@dataclass(frozen=True, slots=True)
class Entry:
    """An ingredient as the vocabulary knows it: from the file's ingredient list, or made
    from a name pattern for a name the list does not hold (then `pattern` is its id)."""

    key: str
    """The matching key of its INCI name: one per ingredient, what allergy queries compare."""
    inci: str
    """Its INCI name; for an unspecified member of a family, the family's label."""
    role: Role
    explanation_source: str
    """The explanation as the vocabulary file writes it (English); '' when it is made from
    the name's origin words or its family. Shown through `explanation`."""
    flags: frozenset[Flag]
    families: tuple[str, ...]
    """Family ids as listed (without their ancestors)."""
    in_families: frozenset[str]
    """The listed families and all their ancestors: what a family allergy matches."""
    may_be_in: frozenset[str]
    """The `may_be` families and their ancestors: a possible, never definite, match."""
    source_category: SourceCategory | None
    source: SourceRef
    origin_uncertain: bool
    """It may come from an animal (flag origin-varies, or a `may_be` family of animal origin)."""
    pattern: str | None = None
    origin_reasons: tuple[str, ...] = ()
    """What words of its name say of where it comes from, as the vocabulary file writes it
    (English): shown through `origin_note`."""

    # The vocabulary's prose is translated when it is shown, never when it is read: entries
    # are kept across languages (a sheet is made in the patient's language), and
    # scripts/catalogues.py extracts the file's text for the translators.

    @property
    def is_family(self) -> bool:
        """An unspecified member of a family, as a product lists it ('peptides')."""
        return self.key.startswith("family:")

    @property
    def shown_name(self) -> str:
        """Its INCI name as written; a family's label in the person's language."""
        return _(self.inci) if self.is_family else self.inci

    @property
    def explanation(self) -> str:
        """What it is, in the person's language."""
        if self.is_family:
            label = self.shown_name
            return _("Not named: any of {lower}{label}.").format(lower=label[:1].lower(), label=label[1:])
        if not self.explanation_source:
            return self.origin_note or ""
        return _(self.explanation_source)

    @property
    def origin_note(self) -> str | None:
        """'Read from the name: …' when words of its name say where it comes from."""
        if not self.origin_reasons:
            return None
        return _("Read from the name: {reasons}.").format(
            reasons="; ".join(_(r) for r in self.origin_reasons)
        )

    @property
    def human_derived(self) -> bool:
        return Flag.HUMAN_DERIVED in self.flags

    @property
    def animal_derived(self) -> bool:
        return Flag.ANIMAL_DERIVED in self.flags

    @property
    def inferred(self) -> bool:
        """Read from the shape of its name, or from a source of the kind 'inference'."""
        return self.pattern is not None or bool(self.origin_reasons) or self.source.kind == "inference"


class MatchKind(StrEnum):
    """How a written name was found, from surest to least sure."""

    EXACT = "exact"
    """Its INCI name or a listed synonym, ignoring case, accents, dashes and plurals."""
    WORD_ORDER = "word-order"
    PATTERN = "pattern"
    """The shape of its name (… Conditioned Media, sh-Oligopeptide-n)."""
    ORIGIN = "origin"
    """Not a known name: words of it say where it comes from (bovine, human, colostrum)."""
    SHORTENED = "shortened"
    """The start of one known name only ('Glycolic' for Glycolic Acid), said as such."""
    CLOSE = "close"
    """Close to a known name: a likely typo, reported as an inference."""


class Resolution(NamedTuple):
    entry: Entry
    how: MatchKind
    read_as: str
    """The known name it matched (for CLOSE, what the written name was read as)."""
