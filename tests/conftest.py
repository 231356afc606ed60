"""Shared test set-up: offscreen Qt, user folders redirected to tmp_path, an artifacts folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings
from pytestqt.qtbot import QtBot

if TYPE_CHECKING:
    from serumdesk.domain.ingredients.vocabulary import Vocabulary

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A busy machine (two cores, other suites running) must not fail a test: fuzz tests bound
# their examples, never the seconds one takes, and every wait is long enough to mean "hung".
settings.register_profile("serumdesk", deadline=None, max_examples=100)
settings.load_profile("serumdesk")
WAIT_MS = 60_000
"""How long any qtbot wait gives Qt before failing (pytest-qt's own default is 5 s). A wait
ends as soon as its condition holds, so a long limit costs nothing when all is well."""
for _wait in (
    QtBot.waitUntil,
    QtBot.waitSignal,
    QtBot.waitSignals,
    QtBot.waitExposed,
    QtBot.waitActive,
    QtBot.waitCallback,
):
    assert _wait.__kwdefaults__ is not None and "timeout" in _wait.__kwdefaults__
    _wait.__kwdefaults__["timeout"] = WAIT_MS

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty user data and config folders; nothing touches $HOME."""
    home = tmp_path / "home"
    for var, sub in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        folder = home / sub
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(folder))
    data_dir = home / "data" / "SerumDesk"
    monkeypatch.setenv("SERUMDESK_DATA_DIR", str(data_dir))
    yield data_dir


@pytest.fixture
def artifacts_dir(request: pytest.FixtureRequest) -> Path:
    """tests/artifacts/<test module>/ for screenshots and PDFs a person should look at."""
    folder = ARTIFACTS / Path(str(request.node.path)).stem
    folder.mkdir(parents=True, exist_ok=True)
    return folder


GUIDE = REPO_ROOT.parent / "shared" / "reference" / "guide.txt"


@pytest.fixture(scope="session")
def guide_text() -> str:
    """The guide SerumDesk is built on, when this checkout sits beside it (skipped otherwise)."""
    if not GUIDE.is_file():
        pytest.skip("the guide is not beside this checkout")
    return GUIDE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def catalog_path() -> Path:
    return REPO_ROOT / "catalog" / "catalog.json"


@pytest.fixture(scope="session")
def ingredients_path() -> Path:
    return REPO_ROOT / "catalog" / "ingredients.json"


@pytest.fixture(scope="session")
def vocabulary(ingredients_path: Path) -> Vocabulary:
    """The bundled ingredient vocabulary, loaded once for the whole run."""
    from serumdesk.storage.data_files import load_vocabulary

    return load_vocabulary(ingredients_path)


@pytest.fixture(scope="session")
def spanish_catalogues(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """resources/locale compiled as the build compiles it, once for the session: a checkout
    holds only the .po files (tests/spanish_catalogue.py)."""
    pytest.importorskip("babel")
    from tests.spanish_catalogue import compiled_locale

    return compiled_locale(tmp_path_factory.mktemp("locale"))


@pytest.fixture
def locale(spanish_catalogues: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The compiled catalogues where SerumDesk looks for them; the test starts and leaves
    in English, as a process does."""
    from serumdesk import i18n

    monkeypatch.setattr("serumdesk.storage.paths.locale_dir", lambda: spanish_catalogues)
    i18n.install("en", spanish_catalogues)
    yield spanish_catalogues
    i18n.install("en", spanish_catalogues)
