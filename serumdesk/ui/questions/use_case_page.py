"""First question: what the serum is for."""

from __future__ import annotations

import dataclasses
from typing import Any

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import UseCase
from serumdesk.ui.questions.choice_page import ChoicePage


class UseCasePage(ChoicePage):
    heading_text = "What do you want the serum for?"
    why = "Different serums suit recovery, firmness, hydration or brightening; pick your main goal."
    answer_field = "use_case"
    choice_name = "Main goal"
    missing = "Choose your main goal to continue."

    def fill(self, draft: Answers) -> None:
        # Nothing is chosen for a person who has not answered yet: the goal is theirs to pick.
        self.choice.set_value(None if self.state.fresh else draft.use_case)

    def options(self) -> list[tuple[Any, str, str]]:
        return [(u, u.label, u.detail) for u in UseCase]

    def read(self, draft: Answers) -> Answers | str:
        result = super().read(draft)
        if isinstance(result, Answers) and result.use_case is not UseCase.POST_PROCEDURE:
            # The procedure questions only apply to recovery; drop stale answers.
            return dataclasses.replace(result, procedure=None, days_since_procedure=None)
        return result

    def read_live(self, draft: Answers) -> Answers | str:
        # Clicking through the goals keeps the procedure answers until Next confirms one.
        return ChoicePage.read(self, draft)

    def is_post_procedure(self) -> bool:
        return self.choice.value() is UseCase.POST_PROCEDURE
