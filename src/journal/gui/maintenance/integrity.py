"""Journal ▸ Check integrity…: the same check as ``journal-cli verify``, in the background, with
the result in plain words and the head hash to copy."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.core import verifytext
from journal.gui import dialogs
from journal.gui.qtsetup import current_lang
from journal.gui.worker import BackgroundTask, Cancelled

log = logging.getLogger(__name__)


class IntegrityDialog(QDialog):
    """Starts the check when shown; :attr:`result` holds the ``VerifyResult`` when done."""

    def __init__(self, journal: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("integrityDialog")
        self.journal = journal
        self.task: BackgroundTask | None = None
        self.result: Any = None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setObjectName("integrityTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.progress = QProgressBar()
        self.progress.setObjectName("integrityProgress")
        layout.addWidget(self.progress)
        self.text = QLabel()
        self.text.setObjectName("integrityText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.head_label = QLabel()
        self.head = QLineEdit()
        self.head.setObjectName("headHash")
        self.head.setReadOnly(True)
        self.head_label.setBuddy(self.head)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyHead")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_head)
        row = QHBoxLayout()
        row.addWidget(self.head, 1)
        row.addWidget(self.copy_button)
        layout.addWidget(self.head_label)
        layout.addLayout(row)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        for w in (self.head_label, self.head, self.copy_button):
            w.hide()
        self.retranslate()
        self.resize(600, 360)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check integrity"))
        if self.result is None:
            self.title.setText(self.tr("Checking the journal…"))
            self.text.setText(self.tr(
                "Every page, the audit chain, every entry, person and attachment are checked "
                "against what was recorded. Nothing is changed."))
        else:
            summary = verifytext.summary(self.result, current_lang())
            self.title.setText(summary.title)
            self.text.setText("\n\n".join(summary.lines))
            self.head.setText(summary.head_hash)
        self.head_label.setText(self.tr("&Head hash"))
        self.copy_button.setText(self.tr("&Copy"))
        self.close_button.setText(self.tr("Close"))

    def start(self) -> None:
        journal = self.journal

        def work(progress: Any) -> Any:
            return journal.verify(progress)

        log.info("checking integrity")
        self.progress.setRange(0, 0)
        task = BackgroundTask(work, self, done=self._verified, failed=self._not_verified,
                              name="journal-verify")
        task.progressed.connect(self._progressed)
        task.finished.connect(lambda: self._ended(task))
        self.task = task.start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.task is None and self.result is None:
            self.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _ended(self, task: BackgroundTask) -> None:
        if self.task is task:  # dropped (the dialog was closed): nothing more to show
            self.task = None

    def _not_verified(self, error: BaseException) -> None:
        self.task = None
        self.progress.hide()
        if isinstance(error, Cancelled):
            return
        log.error("integrity check failed to run: %s", type(error).__name__)
        self.title.setText(self.tr("The check could not run"))
        self.text.setText("")
        dialogs.show_error(self, error)

    def _verified(self, result: Any) -> None:
        self.task = None
        self.progress.hide()
        self.result = result
        log.info("integrity check done: %s", "ok" if self.result.ok else "problems")
        for w in (self.head_label, self.head, self.copy_button):
            w.show()
        self.retranslate()
        self.close_button.setFocus()

    def copy_head(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and self.head.text():
            clipboard.setText(self.head.text())

    def _stop(self) -> None:
        """Stop the check (at its next step) and wait for its thread: it reads the journal,
        which may be closed next."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait()

    def close_for_lock(self) -> None:
        """Locking stops the check before the journal closes."""
        self._stop()

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: Any) -> None:
        self._stop()
        super().closeEvent(event)
