"""Vegan and ethics preference: whether human- or animal-derived actives are acceptable."""

from __future__ import annotations

from typing import Any

from serumdesk.domain.choices import Diet
from serumdesk.ui.questions.choice_page import ChoicePage


class EthicsPage(ChoicePage):
    heading_text = "Vegan and ethics preference"
    why = "Many 'stem cell' serums are made from human cells; some people prefer to avoid them."
    answer_field = "diet"
    choice_name = "Vegan and ethics preference"
    missing = "Choose a preference (or 'No preference')."

    def options(self) -> list[tuple[Any, str, str]]:
        return [(d, d.label, d.detail) for d in Diet]
