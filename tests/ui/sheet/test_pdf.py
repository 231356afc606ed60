"""The comparison sheet as a PDF: text for several personas, page count, paper, fonts, page pictures."""

from __future__ import annotations

import dataclasses
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from serumdesk.domain.advice.compare import select_compared
from serumdesk.domain.advice.cost import DAYS_PER_MONTH
from serumdesk.domain.advice.recommendation import Recommendation, recommend
from serumdesk.domain.answers import Answers
from serumdesk.storage.atomic import SaveError
from serumdesk.ui.sheet.content import GENERIC_CLINICIAN_CAUTION
from serumdesk.ui.sheet.pages import PagedSheet, SheetRequest
from serumdesk.ui.sheet.pdf import default_paper, paper_for_locale, write_sheet_pdf
from tests.ui.sheet_helpers import (
    HUMAN_DERIVED,
    PERSONAS,
    bundled_catalog,
    pdf_pages_text,
    pdf_text,
    rec_for,
    render_page_images,
    run_without_system_fonts,
)

REPO = Path(__file__).resolve().parents[3]
POINTS = {"a4": (595.3, 841.9), "letter": (612.0, 792.0)}


def save_pictures(
    rec: Recommendation,
    ids: list[str],
    folder: Path,
    stem: str,
    include_medical: bool = True,
    paper: str = "a4",
) -> int:
    """Each page as a PNG in the artifacts folder, painted by the PDF's own code; returns pages."""
    request = SheetRequest(rec, select_compared(rec, ids), include_medical)
    images = render_page_images(request, paper)
    for number, image in enumerate(images, start=1):
        assert image.save(str(folder / f"{stem}-page{number}.png"))
    return len(images)


def sheet(
    persona: str, ids: list[str], tmp_path: Path, artifacts_dir: Path, include_medical: bool = True
) -> tuple[Recommendation, str, int]:
    """Write the persona's sheet, save its page pictures; returns the rec, PDF text and pages."""
    rec = rec_for(persona)
    out = tmp_path / f"{persona}.pdf"
    pages = write_sheet_pdf(rec, ids, out, include_medical=include_medical)
    stem = persona if include_medical else f"{persona}-shared"
    save_pictures(rec, ids, artifacts_dir, stem, include_medical=include_medical)
    return rec, pdf_text(out), pages


def test_vegan_sheet(qtbot: QtBot, tmp_path: Path, artifacts_dir: Path) -> None:
    rec, text, pages = sheet("vegan", [], tmp_path, artifacts_dir)
    assert text.startswith("Serum comparison sheet")
    assert "Diet and ethics Vegan" in text
    left_out = text.split("Left out, and why")[1].split("Routine")[0]
    catalog = bundled_catalog().by_id()
    for pid in HUMAN_DERIVED:
        assert catalog[pid].title in left_out
    assert "Not vegan" in left_out
    # The top three are compared, and none of them is human-derived.
    sources = text.split("Where each figure came from:")[1]
    for match in rec.matches[:3]:
        assert match.product.title in sources
        assert match.product.id not in HUMAN_DERIVED
    assert f"Page {pages} of {pages}" in text


def test_pregnant_sheet_has_the_clinician_caution(qtbot: QtBot, tmp_path: Path, artifacts_dir: Path) -> None:
    ids = ["skinmedica-tns-advanced-plus", "the-ordinary-hyaluronic-acid-b5"]
    _, text, _ = sheet("pregnant", ids, tmp_path, artifacts_dir)
    assert "Medical Pregnant or trying to conceive" in text
    # The guide: "Consult a clinician before starting a product that contains novel
    # biological actives" when pregnant or breastfeeding; SkinMedica is human-derived.
    assert (
        "Talk to your clinician first: Talk to your clinician before starting it: there is "
        "little data on biological actives in pregnancy."
    ) in text
    assert "if you are pregnant, breastfeeding or have a medical condition" in text


