"""Every spin box, slider, combo and date box the app builds takes the wheel only when focused.

A source check (no Qt needed): each construction of one of these widgets in serumdesk/ui is
wrapped in wheel_only_when_focused, so scrolling a page never edits a figure under the pointer.
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "serumdesk" / "ui"
BUILT = re.compile(r"\bQ(?:Double)?SpinBox\(|\bQComboBox\(|\bQDateEdit\(|\bQSlider\(|\bQDial\(")


def test_every_wheel_editable_widget_is_guarded() -> None:
    unguarded = []
    for path in UI.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if BUILT.search(line) and "wheel_only_when_focused(" not in line:
                unguarded.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert not unguarded, unguarded


def test_the_check_finds_an_unguarded_widget() -> None:
    assert BUILT.search("self.size = QSpinBox()")
    assert BUILT.search("box = QDoubleSpinBox(parent)")
