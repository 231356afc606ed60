"""The AM/PM routine, pairing advice, patch test and timeline the guide describes."""

from __future__ import annotations

from dataclasses import dataclass

from serumdesk.domain import guide
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Active, UseCase
from serumdesk.domain.product import Product


@dataclass(frozen=True, slots=True)
class Note:
    """A piece of advice with the guide section it comes from."""

    text: str
    section: str


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
    "SerumDesk explains what the guide and the product facts say; it does not diagnose or "
    "prescribe. Talk to your clinician or dermatologist, above all after a procedure or if "
    "you are pregnant, breastfeeding or have a medical condition."
)


SHARED_NOT_ADVICE = (
    "SerumDesk explains what the guide and the product facts say; it does not diagnose or "
    "prescribe. Talk to your clinician or dermatologist, above all after a procedure or if "
    "you have a medical condition."
)
"""NOT_ADVICE without naming pregnancy, for a copy shared without medical details."""


def build_routine(answers: Answers, serum: Product | None) -> Routine:
    """Where the chosen serum goes morning and night, and how to pair it with other actives."""
    name = serum.title if serum else "your chosen serum"
    first = f"{name} (first layer, on clean, dry skin)"
    uses = answers.actives
    notes: list[Note] = []
    am: tuple[str, ...]
    pm: tuple[str, ...]
    if answers.use_case is UseCase.POST_PROCEDURE:
        am = (
            "Gentle cleanser",
            "Antioxidant serum, if your provider agrees",
            "Lightweight moisturizer",
            "Mineral sunscreen",
        )
        pm = (
            "Cleanse the way your provider recommends (for example with saline)",
            first,
            "The occlusive or recovery ointment your provider recommends",
        )
        notes.append(Note(
            "Keep using the reparative serum through the recovery window (usually 1–2 weeks), "
            "then go back to your usual routine. Your provider's post-care instructions come "
            "first.", guide.EXAMPLES))
    elif answers.use_case is UseCase.SENSITIVE_BARRIER or answers.is_sensitive:
        am = ("Gentle cleanser", "Hydrating serum (hyaluronic acid)", "Moisturizer", "Sunscreen")
        pm = ("Gentle cleanser", first, "Simple moisturizer")
        notes.append(Note(
            "Start every other night and increase slowly once a patch test shows no reaction.",
            guide.EXAMPLES))
    else:
        am_steps = ["Gentle cleanser"]
        if Active.VITAMIN_C in uses:
            am_steps.append("Vitamin C serum (morning antioxidant)")
        am_steps += [f"{name} — optional in the morning", "Moisturizer", "Sunscreen"]
        am = tuple(am_steps)
        pm_steps = ["Cleanser"]
        if Active.RETINOID in uses:
            pm_steps.append(f"Retinoid on some nights, {name} on the others (first layer)")
        else:
            pm_steps.append(first)
        pm_steps += ["Lighter hydrator (e.g. hyaluronic acid)", "Moisturizer or oil to seal"]
        pm = tuple(pm_steps)

    notes.append(Note(
        "Night is the better time for repair; the morning suits formulas with antioxidants.",
        guide.ROUTINE))
    notes.append(Note(
        "Start once a day or every other day; move to twice a day only if your skin tolerates "
        "it and the brand suggests it.", guide.ROUTINE))
    if Active.RETINOID in uses:
        notes.append(Note(
            "Retinoid: keep it, the serum does not replace it. Use them on alternate nights, "
            "and if you get irritated, space them further apart.", guide.FAQ))
    if Active.ACIDS in uses:
        notes.append(Note(
            "Exfoliating acids: stagger them away from the serum (different nights or AM/PM), "
            "and skip them entirely on freshly treated or irritated skin.", guide.ROUTINE))
    if Active.VITAMIN_C in uses:
        notes.append(Note(
            "Vitamin C: compatible; keep it in the morning as an antioxidant, and check that "
            "the two products' pH and stability advice agree.", guide.ROUTINE))
    if serum is not None and serum.storage.refrigerate:
        notes.append(Note("Store it in the fridge, as the brand asks.", guide.SAFETY))
    return Routine(am=am, pm=pm, notes=tuple(notes))
