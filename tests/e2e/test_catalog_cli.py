"""`serumdesk catalog add | mine | remove | import` and what they change in `recommend`,
`sheet` and `profile export`, run as the installed command (issue #14)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import Run

pytestmark = pytest.mark.slow

LABELS = Path(__file__).resolve().parent.parent / "unit" / "domain" / "data" / "labels"


def label_file(name: str, folder: Path) -> Path:
    """A label from the collected labels (their source is in each file's header), without
    the header: the ingredient list only, as a person would save it."""
    lines = (LABELS / name).read_text(encoding="utf-8").splitlines()
    path = folder / name
    path.write_text("\n".join(line for line in lines if not line.startswith("#")), encoding="utf-8")
    return path


def add_tns(run: Run, folder: Path, *extra: str) -> str:
    result = run(
        "catalog",
        "add",
        "--brand",
        "SkinMedica",
        "--name",
        "TNS Recovery Complex",
        "--price",
        "198",
        "--size",
        "28.4",
        "--ingredients-file",
        str(label_file("skinmedica-tns-recovery-complex.txt", folder)),
        *extra,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_an_added_serum_is_read_from_its_label_and_ranked(
    run_serumdesk: Run, tmp_path: Path, user_dirs: Path
) -> None:
    said = add_tns(run_serumdesk, tmp_path)
    assert "Added mine-skinmedica-tns-recovery-complex" in said
    assert "Human Neonatal Fibroblast Conditioned Media" in said  # the guide's method, applied
    stored = user_dirs / "catalog" / "my-products.json"
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700

    doc = json.loads(run_serumdesk("recommend", "--use-case", "post-procedure", "--json").stdout)
    [mine] = [m for m in doc["recommended"] if m["id"] == "mine-skinmedica-tns-recovery-complex"]
    assert mine["entered_by_you"] and mine["human_derived"]
    assert mine["source_category"] == "human-fibroblast-conditioned-media"
    assert mine["fragrance_free"] is False  # its label lists Parfum
    assert "from your label" in mine["inferred"]["use-cases"].lower()
    assert mine["figure_sources"]["price_usd"].startswith("your entry (")
    assert mine["figure_sources"]["dose_ml"].startswith("Estimate:")  # the catalog's model
    # the routine's once a day, not the catalog's twice
    assert mine["cost_per_month_usd"] == pytest.approx(198 / 28.4 * 0.25 * 1 * 30.44, rel=0.01)

    table = run_serumdesk("recommend", "--use-case", "post-procedure").stdout
    assert "SkinMedica TNS Recovery Complex (your entry)" in table


def test_a_serum_excluded_by_the_answers_says_why(run_serumdesk: Run, tmp_path: Path) -> None:
    add_tns(run_serumdesk, tmp_path)
    doc = json.loads(run_serumdesk("recommend", "--diet", "vegan", "--json").stdout)
    [left_out] = [e for e in doc["excluded"] if e["id"] == "mine-skinmedica-tns-recovery-complex"]
    assert "vegan" in json.dumps(left_out).lower()


def test_mine_lists_and_remove_removes(run_serumdesk: Run, tmp_path: Path) -> None:
    assert "You have not added a serum" in run_serumdesk("catalog", "mine").stdout
    add_tns(run_serumdesk, tmp_path)
    add_tns(run_serumdesk, tmp_path, "--seen", "2024-03-01", "--dose", "0.3", "--per-day", "1")
    listed = json.loads(run_serumdesk("catalog", "mine", "--json").stdout)["products"]
    assert [p["id"] for p in listed] == [
        "mine-skinmedica-tns-recovery-complex",
        "mine-skinmedica-tns-recovery-complex-2",
    ]
    assert (listed[1]["seen"], listed[1]["dose_ml"], listed[1]["applications_per_day"]) == (
        "2024-03-01",
        0.3,
        1.0,
    )
    assert listed[0]["read_as"]["source_category"] == "human-fibroblast-conditioned-media"
    assert listed[0]["read_as"]["entered_by_you"] is True
    # A price seen over a year ago is flagged like the catalog's.
    doc = json.loads(run_serumdesk("recommend", "--json").stdout)
    second = next(m for m in [*doc["recommended"]] if m["id"] == "mine-skinmedica-tns-recovery-complex-2")
    assert second["stale"] is True and "March 2024" in second["stale_figures"][0]

    removed = run_serumdesk("catalog", "remove", "mine-skinmedica-tns-recovery-complex")
    assert removed.returncode == 0 and "Removed" in removed.stdout
    again = run_serumdesk("catalog", "remove", "mine-skinmedica-tns-recovery-complex")
    assert again.returncode == 1 and "mine-skinmedica-tns-recovery-complex-2" in again.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--ingredients", "  ,, ; "], "the ingredient label is empty"),
        (["--ingredients", "Water", "--price", "0"], "must be between"),
        (["--ingredients", "Water", "--size", "-3"], "A bottle size"),
        (["--ingredients", "Water", "--seen", "2999-01-01"], "is in the future"),
        (["--ingredients", "Water", "--seen", "last week"], "YYYY-MM-DD"),
        (["--ingredients", "Water", "--brand", ""], "needs a brand"),
        ([], "one of the arguments --ingredients --ingredients-file is required"),
    ],
)
def test_bad_input_is_exit_2_and_adds_nothing(
    run_serumdesk: Run, user_dirs: Path, args: list[str], words: str
) -> None:
    base = {"--brand": "B", "--name": "N", "--price": "10", "--size": "30"}
    for flag in args[::2]:
        base.pop(flag, None)
    result = run_serumdesk("catalog", "add", *[x for kv in base.items() for x in kv], *args)
    assert result.returncode == 2 and words in result.stderr, result.stderr
    assert not (user_dirs / "catalog" / "my-products.json").exists()


def test_escape_codes_in_what_is_typed_never_reach_a_file_or_terminal(
    run_serumdesk: Run, user_dirs: Path
) -> None:
    result = run_serumdesk(
        "catalog",
        "add",
        "--brand",
        "\x1b[31mRed\x1b]52;c;aGk=\x07",
        "--name",
        "N\u202eame",
        "--price",
        "10",
        "--size",
        "30",
        "--ingredients",
        "Water,\x1b[2J Glycerin\x08",
    )
    assert result.returncode == 0, result.stderr
    assert "Added mine-red-name: Red Name." in result.stdout
    stored = json.dumps(
        json.loads((user_dirs / "catalog" / "my-products.json").read_text()), ensure_ascii=False
    )  # the text itself, not its JSON escapes
    listed = run_serumdesk("catalog", "mine").stdout
    for text in (stored, listed, result.stdout):
        assert "\x1b" not in text and "\u202e" not in text and "\x08" not in text
    only_codes = run_serumdesk(
        "catalog",
        "add",
        "--brand",
        "\x1b[31m",
        "--name",
        "N",
        "--price",
        "10",
        "--size",
        "30",
        "--ingredients",
        "Water",
    )
    assert only_codes.returncode == 2 and "needs at least one visible" in only_codes.stderr


def test_a_label_from_standard_input_or_a_huge_file(run_serumdesk: Run, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text("Water, " * 400_000)
    result = run_serumdesk(
        "catalog",
        "add",
        "--brand",
        "B",
        "--name",
        "N",
        "--price",
        "10",
        "--size",
        "30",
        "--ingredients-file",
        str(huge),
    )
    assert result.returncode == 1 and "more than 2 MB" in result.stderr


def test_a_clinic_price_list_is_used_and_named_on_the_sheet(run_serumdesk: Run, tmp_path: Path) -> None:
    prices = tmp_path / "riverside.json"
    prices.write_text(
        json.dumps(
            {
                "kind": "price-list",
                "name": "Riverside Dermatology",
                "date": "2026-11-01",
                "prices": [{"id": "skinmedica-tns-advanced-plus", "usd": 265, "seen": "2026-11-20"}],
            }
        )
    )
    installed = run_serumdesk("catalog", "import", str(prices))
    assert installed.returncode == 0 and "Riverside Dermatology (2026-11-01)" in installed.stdout
    doc = json.loads(run_serumdesk("recommend", "--json").stdout)
    assert doc["catalog"]["prices_from"] == "Riverside Dermatology (2026-11-01)"
    tns = next(m for m in doc["recommended"] if m["id"] == "skinmedica-tns-advanced-plus")
    assert tns["price_usd"] == 265
    assert tns["figure_sources"]["price_usd"] == "Riverside Dermatology price list (2026-11-20)"

    add_tns(run_serumdesk, tmp_path)
    out = tmp_path / "sheet.pdf"
    sheet = run_serumdesk(
        "sheet",
        "--compare",
        "skinmedica-tns-advanced-plus",
        "--compare",
        "mine-skinmedica-tns-recovery-complex",
        "--output",
        str(out),
    )
    assert sheet.returncode == 0, sheet.stderr
    text = pdf_text(out)
    assert "Prices from Riverside Dermatology (2026-11-01)" in text
    assert "(your entry)" in text and "TNS Recovery Complex" in text

    # --catalog FILE ranks that file alone: no price list, none of your serums.
    alone = json.loads(
        run_serumdesk(
            "recommend", "--json", "--catalog", str(Path(__file__).parents[2] / "catalog" / "catalog.json")
        ).stdout
    )
    assert alone["catalog"]["prices_from"] is None
    assert all(not m["id"].startswith("mine-") for m in alone["recommended"])

    reset = run_serumdesk("catalog", "import", "--reset")
    assert reset.returncode == 0 and "installed price list removed" in reset.stdout
    assert json.loads(run_serumdesk("recommend", "--json").stdout)["catalog"]["prices_from"] is None


def test_a_bad_clinic_file_changes_nothing(run_serumdesk: Run, tmp_path: Path, user_dirs: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "kind": "price-list",
                "name": "X",
                "date": "2026-11-01",
                "prices": [{"id": "no-such-serum", "usd": 10}],
            }
        )
    )
    result = run_serumdesk("catalog", "import", str(bad))
    assert result.returncode == 1
    assert "no-such-serum" in result.stderr and "Nothing was changed" in result.stderr
    assert not (user_dirs / "catalog" / "price-list.json").exists()
    neither = run_serumdesk("catalog", "import")
    assert neither.returncode == 2 and "--reset" in neither.stderr


def test_a_damaged_file_of_serums_is_a_warning_not_a_failure(run_serumdesk: Run, user_dirs: Path) -> None:
    folder = user_dirs / "catalog"
    folder.mkdir(parents=True)
    (folder / "my-products.json").write_text('{"schema_version": 1, "products": [{"id": 5}]}')
    result = run_serumdesk("recommend")
    assert result.returncode == 0 and "SerumDesk recommendations" in result.stdout
    assert "warning: The file of your serums" in result.stderr
    assert "has not been changed" in result.stderr


def test_an_exported_profile_carries_the_serums_it_compares(
    run_serumdesk: Run, tmp_path: Path, user_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from serumdesk.storage.profiles import ProfileStore

    add_tns(run_serumdesk, tmp_path)
    store = ProfileStore(user_dirs / "profiles")
    store.create("After laser", compared_ids=("mine-skinmedica-tns-recovery-complex", "bioeffect-egf-serum"))
    exported = tmp_path / "after-laser.json"
    assert run_serumdesk("profile", "export", "After laser", str(exported)).returncode == 0
    carried = json.loads(exported.read_text())["my_products"]
    assert [p["id"] for p in carried] == ["mine-skinmedica-tns-recovery-complex"]

    # On another computer (another data folder), the import brings the serum along.
    monkeypatch.setenv("SERUMDESK_DATA_DIR", str(tmp_path / "other-computer"))
    asked = run_serumdesk("profile", "import", str(exported))  # serums join only when asked
    assert asked.returncode == 1 and "carries 1 serum " in asked.stderr
    assert "--with-serums" in asked.stderr and "Nothing was changed" in asked.stderr
    assert "After laser" not in run_serumdesk("profile", "list").stdout
    imported = run_serumdesk("profile", "import", str(exported), "--with-serums")
    assert imported.returncode == 0, imported.stderr
    assert "with 1 serum now among your serums" in imported.stdout
    listed = json.loads(run_serumdesk("catalog", "mine", "--json").stdout)["products"]
    assert [p["id"] for p in listed] == ["mine-skinmedica-tns-recovery-complex"]
    shown = json.loads(run_serumdesk("recommend", "--profile", "After laser", "--json").stdout)
    assert any(m["id"] == "mine-skinmedica-tns-recovery-complex" for m in shown["recommended"])
