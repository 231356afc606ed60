"""Reading SerumDesk's data files from disk: only a regular file, within its kind's size limit,
then parsed and checked by the domain (which never reads files itself)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from serumdesk.storage.files import ReadError, read_regular_file

if TYPE_CHECKING:
    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.domain.catalog.price_list import PriceList
    from serumdesk.domain.catalog.product import Catalog
    from serumdesk.domain.ingredients.vocabulary import Vocabulary
    from serumdesk.domain.strict.data_files import DataFileError


def read_limited(path: Path, limit: int, error: type[DataFileError]) -> bytes:
    """The bytes of `path`, or `error` saying why they cannot be had: only a regular file of
    at most `limit` bytes is read, and a FIFO or a device is refused at once rather than
    waited on."""
    try:
        return read_regular_file(path, limit)
    except ReadError as exc:
        raise error(path, [exc.reason]) from None


def load_catalog(path: Path) -> Catalog:
    """Read and validate a catalog JSON file."""
    from serumdesk.domain.catalog.catalog_file import MAX_CATALOG_BYTES, CatalogError, parse_catalog

    return parse_catalog(read_limited(path, MAX_CATALOG_BYTES, CatalogError), path)


def load_price_list(path: Path) -> PriceList:
    """The price list in the file at `path`."""
    from serumdesk.domain.catalog.price_list import (
        MAX_PRICE_LIST_BYTES,
        PriceListError,
        parse_price_list,
    )

    return parse_price_list(read_limited(path, MAX_PRICE_LIST_BYTES, PriceListError), path)


def load_my_products(path: Path) -> list[MyProduct]:
    """The serums in the file at `path`."""
    from serumdesk.domain.catalog.my_products import MAX_MY_PRODUCTS_BYTES
    from serumdesk.domain.catalog.my_products_file import MyProductsError, parse_my_products

    return parse_my_products(read_limited(path, MAX_MY_PRODUCTS_BYTES, MyProductsError), path)


def load_vocabulary(path: Path) -> Vocabulary:
    """Read, validate and index a vocabulary file."""
    from serumdesk.domain.ingredients.vocabulary import Vocabulary
    from serumdesk.domain.ingredients.vocabulary_file import (
        MAX_VOCABULARY_BYTES,
        VocabularyError,
        parse_vocabulary,
    )

    return Vocabulary(parse_vocabulary(read_limited(path, MAX_VOCABULARY_BYTES, VocabularyError), path))
