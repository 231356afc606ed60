"""`serumdesk catalog …`: check a catalog or vocabulary file, print a JSON Schema, add and
remove your own serums, and install a clinic's catalog or price list."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from serumdesk.cli.errors import UsageError, UserError, save_failed
from serumdesk.cli.options import (
    Parser,
    load_vocabulary,
    number_option,
    path_option,
    text_option,
    typed_text,
    user_catalog_store,
)
from serumdesk.cli.output import say, tell, write_json
from serumdesk.cli.prices import add_import_name_option, register_price_actions
from serumdesk.domain.dates import long_date
from serumdesk.domain.figures import figure, whole
from serumdesk.domain.strict.numbers import DOSE_ML, PRICE_USD, SIZE_ML, USES_A_DAY
from serumdesk.i18n import _, ngettext

if TYPE_CHECKING:
    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.domain.catalog.product import Product
    from serumdesk.domain.ingredients.vocabulary import Vocabulary


def validate(args: argparse.Namespace) -> int:
    if args.ingredients:
        return _validate_vocabulary(args.file)
    from serumdesk.domain.catalog.catalog_file import CatalogError
    from serumdesk.storage.data_files import load_catalog

    try:
        catalog = load_catalog(args.file)
    except CatalogError as exc:
        raise UserError(str(exc)) from None
    say(
        ngettext(
            "{file}: valid — {count} product, catalog {version} ({updated})",
            "{file}: valid — {count} products, catalog {version} ({updated})",
            len(catalog.products),
        ).format(
            file=args.file,
            count=whole(len(catalog.products)),
            version=catalog.catalog_version,
            updated=long_date(catalog.updated),
        )
    )
    return 0


def _validate_vocabulary(path: Path) -> int:
    from serumdesk.domain.ingredients.vocabulary_file import VocabularyError
    from serumdesk.storage.data_files import load_vocabulary

    try:
        vocabulary = load_vocabulary(path)
    except VocabularyError as exc:
        raise UserError(str(exc)) from None
    say(
        _(
            "{path}: valid — {ingredients} ingredients, {families} families, vocabulary {version} ({updated})"
        ).format(
            path=path,
            ingredients=whole(len(vocabulary.entries)),
            families=whole(len(vocabulary.families)),
            version=vocabulary.version,
            updated=long_date(vocabulary.updated),
        )
    )
    return 0


def schema(args: argparse.Namespace) -> int:
    from serumdesk.domain.strict import strict_json

    if args.ingredients:
        from serumdesk.domain.ingredients.vocabulary_file import vocabulary_json_schema

        document = vocabulary_json_schema()
    else:
        from serumdesk.domain.catalog.catalog_file import catalog_json_schema

        document = catalog_json_schema()
    if args.output:
        text = strict_json.dumps(document) + "\n"
        from serumdesk.storage.atomic import SaveError, atomic_write_bytes

        try:  # no health details: created with the person's umask, not owner-only
            atomic_write_bytes(args.output, text.encode("utf-8"), replace=args.force, private=False)
        except SaveError as exc:
            raise save_failed(exc) from None
    else:
        write_json(document)
    return 0


def date_option(text: str) -> dt.date:
    """An argparse type for the day a price was seen: YYYY-MM-DD, not in the future."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{text}' is not a date; give it as YYYY-MM-DD (2026-11-29)").format(text=text[:40])
        ) from None
    if day > dt.date.today():
        raise argparse.ArgumentTypeError(_("{isoformat} is in the future").format(isoformat=day.isoformat()))
    from serumdesk.domain.strict.numbers import FILE_DAY

    if day < FILE_DAY.earliest:
        raise argparse.ArgumentTypeError(
            _("{isoformat} is before {isoformat2}, the earliest date SerumDesk keeps").format(
                isoformat=day.isoformat(), isoformat2=FILE_DAY.earliest.isoformat()
            )
        )
    return day


