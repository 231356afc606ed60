"""The last page: "For you" (the person's cautions, once), the comparison table, the cards
for the chosen matches (two by two when narrow), then the advice below them.

The card, chooser and advice modules (and with them pydantic and the rules) are imported
when this page is first shown, not when the wizard opens.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
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
from serumdesk.domain.advice.glance import for_you_lines
from serumdesk.domain.answers import ProductOverride
from serumdesk.i18n import _
from serumdesk.storage.catalog_loader import CatalogUnavailable
from serumdesk.ui.results.card_strip import CardStrip
from serumdesk.ui.widgets.style import apply_tone, em, plain_label

if TYPE_CHECKING:
    from serumdesk.domain.advice.recommendation import Recommendation
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.results.advice_panel import AdvicePanel
    from serumdesk.ui.results.compare_chooser import CompareChooser
    from serumdesk.ui.results.comparison_table import ComparisonTable
    from serumdesk.ui.results.for_you_strip import ForYouStrip
    from serumdesk.ui.results.product_card import ProductCard
    from serumdesk.ui.sheet.print_dialogs import ClinicSource
    from serumdesk.ui.work_state import WorkState


class ResultsBody(QWidget):
    """The scrolled content: as tall as its text at the viewport's width, no taller.

    A resizable scroll area makes its widget at least as tall as the widget's minimum size
    hint, and for word-wrapped text that is the height at the narrowest width: a screen of
    blank space under the disclaimer. The height for the actual width decides instead.
    """

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), 0)


class ResultsPage(QWizardPage):
    """Recomputes when the person edits their work or the catalog is read again, while shown."""

    def __init__(self, state: WorkState, catalog: CatalogModel) -> None:
        super().__init__()
        self.state = state
        self.catalog = catalog
        self.setTitle(_("Your matches"))
        # No subtitle: the wizard then shows no header band, and the results get its height.
        self.setSubTitle("")
        self.recommendation: Recommendation | None = None
        self.clinic_source: ClinicSource | None = None
        """The clinic's details for the sheet (set by ui/clinic/actions.py); None: personal."""
        self.cards: dict[str, ProductCard] = {}
        self.chooser: CompareChooser | None = None
        self.advice: AdvicePanel | None = None
        self.for_you: ForYouStrip | None = None
        self.table: ComparisonTable | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status = plain_label(selectable=True)
        self.status.setObjectName("resultsStatus")
        self.status.setAccessibleName(_("About these results"))
        self.status.setContentsMargins(em(self) // 2, em(self) // 3, em(self) // 2, em(self) // 3)
        self.status.hide()
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        # The results are always taller than the window: with the bar always there, the page
        # is laid out once at its width, not once without the bar and again with it
        # (benchmark row 3).
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setAccessibleName(_("Results"))
        self.body = ResultsBody()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(em(self) // 2, 0, em(self) // 2, 0)
        self.body_layout.setSpacing(em(self))
        self.scroller.setWidget(self.body)
        layout.addWidget(self.scroller, 1)
        actions = QHBoxLayout()
        self.print_button = QPushButton(_("&Print…"))
        self.print_button.setAccessibleName(_("Print the comparison sheet"))
        self.pdf_button = QPushButton(_("E&xport PDF…"))
        self.pdf_button.setAccessibleName(_("Export the comparison sheet as PDF"))
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
        from serumdesk.ui.results.comparison_table import ComparisonTable
        from serumdesk.ui.results.for_you_strip import ForYouStrip

        self.for_you = ForYouStrip()
        self.chooser = CompareChooser()
        self.chooser.selection_changed.connect(self._on_chosen)
        self.table = ComparisonTable()
        self.table.details_requested.connect(self.show_details)
        self.advice = AdvicePanel()
        for widget in (self.for_you, self.table, self.chooser, self.strip, self.advice):
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch(1)

    def initializePage(self) -> None:
        self.refresh(keep_selection=False)
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(self.recommendation is not None)
        self.show_top()
        # The wizard moves the focus after this returns: take it back on the next turn.
        QTimer.singleShot(0, self.show_top)

    def show_top(self) -> None:
        """Scrolled to the top, focus on the first compared product (opening a profile, Next)."""
        self.scroller.verticalScrollBar().setValue(0)
        if self.table is not None and self.table.buttons:
            next(iter(self.table.buttons.values())).setFocus()

    def show_details(self, product_id: str) -> None:
        """Scroll to a product's card and put the focus in it."""
        card = self.cards.get(product_id)
        if card is None:
            return
        self.scroller.ensureWidgetVisible(card.cells["header"], 0, em(self))
        order = card.focus_order()
        target = card.name_label if not order else order[0]
        target.setFocus()

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
            self._show_unavailable(_("The product catalog could not be loaded"), str(exc))
            return
        except VocabularyMissing as exc:  # a broken install, never a guess at the allergies
            self._show_unavailable(
                _("The ingredient vocabulary could not be loaded"),
                f"{self.catalog.vocabulary_error()} {exc}".strip(),
            )
            return
        if self.chooser is None:
            self._build_content()
        assert self.chooser is not None and self.advice is not None
        self.recommendation = rec
        matched = {m.product.id for m in rec.matches}
        compared = [pid for pid in state.compared_ids if pid in matched]
        if not keep_selection:
            # Changed answers rank differently: compare the new best matches, not the old picks.
            wanted = state.compared_ids_for(state.answers)
            compared = compare_selection(rec, wanted)
            if set(compared) == set(wanted):
                compared = list(wanted)  # the same products: keep the order they were chosen in
            known = matched | {e.product.id for e in rec.excluded}
            # A chosen product the catalog does not know (a serum of theirs not read in) is
            # not shown but stays chosen: nothing leaves the comparison unasked.
            if set(wanted) <= known:
                state.settle_compared(compared)
        self.scroller.show()
        self.chooser.setVisible(bool(rec.matches))
        self.chooser.show_matches(rec.matches, compared)
        self._show_cards(rec, compared)
        top = rec.matches[0].product.title if rec.matches else None
        self.advice.show_recommendation(rec, top, compared)
        if not rec.matches:
            self._set_status(
                _("Every product was left out by your answers. ")
                + " ".join(relax_hints(rec))
                + _(" The reason for each product is listed under “Not included, and why”."),
                "warning",
            )
        else:
            self.status.hide()  # the notices are lines of the "For you" strip

    def _show_cards(self, rec: Recommendation, compared: Sequence[str]) -> None:
        from serumdesk.domain.advice.glance import comparison_rows, own_cautions, shared_facts
        from serumdesk.ui.results.product_card import ProductCard

        assert self.for_you is not None and self.table is not None
        matches = {m.product.id: m for m in rec.matches}
        chosen = [matches[pid] for pid in compared]
        self.for_you.show_items(for_you_lines(rec, chosen))
        facts = shared_facts(chosen, rec.answers.budget_usd_per_month)
        self.table.show_rows(comparison_rows(chosen), [f.words() for f in facts])
        shared = {f.text for f in facts}
        # Cards no longer compared are refilled for the newly compared products: building a
        # card costs far more than showing another product in it.
        spare = [self.cards.pop(pid) for pid in [p for p in self.cards if p not in compared]]
        shown: dict[str, ProductCard] = {}
        for pid in compared:
            card = self.cards.get(pid) or (spare.pop() if spare else None)
            if card is None:
                card = ProductCard(
                    matches[pid],
                    rec.answers,
                    rec.today,
                    self.strip.content,
                    own_cautions(matches[pid], chosen),
                    shared,
                )
                card.override_edited.connect(self._on_override)
                card.rank_label.setText(rec.plan.title(matches[pid]))
            else:
                card.show_match(
                    matches[pid],
                    rec.answers,
                    rec.today,
                    own_cautions(matches[pid], chosen),
                    shared,
                    rec.plan.title(matches[pid]),
                )
            card.show()
            for name, cell in card.cells.items():
                cell.setVisible(name not in card.said_above)
            shown[pid] = card
        for card in spare:
            card.remove(self.strip.grid)
        self.cards = shown
        # Tab walks down one card, then the next, in the order they are shown.
        chain: list[QWidget] = [*self.table.buttons.values()]
        if self.chooser:
            chain.append(self.chooser.toggle)
        for card in self.cards.values():
            chain += card.focus_order()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.strip.show_cards(list(self.cards.values()))
        self.strip.setVisible(bool(compared))

    def _show_unavailable(self, what: str, message: str) -> None:
        self.recommendation = None
        self.scroller.hide()
        self._set_status(
            _(
                "{what}, so there are no results to show.\n\n{message}\n\nReinstalling SerumDesk "
                "restores the bundled catalog and ingredient vocabulary."
            ).format(what=what, message=message),
            "clinician",
        )

    def _set_status(self, text: str, level: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
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
            print_with_preview(
                self,
                self.recommendation,
                list(self.cards),
                clinic=self.clinic_source,
                remake=self._recommend_again,
            )

    def _export_pdf(self) -> None:
        from serumdesk.ui.sheet.print_dialogs import export_pdf_with_dialog

        if self.recommendation is not None:
            export_pdf_with_dialog(
                self,
                self.recommendation,
                list(self.cards),
                clinic=self.clinic_source,
                remake=self._recommend_again,
            )

    def _recommend_again(self) -> Recommendation:
        """The same recommendation made again, worded in the language in use where it is
        called: a sheet in the patient's language (ui/sheet/print_dialogs.py)."""
        from serumdesk.domain.advice.recommendation import recommend

        state = self.state
        vocabulary = self.catalog.vocabulary() if state.answers.allergens else None
        catalog = self.catalog.catalog()
        if any(p.entered_by_you for p in catalog.products):  # their facts were worded on load
            catalog = self.catalog.loader.loaded_again()
        return recommend(catalog, state.answers, state.overrides, vocabulary=vocabulary)
