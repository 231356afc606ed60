"""`serumdesk catalog list`, `export-prices` and a CSV `import`: a clinic's prices without JSON."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from serumdesk.cli.errors import UsageError, UserError, save_failed
from serumdesk.cli.options import (
    Parser,
    catalog_loader_for,
    load_catalog_for,
    path_option,
    text_option,
    user_catalog_store,
)
from serumdesk.cli.output import say, write_json
from serumdesk.domain.dates import long_date
from serumdesk.domain.figures import figure, whole
from serumdesk.i18n import _, ngettext

if TYPE_CHECKING:
    from serumdesk.domain.catalog.product import Catalog


def list_products(args: argparse.Namespace) -> int:
    from serumdesk.domain.advice.wording import money
    from serumdesk.domain.catalog.price_list import clinic_price_words

    catalog = load_catalog_for(catalog_loader_for(args))
    if args.json:
        write_json(
            {
                "products": [
                    {
                        "id": p.id,
                        "brand": p.brand,
                        "name": p.name,
                        "price_usd": p.price.usd,
                        "size_ml": p.price.size_ml.value,
                        "price_seen": p.price.provenance.seen.isoformat()
                        if p.price.provenance.seen
                        else None,
                        "price_source": p.price.provenance.describe(),
                        "clinic_price": clinic_price_words(p) is not None,
                    }
                    for p in catalog.products
                ]
            }
        )
        return 0
    lines = []
    for p in catalog.products:
        seen = p.price.provenance.seen
        where = clinic_price_words(p) or (
            _("price seen {date}").format(date=long_date(seen)) if seen else _("price undated")
        )
        lines.append(
            f"{p.id}\n  {p.brand} — {p.name}\n  "
            + _("{price} for {size} ml ({where})").format(
                price=money(p.price.usd), size=figure(p.price.size_ml.value), where=where
            )
        )
    lines.append(
        ngettext(
            "{count} product. Prices are in US dollars.",
            "{count} products. Prices are in US dollars.",
            len(catalog.products),
        ).format(count=whole(len(catalog.products)))
    )
    say("\n".join(lines))
    return 0


def _base(args: argparse.Namespace) -> Catalog:
    from serumdesk.domain.strict.data_files import DataFileError
    from serumdesk.storage.paths import bundled_catalog_path

    try:
        return user_catalog_store().base_catalog(bundled_catalog_path())
    except DataFileError as exc:
        raise UserError(
            _("{exc}\nRun `serumdesk catalog import --reset` to go back to the bundled catalog.").format(
                exc=exc
            )
        ) from None


def export_prices(args: argparse.Namespace) -> int:
    from serumdesk.domain.clinic.price_sheet import price_sheet_csv
    from serumdesk.domain.strict.data_files import DataFileError
    from serumdesk.storage.atomic import SaveError, atomic_write_bytes

    catalog = _base(args)
    try:
        current = user_catalog_store().price_list()
    except DataFileError:
        current = None  # the sheet starts empty; the damaged list is named by `catalog list`
    try:
        atomic_write_bytes(
            args.file, price_sheet_csv(catalog.products, current), replace=args.force, private=True
        )
    except SaveError as exc:
        raise save_failed(exc) from None
    say(
        _(
            "Wrote {file}: {len} products. Fill in the 'clinic price (USD)' column (and 'size "
            "(ml)' and 'price date' where they differ) in a spreadsheet, save it as CSV, then: "
            "serumdesk catalog import {file} --replace"
        ).format(file=args.file, len=len(catalog.products))
    )
    return 0


def price_list_name(given: str | None) -> str:
    """--name, else the clinic's name; a UsageError when there is neither."""
    if given:
        return given.strip()
    from serumdesk.cli.clinic import clinic_store, current_settings

    details = current_settings(clinic_store()).details
    if details is None:
        raise UsageError(
            _(
                "say whose prices these are: --name 'Riverside Dermatology', or "
                "set the clinic's details first (serumdesk clinic set --name …)"
            )
        )
    return details.name


def import_sheet(args: argparse.Namespace) -> int:
    """`catalog import FILE.csv`: the price sheet becomes the installed price list."""
    from serumdesk.domain.catalog.price_list import price_list_bytes
    from serumdesk.domain.clinic.price_sheet import (
        MAX_PRICE_SHEET_BYTES,
        PriceSheetError,
        price_list_from_sheet,
        read_price_sheet,
    )
    from serumdesk.storage.files import ReadError, read_regular_file
    from serumdesk.storage.user_catalog import UserCatalogError

    name = price_list_name(args.name)
    try:
        raw = read_regular_file(args.file, MAX_PRICE_SHEET_BYTES)
    except ReadError as exc:
        raise UserError(
            _("Could not read {file}: {reason}. Nothing was changed.").format(
                file=args.file, reason=exc.reason
            )
        ) from None
    catalog = _base(args)
    try:
        rows = read_price_sheet(raw, args.file, catalog.products)
    except PriceSheetError as exc:
        raise UserError(_("{exc}\nNothing was changed.").format(exc=exc)) from None
    prices = price_list_from_sheet(rows, name, dt.date.today())
    try:
        replaced = user_catalog_store().keep_price_list(
            price_list_bytes(prices), replace_existing=args.replace
        )
    except UserCatalogError as exc:
        raise UserError(str(exc)) from None
    if replaced:
        done = ngettext(
            "Replaced the installed price list with {prices}: {count} clinic price from {file}.",
            "Replaced the installed price list with {prices}: {count} clinic prices from {file}.",
            len(rows),
        )
    else:
        done = ngettext(
            "Installed {prices}: {count} clinic price from {file}.",
            "Installed {prices}: {count} clinic prices from {file}.",
            len(rows),
        )
    say(done.format(prices=prices.describe(), count=len(rows), file=args.file))
    say(
        _(
            "Products without a price in the sheet keep the catalog's.\nrecommend, sheet and "
            "the app use it from now on; cards say “Clinic price”. Go back with: serumdesk "
            "catalog import --reset"
        )
    )
    return 0


def register_price_actions(actions: argparse._SubParsersAction[Parser]) -> None:
    """`catalog list` and `catalog export-prices`, on `serumdesk catalog`'s actions."""
    listed = actions.add_parser(
        "list", help=_("every product's id, brand, name, price, size and the date its price was seen")
    )
    listed.add_argument("--json", action="store_true", help=_("print one JSON object"))
    listed.add_argument(
        "--catalog",
        metavar=_("FILE"),
        type=path_option,
        help=_("list this catalog file instead of the one in use"),
    )
    listed.set_defaults(func=list_products)
    export = actions.add_parser(
        "export-prices",
        help=_("write a price sheet (CSV) to fill in with a spreadsheet"),
        description=_(
            "Write every product with its catalog price, and the clinic's price "
            "where one is set, as a CSV file for Excel, LibreOffice or Numbers. "
            "Fill in the clinic's prices and bring it back with `serumdesk catalog "
            "import FILE.csv --replace`."
        ),
    )
    export.add_argument("file", metavar=_("FILE.csv"), type=path_option)
    export.add_argument("--force", action="store_true", help=_("replace FILE.csv if it exists"))
    export.set_defaults(func=export_prices)


def add_import_name_option(imp: Parser) -> None:
    imp.add_argument(
        "--name",
        type=text_option(_("a name")),
        metavar=_("TEXT"),
        help=_(
            "for a CSV price sheet: whose prices they are, as cards and the "
            "sheet say it (default: the clinic's name from `serumdesk clinic "
            "set`)"
        ),
    )
