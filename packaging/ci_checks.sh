#!/usr/bin/env bash
# Packaging checks, run by CI after the test suite (and by hand: bash packaging/ci_checks.sh).
#
#  1. the desktop entry and AppStream metainfo pass desktop-file-validate / appstreamcli,
#     and install-desktop.sh installs a tree appstreamcli validate-tree accepts, then removes it
#  2. the wheel builds, installs into a clean venv outside the checkout, and from a temp
#     folder: --version, recommend --json, sheet --output (when the command exists), and an
#     offscreen start of the app (window shown, screenshot saved, quits by itself)
#  3. the committed icon PNGs match the SVGs
#  4. the one-folder bundle builds, holds no unused Qt parts, and runs the same checks
#     with no Python on its environment
#
# Environment: PYTHON (default python3) builds the venvs; SERUMDESK_SKIP_BUNDLE=1 skips 4;
# SERUMDESK_CI_KEEP=1 keeps the temp folder. Installs Debian's desktop-file-utils and
# appstream with apt-get when missing (CI runs as root).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
APP_ID="org.serumdesk.SerumDesk"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/serumdesk-ci.XXXXXX")"
ARTIFACTS="$REPO/tests/artifacts/ci_checks"
START=$SECONDS

finish() {
    local status=$?
    if [ "$status" -eq 0 ] && [ -z "${SERUMDESK_CI_KEEP:-}" ]; then
        rm -rf "$WORK"
    else
        echo "ci_checks: work folder kept: $WORK" >&2
    fi
    if [ "$status" -ne 0 ]; then
        echo "ci_checks: FAILED (exit $status) after $((SECONDS - START)) s" >&2
    fi
}
trap finish EXIT

step() { echo; echo "== ci_checks [$((SECONDS - START)) s]: $*"; }
fail() { echo "ci_checks: FAILED: $*" >&2; exit 1; }

# pip's cache is worth keeping between runs (PySide6 is large): the real one, found first.
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/pip}" \
       PIP_DISABLE_PIP_VERSION_CHECK=1
# Nothing here may touch the real home: user data, settings and caches go to WORK.
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config" \
       XDG_CACHE_HOME="$WORK/home/cache" XDG_STATE_HOME="$WORK/home/state" \
       SERUMDESK_DATA_DIR="$WORK/home/data/SerumDesk" QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" \
         "$ARTIFACTS" "$WORK/run"

VERSION="$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$REPO/pyproject.toml")"
echo "ci_checks: SerumDesk $VERSION from $REPO; work folder $WORK"

# --- tools ------------------------------------------------------------------------------
if ! command -v desktop-file-validate >/dev/null || ! command -v appstreamcli >/dev/null; then
    step "installing desktop-file-utils and appstream (Debian)"
    command -v apt-get >/dev/null || fail "desktop-file-validate/appstreamcli missing and no apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq desktop-file-utils appstream >/dev/null
fi

# --- 1. desktop entry and metainfo ------------------------------------------------------
step "desktop-file-validate packaging/$APP_ID.desktop"
out="$(desktop-file-validate "$REPO/packaging/$APP_ID.desktop" 2>&1)" || fail "desktop entry invalid: $out"
# It exits 0 on hints; treat them as failures too.
[ -z "$out" ] || fail "desktop entry has hints: $out"
echo "valid"

step "appstreamcli validate --no-net --strict packaging/$APP_ID.metainfo.xml"
if ! out="$(appstreamcli validate --no-net --strict "$REPO/packaging/$APP_ID.metainfo.xml" 2>&1)"; then
    # AppStream < 1.0 (Debian 12: 0.16) does not know <developer> (new in 1.0) and reports
    # it as an info-level unknown tag; any other issue fails.
    others="$(printf '%s\n' "$out" | grep -E '^[EWI]: ' | grep -v 'unknown-tag developer$' || true)"
    [ -z "$others" ] || fail "metainfo invalid:
