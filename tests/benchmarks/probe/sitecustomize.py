"""Benchmark only: puts the first-paint probe into whichever Qt app this interpreter runs.

The start-up rows run the installed `serumdesk` and `serumdesk-gui` scripts unchanged, and
the bare QWizard script, each with this folder on PYTHONPATH. Python imports this module
at start-up; it waits for PySide6.QtWidgets to be imported (by the app itself, when the app
would import it anyway) and then makes every QApplication install the same filter
(paint_probe.FirstPaintProbe) as it is constructed. Nothing here imports anything when
the interpreter starts, so the app's own imports and their order are unchanged; the app has
no hook of its own.
"""

from __future__ import annotations

import sys
from typing import Any

_TARGET = "PySide6.QtWidgets"


def _install_probe(app: object) -> None:
    from paint_probe import FirstPaintProbe

    FirstPaintProbe.install(app)


def _patch(module: Any) -> None:
    """Make QApplication's constructor install the probe once the application exists."""
    application = module.QApplication
    original = application.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        _install_probe(self)

    application.__init__ = init


class _QtWidgetsHook:
    """A meta-path finder that only notices PySide6.QtWidgets; the normal finder loads it."""

    @staticmethod
    def find_spec(name: str, path: Any, target: Any = None) -> Any:
        if name != _TARGET:
            return None
        sys.meta_path.remove(_QtWidgetsHook)  # type: ignore[arg-type]
        finder = sys.modules["_frozen_importlib_external"].PathFinder
        spec = finder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module: Any) -> None:
            exec_module(module)
            _patch(module)

        spec.loader.exec_module = exec_and_patch
        return spec


sys.meta_path.insert(0, _QtWidgetsHook)  # type: ignore[arg-type]
