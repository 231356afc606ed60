"""What an ingredient does and what is true of it: plain enums, no pydantic (model.py holds
the file's models and re-exports these)."""

from __future__ import annotations

from enum import StrEnum

from serumdesk.domain.sources import SourceKind
from serumdesk.i18n import N_, _

__all__ = ["Flag", "Role", "SourceKind"]


class Role(StrEnum):
    """What an ingredient does in the formula."""

    HUMECTANT = "humectant"
    EMOLLIENT = "emollient"
    OCCLUSIVE = "occlusive"
    EMULSIFIER = "emulsifier"
    SURFACTANT = "surfactant"
    THICKENER = "thickener"
    FILM_FORMER = "film-former"
    SOLVENT = "solvent"
    PRESERVATIVE = "preservative"
    ANTIOXIDANT = "antioxidant"
    CHELATOR = "chelator"
    PH_ADJUSTER = "ph-adjuster"
    ACTIVE = "active"
    PEPTIDE = "peptide"
    GROWTH_FACTOR = "growth-factor"
    BIOLOGIC = "biologic"
    EXFOLIANT = "exfoliant"
    SOOTHING = "soothing"
    BRIGHTENING = "brightening"
    FRAGRANCE = "fragrance"
    ESSENTIAL_OIL = "essential-oil"
    COLORANT = "colorant"
    UV_FILTER = "uv-filter"
    SKIN_CONDITIONING = "skin-conditioning"
    OTHER = "other"

    @property
    def label(self) -> str:
        """What it does, in the person's language: 'humectant', 'pH adjuster'."""
        return _(_ROLE_LABELS[self])


_ROLE_LABELS = {
    Role.HUMECTANT: N_("humectant"),
    Role.EMOLLIENT: N_("emollient"),
    Role.OCCLUSIVE: N_("occlusive"),
    Role.EMULSIFIER: N_("emulsifier"),
    Role.SURFACTANT: N_("surfactant"),
    Role.THICKENER: N_("thickener"),
    Role.FILM_FORMER: N_("film former"),
    Role.SOLVENT: N_("solvent"),
    Role.PRESERVATIVE: N_("preservative"),
    Role.ANTIOXIDANT: N_("antioxidant"),
    Role.CHELATOR: N_("chelator"),
    Role.PH_ADJUSTER: N_("pH adjuster"),
    Role.ACTIVE: N_("active"),
    Role.PEPTIDE: N_("peptide"),
    Role.GROWTH_FACTOR: N_("growth factor"),
    Role.BIOLOGIC: N_("biologic"),
    Role.EXFOLIANT: N_("exfoliant"),
    Role.SOOTHING: N_("soothing"),
    Role.BRIGHTENING: N_("brightening"),
    Role.FRAGRANCE: N_("fragrance"),
    Role.ESSENTIAL_OIL: N_("essential oil"),
    Role.COLORANT: N_("colorant"),
    Role.UV_FILTER: N_("UV filter"),
    Role.SKIN_CONDITIONING: N_("skin conditioning"),
    Role.OTHER: N_("other"),
}


class Flag(StrEnum):
    """A fact about an ingredient that diet, ethics, fragrance and irritation answers read."""

    HUMAN_DERIVED = "human-derived"
    ANIMAL_DERIVED = "animal-derived"
    ORIGIN_VARIES = "origin-varies"
    """Made from plants, animals or by synthesis depending on the supplier (glycerin, squalane)."""
    FRAGRANCE = "fragrance"
    FRAGRANCE_ALLERGEN = "fragrance-allergen"
    ESSENTIAL_OIL = "essential-oil"
    EXFOLIATING_ACID = "exfoliating-acid"
    RETINOID = "retinoid"
    VITAMIN_C = "vitamin-c"
    COMMON_IRRITANT = "common-irritant"
    FETAL_CELL_LINE = "fetal-cell-line"
    """Made with cells first grown from fetal or embryonic tissue (the ethics answer reads it)."""
    HUMAN_OR_ANIMAL = "human-or-animal"
    """From a human or an animal body, and the name does not say which (platelet, placenta)."""
    BIOLOGIC = "biologic"
    """Carries signalling proteins of living tissue (colostrum, platelet, cord products): the
    medical answers' clinician note applies, whatever its role in the formula."""
    LIVE_CELLS = "live-cells"
    """The label claims live stem cells: the guide's red flag."""
