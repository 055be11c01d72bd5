"""Settings: language, auto-lock and clipboard clearing (stored outside the journal, never content)."""

from __future__ import annotations

import logging
from copy import deepcopy
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

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
        self.autolock_label.setText(self.tr("&Lock after this many idle minutes"))
        self.autolock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setSuffix(self.tr(" min"))
        self.clipboard_label.setText(self.tr("&Clear copied text after"))
        self.clipboard.setAccessibleName(self.tr("Clear copied text after (seconds)"))
        self.clipboard.setSpecialValueText(self.tr("Never"))
        self.clipboard.setSuffix(self.tr(" s"))
        self.note.setText(self.tr(
            "These settings are kept on this computer, outside the journal. They never contain "
            "anything you wrote in the journal."))

    def result_settings(self) -> Any:
        s = self._settings
        s.language = self.language.currentData()
        s.autolock_minutes = self.autolock.value()
        s.clipboard_clear_seconds = self.clipboard.value()
        s.validate()
        return s
