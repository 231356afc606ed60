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


class CautionNote(NamedTuple):
    text: str
    section: str
    level: CautionLevel


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
                    template.format(source=source), guide.AVOID, CautionLevel.CLINICIAN))
    acids = product.irritant_names(IrritantKind.EXFOLIATING_ACID)
    if acids and answers.in_recovery_window:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)}, an exfoliant: not for freshly treated skin. Ask your "
            "provider when you can start it.", guide.ROUTINE, CautionLevel.IRRITATION))
    elif acids and answers.is_sensitive:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)}, an exfoliant that can sting sensitive skin.",
            guide.CHOOSING, CautionLevel.IRRITATION))
    if acids and Active.ACIDS in answers.actives:
        notes.append(CautionNote(
            f"You already use an exfoliating acid and this contains {', '.join(acids)}: "
            "use them on different days, or pick one.", guide.ROUTINE, CautionLevel.IRRITATION))
    if acids and Active.RETINOID in answers.actives:
        notes.append(CautionNote(
            f"Contains {', '.join(acids)} and you use a retinoid: alternate nights to limit "
            "irritation.", guide.FAQ, CautionLevel.IRRITATION))
    botanicals = product.irritant_names(IrritantKind.BOTANICAL) + product.irritant_names(
        IrritantKind.ESSENTIAL_OIL)
    if botanicals and (answers.allergens or answers.sensitivity is not Sensitivity.LOW):
        notes.append(CautionNote(
            f"Contains botanicals ({', '.join(botanicals)}): patch test first.",
            guide.AVOID, CautionLevel.ALLERGY))
    if answers.allergens:
        notes.append(CautionNote(
            "SerumDesk knows the key ingredients only: check the full ingredient list on the "
            f"pack for {', '.join(answers.allergens)}, and patch test.",
            guide.AVOID, CautionLevel.ALLERGY))
    if Caution.FRAGRANCE_SENSITIVE in answers.cautions and product.fragrance_free is None:
        notes.append(CautionNote(
            "Whether it has fragrance is not stated: check the label.",
            guide.AVOID, CautionLevel.ALLERGY))
    if answers.diet is Diet.VEGAN and not product.vegan:
        notes.append(CautionNote(
            "Vegan status is not confirmed by the brand: check before buying.",
            guide.SAFETY, CautionLevel.ETHICS))
    if product.human_derived:
        notes.append(CautionNote(
            "Human-derived: patch test first, and ask the brand about donor screening and consent.",
            guide.SAFETY, CautionLevel.INFO))
    for text in product.ethics_notes:
        notes.append(CautionNote(text, guide.SAFETY, CautionLevel.ETHICS))
    return notes