def _label_of(args: argparse.Namespace) -> str:
    from serumdesk.cli.label_input import read_label_file, read_label_stdin
    from serumdesk.domain.label.parse import parse_label
    from serumdesk.domain.strict.limits import LABEL_CHARS

    if args.ingredients_file is not None:
        text = read_label_file(str(args.ingredients_file))
    elif args.ingredients == "-":
        text = read_label_stdin()
    else:
        text = str(args.ingredients)
    text = text.strip()
    if not parse_label(text[:LABEL_CHARS]).items:
        raise UsageError(
            _(
                "the ingredient label is empty: give it with --ingredients TEXT, "
                "--ingredients-file PATH or --ingredients - (standard input)"
            )
        )
    if len(text) > LABEL_CHARS:
        raise UserError(
            _(
                "The label is {len} characters long; a label holds at most "
                "{LABEL_CHARS}. Give only the ingredient list."
            ).format(len=whole(len(text)), LABEL_CHARS=whole(LABEL_CHARS))
        )
    return text


def _as_product(mine: MyProduct, vocabulary: Vocabulary) -> Product:
    from serumdesk.domain.catalog.my_products import product_from_label
    from serumdesk.domain.label.reading import read_label

    return product_from_label(mine, read_label(mine.label, vocabulary), dt.date.today())


def add(args: argparse.Namespace) -> int:
    from serumdesk.domain.catalog.my_products import (
        MINE_PREFIX,
        MyProduct,
        UnusableSerum,
        name_problem,
    )
    from serumdesk.storage.user_catalog import UserCatalogError

    problem = name_problem(args.brand, args.name)
    if problem is not None:
        raise UsageError(problem[0].lower() + problem[1:].rstrip("."))
    label = _label_of(args)
    vocabulary = load_vocabulary()
    # The store gives it its id; until then a placeholder lets the label be checked first.
    mine = MyProduct(
        id=f"{MINE_PREFIX}new",
        brand=args.brand,
        name=args.name,
        price_usd=args.price,
        size_ml=args.size,
        label=label,
        dose_ml=args.dose,
        per_day=args.per_day,
        seen=args.seen or dt.date.today(),
        entered=dt.date.today(),
    )
    if not mine.brand or not mine.name:
        raise UsageError(_("give the brand and the name as words, not only symbols or spaces"))
    try:
        product = _as_product(mine, vocabulary)  # a label SerumDesk cannot use is refused here
        kept = user_catalog_store().add(mine)
    except UserCatalogError as exc:
        raise UserError(str(exc)) from None
    except UnusableSerum as exc:
        raise UserError(
            _("This serum cannot be added: {exc}. Nothing was changed.").format(exc=exc)
        ) from None
    say(
        _(
            "Added {id}: {brand} {name}.\n{_read_as}\nrecommend, sheet and the app now rank it "
            "beside the catalog's products. Its facts are marked “from your label”.\nSee how "
            "each ingredient is read: serumdesk ingredients --file LABEL (or catalog mine). "
            "Remove it with: serumdesk catalog remove {id}"
        ).format(id=kept.id, brand=kept.brand, name=kept.name, _read_as=_read_as(product))
    )
    return 0


def _read_as(product: Product) -> str:
    """What SerumDesk reads a serum of yours as, in two indented lines."""
    from serumdesk.domain.advice import wording
    from serumdesk.domain.catalog import product_text

    origin = f"{wording.origin_words(product)} {wording.vegan_words(product)}"
    return f"  {product_text.source_detail(product)}\n  {origin}"


