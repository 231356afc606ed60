"""What the person already uses, and what they want to spend a month."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QVBoxLayout

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Active
from serumdesk.domain.strict.numbers import BUDGET_USD
from serumdesk.i18n import N_, _
from serumdesk.ui.questions.question_page import QuestionPage, section_label
from serumdesk.ui.widgets.choices import CheckChoice
from serumdesk.ui.widgets.style import SecondaryLabel
from serumdesk.ui.widgets.wheel_guard import wheel_only_when_focused

DEFAULT_BUDGET = 60.0


class ActivesBudgetPage(QuestionPage):
    heading_text = N_("Your routine and budget")
    why = N_(
        "Serums pair differently with retinoids, acids and vitamin C, and cost from a "
        "few dollars to over $200 a month."
    )

    def build(self, layout: QVBoxLayout) -> None:
        layout.addWidget(section_label(_("Do you already use any of these? (tick all that apply)")))
        self.actives: CheckChoice[Active] = CheckChoice(
            _("Actives you already use"), [(a, a.label) for a in Active]
        )
        for box in self.actives.boxes.values():
            self.watch(box.toggled)
        layout.addWidget(self.actives)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(section_label(_("Monthly budget (optional)")))
        row = QHBoxLayout()
        self.has_budget = QCheckBox(_("Limit to a monthly budget of"))
        self.has_budget.setAccessibleName(_("Limit to a monthly budget"))
        self.budget = wheel_only_when_focused(QDoubleSpinBox())
        self.budget.setRange(BUDGET_USD.lowest(), BUDGET_USD.maximum)  # as files and options
        self.budget.setDecimals(BUDGET_USD.decimals)
        self.budget.setSingleStep(10)
        self.budget.setPrefix("$")
        self.budget.setSuffix(_(" a month"))
        self.budget.setAccessibleName(_("Monthly budget in US dollars"))
        self.budget.setValue(DEFAULT_BUDGET)
        self.has_budget.toggled.connect(self.budget.setEnabled)
        self.watch(self.has_budget.toggled, self.budget.valueChanged)
        row.addWidget(self.has_budget)
        row.addWidget(self.budget)
        row.addStretch(1)
        layout.addLayout(row)
        hint = SecondaryLabel(
            _(
                "Products over budget stay in the list, marked as over budget. A budget of $0 "
                "marks every product as over it."
            )
        )
        layout.addWidget(hint)

    def fill(self, draft: Answers) -> None:
        self.actives.set_values(draft.actives)
        budget = draft.budget_usd_per_month
        self.has_budget.setChecked(budget is not None)
        self.budget.setEnabled(budget is not None)
        self.budget.setValue(DEFAULT_BUDGET if budget is None else budget)

    def read(self, draft: Answers) -> Answers | str:
        budget = self.budget.value() if self.has_budget.isChecked() else None
        return dataclasses.replace(draft, actives=self.actives.values(), budget_usd_per_month=budget)
