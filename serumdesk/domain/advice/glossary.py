"""Plain words for the jargon a sheet or card may use, said once, after the term's first use.

One glossary for every surface: a printed sheet for a patient follows each term with its
plain meaning the first time it appears (`Explainer`). The meanings are SerumDesk's own
wording of what the guide and product facts say these ingredients are.
"""

from __future__ import annotations

import re

GLOSSARY: dict[str, str] = {
    "non-biologic alternative": "ordinary skincare ingredients, nothing grown from cells",
    "conditioned media": "the liquid cells were grown in, with what they released into it",
    "exosome": "tiny packets of material that cells release",
    "cell lysate": "the contents of cells that were broken open",
    "growth factor": "proteins that signal skin cells to repair and renew",
    "sh-oligopeptide-1": "a copy of a human skin growth factor (EGF), made by engineered plants or microbes",
    "plant cell culture": "plant cells grown in a lab",
    "fibroblast": "the skin cells that make collagen",
    "peptide": "short chains of amino acids",
    "retinoid": "vitamin A creams such as retinol or tretinoin",
    "occlusive": "a thick layer that seals moisture in",
    "niacinamide": "vitamin B3",
}
"""Term (lower case) → plain words. Longer terms are matched before shorter ones."""

_TERMS = re.compile(
    "|".join(rf"\b{re.escape(t)}s?\b(?!-)" for t in sorted(GLOSSARY, key=len, reverse=True)), re.IGNORECASE
)


class Explainer:
    """Follows each glossary term with its plain words the first time it is met.

    One per document: texts are passed in reading order, and a term explained once is left
    alone after that.
    """

    def __init__(self) -> None:
        self.explained: set[str] = set()

    def __call__(self, text: str) -> str:
        def explain(match: re.Match[str]) -> str:
            word = match.group(0)
            term = word.lower()
            key = term if term in GLOSSARY else term.removesuffix("s")
            if key in self.explained or key not in GLOSSARY:
                return word
            self.explained.add(key)
            return f"{word} ({GLOSSARY[key]})"

        return _TERMS.sub(explain, text)
