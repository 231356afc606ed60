"""Shared set-up for the comparison-sheet tests: personas, the catalog, PDF text extraction."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from serumdesk.domain.advice.recommendation import Recommendation, recommend
from serumdesk.domain.answers import Answers
from serumdesk.domain.catalog.product import Catalog
from serumdesk.domain.choices import Active, Caution, Diet, Sensitivity, UseCase
from serumdesk.storage.data_files import load_catalog
from serumdesk.storage.vocabulary_loader import VocabularyLoader
from serumdesk.ui.sheet.pages import PagedSheet, SheetRequest, page_layout

CATALOG = Path(__file__).resolve().parents[2] / "catalog" / "catalog.json"

# Catalog facts (catalog/catalog.json, shared/reference/product-facts.md).
HUMAN_DERIVED = (
    "skinmedica-tns-advanced-plus",
    "neocutis-bio-serum-firm",
    "angela-caglia-cell-forte",
    "symbiome-the-answer",
)

PERSONAS: dict[str, Answers] = {
    "vegan": Answers(diet=Diet.VEGAN),
    "pregnant": Answers(cautions=frozenset({Caution.PREGNANT_OR_BREASTFEEDING})),
    "post-procedure": Answers(
        use_case=UseCase.POST_PROCEDURE, sensitivity=Sensitivity.HIGH, days_since_procedure=3
    ),
    # Everything that adds text at once: the densest sheet a person can ask for.
    "heavy": Answers(
        use_case=UseCase.POST_PROCEDURE,
        sensitivity=Sensitivity.HIGH,
        cautions=frozenset(c for c in Caution if c.is_medical),
        allergens=("latex", "peanut oil"),
        actives=frozenset(Active),
        budget_usd_per_month=50,
        days_since_procedure=3,
    ),
}


def bundled_catalog() -> Catalog:
    return load_catalog(CATALOG)


VOCABULARY = VocabularyLoader(CATALOG.parent / "ingredients.json")


def rec_for(persona: str, catalog: Catalog | None = None) -> Recommendation:
    return recommend(catalog or bundled_catalog(), PERSONAS[persona], vocabulary=VOCABULARY.load())


def pdf_pages_text(path: Path) -> list[str]:
    """Each page's text with runs of whitespace (line wraps) folded to one space."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages_text(path))


def render_page_images(request: SheetRequest, paper: str, dpi: int = 110) -> list[QImage]:
    """Each page as a white image: the same layout and painting as the PDF, for people to look at."""
    layout = page_layout(paper)
    full = layout.fullRectPixels(dpi)
    paint = layout.paintRectPixels(dpi)
    probe = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    probe.setDotsPerMeterX(dots_per_metre)
    probe.setDotsPerMeterY(dots_per_metre)
    sheet = PagedSheet.fitted(request, probe, QRectF(0, 0, paint.width(), paint.height()))
    images = []
    for index in range(sheet.page_count):
        image = probe.copy()
        image.fill(QColor(Qt.GlobalColor.white))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(paint.left(), paint.top())
        sheet.paint_page(painter, index)
        painter.end()
        images.append(image)
    return images


def run_without_system_fonts(
    script: str, folder: Path, timeout: int = 60
) -> subprocess.CompletedProcess[str]:
    """`python -c script` in `folder` on a machine with no fonts of its own: fontconfig is
    given an empty configuration, so only what SerumDesk bundles can be found."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><cachedir>{folder / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("FONTCONFIG")}
    env.update(FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
