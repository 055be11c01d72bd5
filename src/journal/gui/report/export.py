"""What the Report page's two exports share (the PDF and the evidence package): the question
where to save, with a name in the report's language and today's date, and the progress bar
with the status line under the button, for the one export that runs in the background."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from journal.gui import dialogs
from journal.gui.worker import BackgroundTask


def ask_save_path(parent: QWidget, title: str, stem: str, suffix: str,
                  file_filter: str) -> str | None:
    """The path chosen in the save dialog (``suffix`` added if missing), or None if cancelled;
    the name suggested is ``stem-YYYY-MM-DD.suffix`` in the home folder."""
    suggested = Path.home() / f"{stem}-{date.today().isoformat()}{suffix}"
    path = dialogs.save_file(parent, title, str(suggested), file_filter)
    if not path:
        return None
    return path if path.lower().endswith(suffix) else path + suffix


class ExportProgress(QWidget):
    """The progress bar (hidden while idle) and the status line; ``worker`` is the export
    running (None while idle)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker: BackgroundTask | None = None
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

    def start(self, work: Callable[[Any], Any], owner: QWidget, *, done: Callable[[Any], None],
              failed: Callable[[BaseException], None], name: str, text: str) -> None:
        """Run ``work(progress)`` in the background (owned by ``owner``), saying ``text``."""
        self.worker = BackgroundTask(work, owner, done=done, failed=failed, name=name)
        self.worker.progressed.connect(self._progressed)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(text)
        self.worker.start()

    def ended(self) -> None:
        self.worker = None
        self.progress.setVisible(False)

    def stop(self) -> bool:
        """Stop the export running (at its next step; what it would have said is dropped);
        True if one was running."""
        if self.worker is None:
            return False
        self.worker.cancel()
        self.ended()
        return True

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
