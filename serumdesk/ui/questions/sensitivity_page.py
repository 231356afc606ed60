"""How reactive the person's skin is."""

from __future__ import annotations

from typing import Any

from serumdesk.domain.choices import Sensitivity
from serumdesk.i18n import N_
from serumdesk.ui.questions.choice_page import ChoicePage


class SensitivityPage(ChoicePage):
    heading_text = N_("How sensitive is your skin?")
    why = N_("Reactive skin does best with minimal, fragrance-free formulas without acids.")
    answer_field = "sensitivity"
    choice_name = N_("Skin sensitivity")
    missing = N_("Choose how sensitive your skin is.")

    def options(self) -> list[tuple[Any, str, str]]:
        return [(s, s.label, "") for s in Sensitivity]
