#!/usr/bin/env bash
# Put SerumDesk in the current user's application menu: desktop entry, AppStream metainfo
# and icons under $XDG_DATA_HOME (default ~/.local/share). Nothing outside it is touched.
#
#   install-desktop.sh [--exec COMMAND]   install (or update)
#   install-desktop.sh --uninstall        remove what install put there
#
# COMMAND is what the menu entry starts. Default: the bundle's serumdesk when this script
# runs from a bundle's desktop/ folder, else serumdesk-gui found on PATH (pip install).
set -euo pipefail

APP_ID="org.serumdesk.SerumDesk"
SIZES="16 24 32 48 64 128 256 512"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
[ -n "${XDG_DATA_HOME:-}" ] || [ -n "${HOME:-}" ] || { echo "install-desktop: neither XDG_DATA_HOME nor HOME is set" >&2; exit 1; }

usage() { sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

mode=install
exec_cmd=""
while [ $# -gt 0 ]; do
    case "$1" in
        --uninstall) mode=uninstall ;;
        --exec) [ $# -ge 2 ] || { echo "install-desktop: --exec needs a command" >&2; exit 2; }
                exec_cmd="$2"; shift ;;
        --exec=*) exec_cmd="${1#--exec=}" ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install-desktop: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

# Icons: a checkout keeps them in resources/icons, a bundle in desktop/icons.
if [ -d "$HERE/icons/hicolor" ]; then ICONS="$HERE/icons"; else ICONS="$HERE/../resources/icons"; fi

desktop_dst="$DATA/applications/$APP_ID.desktop"
metainfo_dst="$DATA/metainfo/$APP_ID.metainfo.xml"
svg_dst="$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
png_dst() { echo "$DATA/icons/hicolor/${1}x${1}/apps/$APP_ID.png"; }

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$DATA/icons/hicolor" ]; then
        # -t: a per-user hicolor folder has no index.theme of its own.
        gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true
    fi
}

if [ "$mode" = uninstall ]; then
    rm -f "$desktop_dst" "$metainfo_dst" "$svg_dst"
    for size in $SIZES; do rm -f "$(png_dst "$size")"; done
    refresh_caches
    echo "SerumDesk removed from the application menu ($DATA)."
    exit 0
fi

if [ -z "$exec_cmd" ]; then
    if [ -x "$HERE/../serumdesk" ] && [ -d "$HERE/../_internal" ]; then
        exec_cmd="$(cd "$HERE/.." && pwd)/serumdesk"
    elif command -v serumdesk-gui >/dev/null 2>&1; then
        exec_cmd="$(command -v serumdesk-gui)"
    else
        echo "install-desktop: serumdesk-gui is not on PATH. Install SerumDesk first" \
             "(pip install .), or pass --exec /path/to/serumdesk-gui." >&2
        exit 1
    fi
fi
case "$exec_cmd" in
    /*) ;;
    *) resolved="$(command -v "$exec_cmd" || true)"
       [ -n "$resolved" ] || { echo "install-desktop: '$exec_cmd' not found on PATH" >&2; exit 1; }
       exec_cmd="$resolved" ;;
esac
[ -x "$exec_cmd" ] || { echo "install-desktop: '$exec_cmd' is not an executable file" >&2; exit 1; }

# The desktop entry spec quotes Exec arguments with double quotes and escapes \ " ` $ inside.
quoted="$(printf '%s' "$exec_cmd" | sed -e 's/[\\"`$]/\\&/g')"
# In a .desktop file a backslash in a string value is itself escaped once more.
quoted="\"$(printf '%s' "$quoted" | sed -e 's/\\/\\\\/g')\""

mkdir -p "$(dirname "$desktop_dst")" "$(dirname "$metainfo_dst")" "$(dirname "$svg_dst")"
tmp="$(mktemp "$DATA/applications/.$APP_ID.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
sed -e "s|^Exec=.*|Exec=$(printf '%s' "$quoted" | sed -e 's/[|&\\]/\\&/g')|" \
    -e "s|^TryExec=.*|TryExec=$(printf '%s' "$exec_cmd" | sed -e 's/[|&\\]/\\&/g')|" \
    "$HERE/$APP_ID.desktop" > "$tmp"
chmod 644 "$tmp"
mv -f "$tmp" "$desktop_dst"
trap - EXIT
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$metainfo_dst"
install -m 644 "$ICONS/$APP_ID.svg" "$svg_dst"
for size in $SIZES; do
    mkdir -p "$(dirname "$(png_dst "$size")")"
    install -m 644 "$ICONS/hicolor/${size}x${size}/apps/$APP_ID.png" "$(png_dst "$size")"
done
refresh_caches
echo "SerumDesk added to the application menu ($DATA); it starts: $exec_cmd"
echo "Remove it with: $0 --uninstall"
