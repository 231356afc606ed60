"""`serumdesk ingredients` as a subprocess of the installed command: TEXT, --file and stdin, the
answer options, the JSON document, and bad input (empty, huge, a pipe, a folder)."""

from __future__ import annotations

import json
import os
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest

from .conftest import SERUMDESK, Run

LABELS = Path(__file__).parents[1] / "unit" / "domain" / "data" / "labels"
TNS = LABELS / "skinmedica-tns-recovery-complex.txt"
FIELDS = [
    "ingredients",
    "source_category",
    "source_reason",
    "human_derived",
    "animal_derived",
    "live_stem_cells_claimed",
    "truncated",
    "items_read",
    "items_listed",
    "unread_characters",
    "vegan",
    "fragrance",
    "irritants",
    "allergen_matches",
    "unknown",
    "cautions",
]


def label_file(tmp_path: Path, source: Path) -> Path:
    """The label as printed, without the collection's '# ' source header."""
    text = "\n".join(
        line for line in source.read_text(encoding="utf-8").splitlines() if not line.startswith("# ")
    )
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path


def run_with_stdin(tmp_path: Path, data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(SERUMDESK), "ingredients", *args],
        input=data,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )


def test_text_gives_one_line_per_ingredient_then_the_verdict(run_serumdesk: Run) -> None:
    result = run_serumdesk("ingredients", "Aqua (Water), Glycerine, Niacinamide 10%, Zorblaxine")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1. Aqua (Water) → Water: solvent." in out
    assert "2. Glycerine → Glycerin: humectant." in out
    assert "3. Niacinamide 10% → Niacinamide:" in out
    assert "4. Zorblaxine → not in SerumDesk's vocabulary: not guessed" in out
    verdict = out[out.index("Verdict:") :]
    assert "Source: cannot tell." in verdict and "Unknown: Zorblaxine." in verdict
    assert "Not medical advice" in out


def test_file_json_has_exactly_the_issues_fields(run_serumdesk: Run, tmp_path: Path) -> None:
    result = run_serumdesk(
        "ingredients",
        "--file",
        str(label_file(tmp_path, TNS)),
        "--json",
        "--caution",
        "pregnant-or-breastfeeding",
        "--allergen",
        "linalool",
        "--allergen",
        "zorblax",
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert list(doc) == FIELDS
    assert len(doc["ingredients"]) == 18  # the page: "Serum with 18 ingredients"
    assert doc["source_category"] == "human-fibroblast-conditioned-media"
    assert doc["human_derived"] == "yes" and doc["vegan"] == "no" and doc["truncated"] is False
    assert "Parfum" in doc["fragrance"] and "Linalool" in doc["fragrance"]
    assert {(m["ingredient"], m["match"]) for m in doc["allergen_matches"]} == {
        ("Parfum", "possible"),
        ("Linalool", "definite"),
        (None, "unknown-allergen"),
    }
    assert any(c["kind"] == "medical" and c["level"] == "clinician" for c in doc["cautions"])


def test_stdin_dash_reads_the_label_piped_in(tmp_path: Path) -> None:
    data = label_file(tmp_path, LABELS / "the-ordinary-niacinamide-10-zinc-1.txt").read_bytes()
    result = run_with_stdin(tmp_path, data, "-", "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["vegan"] == "yes" and doc["source_category"] == "non-biologic-alternative"
    assert [i["name"] for i in doc["ingredients"]][:2] == ["Aqua (Water)", "Niacinamide"]


def test_profile_answers_apply(run_serumdesk: Run) -> None:
    saved = run_serumdesk("profile", "save", "Mum", "--allergen", "fish", "--diet", "vegan")
    assert saved.returncode == 0, saved.stderr
    result = run_serumdesk(
        "ingredients", "Water, Marine Extract, Snail Secretion Filtrate", "--profile", "Mum"
    )
    assert result.returncode == 0, result.stderr
    assert "“fish” (Fish-derived ingredients): Marine Extract — possible match" in result.stdout
    assert "Does not fit your answer “Vegan" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["ingredients", ""], ["ingredients", "  ,  ; "], ["ingredients"], ["ingredients", "Ingredients:"]],
)
def test_an_empty_label_exits_2_with_a_clear_message(run_serumdesk: Run, args: list[str]) -> None:
    result = run_serumdesk(*args)
    assert result.returncode == 2
    assert "the label is empty" in result.stderr and result.stdout == ""


