"""The optional features the window offers, found at run time (see docs/ARCHITECTURE.md): a
feature that is not present is not offered. Also the toolbar icons, and the background import of
the core modules the first unlock needs."""

from __future__ import annotations

import importlib
import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from journal.core import paths

log = logging.getLogger(__name__)

# (key, module, class) of the optional views, in navigation order. Timeline is always there;
# the leading views come before it (the first of them is the page shown after unlocking).
LEADING_VIEWS = (
    ("overview", "journal.gui.overview.view", "OverviewView"),
)
OPTIONAL_VIEWS = (
    ("people", "journal.gui.people.view", "PeopleView"),
    ("signs", "journal.gui.signs.view", "SignsView"),
    ("report", "journal.gui.report.view", "ReportView"),
    ("help", "journal.gui.help.view", "HelpView"),
)
EDITOR = ("journal.gui.editor.dialog", "EntryEditorDialog")
IMPORTER = ("journal.gui.importer.dialog", "ImportDialog")
SCREENSHOTS = ("journal.gui.importer.screenshots", "ScreenshotImportDialog")
TRASH = ("journal.gui.history.dialogs", "TrashDialog")
ABOUT = ("journal.gui.help.about", "AboutDialog")
BACKUPS = ("journal.gui.backups", "BackupsDialog")


def action_icon(name: str) -> QIcon:
    path = paths.resources_dir() / "icons" / "actions" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


# Core modules the first unlock needs; importing them in the background while the user types the
# passphrase keeps "unlock → first content" short. No Qt objects are created by these imports.
PREWARM_MODULES = ("journal.core.store", "journal.core.timeparse", "journal.core.money",
                   "journal.core.signs")


def prewarm_imports() -> threading.Thread:
    def run() -> None:
        for name in PREWARM_MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - a missing feature is simply not warmed
                log.debug("prewarm: %s not available", name)

    thread = threading.Thread(target=run, name="prewarm-imports", daemon=True)
    thread.start()
    return thread


def _backup_damaged_handler(parent: QWidget, path: Path, error: Any) -> bool:
    """Offer a backup of a damaged journal (the backups feature, imported only when needed)."""
    try:
        from journal.gui.backups import damaged_handler
    except ImportError:
        return False
    return bool(damaged_handler(parent, path, error))

