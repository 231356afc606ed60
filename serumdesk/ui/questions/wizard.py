"""The question flow: the first page, then one list of later pages, over the person's work state.

Pages fill themselves from the state's answers and write back to it; the wizard only builds
the pages, decides the branch (the procedure page is asked for recovery only) and starts
over when the whole state is replaced (a profile opened).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QWidget, QWizard, QWizardPage

from serumdesk.i18n import _
from serumdesk.ui.questions.question_page import QuestionPage
from serumdesk.ui.questions.use_case_page import UseCasePage

if TYPE_CHECKING:
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.work_state import WorkState

P = TypeVar("P", bound=QWizardPage)
QUESTIONS = 6
"""The question pages: the first and the five before the results (a test holds it to
`later_pages`); the results page's id is QUESTIONS."""
PROCEDURE = 1
"""The procedure page's id: asked only for recovery."""
SKIP_PROCEDURE_TO = 2
"""Where Next goes from the first page when no procedure is asked about: the page after
the procedure page (SensitivityPage; a test holds it to `later_pages`)."""


def later_pages(state: WorkState, catalog: CatalogModel) -> list[QWizardPage]:
    """The pages after the first (UseCasePage), in order: a page's id is its place in the flow.

    Imported here, not at the top: the window's first paint does not wait for the modules
    (and Qt types) of later pages (the benchmark's start-up rows).
    """
    from serumdesk.ui.questions.actives_budget_page import ActivesBudgetPage
    from serumdesk.ui.questions.cautions_page import CautionsPage
    from serumdesk.ui.questions.ethics_page import EthicsPage
    from serumdesk.ui.questions.procedure_page import ProcedurePage
    from serumdesk.ui.questions.sensitivity_page import SensitivityPage
    from serumdesk.ui.results.results_page import ResultsPage

    return [
        ProcedurePage(state),
        SensitivityPage(state),
        EthicsPage(state),
        CautionsPage(state, catalog),
        ActivesBudgetPage(state),
        ResultsPage(state, catalog),
    ]


class AdvisorWizard(QWizard):
    """Embedded in the main window; never closes itself (Escape and Finish do nothing)."""

    def __init__(self, state: WorkState, catalog: CatalogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.catalog = catalog
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setButtonLayout(
            [QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton]
        )
        self.setPage(0, UseCasePage(state))  # the rest once it is on screen: add_remaining_pages
        self._later_added = False
        self.setStartId(0)
        for which, name in (
            (QWizard.WizardButton.BackButton, _("Back to the previous question")),
            (QWizard.WizardButton.NextButton, _("Next question")),
        ):
            self.button(which).setAccessibleName(name)
        state.replaced.connect(self.restart)
        self.currentIdChanged.connect(self._show_step)

    # -- pages: the first at once, the rest once it is on screen --------------------------------
    def add_remaining_pages(self) -> None:
        """Build the pages after the first (idempotent). Start-up calls it after the first
        paint; anything that needs a later page calls it first."""
        if not self._later_added:
            self._later_added = True
            for index, page in enumerate(later_pages(self.state, self.catalog), start=1):
                self.setPage(index, page)

    def validateCurrentPage(self) -> bool:
        self.add_remaining_pages()  # Next needs the page it goes to
        return super().validateCurrentPage()

    # -- branching -----------------------------------------------------------------------
    def nextId(self) -> int:
        current = self.currentPage()
        if isinstance(current, UseCasePage) and not current.asks_procedure():
            return SKIP_PROCEDURE_TO
        return super().nextId()

    def steps(self) -> list[int]:
        """The question pages' ids on the person's path (the procedure page only for recovery
        or a recent treatment; while no goal is chosen, counted in)."""
        first = self.page(0)
        asked = not isinstance(first, UseCasePage) or first.asks_procedure() or first.choice.value() is None
        skipped = set() if asked else {PROCEDURE}
        return [i for i in range(QUESTIONS) if i not in skipped]

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
        from serumdesk.ui.results.results_page import ResultsPage

        self.add_remaining_pages()
        while not isinstance(self.currentPage(), ResultsPage):
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                return

    def built_page(self, cls: type[P]) -> P:
        """The page of class `cls`, building the later pages first if need be."""
        self.add_remaining_pages()
        return next(page for page in map(self.page, self.pageIds()) if isinstance(page, cls))
