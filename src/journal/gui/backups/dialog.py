"""Backups of a journal: list them, restore one, offer the newest when the journal is damaged.

Restoring never deletes anything: the current file is kept beside the journal as
``<name>.before-restore-<time>`` (journal.core.backup.restore). The backup's passphrase is asked
and checked by opening the backup before anything is replaced.
"""

from __future__ import annotations

import logging
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core import backup as backups
from journal.core.errors import JournalError, WrongPassphraseError
from journal.core.timeparse import show_when
from journal.gui import dialogs
from journal.gui.fit import fit_to_screen
from journal.gui.qtsetup import current_lang

log = logging.getLogger(__name__)

_passphrases: deque[str | None] = deque()


def set_next_passphrase(passphrase: str | None) -> None:
    """Test seam: the next passphrase prompt returns this (None = cancelled) without showing."""
    _passphrases.append(passphrase)


def _settings() -> Any:
    from journal.core import settings as settings_mod

    return settings_mod.load()


def journal_backups(journal_path: Path) -> list[Path]:
    """This journal's backups in the chosen backup folder (and the default one), newest first."""
    journal_path = Path(journal_path)
    folders = [_settings().effective_backup_dir()]
    from journal.core import paths

    if paths.default_backup_dir() not in folders:
        folders.append(paths.default_backup_dir())
    found: list[Path] = []
    for folder in folders:
        for p in backups.list_backups(folder, journal_path.stem):
            if p not in found:
                found.append(p)
    return sorted(found, key=lambda p: (backups.backup_info(p)[0], p.stat().st_mtime, p.name),
                  reverse=True)


def _when_text(path: Path) -> str:
    when, _reason = backups.backup_info(path)
    return show_when(when, "exact", current_lang())


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def backup_on_close(journal: Any, settings: Any = None) -> Path | None:
    """The automatic backup when the journal is locked or the app quits (if the settings say so).
    A failure is logged and never stops the lock."""
    settings = settings if settings is not None else _settings()
    if journal is None or not getattr(settings, "backup_on_close", True):
        return None
    try:
        return backups.make_backup(journal, settings.effective_backup_dir(), reason="close",
                                   keep=settings.backup_keep)
    except Exception as exc:  # noqa: BLE001 - locking must go on; the reason goes to the log
        log.warning("backup on close failed: %s", getattr(exc, "key", type(exc).__name__))
        return None


class PassphrasePrompt(QDialog):
    """Asks the passphrase a backup was made with (hidden typing)."""

    def __init__(self, parent: QWidget | None, backup: Path) -> None:
        super().__init__(parent)
        self.setObjectName("backupPassphrase")
        self._backup = backup
        layout = QVBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.passphrase)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Passphrase of the backup"))
        self.text.setText(self.tr(
            "Type the passphrase of the backup from {when}: the journal's passphrase at the time "
            "the backup was made.").format(when=_when_text(self._backup)))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def value(self) -> str:
        return self.passphrase.text()

    @classmethod
    def ask(cls, parent: QWidget | None, backup: Path, error: str = "") -> str | None:
        if _passphrases:
            return _passphrases.popleft()
        prompt = cls(parent, backup)
        prompt.show_error(error)
        try:
            if prompt.exec() != QDialog.DialogCode.Accepted:
                return None
            return prompt.value()
        finally:
            prompt.passphrase.clear()
            prompt.deleteLater()


def _check_and_restore(parent: QWidget | None, backup: Path, journal_path: Path,
                       confirm: bool) -> bool:
    """Ask the backup's passphrase (until right or cancelled), confirm, restore. True if done."""
    from journal.core.store import Journal

    error = ""
    while True:
        passphrase = PassphrasePrompt.ask(parent, backup, error)
        if passphrase is None:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with Journal.open(backup, passphrase) as copy:  # the check: a wrong one changes nothing
                position = (copy.journal_id(), *copy.chain_position())
        except WrongPassphraseError as exc:
            error = exc.message(current_lang())
            continue
        except JournalError as exc:
            dialogs.show_error(parent, exc)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
            passphrase = ""
        break
    if confirm:
        title = QCoreApplication.translate("BackupsDialog", "Restore this backup?")
        text = QCoreApplication.translate(
            "BackupsDialog",
            "Put the backup from {when} in place of the journal “{name}”? The current file is "
            "not deleted: it is kept beside it as “{name}.before-restore-…”.")
        if not dialogs.ask(parent, title, text.format(when=_when_text(backup),
                                                      name=journal_path.name)):
            return False
    try:
        backups.restore(backup, journal_path, position=position)
    except JournalError as exc:
        dialogs.show_error(parent, exc)
        return False
    log.info("journal restored from a backup")
    title = QCoreApplication.translate("BackupsDialog", "Backup restored")
    text = QCoreApplication.translate(
        "BackupsDialog",
        "The journal was restored from the backup of {when}. Unlock it with the passphrase of "
        "that backup. The previous file was kept beside it.")
    dialogs.inform(parent, title, text.format(when=_when_text(backup)))
    return True


