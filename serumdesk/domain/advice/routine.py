"""The AM/PM routine, pairing advice, patch test and timeline the guide describes.

The routine is one part of the plan (plan.py): it is built from the plan's phase, the
actives on hold, the lead pick and its gate, never from the answers alone. Each step says
which active or product it uses, so notes can only speak of what a step does.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from serumdesk.domain import guide, medical
from serumdesk.domain.advice.recovery import Phase, Window
from serumdesk.domain.answers import Answers
from serumdesk.domain.bottles import PATCH_HOURS, patch_words
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.choices import Active, AlternativeKind, Caution, LaserType, Procedure
from serumdesk.domain.sources import Source
from serumdesk.i18n import N_, _, pgettext


@dataclass(frozen=True, slots=True)
class Note:
    """A piece of advice with where it comes from."""

    message: str
    """As made: a sentence marked with N_ (translated when shown, as `text`), or one already
    worded in the language it was made in."""
    source: Source
    private: bool = False
    """It tells a health detail (pregnancy…): a copy for sharing words it without it."""
    active: Active | None = None
    """The active a 'keep it' or pairing note speaks of: it has a step of its own."""

    @property
    def text(self) -> str:
        """The note in the language text is made in now (a sheet may be in another language
        than the app); a sentence made already worded is returned as it is."""
        said = _(self.message)
        return said.format(hours=patch_words()) if "{hours}" in said else said


class TimeOfDay(StrEnum):
    MORNING = "morning"
    EVENING = "evening"


AM, PM = TimeOfDay.MORNING, TimeOfDay.EVENING


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the routine."""

    time: TimeOfDay
    text: str
    """The whole step as shown, with its condition."""
    active: Active | None = None
    """The person's own active this step uses."""
    product_id: str | None = None
    """The ranked product this step names."""
    condition: str | None = None
    """What must happen before this step applies ('after your clinician says yes…')."""
    every: str = "daily"
    """'daily', or 'some nights' for steps that alternate."""


@dataclass(frozen=True, slots=True)
class Routine:
    steps: tuple[Step, ...]
    notes: tuple[Note, ...]

    @property
    def am(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.steps if s.time is TimeOfDay.MORNING)

    @property
    def pm(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.steps if s.time is TimeOfDay.EVENING)

    @property
    def actives(self) -> frozenset[Active]:
        """The person's actives that have a step."""
        return frozenset(s.active for s in self.steps if s.active is not None)


@dataclass(frozen=True, slots=True)
class TimelineStage:
    when_message: str
    expect_message: str

    @property
    def when(self) -> str:
        return _(self.when_message)

    @property
    def expect(self) -> str:
        return _(self.expect_message)


PATCH_TEST = Note(
    N_(
        "Before the first full-face use, put a little on the inner forearm or behind the ear "
        "and leave it for {hours}. Redness, itching or swelling there means: don't use it on "
        "your face. This matters most for human-derived serums and formulas with botanical "
        "oils."
    ),
    guide.ROUTINE,
)

TIMELINE: tuple[TimelineStage, ...] = (
    TimelineStage(
        N_("Days to 2 weeks"),
        N_(
            "More hydration, less redness, a smoother surface — mostly from the hydrating and "
            "soothing ingredients."
        ),
    ),
    TimelineStage(
        N_("4–12 weeks"),
        N_("Gradual gains in firmness, fine lines and evenness of tone as collagen is rebuilt."),
    ),
    TimelineStage(
        N_("3 months and more"),
        N_(
            "Lasting gains in resilience and texture, if used steadily with sunscreen and "
            "proven actives. Deep lines and volume loss need in-office treatment, not a "
            "serum."
        ),
    ),
)

NOT_ADVICE = N_(
    "Not medical advice. SerumDesk explains what its guide, the product facts and named "
    "medical sources say; it does not diagnose or prescribe. Talk to your clinician or "
    "dermatologist, above all after a procedure or if you are pregnant, breastfeeding or have "
    "a medical condition."
)


SHARED_NOT_ADVICE = N_(
    "Not medical advice. SerumDesk explains what its guide, the product facts and named "
    "medical sources say; it does not diagnose or prescribe. Talk to your clinician or "
    "dermatologist, above all after a procedure or if you have a medical condition."
)
"""NOT_ADVICE without naming pregnancy, for a copy shared without medical details."""


def active_words() -> dict[Active, str]:
    """The person's actives as the note that keeps them paused names them, in the current
    language ('retinoid'; in Spanish with its article, 'el retinoide')."""
    # TRANSLATORS: "paused active": what "Keep {actives} paused until …" names; give the
    # article your language needs there.
    return {
        Active.RETINOID: pgettext("paused active", "retinoid"),
        Active.ACIDS: pgettext("paused active", "exfoliating acids"),
        Active.VITAMIN_C: pgettext("paused active", "vitamin C"),
    }


