"""`serumdesk clinic …` and the catalog's price-sheet commands, in-process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.hostile import make_fifo, mode_of
from tests.unit.cli.conftest import RunCli
from tests.unit.domain.clinic.test_logo import SVG


def test_a_clinic_sets_its_details_once_and_changes_one_at_a_time(run_cli: RunCli, tmp_path: Path) -> None:
    assert run_cli("clinic", "set", "--phone", "555").returncode == 2  # no name yet
    logo = tmp_path / "logo.svg"
    logo.write_bytes(SVG)
    done = run_cli(
        "clinic",
        "set",
        "--name",
        "Riverside Dermatology",
        "--address",
        "12 River Rd",
        "--web",
        "riverside-derm.example",
        "--logo",
        str(logo),
    )
    assert done.returncode == 0, done.stderr
    assert run_cli("clinic", "set", "--phone", "+1 555 0100", "--shared-computer").returncode == 0
    shown = json.loads(run_cli("clinic", "show", "--json").stdout)
    assert shown == {
        "clinic": {
            "name": "Riverside Dermatology",
            "address": "12 River Rd",
            "phone": "+1 555 0100",
            "web": "riverside-derm.example",
            "logo": "svg",
        },
        "shared_computer": True,
    }
    cleared = run_cli("clinic", "clear")
    assert "shared-computer setting stays on" in cleared.stdout
    assert json.loads(run_cli("clinic", "show", "--json").stdout) == {"clinic": None, "shared_computer": True}


def test_clinic_errors_are_plain_with_exit_codes_1_and_2(run_cli: RunCli, tmp_path: Path) -> None:
    bad_phone = run_cli("clinic", "set", "--name", "R", "--phone", "call us")
    assert bad_phone.returncode == 1 and "is not a phone number" in bad_phone.stderr
    fifo = make_fifo(tmp_path / "logo.png")
    piped = run_cli("clinic", "set", "--name", "R", "--logo", str(fifo))
    assert piped.returncode == 1 and "named pipe" in piped.stderr
    assert run_cli("clinic", "set").returncode == 2
    assert run_cli("clinic", "frobnicate").returncode == 2
    assert json.loads(run_cli("clinic", "show", "--json").stdout)["clinic"] is None


def test_prices_go_out_to_a_spreadsheet_and_come_back(run_cli: RunCli, tmp_path: Path) -> None:
    listed = json.loads(run_cli("catalog", "list", "--json").stdout)["products"]
    assert listed and {"id", "brand", "name", "price_usd", "size_ml", "price_seen"} <= set(listed[0])
    sheet = tmp_path / "prices.csv"
    assert run_cli("catalog", "export-prices", str(sheet)).returncode == 0
    assert mode_of(sheet) == 0o600
    again = run_cli("catalog", "export-prices", str(sheet))
    assert again.returncode == 1 and "--force" in again.stderr
    rows = list(csv.reader(io.StringIO(sheet.read_bytes().decode("utf-8-sig"))))
    rows[1][3] = "$250.00"
    rows[2][0] = ""  # found by brand and name instead
    rows[2][3] = "199,50"
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    sheet.write_bytes(out.getvalue().encode("utf-8-sig"))
    unnamed = run_cli("catalog", "import", str(sheet))
    assert unnamed.returncode == 2 and "clinic set --name" in unnamed.stderr
    run_cli("clinic", "set", "--name", "Riverside Dermatology")
    imported = run_cli("catalog", "import", str(sheet))
    assert imported.returncode == 0, imported.stderr
    text = run_cli("catalog", "list").stdout
    assert text.count("Clinic price (Riverside Dermatology,") == 2
    assert "$250.00" in text and "$199.50" in text


def test_a_bad_row_is_named_and_nothing_changes(run_cli: RunCli, tmp_path: Path) -> None:
    sheet = tmp_path / "prices.csv"
    sheet.write_text("id,clinic price (USD)\nno-such-serum,10\n", encoding="utf-8")
    failed = run_cli("catalog", "import", str(sheet), "--name", "R")
    assert failed.returncode == 1
    assert "row 2, column 'id'" in failed.stderr and "Nothing was changed" in failed.stderr
    assert "pattern" not in failed.stderr
    assert "Clinic price" not in run_cli("catalog", "list").stdout
