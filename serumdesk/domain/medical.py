"""General medical and regulatory guidance beyond the guide, each a named public source.

Used only where safety needs more than the guide says (retinoids in pregnancy and while
breastfeeding, healing after an ablative laser, oral isotretinoin before a procedure, US
regulation of exosome products), summarised in SerumDesk's own words. The full references
are in the README's "How it decides".
"""

from __future__ import annotations

from serumdesk.domain.sources import Source, SourceKind

RETINOIDS_IN_PREGNANCY = Source(
    SourceKind.MEDICAL,
    "Chien et al., Treatment of Acne in Pregnancy, J Am Board Fam Med 2016; "
    "Han et al., J Clin Aesthet Dermatol 2020 (topical tazarotene in pregnancy)",
)
RETINOIDS_WHILE_BREASTFEEDING = Source(
    SourceKind.MEDICAL,
    "LactMed (US National Library of Medicine): Tretinoin; NHS Specialist Pharmacy Service: "
    "Safety in lactation, acne and rosacea (2020)",
)
FDA_EXOSOMES = Source(
    SourceKind.MEDICAL,
    "US FDA: Public Safety Notification on Exosome Products (2019); Consumer Alert on "
    "Regenerative Medicine Products Including Stem Cells and Exosomes (2020)",
)
LASER_RESURFACING = Source(
    SourceKind.MEDICAL,
    "Mayo Clinic, Laser resurfacing: what you can expect; Verma et al., Ablative Laser "
    "Resurfacing, StatPearls 2020",
)
"""Mayo Clinic: after ablative resurfacing new skin covers the area in one to two weeks and
full recovery takes at least a month. Verma N, Yumeen S, Raggio BS, StatPearls (2020)."""
ISOTRETINOIN_AND_PROCEDURES = Source(
    SourceKind.MEDICAL,
    "Spring et al., JAMA Dermatol 2017 (isotretinoin and procedures); Waldman et al., Dermatol Surg 2017",
)
"""Spring LK, Krakowski AC, et al., JAMA Dermatol 2017;153(8):802-9 (a systematic review with
consensus recommendations); Waldman A, et al., Dermatol Surg 2017;43(10):1249-62."""
