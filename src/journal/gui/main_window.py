"""The window: the welcome/unlock screen while locked; navigation, toolbar and views when open.

Views come from the feature packages (see docs/ARCHITECTURE.md); a feature that is not present is
not offered. Every view follows the protocol ``set_journal(journal_or_None)``.
"""

from __future__ import annotations

import importlib
import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from journal.core import paths
from journal.core import settings as settings_mod
from journal.core.models import KINDS
from journal.gui import dialogs, qtsetup
from journal.gui.lock import ClipboardGuard, IdleLock
from journal.gui.timeline import labels
from journal.gui.timeline.optional import available, feature
from journal.gui.welcome import WelcomeScreen

log = logging.getLogger(__name__)

# (key, module, class) of the optional views, in navigation order. Timeline is always there.
OPTIONAL_VIEWS = (
    ("people", "journal.gui.people.view", "PeopleView"),
    ("signs", "journal.gui.signs.view", "SignsView"),
    ("report", "journal.gui.report.view", "ReportView"),
    ("help", "journal.gui.help.view", "HelpView"),
)
EDITOR = ("journal.gui.editor.dialog", "EntryEditorDialog")
IMPORTER = ("journal.gui.importer.dialog", "ImportDialog")
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


class _ChangeRelay(QObject):
    """The journal's change listener may be called from any thread; a queued signal brings the
    news to the UI thread."""

    changed = Signal()


