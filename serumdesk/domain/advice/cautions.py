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
        return _(
            {
                CautionLevel.CLINICIAN: N_("Talk to your clinician first"),
                CautionLevel.IRRITATION: N_("Irritation risk"),
                CautionLevel.ALLERGY: N_("Allergy check"),
                CautionLevel.ETHICS: N_("Ethics"),
                CautionLevel.INFO: N_("Good to know"),
            }[self]
        )

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
    Caution.PREGNANT: N_("there is little data on biological actives in pregnancy"),
    Caution.BREASTFEEDING: N_("there is little data on biological actives while breastfeeding"),
    Caution.AUTOIMMUNE: N_("an autoimmune condition calls for caution with any biologically active mix"),
    Caution.IMMUNOSUPPRESSED: N_(
        "after a transplant or on immune-suppressing medicine, ask your specialist first"
    ),
}
"""The guide's 'Who should avoid or use caution', one clause per medical answer (marked with
N_, translated where the caution is made)."""
_PREGNANT_AND_NURSING = N_("there is little data on biological actives in pregnancy and while nursing")


def medical_caution_text(answers: Answers) -> str | None:
    """One caution for every human-derived or biologic product, the same for each of them."""
    cautions = answers.cautions
    if {Caution.PREGNANT, Caution.BREASTFEEDING} <= cautions:
        cautions = cautions - {Caution.BREASTFEEDING}  # one clause says both
    reasons = [why for caution, why in _MEDICAL_REASONS.items() if caution in cautions]
    if {Caution.PREGNANT, Caution.BREASTFEEDING} <= answers.cautions:
        reasons[0] = _PREGNANT_AND_NURSING
    if not reasons:
        return None
    # TRANSLATORS: {reasons} is one or more of the clauses "there is little data on …",
    # "an autoimmune condition calls for …", separated by semicolons.
    return _("Talk to your clinician before starting it: {reasons}.").format(
        reasons="; ".join(_(why) for why in reasons)
    )


_FRESH_SKIN_KINDS = (
    IrritantKind.RETINOID,
    IrritantKind.VITAMIN_C,
    IrritantKind.EXFOLIATING_ACID,
    IrritantKind.FRAGRANCE,
    IrritantKind.ESSENTIAL_OIL,
)
"""What the guide's routine keeps off freshly treated skin: actives that irritate and scent."""
_SAME_ACTIVE = (
    (
        Active.RETINOID,
        IrritantKind.RETINOID,
        N_(
            "You already use a retinoid and this contains {names}: "
            "using both doubles up; use them on different days, or pick one."
        ),
    ),
    (
        Active.ACIDS,
        IrritantKind.EXFOLIATING_ACID,
        N_(
            "You already use an exfoliating acid and this contains {names}: "
            "using both doubles up; use them on different days, or pick one."
        ),
    ),
    (
        Active.VITAMIN_C,
        IrritantKind.VITAMIN_C,
        N_(
            "You already use a vitamin C and this contains {names}: "
            "using both doubles up; use them on different days, or pick one."
        ),
    ),
)
"""An active the person uses, the kind that would double it up, and the caution saying so
(one whole sentence each: the article and word order differ by language)."""

