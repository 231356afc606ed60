"""`serumdesk catalog …`: check a catalog file, or print its JSON Schema."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from serumdesk.cli.errors import UserError, save_failed
from serumdesk.cli.options import Parser, path_option
from serumdesk.cli.output import say


def validate(args: argparse.Namespace) -> int:
    from serumdesk.domain.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog(args.file)
    except CatalogError as exc:
        raise UserError(str(exc)) from None
    say(f"{args.file}: valid — {len(catalog.products)} products, catalog "
        f"{catalog.catalog_version} ({catalog.updated})")
    return 0


def schema(args: argparse.Namespace) -> int:
    from serumdesk.domain import strict_json
    from serumdesk.domain.catalog import catalog_json_schema

    text = strict_json.dumps(catalog_json_schema()) + "\n"
    if args.output:
        from serumdesk.storage.atomic import SaveError, atomic_write_bytes

        try:  # no health details: created with the person's umask, not owner-only
            atomic_write_bytes(args.output, text.encode("utf-8"), replace=args.force,
                               private=False)
        except SaveError as exc:
            raise save_failed(exc) from None
    else:
        sys.stdout.write(text)
    return 0


def register(sub: Any) -> None:
    """Add `catalog validate` and `catalog schema` to the top-level subparsers `sub`."""
    cat = sub.add_parser("catalog", help="check or describe catalog files")
    actions = cat.add_subparsers(dest="catalog_command", metavar="ACTION", required=True,
                                 parser_class=Parser)
    val = actions.add_parser("validate", help="check a catalog file and name every problem")
    val.add_argument("file", metavar="FILE", type=path_option)
    val.set_defaults(func=validate)
    sch = actions.add_parser("schema", help="print the catalog's JSON Schema")
    sch.add_argument("--output", metavar="FILE", type=path_option, help="write it to FILE instead")
    sch.add_argument("--force", action="store_true", help="replace FILE if it exists")
    sch.set_defaults(func=schema)
