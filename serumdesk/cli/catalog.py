"""`serumdesk catalog …`: check a catalog file, or print its JSON Schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from serumdesk.cli.errors import UserError
from serumdesk.cli.options import Parser


def validate(args: argparse.Namespace) -> int:
    from serumdesk.domain.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog(Path(args.file))
    except CatalogError as exc:
        raise UserError(str(exc)) from None
    print(f"{args.file}: valid — {len(catalog.products)} products, catalog "
          f"{catalog.catalog_version} ({catalog.updated})")
    return 0


def schema(args: argparse.Namespace) -> int:
    import json

    from serumdesk.domain.catalog import catalog_json_schema

    text = json.dumps(catalog_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        from serumdesk.storage.atomic import atomic_write_bytes

        atomic_write_bytes(Path(args.output), text.encode("utf-8"), mode=0o644)
    else:
        sys.stdout.write(text)
    return 0


def register(cat: Parser) -> None:
    """Give `serumdesk catalog`'s parser its actions, `validate` and `schema`."""
    actions = cat.add_subparsers(dest="catalog_command", metavar="ACTION", required=True,
                                 parser_class=Parser)
    val = actions.add_parser("validate", help="check a catalog file and name every problem")
    val.add_argument("file", metavar="FILE")
    val.set_defaults(func=validate)
    sch = actions.add_parser("schema", help="print the catalog's JSON Schema")
    sch.add_argument("--output", metavar="FILE", help="write it to FILE instead")
    sch.set_defaults(func=schema)
