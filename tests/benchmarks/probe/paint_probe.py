"""Benchmark only: stops a Qt app at its first painted wizard page, or when it is ready.

Prints `painted PEAK_KIB MAIN` at the first Paint event on a wizard page: the page itself or
any widget on it (a page whose content covers it with opaque widgets, as SerumDesk's scroll
area does, gets no Paint of its own; waiting for one hung the start-up rows). PEAK_KIB is the
peak resident memory so far, MAIN the script the interpreter runs. A SerumDesk window then
runs on until its `start_up_finished` signal, printing `ready MS`: milliseconds from that
first Paint event to the end of the deferred start-up work. Any other app quits at once.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget, QWizardPage


def peak_rss_kib() -> int:
    """Peak resident memory so far (VmHWM), so every process is measured at the same moment."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _on_a_wizard_page(watched: QObject) -> bool:
    widget = watched if isinstance(watched, QWidget) else None
    while widget is not None:
        if isinstance(widget, QWizardPage):
            return True
        widget = widget.parentWidget()
    return False


class FirstPaintProbe(QObject):
    """An application-wide event filter: the first Paint on any QWizardPage ends the run."""

    _installed: list[FirstPaintProbe] = []  # noqa: RUF012 - keeps each probe alive with its app

    @classmethod
    def install(cls, app: object) -> None:
        assert isinstance(app, QApplication)
        cls._installed.append(cls(app))

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._paint = QEvent.Type.Paint
        self._painted_at: float | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._painted_at is None and event.type() == self._paint and _on_a_wizard_page(watched):
            self._painted_at = time.perf_counter()
            main = getattr(sys.modules.get("__main__"), "__file__", "")
            print(f"painted {peak_rss_kib()} {main}", flush=True)
            self._app.removeEventFilter(self)
            finished = getattr(watched.window(), "start_up_finished", None)
            if finished is None:
                QTimer.singleShot(0, self._app.quit)
            else:
                finished.connect(self._ready)
        return False

    def _ready(self) -> None:
        assert self._painted_at is not None
        now = time.perf_counter()
        print(f"ready {(now - self._painted_at) * 1000:.2f}", flush=True)
        parts = sys.modules.get("parts_probe")  # loaded only for start_up_parts.py
        if parts is not None:
            parts.report(self._painted_at, now)
        QTimer.singleShot(0, self._app.quit)
