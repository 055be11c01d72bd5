"""Locking: close every other window, drop the views, and close the journal (with the automatic
backup on, in a background thread that quitting waits for)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from journal.gui.backups import backup_on_close
from journal.gui.shell.base import ShellBase
from journal.gui.worker import run_in_background

log = logging.getLogger(__name__)


class ShellLocking(ShellBase):
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
        self.clipboard_guard.clear_on_lock()
        self._set_unlocked_ui(False)
        self._apply_write_state()
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

        if not self.settings.backup_on_close:
            close()
            return

        def backup_then_close(_progress: Any) -> None:
            try:
                self._backup_on_close(journal)
            finally:
                close()

        # no owner: the journal is closed whatever happens to the window meanwhile
        task = run_in_background(backup_then_close, None, done=lambda _r: None,
                                 name="backup-on-lock")
        self._closers = [t for t in self._closers if t.is_running()] + [task]

    def wait_for_close(self, timeout: float | None = None) -> None:
        """Wait until journals being backed up and closed in the background are closed."""
        for task in list(self._closers):
            task.wait(timeout)
        self._closers = [t for t in self._closers if t.is_running()]

    def _backup_on_close(self, journal: Any) -> None:
        """The automatic encrypted backup on lock and quit (Settings.backup_on_close)."""
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
