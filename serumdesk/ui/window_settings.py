"""Remembers the main window's size and position in an INI file in the user config folder.

QSettings opens the file itself, outside storage/files.py; so the file is checked first by
the same rule (a regular file, or nothing, within a size) and left alone otherwise: a FIFO
named SerumDesk.ini would block the app's start forever, a link would send its writes
elsewhere. The window then opens at its default size.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from serumdesk.domain.strict.numbers import MAX_SETTINGS_BYTES
from serumdesk.storage.files import regular_or_missing
from serumdesk.storage.paths import settings_file

_GEOMETRY_KEY = "main_window/geometry"


def open_settings() -> QSettings | None:
    """The settings, or None when the file is not one QSettings may open."""
    path = settings_file()
    if not regular_or_missing(path, MAX_SETTINGS_BYTES):
        return None
    return QSettings(str(path), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget) -> bool:
    """Put the window back where it was; False when nothing usable was stored."""
    settings = open_settings()
    value = settings.value(_GEOMETRY_KEY) if settings is not None else None
    if isinstance(value, QByteArray) and not value.isEmpty():
        return window.restoreGeometry(value)
    return False


def save_geometry(window: QWidget) -> None:
    settings = open_settings()
    if settings is None:
        return
    settings.setValue(_GEOMETRY_KEY, window.saveGeometry())
    settings.sync()