def actives_words(actives: frozenset[Active] | set[Active]) -> str:
    names = [words for active, words in active_words().items() if active in actives]
    if len(names) == 1:
        return names[0]
    # TRANSLATORS: the last two of a list: "retinoid, exfoliating acids and vitamin C".
    return _("{items} and {last}").format(items=", ".join(names[:-1]), last=names[-1])


def procedure_words(answers: Answers) -> str:
    """'microneedling', 'an ablative laser', 'your procedure' — as said after 'after'
    ('Day 3 after microneedling')."""
    # TRANSLATORS: "after a procedure": said as in "Day 3 after {procedure}"; give the
    # article and form your language needs after its word for "after".
    procedure = answers.procedure
    if procedure is None:
        return pgettext("after a procedure", "your procedure")
    if procedure is Procedure.LASER and answers.laser_type is LaserType.ABLATIVE:
        return pgettext("after a procedure", "an ablative laser")
    if procedure is Procedure.LASER and answers.laser_type is LaserType.NON_ABLATIVE:
        return pgettext("after a procedure", "a non-ablative laser")
    return {
        Procedure.MICRONEEDLING: pgettext("after a procedure", "microneedling"),
        Procedure.LASER: pgettext("after a procedure", "a laser"),
        Procedure.PEEL: pgettext("after a procedure", "a chemical peel"),
        Procedure.OTHER: pgettext("after a procedure", "your procedure"),
    }[procedure]


def procedure_note(answers: Answers) -> Note:
    """The guide does not tell procedures apart beyond its microneedling and laser example."""
    procedure = answers.procedure
    if procedure is Procedure.LASER and answers.laser_type is LaserType.ABLATIVE:
        return Note(
            N_(
                "A fully ablative laser removes the skin's surface: new skin takes one "
                "to two weeks to cover it and full recovery at least a month, so "
                "SerumDesk keeps the recovery rules for about a month. Your provider's "
                "post-care instructions come first."
            ),
            medical.LASER_RESURFACING,
        )
    if procedure is Procedure.LASER and answers.laser_type is LaserType.NOT_SURE:
        return Note(
            N_(
                "You are not sure which laser it was: your provider's post-care "
                "instructions come first. A fully ablative laser heals for longer "
                "(about a month) than the guide's 1–2 weeks."
            ),
            medical.LASER_RESURFACING,
        )
    if procedure in (Procedure.MICRONEEDLING, Procedure.LASER):
        return Note(
            N_(
                "The guide's recovery routine is written for microneedling and "
                "fractional laser; your provider's post-care instructions come first."
            ),
            guide.EXAMPLES,
        )
    if procedure is Procedure.PEEL:
        return Note(
            N_(
                "The guide's recovery routine is written for microneedling and "
                "fractional laser, not chemical peels: your provider's post-care "
                "instructions come first."
            ),
            guide.EXAMPLES,
        )
    return Note(
        N_(
            "The guide's recovery routine is written for microneedling and fractional "
            "laser, not other treatments: your provider's post-care instructions come "
            "first."
        ),
        guide.EXAMPLES,
    )


HYALURONIC_ACID_FAMILY = "hyaluronic-acid"


@dataclass(frozen=True, slots=True)
class Lead:
    """The product the routine names, with what its step must say."""

    product: Product
    gate: str | None
    """'clinician' or 'specialist' when that person must say yes first."""
    uses_per_day: float


_CONDITIONS = {
    (None, False): N_("after a clear {first}–{last}-hour patch test"),
    (None, True): N_(
        "if your provider approves it on fresh skin, after a clear {first}–{last}-hour patch test"
    ),
    ("clinician", False): N_("after your clinician says yes, after a clear {first}–{last}-hour patch test"),
    ("clinician", True): N_(
        "after your clinician says yes, if your provider approves it on fresh skin, after a clear "
        "{first}–{last}-hour patch test"
    ),
    ("specialist", False): N_("after your specialist says yes, after a clear {first}–{last}-hour patch test"),
    ("specialist", True): N_(
        "after your specialist says yes, if your provider approves it on fresh skin, after a clear "
        "{first}–{last}-hour patch test"
    ),
}
"""What must happen before the first use, by (who must say yes, fresh skin): one whole
clause each, so each language orders it its own way. {first}–{last} are PATCH_HOURS."""


