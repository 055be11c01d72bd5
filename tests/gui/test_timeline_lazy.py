"""The lazy timeline model: only the pages that are looked at are read from the journal."""

from __future__ import annotations

from typing import Any

from conftest import fill

from journal.gui.timeline.model import COL_SUMMARY


def test_lazy_model_fetches_only_the_pages_it_needs(open_window: Any, journal: Any,
                                                    qtbot: Any) -> None:
    from journal.gui.timeline import model as model_mod

    # the window re-reads the journal after a change (a timer started by the journal's listener):
    # let that happen first, so that it does not count below
    with qtbot.waitSignal(open_window._refresh_timer.timeout, timeout=5000):
        fill(journal, 5000)
    calls: list[int] = []
    original = journal.get_entries

    def counting(ids: Any) -> Any:  # a spy on the real store: counts, then reads for real
        calls.append(len(ids))
        return original(ids)

    journal.get_entries = counting
    timeline = open_window.views["timeline"]
    timeline.reload()
    m = timeline.model
    assert m.rowCount() == 5000
    qtbot.waitUntil(lambda: len(calls) >= 1)  # the table painted its first rows
    first = len(calls)
    assert 1 <= first <= 2  # only the visible first page
    assert all(n <= model_mod.PAGE_SIZE for n in calls)
    timeline.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(calls) > first)  # the table painted the last rows
    assert m.data(m.index(4999, COL_SUMMARY)) == "note number 0"
    assert len(calls) <= first + 2  # jumping to the end reads the last page, not all between
    assert len(m.cached_pages()) <= model_mod.MAX_PAGES
    for row in range(0, 5000, 100):  # walking through everything keeps the cache bounded
        m.data(m.index(row, COL_SUMMARY))
    assert len(m.cached_pages()) <= model_mod.MAX_PAGES
    assert sum(calls) < 5000 * 2
