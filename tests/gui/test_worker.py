"""The window's one mechanism for background work (journal.gui.worker)."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QWidget

from journal.gui.worker import BackgroundTask, Cancelled


def test_result_is_handed_to_done_in_the_ui_thread_then_finished(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[Any, bool]] = []
    task = BackgroundTask(lambda progress: (progress(1, 2), 42)[1], owner,
                          done=lambda r: seen.append((r, threading.current_thread()
                                                      is threading.main_thread())))
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert seen == [(42, True)]
    assert task.result is None  # handed over, not kept


def test_result_for_a_deleted_owner_is_dropped_and_finished_still_fires(qtbot: Any) -> None:
    owner = QWidget()
    release = threading.Event()
    called: list[str] = []

    def work(_progress: Any) -> str:
        release.wait(5)
        return "late"

    task = BackgroundTask(work, owner, done=lambda r: called.append("done"),
                          failed=lambda e: called.append("failed"))
    task.start()
    owner.deleteLater()
    qtbot.waitUntil(lambda: task.dropped)  # the owner is gone (the journal was locked)
    with qtbot.waitSignal(task.finished, timeout=5000):
        release.set()
    assert called == []
    assert task.error is None


def test_cancel_stops_the_work_at_its_next_progress_step(qtbot: Any) -> None:
    started = threading.Event()
    steps: list[int] = []

    def work(progress: Any) -> None:
        started.set()
        for i in range(10_000):
            progress(i, 10_000)
            steps.append(i)
            threading.Event().wait(0.001)

    task = BackgroundTask(work, None, done=lambda r: None)
    task.start()
    assert started.wait(5)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    assert isinstance(task.error, Cancelled)
    assert len(steps) < 10_000


def test_an_error_without_a_failed_callback_is_raised_in_the_ui_thread(qtbot: Any) -> None:
    task = BackgroundTask(lambda _p: 1 / 0, None, done=lambda r: None)
    with qtbot.captureExceptions() as caught, qtbot.waitSignal(task.finished, timeout=5000):
        task.start()
    assert [type(exc) for _type, exc, _tb in caught] == [ZeroDivisionError]
