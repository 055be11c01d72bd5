"""The import dialogs' one way to run work in the background and show how far it got.

:class:`TaskProgress` is a page with a line of text and a progress bar over at most one
:class:`~journal.gui.worker.BackgroundTask` at a time: ``run(func, done=, failed=, text=)``
starts ``func(progress)``; ``text(done, total)`` words the line as figures arrive; ``done`` or
``failed`` are called in the UI thread once the work ends (never after :meth:`cancel`, nor once
the dialog is gone). Used by the chat/bill import dialog and the screenshot import dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from journal.gui.worker import BackgroundTask

ProgressText = Callable[[int, int], str]


class TaskProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self._task: BackgroundTask | None = None
        self._text: ProgressText | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addStretch(1)

    @property
    def task(self) -> BackgroundTask | None:
        return self._task

    def busy(self) -> bool:
        return self._task is not None

    def run(self, func: Callable[[Callable[[int, int], None]], Any], *,
            done: Callable[[Any], None], failed: Callable[[BaseException], None],
            text: str = "", progress_text: ProgressText | None = None, total: int = 0,
            name: str = "journal-import") -> BackgroundTask:
        """Start ``func(progress)`` (one task at a time: the caller checks :meth:`busy`)."""
        assert self._task is None, "one task at a time"
        self._text = progress_text
        self.label.setText(text)
        self.bar.setRange(0, total)
        self.bar.setValue(0)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._task = None
            callback(value)

        task = BackgroundTask(func, self, done=lambda r: finish(done, r),
                              failed=lambda e: finish(failed, e), name=name)
        task.progressed.connect(self._progressed)
        self._task = task
        task.start()
        return task

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        if self._text is not None:
            self.label.setText(self._text(done, total))

    def cancel(self) -> bool:
        """Stop the running task (its outcome is dropped); False when there was none."""
        task, self._task = self._task, None
        if task is None:
            return False
        task.cancel()
        return True

    def wait(self, seconds: float | None = None) -> None:
        """Block until the running task's thread ended (or ``seconds``)."""
        if self._task is not None:
            self._task.wait(seconds)