def mine(args: argparse.Namespace) -> int:
    from serumdesk.domain.advice import wording
    from serumdesk.domain.catalog.my_products import UnusableSerum
    from serumdesk.domain.strict.data_files import DataFileError

    try:
        products = user_catalog_store().my_products()
    except DataFileError as exc:
        raise UserError(str(exc)) from None
    derived: dict[str, Product] = {}
    if products:
        try:
            vocabulary = load_vocabulary()
        except UserError as exc:
            tell(_("serumdesk: warning: {exc}").format(exc=exc))
        else:
            for m in products:
                try:
                    derived[m.id] = _as_product(m, vocabulary)
                except UnusableSerum as exc:
                    tell(
                        _("serumdesk: warning: your serum {id} cannot be read: {exc}.").format(
                            id=m.id, exc=exc
                        )
                    )
    if args.json:
        write_json({"products": [_mine_to_dict(m, derived.get(m.id)) for m in products]})
        return 0
    if not products:
        say(
            _(
                "You have not added a serum. Add one with: serumdesk catalog add --brand B "
                "--name N --price USD --size ML --ingredients TEXT"
            )
        )
        return 0
    lines: list[str] = []
    for m in products:
        seen = long_date(m.seen) if m.seen else _("undated")
        lines.append(
            f"{m.id}\n  {m.brand} {m.name} — "
            + _("{price} for {size} ml (price seen {seen})").format(
                price=wording.money(m.price_usd), size=figure(m.size_ml), seen=seen
            )
        )
        product = derived.get(m.id)
        if product is not None:
            lines.append(_read_as(product))
    say("\n".join(lines))
    return 0


def _mine_to_dict(m: MyProduct, product: Product | None) -> dict[str, object]:
    """What you entered, then what SerumDesk reads it as (as `recommend --json` describes a
    product; null when the vocabulary could not be loaded)."""
    from serumdesk.domain.advice.recommendation import product_to_dict

    return {
        "id": m.id,
        "brand": m.brand,
        "name": m.name,
        "price_usd": m.price_usd,
        "size_ml": m.size_ml,
        "dose_ml": m.dose_ml,
        "applications_per_day": m.per_day,
        "seen": m.seen.isoformat() if m.seen else None,
        "entered": m.entered.isoformat() if m.entered else None,
        "label": m.label,
        "read_as": product_to_dict(product) if product else None,
    }


def remove(args: argparse.Namespace) -> int:
    from serumdesk.storage.user_catalog import UserCatalogError

    try:
        gone = user_catalog_store().remove(args.id)
    except UserCatalogError as exc:
        raise UserError(str(exc)) from None
    say(_("Removed {id}: {brand} {name}.").format(id=gone.id, brand=gone.brand, name=gone.name))
    return 0


def install(args: argparse.Namespace) -> int:
    from serumdesk.storage.paths import bundled_catalog_path
    from serumdesk.storage.user_catalog import Installed, UserCatalogError

    if args.file is not None and args.file.suffix.lower() in (".csv", ".txt", ".tsv"):
        from serumdesk.cli.prices import import_sheet

        return import_sheet(args)
    store = user_catalog_store()
    if args.reset:
        if args.file is not None:
            raise UsageError(_("give a FILE to import or --reset, not both"))
        try:
            removed = store.reset()
        except UserCatalogError as exc:
            raise UserError(str(exc)) from None
        if removed:
            say(
                _(
                    "Back to the bundled catalog and its prices ({removed} removed). Your own "
                    "serums are kept."
                ).format(removed=_(" and ").join(removed))
            )
        else:
            say(
                _(
                    "Back to the bundled catalog and its prices (nothing was installed). Your "
                    "own serums are kept."
                )
            )
        return 0
    if args.file is None:
        raise UsageError(_("give the FILE to import (a catalog or a price list), or --reset"))
    try:
        result = store.install(args.file, bundled_catalog_path(), replace_existing=args.replace)
    except UserCatalogError as exc:
        raise UserError(str(exc)) from None
    if result.kind is Installed.CATALOG:
        done = (
            _("Replaced the installed catalog: {description}.")
            if result.replaced
            else _("Installed the catalog: {description}.")
        )
    else:
        done = (
            _("Replaced the installed price list: {description}.")
            if result.replaced
            else _("Installed the price list: {description}.")
        )
    say(done.format(description=result.description))
    say(
        _(
            "recommend, sheet and the app use it from now on; the sheet names it. Go back "
            "with: serumdesk catalog import --reset"
        )
    )
    for warning in result.warnings:
        tell(_("serumdesk: warning: {warning}").format(warning=warning))
    return 0


