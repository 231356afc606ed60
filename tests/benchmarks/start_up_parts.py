"""Where the time of two benchmark rows goes: first paint → ready, and `recommend --json`.

Run with the python of the venv SerumDesk is installed in:
    .venv/bin/python tests/benchmarks/start_up_parts.py [--runs N]
Runs the installed `serumdesk` (to ready) and `serumdesk recommend --json` with
probe/parts_probe.py loaded, and prints the median milliseconds of each part. The probe's
wrappers add a little time of their own; run_benchmarks.py gives the rows themselves.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
from collections.abc import Sequence

from run_benchmarks import PROBE, installed_command, process_env


def run_parts(cmd: list[str], **env: str) -> tuple[float, dict[str, float]]:
    """Wall seconds of the whole process, and the parts it reported."""
    start = time.perf_counter()
    out = subprocess.run(
        cmd,
        env=process_env(PYTHONPATH=str(PROBE), SERUMDESK_BENCH_PARTS="1", **env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - start
    lines = [line for line in out.stderr.splitlines() if line.startswith("parts ")]
    if not lines:
        raise RuntimeError(f"{cmd} reported no parts:\n{out.stderr}")
    parts: dict[str, float] = json.loads(lines[0].removeprefix("parts "))
    return wall, parts


def medians(samples: Sequence[dict[str, float]]) -> dict[str, float]:
    names = dict.fromkeys(name for sample in samples for name in sample)
    return {name: statistics.median(sample.get(name, 0.0) for sample in samples) for name in names}


def print_table(title: str, parts: dict[str, float], extra: Sequence[tuple[str, float]] = ()) -> None:
    total = parts.pop("total")
    catalog = sum(ms for name, ms in parts.items() if name.startswith("catalog:"))
    rows = [
        *sorted(parts.items(), key=lambda item: (not item[0].startswith("catalog:"), -item[1])),
        ("all catalog parts (pydantic, models, validation, ranking modules)", catalog),
        ("everything else", total - catalog),
        ("total", total),
        *extra,
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{title}\n\n| {'part':<{width}} |      ms |\n|{'-' * (width + 2)}|---------|")
    for name, ms in rows:
        print(f"| {name:<{width}} | {ms:7.1f} |")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9, help="runs of each (median)")
    args = parser.parse_args()
    app = [str(installed_command("serumdesk"))]
    command = [*app, "recommend", "--json"]
    for cmd in (app, command):  # warm the file and bytecode caches
        run_parts(cmd, QT_QPA_PLATFORM="offscreen")
    ready, headless, outside = [], [], []
    for _ in range(args.runs):
        ready.append(run_parts(app, QT_QPA_PLATFORM="offscreen")[1])
        wall, parts = run_parts(command)
        headless.append(parts)
        outside.append(wall * 1000 - parts["total"])
    print(
        f"Medians of {args.runs} runs; a part is the time up to the end of a module's import, or "
        "inside a function, as parts_probe.py describes.\n"
    )
    print_table("First paint → ready (`serumdesk`, offscreen)", medians(ready))
    print_table(
        "`serumdesk recommend --json` (from Python's site-customize to exit)",
        medians(headless),
        [("Python start-up before that, and exit (whole process − total)", statistics.median(outside))],
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
