"""The domain stays pure Python: nothing under serumdesk/domain imports Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "serumdesk"


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_domain_module_imports_qt() -> None:
    files = sorted((PACKAGE / "domain").rglob("*.py"))
    assert len(files) >= 8
    for path in files:
        qt = {m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "shiboken6"}}
        assert not qt, f"{path.name} imports {qt}"


def test_storage_never_imports_qt_widgets() -> None:
    for path in sorted((PACKAGE / "storage").rglob("*.py")):
        widgets = {m for m in imported_modules(path) if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))}
        assert not widgets, f"{path.name} imports {widgets}"


def test_importing_the_whole_domain_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, serumdesk.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__): importlib.import_module('serumdesk.domain.' + m.name)\n"
        "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_module_has_a_docstring() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path.relative_to(PACKAGE.parent)} needs a one-line docstring"
