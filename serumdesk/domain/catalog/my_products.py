"""A serum a person adds from its label: the catalog product SerumDesk derives from it.

What the person typed (brand, name, price, size, label) is kept; the product is derived from
it each time, with the vocabulary's reading of the label. Every fact drawn from the label is
marked as an inference "from your label", like an estimate; the dose and uses a day follow
the catalog's estimate model when not given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from serumdesk.domain.catalog.product import Product
from serumdesk.domain.choices import InferredFact, IrritantKind, SourceCategory, UseCase, Vegan
from serumdesk.domain.ingredients.kinds import Flag, Role
from serumdesk.domain.strict.numbers import MAX_LIST_ITEMS
from serumdesk.domain.strict.plain_text import (
    VISIBLE_RULE,
    has_visible_character,
    plain,
    plain_line,
)
from serumdesk.i18n import N_, _

if TYPE_CHECKING:  # the label reader loads pydantic: only a serum being read from its label needs it
    from serumdesk.domain.label.reading import LabelReading, ReadIngredient

MINE_PREFIX = "mine-"
"""Every id of a product a person entered starts so: it never clashes with the catalog's."""
DEFAULT_DOSE_ML = 0.25
DEFAULT_PER_DAY = 2.0
DOSE_REASON = N_(
    "Not given: SerumDesk's usual model. Packaging vendors put an airless-pump stroke at "
    "about 0.15-0.25 ml and a full face at about 0.5 ml by dropper; SerumDesk models "
    "0.2-0.35 ml per application, so 0.25 ml is used."
)
PER_DAY_REASON = N_("Not given: most serums' directions say morning and evening, so twice a day.")
_KEY_ROLES = frozenset(
    {
        Role.BIOLOGIC,
        Role.GROWTH_FACTOR,
        Role.PEPTIDE,
        Role.ACTIVE,
        Role.BRIGHTENING,
        Role.EXFOLIANT,
        Role.ANTIOXIDANT,
        Role.SOOTHING,
    }
)
MAX_KEY_INGREDIENTS = 8
_NOT_HUMAN_CATEGORIES = frozenset(
    {SourceCategory.PLANT_CELL_CULTURE, SourceCategory.PLANT_MADE_GF, SourceCategory.NON_BIOLOGIC}
)
MAX_MY_PRODUCTS_BYTES = 8 * 1024 * 1024
"""The file of your serums: 200 entries of the longest label allowed fit well within it."""


@dataclass(frozen=True, slots=True)
class MyProduct:
    """What a person typed about a serum they have or consider."""

    id: str
    brand: str
    name: str
    price_usd: float
    size_ml: float
    label: str
    dose_ml: float | None = None
    per_day: float | None = None
    seen: dt.date | None = None
    """When the price was seen; None means the day it was entered."""
    entered: dt.date | None = None

    def __post_init__(self) -> None:
        # Typed or pasted text reaches terminals and files: escapes and controls never stay in.
        object.__setattr__(self, "brand", plain_line(self.brand).strip())
        object.__setattr__(self, "name", plain_line(self.name).strip())
        object.__setattr__(self, "label", plain(self.label).strip())


def name_problem(brand: str, name: str) -> str | None:
    """What is wrong with a typed brand and name, by the rule every name follows (a profile's
    too: plain_text.VISIBLE_RULE), as a sentence; None when both are fine."""
    for sentence, text in ((_("A serum's brand {fault}."), brand), (_("A serum's name {fault}."), name)):
        fault = serum_name_fault(text)
        if fault is not None:
            return sentence.format(fault=fault)
    return None


def serum_name_fault(text: str) -> str | None:
    """A serum's brand or name is cleaned of escapes and controls (pasted from a web page, it
    often holds direction marks), then needs what every name needs: something that shows."""
    if not text.strip():
        return _("is empty")
    if not has_visible_character(plain_line(text)):
        return _(VISIBLE_RULE)
    return None


def product_id_for(brand: str, name: str, taken: set[str]) -> str:
    """'mine-' and a slug of brand and name, numbered when taken."""
    slug = re.sub(r"[^a-z0-9]+", "-", f"{brand} {name}".casefold()).strip("-")[:60].strip("-")
    base = f"{MINE_PREFIX}{slug or 'serum'}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


NAMED_AT_MOST = 8
"""The most ingredients a sentence about a label names; it counts the rest."""
LONGEST_NAME = 200
"""An ingredient's name as a product's fact keeps at most this many characters."""


def _short(written: str) -> str:
    return written if len(written) <= LONGEST_NAME else written[: LONGEST_NAME - 1] + "…"


