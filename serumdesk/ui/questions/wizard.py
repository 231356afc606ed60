"""The question flow: one list of page classes, a draft of the answers, and the overrides.

Pages fill themselves from the draft and write back to it; the wizard only decides the
branch (the procedure page is asked for recovery only) and tells listeners about edits.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from serumdesk.domain.answers import Answers, Overrides, ProductOverride
from serumdesk.ui.questions.question_page import QuestionPage
from serumdesk.ui.questions.use_case_page import UseCasePage
from serumdesk.ui.results.controller import ResultsController

if TYPE_CHECKING:
    from serumdesk.ui.results.results_page import ResultsPage

PAGES: tuple[tuple[str, str], ...] = (
    ("serumdesk.ui.questions.use_case_page", "UseCasePage"),
    ("serumdesk.ui.questions.procedure_page", "ProcedurePage"),
    ("serumdesk.ui.questions.sensitivity_page", "SensitivityPage"),
    ("serumdesk.ui.questions.ethics_page", "EthicsPage"),
    ("serumdesk.ui.questions.cautions_page", "CautionsPage"),
    ("serumdesk.ui.questions.actives_budget_page", "ActivesBudgetPage"),
    ("serumdesk.ui.results.results_page", "ResultsPage"),
)
"""The flow, in order, as (module, page class); a page's id is its index here.

Named rather than imported: a page's module is imported when the page is built, so the
window's first paint does not wait for the modules (and Qt types) of later pages.
"""


def page_class(index: int) -> type[QWizardPage]:
    module, name = PAGES[index]
    cls = getattr(importlib.import_module(module), name)
    assert isinstance(cls, type) and issubclass(cls, QWizardPage)
    return cls

P = TypeVar("P", bound=QWizardPage)


def page_id(cls: type[QWizardPage] | str) -> int:
    """The id of a page, by class or by class name."""
    name = cls if isinstance(cls, str) else cls.__name__
    return next(i for i, (_, page_name) in enumerate(PAGES) if page_name == name)


class AdvisorWizard(QWizard):
    """Embedded in the main window; never closes itself (Escape and Finish do nothing)."""

    answers_changed = Signal()
    """The person edited an answer, a cost figure or the compared products."""

    def __init__(self, controller: ResultsController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._draft = Answers()
        self._overrides = Overrides()
        self._compared: list[str] = []
        self._compared_for: Answers | None = None
        """The answers the comparison was chosen for; new answers start from the new top 3."""
        self._ignore_writes = False
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton])
        self._pages_added = 1
        self._add_page(0)  # the rest after the first page is on screen: add_remaining_pages
        self.setStartId(0)
        for which, name in ((QWizard.WizardButton.BackButton, "Back to the previous question"),
                            (QWizard.WizardButton.NextButton, "Next")):
            self.button(which).setAccessibleName(name)

    # -- pages: the first at once, the rest once it is on screen --------------------------------
    def _add_page(self, index: int) -> None:
        page = page_class(index)()
        self.setPage(index, page)
        if isinstance(page, QuestionPage):
            page.edited.connect(self.answers_changed)

    def add_remaining_pages(self) -> None:
        """Build the pages after the first (idempotent). Start-up calls it after the first
        paint; anything that needs a later page calls it first."""
        while self._pages_added < len(PAGES):
            self._add_page(self._pages_added)
            self._pages_added += 1

    def validateCurrentPage(self) -> bool:
        self.add_remaining_pages()  # Next needs the page it goes to
        return super().validateCurrentPage()

    # -- branching -----------------------------------------------------------------------
    def nextId(self) -> int:
        current = self.currentPage()
        if isinstance(current, UseCasePage) and not current.is_post_procedure():
            return page_id("SensitivityPage")
        return super().nextId()

    # -- never close: the wizard is the window's content ------------------------------------
    def reject(self) -> None:
        pass

    def accept(self) -> None:
        pass

    def done(self, _result: int) -> None:
        pass

    # -- the draft, for pages ----------------------------------------------------------------
    @property
    def draft(self) -> Answers:
        return self._draft

    def set_draft(self, answers: Answers) -> None:
        if not self._ignore_writes:
            self._draft = answers

    def results_page(self) -> ResultsPage:
        from serumdesk.ui.results.results_page import ResultsPage

        return self._page(ResultsPage)

    def _page(self, cls: type[P]) -> P:
        self.add_remaining_pages()
        page = self.page(page_id(cls))
        assert isinstance(page, cls)
        return page

    # -- the public API (see main_window.py) --------------------------------------------------
    def current_answers(self) -> Answers:
        """The draft, with the current page's valid, not yet confirmed edits applied."""
        page = self.currentPage()
        if isinstance(page, QuestionPage):
            result = page.read(self._draft)
            if isinstance(result, Answers):
                return result
        return self._draft

    def set_answers(self, answers: Answers) -> None:
        """Replace the answers and go back to the first question, filled with them."""
        self._draft = answers
        self._ignore_writes = True  # restart() cleans up visited pages: keep the new answers
        try:
            self.restart()
        finally:
            self._ignore_writes = False

    def current_overrides(self) -> Overrides:
        return self._overrides

    def set_overrides(self, overrides: Overrides) -> None:
        self._overrides = overrides
        self._refresh_results()

    def compared_ids(self) -> list[str]:
        return list(self._compared)

    def set_compared_ids(self, ids: list[str]) -> None:
        self._compared = list(ids)
        self._compared_for = self._draft
        self._refresh_results(keep_selection=False)

    def compared_ids_for(self, answers: Answers) -> list[str]:
        """The comparison chosen for these answers, or [] when it was chosen for others."""
        return list(self._compared) if self._compared_for == answers else []

    # -- edits from the results page -----------------------------------------------------------
    def edit_override(self, product_id: str, override: ProductOverride) -> None:
        by_product = dict(self._overrides.by_product)
        if override == ProductOverride():
            by_product.pop(product_id, None)
        else:
            by_product[product_id] = override
        self._overrides = dataclasses.replace(self._overrides, by_product=by_product)
        self.answers_changed.emit()

    def edit_compared_ids(self, ids: list[str]) -> None:
        self._compared = list(ids)
        self._compared_for = self._draft
        self.answers_changed.emit()

    def store_compared_ids(self, ids: list[str]) -> None:
        """The selection the page settled on after the answers changed (not an edit)."""
        self._compared = list(ids)
        self._compared_for = self._draft

    def _refresh_results(self, keep_selection: bool = True) -> None:
        if self.currentId() == page_id("ResultsPage"):
            self.results_page().refresh(keep_selection=keep_selection)
