"""The last page: side-by-side cards for the chosen matches, then the advice below them.

The card, chooser and advice modules (and with them pydantic and the rules) are imported
when this page is first shown, not when the wizard opens.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from serumdesk.domain.advice.compare import compare_selection
from serumdesk.domain.answers import ProductOverride
from serumdesk.storage.catalog_loader import CatalogUnavailable
from serumdesk.ui.results.card_strip import CardStrip
from serumdesk.ui.widgets.style import apply_tone, em, plain_label

if TYPE_CHECKING:
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.results.advice_panel import AdvicePanel
    from serumdesk.ui.results.compare_chooser import CompareChooser
    from serumdesk.ui.results.product_card import ProductCard
    from serumdesk.ui.sheet.print_dialogs import ClinicSource
    from serumdesk.ui.work_state import WorkState


class ResultsPage(QWizardPage):
    """Recomputes when the person edits their work or the catalog is read again, while shown."""

    def __init__(self, state: WorkState, catalog: CatalogModel) -> None:
        super().__init__()
        self.state = state
        self.catalog = catalog
        self.setTitle("Your matches")
        self.setSubTitle("The best matches side by side. Tick which to compare; edit any cost "
                         "figure to recompute.")
        self.recommendation: Recommendation | None = None
        self.clinic_source: ClinicSource | None = None
        """The clinic's details for the sheet (set by ui/clinic/actions.py); None: personal."""
        self.cards: dict[str, ProductCard] = {}
        self.chooser: CompareChooser | None = None
        self.advice: AdvicePanel | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = plain_label(selectable=True)
        self.status.setObjectName("resultsStatus")
        self.status.setAccessibleName("Results status")
        self.status.setContentsMargins(em(self) // 2, em(self) // 3, em(self) // 2, em(self) // 3)
        self.status.hide()
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setAccessibleName("Results")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, em(self) // 2, 0)
        self.body_layout.setSpacing(em(self))
        self.scroller.setWidget(self.body)
        layout.addWidget(self.scroller, 1)
        actions = QHBoxLayout()
        self.print_button = QPushButton("&Print…")
        self.print_button.setAccessibleName("Print the comparison sheet")
        self.pdf_button = QPushButton("E&xport PDF…")
        self.pdf_button.setAccessibleName("Export the comparison sheet as PDF")
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._export_pdf)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.pdf_button)
        layout.addLayout(actions)
        self.strip = CardStrip()
        state.changed.connect(self._on_changed)
        catalog.changed.connect(self._on_changed)

    def _build_content(self) -> None:
        from serumdesk.ui.results.advice_panel import AdvicePanel
        from serumdesk.ui.results.compare_chooser import CompareChooser

        self.chooser = CompareChooser()
        self.chooser.selection_changed.connect(self._on_chosen)
        self.advice = AdvicePanel()
        self.body_layout.addWidget(self.chooser)
        self.body_layout.addWidget(self.strip)
        self.body_layout.addWidget(self.advice)
        self.body_layout.addStretch(1)

    def initializePage(self) -> None:
        self.refresh(keep_selection=False)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(self.recommendation is not None)

    def refresh(self, keep_selection: bool = True) -> None:
        """Recompute from the answers and overrides and show the result in place."""
        from serumdesk.domain.advice.allergy import VocabularyMissing
        from serumdesk.domain.advice.recommendation import recommend, relax_hints

        state = self.state
        try:
            catalog = self.catalog.catalog()
            vocabulary = self.catalog.vocabulary() if state.answers.allergens else None
            rec = recommend(catalog, state.answers, state.overrides, vocabulary=vocabulary)
        except CatalogUnavailable as exc:
            self._show_unavailable("The product catalog could not be loaded", str(exc))
            return
        except VocabularyMissing as exc:  # a broken install, never a guess at the allergies
            self._show_unavailable("The ingredient vocabulary could not be loaded",
                                   f"{self.catalog.vocabulary_error()} {exc}".strip())
            return
        if self.chooser is None:
            self._build_content()
        assert self.chooser is not None and self.advice is not None
        self.recommendation = rec
        matched = {m.product.id for m in rec.matches}
        compared = [pid for pid in state.compared_ids if pid in matched]
        if not keep_selection:
            # Changed answers rank differently: compare the new best matches, not the old picks.
            compared = compare_selection(rec, state.compared_ids_for(state.answers))
        state.settle_compared(compared)
        self.scroller.show()
        self.chooser.setVisible(bool(rec.matches))
        self.chooser.show_matches(rec.matches, compared)
        self._show_cards(rec, compared)
        top = rec.matches[0].product.title if rec.matches else None
        self.advice.show_recommendation(rec, top)
        if not rec.matches:
            self._set_status(
                "Every product was left out by your answers. " + " ".join(relax_hints(rec))
                + " The reason for each product is listed under “Not included, and why”.",
                "warning")
        else:
            said = [n.text for n in rec.notices]
            if said:
                self._set_status(" ".join(said), "warning")
            else:
                self.status.hide()

    def _show_cards(self, rec: Recommendation, compared: Sequence[str]) -> None:
        from serumdesk.ui.results.product_card import ProductCard

        matches = {m.product.id: m for m in rec.matches}
        # Cards no longer compared are refilled for the newly compared products: building a
        # card costs far more than showing another product in it.
        spare = [self.cards.pop(pid) for pid in [p for p in self.cards if p not in compared]]
        shown: dict[str, ProductCard] = {}
        for column, pid in enumerate(compared):
            card = self.cards.get(pid) or (spare.pop() if spare else None)
            if card is None:
                card = ProductCard(matches[pid], rec.answers, rec.today, self.strip.content)
                card.override_edited.connect(self._on_override)
                card.rank_label.setText(rec.plan.title(matches[pid]))
            else:
                card.show_match(matches[pid], rec.answers, rec.today,
                                rec.plan.title(matches[pid]))
            card.place(self.strip.grid, column)
            for widget in (card, *card.cells.values()):
                widget.show()
            shown[pid] = card
        for card in spare:
            card.remove(self.strip.grid)
        self.cards = shown
        # Tab walks down one card, then the next, in the order they are shown.
        chain: list[QWidget] = [self.chooser.toggle] if self.chooser else []
        for card in self.cards.values():
            chain += card.focus_order()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.strip.set_columns(len(compared))
        self.strip.setVisible(bool(compared))

    def _show_unavailable(self, what: str, message: str) -> None:
        self.recommendation = None
        self.scroller.hide()
        self._set_status(
            f"{what}, so there are no results to show.\n\n{message}\n\nReinstalling "
            "SerumDesk restores the bundled catalog and ingredient vocabulary.", "clinician")

    def _set_status(self, text: str, level: str) -> None:
        self.status.setText(text)
        apply_tone(self.status, level)
        self.status.show()

    def _on_changed(self) -> None:
        """The work or the catalog changed: recompute, if this page is on screen (the wizard
        initialises it afresh when the person comes to it)."""
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            self.refresh()

    def _on_override(self, product_id: str, override: ProductOverride) -> None:
        self.state.edit_override(product_id, override)  # `changed` recomputes

    def _on_chosen(self, ids: list[str]) -> None:
        self.state.edit_compared(ids)  # `changed` recomputes and shows the cards

    # Imported on first use: printing brings QtPrintSupport, which start-up does not need.
    def _print(self) -> None:
        from serumdesk.ui.sheet.print_dialogs import print_with_preview

        if self.recommendation is not None:
            print_with_preview(self, self.recommendation, list(self.cards),
                               clinic=self.clinic_source)

    def _export_pdf(self) -> None:
        from serumdesk.ui.sheet.print_dialogs import export_pdf_with_dialog

        if self.recommendation is not None:
            export_pdf_with_dialog(self, self.recommendation, list(self.cards),
                                   clinic=self.clinic_source)
