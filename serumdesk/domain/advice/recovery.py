"""The phase after an in-office procedure: one definition for every rule and surface.

The guide: keep using the reparative serum "for the recovery window (usually 1–2 weeks)",
then go back to the usual routine; the provider's post-care instructions come first. A
fully ablative laser removes the skin's surface, and healing takes longer: new skin covers
it in one to two weeks and full recovery takes at least a month (medical.LASER_RESURFACING).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from serumdesk.domain import guide, medical
from serumdesk.domain.choices import LaserType, Procedure
from serumdesk.domain.sources import Source
from serumdesk.i18n import N_, _

RECOVERY_WINDOW_DAYS = (7, 14)
"""The guide's "usually 1–2 weeks", as the shortest and longest window in days."""
LAST_RECOVERY_DAY = RECOVERY_WINDOW_DAYS[1]
RECOVERY_WINDOW_WORDS = N_("7–14 days")
"""The guide's window in words, marked with N_: translated where it is said, `_(…)`."""


class Phase(StrEnum):
    """Where the skin is after a procedure."""

    FRESH = "fresh"
    """The first days: only the provider's products on open or raw skin."""
    RECOVERING = "recovering"
    """Still inside the recovery window: strong actives stay paused."""
    MAINTENANCE = "maintenance"
    """Past the window: the everyday routine, ranked for maintenance."""

    @property
    def healing(self) -> bool:
        """Inside the recovery window: the recovery rules come first."""
        return self is not Phase.MAINTENANCE


@dataclass(frozen=True, slots=True)
class Window:
    """How long a procedure's skin counts as fresh, then as recovering."""

    fresh_days: int
    last_day: int
    words_message: str
    """How long, in words, marked with N_."""
    source: Source

    @property
    def words(self) -> str:
        """How long, in the language text is made in now: '7–14 days'."""
        return _(self.words_message)


GUIDE_WINDOW = Window(RECOVERY_WINDOW_DAYS[0], LAST_RECOVERY_DAY, RECOVERY_WINDOW_WORDS, guide.EXAMPLES)
ABLATIVE_WINDOW = Window(14, 30, N_("about a month"), medical.LASER_RESURFACING)
"""New skin in one to two weeks; full recovery at least a month."""


def window_for(procedure: Procedure | None, laser_type: LaserType | None) -> Window:
    """The ablative window for a fully ablative laser; the guide's for everything else (for
    a laser of unknown type the provider's instructions are said to come first)."""
    if procedure is Procedure.LASER and laser_type is LaserType.ABLATIVE:
        return ABLATIVE_WINDOW
    return GUIDE_WINDOW


def phase_for(days_since_procedure: int | None, window: Window) -> Phase:
    """Not sure how long ago counts as fresh: treated as healing, the safe side."""
    if days_since_procedure is None or days_since_procedure <= window.fresh_days:
        return Phase.FRESH
    if days_since_procedure <= window.last_day:
        return Phase.RECOVERING
    return Phase.MAINTENANCE


def in_recovery_window(days_since_procedure: int | None) -> bool:
    """Freshly treated skin in the guide's window, or not sure how long ago."""
    return phase_for(days_since_procedure, GUIDE_WINDOW).healing
