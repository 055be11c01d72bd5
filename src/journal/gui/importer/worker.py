"""A small QThread runner for parsing and importing, with progress turned into signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

log = logging.getLogger(__name__)


class ImportWorker(QThread):
    """Runs ``func(progress)`` off the UI thread.

    ``progress(done, total)`` may be called from the worker; it becomes the ``progressed`` signal,
    delivered (queued) in the UI thread. When the thread ends, ``finished`` (QThread's own signal,
    delivered in the UI thread) fires and :attr:`result` / :attr:`error` hold the outcome. Python
    objects are deliberately not sent through cross-thread signals: PySide 6.12 can miscount
    references doing that (a "deallocating None" abort at exit).
    """

    progressed = Signal(int, int)

    def __init__(self, func: Callable[[Callable[[int, int], None]], Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._func: Callable[[Callable[[int, int], None]], Any] | None = func
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        func = self._func
        self._func = None
        if func is None:
            return
        try:
            self.result = func(self._progress)
        except BaseException as exc:  # noqa: BLE001 -- handed to the UI thread, never swallowed
            self.error = exc

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(int(done), int(total))
