"""The catalog as the window sees it: read after the first paint, read again after a change,
with a `changed` signal for everything that shows it (the banner, the results).

app.py makes one around the catalog loader and passes it down. Whatever changes the files
the catalog is built from (a serum added, a clinic's price list installed, a profile that
carried serums imported) calls `reload()`; nothing else repeats that sequence.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from serumdesk.i18n import N_, _
from serumdesk.storage.catalog_loader import CatalogLoader, CatalogUnavailable

if TYPE_CHECKING:
    from serumdesk.domain.catalog.product import Catalog
    from serumdesk.domain.ingredients.vocabulary import Vocabulary

UNAVAILABLE = N_("The product catalog could not be loaded; results cannot be shown.")


class CatalogModel(QObject):
    changed = Signal()
    """The catalog was read (at start, or again after a change): its products and its
    problems may differ; views showing either refill."""

    def __init__(self, loader: CatalogLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader

    # -- reading ----------------------------------------------------------------------------
    def catalog(self) -> Catalog:
        """The catalog (read on first use); raises CatalogUnavailable, in a person's words."""
        return self.loader.load()

    def vocabulary(self) -> Vocabulary | None:
        """The ingredient vocabulary, or None when it cannot be loaded (`vocabulary_error`)."""
        return self.loader.vocabulary()

    def vocabulary_error(self) -> str:
        """Why the vocabulary is missing, for a person."""
        loader = self.loader.vocabulary_loader
        return (loader.error if loader else None) or _("it is not installed.")

    def problem(self) -> tuple[str, str] | None:
        """What the banner says, as (text, tone), or None when all is well: a catalog that
        cannot be loaded, or files of the person's that could not be added to it."""
        try:
            self.loader.load()
        except CatalogUnavailable as exc:
            return f"{_(UNAVAILABLE)}\n{exc}", "clinician"
        if self.loader.problems:
            return "\n\n".join(self.loader.problems), "warning"
        return None

    # -- reading the files ----------------------------------------------------------------------
    def read(self) -> None:
        """Read the catalog now (start-up, after the first paint) and tell the views."""
        with contextlib.suppress(CatalogUnavailable):  # `problem()` says it
            self.loader.load()
        self.changed.emit()

    def reload(self) -> None:
        """The files changed: read them again and tell the views."""
        self.loader.reload()
        self.read()