def _names(items: tuple[ReadIngredient, ...]) -> str:
    """'Retinol, Glycerin' — each name once, at most NAMED_AT_MOST, then how many more: a
    label that repeats an ingredient 1,500 times still words in a line."""
    names = list(dict.fromkeys(_short(i.written) for i in items))
    shown = ", ".join(names[:NAMED_AT_MOST])
    more = len(names) - NAMED_AT_MOST
    return f"{shown} and {more} more" if more > 0 else shown


def suited_use_cases(reading: LabelReading) -> list[UseCase]:
    """What the label suggests it suits, by the guide's mapping of sources and companions to
    goals: conditioned media for recovery and a compromised barrier; growth factors and
    peptides for texture and firmness; hyaluronic acid for hydration; brightening actives
    for brightening; never recovery or a sensitive barrier with an exfoliant or a retinoid."""
    entries = [i.entry for i in reading.ingredients if i.entry is not None and not i.possible]
    families = {f for e in entries for f in e.in_families}
    roles = {e.role for e in entries}
    harsh = bool(reading.flagged(Flag.EXFOLIATING_ACID, Flag.RETINOID, definite=True))
    suits: list[UseCase] = []
    category = reading.source_category
    if (
        category
        in (SourceCategory.HUMAN_FIBROBLAST_CM, SourceCategory.HUMAN_ADIPOSE_CM, SourceCategory.EXOSOME_CM)
        and not harsh
    ):
        suits += [UseCase.POST_PROCEDURE, UseCase.SENSITIVE_BARRIER]
    if roles & {Role.GROWTH_FACTOR, Role.PEPTIDE, Role.BIOLOGIC} or "peptides" in families:
        suits.append(UseCase.TEXTURE_FIRMNESS)
    if "hyaluronic-acid" in families or Role.HUMECTANT in roles:
        suits.append(UseCase.HYDRATION)
    if Role.BRIGHTENING in roles or families & {"niacinamide", "vitamin-c"}:
        suits.append(UseCase.BRIGHTENING)
    suits.append(UseCase.MILD_CONCERNS)
    return list(dict.fromkeys(suits))


def _key_ingredients(reading: LabelReading) -> list[str]:
    chosen = [_short(i.written) for i in reading.source_reason if i.known]
    chosen += [
        _short(i.written)
        for i in reading.ingredients
        if i.entry is not None and i.entry.role in _KEY_ROLES and not i.possible
    ]
    chosen += [_short(i.written) for i in reading.ingredients]  # only plain ingredients
    return list(dict.fromkeys(chosen))[:MAX_KEY_INGREDIENTS]


def _source(reading: LabelReading) -> tuple[SourceCategory, str]:
    if reading.source_category is None:
        open_by = _names(reading.source_reason) or _("unknown ingredients")
        return SourceCategory.UNDETERMINED, (
            _(
                "From your label: {open_by} leave the source open, so SerumDesk treats it as a "
                "biologic to be safe."
            ).format(open_by=open_by)
        )
    if reading.source_category is SourceCategory.NON_BIOLOGIC:
        return reading.source_category, _("From your label: no biologic ingredient was found.")
    return reading.source_category, _("From your label: read from {names}.").format(
        names=_names(reading.source_reason)
    )


def _list_note(reading: LabelReading) -> str:
    """What the card says of the list: cut, or with unknowns, or nothing."""
    from serumdesk.domain.label.reading import cut_words

    if reading.truncated:
        return " ".join(cut_words(reading))
    if not reading.complete:
        return _("Some ingredients were not known to SerumDesk.")
    return ""


class UnusableSerum(ValueError):
    """A serum of yours that no product can be made of; str() says why, in plain words."""


def product_from_label(mine: MyProduct, reading: LabelReading, today: dt.date) -> Product:
    """The catalog product a person's entry stands for; facts from the label are inferences."""
    return product_of(product_data_from_label(mine, reading, today))


def product_of(data: dict[str, Any]) -> Product:
    """A serum's product from its JSON form; UnusableSerum, in plain words (never pydantic's),
    when it is not one. A guard: every text and list product_data_from_label makes is
    bounded to fit."""
    from pydantic import ValidationError

    from serumdesk.domain.catalog.catalog_file import parse_product
    from serumdesk.domain.strict.field_rules import error_words

    try:
        return parse_product(data)
    except ValidationError as exc:
        words = "; ".join(dict.fromkeys(error_words(e) for e in exc.errors(include_url=False)))
        raise UnusableSerum(_("SerumDesk cannot make a product of it: {words}").format(words=words)) from None


