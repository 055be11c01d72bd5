"""The window's actions, toolbar, menus and keyboard shortcuts, and their texts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from journal.core import paths
from journal.core.models import KINDS
from journal.gui.shell.base import ShellBase
from journal.gui.shell.registry import action_icon
from journal.gui.timeline import labels


class ShellActions(ShellBase):
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
        self.act_about = act("actAbout", self.show_about)
        self.act_import = act("actImport", self.open_import, "Ctrl+I", "import")
        self.act_import_screenshots = act("actImportScreenshots", self.open_import_screenshots,
                                          "Ctrl+Shift+I")
        self.act_trash = act("actTrash", self.open_trash, None, "trash")
        self.act_backups = act("actBackups", self.open_backups)
        self.act_passphrase = act("actChangePassphrase", self.change_passphrase)
        self.act_integrity = act("actCheckIntegrity", self.check_integrity)
        self.kind_actions: dict[str, QAction] = {}
        for n, kind in enumerate(KINDS, start=1):
            a = act(f"actNew_{kind}", lambda _c=False, k=kind: self.new_entry(k), f"Ctrl+{n}")
            a.setIcon(labels.kind_icon(kind))
            self.kind_actions[kind] = a
        self.new_menu = QMenu(self)
        self.new_menu.setObjectName("newEntryMenu")
        for a in self.kind_actions.values():
            self.new_menu.addAction(a)
        self.act_new = act("actNew", self._popup_new_menu, "Ctrl+N", "new")
        self.act_new.setMenu(self.new_menu)
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
        tb.addWidget(self.new_button)
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
        self.menu_journal.addAction(self.act_import_screenshots)
        self.menu_journal.addAction(self.act_trash)
        self.menu_journal.addSeparator()
        self.menu_journal.addAction(self.act_find)
        self.menu_journal.addSeparator()
        self.menu_journal.addAction(self.act_settings)
        self.menu_journal.addAction(self.act_backups)
        self.menu_journal.addAction(self.act_passphrase)
        self.menu_journal.addAction(self.act_integrity)
        self.menu_journal.addAction(self.act_lock)
        self.menu_journal.addSeparator()
        self.menu_journal.addAction(self.act_quit)
        self.menu_view = bar.addMenu("")
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_help)
        self.menu_help.addAction(self.act_about)

    def _popup_new_menu(self) -> None:
        if self.journal is None:
            return
        self.new_button.showMenu()

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.act_lock.setText(self.tr("&Lock"))
        self.act_lock.setToolTip(self.tr("Lock the journal now (Ctrl+L)"))
        self.act_settings.setText(self.tr("Settin&gs…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_find.setText(self.tr("S&earch"))
        self.act_help.setText(self.tr("&Help"))
        self.act_about.setText(self.tr("&About Incident Journal"))
        self.act_import.setText(self.tr("&Import chat or bill…"))
        self.act_import.setToolTip(self.tr(
            "Import a chat export (Telegram, WhatsApp, QQ, WeChat, e-mail, CSV) or a WeChat Pay or "
            "Alipay bill"))
        self.act_import_screenshots.setText(self.tr("Import &screenshots…"))
        self.act_import_screenshots.setToolTip(
            self.tr("Read chat screenshots on this computer and add them as conversations"))
        self.act_trash.setText(self.tr("&Trash…"))
        self.act_backups.setText(self.tr("&Backups of this journal…"))
        self.act_backups.setToolTip(self.tr("Restore an earlier copy (available while locked)"))
        self.act_trash.setToolTip(self.tr("Entries moved to the trash; restore them from here"))
        self.act_passphrase.setText(self.tr("Change &passphrase…"))
        self.act_integrity.setText(self.tr("&Check integrity…"))
        self.act_integrity.setToolTip(self.tr("Check that nothing recorded was removed or changed"))
        self.act_new.setText(self.tr("&New entry"))
        self.act_new.setToolTip(self.tr("Write down something that happened (Ctrl+N)"))
        for kind, a in self.kind_actions.items():
            a.setText(labels.kind_label(kind))
        self.demo_banner.setText(self.tr(
            "Demo journal — an invented example to look around in. When you are ready, lock it "
            "(Ctrl+L) and create or open your own journal."))
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

    def _set_unlocked_ui(self, unlocked: bool) -> None:
        self.demo_banner.setVisible(unlocked and self.journal is not None
                                    and paths.is_demo_journal(self.journal.path))
        self.toolbar.setVisible(unlocked)
        self.act_passphrase.setEnabled(unlocked)
        self.act_integrity.setEnabled(unlocked)
        self.statusBar().setVisible(unlocked)
        for a in (self.act_lock, self.act_find, self.act_import, self.act_import_screenshots,
                  self.act_trash, self.act_new,
                  *self.kind_actions.values(), *self.view_actions.values()):
            a.setEnabled(unlocked)
        self.menu_view.menuAction().setVisible(unlocked)
        self.new_button.setEnabled(unlocked)
        self.act_backups.setEnabled(not unlocked)
