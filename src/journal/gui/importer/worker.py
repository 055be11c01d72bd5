"""Run parsing and importing off the UI thread, with progress shown in the UI thread.

The work runs in a plain Python thread that never touches Qt; a QTimer in the UI thread polls
its progress and outcome and emits the signals there. (PySide 6.12 on Python 3.11 miscounts
references when a Python ``QThread`` emits queued signals, which aborts the process with
"deallocating True/None"; polling keeps every Qt call in the UI thread.)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)

POLL_MS = 40


class ImportWorker(QObject):
    """``ImportWorker(func)``; ``func(progress)`` runs in a thread once :meth:`start` is called.

    ``progress(done, total)`` may be called from the thread. In the UI thread, ``progressed``
    reports the latest figures and ``finished`` fires once at the end; :attr:`result` or
    :attr:`error` then hold the outcome.
    """

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, func: Callable[[Callable[[int, int], None]], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._func: Callable[[Callable[[int, int], None]], Any] | None = func
        self.result: Any = None
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._progress: tuple[int, int] | None = None
        self._reported: tuple[int, int] | None = None
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="journal-import", daemon=True)
        self._thread.start()
        self._timer.start()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:  # the worker thread: no Qt here
        func, self._func = self._func, None
        if func is None:
            return
        try:
            self.result = func(self._set_progress)
        except BaseException as exc:  # noqa: BLE001 -- handed to the UI thread, never swallowed
            self.error = exc

    def _set_progress(self, done: int, total: int) -> None:
        with self._lock:
            self._progress = (int(done), int(total))

    @Slot()
    def _poll(self) -> None:  # the UI thread
        with self._lock:
            progress = self._progress
        if progress is not None and progress != self._reported:
            self._reported = progress
            self.progressed.emit(*progress)
        if self._thread is not None and not self._thread.is_alive():
            self._timer.stop()
            self.finished.emit()