def offer_backup_for_damaged(parent: QWidget | None, journal_path: Path) -> bool:
    """When a journal cannot be opened (damaged): offer its most recent backup. True when a
    backup was restored in its place; False when there is none or the user declined."""
    journal_path = Path(journal_path)
    found = journal_backups(journal_path)
    if not found:
        return False
    newest = found[0]
    title = QCoreApplication.translate("BackupsDialog", "This journal file is damaged")
    text = QCoreApplication.translate(
        "BackupsDialog",
        "This journal file is damaged or cannot be read: “{name}”.\n\nThe most recent backup "
        "is from {when}. Restore it? The damaged file is kept beside it; nothing is deleted.")
    if not dialogs.ask(parent, title, text.format(name=journal_path.name, when=_when_text(newest)),
                       default_yes=True):
        return False
    return _check_and_restore(parent, newest, journal_path, confirm=False)


def damaged_handler(parent: QWidget, path: Path, exc: JournalError) -> bool:
    """For the unlock screen: deals with the damaged file when there is a backup to offer
    (restored or declined); False when there is none (the screen then says the file is damaged)."""
    if not journal_backups(Path(path)):
        return False
    offer_backup_for_damaged(parent, Path(path))
    return True


class BackupsDialog(QDialog):
    """This journal's backups (date, size, why) with "Restore this backup…". Use it while the
    journal is locked; ``restored`` is True after a restore."""

    def __init__(self, parent: QWidget | None, journal_path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("backupsDialog")
        self.journal_path = Path(journal_path)
        self.restored = False
        self._paths: list[Path] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 3, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.table)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.folder)
        row = QHBoxLayout()
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore_selected)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        fit_to_screen(self, 620, 380)
        self.retranslate()
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Backups of this journal"))
        self.intro.setText(self.tr(
            "Encrypted copies of “{name}”, made when the journal is locked or closed and before "
            "updates. Each opens with the passphrase the journal had when it was made.").format(
                name=self.journal_path.name))
        self.table.setHorizontalHeaderLabels([self.tr("Made on"), self.tr("Size"), self.tr("Why")])
        self.empty.setText(self.tr("There is no backup of this journal yet."))
        self.restore_button.setText(self.tr("Restore this backup…"))
        self.close_button.setText(self.tr("Close"))
        self.folder.setText(self.tr("Backup folder: {folder}").format(
            folder=_settings().effective_backup_dir()))

    def _reason_text(self, reason: str) -> str:
        if reason == "close":
            return self.tr("on close")
        if reason.startswith("before-migration"):
            return self.tr("before an update")
        return self.tr("by hand")

    def reload(self) -> None:
        self._paths = journal_backups(self.journal_path)
        self.table.setRowCount(len(self._paths))
        for i, p in enumerate(self._paths):
            _when, reason = backups.backup_info(p)
            cells = [_when_text(p), _size_text(p.stat().st_size), self._reason_text(reason)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.setVisible(bool(self._paths))
        self.empty.setVisible(not self._paths)
        if self._paths:
            self.table.selectRow(0)
        self._update_buttons()

    def backups(self) -> list[Path]:
        return list(self._paths)

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._paths[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def restore_selected(self) -> bool:
        backup = self.selected()
        if backup is None:
            return False
        if _check_and_restore(self, backup, self.journal_path, confirm=True):
            self.restored = True
            self.accept()
            return True
        return False