def serum_condition(lead: Lead | None, phase: Phase | None) -> str:
    """What must happen before the first use: the gate, the provider's OK on open skin,
    and the patch test's wait."""
    gate = (lead.gate or None) if lead is not None else None  # 'clinician', 'specialist' or None (rules.py)
    condition = _CONDITIONS[(gate, phase is Phase.FRESH)]
    return _(condition).format(first=PATCH_HOURS[0], last=PATCH_HOURS[1])


def build_routine(
    answers: Answers,
    phase: Phase | None,
    window: Window,
    held: frozenset[Active],
    lead: Lead | None,
    allergic_families: frozenset[str] = frozenset(),
) -> Routine:
    """Where the lead serum goes morning or night, and the person's own actives that are not
    on hold. A serum appears once a day (the guide: start once a day) unless the person gave
    their own uses a day; an exfoliating-acid serum never goes in the morning."""
    serum = lead.product if lead is not None else None
    name = serum.title if serum else _("your chosen serum")
    pid = serum.id if serum else None
    condition = serum_condition(lead, phase)
    first = _("{serum} (first layer, on clean, dry skin) — {condition}").format(
        serum=name, condition=condition
    )
    second = _("{serum} (as you set it, a second daily use) — {condition}").format(
        serum=name, condition=condition
    )
    uses = answers.actives - held
    healing = phase is not None and phase.healing
    sensitive = answers.is_sensitive
    hydrating_serum = serum is not None and serum.alternative is AlternativeKind.HYALURONIC_ACID
    hyaluronic = HYALURONIC_ACID_FAMILY not in allergic_families
    acids_in_serum = serum is not None and bool(serum.facts.acids)
    twice = lead is not None and lead.uses_per_day >= 2 and not acids_in_serum
    steps: list[Step] = []
    notes: list[Note] = []

    def add(
        time: TimeOfDay,
        text: str,
        *,
        active: Active | None = None,
        product_id: str | None = None,
        condition: str | None = None,
        every: str = "daily",
    ) -> None:
        steps.append(Step(time, text, active, product_id, condition, every))

    if healing:
        add(AM, _("Gentle cleanser"))
        add(AM, _("Antioxidant serum, only if your provider recommends one"))
        if twice:
            add(AM, second, product_id=pid, condition=condition)
        add(AM, _("Lightweight moisturizer"))
        add(AM, _("Mineral sunscreen"))
        add(PM, _("Cleanse the way your provider recommends (for example with saline)"))
        add(PM, first, product_id=pid, condition=condition)
        add(PM, _("The occlusive or recovery ointment your provider recommends"))
        notes.append(
            Note(
                _(
                    "Keep using the reparative serum through the recovery window ({window}), "
                    "then go back to your usual routine."
                ).format(window=window.words),
                window.source,
            )
        )
    else:
        add(AM, _("Gentle cleanser"))
        if Active.VITAMIN_C in uses:
            add(AM, _("Vitamin C serum (morning antioxidant)"), active=Active.VITAMIN_C)
        if twice:
            add(AM, second, product_id=pid, condition=condition)
        if sensitive and not hydrating_serum:
            add(AM, _("Hydrating serum (hyaluronic acid)") if hyaluronic else _("Hydrating serum"))
        add(AM, _("Moisturizer"))
        add(AM, _("Sunscreen"))
        add(PM, _("Gentle cleanser") if sensitive else _("Cleanser"))
        if Active.RETINOID in uses:
            add(
                PM,
                _("Retinoid on some nights (not the serum's)"),
                active=Active.RETINOID,
                every="some nights",
            )
            add(
                PM,
                _("{serum} on the other nights (first layer) — {condition}").format(
                    serum=name, condition=condition
                ),
                product_id=pid,
                condition=condition,
                every="some nights",
            )
        else:
            add(PM, first, product_id=pid, condition=condition)
        if Active.ACIDS in uses:
            add(
                PM,
                _(
                    "Your exfoliating acid only on its own nights, never with another strong "
                    "active or the serum, and not on irritated skin"
                ),
                active=Active.ACIDS,
                every="some nights",
            )
        if not sensitive and not hydrating_serum:
            add(PM, _("Lighter hydrator (e.g. hyaluronic acid)") if hyaluronic else _("Lighter hydrator"))
        add(PM, _("Simple moisturizer") if sensitive else _("Moisturizer or oil to seal"))
        if sensitive:
            notes.append(
                Note(
                    N_("Start every other night and increase slowly once a patch test shows no reaction."),
                    guide.EXAMPLES,
                )
            )
    if phase is not None:
        notes.append(procedure_note(answers))
    if healing:
        # A retinoid paused for pregnancy is said once, by its own note.
        pregnant = {Active.RETINOID} if Caution.PREGNANT in answers.cautions else set()
        paused = (held & answers.actives) - pregnant
        words = actives_words(paused) if paused else _("retinoids, exfoliating acids and vitamin C")
        if paused or not answers.actives:
            notes.append(
                Note(
                    _(
                        "Keep {actives} paused until your provider says the skin has healed (no open "
                        "areas, peeling or raw redness): the guide keeps strong actives off freshly "
                        "treated skin."
                    ).format(actives=words),
                    guide.ROUTINE,
                )
            )
    if phase is Phase.MAINTENANCE:
        notes.append(
            Note(
                _(
                    "You are past the usual recovery window ({window}), so this is the "
                    "everyday routine, without the saline and recovery-ointment steps. If your provider "
                    "has said the skin has healed, bring back other actives one at a time, every other "
                    "night at first."
                ).format(window=window.words),
                window.source,
            )
        )
    notes.append(
        Note(
            N_("Night is the better time for repair; the morning suits formulas with antioxidants."),
            guide.ROUTINE,
        )
    )
    notes.append(
        Note(
            N_(
                "Start once a day or every other day; move to twice a day only if your skin tolerates "
                "it and the brand suggests it."
            ),
            guide.ROUTINE,
        )
    )
    if acids_in_serum:
        notes.append(
            Note(
                N_(
                    "It contains an exfoliating acid, so it is an evening step only: the guide keeps "
                    "strong actives apart and away from the morning's sun."
                ),
                guide.ROUTINE,
            )
        )
    notes += pairing_notes(answers, uses, held)
    if Caution.ORAL_ISOTRETINOIN in answers.cautions:
        notes.append(
            Note(
                N_(
                    "Oral isotretinoin now or in the last six months: tell the person doing any skin "
                    "procedure before it is done (fully ablative laser is advised against), and keep "
                    "taking it as prescribed."
                ),
                medical.ISOTRETINOIN_AND_PROCEDURES,
                private=True,
            )
        )
    if serum is not None and serum.storage.refrigerate:
        notes.append(Note(N_("Store it in the fridge, as the brand asks."), guide.SAFETY))
    return Routine(tuple(steps), tuple(notes))