_BRAND_DIRECTIONS = Source(SourceKind.PRODUCT_FACTS, N_("the brand's directions"))


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
    if product.full_list_checked and product.entered_by_you:
        return _(
            "Checked against a full ingredient list from the label you entered; formulas change, "
            "so read the pack for {allergens} too, and patch test."
        ).format(allergens=listed)
    if product.full_list_checked:
        return _(
            "Checked against a full ingredient list from a public page; formulas change, "
            "so read the pack for {allergens} too, and patch test."
        ).format(allergens=listed)
    return _(
        "SerumDesk knows only part of its ingredients: check the full list on the pack "
        "for {allergens}, and patch test."
    ).format(allergens=listed)


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
                _(
                    "Contains a retinoid ({names}): while pregnant or trying to "
                    "conceive, pause retinoids and ask your clinician."
                ).format(names=", ".join(retinoids)),
                medical.RETINOIDS_IN_PREGNANCY,
                CautionLevel.CLINICIAN,
                CautionKind.MEDICAL,
            )
        )
    elif retinoids and Caution.BREASTFEEDING in answers.cautions:
        notes.append(
            CautionNote(
                _(
                    "Contains a retinoid ({names}): while breastfeeding, ask your "
                    "clinician first; drug-safety references rate topical tretinoin low risk if it is "
                    "kept off the breast and away from the baby's skin."
                ).format(names=", ".join(retinoids)),
                medical.RETINOIDS_WHILE_BREASTFEEDING,
                CautionLevel.CLINICIAN,
                CautionKind.MEDICAL,
            )
        )
    acids = product.irritant_names(IrritantKind.EXFOLIATING_ACID)
    fresh: dict[str, str] = {}  # each ingredient once, by the first kind it is
    for kind in _FRESH_SKIN_KINDS:
        for name in product.irritant_names(kind):
            # TRANSLATORS: an ingredient and what kind of irritant it is: "glycolic acid (exfoliating acid)".
            fresh.setdefault(name, _("{ingredient} ({kind})").format(ingredient=name, kind=kind.label))
    if fresh and answers.in_recovery_window:
        notes.append(
            CautionNote(
                _(
                    "Contains {ingredients}: not for freshly treated skin. Ask your "
                    "provider when you can start it."
                ).format(ingredients=", ".join(fresh.values())),
                guide.ROUTINE,
                CautionLevel.IRRITATION,
                CautionKind.EXFOLIANT,
            )
        )
    elif acids and answers.is_sensitive:
        notes.append(
            CautionNote(
                _("Contains {names}, an exfoliant that can sting sensitive skin.").format(
                    names=", ".join(acids)
                ),
                guide.CHOOSING,
                CautionLevel.IRRITATION,
                CautionKind.EXFOLIANT,
            )
        )
    for active, kind, doubled in _SAME_ACTIVE:
        same = product.irritant_names(kind)
        if same and active in answers.actives:
            notes.append(
                CautionNote(
                    _(doubled).format(names=", ".join(same)),
                    guide.ROUTINE,
                    CautionLevel.IRRITATION,
                    CautionKind.PAIRING,
                )
            )
    if acids and Active.RETINOID in answers.actives:
        notes.append(
            CautionNote(
                _("Contains {names} and you use a retinoid: alternate nights to limit irritation.").format(
                    names=", ".join(acids)
                ),
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
                _("Contains botanicals ({names}): patch test first.").format(names=", ".join(botanicals)),
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
                _("Whether it has fragrance is not stated: check the label."),
                guide.AVOID,
                CautionLevel.ALLERGY,
                CautionKind.FRAGRANCE_UNKNOWN,
            )
        )
    if answers.diet is Diet.VEGAN and product.vegan_status != "yes":
        notes.append(
            CautionNote(
                _("Likely vegan, but that is not confirmed by the brand: check before buying.")
                if product.vegan
                else _("Vegan status is not confirmed by the brand: check before buying."),
                guide.SAFETY,
                CautionLevel.ETHICS,
                CautionKind.DIET_UNCONFIRMED,
            )
        )
    if product.source_category is SourceCategory.UNDETERMINED and answers.diet is not Diet.ANY:
        notes.append(
            CautionNote(
                _(
                    "Its label does not say whether its biologic ingredients are human, animal, plant "
                    "or lab-made, so it may be human-derived: ask the brand before buying."
                ),
                guide.CHOOSING,
                CautionLevel.ETHICS,
                CautionKind.DIET_UNCONFIRMED,
            )
        )
    if product.human_derived:
        notes.append(
            CautionNote(
                _("Human-derived: patch test first, and ask the brand about donor screening and consent."),
                guide.SAFETY,
                CautionLevel.INFO,
                CautionKind.HUMAN_DERIVED,
            )
        )
    for text in product.ethics_notes:
        notes.append(CautionNote(shown(text), guide.SAFETY, CautionLevel.ETHICS, CautionKind.ETHICS))
    return notes
