"""How a read label is worded: one line per ingredient, then the verdict (CLI today, the app later)."""

from __future__ import annotations

from collections.abc import Sequence

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Caution, Diet, Vegan
from serumdesk.domain.ingredients.allergens import AllergenQuery, MatchStrength
from serumdesk.domain.ingredients.entry import MatchKind
from serumdesk.domain.ingredients.kinds import Flag
from serumdesk.domain.label.reading import (
    IRRITANT_FLAGS,
    Known,
    LabelReading,
    Origin,
    ReadIngredient,
    cut_words,
)
from serumdesk.domain.label.verdict import LabelVerdict

UNKNOWN_WORDS = "not in SerumDesk's vocabulary: not guessed; look it up or ask the brand"
CLOSE_WORDS = "read as this, close to what was written"
SHORTENED_WORDS = "the label gives only the start of its name; read as the one ingredient it can be"
ORIGIN_WORDS = "not in the vocabulary; read from its name, an inference"
_FLAG_WORDS = {
    Flag.EXFOLIATING_ACID: "exfoliating acid", Flag.RETINOID: "retinoid",
    Flag.ESSENTIAL_OIL: "essential oil", Flag.FRAGRANCE_ALLERGEN: "fragrance allergen",
    Flag.COMMON_IRRITANT: "common irritant",
}


def _listed(ingredients: Sequence[ReadIngredient], limit: int = 8) -> str:
    names = [i.written for i in ingredients]
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def ingredient_line(i: ReadIngredient) -> str:
    """'Glycerine → Glycerin (read as this, close to what was written): humectant. …'"""
    written = i.written + (" (may contain)" if i.possible else "")
    if i.resolution is None:
        return f"{written} → {UNKNOWN_WORDS}"
    entry = i.resolution.entry
    marks = []
    how = i.resolution.how
    if how is MatchKind.CLOSE:
        marks.append(CLOSE_WORDS)
    if how is MatchKind.SHORTENED:
        marks.append(SHORTENED_WORDS)
    if i.completed is not None:
        marks.append(f"read as “{i.completed}”: the label names the kind once for the run")
    if how is MatchKind.ORIGIN:
        marks.append(ORIGIN_WORDS)
    elif entry.pattern is not None:
        marks.append("read from the shape of its name")
    mark = f" ({'; '.join(marks)})" if marks else ""
    line = f"{written} → {entry.inci}{mark}: {entry.role.label}. {entry.explanation}"
    if entry.origin_note is not None and how is not MatchKind.ORIGIN and entry.pattern is not None:
        line += f" {entry.origin_note}"
    return line


def source_line(r: LabelReading) -> str:
    if r.source_category is not None and r.source_reason:
        return f"Source: {r.source_category.label}, from {_listed(r.source_reason)}."
    if r.source_category is not None:
        return (f"Source: {r.source_category.label}: every ingredient is known and none is a "
                "stem-cell-type biologic.")
    if r.source_reason and all(i.has(frozenset({Flag.ANIMAL_DERIVED})) for i in r.source_reason):
        return (f"Source: an animal-derived biologic ({_listed(r.source_reason)}), not one of "
                "the catalog's kinds.")
    if r.source_reason and all(i.known for i in r.source_reason):
        return (f"Source: not stated. {_listed(r.source_reason)} is a biologic whose origin the "
                "name does not give: ask the brand.")
    return (f"Source: cannot tell. None of the known ingredients is a biologic, but "
            f"{_listed(r.unknown)} {'is' if len(r.unknown) == 1 else 'are'} unknown.")


def _origin_line(what: str, origin: Origin, r: LabelReading) -> str:
    if origin.known is Known.YES:
        return f"{what}: yes ({_listed(origin.reason)})."
    if origin.known is Known.NO:
        return f"{what}: no."
    parts = []
    known = [i for i in origin.reason if i.known]
    if known:
        parts.append(f"{_listed(known)} may be")
    unknown = [i for i in origin.reason if not i.known]
    if unknown:
        parts.append(f"{_listed(unknown)} {'is' if len(unknown) == 1 else 'are'} unknown")
    if r.unread_chars:
        parts.append("part of the text was not read")
    return f"{what}: not known — {'; '.join(parts)}."


def origin_lines(r: LabelReading) -> list[str]:
    return [_origin_line("Human-derived", r.human_origin, r),
            _origin_line("Animal-derived", r.animal_origin, r)]


