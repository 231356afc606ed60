"""How much text a person can type, and how many of a thing they can keep: one set of
limits, asked by the wizard, the dialogs, the profile and serum files and the command line.

Numbers (prices, sizes, doses, budgets, days) have their bounds beside this, in numbers.py.
The limits are wide for real use and keep every file, card and printed sheet a sane size.
"""

from __future__ import annotations

from collections.abc import Sequence

from serumdesk.domain.figures import whole
from serumdesk.i18n import _, ngettext

ALLERGENS = 100
"""Ingredients a person can list as allergies. Profile files have always allowed 100 of up to
200 characters, so no profile saved before this limit was shared can become unreadable."""
ALLERGEN_CHARS = 200
"""Letters in one of them: the longest INCI names (PEG-40 Hydrogenated Castor Oil …) fit with
room to spare, as in profile files of every earlier version."""
BRAND_CHARS = 100
PRODUCT_NAME_CHARS = 200
LABEL_CHARS = 20_000
"""An ingredient label pasted from a pack or a shop's page."""
MY_PRODUCTS = 200
"""Serums of the person's own beside the catalog's."""
LABEL_CHARS_IN_ALL = 150_000
"""Every label of your serums is read again by each command and each start; together they
hold at most this many characters (a hundred long labels), so that stays quick."""


def allergens_problem(names: Sequence[str]) -> str | None:
    """What is wrong with a list of allergy ingredients, in plain words; None when nothing is."""
    if len(names) > ALLERGENS:
        return ngettext(
            "Please list at most {count} ingredient.", "Please list at most {count} ingredients.", ALLERGENS
        ).format(count=whole(ALLERGENS))
    for name in names:
        if len(name) > ALLERGEN_CHARS:
            return _(
                "“{name}…” is too long for one ingredient (at most {count} characters): list them one by one."
            ).format(name=name[:30], count=whole(ALLERGEN_CHARS))
        if not any(ch.isalpha() for ch in name):
            return _("“{name}” does not look like an ingredient name.").format(name=name)
    return None
