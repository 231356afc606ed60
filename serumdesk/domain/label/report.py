"""How a read label is worded: one line per ingredient, then the verdict (CLI today, the app later)."""

from __future__ import annotations

from collections.abc import Sequence

from serumdesk.domain import figures
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
from serumdesk.i18n import N_, _, ngettext

UNKNOWN_WORDS = N_("not in SerumDesk's vocabulary: not guessed; look it up or ask the brand")
CLOSE_WORDS = N_("read as this, close to what was written")
SHORTENED_WORDS = N_("the label gives only the start of its name; read as the one ingredient it can be")
ORIGIN_WORDS = N_("not in the vocabulary; read from its name, an inference")
_FLAG_WORDS = {
    Flag.EXFOLIATING_ACID: N_("exfoliating acid"),
    Flag.RETINOID: N_("retinoid"),
    Flag.ESSENTIAL_OIL: N_("essential oil"),
    Flag.FRAGRANCE_ALLERGEN: N_("fragrance allergen"),
    Flag.COMMON_IRRITANT: N_("common irritant"),
}


def _listed(ingredients: Sequence[ReadIngredient], limit: int = 8) -> str:
    names = [i.written for i in ingredients]
    more = (
        _(" and {count} more").format(count=figures.whole(len(names) - limit)) if len(names) > limit else ""
    )
    return ", ".join(names[:limit]) + more


def ingredient_line(i: ReadIngredient) -> str:
    """'Glycerine → Glycerin (read as this, close to what was written): humectant. …'"""
    written = i.written + (_(" (may contain)") if i.possible else "")
    if i.resolution is None:
        return f"{written} → {_(UNKNOWN_WORDS)}"
    entry = i.resolution.entry
    marks = []
    how = i.resolution.how
    if how is MatchKind.CLOSE:
        marks.append(_(CLOSE_WORDS))
    if how is MatchKind.SHORTENED:
        marks.append(_(SHORTENED_WORDS))
    if i.completed is not None:
        marks.append(
            _("read as “{completed}”: the label names the kind once for the run").format(
                completed=i.completed
            )
        )
    if how is MatchKind.ORIGIN:
        marks.append(_(ORIGIN_WORDS))
    elif entry.pattern is not None:
        marks.append(_("read from the shape of its name"))
    mark = f" ({'; '.join(marks)})" if marks else ""
    line = f"{written} → {entry.shown_name}{mark}: {entry.role.label}. {entry.explanation}"
    if entry.origin_reasons and how is not MatchKind.ORIGIN and entry.pattern is not None:
        line += f" {entry.origin_note}"
    return line


def source_line(r: LabelReading) -> str:
    if r.source_category is not None and r.source_reason:
        return _("Source: {label}, from {names}.").format(
            label=r.source_category.label, names=_listed(r.source_reason)
        )
    if r.source_category is not None:
        return _("Source: {label}: every ingredient is known and none is a stem-cell-type biologic.").format(
            label=r.source_category.label
        )
    if r.source_reason and all(i.has(frozenset({Flag.ANIMAL_DERIVED})) for i in r.source_reason):
        return _("Source: an animal-derived biologic ({_listed}), not one of the catalog's kinds.").format(
            _listed=_listed(r.source_reason)
        )
    if r.source_reason and all(i.known for i in r.source_reason):
        return _(
            "Source: not stated. {names} is a biologic whose origin the name does not give: ask the brand."
        ).format(names=_listed(r.source_reason))
    return ngettext(
        "Source: cannot tell. None of the known ingredients is a biologic, but {unknown} is unknown.",
        "Source: cannot tell. None of the known ingredients is a biologic, but {unknown} are unknown.",
        len(r.unknown),
    ).format(unknown=_listed(r.unknown))


def _unknown_words(unknown: Sequence[ReadIngredient]) -> str:
    return ngettext("{names} is unknown", "{names} are unknown", len(unknown)).format(names=_listed(unknown))


def _origin_line(what: str, origin: Origin, r: LabelReading) -> str:
    if origin.known is Known.YES:
        return _("{what}: yes ({names}).").format(what=what, names=_listed(origin.reason))
    if origin.known is Known.NO:
        return _("{what}: no.").format(what=what)
    parts = []
    known = [i for i in origin.reason if i.known]
    if known:
        parts.append(_("{names} may be").format(names=_listed(known)))
    unknown = [i for i in origin.reason if not i.known]
    if unknown:
        parts.append(_unknown_words(unknown))
    if r.unread_chars:
        parts.append(_("part of the text was not read"))
    return _("{what}: not known — {reasons}.").format(what=what, reasons="; ".join(parts))


def origin_lines(r: LabelReading) -> list[str]:
    return [
        _origin_line(_("Human-derived"), r.human_origin, r),
        _origin_line(_("Animal-derived"), r.animal_origin, r),
    ]


