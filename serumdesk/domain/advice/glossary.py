"""Plain words for the jargon a sheet or card may use, said once, after the term's first use.

One glossary for every surface: a printed sheet for a patient follows each term with its
plain meaning the first time it appears (`Explainer`). The meanings are SerumDesk's own
wording of what the guide and product facts say these ingredients are.

A term is found as English writes it (product and INCI names stay English in every language)
and as the language the text is made in writes it: its forms are translated with the
context "glossary term", every form a text may use separated by "|" ("factor de
crecimiento|factores de crecimiento").
"""

from __future__ import annotations

import re

from serumdesk.i18n import N_, _, current_language, pgettext

GLOSSARY: dict[str, str] = {
    "non-biologic alternative": N_("ordinary skincare ingredients, nothing grown from cells"),
    "conditioned media": N_("the liquid cells were grown in, with what they released into it"),
    "exosome": N_("tiny packets of material that cells release"),
    "cell lysate": N_("the contents of cells that were broken open"),
    "growth factor": N_("proteins that signal skin cells to repair and renew"),
    "sh-oligopeptide-1": N_(
        "a copy of a human skin growth factor (EGF), made by engineered plants or microbes"
    ),
    "plant cell culture": N_("plant cells grown in a lab"),
    "fibroblast": N_("the skin cells that make collagen"),
    "peptide": N_("short chains of amino acids"),
    "retinoid": N_("vitamin A creams such as retinol or tretinoin"),
    "occlusive": N_("a thick layer that seals moisture in"),
    "niacinamide": N_("vitamin B3"),
}
"""Term (English, lower case) → plain words, marked with N_ (translated where explained).
Longer terms are matched before shorter ones."""


def _translated_forms() -> dict[str, str]:
    """Each term as the current language writes it, its forms separated by '|'."""
    # TRANSLATORS: "glossary term": write every form the term takes in a text (singular,
    # plural), separated by "|", as in "factor de crecimiento|factores de crecimiento".
    return {
        "non-biologic alternative": pgettext("glossary term", "non-biologic alternative"),
        "conditioned media": pgettext("glossary term", "conditioned media"),
        "exosome": pgettext("glossary term", "exosome"),
        "cell lysate": pgettext("glossary term", "cell lysate"),
        "growth factor": pgettext("glossary term", "growth factor"),
        "sh-oligopeptide-1": pgettext("glossary term", "sh-oligopeptide-1"),
        "plant cell culture": pgettext("glossary term", "plant cell culture"),
        "fibroblast": pgettext("glossary term", "fibroblast"),
        "peptide": pgettext("glossary term", "peptide"),
        "retinoid": pgettext("glossary term", "retinoid"),
        "occlusive": pgettext("glossary term", "occlusive"),
        "niacinamide": pgettext("glossary term", "niacinamide"),
    }


_patterns: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
"""By language: the pattern that finds every term, and each form (lower case) → its term.
Keyed by language, so a sheet made in another language never reads this one's words."""


def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    language = current_language()
    if language not in _patterns:
        forms: dict[str, str] = {}
        for term, written in _translated_forms().items():
            for form in (term, *written.split("|")):
                form = form.strip().lower()
                if form:
                    forms.setdefault(form, term)
        pattern = re.compile(
            "|".join(rf"\b{re.escape(f)}s?\b(?!-)" for f in sorted(forms, key=len, reverse=True)),
            re.IGNORECASE,
        )
        _patterns[language] = (pattern, forms)
    return _patterns[language]


class Explainer:
    """Follows each glossary term with its plain words the first time it is met.

    One per document: texts are passed in reading order, and a term explained once is left
    alone after that.
    """

    def __init__(self) -> None:
        self.explained: set[str] = set()

    def __call__(self, text: str) -> str:
        pattern, forms = _pattern()

        def explain(match: re.Match[str]) -> str:
            word = match.group(0)
            said = word.lower()
            term = forms.get(said) or forms.get(said.removesuffix("s"))
            if term is None or term in self.explained:
                return word
            self.explained.add(term)
            return f"{word} ({_(GLOSSARY[term])})"

        return pattern.sub(explain, text)
