"""The language a sheet is written in: the patient's, chosen when it is printed or exported,
whatever the app's (serumdesk/i18n.py: override)."""

from __future__ import annotations

from collections.abc import Callable

from serumdesk.domain.advice.recommendation import Recommendation

Remake = Callable[[], Recommendation]
"""Rank again, with the same answers and catalog: a sheet in another language than the app's
is made from a recommendation worded in that language (inside i18n.override)."""


def sheet_languages() -> list[tuple[str, str]]:
    """(code, name as its speakers write it) of each language a sheet can be written in."""
    from serumdesk import i18n
    from serumdesk.storage.paths import locale_dir

    return [(code, i18n.NATIVE_NAMES.get(code, code)) for code in i18n.available_languages(locale_dir())]


def recommendation_in(language: str, rec: Recommendation, remake: Remake | None) -> Recommendation:
    """`rec` worded in `language`: ranked again inside override(language) when that is not the
    language it was made in (and `remake` can). Called inside or outside that override alike:
    the print preview calls it while painting in the sheet's language, where comparing with
    the language in use would always find them equal."""
    if remake is None or language == rec.language:
        return rec
    from serumdesk.i18n import override

    with override(language):
        return remake()
