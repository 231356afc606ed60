"""Desktop integration files: valid, consistent with APP_ID, icons at the sizes the theme spec wants."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from serumdesk import __version__
from serumdesk.storage.paths import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
# The sizes the freedesktop icon theme spec's hicolor theme lists for apps.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_header(path: Path) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from the IHDR chunk; no image library needed."""
    data = path.read_bytes()[:33]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR", f"{path} does not start with IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    return width, height, depth, colour


def _appstream_issues(output: str) -> list[str]:
    """Error/warning/info lines of `appstreamcli validate`, minus one known false alarm.

    AppStream before 1.0 (Debian 12 has 0.16) does not know <developer>, which replaced
    <developer_name> in 1.0; it reports it as an info-level unknown tag.
    """
    lines = [ln for ln in output.splitlines() if ln[:2] in ("E:", "W:", "I:")]
    return [ln for ln in lines if not ln.rstrip().endswith("unknown-tag developer")]


# --- identity: every file names the same app ---------------------------------------------


def test_desktop_entry_names_the_app_and_an_installed_command() -> None:
    entry = _desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "SerumDesk"
    assert entry["Icon"] == APP_ID
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    commands = set(scripts.get("scripts", {})) | set(scripts.get("gui-scripts", {}))
    assert entry["Exec"].split()[0] in commands
    assert entry["TryExec"] == entry["Exec"].split()[0]
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")


def test_metainfo_id_launchable_and_release_match_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.find("content_rating") is not None
    releases = root.findall("releases/release")
    assert releases, "metainfo lists no release"
    # Newest first, as AppStream expects; it is the version the package reports.
    assert releases[0].get("version") == __version__
    assert releases[0].get("date") == "2026-11-25"


# --- validators (Debian's desktop-file-utils and appstream) -------------------------------


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (apt-get install desktop-file-utils)",
)
def test_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    # It exits 0 on hints too; a hint (say, two main categories) is still a defect here.
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None, reason="appstreamcli not installed (apt-get install appstream)"
)
def test_metainfo_is_valid() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--strict", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert not _appstream_issues(output), output
    # --strict fails on the tolerated info line too; anything else failing shows above.
    assert result.returncode == 0 or "unknown-tag developer" in output, output


# --- icons --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), f"missing {path.relative_to(ROOT)}; run packaging/render_icons.py"
    width, height, depth, colour = _png_header(path)
    assert (width, height) == (size, size)
    assert (depth, colour) == (8, 6), "expected 8-bit RGBA (transparent corners)"


def test_icon_svg_is_square_svg() -> None:
    root = ET.parse(ICONS / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _, _, w, h = (float(v) for v in root.get("viewBox", "").split())
    assert w == h


@pytest.mark.slow
def test_committed_pngs_match_the_svg() -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- install-desktop.sh -------------------------------------------------------------------


def _installed_files(data: Path) -> list[Path]:
    return [
        data / "applications" / DESKTOP.name,
        data / "metainfo" / METAINFO.name,
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
    ]


def _install_script(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(PACKAGING / "install-desktop.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_install_desktop_puts_files_under_xdg_data_home_and_uninstall_removes_them(tmp_path: Path) -> None:
    data = Path(os.environ["XDG_DATA_HOME"])  # conftest points it into tmp_path
    launcher = tmp_path / "my apps" / "serumdesk-gui"  # a space: Exec must quote it
    launcher.parent.mkdir()
    launcher.write_text("#!/bin/sh\nexit 0\n")
    launcher.chmod(0o755)

    result = _install_script("--exec", str(launcher), env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    for path in _installed_files(data):
        assert path.is_file(), f"not installed: {path}"
    entry = _desktop_entry(data / "applications" / DESKTOP.name)
    assert entry["Exec"] == f'"{launcher}"'
    assert entry["TryExec"] == str(launcher)
    assert entry["Icon"] == APP_ID
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(data / "applications" / DESKTOP.name)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert check.returncode == 0, check.stdout

    result = _install_script("--uninstall", env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    assert not [p for p in _installed_files(data) if p.exists()]


def test_install_desktop_without_a_launcher_says_what_to_do(tmp_path: Path) -> None:
    env = dict(os.environ, PATH="/usr/bin:/bin")
    result = _install_script(env=env)
    assert result.returncode == 1
    assert "serumdesk-gui is not on PATH" in result.stderr
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "applications" / DESKTOP.name).exists()
