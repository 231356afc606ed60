"""SerumDesk's start-up as run_gui does it, ending when the first wizard page is painted."""

from __future__ import annotations

import sys

from _first_paint import FirstPagePainted
from PySide6.QtWidgets import QApplication

from serumdesk.app import build_main_window, configure_application


def main() -> int:
    app = QApplication(sys.argv)
    watcher = FirstPagePainted(app)
    configure_application(app)
    window = build_main_window()
    window.show()
    code = app.exec()
    del watcher
    return code


if __name__ == "__main__":
    raise SystemExit(main())
