"""Names of the guide's sections that rules cite, so every reason can say where it comes from."""

from __future__ import annotations

SOURCES = "The different sources and what they contribute"
EVIDENCE = "Evidence and limitations: how much is proven?"
SAFETY = "Safety, sourcing, and regulatory considerations"
CHOOSING = "How to choose a stem cell serum: practical criteria"
ROUTINE = "How to use stem cell-derived products in a routine"
DECISION = "Cost, value, and realistic expectations: real-world decision framework"
SNAPSHOTS = "Product snapshots and when to consider each"
TIMELINE = "Real-world results and timelines"
AVOID = "Who should avoid or use caution"
EXAMPLES = "Practical routine examples"
ALTERNATIVES = "Cost-saving and alternatives"
FAQ = "FAQ"
