"""Imports are named in code: no module or function of ours is looked up by a string.

grep, mypy and vulture see `from serumdesk.ui.sheet.print_dialogs import print_with_preview`;
they do not see `getattr(print_dialogs, "print_with_preview")` or `import_module(name)`.
A lazy import inside a function is fine (start-up uses them).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "serumdesk"

ALLOWED = {
    ("app.py", "builtins", "__orig_import__"),
    ("app.py", "builtins", "__feature_import__"),
}
"""PySide6's private wrapper of `__import__`, present only in some versions (PYSIDE-2029);
app.skip_pyside_source_scan puts the original back when it finds one."""


def _is_module(name: str) -> bool:
    """Whether `name` (serumdesk.x.y) is one of our modules or packages, found on disk
    without importing anything (importing ui modules would bring Qt into a unit test)."""
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def module_names(tree: ast.Module) -> set[str]:
    """Names that an import in this file binds to a module (`import os`, `from pkg import mod`)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                names.add(alias.asname or alias.name.split(".")[0])
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and not node.level
            and node.module.split(".")[0] == "serumdesk"
        ):  # Qt's names are classes
            for alias in node.names:
                if _is_module(f"{node.module}.{alias.name}"):
                    names.add(alias.asname or alias.name)
    return names


def string_lookups(path: Path, root: Path = PACKAGE) -> list[str]:
    """Each place in `path` that finds a module or a function by a string, described."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules = module_names(tree)
    found = []
    for node in ast.walk(tree):
        where = f"{path.relative_to(root)}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            imported = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            # importlib.metadata reads the installed package's metadata (Help shows the
            # manual from it); it looks up no module or function.
            if any(m and m.split(".")[0] == "importlib" and m != "importlib.metadata" for m in imported):
                found.append(f"{where}: imports importlib")
        elif isinstance(node, ast.Name) and node.id in {"__import__", "globals"}:
            if isinstance(node.ctx, ast.Load):
                found.append(f"{where}: uses {node.id}")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "modules"
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            found.append(f"{where}: looks in sys.modules")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in modules
        ):
            attribute = node.args[1] if len(node.args) > 1 else None
            name = attribute.value if isinstance(attribute, ast.Constant) else None
            if (path.name, node.args[0].id, name) in ALLOWED:
                continue
            # A platform constant (os.O_NOFOLLOW, absent on some systems) is not code.
            if isinstance(name, str) and name.isupper():
                continue
            found.append(f"{where}: {node.func.id}({node.args[0].id}, {name!r})")
    return found


def test_no_module_or_function_is_looked_up_by_a_string() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 50
    found = [lookup for path in files for lookup in string_lookups(path)]
    assert found == []


def test_the_check_sees_each_kind_of_lookup(tmp_path: Path) -> None:
    """The check above fails on each way this codebase once did it (so it can fail)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import importlib\n"
        "import os\n"
        "import sys\n"
        "from serumdesk.ui.sheet import print_dialogs\n"
        "page = getattr(importlib.import_module('serumdesk.ui.questions.use_case_page'), 'X')\n"
        "action = getattr(print_dialogs, 'print_with_preview')\n"
        "flags = getattr(os, 'O_NOFOLLOW', 0)\n"
        "mod = sys.modules['serumdesk']\n"
        "other = __import__('json')\n",
        encoding="utf-8",
    )
    found = {f.split(": ", 1)[1] for f in string_lookups(sample, tmp_path)}
    assert found == {
        "imports importlib",
        "getattr(print_dialogs, 'print_with_preview')",
        "looks in sys.modules",
        "uses __import__",
    }
