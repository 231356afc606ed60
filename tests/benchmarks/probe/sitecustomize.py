"""Benchmark only: puts the first-paint probe into whichever Qt app this interpreter runs.

The start-up rows run the installed `serumdesk` and `serumdesk-gui` scripts unchanged, and
the bare QWizard script, each with this folder on PYTHONPATH. Python imports this module
at start-up; it waits for PySide6.QtWidgets to be imported (by the app itself, when the app
would import it anyway) and then makes every QApplication install the same filter
(paint_probe.FirstPaintProbe) as it is constructed. Nothing here imports anything when
the interpreter starts, so the app's own imports and their order are unchanged; the app has
no hook of its own.

With SERUMDESK_BENCH_PARTS=1 (start_up_parts.py) parts_probe also times the parts of start-up.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not typing's: importing typing here would change the measured processes
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

_AFTER_IMPORT: dict[str, list[Callable[[Any], None]]] = {}


def after_import(name: str, callback: Callable[[Any], None]) -> None:
    """Call `callback(module)` right after the module `name` is first imported."""
    _AFTER_IMPORT.setdefault(name, []).append(callback)


class _AfterImportHook:
    """A meta-path finder that only notices the modules named above; the normal finders load
    them, and the callbacks run once each has executed."""

    @staticmethod
    def find_spec(name: str, path: Any, target: Any = None) -> Any:
        callbacks = _AFTER_IMPORT.pop(name, None)
        if callbacks is None:
            return None
        spec = None
        for finder in sys.meta_path:
            if finder is not _AfterImportHook and hasattr(finder, "find_spec"):
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    break
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_call_back(module: Any) -> None:
            exec_module(module)
            for callback in callbacks:
                callback(module)

        spec.loader.exec_module = exec_and_call_back
        return spec


def _patch_qapplication(module: Any) -> None:
    """Make QApplication's constructor install the probe once the application exists."""
    application = module.QApplication
    original = application.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        from paint_probe import FirstPaintProbe

        FirstPaintProbe.install(self)

    application.__init__ = init


after_import("PySide6.QtWidgets", _patch_qapplication)
sys.meta_path.insert(0, _AfterImportHook)  # type: ignore[arg-type]
if os.environ.get("SERUMDESK_BENCH_PARTS"):
    import parts_probe

    parts_probe.install(after_import)
