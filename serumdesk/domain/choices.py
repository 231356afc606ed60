"""The fixed vocabularies of answers and catalog fields, with plain-language labels.

Kept free of pydantic so the wizard's first page can import it cheaply.
"""

from __future__ import annotations

from enum import StrEnum

from serumdesk.i18n import N_, _


class UseCase(StrEnum):
    POST_PROCEDURE = "post-procedure"
    TEXTURE_FIRMNESS = "texture-firmness"
    HYDRATION = "hydration"
    BRIGHTENING = "brightening"
    MILD_CONCERNS = "mild-concerns"
    SENSITIVE_BARRIER = "sensitive-barrier"
    MATURE_THIN = "mature-thin-skin"
    """The guide: "aging or thin skin", "fine lines post-menopause"."""

    @property
    def label(self) -> str:
        return _(_USE_CASE_LABELS[self])

    @property
    def detail(self) -> str:
        return _(_USE_CASE_DETAILS[self])


_USE_CASE_LABELS = {
    UseCase.POST_PROCEDURE: N_("Recovery after a procedure"),
    UseCase.TEXTURE_FIRMNESS: N_("Texture and firmness"),
    UseCase.HYDRATION: N_("Hydration"),
    UseCase.BRIGHTENING: N_("Brightening"),
    UseCase.MILD_CONCERNS: N_("Mild concerns"),
    UseCase.SENSITIVE_BARRIER: N_("Sensitive or compromised barrier"),
    UseCase.MATURE_THIN: N_("Mature or thin skin"),
}
_USE_CASE_DETAILS = {
    UseCase.POST_PROCEDURE: N_("After microneedling, a laser or a peel"),
    UseCase.TEXTURE_FIRMNESS: N_("Mature skin, loss of firmness, acne scarring"),
    UseCase.HYDRATION: N_("Dry or dehydrated, often mature, skin"),
    UseCase.BRIGHTENING: N_("Dark spots and expression lines"),
    UseCase.MILD_CONCERNS: N_("Early fine lines, surface texture"),
    UseCase.SENSITIVE_BARRIER: N_("Reactive skin that stings or reddens easily"),
    UseCase.MATURE_THIN: N_("Aging or thin skin, fine lines after menopause"),
}