def test_post_procedure_sheet(qtbot: QtBot, tmp_path: Path, artifacts_dir: Path) -> None:
    rec, text, _ = sheet("post-procedure", [], tmp_path, artifacts_dir)
    assert "Recovery after a procedure" in text and "Procedure A procedure (not named), 3 days ago" in text
    # The guide's post-procedure PM routine: cleanse (saline) -> serum -> occlusive.
    assert "for example with saline" in text
    # Recovery-window cost from the catalog's own figures: price / size * dose * uses * 7 and 14 days.
    product = rec.matches[0].product
    per_day = (
        product.price.usd / product.price.size_ml.value * product.dose_ml.value * 1
    )  # the routine's once a day
    assert f"Recovery window (7–14 days): ${per_day * 7:,.2f}–${per_day * 14:,.2f}" in text
    assert f"${per_day * DAYS_PER_MONTH:,.2f} a month" in text
    assert f"${product.price.usd / product.price.size_ml.value:,.2f} per ml" in text


def test_shared_copy_names_no_condition_but_keeps_the_caution(
    qtbot: QtBot, tmp_path: Path, artifacts_dir: Path
) -> None:
    ids = ["skinmedica-tns-advanced-plus", "symbiome-the-answer"]
    _, text, _ = sheet("heavy", ids, tmp_path, artifacts_dir, include_medical=False)
    # The same answers without any health detail: a word about a condition may appear only as
    # often as it does there (product facts, such as a brand's own pregnancy advice, stay).
    heavy = PERSONAS["heavy"]
    plain = dataclasses.replace(heavy, cautions=frozenset(), allergens=())
    out = tmp_path / "plain.pdf"
    write_sheet_pdf(recommend(bundled_catalog(), plain), ids, out, include_medical=False)
    baseline = pdf_text(out).casefold()
    folded = text.casefold()
    for word in (
        "pregnan",
        "breastfeeding",
        "nursing",
        "autoimmune",
        "transplant",
        "immune",
        "latex",
        "peanut",
        "allerg",
    ):
        assert folded.count(word) == baseline.count(word), word
    assert GENERIC_CLINICIAN_CAUTION in text
    assert "Talk to your clinician first: Medical cautions apply" in text
    assert "Health details Left out of this copy" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_four_products_fit_two_pages(qtbot: QtBot, tmp_path: Path, artifacts_dir: Path, paper: str) -> None:
    rec = rec_for("heavy")
    # The wordiest products in the catalog, with every caution the answers can add.
    ids = [
        "angela-caglia-cell-forte",
        "bioeffect-egf-serum",
        "kate-somerville-supercell",
        "eighth-day-regenerative-serum",
    ]
    out = tmp_path / "four.pdf"
    pages = write_sheet_pdf(rec, ids, out, paper=paper)
    assert 1 <= pages <= 2
    reader = PdfReader(out)
    assert len(reader.pages) == pages
    width, height = POINTS[paper]
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(width, abs=1)
    assert float(box.height) == pytest.approx(height, abs=1)
    texts = pdf_pages_text(out)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in text
    whole = " ".join(texts)
    for pid in ids:
        assert rec.ranking.matches[[m.product.id for m in rec.matches].index(pid)].product.title in whole
    assert "Not medical advice." in whole
    assert save_pictures(rec, ids, artifacts_dir, f"four-{paper}", paper=paper) <= 2


def test_markup_in_a_product_name_prints_literally(qtbot: QtBot, tmp_path: Path) -> None:
    catalog = bundled_catalog()
    product = replace(catalog.products[0], brand="A&B", name="<b>x</b> Serum")
    catalog = replace(catalog, products=[product, *catalog.products[1:]])
    rec = recommend(catalog, Answers())
    out = tmp_path / "markup.pdf"
    write_sheet_pdf(rec, [product.id], out)
    assert "A&B <b>x</b> Serum" in pdf_text(out)


