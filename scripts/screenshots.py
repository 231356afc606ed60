"""Grab the README's screenshots offscreen: the first question, the results (four products
compared) and the first page of the printed sheet, into docs/screenshots/.

    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.5 .venv/bin/python scripts/screenshots.py

Look at the PNGs before committing them. The window is 1024 × 640 (the smallest the app is
designed for); the user folders point at a temporary folder, so no profile of yours shows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
SIZE = (1024, 640)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    temporary = tempfile.TemporaryDirectory()
    os.environ["SERUMDESK_DATA_DIR"] = str(Path(temporary.name) / "data")
    os.environ["XDG_CONFIG_HOME"] = str(Path(temporary.name) / "config")
    sys.path.insert(0, str(REPO))  # tests.ui.sheet_helpers paints the sheet as the PDF does

    from PySide6.QtWidgets import QApplication

    from serumdesk.domain.advice.compare import select_compared
    from serumdesk.domain.answers import Answers
    from serumdesk.domain.choices import Active, Caution, Sensitivity, UseCase
    from serumdesk.storage.catalog_loader import CatalogLoader
    from serumdesk.storage.paths import UserPaths, bundled_catalog_path, bundled_ingredients_path
    from serumdesk.storage.vocabulary_loader import VocabularyLoader
    from serumdesk.ui.catalog_model import CatalogModel
    from serumdesk.ui.main_window import MainWindow
    from serumdesk.ui.results.results_page import ResultsPage
    from serumdesk.ui.sheet.pages import SheetRequest
    from serumdesk.ui.work_state import WorkState
    from tests.ui.sheet_helpers import render_page_images

    app = QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    catalog = CatalogModel(
        CatalogLoader(bundled_catalog_path(), VocabularyLoader(bundled_ingredients_path()))
    )
    window = MainWindow(WorkState(), catalog, UserPaths.default())
    window.resize(*SIZE)
    window.show()
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(OUT / "wizard.png"))

    answers = Answers(
        use_case=UseCase.TEXTURE_FIRMNESS,
        sensitivity=Sensitivity.MODERATE,
        cautions=frozenset({Caution.FRAGRANCE_SENSITIVE}),
        actives=frozenset({Active.RETINOID}),
        budget_usd_per_month=120,
    )
    window.wizard.add_remaining_pages()
    window.state.replace(answers)
    while not isinstance(window.wizard.currentPage(), ResultsPage):
        window.wizard.next()
        app.processEvents()
    page = window.wizard.currentPage()
    assert isinstance(page, ResultsPage) and page.recommendation is not None
    four = [m.product.id for m in page.recommendation.matches[:4]]
    window.state.edit_compared(four)
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(OUT / "results.png"))

    request = SheetRequest(page.recommendation, select_compared(page.recommendation, four), True)
    first = render_page_images(request, "letter", dpi=90)[0]
    first.save(str(OUT / "sheet.png"))
    window.close_guards.clear()
    window.close()
    print("\n".join(str(p.relative_to(REPO)) for p in sorted(OUT.glob("*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
