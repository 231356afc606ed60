"""`serumdesk sheet` as a subprocess of the installed command, run from a folder outside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import Run

pytestmark = pytest.mark.slow


def _text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_sheet_writes_a_pdf(run_serumdesk: Run, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = run_serumdesk(
        "sheet",
        "--diet",
        "vegan",
        "--caution",
        "pregnant-or-breastfeeding",
        "--compare",
        "bioeffect-egf-serum",
        "--compare",
        "kate-somerville-supercell",
        "--output",
        str(out),
        "--paper",
        "letter",
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert 1 <= len(reader.pages) <= 2
    assert f"({len(reader.pages)} page" in result.stdout
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=1)  # US Letter
    text = _text(out)
    assert "Bioeffect EGF Serum" in text and "Kate Somerville" in text
    assert "Pregnant or trying to conceive" in text and "Breastfeeding" in text


def test_sheet_relative_output_lands_in_the_working_folder(run_serumdesk: Run, tmp_path: Path) -> None:
    result = run_serumdesk("sheet", "--output", "mine.pdf", "--no-medical", "--paper", "a4")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "elsewhere" / "mine.pdf"
    assert float(PdfReader(out).pages[0].mediabox.height) == pytest.approx(841.9, abs=1)  # A4
    assert "Health details Left out of this copy" in _text(out)


def test_sheet_bad_output_folder(run_serumdesk: Run, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "x.pdf"
    result = run_serumdesk("sheet", "--output", str(target))
    assert result.returncode == 1
    assert "folder does not exist" in result.stderr
    assert str(target) in result.stderr
    assert not target.parent.exists()


def test_sheet_unknown_compare_id_names_valid_ones(run_serumdesk: Run) -> None:
    result = run_serumdesk("sheet", "--diet", "vegan", "--compare", "nope", "--output", "x.pdf")
    assert result.returncode == 2
    assert "'nope'" in result.stderr
    assert "bioeffect-egf-serum" in result.stderr  # a vegan product from the catalog
    assert "skinmedica-tns-advanced-plus" not in result.stderr  # human-derived: excluded


def test_sheet_needs_an_output(run_serumdesk: Run) -> None:
    result = run_serumdesk("sheet")
    assert result.returncode == 2
    assert "--output" in result.stderr


def test_sheet_from_a_saved_profile(run_serumdesk: Run, tmp_path: Path) -> None:
    saved = run_serumdesk(
        "profile", "save", "mum", "--diet", "vegan", "--caution", "pregnant-or-breastfeeding"
    )
    assert saved.returncode == 0, saved.stderr
    out = tmp_path / "mum.pdf"
    result = run_serumdesk("sheet", "--profile", "mum", "--output", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "Diet and ethics Vegan" in text
    assert "Medical Breastfeeding; Pregnant or trying to conceive" in text


def test_a_copy_for_sharing_lets_no_allergy_or_sensitivity_be_inferred(
    run_serumdesk: Run, tmp_path: Path
) -> None:
    """Issue #13, case 3: a shared copy said "Matches an ingredient you are allergic to (not
    named on this copy)" and "Fragrance: Sensitive to fragrance"."""
    answers = ("--allergen", "squalane", "--caution", "fragrance-sensitive", "--caution", "autoimmune")
    shared, full = tmp_path / "shared.pdf", tmp_path / "full.pdf"
    for out, extra in ((shared, ["--no-medical"]), (full, [])):
        result = run_serumdesk(
            "sheet",
            *answers,
            "--compare",
            "the-ordinary-multi-peptide-ha",
            "--compare",
            "bioeffect-egf-serum",
            "--output",
            str(out),
            *extra,
        )
        assert result.returncode == 0, result.stderr
    full_text, shared_text = _text(full), _text(shared)
    # Control: the full copy does say these things, so their absence below means something.
    assert "squalane" in full_text and "Sensitive to fragrance" in full_text
    assert "An autoimmune condition" in full_text
    for told in (
        "squalane",
        "allergic",
        "not named on this copy",
        "Sensitive to fragrance",
        "sensitive to fragrance",
        "Whether it has fragrance is not stated",
        "autoimmune",
    ):
        assert told not in shared_text, told
    assert "Medical cautions apply — see your clinician" in shared_text


def test_the_sheet_refuses_the_numbers_profile_save_refuses(run_serumdesk: Run, tmp_path: Path) -> None:
    """Issue #13, case 15: `sheet` took --budget 1e308 and 20-digit day counts."""
    from tests.hostile import LIMITS

    for option, words in LIMITS:
        result = run_serumdesk("sheet", "--output", "x.pdf", *option)
        assert result.returncode == 2, result.stderr
        assert words in result.stderr
    assert not (tmp_path / "elsewhere" / "x.pdf").exists()


def test_a_clinic_sheet_from_the_command_line(run_serumdesk: Run, tmp_path: Path) -> None:
    """Details set once; prepared for / by, notes and follow-up typed when the sheet is made."""
    import datetime as dt

    set_once = run_serumdesk(
        "clinic",
        "set",
        "--name",
        "Riverside Dermatology",
        "--phone",
        "+1 555 0100",
        "--web",
        "riverside-derm.example",
    )
    assert set_once.returncode == 0, set_once.stderr
    follow_up = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    out = tmp_path / "clinic.pdf"
    made = run_serumdesk(
        "sheet",
        "--output",
        str(out),
        "--prepared-for",
        "Anna K.",
        "--prepared-by",
        "Dr. Lee",
        "--notes",
        "Once a day\\nthen twice",
        "--follow-up",
        follow_up,
    )
    assert made.returncode == 0, made.stderr
    text = _text(out)
    assert text.startswith("Riverside Dermatology +1 555 0100 · riverside-derm.example")
    assert "Prepared for Anna K. by Dr. Lee on" in text and "Once a day then twice" in text
    past = run_serumdesk("sheet", "--output", str(tmp_path / "no.pdf"), "--follow-up", "2001-01-01")
    assert past.returncode == 2 and "in the past" in past.stderr
    assert not (tmp_path / "no.pdf").exists()
    run_serumdesk("clinic", "clear")
    personal = tmp_path / "personal.pdf"
    assert run_serumdesk("sheet", "--output", str(personal)).returncode == 0
    assert "Riverside" not in _text(personal) and "Prepared for" not in _text(personal)
