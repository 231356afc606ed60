"""Options shared by several commands: the parser class, a person's answers, catalog and profile."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from serumdesk.cli.errors import UsageError, UserError
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import (
    OLD_PREGNANT_OR_BREASTFEEDING,
    Active,
    Caution,
    Diet,
    LaserType,
    Procedure,
    Sensitivity,
    UseCase,
)
from serumdesk.domain.strict.limits import ALLERGEN_CHARS, ALLERGENS, allergens_problem
from serumdesk.domain.strict.numbers import BUDGET_USD, DAYS_SINCE_PROCEDURE, NumberError, Quantity
from serumdesk.domain.strict.plain_text import plain
from serumdesk.i18n import _

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from serumdesk.domain.catalog.product import Catalog
    from serumdesk.domain.ingredients.vocabulary import Vocabulary
    from serumdesk.storage.catalog_loader import CatalogLoader
    from serumdesk.storage.profile_types import Profile
    from serumdesk.storage.profiles import ProfileStore
    from serumdesk.storage.user_catalog import UserCatalogStore


class Parser(argparse.ArgumentParser):
    """argparse, with errors that end in how to get help (exit status 2), and every message
    made plain: an error echoes what was typed, which may hold escape sequences."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            2,
            _("{prog}: error: {message}\nRun '{prog} --help' for the options.\n").format(
                prog=self.prog, message=message
            ),
        )

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse's own swallows a failed write, so `--version > full-disk` said nothing and
        # ended with status 0; ours lets standard output's failure reach the exit status.
        from serumdesk.cli.output import tell, write_out

        if not message:
            return
        if file is None or file is sys.stderr:
            tell(message.removesuffix("\n"))
        else:
            write_out(plain(message))


def number_option(quantity: Quantity, *, zero: bool | None = None) -> Callable[[str], float]:
    """An argparse type for a number of `quantity` (numbers.py): the same bounds and words
    as the files and the app; `zero` overrides whether 0 is taken. A refusal exits with
    status 2."""

    def parse(text: str) -> float:
        try:
            value = quantity.parse(text)
            return value if zero is None else quantity.check(value, zero=zero)
        except NumberError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    parse.__name__ = quantity.what.lower()
    return parse


def whole_option(quantity: Quantity) -> Callable[[str], int]:
    parse_number = number_option(quantity)

    def parse(text: str) -> int:
        return int(parse_number(text))

    parse.__name__ = quantity.what.lower()
    return parse


