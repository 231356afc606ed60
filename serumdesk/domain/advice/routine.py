"""The AM/PM routine, pairing advice, patch test and timeline the guide describes."""

from __future__ import annotations

from dataclasses import dataclass

from serumdesk.domain import guide, medical
from serumdesk.domain.advice.recovery import RECOVERY_WINDOW_WORDS
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Product
from serumdesk.domain.choices import Active, Caution, Procedure, UseCase
from serumdesk.domain.sources import Source


@dataclass(frozen=True, slots=True)
class Note:
    """A piece of advice with where it comes from."""

    text: str
    source: Source
    private: bool = False
    """It tells a health detail (pregnancy…): a copy for sharing words it without it."""


@dataclass(frozen=True, slots=True)
class Routine:
    am: tuple[str, ...]
    pm: tuple[str, ...]
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class TimelineStage:
    when: str
    expect: str


PATCH_TEST = Note(
    "Before the first full-face use, put a little on the inner forearm or behind the ear and "
    "leave it for 48–72 hours. Redness, itching or swelling there means: don't use it on your "
    "face. This matters most for human-derived serums and formulas with botanical oils.",
    guide.ROUTINE,
)

TIMELINE: tuple[TimelineStage, ...] = (
    TimelineStage(
        "Days to 2 weeks",
        "More hydration, less redness, a smoother surface — mostly from the hydrating and "
        "soothing ingredients.",
    ),
    TimelineStage(
        "4–12 weeks",
        "Gradual gains in firmness, fine lines and evenness of tone as collagen is rebuilt.",
    ),
    TimelineStage(
        "3 months and more",
        "Lasting gains in resilience and texture, if used steadily with sunscreen and proven "
        "actives. Deep lines and volume loss need in-office treatment, not a serum.",
    ),
)

NOT_ADVICE = (
    "Not medical advice. SerumDesk explains what its guide, the product facts and named "
    "medical sources say; it does not diagnose or prescribe. Talk to your clinician or "
    "dermatologist, above all after a procedure or if you are pregnant, breastfeeding or have "
    "a medical condition."
)


SHARED_NOT_ADVICE = (
    "Not medical advice. SerumDesk explains what its guide, the product facts and named "
    "medical sources say; it does not diagnose or prescribe. Talk to your clinician or "
    "dermatologist, above all after a procedure or if you have a medical condition."
)
"""NOT_ADVICE without naming pregnancy, for a copy shared without medical details."""


def _actives_words(actives: frozenset[Active]) -> str:
    names = [name for active, name in ((Active.RETINOID, "retinoid"),
                                      (Active.ACIDS, "exfoliating acids"),
                                      (Active.VITAMIN_C, "vitamin C")) if active in actives]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def procedure_note(answers: Answers) -> Note:
    """The guide does not tell procedures apart beyond its microneedling and laser example."""
    procedure = answers.procedure
    if procedure in (Procedure.MICRONEEDLING, Procedure.LASER):
        return Note("The guide's recovery routine is written for microneedling and fractional "
                    "laser; your provider's post-care instructions come first.", guide.EXAMPLES)
    what = "chemical peels" if procedure is Procedure.PEEL else "other treatments"
    return Note(f"The guide's recovery routine is written for microneedling and fractional laser, "
                f"not {what}: your provider's post-care instructions come first.", guide.EXAMPLES)


HYALURONIC_ACID_FAMILY = "hyaluronic-acid"


