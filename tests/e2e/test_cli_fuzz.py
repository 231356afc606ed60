"""Hypothesis feeds the command line arbitrary catalogs, profiles and arguments (issue #13).

Whatever comes in: no traceback and no "unexpected error", exit status 0, 1 or 2, nothing a
terminal would act on in the output, JSON output that parses strictly (no NaN or Infinity),
nothing under the data folder changed when the input is refused, and the hostile files
beside it (a FIFO, a link, a device) left as they were.

Most runs are in-process (serumdesk.cli.main.main, the same code from argument parsing on);
a handful run the installed command, including `sheet`, which needs its own process for Qt.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from serumdesk.domain.choices import Caution, Diet, Sensitivity, UseCase
from tests.hostile import deadline, make_fifo, make_zero_device
from tests.in_process import run_main

from .conftest import Run

pytestmark = pytest.mark.slow

NO_SHRINKING = (Phase.explicit, Phase.reuse, Phase.generate)
"""A failing example is reported as found: shrinking one that hangs would take minutes."""

TERMINAL_CONTROLS = frozenset("\x1b\x07\x9b\x9d\r\u202e\u2066")
SPECIAL_TEXT = [
    "",
    " ",
    "-1",
    "0",
    "1e308",
    "-0",
    "nan",
    "inf",
    "Infinity",
    "1e-300",
    "99999999999999999999",
    "9" * 400,
    "0x10",
    "1_000",
    "Mum",
    "mum",
    "../../x",
    "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07",
    "\u202eevil",
    "\u200b",
    "<b>x</b>",
    "a\nb",
    "\ud800",
]
CONTROLS = [
    "\x1b]52;c;Y3Vy\x07",
    "\x1b[2J",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\u202e",
    "\u2066",
    "\r",
    "\x07",
    "\U000e0041",
    "\ud800",
]
MARK = "<the hostile value>"
HOSTILE_NUMBERS = [
    "true",
    '"100"',
    "Infinity",
    "-Infinity",
    "NaN",
    "1e999",
    "-1",
    "0",
    "1e-300",
    "null",
    "9" * 700,
    "1e308",
    "[]",
    "{}",
]

hostile_text = st.sampled_from(SPECIAL_TEXT) | st.text(max_size=12)
answer_options = st.lists(
    st.one_of(
        st.tuples(st.just("--use-case"), st.sampled_from([u.value for u in UseCase]) | hostile_text),
        st.tuples(st.just("--sensitivity"), st.sampled_from([s.value for s in Sensitivity])),
        st.tuples(st.just("--diet"), st.sampled_from([d.value for d in Diet])),
        st.tuples(st.just("--caution"), st.sampled_from([c.value for c in Caution]) | hostile_text),
        st.tuples(st.just("--allergen"), hostile_text),
        st.tuples(st.just("--budget"), hostile_text | st.floats().map(repr)),
        st.tuples(st.just("--days-since-procedure"), hostile_text | st.integers().map(str)),
        st.just(("--uses-retinoid",)),
        st.just(("--uses-acids",)),
    ),
    max_size=4,
).map(lambda groups: [part for group in groups for part in group])


class World:
    """The files one example plays with: catalogs and profiles it wrote, hostile files and
    ordinary ones to be written or overwritten — all outside the data folder."""

    def __init__(self, root: Path, catalog_path: Path) -> None:
        self.root = root
        self.bundled = catalog_path
        self.fifo = make_fifo(root / "pipe.json")
        self.victim = root / "victim.txt"
        self.victim.write_bytes(b"precious")
        (root / "link.json").symlink_to(self.victim)
        self.existing = root / "existing.json"
        self.existing.write_bytes(b"mine")
        (root / "folder").mkdir()
        self.device: Path | None = None
        if os.geteuid() == 0:
            self.device = make_zero_device(root / "zero.json")

    def paths(self) -> list[str]:
        names = [
            "pipe.json",
            "link.json",
            "existing.json",
            "folder",
            "fresh.json",
            "x" * 300 + ".json",
            "missing/dir/x.json",
        ]
        return [str(self.root / n) for n in names] + ([str(self.device)] if self.device else []) + [""]

    def state(self) -> tuple[object, ...]:
        """What must never change: the hostile files and the file a link points to."""
        return (
            stat.S_ISFIFO(self.fifo.lstat().st_mode),
            self.victim.read_bytes(),
            (self.root / "link.json").is_symlink(),
            self.existing.exists(),
        )


@st.composite
def hostile_catalog(draw: st.DrawFn, world: World) -> str:
    """A catalog file: the bundled one with a number or a text replaced, or random bytes."""
    text = world.bundled.read_text("utf-8")
    kind = draw(st.sampled_from(["number", "text", "bytes", "bom"]))
    path = world.root / f"catalog-{draw(st.integers(0, 10**9))}.json"
    if kind == "bytes":
        path.write_bytes(draw(st.binary(max_size=200)))
        return str(path)
    if kind == "number":
        field = draw(
            st.sampled_from(['"usd": 295', '"value": 28.4', '"value": 0.34', '"value": 2', '"subjects": 66'])
        )
        text = text.replace(field, f"{field.split(':')[0]}: {draw(st.sampled_from(HOSTILE_NUMBERS))}", 1)
    elif kind == "text":  # what the table, the JSON and the errors print
        for field in ('"SkinMedica"', '"TNS Advanced+ Serum"', '"2026.11.1"'):
            hostile = draw(st.sampled_from(CONTROLS)) + draw(hostile_text) + "x"
            text = text.replace(field, json.dumps(hostile), 1)
    path.write_bytes((b"\xef\xbb\xbf" if kind == "bom" else b"") + text.encode("utf-8"))
    return str(path)


@st.composite
def hostile_profile(draw: st.DrawFn, world: World) -> str:
    """A profile file to import: a valid one with one field's JSON replaced, or random bytes."""
    path = world.root / f"profile-{draw(st.integers(0, 10**9))}.json"
    if draw(st.booleans()):
        path.write_bytes(draw(st.binary(max_size=300)))
        return str(path)
    override: dict[str, Any] = {"size_ml": 30, "dose_ml": 0.25}
    answers: dict[str, Any] = {
        "use_case": "hydration",
        "allergens": ["nuts"],
        "budget_usd_per_month": 60,
        "days_since_procedure": None,
    }
    data: dict[str, Any] = {
        "schema_version": 2,
        "id": "0" * 32,
        "name": "Imported",
        "notes": "",
        "answers": answers,
        "overrides": {"symbiome-the-answer": override},
        "compared_ids": [],
        "bottles": [],
        "created": "2026-01-01T00:00:00+00:00",
        "updated": "2026-01-01T00:00:00+00:00",
        "revision": 1,
    }
    holder, key = draw(
        st.sampled_from(
            [
                (data, "name"),
                (data, "notes"),
                (data, "schema_version"),
                (data, "revision"),
                (answers, "budget_usd_per_month"),
                (answers, "days_since_procedure"),
                (override, "size_ml"),
                (override, "dose_ml"),
            ]
        )
    )
    holder[key] = MARK
    value = draw(st.sampled_from(HOSTILE_NUMBERS) | hostile_text.map(json.dumps))
    text = json.dumps(data).replace(json.dumps(MARK), value)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return str(path)


