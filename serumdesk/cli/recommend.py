"""`serumdesk recommend`: the ranking for a person's answers, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from serumdesk.cli.options import (
    Parser,
    add_answer_options,
    add_source_options,
    answers_for,
    catalog_loader_for,
    load_catalog_for,
    vocabulary_for_allergies,
)
from serumdesk.cli.output import say, write_json
from serumdesk.i18n import _

if TYPE_CHECKING:
    from serumdesk.domain.advice.recommendation import Recommendation


def print_table(rec: Recommendation) -> None:
    """The ranking as text; catalog text in it is made plain on the way out (output.say)."""
    from serumdesk.domain.advice import wording
    from serumdesk.domain.advice.background import DONOR_QUESTION, QUESTIONS, transparency_questions
    from serumdesk.domain.advice.routine import NOT_ADVICE
    from serumdesk.domain.catalog.freshness import stale_words
    from serumdesk.domain.catalog.product_text import shown

    parts: list[str] = []
    out = parts.append
    prices = f"; prices from {rec.prices_from}" if rec.prices_from else ""
    out(f"SerumDesk recommendations — catalog {rec.catalog_version} ({rec.catalog_updated}){prices}\n\n")
    if not rec.matches:
        out(
            "Every product was excluded by your answers. See the reasons below; relaxing the\n"
            "diet preference or an allergen widens the choice.\n\n"
        )
    if rec.plan.personal:
        out("For you:\n")
        for item in rec.plan.personal:
            out(f"  ! {item.text} ({item.source.cite()})\n")
        out("\n")
    procedure = wording.procedure_row(rec.answers)
    if procedure:
        out(f"Procedure: {procedure}\n\n")
    for notice in rec.notices:
        out(f"! {notice.text} ({notice.source.cite()})\n\n")
    if rec.plan.closest_options and rec.matches:
        out("Closest options (none suits your goal):\n")
    header = f"{'#':>2}  {'Product':<52} {'Score':>5}  {'$/month':>9}  {'$/ml':>6}  {'Months':>6}"
    if rec.matches:
        out(header + "\n" + "-" * len(header) + "\n")
    for m in rec.matches:
        cost = m.cost
        est = "*" if cost.is_estimate else " "
        months = f"{cost.months_per_bottle:.1f}" if cost.months_per_bottle else "—"
        flag = "  over budget" if m.over_budget else ""
        title = wording.listed_title(m.product, 52)
        out(
            f"{m.rank:>2}  {title:<52} {m.score:>5}  {cost.cost_per_month_usd:>8.2f}{est}"
            f"  {cost.price_per_ml_usd:>6.2f}  {months:>6}{flag}\n"
        )
        pick = rec.plan.pick(m.product.id)
        if pick is not None and pick.condition:
            out(f"      ! Start it only {pick.condition}.\n")
        for c in m.cautions:
            out(f"      {c.level.mark} {c.text}\n")
        for words in stale_words(m.product, cost, rec.today):
            out(f"      ~ {words}\n")
        for buyer_note in m.product.buyer_notes:
            out(f"      > {shown(buyer_note.text)}\n")
    if any(m.cost.is_estimate for m in rec.matches):
        out("\n* includes estimated figures (price, size, amount per use or uses a day).\n")
    if rec.excluded:
        out("\nExcluded:\n")
        for e in rec.excluded:
            out(f"  - {e.product.title}: {' '.join(f'{r.text} ({r.source.cite()})' for r in e.reasons)}\n")
    out("\nRoutine, morning: " + " → ".join(rec.routine.am) + "\n")
    out("Routine, evening: " + " → ".join(rec.routine.pm) + "\n")
    for note in rec.routine.notes:
        out(f"  - {note.text} ({note.source.cite()})\n")
    out(f"\nPatch test: {rec.patch_test.text} ({rec.patch_test.source.cite()})\n")
    out("\nWhat these serums are:\n")
    for s in rec.about:
        out(f"  - {s.text} ({s.source.cite()})\n")
    asked = [m.product for m in rec.matches[:3] if transparency_questions(m.product)]
    if asked:
        out(f"\nQuestions to ask the brand of {', '.join(p.title for p in asked)}:\n")
        for q in QUESTIONS:
            out(f"  - {q.text} ({q.source.cite()})\n")
        donors = [p.title for p in asked if p.human_derived]
        if donors:
            out(f"  - Of {', '.join(donors)}: {DONOR_QUESTION.text} ({DONOR_QUESTION.source.cite()})\n")
    out("\n" + _(NOT_ADVICE))
    say("".join(parts))


def run(args: argparse.Namespace) -> int:
    from serumdesk.domain.advice.recommendation import recommend, recommendation_to_dict

    loader = catalog_loader_for(args)
    catalog = load_catalog_for(loader)
    answers = answers_for(args)
    rec = recommend(catalog, answers, vocabulary=vocabulary_for_allergies(answers, loader))
    if args.json:
        write_json(recommendation_to_dict(rec))
    else:
        print_table(rec)
    return 0


def register(rec: Parser) -> None:
    """Give `serumdesk recommend`'s parser its options."""
    add_answer_options(rec)
    add_source_options(rec)
    rec.add_argument("--json", action="store_true", help="print one JSON object")
    rec.set_defaults(func=run)