def build_routine(answers: Answers, serum: Product | None,
                  allergic_families: frozenset[str] = frozenset()) -> Routine:
    """Where the chosen serum goes morning and night, and how to pair it with other actives.

    Freshly treated skin pauses retinoids, acids and vitamin C until the provider says it has
    healed; pregnancy and breastfeeding pause retinoids. Neither routine then has a step for
    them.
    """
    name = serum.title if serum else "your chosen serum"
    first = f"{name} (first layer, on clean, dry skin)"
    uses = answers.actives
    expecting = Caution.PREGNANT_OR_BREASTFEEDING in answers.cautions
    fresh = answers.in_recovery_window
    healed = answers.use_case is UseCase.POST_PROCEDURE and not fresh
    retinoid = Active.RETINOID in uses and not (expecting or fresh)
    # The guide's hydrating step names hyaluronic acid: not for someone allergic to it.
    hydrator = ("Hydrating serum" if HYALURONIC_ACID_FAMILY in allergic_families
                else "Hydrating serum (hyaluronic acid)")
    vitamin_c = Active.VITAMIN_C in uses and not fresh
    notes: list[Note] = []
    am: tuple[str, ...]
    pm: tuple[str, ...]
    if fresh:
        am = (
            "Gentle cleanser",
            "Antioxidant serum, only if your provider recommends one",
            "Lightweight moisturizer",
            "Mineral sunscreen",
        )
        pm = (
            "Cleanse the way your provider recommends (for example with saline)",
            first,
            "The occlusive or recovery ointment your provider recommends",
        )
        notes.append(Note(
            f"Keep using the reparative serum through the recovery window ({RECOVERY_WINDOW_WORDS}), "
            "then go back to your usual routine.", guide.EXAMPLES))
        notes.append(procedure_note(answers))
        held = _actives_words(uses) if uses else "retinoids, exfoliating acids and vitamin C"
        notes.append(Note(
            f"Pause your {held} until your provider says the skin has healed (no open areas, "
            "peeling or raw redness): the guide keeps strong actives off freshly treated skin.",
            guide.ROUTINE))
    elif answers.use_case is UseCase.SENSITIVE_BARRIER or answers.is_sensitive:
        am = ("Gentle cleanser", hydrator, "Moisturizer", "Sunscreen")
        pm = ("Gentle cleanser", first, "Simple moisturizer")
        notes.append(Note(
            "Start every other night and increase slowly once a patch test shows no reaction.",
            guide.EXAMPLES))
    else:
        am_steps = ["Gentle cleanser"]
        if vitamin_c:
            am_steps.append("Vitamin C serum (morning antioxidant)")
        am_steps += [f"{name} — optional in the morning", "Moisturizer", "Sunscreen"]
        am = tuple(am_steps)
        pm_steps = ["Cleanser"]
        if retinoid:
            pm_steps.append(f"Retinoid on some nights, {name} on the others (first layer)")
        else:
            pm_steps.append(first)
        pm_steps += ["Lighter hydrator" if HYALURONIC_ACID_FAMILY in allergic_families
                     else "Lighter hydrator (e.g. hyaluronic acid)", "Moisturizer or oil to seal"]
        pm = tuple(pm_steps)
    if healed:
        notes.append(Note(
            f"You are past the usual recovery window ({RECOVERY_WINDOW_WORDS}), so this is the "
            "everyday routine, without the saline and recovery-ointment steps. If your provider "
            "has said the skin has healed, bring back other actives one at a time, every other "
            "night at first.", guide.EXAMPLES))

    notes.append(Note(
        "Night is the better time for repair; the morning suits formulas with antioxidants.",
        guide.ROUTINE))
    notes.append(Note(
        "Start once a day or every other day; move to twice a day only if your skin tolerates "
        "it and the brand suggests it.", guide.ROUTINE))
    if Active.RETINOID in uses and expecting:
        notes.append(Note(
            "Retinoid: pause it, including over-the-counter retinol, and ask your clinician "
            "before going on. Retinoids taken by mouth cause birth defects, and for retinoids "
            "put on the skin no safe level in pregnancy is known.", medical.RETINOIDS_IN_PREGNANCY,
            private=True))
        notes.append(Note(
            "While breastfeeding, drug-safety references consider topical tretinoin low risk "
            "if it is kept off the breast and away from the baby's skin; brands often say to "
            "avoid retinoids. Ask your clinician what suits you.",
            medical.RETINOIDS_WHILE_BREASTFEEDING, private=True))
    elif retinoid:
        notes.append(Note(
            "Retinoid: keep it, the serum does not replace it. Use them on alternate nights, "
            "and if you get irritated, space them further apart.", guide.FAQ))
    if Active.ACIDS in uses and not fresh:
        notes.append(Note(
            "Exfoliating acids: stagger them away from the serum (different nights or AM/PM), "
            "and skip them entirely on irritated skin.", guide.ROUTINE))
    if vitamin_c:
        notes.append(Note(
            "Vitamin C: compatible; keep it in the morning as an antioxidant, and check that "
            "the two products' pH and stability advice agree.", guide.ROUTINE))
    if serum is not None and serum.storage.refrigerate:
        notes.append(Note("Store it in the fridge, as the brand asks.", guide.SAFETY))
    return Routine(am=am, pm=pm, notes=tuple(notes))
