"""Composition root: builds the app's objects and passes them down. The only place that wires."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

XCB_LIBRARIES = {
    # soname: Debian/Ubuntu package
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
}


def missing_xcb_packages() -> list[str]:
    """Debian packages Qt's xcb plugin needs but cannot load here ([] when fine or not xcb).

    Qt aborts the whole process when the plugin fails to load, so this is checked first.
    """
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and (os.environ.get("WAYLAND_DISPLAY") or not os.environ.get("DISPLAY")):
        return []
    import ctypes

    missing = []
    for soname, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing.append(package)
    return missing


def run_gui(argv: Sequence[str]) -> int:
    missing = missing_xcb_packages()
    if missing:
        sys.stderr.write(
            "SerumDesk cannot open a window: Qt's X11 (xcb) support needs system libraries "
            "that are not installed:\n  " + " ".join(missing) + "\n"
            "On Debian or Ubuntu install them with:\n"
            "  sudo apt-get install " + " ".join(missing) + "\n")
        return 1
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(list(argv))
    label = QLabel("SerumDesk")
    label.show()
    return app.exec()
