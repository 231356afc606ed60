"""Remembers the main window's size and position in an INI file in the user config folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from serumdesk.storage.paths import settings_file

_GEOMETRY_KEY = "main_window/geometry"


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
