"""One plan for the person, computed once: every surface renders it, none recomputes it.

From the answers (as rules.Situation) and the ranking: the phase after a procedure, the
actives on hold and why, the gates (products that need a clinician's or specialist's OK),
the picks in order with their role and how often each is used, the routine, and the
personal cautions "for you", each once, in order of harm.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from serumdesk.domain import figures, guide, medical
from serumdesk.domain.advice.ranking import Match, Ranking, uses_per_day
from serumdesk.domain.advice.recovery import Phase, Window
from serumdesk.domain.advice.routine import Lead, Routine, build_routine, procedure_words
from serumdesk.domain.advice.rules import (
    ExclusionKind,
    Situation,
    after_yes_words,
    gate_for,
    who_words,
    within_budget,
)
from serumdesk.domain.answers import Answers, Overrides
from serumdesk.domain.choices import Active, Caution
from serumdesk.domain.sources import Source
from serumdesk.i18n import N_, _, ngettext


class Severity(IntEnum):
    """How much harm ignoring an item could do; lower comes first."""

    STOP_AND_ASK = 0
    """Pause something now and ask a clinician."""
    PROTECT_SKIN = 1
    """Open or healing skin, a procedure's safety."""
    ASK_FIRST = 2
    """A clinician's or specialist's OK before starting a product."""
    TAKE_CARE = 3
    """Irritation, allergies checked only in part."""
    KNOW = 4
    """Budget, no good match, where the window stands."""


class ForYouKind(StrEnum):
    """What a personal caution is about; surfaces filter on this, never on the words."""

    PREGNANCY = "pregnancy"
    BREASTFEEDING = "breastfeeding"
    ISOTRETINOIN = "isotretinoin"
    PROCEDURE = "procedure"
    GATE = "gate"
    STACK = "stack"
    SKIN_CONDITION = "skin-condition"
    ALLERGY = "allergy"
    FRAGRANCE = "fragrance"
    BUDGET = "budget"
    NO_GOOD_MATCH = "no-good-match"

    @property
    def private(self) -> bool:
        """It tells a health detail: a copy for sharing leaves it out."""
        return self not in (
            ForYouKind.PROCEDURE,
            ForYouKind.STACK,
            ForYouKind.BUDGET,
            ForYouKind.NO_GOOD_MATCH,
        )


@dataclass(frozen=True, slots=True)
class ForYou:
    """One personal caution, one line."""

    kind: ForYouKind
    severity: Severity
    text: str
    source: Source

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "severity": self.severity.name.lower().replace("_", "-"),
            "text": self.text,
            "source": self.source.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Hold:
    """An active the person uses that the plan pauses."""

    active: Active
    why: str
    source: Source


class Role(StrEnum):
    LEAD = "lead"
    """The product the routine uses."""
    OPTION = "option"
    """Another match, in rank order."""
    CLOSEST = "closest"
    """Nothing suits the goal: one of the closest options."""


@dataclass(frozen=True, slots=True)
class Pick:
    match: Match
    role: Role
    gate: str | None
    """Who must say yes first ('clinician', 'specialist'), or None."""
    uses_per_day: float
    """How often the plan uses it: what its cost a month assumes."""

    @property
    def condition(self) -> str | None:
        return None if self.gate is None else after_yes_words(self.gate)


@dataclass(frozen=True, slots=True)
class Plan:
    answers: Answers
    phase: Phase | None
    window: Window
    held: tuple[Hold, ...]
    picks: tuple[Pick, ...]
    routine: Routine
    for_you: tuple[ForYou, ...]
    """Each personal caution once, most harmful first."""
    closest_options: bool
    """Nothing suits the goal: the picks are the closest options, without rank or score
    on a patient's sheet."""
    allergic_families: frozenset[str] = frozenset()
    """Ingredient families the allergies cover (the routine names no step after them)."""

    @property
    def personal(self) -> tuple[ForYou, ...]:
        """for_you without what a notice above the results says in full (budget, no good
        match): for surfaces that show both."""
        return tuple(i for i in self.for_you if i.kind not in (ForYouKind.BUDGET, ForYouKind.NO_GOOD_MATCH))

    @property
    def lead(self) -> Pick | None:
        return self.picks[0] if self.picks else None

    @property
    def gates(self) -> tuple[Pick, ...]:
        return tuple(p for p in self.picks if p.gate is not None)

    @property
    def held_actives(self) -> frozenset[Active]:
        return frozenset(h.active for h in self.held)

    def pick(self, product_id: str) -> Pick | None:
        return next((p for p in self.picks if p.match.product.id == product_id), None)

    def routine_with(self, product_id: str) -> Routine:
        """The plan's routine led by another of its picks (the sheet leads with the first
        product it compares): the same phase, holds, gate and frequency rules."""
        pick = self.pick(product_id)
        if pick is None or pick is self.lead:
            return self.routine
        lead = Lead(pick.match.product, pick.gate, pick.uses_per_day)
        return build_routine(
            self.answers, self.phase, self.window, self.held_actives, lead, self.allergic_families
        )

    def title(self, match: Match) -> str:
        """How a card heads a product: its rank among matches, or a closest option."""
        if self.closest_options:
            return _("Closest option {rank}").format(rank=match.rank)
        return _("#{rank} of your matches").format(rank=match.rank)