def vegan_line(r: LabelReading) -> str:
    if r.vegan is Vegan.YES:
        return "Vegan: yes — every ingredient is known and none is or may be of human or animal origin."
    if r.vegan is Vegan.NO:
        return f"Vegan: no ({_listed(r.vegan_reason)})."
    doubtful = [i for i in r.vegan_reason if i.known]
    parts = []
    if doubtful:
        parts.append(f"{_listed(doubtful)} can be made from animals and the label does not say")
    if r.unknown:
        parts.append(f"{_listed(r.unknown)} {'is' if len(r.unknown) == 1 else 'are'} unknown")
    if r.unread_chars:
        parts.append("part of the text was not read")
    return f"Vegan: not confirmed — {'; '.join(parts)}."


def fragrance_line(r: LabelReading) -> str:
    if r.fragrance:
        return f"Fragrance: {_listed(r.fragrance, 12)}."
    return "Fragrance: none." if r.fragrance_free else "Fragrance: none among the known ingredients."


def irritant_line(r: LabelReading) -> str:
    if not r.irritants:
        return "Irritants: none." if r.complete else "Irritants: none among the known ingredients."
    parts = []
    for i in r.irritants:
        kinds = [_FLAG_WORDS[f] for f in IRRITANT_FLAGS if i.entry and f in i.entry.flags]
        parts.append(f"{i.written} ({', '.join(kinds)})")
    return "Irritants: " + "; ".join(parts) + "."


def unknown_words(r: LabelReading) -> list[str]:
    lines = []
    if r.unknown:
        lines.append(f"Unknown: {_listed(r.unknown, 20)}. The verdict above rests on the known "
                     "ingredients only.")
    lines += cut_words(r)
    return lines


def allergy_lines(v: LabelVerdict) -> list[str]:
    lines = []
    for allergen in v.allergens:
        if not isinstance(allergen, AllergenQuery):
            named = [m for m in v.name_matches if m.allergen is allergen]
            lines.append(f"“{allergen.text}”: SerumDesk does not know “{allergen.text}”; check "
                         "the label yourself.")
            lines += [f"“{allergen.text}”: {m.ingredient.written} — possible match: its name "
                      f"holds “{m.word}”." for m in named]
            continue
        read = (f" (read as {allergen.read_as}, close to what you typed)"
                if allergen.how is MatchKind.CLOSE else f" ({allergen.read_as})")
        found = [m for m in v.allergen_matches if m.match.query is allergen]
        by_name = [m for m in v.name_matches if m.allergen is allergen]
        if not found and not by_name:
            rest = ("; the unknown ingredients were searched by name only"
                    if v.reading.unknown else "")
            lines.append(f"“{allergen.text}”{read}: no match{rest}.")
        for m in found:
            entry = m.ingredient.entry
            how = ("definite match" if m.match.strength is MatchStrength.DEFINITE
                   else "possible match: read from its name" if entry and entry.origin_note
                   and entry.pattern else
                   "possible match: the label does not say what it is made from")
            lines.append(f"“{allergen.text}”{read}: {m.ingredient.written} — {how}.")
        lines += [f"“{allergen.text}”{read}: {m.ingredient.written} — possible match: "
                  + (f"read from its name ({m.word})." if m.by_origin else
                     f"its name holds “{m.word}”.") for m in by_name]
    return lines


def answer_lines(r: LabelReading, answers: Answers) -> list[str]:
    """Where the label goes against the person's diet and ethics answer or fragrance sensitivity
    (what would leave a catalog product out of `recommend`)."""
    wanted = answers.diet.label
    clashing = {
        Diet.VEGAN: r.vegan_reason if r.vegan is Vegan.NO else (),
        Diet.NO_HUMAN_DERIVED: r.flagged(Flag.HUMAN_DERIVED, definite=True),
        Diet.NO_FETAL_CELL_LINE: r.fetal_cell_line,
    }.get(answers.diet, ())
    lines = []
    if clashing:
        lines.append(f"Does not fit your answer “{wanted}”: it contains {_listed(clashing)}.")
    if Caution.FRAGRANCE_SENSITIVE in answers.cautions and r.fragrance:
        lines.append(f"You are sensitive to fragrance: it contains {_listed(r.fragrance)}.")
    return lines


def verdict_lines(v: LabelVerdict, answers: Answers) -> list[str]:
    """The verdict as lines of text, in the order a person reads them."""
    r = v.reading
    lines = [source_line(r), *origin_lines(r), vegan_line(r), fragrance_line(r),
             irritant_line(r), *unknown_words(r), *answer_lines(r, answers)]
    if v.allergens:
        lines += ["", "Your allergies:", *(f"  {line}" for line in allergy_lines(v))]
    if v.cautions:
        lines += ["", "Cautions:"]
        lines += [f"  {c.level.mark} {c.text} ({c.source.cite()})" for c in v.cautions]
    return lines
