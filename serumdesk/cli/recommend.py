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
from serumdesk.i18n import N_, _

if TYPE_CHECKING:
    from serumdesk.domain.advice.recommendation import Recommendation

TITLE_WIDTH = 52
"""The table's product column, in characters: a longer name is cut with '…'."""
COLUMNS = (
    N_("Product"),
    # TRANSLATORS: the table's column of each product's ranking score; at most 6 letters.
    N_("Score"),
    # TRANSLATORS: the table's column of the cost per month in US dollars; at most 9 letters.
    N_("$/month"),
    # TRANSLATORS: the table's column of the price per millilitre; at most 6 letters.
    N_("$/ml"),
    # TRANSLATORS: the table's column of how many months a bottle lasts; at most 6 letters.
    N_("Months"),
)
"""The ranking table's column headings, in order."""


def print_table(rec: Recommendation) -> None:
    """The ranking as text; catalog text in it is made plain on the way out (output.say)."""
    from serumdesk.domain.advice import wording
    from serumdesk.domain.advice.background import DONOR_QUESTION, QUESTIONS, transparency_questions
    from serumdesk.domain.advice.routine import NOT_ADVICE
    from serumdesk.domain.catalog.freshness import stale_words
    from serumdesk.domain.catalog.product_text import shown
    from serumdesk.domain.dates import long_date
    from serumdesk.domain.figures import decimal, whole

    parts: list[str] = []
    out = parts.append
    if rec.prices_from:
        title = _("SerumDesk recommendations — catalog {version} ({date}); prices from {prices}")
    else:
        title = _("SerumDesk recommendations — catalog {version} ({date})")
    out(
        title.format(version=rec.catalog_version, date=long_date(rec.catalog_updated), prices=rec.prices_from)
        + "\n\n"
    )
    if not rec.matches:
        out(
            _(
                "Every product was excluded by your answers. See the reasons below; relaxing the\n"
                "diet preference or an allergen widens the choice."
            )
            + "\n\n"
        )
    if rec.plan.personal:
        out(_("For you:") + "\n")
        for item in rec.plan.personal:
            out(f"  ! {item.text} ({item.source.cite()})\n")
        out("\n")
    procedure = wording.procedure_row(rec.answers)
    if procedure:
        out(_("Procedure: {procedure}").format(procedure=procedure) + "\n\n")
    for notice in rec.notices:
        out(f"! {notice.text} ({notice.source.cite()})\n\n")
    if rec.plan.closest_options and rec.matches:
        out(_("Closest options (none suits your goal):") + "\n")
    columns = [_(name) for name in COLUMNS]
    header = (
        f"{'#':>2}  {columns[0]:<{TITLE_WIDTH}} {columns[1]:>6}  {columns[2]:>9}  "
        f"{columns[3]:>6}  {columns[4]:>6}"
    )
    if rec.matches:
        out(header + "\n" + "-" * len(header) + "\n")
    for m in rec.matches:
        cost = m.cost
        est = "*" if cost.is_estimate else " "
        months = decimal(cost.months_per_bottle, 1) if cost.months_per_bottle else "—"
        flag = "  " + _("over budget") if m.over_budget else ""
        title = wording.listed_title(m.product, TITLE_WIDTH)
        monthly = decimal(cost.cost_per_month_usd)
        out(
            f"{m.rank:>2}  {title:<{TITLE_WIDTH}} {whole(m.score):>6}  {monthly:>8}{est}"
            f"  {decimal(cost.price_per_ml_usd):>6}  {months:>6}{flag}\n"
        )
        pick = rec.plan.pick(m.product.id)
        if pick is not None and pick.condition:
            out("      ! " + _("Start it only {condition}.").format(condition=pick.condition) + "\n")
        for c in m.cautions:
            out(f"      {c.level.mark} {c.text}\n")
        for words in stale_words(m.product, cost, rec.today):
            out(f"      ~ {words}\n")
        for buyer_note in m.product.buyer_notes:
            out(f"      > {shown(buyer_note.text)}\n")
    if rec.matches:
        out("\n")
        if any(m.cost.is_estimate for m in rec.matches):
            out(_("* includes estimated figures (price, size, amount per use or uses a day).") + "\n")
        out(_("Prices are in US dollars.") + "\n")
    if rec.excluded:
        out("\n" + _("Excluded:") + "\n")
        for e in rec.excluded:
            out(f"  - {e.product.title}: {' '.join(f'{r.text} ({r.source.cite()})' for r in e.reasons)}\n")
    out("\n" + _("Routine, morning: {steps}").format(steps=" → ".join(rec.routine.am)) + "\n")
    out(_("Routine, evening: {steps}").format(steps=" → ".join(rec.routine.pm)) + "\n")
    for note in rec.routine.notes:
        out(f"  - {note.text} ({note.source.cite()})\n")
    out(
        "\n"
        + _("Patch test: {text} ({source})").format(
            text=rec.patch_test.text, source=rec.patch_test.source.cite()
        )
        + "\n"
    )
    out("\n" + _("What these serums are:") + "\n")
    for s in rec.about:
        out(f"  - {s.text} ({s.source.cite()})\n")
    asked = [m.product for m in rec.matches[:3] if transparency_questions(m.product)]
    if asked:
        out(
            "\n"
            + _("Questions to ask the brand of {products}:").format(
                products=", ".join(p.title for p in asked)
            )
            + "\n"
        )
        for q in QUESTIONS:
            out(f"  - {q.text} ({q.source.cite()})\n")
        donors = [p.title for p in asked if p.human_derived]
        if donors:
            out(
                "  - "
                + _("Of {products}: {question}").format(
                    products=", ".join(donors), question=DONOR_QUESTION.text
                )
                + f" ({DONOR_QUESTION.source.cite()})\n"
            )
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
    rec.add_argument("--json", action="store_true", help=_("print one JSON object"))
    rec.set_defaults(func=run)
