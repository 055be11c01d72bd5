#!/usr/bin/env bash
# Build the one-folder bundle into dist/IncidentJournal (journal + journal-cli).
#   packaging/build.sh [DISTDIR]        (default: dist/ at the top of the repository)
# Uses the python of $PYTHON, else the active venv, else python3. Prints size and build time.
set -euo pipefail
export LANG="${LANG:-C.UTF-8}"
export LC_ALL="${LC_ALL:-C.UTF-8}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIST="${1:-$ROOT/dist}"
WORK="${WORK:-$ROOT/build/pyinstaller}"
PY="${PYTHON:-$(command -v python || command -v python3)}"

cd "$ROOT"
start=$("$PY" -c "import time; print(time.time())")
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/journal.spec
end=$("$PY" -c "import time; print(time.time())")

BUNDLE="$DIST/IncidentJournal"
"$BUNDLE/journal-cli" --version
size=$(du -sh "$BUNDLE" | cut -f1)
files=$(find "$BUNDLE" -type f | wc -l)
secs=$("$PY" -c "print(f'{$end - $start:.1f}')")
printf 'bundle: %s\nsize:   %s (%s files)\ntime:   %s s\n' "$BUNDLE" "$size" "$files" "$secs"
