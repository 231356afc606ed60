"""The `serumdesk` command: the app with no arguments, headless commands over the same domain."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from serumdesk import __version__
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Active, Caution, Diet, Sensitivity, UseCase

if TYPE_CHECKING:
    from serumdesk.domain.product import Catalog
    from serumdesk.domain.recommendation import Recommendation


class UserError(Exception):
    """A problem the person can fix; printed without a traceback, exit status 1."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\nRun '{self.prog} --help' for the options.\n")


def _budget(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of dollars") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("the budget must be zero or a positive number")
    return value


def add_answer_options(parser: argparse.ArgumentParser) -> None:
    """The options that describe a person; shared by recommend, profile save and sheet."""
    g = parser.add_argument_group("your answers")
    # Plain-string choices so argparse's error names every valid value.
    g.add_argument("--use-case", choices=[u.value for u in UseCase],
                   help="what you want the serum for (default: mild-concerns)")
    g.add_argument("--sensitivity", choices=[s.value for s in Sensitivity],
                   help="how reactive your skin is (default: moderate)")
    g.add_argument("--diet", choices=[d.value for d in Diet],
                   help="vegan and ethics preference (default: any)")
    g.add_argument("--caution", choices=[c.value for c in Caution], action="append", default=None,
                   help="a medical or skin caution; repeat for several")
    g.add_argument("--allergen", action="append", default=None, metavar="TEXT",
                   help="an ingredient you are allergic to; repeat for several")
    g.add_argument("--uses-retinoid", action="store_true", default=None, help="you use a retinoid")
    g.add_argument("--uses-acids", action="store_true", default=None, help="you use exfoliating acids")
    g.add_argument("--uses-vitamin-c", action="store_true", default=None, help="you use vitamin C")
    g.add_argument("--budget", type=_budget, metavar="USD_PER_MONTH", help="monthly budget in US dollars")
    g.add_argument("--days-since-procedure", type=int, metavar="DAYS",
                   help="for post-procedure: days since the treatment")


def answers_from_args(args: argparse.Namespace, base: Answers | None = None) -> Answers:
    """Answers from the options; options not given keep `base`'s values (a profile's, or defaults)."""
    base = base or Answers()
    actives = set(base.actives)
    for flag, active in (("uses_retinoid", Active.RETINOID), ("uses_acids", Active.ACIDS),
                         ("uses_vitamin_c", Active.VITAMIN_C)):
        if getattr(args, flag):
            actives.add(active)
    days = args.days_since_procedure
    if days is not None and days < 0:
        raise UserError("--days-since-procedure must be zero or more.")
    return Answers(
        use_case=UseCase(args.use_case) if args.use_case else base.use_case,
        sensitivity=Sensitivity(args.sensitivity) if args.sensitivity else base.sensitivity,
        diet=Diet(args.diet) if args.diet else base.diet,
        cautions=(frozenset(Caution(c) for c in args.caution) if args.caution is not None
                  else base.cautions),
        allergens=tuple(args.allergen) if args.allergen is not None else base.allergens,
        actives=frozenset(actives),
        budget_usd_per_month=args.budget if args.budget is not None else base.budget_usd_per_month,
        procedure=base.procedure,
        days_since_procedure=days if days is not None else base.days_since_procedure,
    )


def load_catalog_for(args: argparse.Namespace) -> Catalog:
    from serumdesk.domain.catalog import CatalogError, load_catalog
    from serumdesk.storage.paths import bundled_catalog_path

    path = Path(args.catalog) if getattr(args, "catalog", None) else bundled_catalog_path()
    try:
        return load_catalog(path)
    except CatalogError as exc:
        raise UserError(str(exc)) from None


def _print_table(rec: Recommendation) -> None:
    from serumdesk.domain.cautions import CautionLevel

    out = sys.stdout.write
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
    from serumdesk.domain.routine import NOT_ADVICE

    out(f"\n{NOT_ADVICE}\n")


def cmd_recommend(args: argparse.Namespace) -> int:
    from serumdesk.domain.recommendation import recommend, recommendation_to_dict

    catalog = load_catalog_for(args)
    answers = answers_from_args(args, base_answers(args))
    rec = recommend(catalog, answers)
    if args.json:
        json.dump(recommendation_to_dict(rec), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_table(rec)
    return 0


def base_answers(args: argparse.Namespace) -> Answers | None:
    """A saved profile's answers when --profile is given (see the profiles commands)."""
    name = getattr(args, "profile", None)
    if not name:
        return None
    from serumdesk.cli_profile import find_profile

    return find_profile(name).answers


def cmd_catalog_validate(args: argparse.Namespace) -> int:
    from serumdesk.domain.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog(Path(args.file))
    except CatalogError as exc:
        raise UserError(str(exc)) from None
    print(f"{args.file}: valid — {len(catalog.products)} products, catalog "
          f"{catalog.catalog_version} ({catalog.updated})")
    return 0


def cmd_catalog_schema(args: argparse.Namespace) -> int:
    from serumdesk.domain.catalog import catalog_json_schema

    text = json.dumps(catalog_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        from serumdesk.storage.atomic import atomic_write_bytes

        atomic_write_bytes(Path(args.output), text.encode("utf-8"), mode=0o644)
    else:
        sys.stdout.write(text)
    return 0


def cmd_sheet(args: argparse.Namespace) -> int:
    from serumdesk.domain.recommendation import recommend
    from serumdesk.storage.atomic import SaveError
    from serumdesk.ui.sheet.content import CompareError
    from serumdesk.ui.sheet.pdf import default_paper, ensure_gui_app, write_sheet_pdf

    catalog = load_catalog_for(args)
    rec = recommend(catalog, answers_from_args(args, base_answers(args)))
    app = ensure_gui_app()  # fonts and PDF painting need one; kept alive until written
    try:
        pages = write_sheet_pdf(rec, args.compare or (), Path(args.output),
                                paper=args.paper or default_paper(),
                                include_medical=not args.no_medical)
    except CompareError as exc:
        sys.stderr.write(f"serumdesk sheet: error: {exc}\n")
        return 2
    except SaveError as exc:
        raise UserError(exc.strerror or str(exc)) from None
    del app
    print(f"Wrote {args.output} ({pages} page{'s' if pages != 1 else ''}).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="serumdesk",
        description="SerumDesk helps you choose a 'stem cell' skincare serum. "
        "With no command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"SerumDesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    rec = sub.add_parser("recommend", help="rank the catalog for your answers")
    add_answer_options(rec)
    rec.add_argument("--profile", metavar="NAME", help="start from a saved profile's answers")
    rec.add_argument("--catalog", metavar="FILE", help="use this catalog instead of the bundled one")
    rec.add_argument("--json", action="store_true", help="print one JSON object")
    rec.set_defaults(func=cmd_recommend)

    cat = sub.add_parser("catalog", help="check or describe catalog files")
    cat_sub = cat.add_subparsers(dest="catalog_command", metavar="ACTION", required=True,
                                 parser_class=_Parser)
    val = cat_sub.add_parser("validate", help="check a catalog file and name every problem")
    val.add_argument("file", metavar="FILE")
    val.set_defaults(func=cmd_catalog_validate)
    sch = cat_sub.add_parser("schema", help="print the catalog's JSON Schema")
    sch.add_argument("--output", metavar="FILE", help="write it to FILE instead")
    sch.set_defaults(func=cmd_catalog_schema)

    sheet = sub.add_parser("sheet", help="write the printable comparison sheet as a PDF")
    add_answer_options(sheet)
    sheet.add_argument("--profile", metavar="NAME", help="start from a saved profile's answers")
    sheet.add_argument("--catalog", metavar="FILE", help="use this catalog instead of the bundled one")
    sheet.add_argument("--compare", action="append", metavar="ID",
                       help="a product id to compare; repeat for up to four (default: the top 3)")
    sheet.add_argument("--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    sheet.add_argument("--paper", choices=["a4", "letter"],
                       help="paper size (default: from your locale)")
    sheet.add_argument("--no-medical", action="store_true",
                       help="leave pregnancy, conditions and allergies out (for sharing); "
                       "cautions keep a line that says to see your clinician")
    sheet.set_defaults(func=cmd_sheet)

    from serumdesk.cli_profile import add_profile_commands

    add_profile_commands(sub, _Parser, add_answer_options)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse and run one command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from serumdesk.app import run_gui

        return run_gui([sys.argv[0], *argv])
    try:
        result: int = args.func(args)
        return result
    except UserError as exc:
        sys.stderr.write(f"serumdesk: {exc}\n")
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except SystemExit as exc:  # argparse's --help, --version and errors
        return exc.code if isinstance(exc.code, int) else 0
    except Exception as exc:
        sys.stderr.write(
            f"serumdesk: unexpected error: {type(exc).__name__}: {exc}\n"
            "Please report this; your data has not been changed.\n")
        return 1


def gui_main() -> int:
    """Entry point for desktop launchers: always opens the app."""
    from serumdesk.app import run_gui

    return run_gui(sys.argv)


if __name__ == "__main__":
    raise SystemExit(main())
