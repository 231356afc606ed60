"""Which products are compared side by side: the limits, the default and the choice after edits.

One home for the compare limits: the results page, the sheet and the command line ask here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from serumdesk.i18n import _

if TYPE_CHECKING:
    from serumdesk.domain.advice.ranking import Match
    from serumdesk.domain.advice.recommendation import Recommendation

MIN_COMPARED = 2
MAX_COMPARED = 4
"""Four columns still fit the printed sheet on one or two pages."""
DEFAULT_COMPARED = 3


class CompareError(ValueError):
    """The products asked for cannot be compared; the message names the valid ids."""


def compare_selection(rec: Recommendation, wanted: Sequence[str]) -> list[str]:
    """The products to show side by side after the answers change.

    The wanted ones that are still matched stay (at most four, in rank order); when fewer
    than two remain, the best-ranked others fill up to three.
    """
    ranked = [m.product.id for m in rec.matches]
    wanted_set = set(wanted)
    kept = [pid for pid in ranked if pid in wanted_set][:MAX_COMPARED]
    if len(kept) < MIN_COMPARED:
        extra = [pid for pid in ranked if pid not in kept]
        kept = [pid for pid in ranked if pid in set(kept + extra[: DEFAULT_COMPARED - len(kept)])]
    return kept


def select_compared(rec: Recommendation, compare_ids: Sequence[str]) -> tuple[Match, ...]:
    """The matches to compare, in the order asked; empty `compare_ids` means the top three."""
    if not compare_ids:
        return tuple(rec.matches[:DEFAULT_COMPARED])
    ids = list(dict.fromkeys(compare_ids))
    if len(ids) > MAX_COMPARED:
        raise CompareError(
            _("The sheet compares at most {most} products; {asked} were asked for.").format(
                most=MAX_COMPARED, asked=len(ids)
            )
        )
    by_id = {m.product.id: m for m in rec.matches}
    excluded = {e.product.id: e for e in rec.excluded}
    for pid in ids:
        if pid in by_id:
            continue
        valid = ", ".join(by_id) or _("none (every product was excluded)")
        if pid in excluded:
            why = " ".join(r.text for r in excluded[pid].reasons)
            raise CompareError(
                _("'{id}' is excluded for these answers ({why}). Products you can compare: {valid}.").format(
                    id=pid, why=why, valid=valid
                )
            )
        raise CompareError(
            _("Unknown product id '{id}'. Products you can compare: {valid}.").format(id=pid, valid=valid)
        )
    return tuple(by_id[pid] for pid in ids)
