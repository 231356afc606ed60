"""The Spanish catalogue compiled as the build compiles it, into a test's own folder."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]


def compiled_locale(folder: Path) -> Path:
    """resources/locale's .po files compiled to .mo under `folder` by hatch_build.py's code;
    returns the locale folder (a test's language never depends on a stale installed .mo)."""
    spec = importlib.util.spec_from_file_location("hatch_build", REPO / "hatch_build.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    locale = folder / "locale"
    for po in (REPO / "resources" / "locale").glob("*/LC_MESSAGES/*.po"):
        target = locale / po.relative_to(REPO / "resources" / "locale")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(po, target)
    for manual in (REPO / "resources" / "locale").glob("*/manual.md"):
        shutil.copyfile(manual, locale / manual.relative_to(REPO / "resources" / "locale"))
    hook.compile_catalogues(locale)
    return locale


def catalogues_script() -> ModuleType:
    """scripts/catalogues.py, which extracts the marked text and the bundled data's prose."""
    spec = importlib.util.spec_from_file_location("catalogues", REPO / "scripts" / "catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
