"""The floor for start-up: a bare PySide6 QWizard with one page, as a whole process.

Prints 'painted' once the first page has been painted, then exits.
"""

from __future__ import annotations

import sys

from _first_paint import FirstPagePainted
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def main() -> int:
    app = QApplication(sys.argv)
    watcher = FirstPagePainted(app)
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("What do you want the serum for?")
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("One line on why we ask."))
    wizard.addPage(page)
    wizard.show()
    code = app.exec()
    del watcher
    return code


if __name__ == "__main__":
    raise SystemExit(main())
