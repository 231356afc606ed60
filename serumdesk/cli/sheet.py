"""`serumdesk sheet`: the printable comparison sheet as a PDF, without opening the app."""

from __future__ import annotations

import argparse

from serumdesk.cli.errors import UsageError, save_failed
from serumdesk.cli.options import (
    Parser,
    add_answer_options,
    add_source_options,
    answers_for,
    catalog_loader_for,
    load_catalog_for,
    path_option,
    vocabulary_for_allergies,
)
from serumdesk.cli.output import say
from serumdesk.i18n import _, ngettext


def sheet_language(asked: str | None) -> str:
    """The language the sheet is written in: `--language` after `sheet` (the patient's),
    else the one SerumDesk writes in; UsageError for one SerumDesk does not have."""
    from serumdesk import i18n
    from serumdesk.storage.paths import locale_dir

    if asked is None:
        return i18n.current_language()
    try:
        return i18n.check_language(asked, locale_dir())
    except i18n.LanguageError as exc:
        raise UsageError(_("--language: {exc}").format(exc=exc)) from None


def run(args: argparse.Namespace) -> int:
    from serumdesk.i18n import override

    with override(sheet_language(args.sheet_language)):
        pages = _write(args)
    say(
        ngettext("Wrote {output} ({pages} page).", "Wrote {output} ({pages} pages).", pages).format(
            output=args.output, pages=pages
        )
    )
    return 0


def _write(args: argparse.Namespace) -> int:
    """Rank and write the sheet, every word of it in the language in use here."""
    from serumdesk.domain.advice.compare import CompareError
    from serumdesk.domain.advice.recommendation import recommend
    from serumdesk.storage.atomic import SaveError
    from serumdesk.ui.sheet.pdf import default_paper, ensure_gui_app, write_sheet_pdf

    loader = catalog_loader_for(args)
    catalog = load_catalog_for(loader)
    answers = answers_for(args)
    rec = recommend(catalog, answers, vocabulary=vocabulary_for_allergies(answers, loader))
    from serumdesk.cli.clinic_sheet import clinic_sheet_for

    clinic, logo = clinic_sheet_for(args)
    app = ensure_gui_app()  # fonts and PDF painting need one; kept alive until written
    try:
        pages = write_sheet_pdf(
            rec,
            args.compare or (),
            args.output,
            paper=args.paper or default_paper(),
            include_medical=not args.no_medical,
            replace=args.force,
            clinic=clinic,
            logo=logo,
        )
    except CompareError as exc:
        raise UsageError(str(exc)) from None
    except SaveError as exc:
        raise save_failed(exc) from None
    del app
    return pages


def register(sheet: Parser) -> None:
    """Give `serumdesk sheet`'s parser its options."""
    add_answer_options(sheet)
    add_source_options(sheet)
    sheet.add_argument(
        "--compare",
        action="append",
        metavar=_("ID"),
        help=_("a product id to compare; repeat for up to four (default: the top 3)"),
    )
    sheet.add_argument(
        "--output",
        required=True,
        metavar=_("FILE.pdf"),
        type=path_option,
        help=_("the PDF to write (owner-only: it holds health details)"),
    )
    sheet.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE.pdf if it is an existing file (never a link, pipe or device)"),
    )
    sheet.add_argument("--paper", choices=["a4", "letter"], help=_("paper size (default: from your locale)"))
    sheet.add_argument(
        "--no-medical",
        action="store_true",
        help=_(
            "leave pregnancy, conditions and allergies out (for sharing); "
            "cautions keep a line that says to see your clinician"
        ),
    )
    sheet.add_argument(
        "--language",
        dest="sheet_language",
        metavar=_("LANG"),
        help=_(
            "the sheet's language, such as es, for a patient who reads "
            "another (default: the language SerumDesk writes in)"
        ),
    )
    from serumdesk.cli.clinic_sheet import add_handout_options

    add_handout_options(sheet)
    sheet.set_defaults(func=run)
