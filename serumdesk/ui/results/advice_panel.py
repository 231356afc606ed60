"""Below the cards: exclusions, cheaper alternatives, routine, patch test, timeline, note."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from serumdesk.domain import guide
from serumdesk.domain.advice.recommendation import Recommendation
from serumdesk.domain.advice.routine import NOT_ADVICE
from serumdesk.domain.advice.wording import money
from serumdesk.domain.catalog import product_text
from serumdesk.domain.sources import Source
from serumdesk.i18n import _
from serumdesk.ui.widgets.style import SecondaryLabel, em, heading, plain_label


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _cited(text: str, source: Source) -> str:
    return f"{text} ({source.cite()})"


class AdvicePanel(QWidget):
    """Plain-text sections; every catalog string goes through a PlainText label."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName(_("Routine and other advice"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(em(self) // 2)
        self.excluded_heading = heading(_("Not included, and why"))
        self.excluded = plain_label(selectable=True)
        self.alternatives_heading = heading(_("Lower-cost alternatives the guide names"))
        self.alternatives = plain_label(selectable=True)
        routine_heading = heading(_("Your routine"))
        routine = QGridLayout()
        routine.setHorizontalSpacing(em(self) * 2)
        self.am = plain_label(selectable=True)
        self.pm = plain_label(selectable=True)
        am_title = heading(_("Morning"), 1.0)
        pm_title = heading(_("Evening"), 1.0)
        top = Qt.AlignmentFlag.AlignTop
        routine.addWidget(am_title, 0, 0, top)
        routine.addWidget(pm_title, 0, 1, top)
        routine.addWidget(self.am, 1, 0, top)
        routine.addWidget(self.pm, 1, 1, top)
        routine.setColumnStretch(0, 1)
        routine.setColumnStretch(1, 1)
        self.pairing = plain_label(selectable=True)
        patch_heading = heading(_("Patch test first"))
        self.patch = plain_label(selectable=True)
        self.patch_log = SecondaryLabel(
            _("Note the day you put it on in File ▸ Your bottles (Ctrl+B): SerumDesk tells you when to look.")
        )
        timeline_heading = heading(_("What to expect, and when"))
        self.timeline: QLabel = plain_label(selectable=True)
        self.not_advice = plain_label(_(NOT_ADVICE), selectable=True)
        self.not_advice.setObjectName("notAdvice")
        self.not_advice.setStyleSheet(
            "#notAdvice { border: 1px solid palette(mid); border-radius: 4px; background: "
            "palette(alternate-base); color: palette(window-text); }"
        )
        self.not_advice.setContentsMargins(em(self) // 2, em(self) // 2, em(self) // 2, em(self) // 2)
        self.not_advice.setAccessibleName(_("Not medical advice"))
        self.not_advice.setAccessibleDescription(_(NOT_ADVICE))
        self.catalog_line = SecondaryLabel()
        about_heading = heading(_("What these serums are"))
        self.about = plain_label(selectable=True)
        self.about.setObjectName("aboutTheseSerums")
        gap = em(self)
        for widget in (
            self.excluded_heading,
            self.excluded,
            self.alternatives_heading,
            self.alternatives,
            routine_heading,
        ):
            if widget in (self.alternatives_heading, routine_heading):
                layout.addSpacing(gap)
            layout.addWidget(widget)
        layout.addLayout(routine)
        for widget in (
            self.pairing,
            patch_heading,
            self.patch,
            self.patch_log,
            timeline_heading,
            self.timeline,
            about_heading,
            self.about,
            self.not_advice,
            self.catalog_line,
        ):
            if widget in (patch_heading, timeline_heading, about_heading, self.not_advice):
                layout.addSpacing(gap)
            layout.addWidget(widget)

    def show_recommendation(
        self, rec: Recommendation, serum_title: str | None, compared: Collection[str] = ()
    ) -> None:
        """`compared`: ids on the cards above; a cheaper alternative among them is not
        listed again."""
        excluded = [f"{e.product.title}: {' '.join(r.text for r in e.reasons)}" for e in rec.excluded]
        self.excluded.setText(_bullets(excluded) if excluded else _("Nothing was left out for your answers."))
        alternatives = [
            _("{title} — {money} a month").format(
                title=m.product.title, money=money(m.cost.cost_per_month_usd)
            )
            + (_(" (over budget)") if m.over_budget else "")
            + f". {product_text.description(m.product)}"
            for m in rec.ranking.alternatives
            if m.product.id not in compared
        ]
        above = any(m.product.id in compared for m in rec.ranking.alternatives)
        self.alternatives.setText(
            _bullets(alternatives)
            if alternatives
            else _("The guide's lower-cost alternatives for your answers are compared above.")
            if above
            else _("None of the guide's lower-cost alternatives is left for your answers.")
        )
        self.am.setText("\n".join(f"{i}. {step}" for i, step in enumerate(rec.routine.am, 1)))
        self.pm.setText("\n".join(f"{i}. {step}" for i, step in enumerate(rec.routine.pm, 1)))
        self.pairing.setText(_bullets([_cited(n.text, n.source) for n in rec.routine.notes]))
        self.patch.setText(_cited(rec.patch_test.text, rec.patch_test.source))
        self.timeline.setText(
            "\n".join(f"{s.when}: {s.expect}" for s in rec.timeline) + f"\n({guide.TIMELINE.cite()})"
        )
        self.about.setText(_bullets([_cited(s.text, s.source) for s in rec.about]))
        self.catalog_line.setText(
            _("Catalog {catalog_version}, updated {isoformat}.").format(
                catalog_version=rec.catalog_version, isoformat=rec.catalog_updated.isoformat()
            )
            + (_(" Routine shown for {serum_title}.").format(serum_title=serum_title) if serum_title else "")
        )