$out"
    echo "(tolerated on AppStream $(appstreamcli --version | awk '{print $NF}'): unknown-tag developer)"
fi
echo "valid"

step "install-desktop.sh into a temp prefix; appstreamcli validate-tree; --uninstall"
prefix="$WORK/prefix/usr/share"
XDG_DATA_HOME="$prefix" bash "$REPO/packaging/install-desktop.sh" --exec /bin/true
if ! out="$(appstreamcli validate-tree --no-net "$WORK/prefix" 2>&1)"; then
    fail "installed tree invalid:
$out"
fi
others="$(printf '%s\n' "$out" | grep -E '^ *[EW]: ' || true)"
[ -z "$others" ] || fail "installed tree has issues:
$out"
echo "installed tree valid"
XDG_DATA_HOME="$prefix" bash "$REPO/packaging/install-desktop.sh" --uninstall
left="$(find "$prefix" -type f -name "$APP_ID*")"
[ -z "$left" ] || fail "--uninstall left: $left"

# --- 2. wheel in a clean venv -----------------------------------------------------------
step "building the wheel (pip wheel --no-deps)"
"$PYTHON" -m pip wheel --quiet --no-deps -w "$WORK/wheel" "$REPO"
WHEEL="$(ls "$WORK"/wheel/serumdesk-*.whl)"
echo "built $(basename "$WHEEL")"
"$PYTHON" - "$WHEEL" "$APP_ID" <<'EOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = ["serumdesk/_data/catalog/catalog.json", "serumdesk/_data/catalog/ingredients.json",
        f"serumdesk/_data/resources/icons/{sys.argv[2]}.svg"]
missing = [n for n in need if n not in names]
if missing:
    sys.exit(f"the wheel lacks {missing}")
print(f"wheel holds {len(names)} files, bundled data included")
EOF

step "installing the wheel into a clean venv outside the checkout"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$WHEEL"
SD="$WORK/venv/bin/serumdesk"

# Checks shared by the wheel and the bundle; $1 = the serumdesk command, run from WORK/run.
check_commands() {
    local cmd="$1" label="$2"
    cd "$WORK/run"

    step "$label: serumdesk --version"
    out="$("$cmd" --version)"
    echo "$out"
    [ "$out" = "SerumDesk $VERSION" ] || fail "expected 'SerumDesk $VERSION', got '$out'"

    step "$label: serumdesk recommend --json"
    "$cmd" recommend --json > recommend.json
    "$PYTHON" - recommend.json <<'EOF'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
products = data.get("recommended") or []
if not products:
    sys.exit(f"recommend --json listed no products: keys {sorted(data)}")
print(f"{len(products)} products recommended, {len(data.get('excluded', []))} excluded")
EOF

    step "$label: serumdesk ingredients --json (the bundled ingredient vocabulary)"
    "$cmd" ingredients --json "Water, Glycerin, Human Fibroblast Conditioned Media" > ingredients.json
    "$PYTHON" - ingredients.json <<'EOF'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
if data.get("source_category") != "human-fibroblast-conditioned-media" or data.get("unknown"):
    sys.exit(f"ingredients --json misread the label: {data.get('source_category')}, {data.get('unknown')}")
print(f"{len(data['ingredients'])} ingredients read, source {data['source_category']}")
EOF

    step "$label: serumdesk sheet --output sheet.pdf"
    if "$cmd" sheet --help >/dev/null 2>&1; then
        rm -f sheet.pdf
        "$cmd" sheet --output sheet.pdf
        [ "$(head -c 5 sheet.pdf)" = "%PDF-" ] || fail "sheet.pdf is not a PDF"
        echo "sheet.pdf: $(stat -c %s sheet.pdf) bytes"
    else
        echo "skipped: this build has no 'sheet' command"
    fi

    step "$label: offscreen start (must still be running after 10 s, no traceback)"
    local status=0
    timeout -s TERM 10 "$cmd" > gui.out 2> gui.err || status=$?
    if grep -E -q 'Traceback|unexpected error|Fatal|Aborted|Segmentation' gui.err; then
        cat gui.err >&2; fail "the app printed an error while starting"
    fi
    # 124: timeout stopped it, so it was up and running; any other status means it exited.
    [ "$status" -eq 124 ] || { cat gui.out gui.err >&2; fail "the app exited with status $status"; }
    echo "started and kept running (stderr: $(wc -l < gui.err) lines, no errors)"
    cd "$REPO"
}

