"""Cautions for a product and a person: shown on every card and sheet, never hidden.

Medical cautions (pregnancy, autoimmune disease, transplant or immunosuppression) put a
"talk to your clinician first" note on every human-derived or novel biologic product;
irritation, allergy and ethics notes follow the guide's advice.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from serumdesk.domain import guide
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Active, Caution, Diet, IrritantKind, Sensitivity
from serumdesk.domain.product import Product


class CautionLevel(StrEnum):
    CLINICIAN = "clinician"
    """Talk to a clinician first."""
    IRRITATION = "irritation"
    ALLERGY = "allergy"
    ETHICS = "ethics"
    INFO = "info"


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
        return self in (CautionKind.MEDICAL, CautionKind.ALLERGY_CHECK,
                        CautionKind.FRAGRANCE_UNKNOWN)


class CautionNote(NamedTuple):
    text: str
    section: str
    level: CautionLevel
    kind: CautionKind


_MEDICAL_CAUTIONS = {
    Caution.PREGNANT_OR_BREASTFEEDING: (
        "You are pregnant or breastfeeding: there is little data on {source} in pregnancy and "
        "while nursing. Talk to your clinician before starting it."
    ),
    Caution.AUTOIMMUNE: (
        "You have an autoimmune condition: {source} is a biologically active signalling mix. "
        "Talk to your dermatologist before using it."
    ),
    Caution.IMMUNOSUPPRESSED: (
        "You have had a transplant or take immune-suppressing medicine: ask your specialist "
        "before using {source}."
    ),
}


def cautions_for(product: Product, answers: Answers) -> list[CautionNote]:
    """Cautions that apply to this product for this person: shown, never hidden."""
    notes: list[CautionNote] = []
    source = product.source_category.label.lower()
    if product.human_derived or product.source_category.is_novel_biologic:
        for caution, template in _MEDICAL_CAUTIONS.items():
            if caution in answers.cautions:
                notes.append(CautionNote(
                    template.format(source=source), guide.AVOID, CautionLevel.CLINICIAN,
                    CautionKind.MEDICAL))
    acids = product.irritant_names(IrritantKind.EXFOLIATING_ACID)
    if acids and answers.in_recovery_window:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)}, an exfoliant: not for freshly treated skin. Ask your "
            "provider when you can start it.", guide.ROUTINE, CautionLevel.IRRITATION,
            CautionKind.EXFOLIANT))
    elif acids and answers.is_sensitive:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)}, an exfoliant that can sting sensitive skin.",
            guide.CHOOSING, CautionLevel.IRRITATION, CautionKind.EXFOLIANT))
    if acids and Active.ACIDS in answers.actives:
        notes.append(CautionNote(
            f"You already use an exfoliating acid and this contains {', '.join(acids)}: "
            "use them on different days, or pick one.", guide.ROUTINE, CautionLevel.IRRITATION,
            CautionKind.PAIRING))
    if acids and Active.RETINOID in answers.actives:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)} and you use a retinoid: alternate nights to limit "
            "irritation.", guide.FAQ, CautionLevel.IRRITATION, CautionKind.PAIRING))
    botanicals = product.irritant_names(IrritantKind.BOTANICAL) + product.irritant_names(
        IrritantKind.ESSENTIAL_OIL)
    if botanicals and (answers.allergens or answers.sensitivity is not Sensitivity.LOW):
        notes.append(CautionNote(
            f"Contains botanicals ({', '.join(botanicals)}): patch test first.",
            guide.AVOID, CautionLevel.ALLERGY, CautionKind.BOTANICALS))
    if answers.allergens:
        notes.append(CautionNote(
            "SerumDesk knows the key ingredients only: check the full ingredient list on the "
            f"pack for {', '.join(answers.allergens)}, and patch test.",
            guide.AVOID, CautionLevel.ALLERGY, CautionKind.ALLERGY_CHECK))
    if Caution.FRAGRANCE_SENSITIVE in answers.cautions and product.fragrance_free is None:
        notes.append(CautionNote(
            "Whether it has fragrance is not stated: check the label.",
            guide.AVOID, CautionLevel.ALLERGY, CautionKind.FRAGRANCE_UNKNOWN))
    if answers.diet is Diet.VEGAN and not product.vegan:
        notes.append(CautionNote(
            "Vegan status is not confirmed by the brand: check before buying.",
            guide.SAFETY, CautionLevel.ETHICS, CautionKind.DIET_UNCONFIRMED))
    if product.human_derived:
        notes.append(CautionNote(
            "Human-derived: patch test first, and ask the brand about donor screening and consent.",
            guide.SAFETY, CautionLevel.INFO, CautionKind.HUMAN_DERIVED))
    for text in product.ethics_notes:
        notes.append(CautionNote(text, guide.SAFETY, CautionLevel.ETHICS, CautionKind.ETHICS))
    return notes
