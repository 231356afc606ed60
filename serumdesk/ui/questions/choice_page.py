"""A question page that is one radio choice stored in one field of the answers."""

from __future__ import annotations

import dataclasses
from enum import StrEnum
from typing import Any, ClassVar

from PySide6.QtWidgets import QVBoxLayout

from serumdesk.domain.answers import Answers
from serumdesk.i18n import _
from serumdesk.ui.questions.question_page import QuestionPage
from serumdesk.ui.widgets.choices import RadioChoice


class ChoicePage(QuestionPage):
    """Subclasses name the Answers field, the options and the message when none is chosen."""

    answer_field: ClassVar[str]
    choice_name: ClassVar[str]
    missing: ClassVar[str]

    def options(self) -> list[tuple[Any, str, str]]:
        raise NotImplementedError

    def build(self, layout: QVBoxLayout) -> None:
        self.choice: RadioChoice[Any] = RadioChoice(_(self.choice_name), self.options())
        self.watch_group(self.choice.group)
        layout.addWidget(self.choice)

    def fill(self, draft: Answers) -> None:
        self.choice.set_value(getattr(draft, self.answer_field))

    def read(self, draft: Answers) -> Answers | str:
        value: StrEnum | None = self.choice.value()
        if value is None:
            return _(self.missing)
        changes: dict[str, Any] = {self.answer_field: value}
        return dataclasses.replace(draft, **changes)
