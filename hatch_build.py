"""Build hook: compile SerumDesk's translation catalogues (.po → .mo) with Babel.

Babel is a build-time tool only (not a runtime dependency): hatch installs it for the build,
this writes resources/locale/<lang>/LC_MESSAGES/serumdesk.mo beside each .po, and the wheel
carries the .mo files with the rest of resources/. The .mo files are never committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # imported by the tests (compile_catalogues), outside a build
    BuildHookInterface = object


def compile_catalogues(locale: Path) -> list[Path]:
    """Every <lang>/LC_MESSAGES/*.po under `locale` compiled to a .mo beside it; returns them.

    A catalogue with an error (a broken placeholder, a bad plural form) fails the build rather
    than shipping a translation that would crash or mislead at run time.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(locale.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        problems = [
            f"{po}: {message.id!r}: {error}" for message, errors in catalog.check() for error in errors
        ]
        if problems:
            raise ValueError("translation catalogue errors:\n" + "\n".join(problems))
        mo = po.with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        written.append(mo)
    return written


class CatalogueBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_catalogues(Path(self.root) / "resources" / "locale")