class MainWindow(QMainWindow):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, settings: Any = None, kdf: Any = None, journal_path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else settings_mod.load()
        self.journal: Any = None
        self.views: dict[str, QWidget] = {}
        self._nav_keys: list[str] = []
        self._signs_count: int | None = None
        self._quitting = False
        self.offer_drafts_on_unlock = True
        self._pending_views: list[QWidget] = []
        self._closers: list[threading.Thread] = []

        self.idle = IdleLock(self.settings.autolock_minutes * 60 * 1000, self)
        self.idle.idle.connect(self.lock)
        self.clipboard_guard = ClipboardGuard(self.settings.clipboard_clear_seconds, self)

        self._relay = _ChangeRelay(self)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh_views)
        self._relay.changed.connect(self._refresh_timer.start)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.welcome = WelcomeScreen(self.settings, kdf=kdf)
        self.welcome.unlocked.connect(self.open_journal)
        self.welcome.languageRequested.connect(self.set_language)
        self.stack.addWidget(self.welcome)
        self.workspace: QWidget | None = None

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.status_label = QLabel()
        self.status_label.setObjectName("statusText")
        self.statusBar().addWidget(self.status_label, 1)
        self.resize(1180, 760)
        self.setMinimumSize(QSize(760, 520))
        self.retranslate()
        self._set_unlocked_ui(False)
        if available(BACKUPS[0]):
            from journal.gui.welcome import register_damaged_handler

            register_damaged_handler(_backup_damaged_handler)
        self.welcome.begin(journal_path)
        self._prewarm = prewarm_imports()

    # --- actions, toolbar, menus -------------------------------------------------------------
    def _build_actions(self) -> None:
        def act(name: str, slot: Any, shortcut: Any = None, icon: str = "") -> QAction:
            a = QAction(self)
            a.setObjectName(name)
            if icon:
                a.setIcon(action_icon(icon))
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.act_lock = act("actLock", lambda: self.lock(), "Ctrl+L", "lock")
        self.act_settings = act("actSettings", self.open_settings, QKeySequence.StandardKey.Preferences,
                                "settings")
        if self.act_settings.shortcut().isEmpty():
            self.act_settings.setShortcut(QKeySequence("Ctrl+,"))
        self.act_quit = act("actQuit", self.close, "Ctrl+Q")
        self.act_find = act("actFind", self.focus_search, "Ctrl+F", "search")
        self.act_help = act("actHelp", self.show_help, "F1", "help")
        self.act_help.setVisible(available("journal.gui.help.view"))
        self.act_about = act("actAbout", self.show_about)
        self.act_about.setVisible(available(ABOUT[0]))
        self.act_import = act("actImport", self.open_import, "Ctrl+I", "import")
        self.act_import.setVisible(available(IMPORTER[0]))
        self.act_trash = act("actTrash", self.open_trash, None, "trash")
        self.act_trash.setVisible(available(TRASH[0]))
        self.act_backups = act("actBackups", self.open_backups)
        self.act_backups.setVisible(available(BACKUPS[0]))
        self.has_editor = available(EDITOR[0])
        self.kind_actions: dict[str, QAction] = {}
        for n, kind in enumerate(KINDS, start=1):
            a = act(f"actNew_{kind}", lambda _c=False, k=kind: self.new_entry(k), f"Ctrl+{n}")
            a.setIcon(labels.kind_icon(kind))
            a.setVisible(self.has_editor)
            self.kind_actions[kind] = a
        self.new_menu = QMenu(self)
        self.new_menu.setObjectName("newEntryMenu")
        for a in self.kind_actions.values():
            self.new_menu.addAction(a)
        self.act_new = act("actNew", self._popup_new_menu, "Ctrl+N", "new")
        self.act_new.setMenu(self.new_menu)
        self.act_new.setVisible(self.has_editor)
        self.view_actions: dict[str, QAction] = {}

    def _build_toolbar(self) -> None:
        tb = QToolBar()
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setFloatable(False)
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb
        self.new_button = QToolButton()
        self.new_button.setObjectName("newEntryButton")
        self.new_button.setDefaultAction(self.act_new)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_button_action = tb.addWidget(self.new_button)
        self.new_button_action.setVisible(self.has_editor)
        tb.addAction(self.act_import)
        tb.addAction(self.act_trash)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        tb.addAction(self.act_settings)
        tb.addAction(self.act_lock)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_journal = bar.addMenu("")
        self.menu_journal.addAction(self.act_new)
        self.menu_journal.addAction(self.act_import)
        self.menu_journal.addAction(self.act_trash)
        self.menu_journal.addSeparator()
        self.menu_journal.addAction(self.act_find)
        self.menu_journal.addSeparator()
        self.menu_journal.addAction(self.act_settings)
        self.menu_journal.addAction(self.act_backups)
        self.menu_journal.addAction(self.act_lock)
        self.menu_journal.addSeparator()
        self.menu_journal.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_help)
        self.menu_help.addAction(self.act_about)
        self.menu_help.menuAction().setVisible(self.act_help.isVisible() or self.act_about.isVisible())

    def _popup_new_menu(self) -> None:
        if self.journal is None or not self.has_editor:
            return
        self.new_button.showMenu()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.act_lock.setText(self.tr("&Lock"))
        self.act_lock.setToolTip(self.tr("Lock the journal now (Ctrl+L)"))
        self.act_settings.setText(self.tr("&Settings…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("&Search"))
        self.act_help.setText(self.tr("&Help"))
        self.act_about.setText(self.tr("&About Incident Journal"))
        self.act_import.setText(self.tr("&Import chat…"))
        self.act_import.setToolTip(self.tr("Import a chat export (Telegram, WhatsApp, CSV)"))
        self.act_trash.setText(self.tr("&Trash…"))
        self.act_backups.setText(self.tr("&Backups of this journal…"))
        self.act_backups.setToolTip(self.tr("Restore an earlier copy (available while locked)"))
        self.act_trash.setToolTip(self.tr("Entries moved to the trash; restore them from here"))
        self.act_new.setText(self.tr("&New entry"))
        self.act_new.setToolTip(self.tr("Write down something that happened (Ctrl+N)"))
        for kind, a in self.kind_actions.items():
            a.setText(labels.kind_label(kind))
        self.menu_journal.setTitle(self.tr("&Journal"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_help.setTitle(self.tr("&Help"))
        self._retranslate_nav()
        self._update_status()

    def _title(self) -> str:
        app_name = self.tr("Incident Journal")
        if self.journal is not None:
            return f"{Path(self.journal.path).name} — {app_name}"
        return app_name

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
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
        self._build_workspace()
        self._set_unlocked_ui(True)
        if self.workspace is not None:
            self.stack.setCurrentWidget(self.workspace)
        self.show_view("timeline")
        self.idle.set_minutes(self.settings.autolock_minutes)
        self.idle.start()
        self.retranslate()
        self.unlocked.emit()
        timeline = self.views.get("timeline")
        if timeline is not None:
            timeline.table.setFocus()  # type: ignore[attr-defined]
        if self.offer_drafts_on_unlock:
            QTimer.singleShot(0, self.offer_drafts)

    def offer_drafts(self) -> None:
        """Offer back what was being typed when the journal locked or the app stopped."""
        journal = self.journal
        pending = feature("journal.gui.editor.dialog", "pending_drafts")
        editor_cls = feature(*EDITOR)
        if journal is None or pending is None or editor_cls is None:
            return
        try:
            drafts = pending(journal)
        except Exception:
            log.exception("drafts could not be listed")
            return
        for draft in drafts:
            if self.journal is not journal:
                return
            summary = (draft.get("summary") or "").strip()
            text = self.tr("You were writing an entry that was not saved yet") + (
                f": “{summary}”." if summary else ".")
            text += "\n\n" + self.tr("Continue writing it now? If you choose No, it is kept and "
                                       "offered again next time.")
            if not dialogs.ask(self, self.tr("Unfinished entry"), text, default_yes=True):
                continue
            try:
                dlg = editor_cls.from_draft(journal, draft["key"], self)
                dlg.exec()
                dlg.deleteLater()
            except Exception as exc:  # noqa: BLE001
                dialogs.show_error(self, exc)
            if self.journal is journal:
                self.refresh_views()

    def is_locked(self) -> bool:
        return self.journal is None

    def lock(self, show_unlock: bool = True) -> None:
        """Lock now: close dialogs, drop every decrypted model and widget, close the journal."""
        journal = self.journal
        if journal is None and self.workspace is None:
            return
        log.info("locking")
        self.idle.stop()
        self._refresh_timer.stop()
        self._close_dialogs()
        self._teardown_workspace()  # every view gets set_journal(None) and is deleted
        self.journal = None
        if journal is not None:
            self._close_journal(journal)
        self.clipboard_guard.clear_if_ours()
        self._set_unlocked_ui(False)
        self.retranslate()
        if show_unlock and not self._quitting:
            if journal is not None:
                self.welcome.show_unlock(Path(journal.path))
            else:
                self.welcome.begin()
        self.stack.setCurrentWidget(self.welcome)
        self.locked.emit()

    def _close_journal(self, journal: Any) -> None:
        """Close the journal. With the automatic backup on, the copy is written and the journal
        closed in a background thread, so the window locks at once (the window already holds no
        content and no reference; quitting waits for it)."""
        def close() -> None:
            try:
                journal.close()
            except Exception:
                log.exception("closing the journal failed")

        if not (getattr(self.settings, "backup_on_close", False) and available(BACKUPS[0])):
            close()
            return

        def backup_then_close() -> None:
            try:
                self._backup_on_close(journal)
            finally:
                close()

        thread = threading.Thread(target=backup_then_close, name="backup-on-lock")
        self._closers = [t for t in self._closers if t.is_alive()] + [thread]
        thread.start()

    def wait_for_close(self, timeout: float | None = None) -> None:
        """Wait until journals being backed up and closed in the background are closed."""
        for thread in list(self._closers):
            thread.join(timeout)
        self._closers = [t for t in self._closers if t.is_alive()]

    def _backup_on_close(self, journal: Any) -> None:
        """The automatic encrypted backup on lock and quit (Settings.backup_on_close)."""
        try:
            from journal.gui.backups import backup_on_close
        except ImportError:
            return
        try:
            backup_on_close(journal, self.settings)
        except Exception:
            log.exception("backup on lock failed")

    def _close_dialogs(self) -> None:
        """Close every other window of ours (editors, viewers, message boxes)."""
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible():
                continue
            if isinstance(widget, QMenu):
                widget.hide()
            elif isinstance(widget, QDialog):
                self._close_dialog(widget)
            elif widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog,
                                         Qt.WindowType.Tool):
                widget.close()

    @staticmethod
    def _close_dialog(dialog: QDialog) -> None:
        """Close without questions: the editor saves its draft first (``close_for_lock``), views
        drop their content (``set_journal(None)``), anything else is simply rejected."""
        for name, args in (("close_for_lock", ()), ("set_journal", (None,))):
            hook = getattr(dialog, name, None)
            if callable(hook):
                try:
                    hook(*args)
                except Exception:
                    log.exception("%s failed on %s", name, type(dialog).__name__)
                break
        if dialog.isVisible():
            QDialog.done(dialog, QDialog.DialogCode.Rejected)  # not reject(): it may ask questions

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        self.toolbar.setVisible(unlocked)
        self.statusBar().setVisible(unlocked)
        for a in (self.act_lock, self.act_find, self.act_import, self.act_trash, self.act_new,
                  *self.kind_actions.values(), *self.view_actions.values()):
            a.setEnabled(unlocked)
        self.menu_view.menuAction().setVisible(unlocked)
        self.new_button.setEnabled(unlocked)
        self.act_backups.setEnabled(not unlocked)

    # --- workspace -----------------------------------------------------------------------------
    def _build_workspace(self) -> None:
        from journal.gui.timeline.view import TimelineView

        self._teardown_workspace()
        workspace = QWidget()
        workspace.setObjectName("workspace")
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet("QListWidget#navigation { background: palette(window); padding: 6px; }"
                               " QListWidget#navigation::item { padding: 8px 10px; }")
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.views = {}
        self._nav_keys = []

        timeline = TimelineView()
        timeline.setObjectName("timelineView")
        timeline.copyText.connect(self.clipboard_guard.copy_text)
        timeline.journalChanged.connect(self._refresh_timer.start)
        timeline.countChanged.connect(lambda _n: self._update_status())
        self._add_view("timeline", timeline, "new")
        for key, module, cls_name in OPTIONAL_VIEWS:
            cls = feature(module, cls_name)
            if cls is None:
                continue
            try:
                view = cls()
            except Exception:
                log.exception("view %s could not be created", key)
                continue
            view.setObjectName(f"{key}View")
            if hasattr(view, "entryActivated"):
                view.entryActivated.connect(self.show_entry)
            if key == "signs" and hasattr(view, "signsChanged"):
                view.signsChanged.connect(self._signs_changed)
            self._add_view(key, view, {"help": "help", "report": "export"}.get(key, ""))
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.setMaximumWidth(self._nav_width())
        self.nav.setMinimumWidth(self._nav_width())
        self.workspace = workspace
        self.stack.addWidget(workspace)
        self._build_view_menu()
        self._retranslate_nav()
        # The timeline first, so the first content appears at once; the other views get the
        # journal one per event-loop turn right after (each may read much of the journal).
        self._set_view_journal(timeline, self.journal)
        self._pending_views = [v for k, v in self.views.items() if k != "timeline"]
        if self.journal is not None:
            journal = self.journal
            QTimer.singleShot(0, lambda: self._attach_next_view(journal))

    def _attach_next_view(self, journal: Any) -> None:
        """Give the next waiting view the journal (unless it was locked or switched meanwhile)."""
        if self.journal is not journal or not self._pending_views:
            self._pending_views = []
            return
        view = self._pending_views.pop(0)
        self._set_view_journal(view, journal)
        if self._pending_views:
            QTimer.singleShot(0, lambda: self._attach_next_view(journal))

    def attach_all_views(self) -> None:
        """Give every waiting view the journal now (tests, or before showing one of them)."""
        journal = self.journal
        while self._pending_views and journal is not None:
            self._set_view_journal(self._pending_views.pop(0), journal)

    def _nav_width(self) -> int:
        return max(170, self.fontMetrics().horizontalAdvance("M") * 14)

    def _add_view(self, key: str, view: QWidget, icon: str) -> None:
        self.views[key] = view
        self._nav_keys.append(key)
        self.pages.addWidget(view)
        item = QListWidgetItem(self.nav)
        if key == "timeline":
            item.setIcon(labels.kind_icon("note"))
        elif key == "people":
            item.setIcon(labels.kind_icon("contact"))
        elif key == "signs":
            item.setIcon(labels.kind_icon("threat"))
        elif icon:
            item.setIcon(action_icon(icon))
        item.setData(Qt.ItemDataRole.UserRole, key)

    def _build_view_menu(self) -> None:
        self.menu_view.clear()
        for a in self.view_actions.values():
            self.removeAction(a)
        self.view_actions = {}
        for n, key in enumerate(self._nav_keys, start=1):
            a = QAction(self)
            a.setObjectName(f"actView_{key}")
            a.setShortcut(QKeySequence(f"Alt+{n}"))
            a.triggered.connect(lambda _c=False, k=key: self.show_view(k))
            self.addAction(a)
            self.menu_view.addAction(a)
            self.view_actions[key] = a

    def _nav_text(self, key: str) -> str:
        if key == "timeline":
            return self.tr("Timeline")
        if key == "people":
            return self.tr("People")
        if key == "signs":
            text = self.tr("Warning signs")
            if self._signs_count:
                text += f" ({self._signs_count})"
            return text
        if key == "report":
            return self.tr("Report")
        if key == "help":
            return self.tr("Help")
        return key

    def _retranslate_nav(self) -> None:
        if self.workspace is None:
            return
        self.nav.setAccessibleName(self.tr("Sections"))
        for row, key in enumerate(self._nav_keys):
            item = self.nav.item(row)
            if item is not None:
                item.setText(self._nav_text(key))
                item.setData(Qt.ItemDataRole.AccessibleTextRole, self._nav_text(key))
            action = self.view_actions.get(key)
            if action is not None:
                action.setText(self._nav_text(key))

    def _teardown_workspace(self) -> None:
        if self.workspace is None:
            return
        pending = self._pending_views
        self._pending_views = []
        for view in self.views.values():
            if view not in pending:  # a view that never got the journal holds nothing
                self._set_view_journal(view, None)
        self.stack.removeWidget(self.workspace)
        self.workspace.hide()
        self.workspace.deleteLater()
        self.workspace = None
        self.views = {}
        self._nav_keys = []
        self._signs_count = None
        self.menu_view.clear()
        for a in self.view_actions.values():
            self.removeAction(a)
            a.deleteLater()
        self.view_actions = {}

    @staticmethod
    def _set_view_journal(view: QWidget, journal: Any) -> None:
        try:
            view.set_journal(journal)  # type: ignore[attr-defined]
        except Exception:
            log.exception("set_journal failed on %s", type(view).__name__)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self._nav_keys):
            view = self.views.get(self._nav_keys[row])
            if view in self._pending_views and self.journal is not None:
                self._pending_views.remove(view)
                self._set_view_journal(view, self.journal)
            self.pages.setCurrentIndex(row)

    def current_view(self) -> str | None:
        if self.workspace is None:
            return None
        row = self.nav.currentRow()
        return self._nav_keys[row] if 0 <= row < len(self._nav_keys) else None

    def show_view(self, key: str) -> bool:
        if self.workspace is None or key not in self._nav_keys:
            return False
        self.nav.setCurrentRow(self._nav_keys.index(key))
        return True

    def _signs_changed(self, count: int) -> None:
        self._signs_count = count
        self._retranslate_nav()

    def refresh_views(self) -> None:
        """Re-read the journal in every view (after a change)."""
        if self.journal is None:
            return
        pending = list(self._pending_views)
        self.attach_all_views()  # (set_journal reads everything, no refresh needed after it)
        for view in self.views.values():
            if view in pending:
                continue
            refresh = getattr(view, "refresh", None)
            if callable(refresh):
                try:
                    refresh()
                except Exception:
                    log.exception("refresh failed on %s", type(view).__name__)
        self._update_status()

    def _update_status(self) -> None:
        if self.journal is None or self.workspace is None:
            self.status_label.clear()
            return
        timeline = self.views.get("timeline")
        try:
            total = self.journal.count_entries()
        except Exception:  # noqa: BLE001 - the status line is not worth an error dialog
            total = timeline.model.rowCount() if timeline is not None else 0  # type: ignore[attr-defined]
        parts = [Path(self.journal.path).name,
                 self.tr("1 entry") if total == 1 else self.tr("{n} entries").format(n=f"{total:,}")]
        minutes = self.settings.autolock_minutes
        if minutes:
            parts.append(self.tr("locks after {n} min without use").format(n=minutes))
        parts.append(self.tr("encrypted, stored only on this computer"))
        self.status_label.setText("  ·  ".join(parts))

    # --- commands ------------------------------------------------------------------------------
    def show_entry(self, entry_id: str) -> None:
        timeline = self.views.get("timeline")
        if timeline is None:
            return
        self.show_view("timeline")
        timeline.select_entry(entry_id)  # type: ignore[attr-defined]

    def new_entry(self, kind: str) -> None:
        timeline = self.views.get("timeline")
        if self.journal is None or timeline is None:
            return
        timeline.new_entry(kind)  # type: ignore[attr-defined]

    def focus_search(self) -> None:
        timeline = self.views.get("timeline")
        if timeline is None:
            return
        self.show_view("timeline")
        timeline.focus_search()  # type: ignore[attr-defined]

    def open_import(self) -> None:
        cls = feature(*IMPORTER)
        if cls is None or self.journal is None:
            return
        journal = self.journal
        try:
            dlg = cls(journal, self)
            dlg.exec()
            dlg.deleteLater()
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(self, exc)
        if self.journal is journal:
            self.refresh_views()

    def open_trash(self) -> None:
        timeline = self.views.get("timeline")
        if timeline is not None:
            timeline.show_trash()  # type: ignore[attr-defined]

    def open_backups(self) -> None:
        """The backups of the journal on the unlock screen (only while locked)."""
        cls = feature(*BACKUPS)
        path = self.welcome.current_path()
        if cls is None or self.journal is not None:
            return
        if path is None:
            dialogs.inform(self, self.tr("Backups"),
                           self.tr("Choose a journal first; its backups are listed here then."))
            return
        dlg = cls(self, path)
        dlg.exec()
        dlg.deleteLater()

    def show_help(self) -> None:
        """F1: the help section; while locked, the help in a window of its own (no journal
        content is involved, so it is available before unlocking too)."""
        if self.show_view("help"):
            return
        cls = feature("journal.gui.help.view", "HelpView")
        if cls is None:
            return
        dlg = QDialog(self)
        dlg.setObjectName("helpWindow")
        dlg.setWindowTitle(self.tr("Help"))
        layout = QHBoxLayout(dlg)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(cls(dlg))
        dlg.resize(900, 640)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    def show_about(self) -> None:
        cls = feature(*ABOUT)
        if cls is not None:
            dlg = cls(self)
            dlg.exec()
            dlg.deleteLater()

    def open_settings(self) -> None:
        from journal.gui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dlg.result_settings())
        dlg.deleteLater()

    def apply_settings(self, new: Any) -> None:
        """Store and apply new settings (language live, lock and clipboard timers)."""
        language_changed = new.language != self.settings.language
        for name in ("language", "autolock_minutes", "clipboard_clear_seconds", "backup_dir",
                     "backup_keep", "backup_on_close"):
            setattr(self.settings, name, getattr(new, name))
        self._save_settings()
        self.idle.set_minutes(self.settings.autolock_minutes)
        self.clipboard_guard.set_seconds(self.settings.clipboard_clear_seconds)
        if language_changed:
            self._apply_language()
        self._update_status()

    def set_language(self, lang: str) -> None:
        """"system", "zh" or "en": store it and switch the whole window now."""
        self.settings.language = lang
        self._save_settings()
        self._apply_language()

    def _apply_language(self) -> None:
        app = QApplication.instance()
        lang = self.settings.effective_language()
        if app is None or lang == qtsetup.current_lang() and self._translators_installed(lang):
            return
        qtsetup.install_translators(app, lang)
        log.info("language switched")
        self.retranslate()
        self.welcome.retranslate()
        if self.journal is not None:
            # Rebuild the views so every feature (including ones that set their texts only once)
            # speaks the new language; keep the section and the selected entry.
            current = self.current_view()
            timeline = self.views.get("timeline")
            entry_id = timeline.detail.entry_id if timeline is not None else None  # type: ignore[attr-defined]
            self._build_workspace()
            if self.workspace is not None:
                self.stack.setCurrentWidget(self.workspace)
            self.show_view(current or "timeline")
            if entry_id:
                self.show_entry(entry_id)
                self.show_view(current or "timeline")
            self._update_status()

    @staticmethod
    def _translators_installed(lang: str) -> bool:
        return lang != "zh" or bool(qtsetup._translators)

    def _save_settings(self) -> None:
        try:
            settings_mod.save(self.settings)
        except OSError:
            log.warning("settings could not be saved")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._quitting = True
        self.welcome.wait_idle()
        self.lock(show_unlock=False)
        self.welcome.clear()
        self.clipboard_guard.clear_if_ours()
        self.wait_for_close()
        super().closeEvent(event)
