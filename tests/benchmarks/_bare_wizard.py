"""The floor for start-up: a bare PySide6 QWizard with one page, as a whole process.

Run with tests/benchmarks/probe on PYTHONPATH, like the installed commands, so the same
first-paint probe stops it (see probe/sitecustomize.py).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


def main() -> int:
    app = QApplication(sys.argv)
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("What do you want the serum for?")
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("One line on why we ask."))
    wizard.addPage(page)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
