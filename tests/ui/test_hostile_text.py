"""Text from a catalog a clinic sends reaches the app's widgets only as plain text (issue #19):
escape sequences, control characters and direction overrides are cleaned once, where the
file is read, so no label, button, check box, tooltip or accessible name holds one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from serumdesk.domain.answers import Answers
from serumdesk.domain.choices import Procedure, UseCase
from serumdesk.domain.strict.plain_text import DIRECTION_CONTROLS, is_unsafe
from tests.ui.wizard_helpers import CATALOG, compare, drive_to_results, open_window

HOSTILE = [
    "\x1b[31m",
    "\u202e",
    "\x1b]52;c;aGk=\x07",
    "\x9b2J",
    "\u200b",
    "\x07",
    "\x08",
    "\u2066",
    "\U000e0041",
    "\x1b",
    "\ufeff",
    "\u061c",
]
"""What a crafted catalog puts around its text: colour and clipboard escapes, a right-to-left
override that shows a name reversed, invisible characters, bells and backspaces."""

TEXT_KEYS = {
    "brand",
    "name",
    "description",
    "source_detail",
    "source",
    "summary",
    "text",
    "note",
    "funded_by",
    "ingredient",
    "concentration_disclosed",
    "catalog_version",
}
TEXT_LISTS = {"key_ingredients", "inci", "ethics_notes", "ethics_claims", "notes"}


def _poisoned(value: Any, key: str = "", n: list[int] | None = None) -> Any:
    """Every free text of a catalog wrapped in hostile characters (ids, kinds and dates kept)."""
    n = n if n is not None else [0]
    if isinstance(value, dict):
        if key == "inferred":
            return {k: _poisoned(v, "text", n) for k, v in value.items()}
        return {k: _poisoned(v, k, n) for k, v in value.items()}
    if isinstance(value, list):
        return [_poisoned(v, "text" if key in TEXT_LISTS else key, n) for v in value]
    if isinstance(value, str) and key in TEXT_KEYS:
        n[0] += 1
        first, second = HOSTILE[n[0] % len(HOSTILE)], HOSTILE[(n[0] * 5 + 3) % len(HOSTILE)]
        middle = len(value) // 2
        return f"{first}{value[:middle]}{second}{value[middle:]}{first}"
    return value


def texts_of(widget: QWidget) -> list[str]:
    """Every text a person (or a screen reader) can be shown by `widget`."""
    found = [
        widget.toolTip(),
        widget.accessibleName(),
        widget.accessibleDescription(),
        widget.statusTip(),
        widget.whatsThis(),
        widget.windowTitle(),
    ]
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        found.append(widget.text())
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        found.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        found += [widget.itemText(i) for i in range(widget.count())]
    return found


def unsafe_texts(root: QWidget) -> list[tuple[str, str]]:
    bad = []
    for widget in [root, *root.findChildren(QWidget)]:
        for text in texts_of(widget):
            if any(is_unsafe(ch) or ch in DIRECTION_CONTROLS for ch in text):
                bad.append((type(widget).__name__, text[:80]))
    return bad


def test_no_widget_shows_a_control_or_direction_character_from_a_catalog(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = _poisoned(json.loads(CATALOG.read_text(encoding="utf-8")))
    assert "\u202e" in json.dumps(data, ensure_ascii=False)
    hostile = tmp_path / "clinic.json"
    hostile.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = open_window(qtbot, hostile)
    assert window.catalog.loader.error is None
    for answers in (
        Answers(use_case=UseCase.POST_PROCEDURE, procedure=Procedure.LASER, days_since_procedure=10),
        Answers(use_case=UseCase.MILD_CONCERNS),
    ):
        page = drive_to_results(qtbot, window, answers)
        assert page.chooser is not None and len(page.chooser.boxes) >= 4
        compare(window, list(page.chooser.boxes)[:4])
        qtbot.wait(10)
        assert len(page.cards) == 4
        assert unsafe_texts(window) == []
        names = [box.text() for box in page.chooser.boxes.values()]
        assert any("Bioeffect" in name for name in names)  # the text itself is kept
        window.state.replace(Answers(), window.state.overrides, (), window.state.bottles)
        qtbot.wait(10)
