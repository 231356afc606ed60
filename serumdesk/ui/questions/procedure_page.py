"""Asked after a procedure, whatever the goal: which one, how long ago, and which laser."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QFormLayout, QSpinBox, QVBoxLayout

from serumdesk.domain.advice.recovery import LAST_RECOVERY_DAY
from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import LaserType, Procedure
from serumdesk.domain.strict.numbers import DAYS_SINCE_PROCEDURE
from serumdesk.i18n import N_, _
from serumdesk.ui.questions.question_page import QuestionPage, section_label
from serumdesk.ui.widgets.choices import RadioChoice
from serumdesk.ui.widgets.style import plain_label, set_tip
from serumdesk.ui.widgets.wheel_guard import wheel_only_when_focused

NOT_SURE = -1


class ProcedurePage(QuestionPage):
    heading_text = N_("About your procedure")
    why = N_("Freshly treated skin (about the first {days} days) needs gentler formulas and no exfoliants.")

    def subtitle(self) -> str:
        return _(self.why).format(days=LAST_RECOVERY_DAY)

    def build(self, layout: QVBoxLayout) -> None:
        layout.addWidget(section_label(_("Which procedure did you have? (required)")))
        self.choice: RadioChoice[Procedure] = RadioChoice(
            _("Procedure"), [(p, p.label, "") for p in Procedure]
        )
        self.watch_group(self.choice.group)
        layout.addWidget(self.choice)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.days = wheel_only_when_focused(QSpinBox())
        self.days.setRange(NOT_SURE, int(DAYS_SINCE_PROCEDURE.maximum))  # as files and options
        self.days.setSpecialValueText(_("Not sure"))
        self.days.setSuffix(_(" days ago"))
        self.days.setAccessibleName(_("Days since the procedure"))
        set_tip(self.days, _("0 means today. 'Not sure' is treated as still healing."))
        self.watch(self.days.valueChanged)
        when = plain_label(_("How long ago?"), wrap=False)
        when.setBuddy(self.days)
        form.addRow(when, self.days)
        layout.addLayout(form)
        self.laser_label = section_label(_("Which kind of laser?"))
        layout.addWidget(self.laser_label)
        self.laser: RadioChoice[LaserType] = RadioChoice(
            _("Laser type"), [(t, t.label, "") for t in LaserType]
        )
        self.watch_group(self.laser.group)
        layout.addWidget(self.laser)
        self.choice.group.buttonToggled.connect(self._show_laser)

    def _show_laser(self, *_args: object) -> None:
        """An ablative laser heals for longer: asked only when the procedure is a laser."""
        shown = self.choice.value() is Procedure.LASER
        self.laser_label.setVisible(shown)
        self.laser.setVisible(shown)

    def fill(self, draft: Answers) -> None:
        self.choice.set_value(draft.procedure)
        days = draft.days_since_procedure
        self.days.setValue(NOT_SURE if days is None else days)
        self.laser.set_value(draft.laser_type)
        self._show_laser()

    def read(self, draft: Answers) -> Answers | str:
        procedure = self.choice.value()
        if procedure is None:
            return _("Choose the procedure you had (or 'Another in-office treatment').")
        days = self.days.value()
        laser = self.laser.value() if procedure is Procedure.LASER else None
        return dataclasses.replace(
            draft,
            procedure=procedure,
            days_since_procedure=None if days == NOT_SURE else days,
            laser_type=laser,
        )