@st.composite
def command_lines(draw: st.DrawFn, world: World) -> list[str]:
    name = draw(hostile_text | st.just("Mum"))
    output = draw(st.sampled_from(world.paths()))
    force = draw(st.sampled_from([[], ["--force"]]))
    choice = draw(
        st.sampled_from(
            [
                "recommend",
                "recommend",
                "recommend",
                "save",
                "show",
                "list",
                "export",
                "import",
                "validate",
                "validate",
                "schema",
                "delete",
                "restore",
                "noise",
            ]
        )
    )
    if choice == "recommend":
        source = draw(st.sampled_from([[], ["--json"], ["--profile", name]]))
        catalog = draw(st.sampled_from([[], ["--catalog"], ["--catalog"]]))
        if catalog:
            catalog.append(draw(hostile_catalog(world) | st.sampled_from(world.paths())))
        return ["recommend", *draw(answer_options), *source, *catalog]
    if choice == "save":
        notes = draw(st.just([]) | hostile_text.map(lambda text: ["--notes", text]))
        return ["profile", "save", name, *draw(answer_options), *notes]
    if choice in ("show", "list"):
        return [
            "profile",
            choice,
            *([name] if choice == "show" else []),
            *draw(st.sampled_from([[], ["--json"]])),
        ]
    if choice in ("delete", "restore"):
        return ["profile", choice, name]
    if choice == "export":
        return ["profile", "export", name, output, *force]
    if choice == "import":
        return ["profile", "import", draw(hostile_profile(world) | st.sampled_from(world.paths()))]
    if choice == "validate":
        return ["catalog", "validate", draw(hostile_catalog(world) | st.sampled_from(world.paths()))]
    if choice == "schema":
        return ["catalog", "schema", *draw(st.sampled_from([[], ["--output", output, *force]]))]
    # At least one word: with none at all, `serumdesk` opens the app.
    return draw(
        st.lists(
            hostile_text | st.sampled_from(["--json", "--force", "profile", "catalog", "recommend"]),
            min_size=1,
            max_size=5,
        )
    )