def held_actives(answers: Answers, phase: Phase | None) -> tuple[Hold, ...]:
    """The person's actives the plan pauses, and why."""
    holds: list[Hold] = []
    healing = phase is not None and phase.healing
    for active in (Active.RETINOID, Active.ACIDS, Active.VITAMIN_C):
        if active not in answers.actives:
            continue
        if active is Active.RETINOID and Caution.PREGNANT in answers.cautions:
            holds.append(
                Hold(
                    active,
                    _("pregnant or trying to conceive: pause it and ask your clinician"),
                    medical.RETINOIDS_IN_PREGNANCY,
                )
            )
        elif healing:
            holds.append(
                Hold(
                    active,
                    _("freshly treated skin: paused until your provider says it has healed"),
                    guide.ROUTINE,
                )
            )
    return tuple(holds)


_GATE_WORDS = {
    Caution.IMMUNOSUPPRESSED: N_("a transplant or immune-suppressing medicine"),
    Caution.PREGNANT: N_("pregnancy"),
    Caution.BREASTFEEDING: N_("breastfeeding"),
    Caution.AUTOIMMUNE: N_("an autoimmune condition"),
}
"""The medical answers that gate biologics, in the words of one line."""


def _procedure_item(answers: Answers, phase: Phase, window: Window) -> ForYou:
    what = procedure_words(answers)
    days = answers.days_since_procedure
    when = (
        _("Day {days} after {procedure}").format(days=figures.whole(days), procedure=what)
        if days is not None
        else _("After {procedure} (day not given, treated as fresh)").format(procedure=what)
    )
    if phase is Phase.FRESH:
        return ForYou(
            ForYouKind.PROCEDURE,
            Severity.PROTECT_SKIN,
            _("{when}: nothing but your provider's products on open skin until healed").format(when=when),
            window.source,
        )
    if phase is Phase.RECOVERING:
        return ForYou(
            ForYouKind.PROCEDURE,
            Severity.PROTECT_SKIN,
            _(
                "{when}: still recovering; retinoids, acids and vitamin C stay paused "
                "until your provider says healed"
            ).format(when=when),
            window.source,
        )
    return ForYou(
        ForYouKind.PROCEDURE,
        Severity.KNOW,
        _("{when}: past the recovery window ({window}); ranked for everyday care").format(
            when=when, window=window.words
        ),
        window.source,
    )


