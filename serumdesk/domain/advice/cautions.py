"""Cautions for a product and a person: shown on every card and sheet, never hidden.

Medical cautions (pregnancy, autoimmune disease, transplant or immunosuppression) put a
"talk to your clinician first" note on every human-derived or novel biologic product;
irritation, allergy and ethics notes follow the guide's advice.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple, Protocol

from serumdesk.domain import guide, medical
from serumdesk.domain.advice.rules import needs_clinician_ok
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import BuyerNote, Product
from serumdesk.domain.catalog.product_text import shown
from serumdesk.domain.choices import (
    Active,
    BuyerNoteKind,
    Caution,
    Diet,
    IrritantKind,
    Sensitivity,
    SourceCategory,
)
from serumdesk.domain.sources import Source, SourceKind
from serumdesk.i18n import N_, _


class CautionLevel(StrEnum):
    CLINICIAN = "clinician"
    """Talk to a clinician first."""
    IRRITATION = "irritation"
    ALLERGY = "allergy"
    ETHICS = "ethics"
    INFO = "info"

    @property
    def label(self) -> str:
        """The one heading for this level, on the card and on the sheet."""
        return {
            CautionLevel.CLINICIAN: "Talk to your clinician first",
            CautionLevel.IRRITATION: "Irritation risk",
            CautionLevel.ALLERGY: "Allergy check",
            CautionLevel.ETHICS: "Ethics",
            CautionLevel.INFO: "Good to know",
        }[self]

    @property
    def mark(self) -> str:
        """How text output marks a caution: '!' to act on, '·' to know."""
        return "·" if self in (CautionLevel.ETHICS, CautionLevel.INFO) else "!"


class CautionKind(StrEnum):
    """What a caution is about. Filters and shared copies read this, never the text."""

    MEDICAL = "medical"
    """Pregnancy, autoimmune disease, a transplant or immune-suppressing medicine."""
    EXFOLIANT = "exfoliant"
    PAIRING = "pairing"
    """Clashes with an active the person already uses."""
    BOTANICALS = "botanicals"
    ALLERGY_CHECK = "allergy-check"
    FRAGRANCE_UNKNOWN = "fragrance-unknown"
    DIET_UNCONFIRMED = "diet-unconfirmed"
    HUMAN_DERIVED = "human-derived"
    ETHICS = "ethics"

    @property
    def private(self) -> bool:
        """It tells a health detail (a condition, allergies, fragrance sensitivity)."""
        return self in (CautionKind.MEDICAL, CautionKind.ALLERGY_CHECK, CautionKind.FRAGRANCE_UNKNOWN)


class CautionNote(NamedTuple):
    text: str
    source: Source
    level: CautionLevel
    kind: CautionKind

    def to_dict(self) -> dict[str, object]:
        """The shape every JSON document gives a caution (recommend, ingredients)."""
        return {
            "text": self.text,
            "level": self.level.value,
            "kind": self.kind.value,
            "source": self.source.to_dict(),
        }


_MEDICAL_REASONS = {
    Caution.PREGNANT: "there is little data on biological actives in pregnancy",
    Caution.BREASTFEEDING: "there is little data on biological actives while breastfeeding",
    Caution.AUTOIMMUNE: "an autoimmune condition calls for caution with any biologically active mix",
    Caution.IMMUNOSUPPRESSED: (
        "after a transplant or on immune-suppressing medicine, ask your specialist first"
    ),
}
"""The guide's 'Who should avoid or use caution', one clause per medical answer."""


def medical_caution_text(answers: Answers) -> str | None:
    """One caution for every human-derived or biologic product, the same for each of them."""
    cautions = answers.cautions
    if {Caution.PREGNANT, Caution.BREASTFEEDING} <= cautions:
        cautions = cautions - {Caution.BREASTFEEDING}  # one clause says both
    reasons = [why for caution, why in _MEDICAL_REASONS.items() if caution in cautions]
    if {Caution.PREGNANT, Caution.BREASTFEEDING} <= answers.cautions:
        reasons[0] = "there is little data on biological actives in pregnancy and while nursing"
    if not reasons:
        return None
    return "Talk to your clinician before starting it: " + "; ".join(reasons) + "."


