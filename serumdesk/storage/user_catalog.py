"""What a person adds to the catalog, kept in their data folder beside the profiles.

Layout of <data>/catalog/ (0700; files 0600, like profiles, and looser ones are tightened):
  my-products.json   serums the person entered from their labels
  my-products-derived.json  what SerumDesk derived from those labels (a cache; safe to delete)
  price-list.json    a clinic's price list, laid over the catalog's prices
  catalog.json       a clinic's whole catalog, used instead of the bundled one
  .lock              the kernel lock held around every read-modify-write (see lock.py)

Every file is read through storage/files.py (regular files only, bounded) and written
through the write rule (atomic.py). A file that cannot be read is never overwritten: adding
a serum to a damaged file of serums is refused, with the file's name, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from serumdesk.domain.figures import whole
from serumdesk.i18n import N_, _, ngettext
from serumdesk.storage.atomic import SaveError, atomic_write_bytes
from serumdesk.storage.files import (
    ReadError,
    describe_os_error,
    read_regular_file,
)
from serumdesk.storage.private_folder import PrivateFolderStore

if TYPE_CHECKING:
    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.domain.catalog.price_list import PriceList
    from serumdesk.domain.catalog.product import Catalog
    from serumdesk.storage.catalog_loader import CatalogExtras, MineSource

READ_ONLY_MESSAGE = N_(
    "Your serums are open read-only because another SerumDesk window is using them. "
    "Close the other window to make changes here."
)


class UserCatalogError(Exception):
    """A change to the person's catalog files that did not happen; str() says why, in plain
    words, and that nothing was changed."""


class Installed(Enum):
    """What `catalog import` installed."""

    CATALOG = "catalog"
    PRICE_LIST = "price list"


class AlreadyInstalled(UserCatalogError):
    """A catalog or price list of the same kind is installed, and replacing it was not asked."""

    def __init__(self, kind: Installed, path: Path) -> None:
        already = (
            _("A catalog is already installed ({path}); add --replace to replace it. Nothing was changed.")
            if kind is Installed.CATALOG
            else _(
                "A price list is already installed ({path}); add --replace to replace it. "
                "Nothing was changed."
            )
        )
        super().__init__(already.format(path=path))
        self.kind = kind
        self.path = path


@dataclass(frozen=True, slots=True)
class InstallResult:
    kind: Installed
    description: str
    """'catalog 2026.11 (2026-11-01), 12 products' or 'Clinic price list (2026-11-01), 8 prices'."""
    replaced: bool
    warnings: tuple[str, ...] = ()


class UserCatalogStore(PrivateFolderStore):
    """Reads and changes the files in <data>/catalog/; every change holds the folder lock."""

    error = UserCatalogError
    read_only_message = READ_ONLY_MESSAGE
    busy_message = N_(
        "Another SerumDesk is changing your serums; try again in a moment. Nothing was changed."
    )

    def _owns(self, name: str) -> bool:
        return name in (
            self.my_products_path.name,
            self.price_list_path.name,
            self.installed_catalog_path.name,
        )

    @property
    def my_products_path(self) -> Path:
        return self.folder / "my-products.json"

    @property
    def price_list_path(self) -> Path:
        return self.folder / "price-list.json"

    @property
    def installed_catalog_path(self) -> Path:
        return self.folder / "catalog.json"

    def _write(self, path: Path, data: bytes, *, replace: bool = True) -> None:
        try:
            atomic_write_bytes(path, data, replace=replace, private=True)
        except SaveError as exc:
            raise UserCatalogError(_("{exc} Nothing was changed.").format(exc=exc)) from None

    # --- reading -----------------------------------------------------------------------

    def extras(self) -> CatalogExtras:
        """What the folder adds to the catalog, for the catalog loader. Never raises: a file
        that cannot be used is left out, and `problems` says which and why."""
        from serumdesk.domain.strict.data_files import DataFileError
        from serumdesk.storage.catalog_loader import CatalogExtras

        problems: list[str] = []
        price_list: PriceList | None = None
        try:
            price_list = self.price_list()
        except DataFileError as exc:
            problems.append(f"{exc}\n" + _("The catalog's own prices are used instead."))
        mine = self._mine_source() if _exists(self.my_products_path) else None
        entries: list[MyProduct] = []
        if mine is not None and mine.derived.entries() is None:
            # Not the plain shape the kept facts are filed by: read in full, which says why.
            mine = None
            try:
                entries = self.my_products()
            except DataFileError as exc:
                problems.append(
                    f"{exc}\n"
                    + _("Your serums are not shown until the file is fixed; it has not been changed.")
                )
        installed = self.installed_catalog_path
        return CatalogExtras(
            installed=installed if _exists(installed) else None,
            price_list=price_list,
            my_products=tuple(entries),
            problems=tuple(problems),
            mine=mine,
        )

    def _mine_source(self) -> MineSource:
        """Your serums for the catalog loader: their derived facts when they are up to date,
        else the entries themselves (read only then)."""
        from serumdesk.domain.catalog.my_products import MAX_MY_PRODUCTS_BYTES
        from serumdesk.storage.catalog_loader import MineSource
        from serumdesk.storage.my_products_derived import DERIVED_FILE, DerivedFacts

        def write(path: Path, data: bytes) -> None:
            atomic_write_bytes(path, data, replace=True, private=True)

        derived = DerivedFacts(
            self.my_products_path,
            self.folder / DERIVED_FILE,
            MAX_MY_PRODUCTS_BYTES,
            None if self.read_only else write,
        )
        return MineSource(derived=derived, entries=self.my_products)

    def my_products(self) -> list[MyProduct]:
        """The serums the person entered ([] when there are none); MyProductsError when the
        file cannot be read or is not a valid file of serums."""
        path = self.my_products_path
        if not _exists(path):  # before importing the models: most people add none
            return []
        from serumdesk.storage.data_files import load_my_products

        return load_my_products(path)

    def price_list(self) -> PriceList | None:
        """The installed price list, or None; PriceListError when it cannot be used."""
        path = self.price_list_path
        if not _exists(path):
            return None
        from serumdesk.storage.data_files import load_price_list

        return load_price_list(path)

    # --- your serums -------------------------------------------------------------------

    def _current_products(self) -> list[MyProduct]:
        from serumdesk.domain.strict.data_files import DataFileError

        try:
            return self.my_products()
        except DataFileError as exc:
            raise UserCatalogError(
                _(
                    "{exc}\nFix or move that file first: SerumDesk does not write over a file "
                    "it cannot read. Nothing was changed."
                ).format(exc=exc)
            ) from None

    def _save_products(self, products: list[MyProduct]) -> None:
        from pydantic import ValidationError

        from serumdesk.domain.catalog.my_products import MAX_MY_PRODUCTS_BYTES
        from serumdesk.domain.catalog.my_products_file import my_products_bytes
        from serumdesk.domain.strict.field_rules import error_words
        from serumdesk.domain.strict.limits import MY_PRODUCTS

        if len(products) > MY_PRODUCTS:
            raise UserCatalogError(
                _(
                    "You can keep up to {MY_PRODUCTS} serums of your own; "
                    "remove one first. Nothing was changed."
                ).format(MY_PRODUCTS=MY_PRODUCTS)
            )
        try:
            data = my_products_bytes(products)
        except ValidationError as exc:
            words = "; ".join(dict.fromkeys(error_words(e) for e in exc.errors(include_url=False)))
            raise UserCatalogError(
                _("The serum cannot be kept: {words}. Nothing was changed.").format(words=words)
            ) from None
        if len(data) > MAX_MY_PRODUCTS_BYTES:  # it could not be read back: never written
            raise UserCatalogError(
                _(
                    "Your serums would take {len} bytes, more than the "
                    "{MAX_MY_PRODUCTS_BYTES} a file of them may hold; remove one first. "
                    "Nothing was changed."
                ).format(len=whole(len(data)), MAX_MY_PRODUCTS_BYTES=whole(MAX_MY_PRODUCTS_BYTES))
            )
        self._write(self.my_products_path, data)

    def add(self, mine: MyProduct) -> MyProduct:
        """Keep a new serum; its id is made from brand and name. Returns it as kept."""
        from serumdesk.domain.catalog.my_products import product_id_for

        with self._locked():
            products = self._current_products()
            kept = replace(
                mine,
                id=product_id_for(mine.brand, mine.name, {p.id for p in products}),
                entered=mine.entered or dt.date.today(),
            )
            self._save_products([*products, kept])
        return kept

    def update(self, mine: MyProduct) -> None:
        """Replace the kept serum with the same id."""
        with self._locked():
            products = self._current_products()
            if all(p.id != mine.id for p in products):
                raise UserCatalogError(_not_found(mine.id, products))
            self._save_products([mine if p.id == mine.id else p for p in products])

    def remove(self, product_id: str) -> MyProduct:
        """Remove a kept serum by id; returns what was removed."""
        with self._locked():
            products = self._current_products()
            gone = [p for p in products if p.id == product_id]
            if not gone:
                raise UserCatalogError(_not_found(product_id, products))
            self._save_products([p for p in products if p.id != product_id])
        return gone[0]

    def merge(self, incoming: list[MyProduct]) -> dict[str, str]:
        """Keep serums that came with an imported profile. One identical to a kept serum is
        not added again; one whose id is taken by a different serum gets a new id. Returns
        how ids changed (old id → kept id) for every incoming serum."""
        from serumdesk.domain.catalog.my_products import product_id_for

        if not incoming:
            return {}
        with self._locked():
            products = self._current_products()
            ids: dict[str, str] = {}
            for mine in incoming:
                same = next((p for p in products if _same_serum(p, mine)), None)
                if same is not None:
                    ids[mine.id] = same.id
                    continue
                taken = {p.id for p in products}
                kept = (
                    mine
                    if mine.id not in taken
                    else replace(mine, id=product_id_for(mine.brand, mine.name, taken))
                )
                products.append(kept)
                ids[mine.id] = kept.id
            self._save_products(products)
        return ids

    # --- a clinic's catalog or price list ---------------------------------------------------

    def install(self, source: Path, bundled: Path, *, replace_existing: bool) -> InstallResult:
        """Check `source` (a whole catalog, or a price list) and keep a copy of it in the
        folder. A price list is checked against the catalog it will be laid over. Nothing
        changes unless it is valid, and an installed file of the same kind is replaced only
        with `replace_existing`."""
        from serumdesk.domain.catalog.catalog_file import MAX_CATALOG_BYTES, CatalogError, parse_catalog
        from serumdesk.domain.catalog.price_list import (
            MAX_PRICE_LIST_BYTES,
            PriceListError,
            UnknownProducts,
            apply_price_list,
            is_price_list,
            parse_price_list,
        )
        from serumdesk.domain.strict.data_files import DataFileError
        from serumdesk.domain.strict.strict_json import JsonProblem, loads

        try:
            raw = read_regular_file(source, MAX_CATALOG_BYTES)
        except ReadError as exc:
            raise UserCatalogError(
                _("Could not read {source}: {reason}. Nothing was changed.").format(
                    source=source, reason=exc.reason
                )
            ) from None
        try:
            looks_like_price_list = is_price_list(loads(raw))
        except JsonProblem as exc:
            raise UserCatalogError(
                _(
                    "{source} is not a catalog or a price list: the file is {exc}. Nothing was changed."
                ).format(source=source, exc=exc)
            ) from None
        if looks_like_price_list and len(raw) > MAX_PRICE_LIST_BYTES:  # the limit every read has
            raise UserCatalogError(
                _(
                    "Could not read {source}: it is a price list larger "
                    "than {MAX_PRICE_LIST_BYTES} bytes, the most a price "
                    "list may be. Nothing was changed."
                ).format(source=source, MAX_PRICE_LIST_BYTES=whole(MAX_PRICE_LIST_BYTES))
            )
        warnings: list[str] = []
        with self._locked():
            try:
                if looks_like_price_list:
                    prices = parse_price_list(raw, source)
                    try:
                        apply_price_list(self.base_catalog(bundled), prices)
                    except UnknownProducts as exc:
                        raise PriceListError(source, [str(exc)]) from None
                    target, kind = self.price_list_path, Installed.PRICE_LIST
                    count = len(prices.prices)
                    described = ngettext("{prices}, {count} price", "{prices}, {count} prices", count).format(
                        prices=prices.describe(), count=count
                    )
                else:
                    catalog = parse_catalog(raw, source)
                    target, kind = self.installed_catalog_path, Installed.CATALOG
                    described = ngettext(
                        "catalog {version} ({updated}), {count} product",
                        "catalog {version} ({updated}), {count} products",
                        len(catalog.products),
                    ).format(
                        version=catalog.catalog_version, updated=catalog.updated, count=len(catalog.products)
                    )
                    warnings += self._price_list_against(catalog)
            except (CatalogError, PriceListError) as exc:
                raise UserCatalogError(_("{exc}\nNothing was changed.").format(exc=exc)) from None
            except DataFileError as exc:  # the installed catalog a price list would go over
                raise UserCatalogError(
                    _(
                        "{exc}\nRun `serumdesk catalog import --reset` to go "
                        "back to the bundled catalog. Nothing was changed."
                    ).format(exc=exc)
                ) from None
            existed = _exists(target)
            if existed and not replace_existing:
                raise AlreadyInstalled(kind, target)
            self._write(target, raw)
        return InstallResult(kind, described, existed, tuple(warnings))

    def keep_price_list(self, data: bytes, *, replace_existing: bool) -> bool:
        """Keep a price list SerumDesk made (a CSV price sheet, the Clinic prices table),
        already checked against the catalog; returns whether one was replaced."""
        with self._locked():
            existed = _exists(self.price_list_path)
            if existed and not replace_existing:
                raise AlreadyInstalled(Installed.PRICE_LIST, self.price_list_path)
            self._write(self.price_list_path, data)
        return existed

    def remove_price_list(self) -> bool:
        """Go back to the catalog's own prices (an installed catalog stays); returns whether
        a price list was there."""
        with self._locked():
            if not _exists(self.price_list_path):
                return False
            _remove(self.price_list_path)
        return True

    def base_catalog(self, bundled: Path) -> Catalog:
        """The catalog a price list is laid over: an installed clinic catalog, else `bundled`."""
        from serumdesk.storage.data_files import load_catalog

        installed = self.installed_catalog_path
        return load_catalog(installed if _exists(installed) else bundled)

    def _price_list_against(self, catalog: Catalog) -> list[str]:
        from serumdesk.domain.catalog.price_list import UnknownProducts, apply_price_list
        from serumdesk.domain.strict.data_files import DataFileError

        try:
            prices = self.price_list()
        except DataFileError:
            return []
        if prices is None:
            return []
        try:
            apply_price_list(catalog, prices)
        except UnknownProducts as exc:
            return [
                _(
                    "The installed price list {prices} does not fit this catalog ({exc}) and will "
                    "not be used: import a matching price list with --replace."
                ).format(prices=prices.describe(), exc=exc)
            ]
        return []

    def reset(self) -> list[str]:
        """Go back to the bundled catalog and its prices: the installed catalog and price
        list are removed (your own serums stay). Returns what was removed, in words."""
        removed: list[str] = []
        with self._locked():
            for path, what in (
                (self.installed_catalog_path, _("the installed catalog")),
                (self.price_list_path, _("the installed price list")),
            ):
                if _exists(path):
                    _remove(path)
                    removed.append(what)
        return removed


def _remove(path: Path) -> None:
    """Delete one of the installed files; UserCatalogError says why it could not be."""
    try:
        path.unlink()
    except OSError as exc:
        raise UserCatalogError(
            _("Could not remove {path}: {reason}.").format(
                path=path, reason=describe_os_error(exc, reading=False)
            )
        ) from None


def _exists(path: Path) -> bool:
    """Whether anything (even a broken link or a FIFO) is at `path`: the readers then say
    what it is rather than silently ignoring it."""
    return path.exists() or path.is_symlink()


def _same_serum(a: MyProduct, b: MyProduct) -> bool:
    return (a.brand, a.name, a.label, a.price_usd, a.size_ml) == (
        b.brand,
        b.name,
        b.label,
        b.price_usd,
        b.size_ml,
    )


def _not_found(product_id: str, products: list[MyProduct]) -> str:
    if not products:
        return _("No serum of yours has the id '{product_id}'. You have added none.").format(
            product_id=product_id
        )
    known = ", ".join(p.id for p in products)
    return _("No serum of yours has the id '{product_id}'. Yours: {known}.").format(
        product_id=product_id, known=known
    )


def profile_adopter(store: UserCatalogStore) -> Callable[[list[MyProduct]], Mapping[str, str]]:
    """For ProfileStore.import_file: keeps the serums an imported profile carries in `store`.
    A failure is a ProfileError, so the profile is not imported without them."""
    from serumdesk.storage.profile_types import ProfileError

    def adopt(products: list[MyProduct]) -> Mapping[str, str]:
        try:
            return store.merge(products)
        except UserCatalogError as exc:
            raise ProfileError(
                _("The profile carries serums of your own that cannot be kept: {exc}").format(exc=exc)
            ) from None

    return adopt


def serums_to_carry(store: UserCatalogStore) -> tuple[list[MyProduct], str | None]:
    """The person's own serums, for an export to carry; with a warning (and none) when the
    file of them cannot be read."""
    from serumdesk.domain.strict.data_files import DataFileError

    try:
        return store.my_products(), None
    except DataFileError as exc:
        return [], f"{exc}\n" + _("The export does not carry your own serums; it refers to them by id only.")