def pairing_notes(answers: Answers, uses: frozenset[Active], held: frozenset[Active]) -> list[Note]:
    """What to do with each of the person's actives: paused ones said as paused, the rest
    only as their steps use them."""
    notes: list[Note] = []
    if Active.RETINOID in answers.actives and Caution.PREGNANT in answers.cautions:
        notes.append(
            Note(
                N_(
                    "Retinoid: pause it, including over-the-counter retinol, and ask your clinician "
                    "before going on. Retinoids taken by mouth cause birth defects, and for retinoids "
                    "put on the skin no safe level in pregnancy is known."
                ),
                medical.RETINOIDS_IN_PREGNANCY,
                private=True,
            )
        )
    elif Active.RETINOID in uses and Caution.BREASTFEEDING in answers.cautions:
        notes.append(
            Note(
                N_(
                    "Retinoid while breastfeeding: ask your clinician first. Drug-safety references "
                    "consider topical tretinoin low risk if it is kept off the breast and away from the "
                    "baby's skin; brands often say to avoid retinoids."
                ),
                medical.RETINOIDS_WHILE_BREASTFEEDING,
                private=True,
                active=Active.RETINOID,
            )
        )
    elif Active.RETINOID in uses:
        notes.append(
            Note(
                N_(
                    "Retinoid: keep it, the serum does not replace it. Use them on alternate nights, "
                    "and if you get irritated, space them further apart."
                ),
                guide.FAQ,
                active=Active.RETINOID,
            )
        )
    if Active.ACIDS in uses:
        notes.append(
            Note(
                N_(
                    "Exfoliating acids: stagger them away from the serum (different nights), and skip "
                    "them entirely on irritated skin."
                ),
                guide.ROUTINE,
                active=Active.ACIDS,
            )
        )
    if {Active.RETINOID, Active.ACIDS} <= uses:
        notes.append(
            Note(
                N_(
                    "A retinoid and exfoliating acids together: cut the stack rather than add to it. "
                    "Never use them on the same night, and if your skin is irritated, reduce how often "
                    "you use them."
                ),
                guide.FAQ,
                active=Active.ACIDS,
            )
        )
    if Active.VITAMIN_C in uses:
        notes.append(
            Note(
                N_(
                    "Vitamin C: compatible; keep it in the morning as an antioxidant, and check that "
                    "the two products' pH and stability advice agree."
                ),
                guide.ROUTINE,
                active=Active.VITAMIN_C,
            )
        )
    return notes
