"""Settings: language, auto-lock, clipboard clearing and backups (stored outside the journal,
never content)."""

from __future__ import annotations

import logging
from copy import deepcopy
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.gui.forms import enter_never_submits

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """Edits a copy of the settings; :meth:`result_settings` returns it after accept."""

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = deepcopy(settings)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        self.language.addItem("", "system")
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self._settings.language)))
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)

        self.autolock = QSpinBox()
        self.autolock.setObjectName("settingsAutolock")
        self.autolock.setRange(0, 240)
        self.autolock.setValue(int(self._settings.autolock_minutes))
        self.autolock_label = QLabel()
        self.autolock_label.setBuddy(self.autolock)
        form.addRow(self.autolock_label, self.autolock)

        self.clipboard = QSpinBox()
        self.clipboard.setObjectName("settingsClipboard")
        self.clipboard.setRange(0, 600)
        self.clipboard.setSingleStep(5)
        self.clipboard.setValue(int(self._settings.clipboard_clear_seconds))
        self.clipboard_label = QLabel()
        self.clipboard_label.setBuddy(self.clipboard)
        form.addRow(self.clipboard_label, self.clipboard)

        # automatic encrypted backups (journal.gui.backups): where, how many, when
        self.backup_dir = QLineEdit(str(self._settings.effective_backup_dir()))
        self.backup_dir.setObjectName("settingsBackupDir")
        self.backup_dir.setReadOnly(True)
        self._show_backup_dir(self.backup_dir.text())
        self.backup_choose = QPushButton()
        self.backup_choose.setObjectName("settingsBackupChoose")
        self.backup_choose.clicked.connect(self._choose_backup_dir)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_dir, 1)
        backup_row.addWidget(self.backup_choose)
        self.backup_dir_label = QLabel()
        self.backup_dir_label.setBuddy(self.backup_choose)
        form.addRow(self.backup_dir_label, backup_row)
        self.backup_keep = QSpinBox()
        self.backup_keep.setObjectName("settingsBackupKeep")
        self.backup_keep.setRange(1, 100)
        self.backup_keep.setValue(int(self._settings.backup_keep))
        self.backup_keep_label = QLabel()
        self.backup_keep_label.setBuddy(self.backup_keep)
        form.addRow(self.backup_keep_label, self.backup_keep)
        self.backup_on_close = QCheckBox()
        self.backup_on_close.setObjectName("settingsBackupOnClose")
        self.backup_on_close.setChecked(bool(self._settings.backup_on_close))
        form.addRow("", self.backup_on_close)
        layout.addLayout(form)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.note)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enter_never_submits(self, self.accept)  # Enter moves on; Ctrl+Enter or OK applies
        self.retranslate()
        self.setMinimumWidth(460)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language.setItemText(0, self.tr("Follow the system"))
        self.language_label.setText(self.tr("&Language"))
        self.language.setAccessibleName(self.tr("Language"))
        self.autolock_label.setText(self.tr("Lock after this many &idle minutes"))
        self.autolock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setSuffix(self.tr(" min"))
        self.clipboard_label.setText(self.tr("&Clear copied text after"))
        self.clipboard.setAccessibleName(self.tr("Clear copied text after (seconds)"))
        self.clipboard.setSpecialValueText(self.tr("Never"))
        self.clipboard.setSuffix(self.tr(" s"))
        self.backup_dir_label.setText(self.tr("&Backup folder"))
        self.backup_dir.setAccessibleName(self.tr("Backup folder"))
        self.backup_choose.setText(self.tr("Choose…"))
        self.backup_keep_label.setText(self.tr("&Keep this many backups"))
        self.backup_keep.setAccessibleName(self.tr("Keep this many backups"))
        self.backup_on_close.setText(self.tr("Make an encrypted backup when the journal locks or "
                                             "the app closes"))
        self.note.setText(self.tr(
            "These settings are kept on this computer, outside the journal. They never contain "
            "anything you wrote in the journal."))

    def _choose_backup_dir(self) -> None:
        from journal.gui import dialogs

        chosen = dialogs.choose_directory(self, self.tr("Folder for the encrypted backups"),
                                          self.backup_dir.text())
        if chosen:
            self._show_backup_dir(chosen)

    def _show_backup_dir(self, folder: str) -> None:
        self.backup_dir.setText(folder)
        self.backup_dir.setToolTip(folder)
        self.backup_dir.setCursorPosition(0)  # a long path shows its beginning

    def result_settings(self) -> Any:
        s = self._settings
        from journal.core import paths

        chosen = self.backup_dir.text().strip()
        s.backup_dir = "" if not chosen or chosen == str(paths.default_backup_dir()) else chosen
        s.backup_keep = self.backup_keep.value()
        s.backup_on_close = self.backup_on_close.isChecked()
        s.language = self.language.currentData()
        s.autolock_minutes = self.autolock.value()
        s.clipboard_clear_seconds = self.clipboard.value()
        s.validate()
        return s
