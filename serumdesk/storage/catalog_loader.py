"""Loads the product catalog once, on first use: the bundled one (or a clinic's installed in
its place), a clinic's price list over it, and the serums the person entered beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from serumdesk.i18n import _

if TYPE_CHECKING:
    from serumdesk.domain.catalog.my_products import MyProduct
    from serumdesk.domain.catalog.price_list import PriceList
    from serumdesk.domain.catalog.product import Catalog, Product
    from serumdesk.domain.ingredients.vocabulary import Vocabulary
    from serumdesk.storage.my_products_derived import DerivedFacts
    from serumdesk.storage.vocabulary_loader import VocabularyLoader


class CatalogUnavailable(Exception):
    """The catalog could not be loaded; str() is written for a person."""


@dataclass(frozen=True, slots=True)
class CatalogExtras:
    """What the person's data folder adds to the bundled catalog (storage reads it)."""

    installed: Path | None = None
    """A clinic's whole catalog, used instead of the bundled one."""
    price_list: PriceList | None = None
    my_products: tuple[MyProduct, ...] = ()
    problems: tuple[str, ...] = field(default=())
    """Files that could not be used, each in plain words: the app goes on without them."""
    mine: MineSource | None = None
    """The person's own serums as kept in their folder, read only when needed (instead of
    `my_products`, which callers that have the entries already give)."""


@dataclass(frozen=True, slots=True)
class MineSource:
    """Your serums as the folder keeps them: derived facts, and the entries behind them."""

    derived: DerivedFacts
    entries: Callable[[], list[MyProduct]]
    """The entries, fully validated (raises DataFileError when the file cannot be used)."""


ExtrasSource = Callable[[], CatalogExtras]


