"""Remembers the main window's size and position in an INI file in the user config folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QWidget

ORGANIZATION = "SerumDesk"
APPLICATION = "SerumDesk"
_GEOMETRY_KEY = "main_window/geometry"


def settings_file() -> Path:
    """<user config folder>/SerumDesk/SerumDesk.ini, read from the environment on every call.

    QSettings' own UserScope path is computed once per process, so it would miss a later
    XDG_CONFIG_HOME change (tests redirect it per test); naming the file ourselves does not.
    QStandardPaths rather than platformdirs: the window is restored before the first
    paint, and importing platformdirs there costs several milliseconds.
    """
    config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(config) / ORGANIZATION / f"{APPLICATION}.ini"


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
