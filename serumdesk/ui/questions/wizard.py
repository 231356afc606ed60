"""The question flow: one list of page classes over the person's work state.

Pages fill themselves from the state's answers and write back to it; the wizard only builds
the pages, decides the branch (the procedure page is asked for recovery only) and starts
over when the whole state is replaced (a profile opened).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from serumdesk.ui.questions.question_page import QuestionPage
from serumdesk.ui.questions.use_case_page import UseCasePage

if TYPE_CHECKING:
    from serumdesk.storage.catalog_loader import CatalogLoader
    from serumdesk.ui.results.results_page import ResultsPage
    from serumdesk.ui.work_state import WorkState

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
RESULTS = len(PAGES) - 1

P = TypeVar("P", bound=QWizardPage)


def page_id(cls: type[QWizardPage] | str) -> int:
    """The id of a page, by class or by class name."""
    name = cls if isinstance(cls, str) else cls.__name__
    return next(i for i, (_, page_name) in enumerate(PAGES) if page_name == name)


class AdvisorWizard(QWizard):
    """Embedded in the main window; never closes itself (Escape and Finish do nothing)."""

    def __init__(self, state: WorkState, catalog_loader: CatalogLoader,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalog_loader = catalog_loader
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
        state.replaced.connect(self.restart)
        self.currentIdChanged.connect(self._show_step)

    # -- pages: the first at once, the rest once it is on screen --------------------------------
    def _add_page(self, index: int) -> None:
        module, name = PAGES[index]
        cls = getattr(importlib.import_module(module), name)
        # Pages that read the product data (the results, allergy names) say so.
        page = (cls(self.state, self.catalog_loader) if getattr(cls, "reads_catalog", False)
                else cls(self.state))
        self.setPage(index, page)

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

    def steps(self) -> list[int]:
        """The question pages' ids on the person's path (the procedure page only for recovery)."""
        first = self.page(0)
        recovery = not isinstance(first, UseCasePage) or first.is_post_procedure() \
            or first.choice.value() is None
        skipped = set() if recovery else {page_id("ProcedurePage")}
        return [i for i in range(RESULTS) if i not in skipped]

    def _show_step(self, current: int) -> None:
        page = self.page(current)
        steps = self.steps()
        if isinstance(page, QuestionPage) and current in steps:
            page.show_step(steps.index(current) + 1, len(steps))

    # -- never close: the wizard is the window's content ------------------------------------
    def reject(self) -> None:
        pass

    def accept(self) -> None:
        pass

    def done(self, _result: int) -> None:
        pass

    def show_results(self) -> None:
        """Answer forward to the results (a profile was opened: its answers are all given);
        stops early on a page whose answer is missing, so the person sees what to fill in."""
        self.add_remaining_pages()
        while self.currentId() != RESULTS:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                return

    def results_page(self) -> ResultsPage:
        from serumdesk.ui.results.results_page import ResultsPage

        return self.built_page(ResultsPage)

    def built_page(self, cls: type[P]) -> P:
        """The page of class `cls`, building the later pages first if need be."""
        self.add_remaining_pages()
        page = self.page(page_id(cls))
        assert isinstance(page, cls)
        return page
