"""`serumdesk catalog …`: check a catalog or ingredient vocabulary file, or print its JSON Schema."""

from __future__ import annotations

import argparse
from pathlib import Path

from serumdesk.cli.errors import UserError, save_failed
from serumdesk.cli.options import Parser, path_option
from serumdesk.cli.output import say, write_json


def validate(args: argparse.Namespace) -> int:
    if args.ingredients:
        return _validate_vocabulary(args.file)
    from serumdesk.domain.catalog import CatalogError, load_catalog

    try:
        catalog = load_catalog(args.file)
    except CatalogError as exc:
        raise UserError(str(exc)) from None
    say(f"{args.file}: valid — {len(catalog.products)} products, catalog "
        f"{catalog.catalog_version} ({catalog.updated})")
    return 0


def _validate_vocabulary(path: Path) -> int:
    from serumdesk.domain.ingredients.loading import VocabularyError, load_vocabulary

    try:
        vocabulary = load_vocabulary(path)
    except VocabularyError as exc:
        raise UserError(str(exc)) from None
    say(f"{path}: valid — {len(vocabulary.entries)} ingredients, {len(vocabulary.families)} "
        f"families, vocabulary {vocabulary.version} ({vocabulary.updated})")
    return 0


def schema(args: argparse.Namespace) -> int:
    from serumdesk.domain import strict_json

    if args.ingredients:
        from serumdesk.domain.ingredients.loading import vocabulary_json_schema

        document = vocabulary_json_schema()
    else:
        from serumdesk.domain.catalog import catalog_json_schema

        document = catalog_json_schema()
    if args.output:
        text = strict_json.dumps(document) + "\n"
        from serumdesk.storage.atomic import SaveError, atomic_write_bytes

        try:  # no health details: created with the person's umask, not owner-only
            atomic_write_bytes(args.output, text.encode("utf-8"), replace=args.force,
                               private=False)
        except SaveError as exc:
            raise save_failed(exc) from None
    else:
        write_json(document)
    return 0


def register(cat: Parser) -> None:
    """Give `serumdesk catalog`'s parser its actions, `validate` and `schema`."""
    actions = cat.add_subparsers(dest="catalog_command", metavar="ACTION", required=True,
                                 parser_class=Parser)
    what = "the ingredient vocabulary (catalog/ingredients.json) instead of a catalog"
    val = actions.add_parser("validate", help="check a catalog file and name every problem")
    val.add_argument("file", metavar="FILE", type=path_option)
    val.add_argument("--ingredients", action="store_true", help=f"FILE is {what}")
    val.set_defaults(func=validate)
    sch = actions.add_parser("schema", help="print the catalog's JSON Schema")
    sch.add_argument("--output", metavar="FILE", type=path_option, help="write it to FILE instead")
    sch.add_argument("--force", action="store_true", help="replace FILE if it exists")
    sch.add_argument("--ingredients", action="store_true", help=f"the schema of {what}")
    sch.set_defaults(func=schema)
