"""`serumdesk catalog …`: check a catalog or ingredient vocabulary file, or print its JSON Schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from serumdesk.cli.errors import UserError
from serumdesk.cli.options import Parser


def validate(args: argparse.Namespace) -> int:
    if args.ingredients:
        return _validate_vocabulary(Path(args.file))
    from serumdesk.domain.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog(Path(args.file))
    except CatalogError as exc:
        raise UserError(str(exc)) from None
    print(f"{args.file}: valid — {len(catalog.products)} products, catalog "
          f"{catalog.catalog_version} ({catalog.updated})")
    return 0


def _validate_vocabulary(path: Path) -> int:
    from serumdesk.domain.ingredients.loading import VocabularyError, load_vocabulary

    try:
        vocabulary = load_vocabulary(path)
    except VocabularyError as exc:
        raise UserError(str(exc)) from None
    print(f"{path}: valid — {len(vocabulary.entries)} ingredients, {len(vocabulary.families)} "
          f"families, vocabulary {vocabulary.version} ({vocabulary.updated})")
    return 0


def schema(args: argparse.Namespace) -> int:
    import json

    if args.ingredients:
        from serumdesk.domain.ingredients.loading import vocabulary_json_schema

        document = vocabulary_json_schema()
    else:
        from serumdesk.domain.catalog import catalog_json_schema

        document = catalog_json_schema()
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
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
    what = "the ingredient vocabulary (catalog/ingredients.json) instead of a catalog"
    val = actions.add_parser("validate", help="check a catalog file and name every problem")
    val.add_argument("file", metavar="FILE")
    val.add_argument("--ingredients", action="store_true", help=f"FILE is {what}")
    val.set_defaults(func=validate)
    sch = actions.add_parser("schema", help="print the catalog's JSON Schema")
    sch.add_argument("--output", metavar="FILE", help="write it to FILE instead")
    sch.add_argument("--ingredients", action="store_true", help=f"the schema of {what}")
    sch.set_defaults(func=schema)