check_commands "$SD" "wheel"

step "wheel: app started through its entry point, window shown, screenshot, quits by itself"
(cd "$WORK/run" && timeout 60 "$WORK/venv/bin/python" "$REPO/packaging/smoke_gui.py" \
    "$ARTIFACTS/wheel-window.png")

# --- 3. icons ---------------------------------------------------------------------------
step "committed icon PNGs match the SVGs"
"$WORK/venv/bin/python" "$REPO/packaging/render_icons.py" --check

# --- 4. bundle --------------------------------------------------------------------------
if [ -n "${SERUMDESK_SKIP_BUNDLE:-}" ]; then
    step "bundle: skipped (SERUMDESK_SKIP_BUNDLE is set)"
else
    step "bundle: packaging/build_bundle.sh"
    bundle_start=$SECONDS
    SERUMDESK_BUILD_DIR="$WORK/bundle-build" SERUMDESK_DIST_DIR="$WORK/dist" PYTHON="$PYTHON" \
        bash "$REPO/packaging/build_bundle.sh"
    echo "bundle built in $((SECONDS - bundle_start)) s"
    BUNDLE="$WORK/dist/SerumDesk"

    step "bundle: no unused Qt parts"
    unwanted="$(cd "$BUNDLE" && find . \( -name 'libQt6Qml*' -o -name 'libQt6Quick*' \
        -o -name 'libQt6WebEngine*' -o -name 'libQt63D*' -o -name 'libQt6Multimedia*' \
        -o -name 'libQt6Network*' -o -name 'libqvnc*' -o -name 'libqeglfs*' \
        -o \( -path '*/Qt/translations/*' ! -name 'qtbase_*.qm' \) -o -path '*/qml/*' \) -print)"
    [ -z "$unwanted" ] || fail "the bundle holds unused Qt parts:
$unwanted"
    echo "none of QML/Quick, WebEngine, Qt3D, Multimedia, Network, VNC/EGLFS, translations"
    step "bundle: Qt's own text only for the languages SerumDesk ships"
    shipped="$( (cd "$REPO/resources/locale" && ls -d -- */LC_MESSAGES/serumdesk.po) 2>/dev/null \
        | cut -d/ -f1 | sed 's/^/qtbase_/; s/$/.qm/' | sort | tr '\n' ' ' || true)"
    kept="$(find "$BUNDLE" -path '*/Qt/translations/qtbase_*.qm' -printf '%f\n' | sort | tr '\n' ' ')"
    [ "$kept" = "$shipped" ] || fail "Qt catalogues in the bundle ($kept) are not those of the \
shipped languages ($shipped)"
    echo "qtbase catalogues: ${kept:-none (English only)}"
    dangling="$(find -L "$BUNDLE" -type l)"
    [ -z "$dangling" ] || fail "the bundle holds dangling links:
$dangling"

    # The bundle must not lean on a Python: run it with a bare environment.
    bare="$WORK/bare-serumdesk"
    cat > "$bare" <<EOF
#!/bin/sh
exec env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
    XDG_CONFIG_HOME="$XDG_CONFIG_HOME" SERUMDESK_DATA_DIR="$SERUMDESK_DATA_DIR" \
    QT_QPA_PLATFORM=offscreen "$BUNDLE/serumdesk" "\$@"
EOF
    chmod +x "$bare"
    check_commands "$bare" "bundle"
    echo "bundle size: $(du -sh "$BUNDLE" | cut -f1)"
fi

step "all packaging checks passed in $((SECONDS - START)) s"
