"""Small things the window's parts share: the toolbar icons, and the background import of the
core modules the first unlock needs. The sections themselves are listed in
:mod:`journal.gui.shell.views`."""

from __future__ import annotations

import importlib
import threading

from PySide6.QtGui import QIcon

from journal.core import paths


def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` (e.g. ``actions/lock``, ``kinds/note``)."""
    path = paths.resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def action_icon(name: str) -> QIcon:
    return icon(f"actions/{name}")


# Modules the first unlock needs; importing them in the background while the user types the
# passphrase keeps "unlock → first content" short: the core, then the table of sections with every
# view (at 100,000 entries their import was 200 ms of the window's 300–450 ms opening, on its
# thread). These imports define classes and make plain values (colours, sizes, dates), never a
# QObject; an import that fails here fails again, loudly, when the window needs the module.
PREWARM_MODULES = ("journal.core.store", "journal.core.timeparse", "journal.core.money",
                   "journal.core.signs", "journal.core.report", "journal.gui.shell.views")


def prewarm_imports() -> threading.Thread:
    def run() -> None:
        for name in PREWARM_MODULES:
            importlib.import_module(name)

    thread = threading.Thread(target=run, name="prewarm-imports", daemon=True)
    thread.start()
    return thread
