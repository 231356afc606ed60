"""First question: what the serum is for."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtWidgets import QCheckBox, QVBoxLayout

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import UseCase
from serumdesk.i18n import N_, _
from serumdesk.ui.questions.choice_page import ChoicePage


class UseCasePage(ChoicePage):
    heading_text = N_("What do you want the serum for?")
    why = N_("Different serums suit recovery, firmness, hydration or brightening; pick your main goal.")
    answer_field = "use_case"
    choice_name = N_("Main goal")
    missing = N_("Choose your main goal to continue.")

    def options(self) -> list[tuple[Any, str, str]]:
        return [(u, u.label, u.detail) for u in UseCase]

    def build(self, layout: QVBoxLayout) -> None:
        super().build(layout)
        # Freshly treated skin changes the advice whatever the goal: ask about it for every goal.
        self.had_procedure = QCheckBox(
            _("I had a laser, microneedling, a peel or another in-office treatment recently")
        )
        self.had_procedure.setAccessibleName(_("Had an in-office treatment recently"))
        self.watch(self.had_procedure.toggled)
        layout.addWidget(self.had_procedure)
        self.choice.group.buttonToggled.connect(self._show_procedure_box)

    def _show_procedure_box(self, *_args: object) -> None:
        self.had_procedure.setVisible(not self.is_post_procedure())  # recovery always asks

    def fill(self, draft: Answers) -> None:
        # Nothing is chosen for a person who has not answered yet: the goal is theirs to pick.
        self.choice.set_value(None if self.state.fresh else draft.use_case)
        self.had_procedure.setChecked(draft.use_case is not UseCase.POST_PROCEDURE and draft.has_procedure)
        self._show_procedure_box()

    def read(self, draft: Answers) -> Answers | str:
        result = super().read(draft)
        if isinstance(result, Answers) and not self.asks_procedure():
            # No procedure to ask about: drop stale answers.
            return dataclasses.replace(result, procedure=None, days_since_procedure=None, laser_type=None)
        return result

    def read_live(self, draft: Answers) -> Answers | str:
        # Clicking through the goals keeps the procedure answers until Next confirms one.
        return ChoicePage.read(self, draft)

    def is_post_procedure(self) -> bool:
        return self.choice.value() is UseCase.POST_PROCEDURE

    def asks_procedure(self) -> bool:
        """The procedure page comes next: recovery as the goal, or a recent treatment."""
        return self.is_post_procedure() or self.had_procedure.isChecked()
