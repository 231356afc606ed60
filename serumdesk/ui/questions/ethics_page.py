"""Vegan and ethics preference: whether human- or animal-derived actives are acceptable."""

from __future__ import annotations

from typing import Any

from serumdesk.domain.choices import Diet
from serumdesk.i18n import N_
from serumdesk.ui.questions.choice_page import ChoicePage


class EthicsPage(ChoicePage):
    heading_text = N_("Vegan and ethics preference")
    why = N_("Many 'stem cell' serums are made from human cells; some people prefer to avoid them.")
    answer_field = "diet"
    choice_name = N_("Vegan and ethics preference")
    missing = N_("Choose a preference (or 'No preference').")

    def options(self) -> list[tuple[Any, str, str]]:
        return [(d, d.label, d.detail) for d in Diet]
