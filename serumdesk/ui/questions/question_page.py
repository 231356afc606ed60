"""The shared shape of the wizard's question pages: fill from the answers, validate, write back.

Each page fills its controls from the work state's `Answers` in `initializePage`, checks
them in `validatePage` and writes back with `dataclasses.replace` (Picard's setupwizard
style). Valid edits are written back as they are made, so what is on screen is what a
saved profile keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from serumdesk.domain.answers import Answers
from serumdesk.i18n import _
from serumdesk.ui.widgets.style import apply_tone, em, plain_label

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from serumdesk.ui.work_state import WorkState


class QuestionPage(QWizardPage):
    """A wizard page that asks one thing; subclasses implement build, fill and read."""

    heading_text: ClassVar[str] = ""
    why: ClassVar[str] = ""
    """One line saying why the page asks; shown as the page's subtitle."""

    first_painted = Signal()
    """The page was painted for the first time (start-up waits for this to do the rest)."""

    def __init__(self, state: WorkState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(_(self.heading_text))
        self.setSubTitle(self.subtitle())
        self.step_text = ""
        self._filling = False
        self._painted = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The questions scroll when the window is short (1366 × 768 at 1.5× scale leaves about
        # 500 px): the page's content never makes the window taller than the screen, and Back
        # and Next stay on it. A transparent area: the page looks the same when it fits.
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.viewport().setAutoFillBackground(False)
        content = QWidget()
        content.setAutoFillBackground(False)
        inner = QVBoxLayout(content)
        inner.setSpacing(em(self) // 2)
        self.build(inner)
        inner.addStretch(1)
        scroller.setWidget(content)
        content.installEventFilter(self)
        layout.addWidget(scroller, 1)
        self.error_label = plain_label()
        self.error_label.setObjectName("pageError")
        self.error_label.setAccessibleName(_("Problem on this page"))
        self.error_label.setContentsMargins(em(self) // 2, em(self) // 3, em(self) // 2, em(self) // 3)
        self.error_label.hide()
        layout.addWidget(self.error_label)

    def show_step(self, number: int, total: int) -> None:
        """'Step 2 of 6' in the page's header, before why it asks (the wizard knows the path;
        in the header, it costs the page no height)."""
        self.step_text = _("Step {number} of {total}").format(number=number, total=total)
        self.setSubTitle(f"{self.step_text} · {self.subtitle()}")

    def subtitle(self) -> str:
        """Why the page asks (`why`), in the language shown."""
        return _(self.why)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._on_painted()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The questions are painted in the scroll area, which covers the page itself.
        if event.type() == QEvent.Type.Paint:
            self._on_painted()
        return super().eventFilter(watched, event)

    def _on_painted(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    # -- for subclasses ------------------------------------------------------------------
    def build(self, layout: QVBoxLayout) -> None:
        raise NotImplementedError

    def fill(self, draft: Answers) -> None:
        raise NotImplementedError

    def read(self, draft: Answers) -> Answers | str:
        """The draft with this page's answers, or a message saying what to fix."""
        raise NotImplementedError

    def read_live(self, draft: Answers) -> Answers | str:
        """What an edit writes back before Next confirms it (read() unless a page differs)."""
        return self.read(draft)

    # -- shared behaviour ----------------------------------------------------------------

    def watch(self, *signals: object) -> None:
        """Report edits made through these signals (each a bound Qt signal)."""
        for signal in signals:
            signal.connect(self._on_edit)  # type: ignore[attr-defined]

    def watch_group(self, group: QButtonGroup) -> None:
        group.buttonToggled.connect(self._on_toggle)

    def _on_toggle(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._on_edit()

    def _on_edit(self, *_args: object) -> None:
        if self._filling:
            return
        self.error_label.hide()
        result = self.read_live(self.state.answers)
        if isinstance(result, Answers):
            self.state.edit_answers(result)
        self.completeChanged.emit()

    def initializePage(self) -> None:
        self._filling = True
        try:
            self.fill(self.state.answers)
        finally:
            self._filling = False
        self.error_label.hide()

    def cleanupPage(self) -> None:
        pass  # going Back keeps what was entered: valid edits are already in the state

    def validatePage(self) -> bool:
        result = self.read(self.state.answers)
        if isinstance(result, str):
            self.show_error(result)
            return False
        self.state.edit_answers(result)
        return True

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setAccessibleDescription(message)  # its words, not only its name
        apply_tone(self.error_label, "clinician")
        self.error_label.show()
        self.error_label.setFocus()


def section_label(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
