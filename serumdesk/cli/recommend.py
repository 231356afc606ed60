"""`serumdesk recommend`: the ranking for a person's answers, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from serumdesk.cli.options import (
    add_answer_options,
    add_source_options,
    answers_for,
    load_catalog_for,
)
from serumdesk.cli.output import say, write_json

if TYPE_CHECKING:
    from serumdesk.domain.recommendation import Recommendation


def print_table(rec: Recommendation) -> None:
    """The ranking as text; catalog text in it is made plain on the way out (output.say)."""
    from serumdesk.domain.cautions import CautionLevel
    from serumdesk.domain.routine import NOT_ADVICE

    parts: list[str] = []
    out = parts.append
    out(f"SerumDesk recommendations — catalog {rec.catalog_version} ({rec.catalog_updated})\n\n")
    if not rec.matches:
        out("Every product was excluded by your answers. See the reasons below; relaxing the\n"
            "diet preference or an allergen widens the choice.\n\n")
    header = f"{'#':>2}  {'Product':<52} {'Score':>5}  {'$/month':>9}  {'$/ml':>6}  {'Months':>6}"
    if rec.matches:
        out(header + "\n" + "-" * len(header) + "\n")
    for m in rec.matches:
        cost = m.cost
        est = "*" if cost.is_estimate else " "
        months = f"{cost.months_per_bottle:.1f}" if cost.months_per_bottle else "—"
        flag = "  over budget" if m.over_budget else ""
        out(f"{m.rank:>2}  {m.product.title[:52]:<52} {m.score:>5}  {cost.cost_per_month_usd:>8.2f}{est}"
            f"  {cost.price_per_ml_usd:>6.2f}  {months:>6}{flag}\n")
        for c in m.cautions:
            mark = "·" if c.level in (CautionLevel.ETHICS, CautionLevel.INFO) else "!"
            out(f"      {mark} {c.text}\n")
    if any(m.cost.is_estimate for m in rec.matches):
        out("\n* includes estimated figures (price, size, amount per use or uses a day).\n")
    if rec.excluded:
        out("\nExcluded:\n")
        for e in rec.excluded:
            out(f"  - {e.product.title}: {' '.join(r.text for r in e.reasons)}\n")
    out("\nRoutine, morning: " + " → ".join(rec.routine.am) + "\n")
    out("Routine, evening: " + " → ".join(rec.routine.pm) + "\n")
    for note in rec.routine.notes:
        out(f"  - {note.text}\n")
    out(f"\nPatch test: {rec.patch_test.text}\n")
    out(f"\n{NOT_ADVICE}")
    say("".join(parts))


def run(args: argparse.Namespace) -> int:
    from serumdesk.domain.recommendation import recommend, recommendation_to_dict

    catalog = load_catalog_for(args)
    rec = recommend(catalog, answers_for(args))
    if args.json:
        write_json(recommendation_to_dict(rec))
    else:
        print_table(rec)
    return 0


def register(sub: Any) -> None:
    """Add `recommend` to the top-level subparsers `sub`."""
    rec = sub.add_parser("recommend", help="rank the catalog for your answers")
    add_answer_options(rec)
    add_source_options(rec)
    rec.add_argument("--json", action="store_true", help="print one JSON object")
    rec.set_defaults(func=run)
