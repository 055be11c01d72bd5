#!/usr/bin/env bash
# Install the built bundle for the current user (no root needed):
#   packaging/install-linux.sh [BUNDLE]      default BUNDLE: dist/IncidentJournal
#   packaging/install-linux.sh --uninstall
# Copies the bundle to ~/.local/opt/IncidentJournal, links journal and journal-cli into
# ~/.local/bin, and installs the menu entry, the icons and the AppStream metainfo.
# Journals, settings and backups are never touched (they live in the user data dir).
set -euo pipefail
export LANG="${LANG:-C.UTF-8}"

APP_ID="org.incidentjournal.IncidentJournal"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OPT="${INSTALL_PREFIX:-$HOME/.local/opt}/IncidentJournal"
BIN="$HOME/.local/bin"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APPS="$DATA/applications"
ICONS="$DATA/icons/hicolor"
METAINFO="$DATA/metainfo"

refresh_caches() {
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$APPS" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ICONS" || true
}

uninstall() {
    rm -f "$BIN/journal" "$BIN/journal-cli" "$APPS/$APP_ID.desktop" "$METAINFO/$APP_ID.metainfo.xml"
    rm -f "$ICONS/scalable/apps/$APP_ID.svg"
    for size in 16 32 48 64 128 256; do rm -f "$ICONS/${size}x${size}/apps/$APP_ID.png"; done
    if [ -f "$OPT/journal" ]; then rm -rf -- "$OPT"; fi   # only a folder that holds our bundle
    refresh_caches
    echo "Incident Journal was removed. Your journals and backups were not touched."
}

if [ "${1:-}" = "--uninstall" ]; then uninstall; exit 0; fi

BUNDLE="${1:-$ROOT/dist/IncidentJournal}"
if [ ! -x "$BUNDLE/journal" ] || [ ! -x "$BUNDLE/journal-cli" ]; then
    echo "No bundle at $BUNDLE (build it first: packaging/build.sh)" >&2
    exit 1
fi

mkdir -p "$(dirname "$OPT")" "$BIN" "$APPS" "$ICONS/scalable/apps" "$METAINFO"
# Copy next to the old version first, then swap, so a failed copy leaves the old one working.
tmp="$OPT.new.$$"
rm -rf -- "$tmp"
cp -a "$BUNDLE" "$tmp"
if [ -f "$OPT/journal" ]; then rm -rf -- "$OPT"; fi
mv "$tmp" "$OPT"

ln -sf "$OPT/journal" "$BIN/journal"
ln -sf "$OPT/journal-cli" "$BIN/journal-cli"

RES="$OPT/_internal/journal/resources/icons/app"
install -m 644 "$RES/$APP_ID.svg" "$ICONS/scalable/apps/$APP_ID.svg"
for size in 16 32 48 64 128 256; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    install -m 644 "$RES/$APP_ID-$size.png" "$ICONS/${size}x${size}/apps/$APP_ID.png"
done

# The menu entry runs the installed copy by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=journal$|Exec=\"$OPT/journal\"|" -e "s|^TryExec=journal$|TryExec=$OPT/journal|" \
    "$HERE/$APP_ID.desktop" > "$APPS/$APP_ID.desktop"
chmod 644 "$APPS/$APP_ID.desktop"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$METAINFO/$APP_ID.metainfo.xml"
refresh_caches

echo "Installed Incident Journal to $OPT"
echo "Start it from the applications menu, or run: $BIN/journal"
