"""Journal ▸ Change passphrase…: the current passphrase, the new one twice with the strength hint,
and what to do with earlier backups. The re-key runs in the background (BackgroundTask); the
dialog then says what happened to the earlier backups."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.core import passchange
from journal.core.errors import JournalError
from journal.gui import dialogs
from journal.gui.forms import FieldError, enter_moves_on, show_error
from journal.gui.qtsetup import current_lang
from journal.gui.strength import PassphraseStrength
from journal.gui.worker import BackgroundTask

log = logging.getLogger(__name__)



def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                              | Qt.InputMethodHint.ImhNoPredictiveText
                              | Qt.InputMethodHint.ImhSensitiveData)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class ChangePassphraseDialog(QDialog):
    """``ChangePassphraseDialog(journal, settings, parent, kdf=None)``; after a change
    :attr:`outcome` holds the sentences shown (what happened to the earlier backups)."""

    def __init__(self, journal: Any, settings: Any, parent: QWidget | None = None,
                 kdf: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.journal = journal
        self.settings = settings
        self.kdf = kdf  # None: keep the journal's key-derivation parameters
        self.task: BackgroundTask | None = None
        self.outcome: list[str] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.old_label, self.old = QLabel(), _secret_field("oldPassphrase")
        self.old_error = FieldError()
        self.new_label, self.new = QLabel(), _secret_field("newPassphrase")
        self.new_error = FieldError()
        self.strength = PassphraseStrength(self.new)
        self.repeat_label, self.repeat = QLabel(), _secret_field("repeatPassphrase")
        self.repeat_error = FieldError()
        for label, field, error in ((self.old_label, self.old, self.old_error),
                                    (self.new_label, self.new, self.new_error),
                                    (self.repeat_label, self.repeat, self.repeat_error)):
            label.setBuddy(field)
            error.clear_when_changed(field)
            layout.addWidget(label)
            layout.addWidget(field)
            if field is self.new:
                layout.addWidget(self.strength)
            layout.addWidget(error)

        self.delete_copies = QCheckBox()
        self.delete_copies.setObjectName("deleteCopies")
        layout.addWidget(self.delete_copies)
        self.copies_hint = QLabel()
        self.copies_hint.setWordWrap(True)
        self.copies_hint.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.copies_hint)

        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.result_label = QLabel()
        self.result_label.setObjectName("rekeyOutcome")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()
        layout.addWidget(self.result_label)
        self.form_error = FieldError().clear_when_changed(
            self.old, self.new, self.repeat, self.delete_copies)
        layout.addWidget(self.form_error)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.change_button = QPushButton()
        self.change_button.setObjectName("changeButton")
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        enter_moves_on(self, self.submit, (self.old, self.new, self.repeat))
        self.retranslate()
        self.resize(520, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.intro.setText(self.tr(
            "The journal is copied under the new passphrase and then replaces the old file in one "
            "step: if anything goes wrong, the old file and the old passphrase still work."))
        self.old_label.setText(self.tr("&Current passphrase"))
        self.new_label.setText(self.tr("&New passphrase"))
        self.repeat_label.setText(self.tr("&Repeat the new passphrase"))
        self.old.setAccessibleName(self.tr("Current passphrase"))
        self.new.setAccessibleName(self.tr("New passphrase"))
        self.repeat.setAccessibleName(self.tr("Repeat the new passphrase"))
        self.delete_copies.setText(self.tr("&Delete earlier backups instead of re-encrypting them"))
        self.copies_hint.setText(self.tr(
            "Earlier backups of this journal still open with the old passphrase. They are "
            "re-encrypted with the new one, so that they keep working; tick the box to delete "
            "them instead (for example if someone learnt the old passphrase)."))
        self.change_button.setText(self.tr("C&hange passphrase"))
        self.change_button.setToolTip(self.tr("Ctrl+Enter"))
        self.cancel_button.setText(self.tr("Close") if self.outcome else self.tr("Cancel"))


    # ------------------------------------------------------------------ the change
    def submit(self) -> None:
        if self.task is not None or self.outcome:
            return
        for label in (self.old_error, self.new_error, self.repeat_error, self.form_error):
            show_error(label, "")
        lang = current_lang()
        current, new, repeat = self.old.text(), self.new.text(), self.repeat.text()
        try:
            passchange.check_new(current, new, repeat)  # quick checks before the slow ones
            if not current:
                passchange.check_current(self.journal, current)
        except JournalError as exc:
            self._field_error(exc, lang)
            return
        journal, kdf, delete = self.journal, self.kdf, self.delete_copies.isChecked()
        folders = passchange.copy_folders(journal, self.settings)

        def work(_progress: Any) -> Any:
            return passchange.change_passphrase(journal, current, new, repeat, folders,
                                                delete_copies=delete, kdf=kdf)

        self._set_busy(True)
        log.info("changing the passphrase")
        task = BackgroundTask(work, self, done=self._changed, failed=self._not_changed,
                              name="journal-rekey")
        task.finished.connect(lambda: self._ended(task))
        self.task = task.start()

    def _ended(self, task: BackgroundTask) -> None:
        if self.task is task:  # dropped (the dialog went away): nothing more to show
            self.task = None

    def _not_changed(self, error: BaseException) -> None:
        self.task = None
        self._set_busy(False)
        if isinstance(error, JournalError):
            log.info("passphrase not changed: %s", type(error).__name__)
            self._field_error(error, current_lang())
        else:
            log.error("changing the passphrase failed: %s", type(error).__name__)
            dialogs.show_error(self, error)

    def _changed(self, result: Any) -> None:
        self.task = None
        self._set_busy(False)
        lang = current_lang()
        for field in (self.old, self.new, self.repeat):
            field.clear()
            field.setEnabled(False)
        self.delete_copies.setEnabled(False)
        self.change_button.hide()
        self.outcome = passchange.outcome_lines(result, lang)
        self.result_label.setText("\n".join(self.outcome))
        self.result_label.show()
        self.retranslate()
        self.cancel_button.setFocus()
        log.info("passphrase changed")

    def _field_error(self, exc: JournalError, lang: str) -> None:
        target = {"old": (self.old, self.old_error), "new": (self.new, self.new_error),
                  "repeat": (self.repeat, self.repeat_error)}.get(exc.field or "")
        if exc.field is None and exc.key == "error.wrong_passphrase":
            target = (self.old, self.old_error)
        if target is None:
            show_error(self.form_error, exc.message(lang))
            return
        field, label = target
        show_error(label, exc.message(lang))
        field.selectAll()
        field.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for w in (self.old, self.new, self.repeat, self.delete_copies, self.change_button,
                  self.cancel_button):
            w.setEnabled(not busy)

    # ------------------------------------------------------------------ lock and close
    def close_for_lock(self) -> None:
        """Locking waits for a re-key under way (it cannot stop half-way), then forgets what was
        typed."""
        if self.task is not None:
            self.task.wait()
        for field in (self.old, self.new, self.repeat):
            field.clear()

    def reject(self) -> None:
        if self.task is not None:
            return  # the change is under way; it finishes by itself
        for field in (self.old, self.new, self.repeat):
            field.clear()
        super().reject()
