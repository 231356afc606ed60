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


class NameMatch(NamedTuple):
    """An allergen found as a whole word in the name of an ingredient the vocabulary cannot
    say the make-up of (unknown, or read from its name): a possible match, never a definite one."""

    ingredient: ReadIngredient
    allergen: AllergenQuery | UnknownAllergen
    word: str
    """The phrase found in the name ('fish'), or what its words say ('Taraxacum is dandelion')."""
    by_origin: bool = False
    """Found through what a word of the name means (a genus), not the allergen's own words."""


@dataclass(frozen=True, slots=True)
class LabelVerdict:
    reading: LabelReading
    allergens: tuple[AllergenQuery | UnknownAllergen, ...]
    """The person's allergens as the vocabulary read them, in the order given."""
    allergen_matches: tuple[IngredientAllergy, ...]
    cautions: tuple[CautionNote, ...]
    name_matches: tuple[NameMatch, ...] = ()

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
        # product; that unknowns leave the source open is said by the verdict itself. A known
        # biologic of no catalog category (colostrum, platelet, cord) is undetermined, as for
        # a saved serum: the medical answers' clinician note applies.
        if self._reading.source_category is not None:
            return self._reading.source_category
        return SourceCategory.UNDETERMINED if self._reading.biologics else SourceCategory.NON_BIOLOGIC

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
    def claims_live_cells(self) -> bool:
        return bool(self._reading.live_cells)

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
    matches = tuple(
        IngredientAllergy(i, found)
        for i in reading.ingredients
        if i.entry is not None
        for q in queries
        if (found := allergy_match(q, i.entry)) is not None
    )
    notes = cautions_for(_RuleFacts(reading), answers)
    left_out = {CautionKind.ALLERGY_CHECK}
    if reading.vegan is Vegan.NO:
        left_out.add(CautionKind.DIET_UNCONFIRMED)
    kept = [n for n in notes if n.kind not in left_out]
    return LabelVerdict(
        reading, allergens, matches, tuple(kept), _name_matches(reading, vocabulary, allergens, matches)
    )


def _name_matches(
    reading: LabelReading,
    vocabulary: Vocabulary,
    allergens: Sequence[AllergenQuery | UnknownAllergen],
    matches: Sequence[IngredientAllergy],
) -> tuple[NameMatch, ...]:
    """Each allergen searched as whole words in the names the vocabulary cannot vouch for:
    unknown ingredients, ones read from their name, and (for an allergen it does not know)
    every ingredient. A name is searched once however often it is listed."""
    if not allergens:
        return ()
    words = [(a, vocabulary.search_words(a)) for a in allergens]
    any_unknown = any(isinstance(a, UnknownAllergen) for a in allergens)
    longest = max((len(p.split(" ")) for _, w in words for p in w), default=1)
    already = {(id(m.ingredient), id(m.match.query)) for m in matches}
    found: list[NameMatch] = []
    seen: dict[str, list[tuple[int, str, bool]]] = {}
    for i in reading.ingredients:
        vouched = i.entry is not None and not i.entry.inferred
        if vouched and not any_unknown:
            continue
        if i.written not in seen:
            seen[i.written] = _in_name(i, vouched, vocabulary, words, longest)
        for n, word, by_origin in seen[i.written]:
            if (id(i), id(words[n][0])) not in already:
                found.append(NameMatch(i, words[n][0], word, by_origin))
    return tuple(found)


def _in_name(
    i: ReadIngredient,
    vouched: bool,
    vocabulary: Vocabulary,
    words: Sequence[tuple[AllergenQuery | UnknownAllergen, frozenset[str]]],
    longest: int,
) -> list[tuple[int, str, bool]]:
    """Which allergens the name holds: as whole words, or (for a name the vocabulary does not
    know) through what its words mean ('Taraxacum' is dandelion)."""
    in_name = vocabulary.name_phrases(i.written, longest)
    meant = vocabulary.name_allergies(i.written) if i.entry is None else None
    hits: list[tuple[int, str, bool]] = []
    for n, (allergen, phrases) in enumerate(words):
        if vouched and isinstance(allergen, AllergenQuery):
            continue
        if hit := in_name & phrases:
            hits.append((n, min(hit), False))
        elif (
            meant is not None
            and isinstance(allergen, AllergenQuery)
            and meant[0] & (allergen.families | allergen.entry_families)
        ):
            hits.append((n, meant[1], True))
    return hits


def _names(ingredients: Sequence[ReadIngredient]) -> list[str]:
    return [i.written for i in ingredients]


def label_to_dict(verdict: LabelVerdict) -> dict[str, Any]:
    """The `serumdesk ingredients --json` document."""
    r = verdict.reading
    return {
        "ingredients": [ingredient_to_dict(i) for i in r.listed],
        "source_category": r.source_category.value if r.source_category else None,
        "source_reason": _names(r.source_reason),
        "human_derived": r.human_origin.known.value,
        "animal_derived": r.animal_origin.known.value,
        "live_stem_cells_claimed": bool(r.live_cells),
        "truncated": r.truncated,
        "items_read": len(r.ingredients),
        "items_listed": len(r.listed),
        "unread_characters": r.unread_chars,
        "vegan": r.vegan.value,
        "fragrance": _names(r.fragrance),
        "irritants": [
            {"name": i.written, "kinds": [f.value for f in IRRITANT_FLAGS if i.entry and f in i.entry.flags]}
            for i in r.irritants
        ],
        "allergen_matches": [
            *(
                {
                    "allergen": m.match.query.text,
                    "read_as": m.match.query.read_as,
                    "ingredient": m.ingredient.written,
                    "match": m.match.strength.value,
                    "family": m.match.family,
                    "found_by": _found_by(m),
                }
                for m in verdict.allergen_matches
            ),
            *(
                {
                    "allergen": m.allergen.text,
                    "read_as": (m.allergen.read_as if isinstance(m.allergen, AllergenQuery) else None),
                    "ingredient": m.ingredient.written,
                    "match": "possible",
                    "family": None,
                    "found_by": "name",
                    "word": m.word,
                }
                for m in verdict.name_matches
            ),
            *(
                {
                    "allergen": a.text,
                    "read_as": None,
                    "ingredient": None,
                    "match": "unknown-allergen",
                    "family": None,
                    "found_by": None,
                }
                for a in verdict.unknown_allergens
                if not any(m.allergen is a for m in verdict.name_matches)
            ),
        ],
        "unknown": _names(r.unknown),
        "cautions": [c.to_dict() for c in verdict.cautions],
    }


def _found_by(m: IngredientAllergy) -> str:
    """'vocabulary' when the ingredient is a known one; 'name' when it was read from its name."""
    entry = m.ingredient.entry
    return "name" if entry is not None and entry.origin_reasons and entry.pattern else "vocabulary"


def ingredient_to_dict(i: ReadIngredient) -> dict[str, Any]:
    entry = i.entry
    flags = [f.value for f in sorted(entry.flags)] if entry else []
    if i.possible:
        flags.append("may-contain")
    if i.close_match:
        flags.append("close-match")
    how = i.resolution.how.value if i.resolution else None
    return {
        "name": i.written,
        "inci": entry.inci if entry else None,
        "known": entry is not None,
        "read_as": i.completed,
        "how": how,
        "role": entry.role.value if entry else None,
        "explanation": entry.explanation if entry else None,
        "origin_note": entry.origin_note if entry else None,
        "flags": flags,
    }
