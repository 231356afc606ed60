#!/usr/bin/env bash
# Build the one-folder SerumDesk bundle (runs without Python installed) with PyInstaller.
#
#   bash packaging/build_bundle.sh            # -> dist/SerumDesk/serumdesk
#
# PyInstaller is a build tool, not a dependency: it is installed from PyPI into a venv of
# its own under build/bundle/ (reused on the next run). Environment:
#   PYTHON                 the Python to build with (default python3; needs libpython shared)
#   SERUMDESK_BUILD_DIR    work folder (default <checkout>/build/bundle)
#   SERUMDESK_DIST_DIR     output folder (default <checkout>/dist)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
BUILD_DIR="${SERUMDESK_BUILD_DIR:-$REPO/build/bundle}"
DIST_DIR="${SERUMDESK_DIST_DIR:-$REPO/dist}"
VENV="$BUILD_DIR/venv"
PYINSTALLER_SPEC="pyinstaller>=6.10,<7"

echo "== build_bundle: build venv $VENV"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$PYINSTALLER_SPEC" "$REPO"
# pip keeps an installed serumdesk of the same version; the bundle must hold this checkout.
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$REPO"

echo "== build_bundle: PyInstaller"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --workpath "$BUILD_DIR/work" --distpath "$DIST_DIR" "$REPO/packaging/serumdesk.spec"

BUNDLE="$DIST_DIR/SerumDesk"
# Desktop integration travels with the bundle: run desktop/install-desktop.sh from it.
mkdir -p "$BUNDLE/desktop"
cp "$REPO/packaging/install-desktop.sh" "$REPO/packaging/org.serumdesk.SerumDesk.desktop" \
    "$REPO/packaging/org.serumdesk.SerumDesk.metainfo.xml" "$BUNDLE/desktop/"
rm -rf "$BUNDLE/desktop/icons"
cp -r "$REPO/resources/icons" "$BUNDLE/desktop/icons"

echo "== build_bundle: done: $BUNDLE/serumdesk"
echo "bundle size: $(du -sh "$BUNDLE" | cut -f1) ($(du -sb "$BUNDLE" | cut -f1) bytes)"