def vegan_line(r: LabelReading) -> str:
    if r.vegan is Vegan.YES:
        return _("Vegan: yes — every ingredient is known and none is or may be of human or animal origin.")
    if r.vegan is Vegan.NO:
        return _("Vegan: no ({names}).").format(names=_listed(r.vegan_reason))
    doubtful = [i for i in r.vegan_reason if i.known]
    parts = []
    if doubtful:
        parts.append(
            _("{names} can be made from animals and the label does not say").format(names=_listed(doubtful))
        )
    if r.unknown:
        parts.append(_unknown_words(r.unknown))
    if r.unread_chars:
        parts.append(_("part of the text was not read"))
    return _("Vegan: not confirmed — {reasons}.").format(reasons="; ".join(parts))


def fragrance_line(r: LabelReading) -> str:
    if r.fragrance:
        return _("Fragrance: {names}.").format(names=_listed(r.fragrance, 12))
    return _("Fragrance: none.") if r.fragrance_free else _("Fragrance: none among the known ingredients.")


def irritant_line(r: LabelReading) -> str:
    if not r.irritants:
        return _("Irritants: none.") if r.complete else _("Irritants: none among the known ingredients.")
    parts = []
    for i in r.irritants:
        kinds = [_(_FLAG_WORDS[f]) for f in IRRITANT_FLAGS if i.entry and f in i.entry.flags]
        parts.append(f"{i.written} ({', '.join(kinds)})")
    return _("Irritants: {irritants}.").format(irritants="; ".join(parts))


def unknown_words(r: LabelReading) -> list[str]:
    lines = []
    if r.unknown:
        lines.append(
            _("Unknown: {_listed}. The verdict above rests on the known ingredients only.").format(
                _listed=_listed(r.unknown, 20)
            )
        )
    lines += cut_words(r)
    return lines


def allergy_lines(v: LabelVerdict) -> list[str]:
    lines = []
    for allergen in v.allergens:
        if not isinstance(allergen, AllergenQuery):
            named = [m for m in v.name_matches if m.allergen is allergen]
            lines.append(
                _("“{text}”: SerumDesk does not know “{text}”; check the label yourself.").format(
                    text=allergen.text
                )
            )
            lines += [
                _("“{text}”: {written} — possible match: its name holds “{word}”.").format(
                    text=allergen.text, written=m.ingredient.written, word=m.word
                )
                for m in named
            ]
            continue
        read = (
            _(" (read as {read_as}, close to what you typed)").format(read_as=allergen.read_as)
            if allergen.how is MatchKind.CLOSE
            else f" ({allergen.read_as})"
        )
        found = [m for m in v.allergen_matches if m.match.query is allergen]
        by_name = [m for m in v.name_matches if m.allergen is allergen]
        if not found and not by_name:
            rest = _("; the unknown ingredients were searched by name only") if v.reading.unknown else ""
            lines.append(
                _("“{text}”{read}: no match{rest}.").format(text=allergen.text, read=read, rest=rest)
            )
        for m in found:
            entry = m.ingredient.entry
            how = (
                _("definite match")
                if m.match.strength is MatchStrength.DEFINITE
                else _("possible match: read from its name")
                if entry and entry.origin_reasons and entry.pattern
                else _("possible match: the label does not say what it is made from")
            )
            lines.append(
                _("“{text}”{read}: {written} — {how}.").format(
                    text=allergen.text, read=read, written=m.ingredient.written, how=how
                )
            )
        lines += [
            _("“{text}”{read}: {written} — possible match: ").format(
                text=allergen.text, read=read, written=m.ingredient.written
            )
            + (
                _("read from its name ({word}).").format(word=m.word)
                if m.by_origin
                else _("its name holds “{word}”.").format(word=m.word)
            )
            for m in by_name
        ]
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
        lines.append(
            _("Does not fit your answer “{wanted}”: it contains {names}.").format(
                wanted=wanted, names=_listed(clashing)
            )
        )
    if Caution.FRAGRANCE_SENSITIVE in answers.cautions and r.fragrance:
        lines.append(
            _("You are sensitive to fragrance: it contains {names}.").format(names=_listed(r.fragrance))
        )
    return lines


def verdict_lines(v: LabelVerdict, answers: Answers) -> list[str]:
    """The verdict as lines of text, in the order a person reads them."""
    r = v.reading
    lines = [
        source_line(r),
        *origin_lines(r),
        vegan_line(r),
        fragrance_line(r),
        irritant_line(r),
        *unknown_words(r),
        *answer_lines(r, answers),
    ]
    if v.allergens:
        lines += ["", _("Your allergies:"), *(f"  {line}" for line in allergy_lines(v))]
    if v.cautions:
        lines += ["", _("Cautions:")]
        lines += [f"  {c.level.mark} {c.text} ({c.source.cite()})" for c in v.cautions]
    return lines
