"""The window keeps the warning signs' result its background evaluation found (after unlocking
and after a save), and after the next unlock shows the kept result without running the rules."""

from __future__ import annotations

from typing import Any

import pytest

from journal.core.signs import fastrules
from journal.core.store import Journal
from tests.gui.conftest import add_sample

PASSPHRASE = "correct horse 电池 staple"  # as in tests/conftest.py


def _found(j: Any) -> Any:
    with j.sign_fact_table() as table:
        return fastrules.evidence_ids(fastrules.find(table, j.list_persons()))


def test_the_window_keeps_its_evaluation_and_shows_the_kept_one_after_the_next_unlock(
        make_window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.models import EntryDraft
    from journal.gui.signs import view as signs_view

    monkeypatch.setattr(signs_view, "SYNC_LIMIT", 0)  # evaluated in the background, as at 100,000
    add_sample(journal)
    assert not journal.sign_results_current()
    window = make_window()
    window.open_journal(journal)
    qtbot.waitUntil(lambda: window._signs_count is not None, timeout=20000)
    assert journal.sign_results_current()  # kept by the window's background evaluation
    count = window._signs_count
    assert count
    # a save: evaluated again in the background, and that result kept
    journal.add_entry(EntryDraft(kind="contact", summary="她让我删掉聊天记录，不要告诉老师"))
    window._signs_count = None
    window._journal_changed()
    qtbot.waitUntil(lambda: window._signs_count is not None, timeout=20000)
    assert journal.sign_results_current()
    kept = journal.kept_sign_results()
    assert kept is not None and kept.found == _found(journal)
    expected = [(r.id, r.level, r.evidence) for r in window._signs_outcome[0]]
    path = journal.path
    window.lock(show_unlock=False)
    window.wait_for_close()

    # the next unlock: the kept result is shown, the rules never run
    def fail(*_a: Any, **_k: Any) -> None:
        raise AssertionError("the rules ran although the kept result is current")

    monkeypatch.setattr(fastrules, "find", fail)
    again = Journal.open(path, PASSPHRASE)
    window2 = make_window()
    window2.open_journal(again)
    qtbot.waitUntil(lambda: window2._signs_count is not None, timeout=20000)
    window2.show_view("signs")
    page = window2.views["signs"]
    assert [(r.id, r.level, r.evidence) for r in page.results] == expected
    assert len(page.cards) == len(expected)


def test_the_kept_result_is_shown_while_the_pre_write_check_still_runs(
        make_window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from journal.gui.signs import view as signs_view

    monkeypatch.setattr(signs_view, "SYNC_LIMIT", 0)  # evaluated in the background, as at 100,000
    add_sample(journal)
    window = make_window()
    window.open_journal(journal)
    qtbot.waitUntil(lambda: window._signs_count is not None, timeout=20000)
    assert journal.sign_results_current()
    count = window._signs_count
    path = journal.path
    window.lock(show_unlock=False)
    window.wait_for_close()

    again = Journal.open(path, PASSPHRASE)
    release = threading.Event()
    real_wait = again.wait_precheck

    def held(timeout: float | None = None) -> bool:  # the page check of a large file, still going
        release.wait(60)
        return bool(real_wait(timeout))

    monkeypatch.setattr(again, "wait_precheck", held)
    window2 = make_window()
    try:
        window2.open_journal(again)
        qtbot.waitUntil(lambda: window2._signs_count is not None, timeout=10000)
        assert window2._precheck_task is not None  # shown before the check ended
        assert window2._signs_count == count
    finally:
        release.set()
    qtbot.waitUntil(lambda: window2._precheck_task is None, timeout=20000)
    assert window2._signs_count == count
