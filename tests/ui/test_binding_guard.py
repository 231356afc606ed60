"""Guard: the installed PySide6 must not leak references to None on void calls.

PySide6 6.12.0 on CPython 3.11 drops one reference to None on every call that returns
nothing; after a few thousand calls the process aborts with 'none_dealloc'. pyproject pins
<6.12; this test fails if an upgrade brings the defect back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


def test_void_calls_keep_none_refcount_steady(qapp: QApplication) -> None:
    calls = 20_000
    QApplication.processEvents()
    before = sys.getrefcount(None)
    obj = QObject()
    for _ in range(calls // 2):
        QApplication.processEvents()
        obj.setObjectName("x")
    after = sys.getrefcount(None)
    # A leak of one per call would show as a drop of ~20,000; allow ordinary noise.
    assert abs(after - before) < 200, f"None refcount moved by {after - before} over {calls} void calls"
