"""The window: the welcome/unlock screen while locked; navigation, toolbar and views when open.

The sections are listed in one table, :data:`journal.gui.shell.views.VIEWS`; every view follows
the protocol ``set_journal(journal_or_None)``.

The window is composed of parts in :mod:`journal.gui.shell`: ``views`` (the table of sections),
``registry`` (icons, core imports warmed up in the background), ``actions`` (actions, toolbar,
menus, shortcuts), ``navigation`` (sections and views), ``locking`` (lock, backup on close),
``commands`` (what the menus do) and ``drafts`` (the offer of unfinished entries after an
unlock).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from journal.core import settings as settings_mod
from journal.gui.fit import fit_to_screen
from journal.gui.lock import ClipboardGuard, IdleLock
from journal.gui.shell.actions import ShellActions
from journal.gui.shell.commands import ShellCommands
from journal.gui.shell.drafts import ShellDrafts
from journal.gui.shell.locking import ShellLocking
from journal.gui.shell.navigation import ShellNavigation
from journal.gui.shell.readonly import ShellReadOnly
from journal.gui.shell.registry import prewarm_imports
from journal.gui.shell.signs import WINDOW_EVALUATION_CACHE_KIB, ShellSigns
from journal.gui.welcome import WelcomeScreen
from journal.gui.worker import BackgroundTask

log = logging.getLogger(__name__)


class _ChangeRelay(QObject):
    """The journal's change listener may be called from any thread; a queued signal brings the
    news to the UI thread."""

    changed = Signal()


class MainWindow(ShellActions, ShellNavigation, ShellSigns, ShellLocking, ShellCommands,
                 ShellDrafts, ShellReadOnly, QMainWindow):
    locked = Signal()
    unlocked = Signal()
    changeApplied = Signal()  # a change is shown: the page in view, the counts, signs under way

    def __init__(self, settings: Any = None, kdf: Any = None, journal_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else settings_mod.load()
        self.journal: Any = None
        self.views: dict[str, QWidget] = {}
        self._nav_keys: list[str] = []
        self._nav_titles: dict[str, Callable[[], str]] = {}
        self._signs_count: int | None = None
        self._quitting = False
        self.offer_drafts_on_unlock = True
        self._stale: set[str] = set()  # built views that re-read the journal when next shown
        self._view_specs: dict[str, Any] = {}
        self._chain_seen: tuple[int, str] | None = None  # the audit chain as last shown
        self._status_total: tuple[tuple[int, str], int] | None = None  # (chain, entries)
        self._signs_outcome: Any = None
        self._signs_task: BackgroundTask | None = None
        self._signs_again = False  # evaluate again when the running evaluation ends
        self._overview_signs: Any = None
        self._closers: list[BackgroundTask] = []

        self.idle = IdleLock(self.settings.autolock_minutes * 60 * 1000, self)
        self.idle.idle.connect(self.lock)
        self.clipboard_guard = ClipboardGuard(self.settings.clipboard_clear_seconds, self)

        self._relay = _ChangeRelay(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self._journal_changed)
        self._relay.changed.connect(self._refresh_timer.start)

        self.stack = QStackedWidget()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.demo_banner = QLabel()  # shown while the demo journal is open
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setStyleSheet("QLabel#demoBanner { background: #fff4ce; color: #3b2f00;"
                                       " padding: 6px 12px; border-bottom: 1px solid #e0c35a; }")
        self.demo_banner.hide()
        column.addWidget(self.demo_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.welcome = WelcomeScreen(self.settings, kdf=kdf)
        self.welcome.unlocked.connect(self.open_journal)
        self.welcome.languageRequested.connect(self.set_language)
        self.stack.addWidget(self.welcome)
        self.workspace: QWidget | None = None

        self._build_actions()
        self._build_toolbar()
        self._build_read_only_banner()
        self._build_menus()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusText")
        self.statusBar().addWidget(self.status_label, 1)
        fit_to_screen(self, 1180, 760)
        self.setMinimumSize(QSize(760, 520))
        self.retranslate()
        self._set_unlocked_ui(False)
        self.welcome.begin(journal_path)
        self._prewarm = prewarm_imports()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._apply_write_state()
        super().changeEvent(event)

    # --- open / lock ---------------------------------------------------------------------------
    def open_journal(self, journal: Any) -> None:
        """Show an unlocked journal (called by the welcome screen, or directly by tests)."""
        if self.journal is not None and self.journal is not journal:
            self.lock(show_unlock=False)
        self.journal = journal
        try:
            journal.add_listener(lambda *_a: self._relay.changed.emit())
        except AttributeError:
            pass
        journal.set_evaluation_cache(WINDOW_EVALUATION_CACHE_KIB)
        self._build_workspace()
        self._set_unlocked_ui(True)
        self._apply_write_state()  # read-only: editing actions off, a banner says why
        self._start_precheck()  # the pre-write page check, off the window's thread
        if self.workspace is not None:
            self.stack.setCurrentWidget(self.workspace)
        self.show_view(self._nav_keys[0])  # the first section: the case at a glance
        self.idle.set_minutes(self.settings.autolock_minutes)
        self.idle.start()
        self.retranslate()
        self.unlocked.emit()
        self.nav.setFocus()
        if self.offer_drafts_on_unlock:
            QTimer.singleShot(0, self.offer_drafts)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._quitting = True
        self.welcome.stop()  # an upgrade under way stops, its step undone
        self.lock(show_unlock=False)
        self.welcome.clear()
        self.clipboard_guard.clear_on_lock()
        self.wait_for_close()
        super().closeEvent(event)
