"""General medical and regulatory guidance beyond the guide, each a named public source.

Used only where safety needs more than the guide says (retinoids in pregnancy, US
regulation of exosome products), summarised in SerumDesk's own words. The full references
are in the README's "How it decides".
"""

from __future__ import annotations

from serumdesk.domain.sources import Source, SourceKind

RETINOIDS_IN_PREGNANCY = Source(
    SourceKind.MEDICAL,
    "Chien et al., Treatment of Acne in Pregnancy, J Am Board Fam Med 2016; "
    "Han et al., J Clin Aesthet Dermatol 2020 (topical tazarotene in pregnancy)")
RETINOIDS_WHILE_BREASTFEEDING = Source(
    SourceKind.MEDICAL,
    "LactMed (US National Library of Medicine): Tretinoin; NHS Specialist Pharmacy Service: "
    "Safety in lactation, acne and rosacea (2020)")
FDA_EXOSOMES = Source(
    SourceKind.MEDICAL,
    "US FDA: Public Safety Notification on Exosome Products (2019); Consumer Alert on "
    "Regenerative Medicine Products Including Stem Cells and Exosomes (2020)")
LASER_RESURFACING = Source(
    SourceKind.MEDICAL,
    "Mayo Clinic: Laser resurfacing, what you can expect (new skin covers an ablative "
    "treatment in one to two weeks; full recovery takes at least a month); Verma N, Yumeen S, "
    "Raggio BS, Ablative Laser Resurfacing, StatPearls 2020")
ISOTRETINOIN_AND_PROCEDURES = Source(
    SourceKind.MEDICAL,
    "Spring LK, Krakowski AC, et al., Isotretinoin and Timing of Procedural Interventions: "
    "A Systematic Review With Consensus Recommendations, JAMA Dermatol 2017;153(8):802-9; "
    "Waldman A, et al., ASDS Guidelines Task Force, Dermatol Surg 2017;43(10):1249-62")