def test_an_empty_stdin_or_file_exits_2(run_serumdesk: Run, tmp_path: Path) -> None:
    piped = run_with_stdin(tmp_path, b"  \n", "-")
    assert piped.returncode == 2 and b"the label is empty" in piped.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert run_serumdesk("ingredients", "--file", str(empty)).returncode == 2


def test_text_and_file_together_are_a_usage_error(run_serumdesk: Run, tmp_path: Path) -> None:
    result = run_serumdesk("ingredients", "Water", "--file", str(label_file(tmp_path, TNS)))
    assert result.returncode == 2 and "not both" in result.stderr


def test_a_named_pipe_is_refused_at_once(run_serumdesk: Run, tmp_path: Path) -> None:
    fifo = tmp_path / "label.fifo"
    os.mkfifo(fifo)
    start = time.monotonic()
    result = run_serumdesk("ingredients", "--file", str(fifo))
    assert time.monotonic() - start < 15
    assert result.returncode == 1 and "not a regular file" in result.stderr


def test_a_folder_a_missing_file_and_a_huge_file_are_refused(run_serumdesk: Run, tmp_path: Path) -> None:
    folder = run_serumdesk("ingredients", "--file", str(tmp_path))
    assert folder.returncode == 1 and "a folder" in folder.stderr
    missing = run_serumdesk("ingredients", "--file", str(tmp_path / "none.txt"))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Water, " * 400_000)
    result = run_serumdesk("ingredients", "--file", str(huge))
    assert result.returncode == 1 and "not one ingredient label" in result.stderr


def test_a_one_megabyte_label_finishes_and_says_what_was_not_read(run_serumdesk: Run, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Water, Glycerin, Zorblaxine, " * 36_000, encoding="utf-8")
    assert big.stat().st_size > 1_000_000
    result = run_serumdesk("ingredients", "--file", str(big), "--json")
    assert result.returncode == 0, result.stderr
    assert "The label was cut" in result.stderr
    doc = json.loads(result.stdout)
    assert len(doc["ingredients"]) == 1000 and doc["truncated"] is True
    assert doc["items_read"] > 1000 and doc["unread_characters"] > 0


def test_control_characters_never_reach_the_output(run_serumdesk: Run) -> None:
    result = run_serumdesk("ingredients", "Wa\x1b]0;owned\x07ter, Gly\u202ecerin, \x1b[2JNiacinamide")
    assert result.returncode == 0, result.stderr
    for ch in result.stdout:
        assert ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf"), repr(ch)


def test_vocabulary_schema_and_validation_commands(
    run_serumdesk: Run, tmp_path: Path, ingredients_path: Path
) -> None:
    valid = run_serumdesk("catalog", "validate", "--ingredients", str(ingredients_path))
    assert valid.returncode == 0 and "valid" in valid.stdout
    broken = tmp_path / "broken.json"
    data = json.loads(ingredients_path.read_text(encoding="utf-8"))
    data["ingredients"][0]["families"] = ["no-such-family"]
    broken.write_text(json.dumps(data), encoding="utf-8")
    refused = run_serumdesk("catalog", "validate", "--ingredients", str(broken))
    assert refused.returncode == 1
    assert "field 'families': unknown family 'no-such-family'" in refused.stderr
    schema = run_serumdesk("catalog", "schema", "--ingredients")
    assert json.loads(schema.stdout)["title"] == "SerumDesk ingredient vocabulary"
