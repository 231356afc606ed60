"""Remembers the main window's size and position, and the language chosen in the Language menu,
in an INI file in the user config folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from serumdesk.storage.paths import settings_file

_GEOMETRY_KEY = "main_window/geometry"
LANGUAGE_KEY = "app/language"
"""A language code (ui/language_menu.py), or absent to follow the session's language."""
FOLLOW_SYSTEM = ""


def open_settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget) -> bool:
    """Put the window back where it was; False when nothing usable was stored."""
    value = open_settings().value(_GEOMETRY_KEY)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return window.restoreGeometry(value)
    return False


def save_geometry(window: QWidget) -> None:
    settings = open_settings()
    settings.setValue(_GEOMETRY_KEY, window.saveGeometry())
    settings.sync()


def saved_language() -> str | None:
    """The language chosen in the Language menu; None to follow the session's."""
    from serumdesk.i18n import normalize

    value = open_settings().value(LANGUAGE_KEY)
    return normalize(value) if isinstance(value, str) and value.strip() else None


def save_language(code: str) -> None:
    """Keep `code` for the next start (FOLLOW_SYSTEM: the session's language)."""
    settings = open_settings()
    if code == FOLLOW_SYSTEM:
        settings.remove(LANGUAGE_KEY)
    else:
        settings.setValue(LANGUAGE_KEY, code)
    settings.sync()
