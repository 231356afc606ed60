"""Prints 'painted' and quits when the first wizard page is painted (shared by both start-ups)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizardPage


def _peak_rss_kib() -> int:
    """Peak resident memory so far (VmHWM), so both processes are measured at the same moment."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class FirstPagePainted(QObject):
    """An application-wide filter: the first Paint of any QWizardPage ends the run."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._done = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint and isinstance(watched, QWizardPage):
            self._done = True
            print(f"painted {_peak_rss_kib()}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False