def product_data_from_label(mine: MyProduct, reading: LabelReading, today: dt.date) -> dict[str, Any]:
    """That product in its JSON form (dates as dates): what is kept as a serum's derived facts."""
    from serumdesk.domain.label.reading import Known

    category, detail = _source(reading)
    entered = (mine.entered or today).isoformat()
    label_source = {"kind": "sourced", "source": _("the label you entered"), "seen": mine.entered or today}
    yours = {"kind": "sourced", "source": _("your entry"), "seen": mine.seen or today}
    human = reading.human_derived
    # Embryonic or fetal cells of a body the name does not give: human-derived, to be safe
    # (the product model ties a fetal cell line to human origin, as the diet answers do).
    fetal_unsure = bool(reading.fetal_cell_line) and not human and reading.human_origin.known is not Known.NO
    vegan_words = {
        Vegan.YES: _("every ingredient is known and none is of human or animal origin"),
        Vegan.NO: _("it lists {names}").format(names=_names(reading.vegan_reason)),
        Vegan.NOT_CONFIRMED: _("some ingredients may be of animal origin or are unknown")
        + (f" ({_names(reading.vegan_reason)})" if reading.vegan_reason else ""),
    }
    inferred = {
        InferredFact.SOURCE: (
            _("SerumDesk read it from the ingredient names on your label; the brand has not confirmed it.")
        ),
        InferredFact.USE_CASES: _("From your label: SerumDesk's reading of its ingredients."),
        InferredFact.VEGAN: _("From your label: {vegan_words}.").format(
            vegan_words=vegan_words[reading.vegan]
        ),
    }
    if human:
        derived = _names(reading.flagged(Flag.HUMAN_DERIVED, definite=True))
        inferred[InferredFact.HUMAN_DERIVED] = _("Your label lists {derived}.").format(derived=derived)
    elif fetal_unsure:
        human = True
        inferred[InferredFact.HUMAN_DERIVED] = _(
            "Your label lists {_names}: embryonic or fetal cells whose origin the name "
            "does not give, so SerumDesk treats it as human-derived to be safe."
        ).format(_names=_names(reading.fetal_cell_line))
    if human and category in _NOT_HUMAN_CATEGORIES:
        # A human-derived ingredient beside a plant or non-biologic source: the label's source
        # is not one kind, and human origin is what the diet and medical answers weigh.
        category, detail = (
            SourceCategory.UNDETERMINED,
            (
                _(
                    "From your label: {rstrip}, but it also lists a human-derived ingredient, so "
                    "SerumDesk treats the source as mixed."
                ).format(rstrip=detail.split(": ", 1)[-1].rstrip("."))
            ),
        )
    irritants = [
        {"kind": kind.value, "ingredient": name}
        for kind in (
            IrritantKind.EXFOLIATING_ACID,
            IrritantKind.RETINOID,
            IrritantKind.VITAMIN_C,
            IrritantKind.FRAGRANCE,
            IrritantKind.ESSENTIAL_OIL,
        )
        for name in dict.fromkeys(map(_short, reading.irritant_names(kind)))
    ][:MAX_LIST_ITEMS]
    fragrance_free = reading.fragrance_free
    if any(i["kind"] == "fragrance" for i in irritants):
        fragrance_free = False
    data = {
        "id": mine.id,
        "brand": mine.brand,
        "name": mine.name,
        "description": _("Your entry, read from the ingredient label you gave on {entered}.").format(
            entered=entered
        ),
        "source_category": category.value,
        "source_detail": detail,
        "human_derived": human,
        "animal_derived": reading.animal_derived,
        "fetal_cell_line": human and bool(reading.fetal_cell_line),
        "vegan": reading.vegan is Vegan.YES and not human,
        "inferred": {k.value: v for k, v in inferred.items()},
        "entered_by_you": True,
        "key_ingredients": _key_ingredients(reading) or [_("(none read)")],
        "ingredient_list": {
            "inci": [_short(i.written) for i in reading.ingredients][:MAX_LIST_ITEMS],
            "complete": reading.complete,
            "provenance": label_source,
            "note": _list_note(reading),
        },
        "irritants": irritants,
        "fragrance_free": fragrance_free,
        "claims_live_cells": bool(reading.live_cells),
        "price": {
            "usd": mine.price_usd,
            "provenance": yours,
            "size_ml": {"value": mine.size_ml, "provenance": yours},
        },
        "dose_ml": (
            {"value": mine.dose_ml, "provenance": yours}
            if mine.dose_ml is not None
            else {"value": DEFAULT_DOSE_ML, "provenance": {"kind": "estimate", "source": _(DOSE_REASON)}}
        ),
        "applications_per_day": (
            {"value": mine.per_day, "provenance": yours}
            if mine.per_day is not None
            else {"value": DEFAULT_PER_DAY, "provenance": {"kind": "estimate", "source": _(PER_DAY_REASON)}}
        ),
        "use_cases": [u.value for u in suited_use_cases(reading)],
        "evidence": {
            "kind": "none",
            "summary": _("SerumDesk knows of no study of a product you entered."),
            "provenance": label_source,
        },
        "notes": [_("Entered by you on {entered}.").format(entered=entered)],
    }
    return data