class CatalogLoader:
    """Reads, validates and composes the catalog the first time it is asked for.

    The catalog's types and pydantic (which checks the file against them) are imported on
    the first load, not at module import, so the wizard's first page appears before they
    are paid for.
    """

    def __init__(
        self, path: Path, vocabulary: VocabularyLoader | None = None, extras: ExtrasSource | None = None
    ) -> None:
        """`vocabulary` reads ingredient names (allergies, the person's own serums); without
        one, allergies are matched by the words typed. `extras` reads the person's data
        folder (a clinic's catalog or price list, their own serums)."""
        self.path = path
        self.vocabulary_loader = vocabulary
        self._extras = extras
        self._catalog: Catalog | None = None
        self._error: str | None = None
        self.problems: tuple[str, ...] = ()
        """What could not be added to the catalog, in plain words (shown, never fatal)."""

    @property
    def error(self) -> str | None:
        """The failure message, once loading was tried and failed."""
        return self._error

    def reload(self) -> None:
        """Forget the loaded catalog: the next load reads the files again (after the person
        added a serum or installed a price list)."""
        self._catalog, self._error, self.problems = None, None, ()

    def load(self) -> Catalog:
        """The catalog, loaded on the first call; raises CatalogUnavailable on failure."""
        if self._catalog is not None:
            return self._catalog
        if self._error is not None:
            raise CatalogUnavailable(self._error)
        from serumdesk.domain.catalog.catalog_file import CatalogError
        from serumdesk.storage.data_files import load_catalog

        extras = self._extras() if self._extras is not None else CatalogExtras()
        problems = list(extras.problems)
        try:
            catalog = load_catalog(self.path if extras.installed is None else extras.installed)
        except CatalogError as exc:
            if extras.installed is None:
                self._error = str(exc)
                raise CatalogUnavailable(self._error) from None
            problems.append(_("{exc} The bundled catalog is used instead.").format(exc=exc))
            try:
                catalog = load_catalog(self.path)
            except CatalogError as bundled:
                self._error = str(bundled)
                raise CatalogUnavailable(self._error) from None
        catalog = self._compose(catalog, extras, problems)
        self.problems = tuple(problems)
        self._catalog = catalog
        return catalog

    def loaded_again(self) -> Catalog:
        """The catalog read and composed once more, the loaded one kept: the person's own
        serums' facts, worded when their labels are read, come out in the language in use
        here (a sheet in the patient's language, inside i18n.override)."""
        kept = (self._catalog, self._error, self.problems)
        self.reload()
        try:
            return self.load()
        finally:
            self._catalog, self._error, self.problems = kept

    def _compose(self, catalog: Catalog, extras: CatalogExtras, problems: list[str]) -> Catalog:
        if extras.price_list is not None:
            from serumdesk.domain.catalog.price_list import UnknownProducts, apply_price_list

            try:
                catalog = apply_price_list(catalog, extras.price_list)
            except UnknownProducts as exc:
                problems.append(
                    _("The price list {describe} is not used: {exc}").format(
                        describe=extras.price_list.describe(), exc=exc
                    )
                )
        if extras.mine is not None:
            catalog = replace(
                catalog,
                products=[*catalog.products, *self._from_folder(extras.mine, problems, set(catalog.by_id()))],
            )
        if extras.my_products:
            vocabulary = self.vocabulary()
            if vocabulary is None:
                problems.append(
                    _("Your own serums cannot be shown: the ingredient vocabulary could not be loaded.")
                )
            else:
                catalog = replace(
                    catalog,
                    products=[
                        *catalog.products,
                        *self._mine(extras.my_products, vocabulary, problems, set(catalog.by_id())),
                    ],
                )
        return catalog

    def _mine(
        self,
        entries: tuple[MyProduct, ...],
        vocabulary: Vocabulary,
        problems: list[str],
        catalog_ids: set[str],
    ) -> list[Product]:
        made, _ = self._derive(list(entries), vocabulary, problems, dt.date.today())
        return self._not_taken(made, problems, catalog_ids)

    def _from_folder(self, mine: MineSource, problems: list[str], catalog_ids: set[str]) -> list[Product]:
        """Your serums from their derived facts when every one is up to date (no label is
        read and the vocabulary is not loaded: benchmark row 7 with your serums); else from
        their labels, keeping the facts for next time."""
        from serumdesk.domain.catalog.catalog_file import parse_product
        from serumdesk.domain.strict.limits import MY_PRODUCTS
        from serumdesk.storage.my_products_derived import MAX_DERIVED_BYTES, fingerprint

        today = dt.date.today()
        raw = mine.derived.entries()
        vocabulary_print = (
            fingerprint(self.vocabulary_loader.path, MAX_DERIVED_BYTES)
            if self.vocabulary_loader is not None
            else None
        )
        keys = (
            mine.derived.keys(raw, vocabulary_print, today)
            if raw is not None and vocabulary_print is not None and len(raw) <= MY_PRODUCTS
            else None
        )
        cached = mine.derived.cached(keys) if keys else None
        if cached is not None:
            try:
                made = [parse_product(data) for data in cached]
            except ValueError:  # a damaged file of facts: derive them again
                made = []
            if len(made) == len(cached):
                return self._not_taken(made, problems, catalog_ids)
        from serumdesk.domain.strict.data_files import DataFileError

        try:
            entries = mine.entries()
        except DataFileError as exc:
            problems.append(
                _(
                    "{exc}\nYour serums are not shown until the file is fixed; it has not been changed."
                ).format(exc=exc)
            )
            return []
        vocabulary = self.vocabulary()
        if vocabulary is None:
            problems.append(
                _("Your own serums cannot be shown: the ingredient vocabulary could not be loaded.")
            )
            return []
        made, datas = self._derive(entries, vocabulary, problems, today)
        if keys is not None and len(datas) == len(keys):
            mine.derived.remember(keys, datas)
        return self._not_taken(made, problems, catalog_ids)

    def _derive(
        self, entries: list[MyProduct], vocabulary: Vocabulary, problems: list[str], today: dt.date
    ) -> tuple[list[Product], list[dict[str, Any]]]:
        from serumdesk.domain.catalog.my_products import product_data_from_label, product_of
        from serumdesk.domain.label.reading import read_label

        made: list[Product] = []
        datas: list[dict[str, Any]] = []
        for mine in entries:
            try:
                data = product_data_from_label(mine, read_label(mine.label, vocabulary), today)
                made.append(product_of(data))
                datas.append(data)
            except ValueError as exc:  # UnusableSerum, worded for a person
                problems.append(
                    _("Your serum “{brand} {name}” cannot be shown: {exc}.").format(
                        brand=mine.brand, name=mine.name, exc=exc
                    )
                )
        return made, datas

    @staticmethod
    def _not_taken(made: list[Product], problems: list[str], catalog_ids: set[str]) -> list[Product]:
        kept: list[Product] = []
        taken = set(catalog_ids)
        for product in made:
            if product.id in taken:
                problems.append(
                    _(
                        "Your serum “{brand} {name}” is not shown: its id '{id}' is taken by another product."
                    ).format(brand=product.brand, name=product.name, id=product.id)
                )
                continue
            taken.add(product.id)
            kept.append(product)
        return kept

    def vocabulary(self) -> Vocabulary | None:
        """The ingredient vocabulary, loaded on first use; None when there is none or it
        cannot be loaded (its `error` says why)."""
        if self.vocabulary_loader is None:
            return None
        from serumdesk.storage.vocabulary_loader import VocabularyUnavailable

        try:
            return self.vocabulary_loader.load()
        except VocabularyUnavailable:
            return None
