"""A journal the window may only read: opened read-only (a read-only file or media, or open for
writing in another window or program), or found damaged by the pre-write page check that runs in
the background right after unlocking. Editing actions are disabled and a banner says why."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar

from journal.gui import dialogs
from journal.gui.backups import journal_backups, offer_backup_for_damaged
from journal.gui.shell.base import ShellBase
from journal.gui.worker import BackgroundTask

log = logging.getLogger(__name__)


class ShellReadOnly(ShellBase):
    _precheck_task: BackgroundTask | None = None
    _signs_after_precheck: bool = False  # an evaluation waits for the pre-write check
    read_only_banner: QLabel | None = None

    def _build_read_only_banner(self) -> None:
        bar = QToolBar()
        bar.setObjectName("readOnlyBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        label = QLabel()
        label.setObjectName("readOnlyBanner")
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        label.setStyleSheet("QLabel#readOnlyBanner { background: #fff4ce; color: #3b2f00;"
                            " border: 1px solid #e0c56b; padding: 6px 10px; }")
        bar.addWidget(label)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        bar.setVisible(False)
        self.read_only_bar = bar
        self.read_only_banner = label

    def is_read_only(self) -> bool:
        """True while the open journal may only be read (None when locked)."""
        return self.journal is not None and not getattr(self.journal, "writable", True)

    def _banner_text(self) -> str:
        reason = getattr(self.journal, "read_only_reason", "")
        if reason == "damaged":
            return self.tr("Read-only: this journal file is damaged, so nothing will be written to "
                           "it. You can still read and export it. To go on writing, lock the "
                           "window and restore a backup (Journal ▸ Backups of this journal…).")
        if reason == "reader":
            return self.tr("Read-only: this journal is open in another window or program. You "
                           "can read and export it here; to change it, close it there and "
                           "unlock it again.")
        return self.tr("Read-only: this journal file or its folder cannot be written (for "
                       "example a read-only copy or disc). You can read and export it; copy it "
                       "to a folder you can write to in order to change it.")

    def _apply_write_state(self) -> None:
        """Enable or disable the editing actions and show or hide the banner."""
        if self.read_only_banner is None:
            return
        read_only = self.is_read_only()
        unlocked = self.journal is not None
        for a in (self.act_new, *self.kind_actions.values(), self.act_import, self.act_trash,
                  self.act_passphrase):  # a re-key writes a new file
            a.setEnabled(unlocked and not read_only)
        self.new_button.setEnabled(unlocked and not read_only)
        for view in self.views.values():
            hook = getattr(view, "set_read_only", None)
            if callable(hook):
                hook(read_only)
        self.read_only_banner.setText(self._banner_text() if read_only else "")
        self.read_only_bar.setVisible(read_only)

    def _start_precheck(self) -> None:
        """The pre-write page check, in the background right after unlocking (a save that comes
        before it ends waits for it in the core)."""
        journal = self.journal
        if journal is None or not getattr(journal, "writable", False):
            return
        start = getattr(journal, "start_precheck", None)
        if start is None:
            return
        start()
        task = BackgroundTask(lambda _progress: journal.wait_precheck(), self,
                              done=lambda _result: self._precheck_done(journal),
                              name="prewrite-check")
        self._precheck_task = task
        task.start()

    def _precheck_done(self, journal: Any) -> None:
        self._precheck_task = None
        if journal is not self.journal:
            return
        if journal.writable:
            if self._signs_after_precheck:  # (not when shown from the kept result already)
                self._evaluate_signs()
            return
        log.warning("the pre-write check found damage: the window is read-only")
        self._apply_write_state()
        path = Path(journal.path)
        if not journal_backups(path):
            return
        title = self.tr("This journal file is damaged")
        text = self.tr("Some pages of this journal file fail their check, so nothing will be "
                       "written to it; it stays open read-only.\n\nLock it now and restore the "
                       "most recent backup?")
        if dialogs.ask(self, title, text, default_yes=True):
            self.lock()
            if offer_backup_for_damaged(self, path):
                self.welcome.show_unlock(path)
