"""The one way the window runs long work off the UI thread: key derivation when unlocking or
creating, the warning signs of a large journal, the backup on lock, imports and exports.

The work runs in a plain Python thread that never touches Qt. A QTimer in the UI thread polls its
progress and outcome and emits the signals there, so every Qt call stays in the UI thread.

A task belongs to an *owner* (the view or dialog that asked for it) but is not its Qt child: it
outlives the owner, and when the owner is deleted (the journal was locked, the dialog closed) or
the task is cancelled, the outcome is **dropped**: ``done``/``failed`` are not called, nothing is
shown and no error is raised. ``finished`` is emitted in every case, once, when the thread ended.

Cancelling also asks the work to stop: its next ``progress(done, total)`` call raises
:class:`Cancelled` inside the work.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal, Slot

POLL_MS = 25  # how often the UI thread looks at a running task

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]

# Tasks whose thread is still running: kept alive here, whatever happens to their owner.
_running: set[BackgroundTask] = set()


class Cancelled(Exception):
    """Raised inside the work when the UI asked it to stop (e.g. the journal was locked)."""


class BackgroundTask(QObject):
    """``BackgroundTask(func, owner, done=..., failed=...)``; ``func(progress)`` runs in a thread
    after :meth:`start`.

    In the UI thread, ``progressed(done, total)`` reports the latest figures; at the end
    ``done(result)`` or ``failed(exception)`` is called unless the task was dropped, then
    ``finished`` is emitted. :attr:`error` holds the error, if any; :attr:`result` is cleared once
    handed over (it may be decrypted content or a key).
    """

    progressed = Signal(int, int)
    finished = Signal()

    def __init__(self, func: Work, owner: QObject | None = None, *,
                 done: Callable[[Any], None] | None = None,
                 failed: Callable[[BaseException], None] | None = None,
                 name: str = "journal-task") -> None:
        super().__init__(None)  # not the owner's child: it must outlive a deleted owner
        self._func: Work | None = func
        self._owner = owner
        self._owner_gone = False
        self._done = done
        self._failed = failed
        self._name = name
        self.result: Any = None
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._progress: tuple[int, int] | None = None
        self._reported: tuple[int, int] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        if owner is not None:
            owner.destroyed.connect(self._on_owner_destroyed)

    def start(self) -> BackgroundTask:
        _running.add(self)
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()
        self._timer.start()
        return self

    def cancel(self) -> None:
        """Drop the outcome, and ask the work to stop at its next progress step."""
        self._stop.set()

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    @property
    def dropped(self) -> bool:
        """True when the outcome will not be (or was not) handed to ``done``/``failed``."""
        return self._stop.is_set() or self._owner_gone or (
            self._owner is not None and not shiboken6.isValid(self._owner))

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> None:
        """Block until the thread ended (or ``timeout`` seconds); signals come later."""
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
        if self._stop.is_set():
            raise Cancelled()
        with self._lock:
            self._progress = (int(done), int(total))

    @Slot()
    def _on_owner_destroyed(self) -> None:
        self._owner_gone = True
        self._stop.set()

    @Slot()
    def _poll(self) -> None:  # the UI thread
        with self._lock:
            progress = self._progress
        if progress is not None and progress != self._reported and not self.dropped:
            self._reported = progress
            self.progressed.emit(*progress)
        if self._thread is None or self._thread.is_alive():
            return
        self._timer.stop()
        try:
            if not self.dropped:
                if self.error is not None:
                    if self._failed is None:
                        raise self.error
                    self._failed(self.error)
                elif self._done is not None:
                    self._done(self.result)
        finally:
            # the receiver has the result now; the task keeps no decrypted content or key, and no
            # reference to a closed view
            self.result = None
            self._owner = self._done = self._failed = None
            self.finished.emit()
            # forget it on a later turn of the loop, not inside its own timer's slot
            QTimer.singleShot(0, lambda task=self: _running.discard(task))


def run_in_background(func: Work, owner: QObject | None, *,
                      done: Callable[[Any], None] | None = None,
                      failed: Callable[[BaseException], None] | None = None,
                      name: str = "journal-task") -> BackgroundTask:
    """Make and start a :class:`BackgroundTask`."""
    return BackgroundTask(func, owner, done=done, failed=failed, name=name).start()
