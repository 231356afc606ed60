"""Where a statement comes from: the guide, the product facts, named general medical guidance,
a regulation or a reference work, or SerumDesk's own inference.

Every reason, caution and piece of advice carries one, so each surface can say where it
comes from. General medical guidance is its own kind: it is used only where safety needs
more than the guide says, and still points to a clinician.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from serumdesk.i18n import _


class SourceKind(StrEnum):
    GUIDE = "guide"
    """The guide SerumDesk is built on; `title` is the section."""
    PRODUCT_FACTS = "product-facts"
    """The sourced and dated product facts behind the catalog."""
    MEDICAL = "medical"
    """Named public medical or regulatory guidance, beyond the guide."""
    REGULATION = "regulation"
    """A law or regulation's own text (the EU's list of fragrance allergens, say)."""
    REFERENCE = "reference"
    """A reference work: an INCI dictionary, a patch-test series, a textbook."""
    INFERENCE = "inference"
    """SerumDesk's own reading; `title` says what it rests on."""


@dataclass(frozen=True, slots=True)
class Source:
    kind: SourceKind
    title: str

    def cite(self) -> str:
        """'guide: How to use …' — short enough for a tooltip or a line on the sheet."""
        prefix = {
            # TRANSLATORS: "guide: <section title>": the section keeps the guide's own title.
            SourceKind.GUIDE: _("guide"),
            SourceKind.PRODUCT_FACTS: _("product facts"),
            SourceKind.MEDICAL: _("general medical guidance"),
            SourceKind.REGULATION: _("regulation"),
            SourceKind.REFERENCE: _("reference"),
            SourceKind.INFERENCE: _("SerumDesk's inference"),
        }[self.kind]
        # A title marked with N_ (an inference's reasoning) is worded in the current language;
        # a guide section or a cited work keeps its own title.
        return f"{prefix}: {_(self.title)}"

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind.value, "title": self.title}


def from_guide(section: str) -> Source:
    return Source(SourceKind.GUIDE, section)