class Sensitivity(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def label(self) -> str:
        return _(
            {
                Sensitivity.LOW: N_("Rarely reacts"),
                Sensitivity.MODERATE: N_("Sometimes reacts to new products"),
                Sensitivity.HIGH: N_("Reacts often: stinging, redness, rashes"),
            }[self]
        )


class Diet(StrEnum):
    ANY = "any"
    NO_FETAL_CELL_LINE = "no-fetal-cell-line"
    NO_HUMAN_DERIVED = "no-human-derived"
    VEGAN = "vegan"

    @property
    def label(self) -> str:
        return _(
            {
                Diet.ANY: N_("No preference"),
                Diet.NO_FETAL_CELL_LINE: N_("Nothing derived from a fetal cell line"),
                Diet.NO_HUMAN_DERIVED: N_("No human-derived ingredients"),
                Diet.VEGAN: N_("Vegan (no human- or animal-derived ingredients)"),
            }[self]
        )

    @property
    def detail(self) -> str:
        return _(
            {
                Diet.ANY: N_("Every source is considered; human-derived ones are labelled as such."),
                Diet.NO_FETAL_CELL_LINE: N_(
                    "Leaves out serums whose active comes from cells grown from "
                    "fetal tissue; other human-derived ones remain."
                ),
                Diet.NO_HUMAN_DERIVED: N_("Leaves out serums made with media or lysate from human cells."),
                Diet.VEGAN: N_("Also leaves out animal-derived actives; plant and lab-made ones remain."),
            }[self]
        )


class Caution(StrEnum):
    PREGNANT = "pregnant"
    BREASTFEEDING = "breastfeeding"
    AUTOIMMUNE = "autoimmune"
    IMMUNOSUPPRESSED = "immunosuppressed"
    ORAL_ISOTRETINOIN = "oral-isotretinoin"
    """Now or in the last six months."""
    SKIN_CONDITION = "rosacea-eczema-dermatitis"
    FRAGRANCE_SENSITIVE = "fragrance-sensitive"
    PREGNANT_OR_BREASTFEEDING = "pregnant"
    """An alias of PREGNANT for code written before breastfeeding was its own answer (the
    stricter of the two); files and the command line map the old value to both answers."""

    @property
    def label(self) -> str:
        return _(
            {
                Caution.PREGNANT: N_("Pregnant or trying to conceive"),
                Caution.BREASTFEEDING: N_("Breastfeeding"),
                Caution.AUTOIMMUNE: N_("An autoimmune condition"),
                Caution.IMMUNOSUPPRESSED: N_("A transplant, or medicines that suppress the immune system"),
                Caution.ORAL_ISOTRETINOIN: N_("Oral isotretinoin, now or in the last 6 months"),
                Caution.SKIN_CONDITION: N_("Rosacea, eczema or dermatitis"),
                Caution.FRAGRANCE_SENSITIVE: N_("Sensitive to fragrance"),
            }[self]
        )

    @property
    def is_medical(self) -> bool:
        """A health detail shown in the answers' medical row (and left off a shared copy)."""
        return self is not Caution.FRAGRANCE_SENSITIVE

    @property
    def gates_biologics(self) -> bool:
        """The guide's 'Who should avoid or use caution': ask a clinician (a specialist, after
        a transplant) before starting a human-derived or novel biologic product."""
        return self in (Caution.PREGNANT, Caution.BREASTFEEDING, Caution.AUTOIMMUNE, Caution.IMMUNOSUPPRESSED)


OLD_PREGNANT_OR_BREASTFEEDING = "pregnant-or-breastfeeding"
"""The one answer profiles (schema 3 and older) and the command line had for both; it now
means both answers, the safest reading."""


class LaserType(StrEnum):
    ABLATIVE = "ablative"
    NON_ABLATIVE = "non-ablative"
    NOT_SURE = "not-sure"

    @property
    def label(self) -> str:
        return _(
            {
                LaserType.ABLATIVE: N_("Ablative (CO2 or erbium resurfacing that removes the surface)"),
                LaserType.NON_ABLATIVE: N_("Non-ablative (heats below an intact surface)"),
                LaserType.NOT_SURE: N_("Not sure"),
            }[self]
        )


class Active(StrEnum):
    RETINOID = "retinoid"
    ACIDS = "acids"
    VITAMIN_C = "vitamin-c"

    @property
    def label(self) -> str:
        return _(
            {
                Active.RETINOID: N_("A retinoid (retinol, tretinoin, adapalene…)"),
                Active.ACIDS: N_("Exfoliating acids (glycolic, lactic, salicylic…)"),
                Active.VITAMIN_C: N_("Vitamin C"),
            }[self]
        )


class AlternativeKind(StrEnum):
    """The guide's lower-cost alternatives ("Cost-saving and alternatives")."""

    PEPTIDE = "peptide"
    HYALURONIC_ACID = "hyaluronic-acid"
    NIACINAMIDE = "niacinamide"

    @property
    def label(self) -> str:
        return _(
            {
                AlternativeKind.PEPTIDE: N_("peptide serum"),
                AlternativeKind.HYALURONIC_ACID: N_("hyaluronic acid serum"),
                AlternativeKind.NIACINAMIDE: N_("niacinamide serum"),
            }[self]
        )


class BuyerNoteKind(StrEnum):
    """What a buyer-facing catalog note is about (research remarks stay in `notes`)."""

    RETURNS = "returns"
    PAIRING = "pairing"
    PREGNANCY = "pregnancy"
    PRICE = "price"
    USE = "use"
    FORMULA = "formula"
    SIZES = "sizes"


class InferredFact(StrEnum):
    """Catalog facts that are SerumDesk's inference rather than a stated fact."""

    HUMAN_DERIVED = "human-derived"
    VEGAN = "vegan"
    USE_CASES = "use-cases"
    SOURCE = "source"
    FRAGRANCE = "fragrance"


class Procedure(StrEnum):
    MICRONEEDLING = "microneedling"
    LASER = "laser"
    PEEL = "peel"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _(
            {
                Procedure.MICRONEEDLING: N_("Microneedling"),
                Procedure.LASER: N_("Laser (fractional or other)"),
                Procedure.PEEL: N_("Chemical peel"),
                Procedure.OTHER: N_("Another in-office treatment"),
            }[self]
        )


class SourceCategory(StrEnum):
    HUMAN_FIBROBLAST_CM = "human-fibroblast-conditioned-media"
    HUMAN_ADIPOSE_CM = "human-adipose-conditioned-media"
    HUMAN_LYSATE = "human-cell-lysate-growth-factors"
    EXOSOME_CM = "exosome-rich-conditioned-media"
    LAB_PEPTIDES_GF = "lab-made-peptides-growth-factors"
    PLANT_CELL_CULTURE = "plant-cell-culture"
    PLANT_MADE_GF = "plant-made-growth-factor"
    NON_BIOLOGIC = "non-biologic-alternative"
    UNDETERMINED = "undetermined"
    """Only for a product a person entered, whose label leaves the source open."""

    @property
    def label(self) -> str:
        return _(_SOURCE_LABELS[self])

    @property
    def is_novel_biologic(self) -> bool:
        """Signalling proteins, vesicles or conditioned media: the guide's 'novel biological
        actives'. A source the label leaves open counts too, to be safe."""
        return self not in (SourceCategory.PLANT_CELL_CULTURE, SourceCategory.NON_BIOLOGIC)


_SOURCE_LABELS = {
    SourceCategory.HUMAN_FIBROBLAST_CM: N_("Human fibroblast conditioned media"),
    SourceCategory.HUMAN_ADIPOSE_CM: N_("Human adipose (fat) stem-cell conditioned media"),
    SourceCategory.HUMAN_LYSATE: N_("Human cell lysate / growth factors"),
    SourceCategory.EXOSOME_CM: N_("Exosome-rich conditioned media"),
    SourceCategory.LAB_PEPTIDES_GF: N_("Lab-made peptides and growth factors"),
    SourceCategory.PLANT_CELL_CULTURE: N_("Plant cell culture"),
    SourceCategory.PLANT_MADE_GF: N_("Plant-made growth factor"),
    SourceCategory.NON_BIOLOGIC: N_("Non-biologic alternative"),
    SourceCategory.UNDETERMINED: N_("Source not determined from the label"),
}


class IrritantKind(StrEnum):
    EXFOLIATING_ACID = "exfoliating-acid"
    RETINOID = "retinoid"
    FRAGRANCE = "fragrance"
    ESSENTIAL_OIL = "essential-oil"
    BOTANICAL = "botanical"
    VITAMIN_C = "vitamin-c"

    @property
    def label(self) -> str:
        return _(
            {
                IrritantKind.EXFOLIATING_ACID: N_("exfoliating acid"),
                IrritantKind.RETINOID: N_("retinoid"),
                IrritantKind.VITAMIN_C: N_("vitamin C"),
                IrritantKind.FRAGRANCE: N_("fragrance"),
                IrritantKind.ESSENTIAL_OIL: N_("essential oil"),
                IrritantKind.BOTANICAL: N_("botanical extract"),
            }[self]
        )


class Packaging(StrEnum):
    DUAL_CHAMBER = "dual-chamber"
    AIRLESS = "airless"
    OPAQUE = "opaque"
    ROLLER = "roller"
    SINGLE_USE = "single-use"
    PUMP = "pump"
    DROPPER = "dropper"

    @property
    def label(self) -> str:
        return _(_PACKAGING_LABELS[self])

    @property
    def protects_actives(self) -> bool:
        """The guide names these as signs of care for labile actives."""
        return self in (
            Packaging.DUAL_CHAMBER,
            Packaging.AIRLESS,
            Packaging.OPAQUE,
            Packaging.SINGLE_USE,
        )


_PACKAGING_LABELS = {
    Packaging.DUAL_CHAMBER: N_("dual chamber"),
    Packaging.AIRLESS: N_("airless pump"),
    Packaging.OPAQUE: N_("opaque bottle"),
    Packaging.ROLLER: N_("roller applicator"),
    Packaging.SINGLE_USE: N_("single-use doses"),
    Packaging.PUMP: N_("pump bottle"),
    Packaging.DROPPER: N_("dropper bottle"),
}


class EvidenceKind(StrEnum):
    PEER_REVIEWED_TRIAL = "peer-reviewed-trial"
    BRAND_STUDY = "brand-study"
    CLINICIAN_USE = "clinician-use"
    NONE = "none"

    @property
    def label(self) -> str:
        return _(
            {
                EvidenceKind.PEER_REVIEWED_TRIAL: N_("Published peer-reviewed trial"),
                EvidenceKind.BRAND_STUDY: N_("Brand study (not peer-reviewed)"),
                EvidenceKind.CLINICIAN_USE: N_("Clinician use, no product trial found"),
                EvidenceKind.NONE: N_("No product-level study found"),
            }[self]
        )


class Vegan(StrEnum):
    """Whether a product is vegan: the catalog's products and a label read alike. The values
    are what the JSON output and the sheet say."""

    YES = "yes"
    """The brand says so (a catalog product), or every ingredient of a label is known and
    none is of human or animal origin."""
    NO = "no"
    """Human- or animal-derived."""
    NOT_CONFIRMED = "not confirmed"
    """The brand does not say, SerumDesk only infers it, or a label leaves it open."""


class PatchResult(StrEnum):
    WAITING = "waiting"
    NO_REACTION = "no-reaction"
    REACTION = "reaction"

    @property
    def label(self) -> str:
        return _(
            {
                PatchResult.WAITING: N_("Not checked yet"),
                PatchResult.NO_REACTION: N_("No reaction"),
                PatchResult.REACTION: N_("Redness, itching or swelling"),
            }[self]
        )