_FRESH_SKIN_KINDS = (
    IrritantKind.RETINOID,
    IrritantKind.VITAMIN_C,
    IrritantKind.EXFOLIATING_ACID,
    IrritantKind.FRAGRANCE,
    IrritantKind.ESSENTIAL_OIL,
)
"""What the guide's routine keeps off freshly treated skin: actives that irritate and scent."""
_SAME_ACTIVE = (
    (Active.RETINOID, IrritantKind.RETINOID),
    (Active.ACIDS, IrritantKind.EXFOLIATING_ACID),
    (Active.VITAMIN_C, IrritantKind.VITAMIN_C),
)
"""An active the person uses, and the kind that would double it up."""

_BRAND_DIRECTIONS = Source(SourceKind.PRODUCT_FACTS, "the brand's directions")


class CautionSubject(Protocol):
    """What the caution rules read: a catalog Product, or the facts read from a label."""

    @property
    def source_category(self) -> SourceCategory: ...
    @property
    def human_derived(self) -> bool: ...
    @property
    def fragrance_free(self) -> bool | None: ...
    @property
    def vegan(self) -> bool: ...
    @property
    def vegan_status(self) -> str: ...
    @property
    def full_list_checked(self) -> bool: ...
    @property
    def entered_by_you(self) -> bool: ...
    @property
    def buyer_notes(self) -> Sequence[BuyerNote]: ...
    @property
    def ethics_notes(self) -> Sequence[str]: ...
    @property
    def claims_live_cells(self) -> bool: ...
    def irritant_names(self, kind: IrritantKind) -> list[str]: ...


_PRODUCT_IS_A_SUBJECT: type[CautionSubject] = Product
"""mypy checks here that a catalog Product offers everything the rules read."""


def allergy_check_text(product: CautionSubject, allergens: Sequence[str]) -> str:
    """What SerumDesk could check for the person's allergies, and what they must still read."""
    listed = ", ".join(allergens)
    if product.full_list_checked:
        where = "the label you entered" if product.entered_by_you else "a public page"
        return (
            f"Checked against a full ingredient list from {where}; formulas change, "
            f"so read the pack for {listed} too, and patch test."
        )
    return (
        f"SerumDesk knows only part of its ingredients: check the full list on the pack "
        f"for {listed}, and patch test."
    )


LIVE_CELLS_TEXT = N_(
    "The label claims live stem cells: a red flag. SerumDesk's guide says cosmetics almost "
    "never hold living stem cells, and the FDA has approved no stem-cell product for the "
    "skin (only cord-blood cells, for blood disorders). Ask the brand what it means, and a "
    "clinician before using it."
)
"""Said first for any product whose label or brand claims live stem cells, whatever the answers."""


