"""Vegan and ethics preference: whether human- or animal-derived actives are acceptable."""

from __future__ import annotations

from typing import Any

from serumdesk.domain.choices import Diet
from serumdesk.ui.choice_page import ChoicePage

_DETAILS = {
    Diet.ANY: "Every source is considered; human-derived ones are labelled as such.",
    Diet.NO_HUMAN_DERIVED: "Leaves out serums made with media or lysate from human cells.",
    Diet.VEGAN: "Also leaves out animal-derived actives; plant and lab-made ones remain.",
}


class EthicsPage(ChoicePage):
    heading_text = "Vegan and ethics preference"
    why = "Many 'stem cell' serums are made from human cells; some people prefer to avoid them."
    answer_field = "diet"
    choice_name = "Vegan and ethics preference"
    missing = "Choose a preference (or 'No preference')."

    def options(self) -> list[tuple[Any, str, str]]:
        return [(d, d.label, _DETAILS[d]) for d in Diet]
