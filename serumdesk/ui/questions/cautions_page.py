"""Medical cautions and allergens: shown as cautions on the cards, or used to exclude."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Caution
from serumdesk.domain.strict.limits import ALLERGEN_CHARS, ALLERGENS, allergens_problem
from serumdesk.i18n import N_, _
from serumdesk.ui.questions.question_page import QuestionPage, section_label
from serumdesk.ui.widgets.choices import CheckChoice
from serumdesk.ui.widgets.style import SecondaryLabel, apply_tone, plain_label

if TYPE_CHECKING:
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.work_state import WorkState


def parse_allergens(text: str) -> tuple[str, ...] | str:
    """Comma- or semicolon-separated ingredient names, or a message saying what is wrong."""
    parts = tuple(p.strip() for p in re.split(r"[,;\n]", text) if p.strip())
    return allergens_problem(parts) or parts


class CautionsPage(QuestionPage):
    def __init__(self, state: WorkState, catalog: CatalogModel) -> None:
        self.catalog = catalog
        super().__init__(state)

    heading_text = N_("Medical cautions and allergies")
    why = N_(
        "Some serums need a clinician's OK first; these are never hidden, they are flagged on each product."
    )

    def build(self, layout: QVBoxLayout) -> None:
        layout.addWidget(section_label(_("Does any of this apply to you? (tick all that apply)")))
        self.cautions: CheckChoice[Caution] = CheckChoice(
            _("Medical cautions"), [(c, c.label) for c in Caution]
        )
        for box in self.cautions.boxes.values():
            self.watch(box.toggled)
        layout.addWidget(self.cautions)
        layout.addSpacing(self.fontMetrics().height() // 2)
        label = section_label(_("Ingredients you are allergic to (optional)"))
        layout.addWidget(label)
        self.allergens = QLineEdit()
        self.allergens.setAccessibleName(_("Ingredients you are allergic to"))
        self.allergens.setPlaceholderText(_("for example: lavender, niacinamide"))
        self.allergens.setClearButtonEnabled(True)
        self.allergens.setMaxLength(ALLERGENS * (ALLERGEN_CHARS + 2))  # with ", " between
        label.setBuddy(self.allergens)
        self.watch(self.allergens.textEdited)
        self.allergens.setMaximumWidth(self.fontMetrics().averageCharWidth() * 70)
        layout.addWidget(self.allergens)
        hint = SecondaryLabel(
            _(
                "Separate several with commas. Products listing a match, under any of its "
                "names, are left out and named below the results."
            )
        )
        layout.addWidget(hint)
        self.unknown = plain_label()
        self.unknown.setObjectName("unknownAllergens")
        self.unknown.setAccessibleName(_("Allergens SerumDesk does not know"))
        self.unknown.hide()
        layout.addWidget(self.unknown)
        self.allergens.textChanged.connect(self._check_names)

    def _check_names(self) -> None:
        """Say at once which typed allergens SerumDesk cannot check for."""
        from serumdesk.domain.ingredients.allergens import UnknownAllergen

        allergens = parse_allergens(self.allergens.text())
        vocabulary = self.catalog.vocabulary() if allergens else None
        if isinstance(allergens, str) or vocabulary is None:
            self.unknown.hide()
            return
        unknown = [a for a in allergens if isinstance(vocabulary.resolve_allergen(a), UnknownAllergen)]
        self.unknown.setVisible(bool(unknown))
        if unknown:
            listed = ", ".join(f"“{a}”" for a in unknown)
            self.unknown.setText(
                _(
                    "SerumDesk does not know {listed}, so it cannot check "
                    "products for it: read each label yourself (check the "
                    "spelling, or type the ingredient's name)."
                ).format(listed=listed)
            )
            apply_tone(self.unknown, "warning")

    def fill(self, draft: Answers) -> None:
        self.cautions.set_values(draft.cautions)
        self.allergens.setText(", ".join(draft.allergens))

    def read(self, draft: Answers) -> Answers | str:
        allergens = parse_allergens(self.allergens.text())
        if isinstance(allergens, str):
            return allergens
        return dataclasses.replace(draft, cautions=self.cautions.values(), allergens=allergens)
