"""The scoring points: one named table, every rule's points in one place.

rules.py gives them; the README's table is checked against this one
(tests/unit/domain/advice/test_scoring_table.py).
"""

from __future__ import annotations

from enum import StrEnum

from serumdesk.domain.choices import EvidenceKind


class Rule(StrEnum):
    """Each scoring rule, named once; POINTS gives its points (the README's table is
    checked against POINTS). The values name the rules in that table, English documentation:
    no surface shows them (a reason a person reads is worded where rules.py makes it)."""

    FITS_GOAL = "fits the goal"
    LOWER_COST_FOR_MILD = "a lower-cost kind, for mild concerns"
    PREMIUM_FOR_MILD = "a premium (> $100) serum, for mild concerns"
    MEDIA_FOR_RECOVERY = "conditioned media, for recovery or a barrier"
    GENTLE_MINIMAL = "a minimal formula, for sensitive or healing skin"
    GENTLE_FRAGRANCE_FREE = "fragrance-free, for sensitive or healing skin"
    GENTLE_EXFOLIANT = "an exfoliant, on sensitive or healing skin"
    GENTLE_RETINOID = "a retinoid in the formula, on sensitive or healing skin"
    GENTLE_SCENTED = "fragrance or essential oils, on sensitive or healing skin"
    ACID_INTRODUCE_SLOWLY = "an exfoliating acid, for moderately sensitive skin"
    ADDS_EXFOLIANT = "adds a strong active to the retinoid or acids you use"
    PLANT_FOR_ETHICS = "plant-derived, with a vegan or ethics answer"
    ASK_CLINICIAN = "needs your clinician's OK first"
    WITHIN_BUDGET = "within your budget"
    OVER_BUDGET = "over your budget"
    PACKAGING = "protective packaging, each feature (up to 10)"
    CONCENTRATION = "discloses its concentration"
    PEER_REVIEWED = "evidence: a peer-reviewed trial"
    BRAND_STUDY = "evidence: a brand study"
    CLINICIAN_EVIDENCE = "evidence: clinician use"
    CLINICIAN_USE = "widely used by clinicians"


POINTS: dict[Rule, int] = {
    Rule.FITS_GOAL: 40,
    Rule.LOWER_COST_FOR_MILD: 20,
    Rule.PREMIUM_FOR_MILD: -10,
    Rule.MEDIA_FOR_RECOVERY: 12,
    Rule.GENTLE_MINIMAL: 10,
    Rule.GENTLE_FRAGRANCE_FREE: 5,
    Rule.GENTLE_EXFOLIANT: -20,
    Rule.GENTLE_RETINOID: -20,
    Rule.GENTLE_SCENTED: -10,
    Rule.ACID_INTRODUCE_SLOWLY: -5,
    Rule.ADDS_EXFOLIANT: -15,
    Rule.PLANT_FOR_ETHICS: 5,
    Rule.ASK_CLINICIAN: -30,
    Rule.WITHIN_BUDGET: 10,
    Rule.OVER_BUDGET: -25,
    Rule.PACKAGING: 5,
    Rule.CONCENTRATION: 5,
    Rule.PEER_REVIEWED: 10,
    Rule.BRAND_STUDY: 4,
    Rule.CLINICIAN_EVIDENCE: 2,
    Rule.CLINICIAN_USE: 3,
}
"""The one table of scoring points. FITS_GOAL outweighs any single other rule; the lower-cost
credit is enough that one of the guide's lower-cost kinds leads for mild concerns ('a less
costly peptide serum may achieve similar outcomes'); ASK_CLINICIAN ranks a product that
needs a clinician's OK below otherwise comparable ones."""

EVIDENCE_RULE = {
    EvidenceKind.PEER_REVIEWED_TRIAL: Rule.PEER_REVIEWED,
    EvidenceKind.BRAND_STUDY: Rule.BRAND_STUDY,
    EvidenceKind.CLINICIAN_USE: Rule.CLINICIAN_EVIDENCE,
}
"""Which rule a product's kind of evidence scores under (none scores 0)."""
