"""The recovery window after an in-office procedure: one definition for every rule and surface.

The guide: keep using the reparative serum "for the recovery window (usually 1–2 weeks)",
then go back to the usual routine; the provider's post-care instructions come first.
"""

from __future__ import annotations

RECOVERY_WINDOW_DAYS = (7, 14)
"""The guide's "usually 1–2 weeks", as the shortest and longest window in days."""
LAST_RECOVERY_DAY = RECOVERY_WINDOW_DAYS[1]
RECOVERY_WINDOW_WORDS = "7–14 days"


def in_recovery_window(days_since_procedure: int | None) -> bool:
    """Freshly treated skin: within the window, or not sure how long ago (treated as healing)."""
    return days_since_procedure is None or days_since_procedure <= LAST_RECOVERY_DAY
