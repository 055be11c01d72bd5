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


def test_packed_ids_read_back_as_the_list_they_were_made_from() -> None:
    from journal.gui.signs.held import PackedIds

    ids = [f"{n:012x}" for n in range(1000)]
    packed = PackedIds.pack(ids)
    assert isinstance(packed, PackedIds)
    assert len(packed) == 1000 and list(packed) == ids and packed == ids and ids == packed
    assert packed[0] == ids[0] and packed[-1] == ids[-1] and packed[499] == ids[499]
    assert packed[:20] == ids[:20] and packed[995:2000] == ids[995:] and packed[::-7] == ids[::-7]
    assert ids[3] in packed and "not-an-id-00" not in packed and 3 not in packed
    assert packed != ids[:-1] and packed != [*ids[:-1], "ffffffffffff"]
    with pytest.raises(IndexError):
        packed[1000]
    mixed = ["abc", "abcd"]
    assert PackedIds.pack(mixed) is mixed  # ids of different widths stay as they are


def test_the_window_holds_each_signs_evidence_packed_and_the_same_as_a_fresh_evaluation(
        window: Any, journal: Any, qtbot: Any) -> None:
    from journal.core.signs import evaluate_journal
    from journal.gui.signs.held import PackedIds

    add_sample(journal)
    window.open_journal(journal)
    qtbot.waitUntil(lambda: window._signs_count is not None)
    held = window._signs_outcome[0]
    fresh = evaluate_journal(journal)
    assert held == fresh and len(held) >= 3  # evidence, levels and every reason
    assert all(isinstance(r.evidence, PackedIds) for r in held if len(r.evidence) > 1)
    window.show_view("signs")
    page = window.views["signs"]
    shown = [b.property("entryId") for b in page.evidence_buttons()]
    assert shown == [i for r in fresh if r.dismissed is None for i in r.evidence[:20]]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ids_made_among_temporary_objects_give_their_memory_back_once_held_packed() -> None:
    """What the evaluation leaves, in small: 300,000 ids made one by one between temporary rows;
    the rows freed, the ids alone keep most of that memory in use. Held packed, it is freed."""
    from journal.core.signs import SignResult
    from journal.gui.shell.memory import give_back_free_memory
    from journal.gui.signs.held import hold

    def evaluate() -> list[SignResult]:
        evidence: list[list[str]] = [[] for _ in range(6)]
        temporary = []
        for n in range(300_000):
            temporary.append((n, f"row {n}", [n] * 3))  # (what the rules' rows are, roughly)
            evidence[n % 6].append(f"{n:012x}")
        del temporary
        return [SignResult(f"S{k}", "present", ids) for k, ids in enumerate(evidence)]

    results = evaluate()
    gc.collect()
    give_back_free_memory()
    as_lists = _rss_mb()
    hold(results)
    gc.collect()
    give_back_free_memory()
    assert _rss_mb() < as_lists - 15, "the packed ids still hold the evaluation's memory"
    assert [r.evidence[0] for r in results] == [f"{k:012x}" for k in range(6)]


def test_the_windows_evaluation_keeps_the_connections_own_page_cache_the_cli_enlarges_it(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.signs import evaluate_journal
    from journal.core.store import signfacts

    sizes: list[int] = []
    real_enter = signfacts.FactTable.__enter__

    def enter(table: Any) -> Any:
        entered = real_enter(table)
        sizes.append(journal.db.conn.execute("PRAGMA cache_size").fetchone()[0])
        return entered

    monkeypatch.setattr(signfacts.FactTable, "__enter__", enter)
    add_sample(journal)
    own = journal.db.conn.execute("PRAGMA cache_size").fetchone()[0]
    evaluate_journal(journal)  # as the command line does: 64 MB while the rules read
    assert sizes == [-64 * 1024]
    journal.add_entry(_note("after it: the result it kept is out of date, the rules run again"))
    window.open_journal(journal)
    qtbot.waitUntil(lambda: window._signs_count is not None)
    assert sizes[0] == -64 * 1024 and sizes[1:] and set(sizes[1:]) == {own}  # (the window's
    # evaluations: its signs, and the Overview's narrative of a small journal)
    assert journal.db.conn.execute("PRAGMA cache_size").fetchone()[0] == own