def cautions_for(product: CautionSubject, answers: Answers) -> list[CautionNote]:
    """Cautions that apply to this product for this person: shown, never hidden."""
    notes: list[CautionNote] = []
    if product.claims_live_cells:
        notes.append(
            CautionNote(_(LIVE_CELLS_TEXT), medical.FDA_EXOSOMES, CautionLevel.CLINICIAN, CautionKind.MEDICAL)
        )
    medical_text = medical_caution_text(answers)
    if medical_text and needs_clinician_ok(product.human_derived, product.source_category):
        notes.append(CautionNote(medical_text, guide.AVOID, CautionLevel.CLINICIAN, CautionKind.MEDICAL))
    retinoids = product.irritant_names(IrritantKind.RETINOID)
    if retinoids and Caution.PREGNANT in answers.cautions:
        notes.append(
            CautionNote(
                f"Contains a retinoid ({', '.join(retinoids)}): while pregnant or trying to "
                "conceive, pause retinoids and ask your clinician.",
                medical.RETINOIDS_IN_PREGNANCY,
                CautionLevel.CLINICIAN,
                CautionKind.MEDICAL,
            )
        )
    elif retinoids and Caution.BREASTFEEDING in answers.cautions:
        notes.append(
            CautionNote(
                f"Contains a retinoid ({', '.join(retinoids)}): while breastfeeding, ask your "
                "clinician first; drug-safety references rate topical tretinoin low risk if it is "
                "kept off the breast and away from the baby's skin.",
                medical.RETINOIDS_WHILE_BREASTFEEDING,
                CautionLevel.CLINICIAN,
                CautionKind.MEDICAL,
            )
        )
    acids = product.irritant_names(IrritantKind.EXFOLIATING_ACID)
    fresh: dict[str, str] = {}  # each ingredient once, by the first kind it is
    for kind in _FRESH_SKIN_KINDS:
        for name in product.irritant_names(kind):
            fresh.setdefault(name, f"{name} ({kind.label})")
    if fresh and answers.in_recovery_window:
        notes.append(
            CautionNote(
                f"Contains {', '.join(fresh.values())}: not for freshly treated skin. Ask your "
                "provider when you can start it.",
                guide.ROUTINE,
                CautionLevel.IRRITATION,
                CautionKind.EXFOLIANT,
            )
        )
    elif acids and answers.is_sensitive:
        notes.append(
            CautionNote(
                f"Contains {', '.join(acids)}, an exfoliant that can sting sensitive skin.",
                guide.CHOOSING,
                CautionLevel.IRRITATION,
                CautionKind.EXFOLIANT,
            )
        )
    for active, kind in _SAME_ACTIVE:
        same = product.irritant_names(kind)
        if same and active in answers.actives:
            article = "an" if kind.label[0] in "aeiou" else "a"
            notes.append(
                CautionNote(
                    f"You already use {article} {kind.label} and this contains {', '.join(same)}: "
                    "using both doubles up; use them on different days, or pick one.",
                    guide.ROUTINE,
                    CautionLevel.IRRITATION,
                    CautionKind.PAIRING,
                )
            )
    if acids and Active.RETINOID in answers.actives:
        notes.append(
            CautionNote(
                f"Contains {', '.join(acids)} and you use a retinoid: alternate nights to limit irritation.",
                guide.FAQ,
                CautionLevel.IRRITATION,
                CautionKind.PAIRING,
            )
        )
    botanicals = product.irritant_names(IrritantKind.BOTANICAL) + product.irritant_names(
        IrritantKind.ESSENTIAL_OIL
    )
    if botanicals and (answers.allergens or answers.sensitivity is not Sensitivity.LOW):
        notes.append(
            CautionNote(
                f"Contains botanicals ({', '.join(botanicals)}): patch test first.",
                guide.AVOID,
                CautionLevel.ALLERGY,
                CautionKind.BOTANICALS,
            )
        )
    for note in product.buyer_notes:
        if note.kind is BuyerNoteKind.PAIRING and note.active in answers.actives:
            notes.append(
                CautionNote(shown(note.text), _BRAND_DIRECTIONS, CautionLevel.IRRITATION, CautionKind.PAIRING)
            )
    if answers.allergens:
        notes.append(
            CautionNote(
                allergy_check_text(product, answers.allergens),
                guide.AVOID,
                CautionLevel.ALLERGY,
                CautionKind.ALLERGY_CHECK,
            )
        )
    if Caution.FRAGRANCE_SENSITIVE in answers.cautions and product.fragrance_free is None:
        notes.append(
            CautionNote(
                "Whether it has fragrance is not stated: check the label.",
                guide.AVOID,
                CautionLevel.ALLERGY,
                CautionKind.FRAGRANCE_UNKNOWN,
            )
        )
    if answers.diet is Diet.VEGAN and product.vegan_status != "yes":
        likely = "Likely vegan, but that" if product.vegan else "Vegan status"
        notes.append(
            CautionNote(
                f"{likely} is not confirmed by the brand: check before buying.",
                guide.SAFETY,
                CautionLevel.ETHICS,
                CautionKind.DIET_UNCONFIRMED,
            )
        )
    if product.source_category is SourceCategory.UNDETERMINED and answers.diet is not Diet.ANY:
        notes.append(
            CautionNote(
                "Its label does not say whether its biologic ingredients are human, animal, plant "
                "or lab-made, so it may be human-derived: ask the brand before buying.",
                guide.CHOOSING,
                CautionLevel.ETHICS,
                CautionKind.DIET_UNCONFIRMED,
            )
        )
    if product.human_derived:
        notes.append(
            CautionNote(
                "Human-derived: patch test first, and ask the brand about donor screening and consent.",
                guide.SAFETY,
                CautionLevel.INFO,
                CautionKind.HUMAN_DERIVED,
            )
        )
    for text in product.ethics_notes:
        notes.append(CautionNote(shown(text), guide.SAFETY, CautionLevel.ETHICS, CautionKind.ETHICS))
    return notes
