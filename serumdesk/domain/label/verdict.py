"""A label checked against a person's answers: allergy matches and the cautions `recommend` gives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from serumdesk.domain.advice.allergy import allergy_match
from serumdesk.domain.advice.cautions import CautionKind, CautionNote, cautions_for
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import BuyerNote
from serumdesk.domain.choices import IrritantKind, SourceCategory, Vegan
from serumdesk.domain.ingredients.allergens import AllergenMatch, AllergenQuery, UnknownAllergen
from serumdesk.domain.ingredients.vocabulary import Vocabulary
from serumdesk.domain.label.reading import IRRITANT_FLAGS, LabelReading, ReadIngredient


class IngredientAllergy(NamedTuple):
    ingredient: ReadIngredient
    match: AllergenMatch


@dataclass(frozen=True, slots=True)
class LabelVerdict:
    reading: LabelReading
    allergens: tuple[AllergenQuery | UnknownAllergen, ...]
    """The person's allergens as the vocabulary read them, in the order given."""
    allergen_matches: tuple[IngredientAllergy, ...]
    cautions: tuple[CautionNote, ...]

    @property
    def unknown_allergens(self) -> tuple[UnknownAllergen, ...]:
        return tuple(a for a in self.allergens if isinstance(a, UnknownAllergen))


class _RuleFacts:
    """A label's facts as the caution rules read them (cautions.CautionSubject)."""

    buyer_notes: tuple[BuyerNote, ...] = ()
    """A label carries no brand directions."""
    entered_by_you = True
    """The label is the one the person gave."""

    def __init__(self, reading: LabelReading) -> None:
        self._reading = reading

    @property
    def source_category(self) -> SourceCategory:
        # With no known biologic the medical rules have nothing to say, as for a non-biologic
        # product; that unknowns leave the source open is said by the verdict itself.
        return self._reading.source_category or SourceCategory.NON_BIOLOGIC

    @property
    def human_derived(self) -> bool:
        return self._reading.human_derived

    @property
    def fragrance_free(self) -> bool | None:
        return self._reading.fragrance_free

    @property
    def vegan(self) -> bool:
        return self._reading.vegan is Vegan.YES

    @property
    def vegan_status(self) -> Vegan:
        return self._reading.vegan

    @property
    def full_list_checked(self) -> bool:
        return self._reading.complete

    @property
    def ethics_notes(self) -> Sequence[str]:
        return self._reading.ethics_notes

    def irritant_names(self, kind: IrritantKind) -> list[str]:
        return self._reading.irritant_names(kind)


def check_label(reading: LabelReading, vocabulary: Vocabulary, answers: Answers) -> LabelVerdict:
    """What the label means for this person: their allergens, then the cautions of `recommend`.

    Two of recommend's notes do not apply to a label: "SerumDesk knows the key ingredients
    only" (here every ingredient was checked, and the matches are listed), and "vegan status
    not confirmed" when the label shows it is not vegan (the vegan verdict says so)."""
    allergens = tuple(vocabulary.resolve_allergen(text) for text in answers.allergens)
    queries = [a for a in allergens if isinstance(a, AllergenQuery)]
    matches = tuple(IngredientAllergy(i, found) for i in reading.ingredients if i.entry is not None
                    for q in queries if (found := allergy_match(q, i.entry)) is not None)
    notes = cautions_for(_RuleFacts(reading), answers)
    left_out = {CautionKind.ALLERGY_CHECK}
    if reading.vegan is Vegan.NO:
        left_out.add(CautionKind.DIET_UNCONFIRMED)
    return LabelVerdict(reading, allergens, matches,
                        tuple(n for n in notes if n.kind not in left_out))


def _names(ingredients: Sequence[ReadIngredient]) -> list[str]:
    return [i.written for i in ingredients]


def label_to_dict(verdict: LabelVerdict) -> dict[str, Any]:
    """The `serumdesk ingredients --json` document."""
    r = verdict.reading
    return {
        "ingredients": [ingredient_to_dict(i) for i in r.ingredients],
        "source_category": r.source_category.value if r.source_category else None,
        "source_reason": _names(r.source_reason),
        "human_derived": r.human_derived,
        "animal_derived": r.animal_derived,
        "vegan": r.vegan.value,
        "fragrance": _names(r.fragrance),
        "irritants": [{"name": i.written, "kinds": [f.value for f in IRRITANT_FLAGS
                                                    if i.entry and f in i.entry.flags]}
                      for i in r.irritants],
        "allergen_matches": [*({"allergen": m.match.query.text, "read_as": m.match.query.read_as,
                                "ingredient": m.ingredient.written, "match": m.match.strength.value,
                                "family": m.match.family}
                               for m in verdict.allergen_matches),
                             *({"allergen": a.text, "read_as": None, "ingredient": None,
                                "match": "unknown-allergen", "family": None}
                               for a in verdict.unknown_allergens)],
        "unknown": _names(r.unknown),
        "cautions": [c.to_dict() for c in verdict.cautions],
    }


def ingredient_to_dict(i: ReadIngredient) -> dict[str, Any]:
    entry = i.entry
    flags = [f.value for f in sorted(entry.flags)] if entry else []
    if i.possible:
        flags.append("may-contain")
    if i.close_match:
        flags.append("close-match")
    return {
        "name": i.written,
        "inci": entry.inci if entry else None,
        "known": entry is not None,
        "role": entry.role.value if entry else None,
        "explanation": entry.explanation if entry else None,
        "flags": flags,
    }
