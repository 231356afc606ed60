"""Loads the product catalog once, on first use, and remembers a failure as a message."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.loader import VocabularyLoader
    from serumdesk.domain.ingredients.vocabulary import Vocabulary
    from serumdesk.domain.product import Catalog


class CatalogUnavailable(Exception):
    """The catalog could not be loaded; str() is written for a person."""


class CatalogLoader:
    """Reads and validates the catalog at `path` the first time it is asked for.

    pydantic and the catalog models are imported here, not at module import, so the
    wizard's first page appears before they are paid for.
    """

    def __init__(self, path: Path, vocabulary: VocabularyLoader | None = None) -> None:
        """`vocabulary` reads ingredient names for allergy matching; without one, allergies
        are matched by the words typed."""
        self.path = path
        self.vocabulary_loader = vocabulary
        self._catalog: Catalog | None = None
        self._error: str | None = None

    @property
    def attempted(self) -> bool:
        return self._catalog is not None or self._error is not None

    @property
    def error(self) -> str | None:
        """The failure message, once loading was tried and failed."""
        return self._error

    def load(self) -> Catalog:
        """The catalog, loaded on the first call; raises CatalogUnavailable on failure."""
        if self._catalog is not None:
            return self._catalog
        if self._error is not None:
            raise CatalogUnavailable(self._error)
        from serumdesk.domain.catalog import CatalogError, load_catalog

        try:
            self._catalog = load_catalog(self.path)
        except CatalogError as exc:
            self._error = str(exc)
            raise CatalogUnavailable(self._error) from None
        # The catalog lives as long as the app: lay it out for ranking now,
        # then keep the cyclic collector from rescanning all of it on every later collection.
        from serumdesk.domain.ranking import prepare

        prepare(self._catalog)
        gc.freeze()
        return self._catalog

    def vocabulary(self) -> Vocabulary | None:
        """The ingredient vocabulary, loaded on first use; None when there is none or it
        cannot be loaded (its `error` says why)."""
        if self.vocabulary_loader is None:
            return None
        from serumdesk.domain.ingredients.loader import VocabularyUnavailable

        try:
            return self.vocabulary_loader.load()
        except VocabularyUnavailable:
            return None
