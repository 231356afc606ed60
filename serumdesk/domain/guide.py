"""The guide's sections that SerumDesk's rules and advice cite, as sources."""

from __future__ import annotations

from serumdesk.domain.sources import from_guide

EVIDENCE = from_guide("Evidence and limitations: how much is proven?")
SAFETY = from_guide("Safety, sourcing, and regulatory considerations")
CHOOSING = from_guide("How to choose a stem cell serum: practical criteria")
ROUTINE = from_guide("How to use stem cell-derived products in a routine")
DECISION = from_guide("Cost, value, and realistic expectations: real-world decision framework")
SNAPSHOTS = from_guide("Product snapshots and when to consider each")
TIMELINE = from_guide("Real-world results and timelines")
AVOID = from_guide("Who should avoid or use caution")
EXAMPLES = from_guide("Practical routine examples")
ALTERNATIVES = from_guide("Cost-saving and alternatives")
FAQ = from_guide("FAQ")
