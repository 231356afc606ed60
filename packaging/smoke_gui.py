"""Start the installed app through its real entry point, offscreen; screenshot; quit by itself.

    QT_QPA_PLATFORM=offscreen python packaging/smoke_gui.py window.png

Used by packaging/ci_checks.sh against the wheel installed in a clean venv. The app has no
quit-after flag, so this wraps QApplication.exec to schedule a screenshot of the largest
visible window and a quit 2 s after the event loop starts. Exit status 0 when a window was
shown and saved, 3 when none was shown, 4 when the screenshot could not be written.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from serumdesk.launch import main as serumdesk_main


def main() -> int:
    shot = sys.argv[1]
    real_exec = QApplication.exec

    def exec_then_quit(*_args: object) -> int:
        def done() -> None:
            shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            if not shown:
                print("smoke_gui: no window is shown", file=sys.stderr)
                QApplication.exit(3)
                return
            window = max(shown, key=lambda w: w.width() * w.height())
            saved = window.grab().save(shot)
            print(f"window {window.windowTitle()!r} {window.width()}x{window.height()} -> {shot}")
            QApplication.exit(0 if saved else 4)

        QTimer.singleShot(2000, done)
        return real_exec()  # static in Qt; PySide6 rejects the instance argument

    QApplication.exec = exec_then_quit  # type: ignore[method-assign]
    sys.argv = sys.argv[:1]  # `serumdesk` with no arguments: the app
    return serumdesk_main()


if __name__ == "__main__":
    raise SystemExit(main())