def test_unwritable_folder_raises_a_clear_save_error(qtbot: QtBot, tmp_path: Path) -> None:
    rec = rec_for("vegan")
    target = tmp_path / "missing" / "sheet.pdf"
    with pytest.raises(SaveError, match="folder does not exist"):
        write_sheet_pdf(rec, [], target)
    assert not target.parent.exists()


def test_existing_file_is_replaced_whole_and_readable(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "sheet.pdf"
    out.write_bytes(b"old")
    write_sheet_pdf(rec_for("vegan"), [], out, replace=True)
    assert out.read_bytes().startswith(b"%PDF")
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)  # health details: owner only
    assert [p.name for p in folder.iterdir()] == ["sheet.pdf"]  # no temp file left behind


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US.UTF-8", "letter"),
        ("es-MX", "letter"),
        ("en_CA", "letter"),
        ("fil_PH.utf8", "letter"),
        ("en_GB.UTF-8", "a4"),
        ("de_DE@euro", "a4"),
        ("fr", "a4"),
        ("", "a4"),
    ],
)
def test_paper_for_locale(name: str, paper: str) -> None:
    assert paper_for_locale(name) == paper


def test_default_paper_follows_posix_precedence() -> None:
    assert default_paper({"LANG": "en_US.UTF-8"}) == "letter"
    assert default_paper({"LC_PAPER": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}) == "a4"
    assert default_paper({"LC_ALL": "en_US.UTF-8", "LC_PAPER": "de_DE.UTF-8"}) == "letter"
    # "C" says nothing about paper: the next variable decides.
    assert default_paper({"LC_ALL": "C", "LANG": "en_CA.UTF-8"}) == "letter"


@pytest.mark.slow
def test_text_is_in_the_pdf_with_no_system_fonts(tmp_path: Path) -> None:
    out = tmp_path / "nofonts.pdf"
    script = textwrap.dedent(f"""
        from pathlib import Path
        from PySide6.QtGui import QFontDatabase
        from serumdesk.domain.answers import Answers
        from serumdesk.storage.data_files import load_catalog
        from serumdesk.domain.advice.recommendation import recommend
        from serumdesk.ui.sheet.pdf import ensure_gui_app, write_sheet_pdf
        app = ensure_gui_app()
        print("system families:", QFontDatabase.families())
        rec = recommend(load_catalog(Path({str(REPO / "catalog" / "catalog.json")!r})), Answers())
        write_sheet_pdf(rec, [], Path({str(out)!r}))
    """)
    result = run_without_system_fonts(script, tmp_path)
    assert result.returncode == 0, result.stderr
    # fontconfig's generic aliases only ("Sans Serif"...): no real font on this "machine".
    assert "DejaVu" not in result.stdout, result.stdout
    text = pdf_text(out)
    assert text.startswith("Serum comparison sheet")
    assert "Page 1 of" in text and "Not medical advice." in text
    fonts: set[str] = set()
    for page in PdfReader(out).pages:
        resources: Any = page["/Resources"].get_object()
        for ref in resources["/Font"].get_object().values():
            fonts.add(str(ref.get_object()["/BaseFont"]))
    assert any("DejaVuSans" in name for name in fonts), fonts


def test_unbroken_long_text_wraps_inside_its_column(qtbot: QtBot, tmp_path: Path) -> None:
    catalog = bundled_catalog()
    long_word = "https://example.com/" + "verylongingredientname" * 6
    products = [
        replace(p, key_ingredients=[long_word]) if i < 4 else p for i, p in enumerate(catalog.products)
    ]
    rec = recommend(replace(catalog, products=products), Answers())
    ids = [p.id for p in products[:4]]
    image = QImage(800, 1100, QImage.Format.Format_RGB32)
    sheet = PagedSheet.fitted(SheetRequest(rec, select_compared(rec, ids)), image, QRectF(0, 0, 700, 1000))
    # Wider than the page would mean text running off the paper's edge.
    assert sheet.document.documentLayout().documentSize().width() <= 700 + 1
    out = tmp_path / "long.pdf"
    write_sheet_pdf(rec, ids, out)
    assert "verylongingredientname" in pdf_text(out)
