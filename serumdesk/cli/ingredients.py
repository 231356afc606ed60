"""`serumdesk ingredients`: read an ingredient label, one line per ingredient, then the verdict."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from serumdesk.cli.errors import UsageError
from serumdesk.cli.label_input import read_label_file, read_label_stdin
from serumdesk.cli.options import (
    Parser,
    add_answer_options,
    add_profile_option,
    answers_for,
    load_vocabulary,
    typed_text,
)
from serumdesk.cli.output import say, tell, write_json
from serumdesk.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from serumdesk.domain.answers import Answers
    from serumdesk.domain.ingredients.vocabulary import Vocabulary
    from serumdesk.domain.label.verdict import LabelVerdict

EMPTY = N_(
    "the label is empty: give its ingredient list as TEXT, with --file PATH, or as "
    "'-' to read it from standard input"
)


def _label_text(args: argparse.Namespace) -> str:
    if args.file is not None and args.text is not None:
        raise UsageError(_("give the label as TEXT or with --file, not both"))
    if args.file is not None:
        return read_label_file(args.file)
    if args.text == "-":
        return read_label_stdin()
    if args.text is None:
        raise UsageError(_(EMPTY))
    return str(args.text)


def print_verdict(verdict: LabelVerdict, vocabulary: Vocabulary, answers: Answers) -> None:
    from serumdesk.domain.advice.routine import NOT_ADVICE
    from serumdesk.domain.dates import long_date
    from serumdesk.domain.figures import whole
    from serumdesk.domain.label.report import ingredient_line, verdict_lines

    r = verdict.reading
    shown = (
        ngettext("{count} ingredient", "{count} ingredients", len(r.ingredients)).format(
            count=whole(len(r.ingredients))
        )
        if not len(r.ingredients) > len(r.listed)
        else _("The first {shown} of {total} items").format(
            shown=whole(len(r.listed)), total=whole(len(r.ingredients))
        )
    )
    lines = [
        _("SerumDesk reads this label — ingredient vocabulary {version} ({updated})").format(
            version=vocabulary.version, updated=long_date(vocabulary.updated)
        ),
        "",
        _("{shown}, as written → what SerumDesk reads:").format(shown=shown),
    ]
    width = len(str(len(r.listed)))
    lines += [f"  {n:>{width}}. {ingredient_line(ingredient)}" for n, ingredient in enumerate(r.listed, 1)]
    lines += ["", _("Verdict:")]
    lines += [f"  {line}" if line else "" for line in verdict_lines(verdict, answers)]
    lines += ["", _(NOT_ADVICE)]
    say("\n".join(lines))


def run(args: argparse.Namespace) -> int:
    from serumdesk.domain.label.parse import parse_label
    from serumdesk.domain.label.reading import cut_words, read_label
    from serumdesk.domain.label.verdict import check_label, label_to_dict

    parsed = parse_label(_label_text(args))
    if not parsed.items:
        raise UsageError(_(EMPTY))
    answers = answers_for(args)
    vocabulary = load_vocabulary()
    verdict = check_label(read_label(parsed, vocabulary), vocabulary, answers)
    for line in cut_words(verdict.reading):
        tell(_("serumdesk: warning: {line}").format(line=line))
    if args.json:
        write_json(label_to_dict(verdict))
    else:
        print_verdict(verdict, vocabulary, answers)
    return 0


def register(ing: Parser) -> None:
    """Give `serumdesk ingredients`'s parser its arguments and options."""
    ing.description = _(
        "Read a serum's ingredient list as printed on the pack: what each ingredient is, "
        "its source (human-derived media, exosomes, growth factors, plant cell culture…), "
        "vegan, fragrance, irritants, your allergies and cautions."
    )
    ing.add_argument(
        "text",
        nargs="?",
        metavar=_("TEXT"),
        type=typed_text,
        help=_("the ingredient list in quotes, or '-' to read it from standard input"),
    )
    ing.add_argument("--file", metavar=_("PATH"), help=_("read the ingredient list from a text file"))
    ing.add_argument("--json", action="store_true", help=_("print one JSON object"))
    add_answer_options(ing)
    add_profile_option(ing)
    ing.set_defaults(func=run)
