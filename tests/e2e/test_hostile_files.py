"""Files a clinic or a friend could send, crafted to break SerumDesk (issue #19): impossible
dates, numbers of hundreds of digits, repeated keys, and catalogs built to fill memory. Each
is refused in plain words, with the field named, and leaves every later run working."""

from __future__ import annotations

import copy
import json
import os
import resource
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from serumdesk.storage.paths import bundled_catalog_path

from .conftest import SERUMDESK, Run

pytestmark = pytest.mark.slow

TNS = "skinmedica-tns-advanced-plus"


def catalog_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(bundled_catalog_path().read_text(encoding="utf-8"))
    return data


def price_list(**entry: Any) -> dict[str, Any]:
    return {
        "kind": "price-list",
        "name": "Clinic",
        "date": "2026-11-01",
        "prices": [{"id": TNS, "usd": 150, **entry}],
    }


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def assert_plain(result: subprocess.CompletedProcess[str]) -> None:
    """Refused with a message for a person: no traceback, no 'unexpected error', no pydantic."""
    assert result.returncode == 1, result.stdout + result.stderr
    for leak in ("Traceback", "unexpected error", "pydantic", "Error:", "Value error"):
        assert leak not in result.stderr, result.stderr
    assert any(
        words in result.stderr
        for words in ("Nothing was changed", "cannot be used", "is not a SerumDesk profile")
    ), result.stderr


def assert_still_works(run: Run) -> None:
    for args in (("recommend",), ("recommend", "--json"), ("catalog", "mine")):
        result = run(*args)
        assert result.returncode == 0, result.stderr
        assert "unexpected error" not in result.stderr


IMPOSSIBLE_DAYS = ["9999-12-31", "0001-01-01", "1899-12-31", "3000-01-01", "1999-12-31"]
"""Far from any real date at either end; before 2000 is refused for a price, a catalog's
update and a price list (a study may be older, back to 1900)."""


