"""The Language menu: a choice is kept and, at the next start, SerumDesk and Qt's own
buttons are in that language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from serumdesk import i18n
from serumdesk.app import install_languages
from serumdesk.ui.language_menu import add_language_menu
from serumdesk.ui.window_settings import FOLLOW_SYSTEM, save_language, saved_language


@pytest.fixture
def locale(spanish_catalogues: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    folder = spanish_catalogues
    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: folder)
    monkeypatch.setattr("serumdesk.ui.language_menu.locale_dir", lambda: folder)
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    yield folder
    i18n.install("en", folder)
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


def test_choosing_spanish_is_kept_and_applies_at_the_next_start(locale: Path, qapp: QApplication) -> None:
    menu = QMenu()
    said: list[str] = []
    group = add_language_menu(menu, said.append)
    names = [action.text() for action in group.actions()]
    assert names == ["The system's language", "English", "Español"]
    assert group.checkedAction() is group.actions()[0]  # nothing chosen: the session's
    group.actions()[2].trigger()
    assert saved_language() == "es"
    assert said == ["SerumDesk will be shown in Español the next time it starts."]

    assert install_languages(qapp, None) == "es"  # the next start
    assert i18n._("&File") == "&Archivo"
    assert QCoreApplication.translate("QWizard", "&Next") != "&Next"  # Qt's own: Siguiente
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_command_line_language_wins_and_following_the_system_is_the_default(
    locale: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_language("es")
    assert install_languages(qapp, "en") == "en"  # --language en
    save_language(FOLLOW_SYSTEM)
    assert saved_language() is None
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert install_languages(qapp, None) == "es"
    assert i18n._("Cancel") == "Cancelar"