def for_you_items(
    s: Situation, ranking: Ranking, picks: tuple[Pick, ...], closest: bool
) -> tuple[ForYou, ...]:
    """Each personal caution once, in order of harm (stable within a severity)."""
    a = s.answers
    items: list[ForYou] = []
    add = items.append
    if Caution.PREGNANT in a.cautions and Active.RETINOID in a.actives:
        add(
            ForYou(
                ForYouKind.PREGNANCY,
                Severity.STOP_AND_ASK,
                _("Pregnant and using a retinoid: pause it and ask your clinician"),
                medical.RETINOIDS_IN_PREGNANCY,
            )
        )
    if (
        Caution.BREASTFEEDING in a.cautions
        and Active.RETINOID in a.actives
        and not (Caution.PREGNANT in a.cautions or (s.phase is not None and s.phase.healing))
    ):
        add(
            ForYou(
                ForYouKind.BREASTFEEDING,
                Severity.ASK_FIRST,
                _(
                    "Breastfeeding and using a retinoid: ask your clinician; keep it off the breast "
                    "and the baby's skin"
                ),
                medical.RETINOIDS_WHILE_BREASTFEEDING,
            )
        )
    if Caution.ORAL_ISOTRETINOIN in a.cautions:
        add(
            ForYou(
                ForYouKind.ISOTRETINOIN,
                Severity.PROTECT_SKIN,
                _("Oral isotretinoin now or in the last six months: tell the person doing your procedure")
                if a.has_procedure
                else _(
                    "Oral isotretinoin now or in the last six months: tell anyone doing a skin "
                    "procedure, before it is done"
                ),
                medical.ISOTRETINOIN_AND_PROCEDURES,
            )
        )
    if s.phase is not None:
        add(_procedure_item(a, s.phase, a.window))
    gated = [p for p in picks if p.gate is not None]
    if gated:
        names = [words for caution, words in _GATE_WORDS.items() if caution in a.cautions]
        why = _(names[0]) if len(names) == 1 else _("your medical answers")
        gate = gated[0].gate
        assert gate is not None  # gated picks have a gate
        add(
            ForYou(
                ForYouKind.GATE,
                Severity.ASK_FIRST,
                ngettext(
                    "{why}: ask your {who} before starting {n} of the {total} product "
                    "(human-derived or biologic)",
                    "{why}: ask your {who} before starting {n} of the {total} products "
                    "(human-derived or biologic)",
                    len(picks),
                ).format(
                    why=why[0].upper() + why[1:],
                    who=who_words(gate),
                    n=figures.whole(len(gated)),
                    total=figures.whole(len(picks)),
                ),
                guide.AVOID,
            )
        )
    in_use = a.actives - frozenset(h.active for h in held_actives(a, s.phase))
    if {Active.RETINOID, Active.ACIDS} <= in_use:
        add(
            ForYou(
                ForYouKind.STACK,
                Severity.TAKE_CARE,
                _(
                    "A retinoid plus exfoliating acids: cut the stack, never the same night, and "
                    "add no serum with another exfoliant"
                ),
                guide.FAQ,
            )
        )
    if Caution.SKIN_CONDITION in a.cautions:
        add(
            ForYou(
                ForYouKind.SKIN_CONDITION,
                Severity.TAKE_CARE,
                _("Rosacea, eczema or dermatitis: treated as sensitive skin; patch test and start slowly"),
                guide.FAQ,
            )
        )
    left_out = {
        kind: sum(1 for e in ranking.excluded if any(r.kind is kind for r in e.reasons))
        for kind in (ExclusionKind.ALLERGY, ExclusionKind.FRAGRANCE)
    }
    if a.allergens:
        partly = sum(1 for m in ranking.matches if not m.product.full_list_checked)
        add(
            ForYou(
                ForYouKind.ALLERGY,
                Severity.TAKE_CARE,
                _("Your allergies ({allergens}): {left_out} left out, {partly} only partly checked").format(
                    allergens=", ".join(a.allergens),
                    left_out=figures.whole(left_out[ExclusionKind.ALLERGY]),
                    partly=figures.whole(partly),
                ),
                guide.AVOID,
            )
        )
    if s.fragrance_sensitive:
        unstated = sum(1 for m in ranking.matches if m.product.fragrance_free is None)
        add(
            ForYou(
                ForYouKind.FRAGRANCE,
                Severity.TAKE_CARE,
                _("Fragrance sensitivity: {left_out} left out, {unstated} not stated either way").format(
                    left_out=figures.whole(left_out[ExclusionKind.FRAGRANCE]),
                    unstated=figures.whole(unstated),
                ),
                guide.AVOID,
            )
        )
    budget = a.budget_usd_per_month
    if (
        budget is not None
        and ranking.matches
        and not any(within_budget(m.cost.cost_per_month_usd, budget) for m in ranking.matches)
    ):
        add(
            ForYou(
                ForYouKind.BUDGET,
                Severity.KNOW,
                _("Nothing fits {money} a month: the closest leads").format(money=figures.money(budget)),
                guide.DECISION,
            )
        )
    if closest:
        add(
            ForYou(
                ForYouKind.NO_GOOD_MATCH,
                Severity.KNOW,
                _("Nothing suits {goal}: these are the closest options").format(goal=s.goal_words),
                guide.SNAPSHOTS,
            )
        )
    return tuple(sorted(items, key=lambda i: i.severity))


def make_plan(s: Situation, ranking: Ranking, overrides: Overrides | None = None) -> Plan:
    """The plan for these answers and this ranking."""
    a = s.answers
    closest = bool(ranking.matches) and not any(m.fits_use_case for m in ranking.matches)
    picks = tuple(
        Pick(
            m,
            Role.CLOSEST if closest else (Role.LEAD if i == 0 else Role.OPTION),
            gate_for(m.product, s.clinician),
            uses_per_day(overrides, m.product.id),
        )
        for i, m in enumerate(ranking.matches)
    )
    held = held_actives(a, s.phase)
    first = picks[0] if picks else None
    lead = Lead(first.match.product, first.gate, first.uses_per_day) if first is not None else None
    routine = build_routine(
        a, s.phase, a.window, frozenset(h.active for h in held), lead, s.allergic_families
    )
    return Plan(
        answers=a,
        phase=s.phase,
        window=a.window,
        held=held,
        picks=picks,
        routine=routine,
        for_you=for_you_items(s, ranking, picks, closest),
        closest_options=closest,
        allergic_families=s.allergic_families,
    )
