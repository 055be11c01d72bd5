"""Run slow work (key derivation, creating a journal) off the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class Worker(QThread):
    """Runs ``func()`` in a thread; emits ``done(result)`` or ``failed(exception)`` afterwards.

    The signals are delivered in the thread that created the worker (the UI thread).
    """

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, func: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._func = func

    def run(self) -> None:
        try:
            result = self._func()
        except BaseException as exc:  # noqa: BLE001 - reported to the UI thread, never swallowed
            self.failed.emit(exc)
        else:
            self.done.emit(result)
        finally:
            self._func = None  # type: ignore[assignment]  # drop the closure (passphrase) early


class Relay(QObject):
    """Lives in the UI thread; the worker's signals reach its slots through a queued connection,
    so the callbacks always run on the UI thread."""

    def __init__(self, done: Callable[[Any], None], failed: Callable[[BaseException], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done = done
        self._failed = failed

    @Slot(object)
    def on_done(self, result: Any) -> None:
        self._done(result)

    @Slot(object)
    def on_failed(self, exc: BaseException) -> None:
        self._failed(exc)


def run_in_thread(func: Callable[[], Any], done: Callable[[Any], None],
                  failed: Callable[[BaseException], None], parent: QObject) -> Worker:
    """Start ``func`` in a worker thread; ``done``/``failed`` are called on the UI thread."""
    worker = Worker(func, parent)
    relay = Relay(done, failed, parent)
    worker.done.connect(relay.on_done)
    worker.failed.connect(relay.on_failed)
    worker.finished.connect(worker.deleteLater)
    worker.finished.connect(relay.deleteLater)
    worker.start()
    return worker
