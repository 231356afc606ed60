"""Numbers as the language text is made in writes them: '1,234.50' in English, '1234,50' and
'12.345,50' in Spanish (CLDR: a decimal comma, and a thousands point only from five digits).

Money stays US dollars in every language, marked '$' before the figure; the sheet says once
that figures are US dollars. Every number a person reads goes through here, never through a
format spec such as '{x:,.2f}' inside a translatable text, which would keep English
separators in every language.
"""

from __future__ import annotations

from serumdesk.i18n import current_language

SEPARATORS = {"en": (",", ".", 1), "es": (".", ",", 2)}
"""(thousands separator, decimal separator, fewest digits before the first group) by language."""


def _language(language: str | None) -> str:
    if language is None:
        # Imported with the module, not here: a ranking words two sums for each of a thousand
        # products, and an import statement per call costs more than the wording (benchmark row 4).
        language = current_language()
    return language if language in SEPARATORS else "en"


def decimal(value: float, places: int = 2, language: str | None = None) -> str:
    """`value` with `places` decimals: decimal(1234.5) is '1,234.50' in English and
    '1234,50' in Spanish."""
    group, point, min_grouping = SEPARATORS[_language(language)]
    text = f"{abs(value):.{places}f}"
    whole, _dot, fraction = text.partition(".")
    if len(whole) >= 3 + min_grouping:
        first = len(whole) % 3 or 3
        whole = whole[:first] + "".join(group + whole[i : i + 3] for i in range(first, len(whole), 3))
    sign = "-" if value < 0 and text.strip("0.") else ""
    return sign + whole + (point + fraction if fraction else "")


def whole(value: int, language: str | None = None) -> str:
    """A count: whole(16000) is '16,000' in English and '16.000' in Spanish."""
    return decimal(value, 0, language)


def figure(value: float, language: str | None = None) -> str:
    """A measured figure with no trailing zeros, as '{:g}' gives it: 28.4 is '28,4' in
    Spanish, 30.0 is '30'."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    places = len(text.partition(".")[2])
    return decimal(value, places, language)


def money(value: float, places: int = 2, language: str | None = None) -> str:
    """US dollars: '$1,234.50' in English, '$1234,50' in Spanish."""
    return f"${decimal(value, places, language)}"
