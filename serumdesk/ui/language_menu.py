"""The Language menu: the language SerumDesk is shown in, chosen over the session's.

The choice is kept in the settings file and applied when SerumDesk next starts (every window,
dialog and Qt's own buttons are made in it from the start). A sheet's language is chosen
separately, when it is printed or exported (ui/sheet/print_dialogs.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup

from serumdesk import i18n
from serumdesk.i18n import _
from serumdesk.storage.paths import locale_dir
from serumdesk.ui.window_settings import FOLLOW_SYSTEM, save_language, saved_language

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget


def language_actions(parent: QWidget) -> tuple[QActionGroup, list[QAction]]:
    """One checkable action for the session's language and one for each language SerumDesk
    has a catalogue for, the saved choice checked."""
    group = QActionGroup(parent)
    chosen = saved_language() or FOLLOW_SYSTEM
    choices = [(FOLLOW_SYSTEM, _("The system's language"))]
    choices += [(code, i18n.NATIVE_NAMES.get(code, code)) for code in i18n.available_languages(locale_dir())]
    actions = []
    for code, text in choices:
        action = QAction(text, parent)
        action.setCheckable(True)
        action.setChecked(code == chosen)
        action.setData(code)
        group.addAction(action)
        actions.append(action)
    return group, actions


def add_language_menu(menu: QMenu, show_status: Callable[[str], None]) -> QActionGroup:
    """Fill `menu` with the languages; a choice is kept and said, through `show_status`, to
    apply at the next start."""
    group, actions = language_actions(menu)
    for action in actions:
        menu.addAction(action)

    def chosen(action: QAction) -> None:
        code = str(action.data() or FOLLOW_SYSTEM)
        save_language(code)
        if code == FOLLOW_SYSTEM:
            text = _("SerumDesk will follow the system's language the next time it starts.")
        else:
            text = _("SerumDesk will be shown in {language} the next time it starts.").format(
                language=i18n.NATIVE_NAMES.get(code, code)
            )
        show_status(text)

    group.triggered.connect(chosen)
    return group
