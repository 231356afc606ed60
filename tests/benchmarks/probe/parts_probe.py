"""Benchmark only (start_up_parts.py): times the parts of start-up inside the installed commands.

Loaded by sitecustomize when SERUMDESK_BENCH_PARTS is set. It wraps a few SerumDesk functions
and notes when a few modules finish importing, each as it is first imported, then splits a
stretch of time (first paint → ready, or the whole `recommend --json`) into parts: the time
up to a module's end goes to that module's part, other time to the innermost wrapped
function running, the rest to "other". It writes `parts {json}` to stderr.
"""

from __future__ import annotations

import atexit
import json
import sys
import time
from collections.abc import Callable
from typing import Any

CATALOG = "catalog"
QUESTION_PAGES = "later pages: question pages"
RESULTS_PAGE = "later pages: results page"
STDLIB = "Python's typing, pathlib, inspect, dataclasses"
MODULES: dict[str, str] = {
    "serumdesk.launch": "console script, serumdesk.launch",
    "typing": STDLIB,
    "pathlib": STDLIB,
    "inspect": STDLIB,
    "dataclasses": STDLIB,
    "argparse": "CLI: argparse",
    "serumdesk.cli.main": "CLI: serumdesk.cli, Answers, choices",
    "pydantic": f"{CATALOG}: import pydantic (the package)",
    "pydantic.fields": f"{CATALOG}: import pydantic.main, fields, types …",
    "pydantic.main": f"{CATALOG}: import pydantic.main, fields, types …",
    "serumdesk.domain.strict.strict_model": (
        f"{CATALOG}: first model class (pydantic's schema machinery loads)"
    ),
    "serumdesk.domain.catalog.product": f"{CATALOG}: the catalog's types (product.py)",
    "serumdesk.domain.catalog.catalog_file": f"{CATALOG}: catalog.py",
    "serumdesk.domain.advice.ranking": f"{CATALOG}: ranking, rules, cautions, cost modules",
    "serumdesk.domain.advice.recommendation": "recommendation, routine modules",
    "serumdesk.ui.profiles.actions": "profiles: modules (storage, prompts, actions)",
    # later_pages() imports the question pages' modules, then the results page's (sorted).
    "serumdesk.ui.questions.sensitivity_page": QUESTION_PAGES,
    "serumdesk.ui.results.results_page": RESULTS_PAGE,
}
"""Module → the part that the time up to the end of its import belongs to."""


FUNCTIONS: dict[str, list[tuple[str, str | Callable[[tuple[Any, ...]], str]]]] = {
    "serumdesk.ui.questions.wizard": [("later_pages", QUESTION_PAGES)],
    "serumdesk.ui.results.results_page": [("ResultsPage.__init__", RESULTS_PAGE)],
    "serumdesk.ui.main_window": [("MainWindow._add_menu_actions", "menus")],
    "serumdesk.ui.catalog_model": [("CatalogModel.read", f"{CATALOG}: other")],
    "serumdesk.storage.data_files": [("load_catalog", f"{CATALOG}: read, check and build")],
    "serumdesk.storage.catalog_loader": [("CatalogLoader.load", f"{CATALOG}: other")],
    "serumdesk.storage.user_catalog": [
        ("UserCatalogStore.extras", "your data folder: your serums, a price list")
    ],
    "serumdesk.app": [("set_window_icon", "window icon (SVG)")],
    "serumdesk.storage.paths": [("UserPaths.default", "user folders (platformdirs)")],
    "serumdesk.ui.profiles.actions": [
        ("install_profile_actions", "profiles: lock, store, actions"),
        ("ProfileActions.offer_last_used", "profiles: look for the last one"),
    ],
    "serumdesk.cli.main": [("build_parser", "CLI: the parser (and the command's module)")],
    "serumdesk.cli.options": [("load_catalog_for", f"{CATALOG}: other")],
    "serumdesk.cli.output": [("write_json", "JSON: write")],
    "serumdesk.domain.advice.recommendation": [
        ("recommend", "rank and advise (recommend())"),
        ("recommendation_to_dict", "JSON: to a dict"),
    ],
}
"""Module → (function, part) pairs: time inside the function, outside anything nested, is
that part's."""

EVENTS: list[tuple[float, str, str]] = []
"""(time, "begin" | "end" | "loaded", part), in the order they happened."""
START = time.perf_counter()


def _wrap(owner: Any, name: str, part: str | Callable[[tuple[Any, ...]], str]) -> None:
    original = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        label = part if isinstance(part, str) else part(args)
        EVENTS.append((time.perf_counter(), "begin", label))
        try:
            return original(*args, **kwargs)
        finally:
            EVENTS.append((time.perf_counter(), "end", label))

    setattr(owner, name, timed)


def _on_import(name: str) -> Callable[[Any], None]:
    def loaded(module: Any) -> None:
        if name in MODULES:
            EVENTS.append((time.perf_counter(), "loaded", MODULES[name]))
        for path, part in FUNCTIONS.get(name, []):
            owner = module
            *outer, attribute = path.split(".")
            for step in outer:
                owner = getattr(owner, step)
            _wrap(owner, attribute, part)

    return loaded


def parts_between(start: float, end: float) -> dict[str, float]:
    """Milliseconds of [start, end] by part."""
    totals: dict[str, float] = {}
    stack: list[str] = []
    previous = start
    for at, kind, part in [*EVENTS, (end, "end of stretch", "")]:
        if at > start:
            if kind == "loaded":
                owner = part
            elif kind == "end" and stack:
                owner = stack[-1]
            else:
                owner = stack[-1] if stack else "other: event loop, painting, unnamed small work"
            span = min(at, end) - max(previous, start)
            if span > 0:
                totals[owner] = totals.get(owner, 0.0) + span * 1000
        previous = at
        if kind == "begin":
            stack.append(part)
        elif kind == "end" and stack:
            stack.pop()
        if at >= end:
            break
    return totals


REPORTED: list[bool] = []


def report(start: float, end: float) -> None:
    """Write the parts of [start, end] once: at ready (the app), or at exit (a command)."""
    if REPORTED:
        return
    REPORTED.append(True)
    parts = {"total": (end - start) * 1000, **parts_between(start, end)}
    sys.stderr.write(f"parts {json.dumps(parts)}\n")
    sys.stderr.flush()


def _report_before_ending(launch: Any) -> None:
    """A command ends its process at once (launch.end_process): report just before."""
    end_process = launch.end_process

    def reported_then_ended(code: int) -> None:
        report(START, time.perf_counter())
        end_process(code)

    launch.end_process = reported_then_ended


def install(after_import: Callable[[str, Callable[[Any], None]], None]) -> None:
    for name in {*MODULES, *FUNCTIONS}:
        after_import(name, _on_import(name))
    after_import("serumdesk.launch", _report_before_ending)
    atexit.register(lambda: report(START, time.perf_counter()))