def register(cat: Parser) -> None:
    """Give `serumdesk catalog`'s parser its actions."""
    actions = cat.add_subparsers(
        dest="catalog_command", metavar=_("ACTION"), required=True, parser_class=Parser
    )
    what = _("the ingredient vocabulary (catalog/ingredients.json) instead of a catalog")
    val = actions.add_parser("validate", help=_("check a catalog file and name every problem"))
    val.add_argument("file", metavar=_("FILE"), type=path_option)
    val.add_argument("--ingredients", action="store_true", help=_("FILE is {what}").format(what=what))
    val.set_defaults(func=validate)
    sch = actions.add_parser("schema", help=_("print the catalog's JSON Schema"))
    sch.add_argument("--output", metavar=_("FILE"), type=path_option, help=_("write it to FILE instead"))
    sch.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))
    sch.add_argument("--ingredients", action="store_true", help=_("the schema of {what}").format(what=what))
    sch.set_defaults(func=schema)

    new = actions.add_parser(
        "add",
        help=_("add a serum the catalog does not list, from its ingredient label"),
        description=_(
            "Add a serum from its ingredient label. SerumDesk reads the label (as "
            "`serumdesk ingredients` does) and ranks the serum beside the "
            "catalog's products; its facts are marked “from your label”. It is "
            "kept in your data folder, owner-only."
        ),
    )
    new.add_argument(
        "--brand", required=True, type=text_option(_("a brand")), help=_("the brand, as on the pack")
    )
    new.add_argument(
        "--name",
        required=True,
        type=text_option(_("a product name")),
        help=_("the product's name, as on the pack"),
    )
    new.add_argument(
        "--price",
        required=True,
        metavar=_("USD"),
        type=number_option(PRICE_USD, zero=False),
        help=_("what the bottle costs, in US dollars"),
    )
    new.add_argument(
        "--size",
        required=True,
        metavar=_("ML"),
        type=number_option(SIZE_ML, zero=False),
        help=_("the bottle's size in ml"),
    )
    new.add_argument(
        "--dose",
        metavar=_("ML"),
        type=number_option(DOSE_ML, zero=False),
        help=_("ml per use (default: SerumDesk's estimate, 0.25 ml)"),
    )
    new.add_argument(
        "--per-day",
        metavar=_("N"),
        type=number_option(USES_A_DAY, zero=False),
        help=_("uses a day (default: 2; 0.5 is every other day)"),
    )
    new.add_argument(
        "--seen",
        metavar=_("DATE"),
        type=date_option,
        help=_("the day you saw the price, YYYY-MM-DD (default: today)"),
    )
    label = new.add_mutually_exclusive_group(required=True)
    label.add_argument(
        "--ingredients",
        metavar=_("TEXT"),
        type=typed_text,
        help=_("the ingredient list as printed, or '-' to read standard input"),
    )
    label.add_argument(
        "--ingredients-file",
        metavar=_("PATH"),
        type=path_option,
        help=_("read the ingredient list from a text file"),
    )
    new.set_defaults(func=add)

    listed = actions.add_parser("mine", help=_("list the serums you added"))
    listed.add_argument("--json", action="store_true", help=_("print one JSON object"))
    listed.set_defaults(func=mine)

    rm = actions.add_parser("remove", help=_("remove a serum you added"))
    rm.add_argument("id", metavar=_("ID"), help=_("its id, as `catalog mine` lists it"))
    rm.set_defaults(func=remove)

    imp = actions.add_parser(
        "import",
        help=_("use a clinic's catalog, price list or CSV price sheet instead of the bundled prices"),
        description=_(
            'Install a whole catalog, or a price list ("kind": "price-list": '
            "prices and sizes by product id) laid over the catalog, or a CSV price "
            "sheet from `catalog export-prices` filled in with a spreadsheet. It "
            "is checked with the same rules and errors as `catalog validate`; a "
            "file that fails changes nothing. The sheet names the price list and "
            "its date."
        ),
    )
    imp.add_argument("file", nargs="?", metavar=_("FILE"), type=path_option)
    imp.add_argument(
        "--replace",
        action="store_true",
        help=_("replace an installed catalog or price list of the same kind"),
    )
    imp.add_argument("--reset", action="store_true", help=_("go back to the bundled catalog and its prices"))
    add_import_name_option(imp)
    imp.set_defaults(func=install)
    register_price_actions(actions)
