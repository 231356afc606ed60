#!/usr/bin/env bash
# Run the whole test suite on each supported CPython (3.11, 3.12, 3.13) found on this
# machine, each in a fresh venv under build/pythons/; a Python that is not installed is
# skipped with a note. Usage: scripts/test-all-pythons.sh [pytest arguments…]
set -uo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen

failed=()
ran=()
find_python() {  # on PATH, else a pyenv install (whose shim may not be active)
    local version="$1" candidate
    for candidate in "$(command -v "python$version")" \
            "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c '' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
}

for version in 3.11 3.12 3.13; do
    python="$(find_python "$version")"
    if [ -z "$python" ]; then
        echo "== Python $version: not installed here, skipped"
        continue
    fi
    venv="build/pythons/$version"
    echo "== Python $version ($python) in $venv"
    if ! { [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"; } \
        || ! "$venv/bin/pip" install -q ".[test]"; then
        echo "== Python $version: could not install SerumDesk"
        failed+=("$version")
        continue
    fi
    # -p no:cacheprovider: the venvs share the checkout; no cache folder is written in it.
    if "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"; then
        ran+=("$version")
    else
        failed+=("$version")
    fi
done

echo "== passed on: ${ran[*]:-none}; failed on: ${failed[*]:-none}"
[ ${#failed[@]} -eq 0 ] && [ ${#ran[@]} -gt 0 ]
