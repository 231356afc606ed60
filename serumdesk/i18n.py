"""SerumDesk's own text in the person's language, through gettext (no Qt: the domain and the
command line use it too).

Catalogues are written as .po files in resources/locale/<lang>/LC_MESSAGES/serumdesk.po and
compiled to .mo when the package is built (hatch_build.py, with Babel); the .mo files are not
committed. A language counts as available only when its compiled catalogue is there, so
SerumDesk never shows a half-translated mix: without one it stays in English, dates included.
Qt's own buttons and dialogs are translated from Qt's qtbase catalogue (ui/translations.py).

The active catalogue is process-wide, as gettext's own is: the app and each command choose it
once at start (`install`), before any text is made. A sheet printed in the patient's language
is made inside `override(language)`, which changes the language for the code running in that
block only (a context variable, as Django's `translation.override`), so the app around it
stays in its own language.

Text made at import time (module constants) is marked with `N_` and translated where it is
shown, with `_(CONSTANT)`, so the language may change after the import.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

DOMAIN = "serumdesk"
SOURCE_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
"""Languages SerumDesk has or plans a catalogue for, by ISO 639-1 code."""
NATIVE_NAMES = {"en": "English", "es": "Español"}
"""Each language as its speakers write it: the Language menu lists them so, whatever the
language SerumDesk is shown in, a person finds their own."""

_active: NullTranslations | None = None
"""None for English, the source language: nothing to look up, and gettext is not even
imported before the first window is painted (tests/benchmarks: start-up)."""
_language = SOURCE_LANGUAGE
_folder: Path | None = None
"""Where `install` found the catalogues; `override` looks there too."""
_loaded: dict[tuple[str, Path], NullTranslations] = {}
"""Catalogues already read, by language and folder: a sheet printed twice reads it once."""

_NOT_OVERRIDDEN = ("", None)
_override: ContextVar[tuple[str, NullTranslations | None]] = ContextVar(
    "serumdesk_language", default=_NOT_OVERRIDDEN
)


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
        raise LanguageError(
            _("SerumDesk has no {what} translation yet; it can show {languages}").format(
                what=what, languages=describe(available)
            )
        )
    return code


def install(language: str, folder: Path) -> str:
    """Make `language` the one text is shown in; a language without a catalogue falls back to
    English. Returns the language now in use."""
    global _active, _language, _folder
    code = normalize(language)
    if code != SOURCE_LANGUAGE and code not in available_languages(folder):
        code = SOURCE_LANGUAGE
    _active = _catalogue(code, folder)
    _language = code
    _folder = folder
    return code


def _catalogue(code: str, folder: Path) -> NullTranslations | None:
    """The compiled catalogue of `code` in `folder` (None for English or when there is none)."""
    if code == SOURCE_LANGUAGE or code not in available_languages(folder):
        return None
    key = (code, folder)
    if key not in _loaded:
        import gettext

        _loaded[key] = gettext.translation(DOMAIN, folder, [code])
    return _loaded[key]


@contextmanager
def override(language: str, folder: Path | None = None) -> Iterator[str]:
    """Inside the block, text is made in `language` (English when SerumDesk has no catalogue
    for it), whatever the app's language; yields the language used. For a sheet in the
    patient's language: `with override("es"): html = sheet_html(...)`."""
    if folder is None:
        from serumdesk.storage.paths import locale_dir

        folder = _folder or locale_dir()
    code = normalize(language)
    active = _catalogue(code, folder)
    used = code if active is not None else SOURCE_LANGUAGE
    token = _override.set((used, active))
    try:
        yield used
    finally:
        _override.reset(token)


def _translations() -> NullTranslations | None:
    language, active = _override.get()
    return active if language else _active


def current_language() -> str:
    """The language text is made in here: an `override`'s, else the one installed."""
    language, _active_here = _override.get()
    return language or _language


def N_(message: str) -> str:  # noqa: N802 - gettext's own name, which Babel extracts
    """Mark `message` for translation without translating it: for text made at import time,
    translated with `_()` where it is shown."""
    return message


def _(message: str) -> str:
    """`message` in the current language (itself when it has no translation)."""
    active = _translations()
    return message if active is None else active.gettext(message)


def shown(text: str) -> str:
    """A bundled data file's prose (a product's description, an ingredient's explanation) in
    the current language: its translation when the catalogue has one, else as written, as a
    person's own serum or an imported catalog is. '' stays '' (gettext would answer the
    catalogue's header). scripts/catalogues.py extracts that prose for the translators."""
    return _(text) if text else text


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural for `count`, by the current language's plural rule."""
    active = _translations()
    if active is None:
        return singular if count == 1 else plural
    return active.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` as said in `context`, for a word that translates differently by its use."""
    active = _translations()
    return message if active is None else active.pgettext(context, message)