def typed_text(text: str) -> str:
    """An argparse type for text a person types (a name, a label, notes): as they typed it.

    Under a locale that is not UTF-8 (LC_ALL=C, with Python's UTF-8 mode off) Python keeps
    each byte it cannot decode as a lone surrogate, which plain text would then drop: "Café"
    became "Caf". The bytes are decoded as UTF-8 instead (what a terminal sends); text that
    is not UTF-8 at all is refused, never dropped silently.
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    raw = os.fsencode(text)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise argparse.ArgumentTypeError(
            _("'{decode}' is not UTF-8 text; type it again in a UTF-8 terminal").format(
                decode=raw.decode("ascii", "backslashreplace")[:60]
            )
        ) from None


def text_option(what: str) -> Callable[[str], str]:
    """An argparse type for text that cannot be empty ("--profile ''" is a mistake, not
    "no profile")."""

    def parse(text: str) -> str:
        text = typed_text(text)
        if not text.strip():
            raise argparse.ArgumentTypeError(_("needs {what}, not an empty string").format(what=what))
        return text

    parse.__name__ = what
    return parse


def path_option(text: str) -> Path:
    """An argparse type for a file name: never empty (an empty name would mean the current
    folder)."""
    if not text:
        raise argparse.ArgumentTypeError(_("needs a file name, not an empty string"))
    return Path(text)


def add_answer_options(parser: argparse.ArgumentParser) -> None:
    """The options that describe a person; shared by recommend, profile save and sheet."""
    g = parser.add_argument_group(_("your answers"))
    # Plain-string choices so argparse's error names every valid value.
    g.add_argument(
        "--use-case",
        choices=[u.value for u in UseCase],
        help=_("what you want the serum for (default: mild-concerns)"),
    )
    g.add_argument(
        "--sensitivity",
        choices=[s.value for s in Sensitivity],
        help=_("how reactive your skin is (default: moderate)"),
    )
    g.add_argument(
        "--diet", choices=[d.value for d in Diet], help=_("vegan and ethics preference (default: any)")
    )
    g.add_argument(
        "--caution",
        choices=[*(c.value for c in Caution), OLD_PREGNANT_OR_BREASTFEEDING],
        action="append",
        default=None,
        help=_(
            "a medical or skin caution; repeat for several "
            "({OLD_PREGNANT_OR_BREASTFEEDING} means both pregnant and "
            "breastfeeding)"
        ).format(OLD_PREGNANT_OR_BREASTFEEDING=OLD_PREGNANT_OR_BREASTFEEDING),
    )
    g.add_argument(
        "--allergen",
        action="append",
        default=None,
        metavar=_("TEXT"),
        type=typed_text,
        help=_(
            "an ingredient you are allergic to; repeat for several (up to "
            "{ALLERGENS}, each up to {ALLERGEN_CHARS} characters)"
        ).format(ALLERGENS=ALLERGENS, ALLERGEN_CHARS=ALLERGEN_CHARS),
    )
    g.add_argument("--uses-retinoid", action="store_true", default=None, help=_("you use a retinoid"))
    g.add_argument("--uses-acids", action="store_true", default=None, help=_("you use exfoliating acids"))
    g.add_argument("--uses-vitamin-c", action="store_true", default=None, help=_("you use vitamin C"))
    g.add_argument(
        "--budget",
        type=number_option(BUDGET_USD),
        metavar=_("USD_PER_MONTH"),
        help=_("monthly budget in US dollars ({describe})").format(describe=BUDGET_USD.describe()),
    )
    g.add_argument(
        "--procedure",
        choices=[p.value for p in Procedure],
        help=_("for post-procedure: which treatment (the wizard asks the same)"),
    )
    g.add_argument(
        "--laser-type",
        choices=[t.value for t in LaserType],
        help=_("for a laser: ablative, non-ablative or not-sure"),
    )
    g.add_argument(
        "--days-since-procedure",
        type=whole_option(DAYS_SINCE_PROCEDURE),
        metavar=_("DAYS"),
        help=_("for post-procedure: days since the treatment ({describe})").format(
            describe=DAYS_SINCE_PROCEDURE.describe()
        ),
    )


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    """--profile NAME: start from a saved profile's answers (see answers_for)."""
    parser.add_argument(
        "--profile",
        metavar=_("NAME"),
        type=text_option(_("a profile name")),
        help=_("start from a saved profile's answers"),
    )


def add_source_options(parser: argparse.ArgumentParser) -> None:
    """Where the answers and products come from: a saved profile, another catalog."""
    add_profile_option(parser)
    parser.add_argument(
        "--catalog",
        metavar=_("FILE"),
        type=path_option,
        help=_(
            "rank this catalog's products only: not the bundled catalog, "
            "a price list you imported or your own serums"
        ),
    )


def answers_from_args(args: argparse.Namespace, base: Answers | None = None) -> Answers:
    """Answers from the options; options not given keep `base`'s values (a profile's, or defaults)."""
    base = base or Answers()
    actives = set(base.actives)
    for flag, active in (
        ("uses_retinoid", Active.RETINOID),
        ("uses_acids", Active.ACIDS),
        ("uses_vitamin_c", Active.VITAMIN_C),
    ):
        if getattr(args, flag):
            actives.add(active)
    days = args.days_since_procedure
    if args.allergen is not None:
        problem = allergens_problem(Answers(allergens=tuple(args.allergen)).allergens)
        if problem:
            raise UsageError(_("--allergen: {problem}").format(problem=problem))
    return Answers(
        use_case=UseCase(args.use_case) if args.use_case else base.use_case,
        sensitivity=Sensitivity(args.sensitivity) if args.sensitivity else base.sensitivity,
        diet=Diet(args.diet) if args.diet else base.diet,
        cautions=(cautions_from(args.caution) if args.caution is not None else base.cautions),
        allergens=tuple(args.allergen) if args.allergen is not None else base.allergens,
        actives=frozenset(actives),
        budget_usd_per_month=args.budget if args.budget is not None else base.budget_usd_per_month,
        procedure=Procedure(args.procedure) if args.procedure else base.procedure,
        days_since_procedure=days if days is not None else base.days_since_procedure,
        laser_type=LaserType(args.laser_type) if args.laser_type else base.laser_type,
    )


