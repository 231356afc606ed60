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
LANGUAGE_KEY = "app/language"
"""A language code (ui/language_menu.py), or absent to follow the session's language."""
FOLLOW_SYSTEM = ""


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
    if isinstance(value, QByteArray) and not value.isEmpty() and window.restoreGeometry(value):
        fit_to_screen(window)
        return True
    return False


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move the window so all of it (Back and Next too) is on the free part of its
    screen: a size saved on a larger screen, or at another scale, may not fit this one."""
    from PySide6.QtWidgets import QApplication

    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry()
    extra_w = frame.width() - window.width()
    extra_h = frame.height() - window.height()
    width = min(window.width(), free.width() - extra_w)
    height = min(window.height(), free.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    frame = window.frameGeometry()
    x = min(max(frame.x(), free.left()), free.right() + 1 - frame.width())
    y = min(max(frame.y(), free.top()), free.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def save_geometry(window: QWidget) -> None:
    settings = open_settings()
    if settings is None:
        return
    settings.setValue(_GEOMETRY_KEY, window.saveGeometry())
    settings.sync()


def saved_language() -> str | None:
    """The language chosen in the Language menu; None to follow the session's."""
    from serumdesk.i18n import normalize

    settings = open_settings()
    value = None if settings is None else settings.value(LANGUAGE_KEY)
    return normalize(value) if isinstance(value, str) and value.strip() else None


def save_language(code: str) -> None:
    """Keep `code` for the next start (FOLLOW_SYSTEM: the session's language); nothing is
    kept when the settings file is not one SerumDesk may write."""
    settings = open_settings()
    if settings is None:
        return
    if code == FOLLOW_SYSTEM:
        settings.remove(LANGUAGE_KEY)
    else:
        settings.setValue(LANGUAGE_KEY, code)
    settings.sync()