def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every entry under `folder`: its mode and a digest of its content."""
    seen: dict[str, tuple[int, str]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else ""
        seen[str(path.relative_to(folder))] = (info.st_mode, digest)
    return seen


def _strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise AssertionError(f"{name} in JSON output")

    return json.loads(text, parse_constant=refuse)


def _prints_json(args: list[str]) -> bool:
    return (
        "--json" in args and args[:1] in (["recommend"], ["profile"]) and "--help" not in args
    ) or args == ["catalog", "schema"]


def check(
    args: list[str],
    result: subprocess.CompletedProcess[str],
    data_before: dict[str, tuple[int, str]],
    data_dir: Path,
) -> None:
    assert result.returncode in (0, 1, 2), (args, result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, (args, result.stderr)
    assert "unexpected error" not in result.stderr, (args, result.stderr)
    for stream in (result.stdout, result.stderr):
        assert not TERMINAL_CONTROLS & set(stream), (args, stream)
    if result.returncode == 0 and _prints_json(args):
        _strict_json(result.stdout)
    if result.returncode != 0:
        assert _snapshot(data_dir) == data_before, args


@pytest.fixture
def world(tmp_path: Path, catalog_path: Path, user_dirs: Path) -> World:
    assert run_main(["profile", "save", "Mum", "--allergen", "nuts"]).returncode == 0
    root = tmp_path / "world"
    root.mkdir()
    return World(root, catalog_path)


@settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    phases=NO_SHRINKING,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_any_command_line_in_process(world: World, user_dirs: Path, data: st.DataObject) -> None:
    args = data.draw(command_lines(world), label="argv")
    before = world.state()
    data_before = _snapshot(user_dirs)
    with deadline():
        result = run_main(args)
    check(args, result, data_before, user_dirs)
    assert world.state() == before, args
    for leftover in world.root.glob("*.tmp"):
        raise AssertionError(f"{leftover} left behind by {args}")


@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    phases=NO_SHRINKING,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_installed_command_and_sheet(
    run_serumdesk: Run, world: World, user_dirs: Path, data: st.DataObject
) -> None:
    output = data.draw(st.sampled_from(world.paths()), label="output")
    catalog = data.draw(
        st.sampled_from([[], ["--catalog", world.paths()[0]]])
        | hostile_catalog(world).map(lambda c: ["--catalog", c]),
        label="catalog",
    )
    args = [
        "sheet",
        *data.draw(answer_options, label="answers"),
        *catalog,
        "--output",
        output,
        *data.draw(st.sampled_from([[], ["--force"], ["--no-medical"]]), label="flags"),
    ]
    before = world.state()
    data_before = _snapshot(user_dirs)
    result = run_serumdesk(*args, timeout=60, check_clean=False)
    check(args, result, data_before, user_dirs)
    assert world.state() == before, args
