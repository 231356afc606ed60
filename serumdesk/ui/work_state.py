"""The person's work in one model: answers, their own cost figures, the compared products and
their bottles, with a signal when the person changes any of it.

app.py makes one and passes it to the wizard's pages, the results and the profile actions;
nothing looks it up through a parent widget.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from serumdesk.domain.answers import NO_OVERRIDE, Answers, Overrides, ProductOverride

if TYPE_CHECKING:
    # Only for annotations: bottles bring datetime and calendar, which the first page does not need.
    from serumdesk.domain.bottles import Bottle


class WorkState(QObject):
    changed = Signal()
    """The person edited an answer, a cost figure, the compared products or a bottle."""
    replaced = Signal()
    """Everything was replaced at once (a profile opened, or a new one started): views refill."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._answers = Answers()
        self._overrides = Overrides()
        self._compared: tuple[str, ...] = ()
        self._compared_for: Answers | None = None
        """The answers the comparison was chosen for; new answers start from the new top 3."""
        self._bottles: tuple[Bottle, ...] = ()
        self._fresh = True

    # -- reading ----------------------------------------------------------------------------
    @property
    def answers(self) -> Answers:
        return self._answers

    @property
    def overrides(self) -> Overrides:
        return self._overrides

    @property
    def compared_ids(self) -> tuple[str, ...]:
        return self._compared

    @property
    def bottles(self) -> tuple[Bottle, ...]:
        return self._bottles

    @property
    def fresh(self) -> bool:
        """No answer given yet (a new profile): questions show no choice made for the person."""
        return self._fresh

    def compared_ids_for(self, answers: Answers) -> tuple[str, ...]:
        """The comparison chosen for these answers, or () when it was chosen for others."""
        return self._compared if self._compared_for == answers else ()

    # -- the person's edits: each emits `changed` ----------------------------------------------
    def edit_answers(self, answers: Answers) -> None:
        self._fresh = False
        if answers != self._answers:
            self._answers = answers
            self.changed.emit()

    def edit_override(self, product_id: str, override: ProductOverride) -> None:
        by_product = dict(self._overrides.by_product)
        if override == NO_OVERRIDE:
            by_product.pop(product_id, None)
        else:
            by_product[product_id] = override
        self._overrides = dataclasses.replace(self._overrides, by_product=by_product)
        self.changed.emit()

    def edit_compared(self, ids: Sequence[str]) -> None:
        self._compared, self._compared_for = tuple(ids), self._answers
        self.changed.emit()

    def edit_bottles(self, bottles: Sequence[Bottle]) -> None:
        if tuple(bottles) != self._bottles:
            self._bottles = tuple(bottles)
            self.changed.emit()

    # -- set by the app, not edits ----------------------------------------------------------------
    def settle_compared(self, ids: Sequence[str]) -> None:
        """The comparison the results settled on after the answers changed (not an edit)."""
        self._compared, self._compared_for = tuple(ids), self._answers

    def replace(
        self,
        answers: Answers | None = None,
        overrides: Overrides | None = None,
        compared_ids: Sequence[str] = (),
        bottles: Sequence[Bottle] = (),
    ) -> None:
        """Replace everything (opening a profile, New profile); emits `replaced`, not `changed`."""
        self._answers = answers or Answers()
        self._fresh = answers is None
        self._overrides = overrides or Overrides()
        self._compared = tuple(compared_ids)
        self._compared_for = self._answers
        self._bottles = tuple(bottles)
        self.replaced.emit()