def _seen(day: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["products"][0]["price"]["provenance"]["seen"] = day

    return change


def _updated(day: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["updated"] = day

    return change


@pytest.mark.parametrize("day", IMPOSSIBLE_DAYS)
@pytest.mark.parametrize(("where", "field"), [(_updated, "updated"), (_seen, "price.provenance.seen")])
def test_a_catalog_with_an_impossible_date_is_refused_naming_the_field(
    run_serumdesk: Run, tmp_path: Path, day: str, where: Any, field: str
) -> None:
    if field.endswith("seen") and day == "1999-12-31":
        field = "price"  # a study may be that old, not a price: the price says so
    data = catalog_data()
    where(day)(data)
    path = write(tmp_path / "clinic.json", data)
    for args in (
        ("catalog", "validate", str(path)),
        ("catalog", "import", str(path)),
        ("recommend", "--catalog", str(path)),
    ):
        result = run_serumdesk(*args)
        assert_plain(result)
        assert f"field '{field}'" in result.stderr, result.stderr
        assert day in result.stderr
    assert_still_works(run_serumdesk)


@pytest.mark.parametrize("day", IMPOSSIBLE_DAYS)
@pytest.mark.parametrize("field", ["seen", "date"])
def test_a_price_list_with_an_impossible_date_is_refused(
    run_serumdesk: Run, tmp_path: Path, day: str, field: str
) -> None:
    document = price_list(seen=day) if field == "seen" else {**price_list(), "date": day}
    result = run_serumdesk("catalog", "import", str(write(tmp_path / "prices.json", document)))
    assert_plain(result)
    assert f"'{field}'" in result.stderr and day in result.stderr
    assert_still_works(run_serumdesk)
    assert run_serumdesk("sheet", "--output", str(tmp_path / "s.pdf")).returncode == 0


def test_a_date_a_little_ahead_of_today_is_kept(run_serumdesk: Run, tmp_path: Path) -> None:
    import datetime as dt

    soon = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    result = run_serumdesk("catalog", "import", str(write(tmp_path / "p.json", price_list(seen=soon))))
    assert result.returncode == 0, result.stderr
    assert_still_works(run_serumdesk)


@pytest.mark.parametrize("digits", [21, 65, 401, 640])
@pytest.mark.parametrize("kind", ["catalog", "price list"])
def test_a_price_of_hundreds_of_digits_is_refused_plainly(
    run_serumdesk: Run, tmp_path: Path, digits: int, kind: str
) -> None:
    huge = "9" * digits
    if kind == "catalog":
        text = json.dumps(catalog_data()).replace('"usd": 295', f'"usd": {huge}', 1)
        assert huge in text
    else:
        text = json.dumps(price_list()).replace('"usd": 150', f'"usd": {huge}')
    path = tmp_path / "file.json"
    path.write_text(text, encoding="utf-8")
    result = run_serumdesk("catalog", "import", str(path))
    assert_plain(result)
    assert "price" in result.stderr.lower()
    assert_still_works(run_serumdesk)


@pytest.mark.parametrize(
    "document",
    [
        '{"kind": "price-list", "name": "A", "name": "B", "date": "2026-11-01", '
        f'"prices": [{{"id": "{TNS}", "usd": 150}}]}}',
        '{"kind": "price-list", "name": "A", "date": "2026-11-01", '
        f'"prices": [{{"id": "{TNS}", "usd": 150, "usd": 1}}]}}',
    ],
)
def test_a_key_given_twice_is_refused_plainly(run_serumdesk: Run, tmp_path: Path, document: str) -> None:
    path = tmp_path / "twice.json"
    path.write_text(document, encoding="utf-8")
    result = run_serumdesk("catalog", "import", str(path))
    assert_plain(result)
    assert "appears twice" in result.stderr


MEMORY_CAP = 512 * 1024 * 1024


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _catalog_text(products: str) -> str:
    return (
        f'{{"schema_version": 2, "catalog_version": "x", "updated": "2026-01-01", "products": [{products}]}}'
    )


def _many(item: str, total_bytes: int) -> str:
    count = total_bytes // (len(item) + 1)
    return ",".join([item] * count)


HOSTILE_CATALOGS = {
    "ones (49 MB)": lambda: _catalog_text(_many("1", 49 * 1024 * 1024)),
    "empty products (300 KB)": lambda: _catalog_text(_many("{}", 300 * 1024)),
    "empty lists (20 MB)": lambda: _catalog_text(_many("[]", 20 * 1024 * 1024)),
    "padded empty products (49 MB)": lambda: _catalog_text(_many('{"zzzzzzzzzzzz": 0}', 49 * 1024 * 1024)),
    "one product, a huge list (49 MB)": lambda: _catalog_text(
        '{"key_ingredients": [' + _many('"aaaaaaaaaa"', 49 * 1024 * 1024) + "]}"
    ),
    "products of short strings (49 MB)": lambda: _catalog_text(_many('"aaaaaaaaaa"', 49 * 1024 * 1024)),
    "products with every field wrong (10 MB)": lambda: _catalog_text(
        _many(json.dumps({k: [] for k in catalog_data()["products"][0]}), 10 * 1024 * 1024)
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE_CATALOGS))
def test_a_catalog_built_to_fill_memory_is_refused_within_512_mb(
    tmp_path: Path, user_dirs: Path, name: str
) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(HOSTILE_CATALOGS[name](), encoding="utf-8")
    assert path.stat().st_size < 50 * 1024 * 1024
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for args in (
        ["catalog", "validate", str(path)],
        ["catalog", "import", str(path)],
        ["recommend", "--catalog", str(path)],
    ):
        result = subprocess.run(
            [str(SERUMDESK), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            stdin=subprocess.DEVNULL,
            check=False,
            preexec_fn=_capped,
        )
        assert result.returncode == 1, (args, result.returncode, result.stderr[-500:])
        assert "cannot be used" in result.stderr or "Nothing was changed" in result.stderr
        assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
        assert len(result.stderr.splitlines()) < 20  # the first problems, not millions


def test_a_valid_catalog_of_many_products_is_still_read(run_serumdesk: Run, tmp_path: Path) -> None:
    """The bounds leave room for a real, large catalog (the bundled products many times)."""
    data = catalog_data()
    products = []
    for n in range(300):
        for product in data["products"]:
            copied = copy.deepcopy(product)
            copied["id"] = f"{product['id']}-{n}"
            products.append(copied)
    data["products"] = products
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    result = run_serumdesk("catalog", "validate", str(path))
    assert result.returncode == 0, result.stderr


# --- output that cannot be written, closed streams, odd data folders ----------------------

SMALL_OUTPUTS = [
    ("ingredients", "Water", "--json"),
    ("profile", "list"),
    ("--version",),
    ("recommend",),
    ("catalog", "schema"),
]


def _no_room() -> None:
    """Files this process writes may not grow at all: like a full disk, without one. SIGXFSZ
    is ignored so the write fails with EFBIG instead of killing the process."""
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def _run_raw(args: tuple[str, ...], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([str(SERUMDESK), *args], env=env, timeout=60, check=False, **kwargs)


@pytest.mark.parametrize("args", SMALL_OUTPUTS)
def test_output_to_a_full_file_system_fails_with_a_message(
    tmp_path: Path, user_dirs: Path, args: tuple[str, ...]
) -> None:
    with (tmp_path / "out").open("wb") as out:
        result = _run_raw(
            args, stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, preexec_fn=_no_room
        )
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "could not write the output: the file is too large" in stderr
    assert "Traceback" not in stderr and "unexpected error" not in stderr


@pytest.mark.parametrize("args", SMALL_OUTPUTS)
def test_output_to_a_reader_that_went_away_is_not_success(
    tmp_path: Path, user_dirs: Path, args: tuple[str, ...]
) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _run_raw(args, stdout=write_end, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    finally:
        os.close(write_end)
    assert result.returncode == 141, result.stderr
    assert result.stderr == b""


def _closed(fd: int) -> Callable[[], None]:
    def close() -> None:
        os.close(fd)

    return close


@pytest.mark.parametrize(
    ("args", "fd", "said"),
    [
        (("ingredients", "-"), 0, "standard input is closed"),
        (
            (
                "catalog",
                "add",
                "--brand",
                "B",
                "--name",
                "N",
                "--price",
                "10",
                "--size",
                "10",
                "--ingredients",
                "-",
            ),
            0,
            "standard input is closed",
        ),
        (("recommend",), 1, "standard output is closed"),
        (("recommend", "--json"), 1, "standard output is closed"),
        (("--version",), 1, "standard output is closed"),
        (("profile", "list"), 1, "standard output is closed"),
    ],
)
def test_a_closed_stream_is_said_plainly(user_dirs: Path, args: tuple[str, ...], fd: int, said: str) -> None:
    streams: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE}
    del streams["stdin" if fd == 0 else "stdout"]
    result = _run_raw(args, stderr=subprocess.PIPE, preexec_fn=_closed(fd), **streams)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert said in stderr
    assert "Traceback" not in stderr and "unexpected error" not in stderr


def test_closed_standard_error_still_gives_the_status(user_dirs: Path) -> None:
    result = _run_raw(
        ("recommend", "--use-case", "nothing"),
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        preexec_fn=_closed(2),
    )
    assert result.returncode == 2


@pytest.mark.parametrize("kind", ["file", "fifo"])
@pytest.mark.parametrize(
    "args",
    [
        ("profile", "list"),
        ("profile", "save", "A"),
        ("recommend",),
        ("catalog", "mine"),
        ("catalog", "import", "--reset"),
    ],
)
def test_a_data_folder_that_is_a_file_or_fifo_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_serumdesk: Run, kind: str, args: tuple[str, ...]
) -> None:
    from tests.hostile import make_fifo

    odd = tmp_path / "data"
    if kind == "file":
        odd.write_text("not a folder", encoding="utf-8")
    else:
        make_fifo(odd)
    monkeypatch.setenv("SERUMDESK_DATA_DIR", str(odd))
    result = run_serumdesk(*args)
    assert "unexpected error" not in result.stderr
    if result.returncode != 0:
        assert result.returncode == 1
        assert str(odd) in result.stderr
    if kind == "file":
        assert odd.read_text(encoding="utf-8") == "not a folder"


# --- shared profiles that carry serums; one size limit per kind ---------------------------


def shared_profile(folder: Path, *serums: dict[str, Any]) -> Path:
    document = {
        "schema_version": 3,
        "id": "35977caa0c9e49b9b65f19fd87bab2c0",
        "name": "Shared",
        "answers": {"use_case": "post-procedure"},
        "compared_ids": [s["id"] for s in serums],
        "created": "2026-11-01T10:00:00Z",
        "updated": "2026-11-01T10:00:00Z",
        "my_products": list(serums),
    }
    return write(folder / "shared.json", document)


def serum(label: str, n: int = 1, **fields: Any) -> dict[str, Any]:
    return {
        "id": f"mine-shared-{n}",
        "brand": "Shared",
        "name": f"Serum {n}",
        "price_usd": 90,
        "size_ml": 30,
        "entered": "2026-11-01",
        "label": label,
        **fields,
    }


def assert_every_read_works(run: Run, tmp_path: Path) -> None:
    for args in (
        ("catalog", "mine"),
        ("catalog", "mine", "--json"),
        ("recommend",),
        ("recommend", "--json", "--profile", "Shared"),
        ("sheet", "--profile", "Shared", "--output", str(tmp_path / "s.pdf"), "--force"),
    ):
        result = run(*args)
        assert result.returncode == 0, (args, result.stderr)
        for leak in ("unexpected error", "pydantic", "ValidationError", "cannot be shown"):
            assert leak not in result.stdout + result.stderr, (args, result.stderr)


REPEATED = [
    "Glycerin",
    "Human Fibroblast Conditioned Media",
    "Retinol",
    "Parfum",
    "Aqua",
    "Lavandula Angustifolia Oil",
    "Glycolic Acid",
    "Carmine",
    "X" * 2500,
]


@pytest.mark.parametrize("ingredient", REPEATED, ids=lambda i: i[:20])
def test_a_shared_serum_whose_label_repeats_an_ingredient_is_read_like_any(
    run_serumdesk: Run, tmp_path: Path, ingredient: str
) -> None:
    from serumdesk.domain.strict.limits import LABEL_CHARS

    label = ", ".join([ingredient] * 1500)[:LABEL_CHARS]
    path = shared_profile(tmp_path, serum(label))
    result = run_serumdesk("profile", "import", str(path), "--with-serums")
    assert result.returncode == 0, result.stderr
    assert_every_read_works(run_serumdesk, tmp_path)
    label_file = tmp_path / "label.txt"
    label_file.write_text(label, encoding="utf-8")
    added = run_serumdesk(
        "catalog",
        "add",
        "--brand",
        "B",
        "--name",
        "N",
        "--price",
        "10",
        "--size",
        "10",
        "--ingredients-file",
        str(label_file),
    )
    assert added.returncode == 0, added.stderr  # the same label, typed in, is taken too
    assert_every_read_works(run_serumdesk, tmp_path)


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"seen": "9999-12-31"}, "seen"),
        ({"entered": "0001-01-01"}, "entered"),
        ({"price_usd": 10**400}, "price_usd"),
        ({"brand": "\u3164"}, "brand"),
        ({"name": "\u2800\u2800"}, "name"),
    ],
)
def test_a_shared_serum_with_an_impossible_field_is_refused_naming_it(
    run_serumdesk: Run, tmp_path: Path, fields: dict[str, Any], named: str
) -> None:
    path = shared_profile(tmp_path, serum("Water, Glycerin", **fields))
    result = run_serumdesk("profile", "import", str(path), "--with-serums")
    assert_plain(result)
    assert named in result.stderr
    assert "Shared" not in run_serumdesk("profile", "list").stdout
    assert_still_works(run_serumdesk)