def cautions_from(values: list[str]) -> frozenset[Caution]:
    """The --caution values; the old one answer for both means both."""
    found: set[Caution] = set()
    for value in values:
        if value == OLD_PREGNANT_OR_BREASTFEEDING:
            found |= {Caution.PREGNANT, Caution.BREASTFEEDING}
        else:
            found.add(Caution(value))
    return frozenset(found)


def catalog_loader_for(args: argparse.Namespace) -> CatalogLoader:
    """The catalog a command ranks: with --catalog FILE that file alone; otherwise the bundled
    catalog (or a clinic's installed one), a clinic's price list and the person's own serums."""
    from serumdesk.storage.catalog_loader import CatalogLoader
    from serumdesk.storage.paths import (
        bundled_catalog_path,
        bundled_ingredients_path,
    )
    from serumdesk.storage.vocabulary_loader import VocabularyLoader

    vocabulary = VocabularyLoader(bundled_ingredients_path())
    path = getattr(args, "catalog", None)
    if path is not None:
        return CatalogLoader(path, vocabulary)
    return CatalogLoader(bundled_catalog_path(), vocabulary, user_catalog_store().extras)


def load_catalog_for(loader: CatalogLoader) -> Catalog:
    """The loader's catalog; a UserError says why it cannot be used, and a warning on stderr
    names each addition that was left out."""
    from serumdesk.cli.output import tell
    from serumdesk.storage.catalog_loader import CatalogUnavailable

    try:
        catalog = loader.load()
    except CatalogUnavailable as exc:
        raise UserError(str(exc)) from None
    for problem in loader.problems:
        tell(_("serumdesk: warning: {problem}").format(problem=problem))
    return catalog


def load_vocabulary() -> Vocabulary:
    """The bundled ingredient vocabulary; a UserError says why it cannot be used."""
    from serumdesk.storage.paths import bundled_ingredients_path
    from serumdesk.storage.vocabulary_loader import VocabularyLoader, VocabularyUnavailable

    try:
        return VocabularyLoader(bundled_ingredients_path()).load()
    except VocabularyUnavailable as exc:
        raise UserError(str(exc)) from None


def vocabulary_for_allergies(answers: Answers, loader: CatalogLoader) -> Vocabulary | None:
    """The vocabulary when there are allergies to match (None when there are none). One that
    cannot be loaded is a broken install: a UserError says why, as for a broken catalog."""
    if not answers.allergens:
        return None
    vocabulary = loader.vocabulary()
    if vocabulary is None:
        why = loader.vocabulary_loader.error if loader.vocabulary_loader else None
        raise UserError(
            _("{value}\nYour allergies cannot be checked without it: reinstall SerumDesk.").format(
                value=why or _("the ingredient vocabulary cannot be loaded.")
            )
        )
    return vocabulary


def user_catalog_store() -> UserCatalogStore:
    from serumdesk.storage.paths import UserPaths
    from serumdesk.storage.user_catalog import UserCatalogStore

    return UserCatalogStore(UserPaths.default().catalog_dir)


def profile_store() -> ProfileStore:
    from serumdesk.storage.paths import UserPaths
    from serumdesk.storage.profiles import ProfileStore

    return ProfileStore(UserPaths.default().profiles_dir)


def find_profile(name: str) -> Profile:
    """The saved profile called `name`; a UserError listing the saved names when none is."""
    from serumdesk.storage.profile_types import ProfileError

    try:
        return profile_store().find(name)
    except ProfileError as exc:
        raise UserError(str(exc)) from None


def answers_for(args: argparse.Namespace) -> Answers:
    """The answers a command works with: a saved profile's (--profile), then the options."""
    name = getattr(args, "profile", None)
    base = find_profile(name).answers if name else None
    return answers_from_args(args, base)
