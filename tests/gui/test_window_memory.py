"""What the window keeps in memory (issue 17): a page out of sight keeps no older evaluation of
the warning signs alive once the window has a newer one; memory a background thread used and
freed goes back to the system."""

from __future__ import annotations

import gc
import sys
import threading
import weakref
from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.gui.conftest import add_sample


def _note(summary: str) -> Any:
    from journal.core.models import EntryDraft

    return EntryDraft(kind="note", summary=summary,
                      occurred_at=datetime(2024, 5, 1, 9, 0).astimezone() + timedelta(hours=1))


def test_the_overview_out_of_sight_lets_go_of_the_older_signs_and_gets_the_new_ones_when_shown(
        window: Any, journal: Any, qtbot: Any) -> None:
    add_sample(journal)
    window.open_journal(journal)
    qtbot.waitUntil(lambda: window._signs_count is not None)
    overview = window.views["overview"]
    first = window._signs_outcome[0]
    assert overview._signs == first and first
    old = weakref.ref(first[0])
    del first  # (the window and the Overview hold it)
    window.show_view("timeline")
    journal.add_entry(_note("written while the timeline is shown"))
    with qtbot.waitSignal(window.changeApplied, timeout=10000):
        window._journal_changed()
    qtbot.waitUntil(lambda: window._signs_count is not None and window._signs_task is None)
    gc.collect()
    assert overview._signs is None
    assert old() is None, "the older evaluation is still held"
    window.show_view("overview")
    assert overview._signs == window._signs_outcome[0]
    assert [m.sign_id for m in overview.data.signs] and overview.data.signs_pending is False


def _rss_mb() -> float:
    import os

    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; glibc's arenas")
def test_memory_a_background_thread_used_and_freed_goes_back_to_the_system() -> None:
    """What the signs evaluation does in its thread, in small: 200 MB of blocks in one thread's
    arena, freed there; the process keeps it until it is given back."""
    from journal.gui.shell.memory import give_back_free_memory

    def work() -> None:
        blocks = [bytearray(2048) for _ in range(100_000)]
        blocks.reverse()  # (freed in another order than taken: no single top to trim by itself)
        del blocks

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    held = _rss_mb()
    give_back_free_memory()
    assert _rss_mb() < held - 100, "the freed memory stayed with the process"


def test_a_large_journal_evaluated_again_holds_no_older_signs_beside_it_on_pages_out_of_sight(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a large journal's signs are evaluated again (a background thread), the signs page
    and the Overview, out of sight, hold nothing of the older evaluation; the signs page is built
    again, with the new evaluation, when visited."""
    from journal.gui.signs import view as signs_view

    add_sample(journal)
    monkeypatch.setattr(signs_view, "SYNC_LIMIT", 0)  # every journal counts as large here
    gate = threading.Event()
    real = signs_view.evaluate
    running: list[int] = []

    def held(j: Any, progress: Any = None) -> Any:
        if running:  # the second evaluation waits until the test has looked
            gate.wait(20)
        running.append(1)
        return real(j, progress)

    monkeypatch.setattr(signs_view, "evaluate", held)
    window.open_journal(journal)
    qtbot.waitUntil(lambda: window._signs_count is not None, timeout=20000)
    window.show_view("signs")
    page = window.views["signs"]
    assert page.results is window._signs_outcome[0] and page.cards
    old = weakref.ref(page.results[0])
    del page
    window.show_view("timeline")
    journal.add_entry(_note("written while the timeline is shown"))
    window._journal_changed()
    qtbot.waitUntil(lambda: window._signs_task is not None and window._signs_task.is_running())
    qtbot.waitUntil(lambda: "signs" not in window.views)  # (on the next turn of the loop)
    assert window.views["overview"]._signs is None
    qtbot.waitUntil(lambda: (gc.collect(), old() is None)[1], timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: window._signs_task is None and window._signs_outcome is not None,
                    timeout=20000)
    window.show_view("signs")
    page = window.views["signs"]
    assert page.results is window._signs_outcome[0] and page.cards
