"""The domain stays pure Python: nothing under serumdesk/domain imports Qt or storage."""

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


QT_FREE_OUTSIDE_DOMAIN = ("ui/sheet/content.py",)
"""Modules under ui/ that decide what to show and promise no Qt (they run in the CLI too)."""


def test_qt_free_ui_modules_import_no_qt_even_indirectly() -> None:
    for rel in QT_FREE_OUTSIDE_DOMAIN:
        module = module_name(PACKAGE / rel)
        code = (
            f"import sys, {module}\n"
            "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "[]", f"{rel} pulls in Qt"


def test_the_command_line_uses_only_the_sheet_rendering_from_the_ui() -> None:
    graph = import_graph()
    for module, imports in graph.items():
        if module.startswith("serumdesk.cli"):
            ui = {m for m in imports if m.startswith("serumdesk.ui")}
            assert ui <= {"serumdesk.ui.sheet.pdf"}, f"{module} imports {ui}"


def test_storage_never_imports_qt_widgets() -> None:
    for path in sorted((PACKAGE / "storage").rglob("*.py")):
        widgets = {m for m in imported_modules(path) if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))}
        assert not widgets, f"{path.name} imports {widgets}"


def test_the_domain_imports_nothing_from_storage() -> None:
    """The domain takes bytes: storage reads the files (storage/data_files.py) and passes them in."""
    graph = import_graph()
    for module, imports in graph.items():
        if module.startswith("serumdesk.domain"):
            storage = {m for m in imports if m.startswith("serumdesk.storage")}
            assert not storage, f"{module} imports {storage}"


def test_the_domain_is_grouped_by_feature() -> None:
    """A few shared modules at the top; each feature is a folder, and tests mirror them."""
    domain = PACKAGE / "domain"
    top = [p for p in domain.glob("*.py") if p.name != "__init__.py"]
    assert len(top) <= 12, sorted(p.name for p in top)
    features = {p.name for p in domain.iterdir() if (p / "__init__.py").exists()}
    assert {"advice", "catalog", "ingredients", "label", "strict"} <= features
    tests = PACKAGE.parent / "tests" / "unit" / "domain"
    assert features <= {p.name for p in tests.iterdir() if p.is_dir()}


def test_the_domain_leaves_the_garbage_collector_alone() -> None:
    for path in sorted((PACKAGE / "domain").rglob("*.py")):
        assert "gc" not in imported_modules(path), f"{path.name} imports gc"


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


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def serumdesk_imports(path: Path, modules: set[str]) -> set[str]:
    """The SerumDesk modules `path` imports anywhere: at the top, in functions, for type checking."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                if f"{base}.{alias.name}" in modules:  # `from package import module`
                    found.add(f"{base}.{alias.name}")
                elif base in modules:
                    found.add(base)
    found.discard(module_name(path))
    return found


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): serumdesk_imports(p, modules) for p in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles_between_serumdesk_modules() -> None:
    """Counting imports inside functions and under TYPE_CHECKING too: a cycle hidden there is
    still two modules that cannot be understood one without the other."""
    graph = import_graph()
    assert len(graph) >= 60
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_nothing_selects_pyside_features() -> None:
    """app.skip_pyside_source_scan turns off what `from __feature__ import …` needs."""
    for path in sorted(PACKAGE.rglob("*.py")):
        assert "__feature__" not in imported_modules(path), f"{path.name} imports __feature__"
