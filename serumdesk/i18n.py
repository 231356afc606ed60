"""SerumDesk's own text in the person's language, through gettext (no Qt: the domain and the
command line use it too).

Catalogues are written as .po files in resources/locale/<lang>/LC_MESSAGES/serumdesk.po and
compiled to .mo when the package is built (hatch_build.py, with Babel); the .mo files are not
committed. A language counts as available only when its compiled catalogue is there, so
SerumDesk never shows a half-translated mix: without one it stays in English, dates included.
Qt's own buttons and dialogs are translated from Qt's qtbase catalogue (ui/translations.py).

The active catalogue is process-wide, as gettext's own is: the app and each command choose it
once at start (`install`), before any text is made.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "serumdesk"
SOURCE_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
"""Languages SerumDesk has or plans a catalogue for, by ISO 639-1 code."""

_active: NullTranslations | None = None
"""None for English, the source language: nothing to look up, and gettext is not even
imported before the first window is painted (tests/benchmarks: start-up)."""
_language = SOURCE_LANGUAGE


class LanguageError(ValueError):
    """A language SerumDesk cannot show; str() names the ones it can."""


def normalize(name: str) -> str:
    """'es_ES.UTF-8', 'es-MX' or 'ES' → 'es'; 'C' and 'POSIX' → 'en'."""
    base = name.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_").split("_", 1)[0]
    code = base.lower()
    return SOURCE_LANGUAGE if code in ("", "c", "posix") else code


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the person's session asks for: LANGUAGE, LC_ALL, LC_MESSAGES, then LANG."""
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return normalize(value.split(":", 1)[0])
    return SOURCE_LANGUAGE


def available_languages(folder: Path) -> list[str]:
    """English, and every language whose compiled catalogue is in `folder`."""
    found = {SOURCE_LANGUAGE}
    if folder.is_dir():
        found |= {mo.parent.parent.name for mo in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}
    return sorted(found)


def describe(languages: list[str]) -> str:
    return ", ".join(f"{code} ({LANGUAGE_NAMES.get(code, code)})" for code in languages)


def check_language(name: str, folder: Path) -> str:
    """The code for `name` when SerumDesk can show it; LanguageError names those it can."""
    code = normalize(name)
    available = available_languages(folder)
    if code not in available:
        what = LANGUAGE_NAMES.get(code, f"'{name[:20]}'")
        raise LanguageError(f"SerumDesk has no {what} translation yet; it can show "
                            f"{describe(available)}")
    return code


def install(language: str, folder: Path) -> str:
    """Make `language` the one text is shown in; a language without a catalogue falls back to
    English. Returns the language now in use."""
    global _active, _language
    code = normalize(language)
    if code != SOURCE_LANGUAGE and code not in available_languages(folder):
        code = SOURCE_LANGUAGE
    if code == SOURCE_LANGUAGE:
        _active = None
    else:
        import gettext

        _active = gettext.translation(DOMAIN, folder, [code])
    _language = code
    return code


def current_language() -> str:
    return _language


def _(message: str) -> str:
    """`message` in the current language (itself when it has no translation)."""
    return message if _active is None else _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural for `count`, by the current language's plural rule."""
    if _active is None:
        return singular if count == 1 else plural
    return _active.ngettext(singular, plural, count)