def test_a_price_list_over_its_limit_is_refused_on_import(run_serumdesk: Run, tmp_path: Path) -> None:
    """The limit every later read applies: 10 MB for a price list (a catalog may be 50)."""
    from serumdesk.domain.catalog.price_list import MAX_PRICE_LIST_BYTES

    working = write(tmp_path / "working.json", price_list())
    assert run_serumdesk("catalog", "import", str(working)).returncode == 0
    document = price_list()
    document["name"] = "Clinic" + " " * (MAX_PRICE_LIST_BYTES + 1000)
    big = write(tmp_path / "big.json", document)
    for extra in ((), ("--replace",)):
        result = run_serumdesk("catalog", "import", str(big), *extra)
        assert_plain(result)
        assert f"{MAX_PRICE_LIST_BYTES:,} bytes" in result.stderr
    assert_still_works(run_serumdesk)
    shown = json.loads(run_serumdesk("recommend", "--json").stdout)
    assert "Clinic" in json.dumps(shown)  # the working list is still the one used


# --- a terminal that is not UTF-8 -----------------------------------------------------------


def _c_locale(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [os.fsencode(SERUMDESK), *(os.fsencode(a) if isinstance(a, str) else a for a in args)],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("brand", ["Café", "Zoë & Søn", "Лаборатория", "美容液", "Glow 😀"])
def test_text_typed_under_a_c_locale_is_kept_not_dropped(run_serumdesk: Run, brand: str) -> None:
    result = _c_locale(
        "catalog",
        "add",
        "--brand",
        brand,
        "--name",
        "Sérum",
        "--price",
        "10",
        "--size",
        "10",
        "--ingredients",
        "Water, Glycerin",
    )
    assert result.returncode == 0, result.stderr
    listed = json.loads(run_serumdesk("catalog", "mine", "--json").stdout)["products"]
    assert [(p["brand"], p["name"]) for p in listed] == [(brand, "Sérum")]
    saved = _c_locale("profile", "save", brand, "--allergen", "Lait d'ânesse")
    assert saved.returncode == 0, saved.stderr
    shown = json.loads(run_serumdesk("profile", "show", brand, "--json").stdout)
    assert shown["answers"]["allergens"] == ["Lait d'ânesse"]


def test_typed_text_that_is_not_utf8_is_refused_not_dropped(run_serumdesk: Run) -> None:
    result = _c_locale("profile", "save", b"Mum\xff")
    assert result.returncode == 2
    assert b"is not UTF-8 text" in result.stderr and b"Traceback" not in result.stderr
    assert "Mum" not in run_serumdesk("profile", "list").stdout
