"""The window builds only the page shown, and a save re-reads only what it changed (issue 17)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import add_sample, fill


def _save_in_editor(timeline: Any, kind: str = "note", summary: str = "", when: str = "",
                    entry_id: str | None = None) -> None:
    """Run the timeline's real editor (new entry, or ``entry_id``), type and save."""
    from journal.gui.editor.dialog import EntryEditorDialog

    def type_and_save() -> None:
        dlg = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, EntryEditorDialog) and w.isVisible())
        if summary:
            dlg.summary.setText(summary)
        if when:
            dlg.when.edit.setText(when)
        assert dlg.save()

    QTimer.singleShot(0, type_and_save)
    if entry_id is None:
        timeline.new_entry(kind)
    else:
        timeline.edit_entry(entry_id)


def _count_calls(monkeypatch: pytest.MonkeyPatch, obj: Any, name: str) -> list[int]:
    calls: list[int] = []
    original = getattr(obj, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, name, counted)
    return calls


def test_unlock_builds_only_the_overview(window: Any, journal: Any) -> None:
    from journal.gui.overview.view import OverviewView
    from journal.gui.shell.views import VIEWS

    add_sample(journal)
    window.open_journal(journal)
    assert window.current_view() == "overview"
    assert list(window.views) == ["overview"]
    overview = window.views["overview"]
    assert isinstance(overview, OverviewView) and overview.data is not None
    assert window.pages.currentWidget() is overview
    for row, spec in enumerate(VIEWS[1:], start=1):  # the other pages are empty stand-ins
        page = window.pages.widget(row)
        assert not isinstance(page, spec.cls) and page.objectName() == f"{spec.key}Placeholder"


def test_visiting_a_section_builds_its_view_with_the_journal(window: Any, journal: Any) -> None:
    from journal.gui.people.view import PeopleView

    sample = add_sample(journal)
    window.open_journal(journal)
    assert "people" not in window.views
    window.show_view("people")
    people = window.views["people"]
    assert isinstance(people, PeopleView)
    assert window.pages.currentWidget() is people
    assert window.pages.indexOf(people) == window._nav_keys.index("people")
    assert people.current_person_id() in sample["persons"].values()
    assert set(window.views) == {"overview", "people"}


def test_the_signs_count_is_shown_without_building_the_signs_page(window: Any, journal: Any,
                                                                   qtbot: Any) -> None:
    add_sample(journal)
    window.open_journal(journal)
    qtbot.waitUntil(lambda: window._signs_count is not None)  # after the pre-write check
    assert "signs" not in window.views
    text = window.nav.item(window._nav_keys.index("signs")).text()
    assert window._signs_count and text.endswith(f"({window._signs_count})")
    window.show_view("signs")  # the page shows the window's evaluation, not its own
    signs = window.views["signs"]
    assert signs.results is window._signs_outcome[0] and signs.cards


def test_lock_drops_the_built_views_and_builds_no_other(window: Any, journal: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui.report.view import ReportView
    from journal.gui.signs.view import SignsView

    built: list[str] = []
    for cls in (SignsView, ReportView):
        original = cls.__init__

        def init(self: Any, *a: Any, _original: Any = original, **k: Any) -> None:
            built.append(type(self).__name__)
            _original(self, *a, **k)

        monkeypatch.setattr(cls, "__init__", init)
    sample = add_sample(journal)
    window.open_journal(journal)
    window.show_entry(sample["entries"]["payment"])
    overview, timeline = window.views["overview"], window.views["timeline"]
    assert timeline.detail.entry_id == sample["entries"]["payment"]
    window.lock()
    assert window.views == {} and built == []
    assert overview.data is None and overview.cards == []
    assert timeline.model.rowCount() == 0 and timeline.detail.is_empty()


def test_save_in_the_editor_places_the_row_and_updates_the_counts_without_reloading(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(journal, 30)
    add_sample(journal)
    window.open_journal(journal)
    window.show_view("people")
    window.show_view("timeline")
    timeline, people, overview = (window.views[k] for k in ("timeline", "people", "overview"))
    resets: list[int] = []
    timeline.model.modelReset.connect(lambda: resets.append(1))
    people_refreshes = _count_calls(monkeypatch, people, "refresh")
    overview_refreshes = _count_calls(monkeypatch, overview, "refresh")
    entry_ids = _count_calls(monkeypatch, journal, "entry_ids")
    before = timeline.model.rowCount()
    with qtbot.waitSignal(window.changeApplied, timeout=5000):
        _save_in_editor(timeline, summary="met 小敏 again at the port", when="2021-06-01 10:00")
    saved = timeline.detail.entry_id
    assert journal.get_entry(saved).summary == "met 小敏 again at the port"
    assert timeline.model.rowCount() == before + 1
    assert timeline.model.ids() == journal.entry_ids()  # in its place in the list
    assert timeline.current_entry_id() == saved
    assert resets == [] and len(entry_ids) == 1 + 1  # one small query (same time) + the check
    assert f"{before + 1:,}" in timeline.count_label.text()
    assert f"{before + 1:,}" in window.status_label.text()
    assert people_refreshes == [] and overview_refreshes == []  # not shown: re-read later
    assert window._stale == {"people", "overview"}
    window.show_view("people")
    assert people_refreshes == [1] and window._stale == {"overview"}


def test_an_edit_that_changes_the_time_moves_the_row(window: Any, journal: Any,
                                                     qtbot: Any) -> None:
    fill(journal, 30)
    window.open_journal(journal)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    oldest = timeline.model.ids()[-1]
    resets: list[int] = []
    timeline.model.modelReset.connect(lambda: resets.append(1))
    with qtbot.waitSignal(window.changeApplied, timeout=5000):
        _save_in_editor(timeline, entry_id=oldest, when="2025-01-01 08:00")
    assert resets == []  # moved, not the whole list read again
    assert timeline.model.ids()[0] == oldest
    assert timeline.model.ids() == journal.entry_ids()
    assert timeline.model.data(timeline.model.index(0, 3)) == journal.get_entry(oldest).summary


def test_trash_takes_the_row_out_and_keeps_a_kind_filter(window: Any, journal: Any, qtbot: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.gui import dialogs

    fill(journal, 10)
    sample = add_sample(journal)
    window.open_journal(journal)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    timeline.kind_filter.setCurrentIndex(timeline.kind_filter.findData("request"))
    assert timeline.model.rowCount() == 2
    resets: list[int] = []
    timeline.model.modelReset.connect(lambda: resets.append(1))
    dialogs.set_next_answer(True)
    with qtbot.waitSignal(window.changeApplied, timeout=5000):
        timeline.delete_entry(sample["entries"]["zhang"])
    assert timeline.model.ids() == journal.entry_ids(kinds=["request"]) == [
        sample["entries"]["request"]]
    assert resets == [] and "1 entry matches" in timeline.count_label.text()


def test_a_saved_draft_refreshes_nothing(window: Any, journal: Any, qtbot: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    add_sample(journal)
    window.open_journal(journal)
    overview = window.views["overview"]
    refreshes = _count_calls(monkeypatch, overview, "refresh")
    applied: list[int] = []
    window.changeApplied.connect(lambda: applied.append(1))
    journal.save_draft("editor:new", {"kind": "note", "summary": "half typed"})
    window._journal_changed()  # what the store's listener leads to, a moment later
    assert refreshes == [] and applied == []
    journal.add_entry(_note("written elsewhere"))
    window._journal_changed()
    assert refreshes == [1] and applied == [1]


def _note(summary: str) -> Any:
    from journal.core.models import EntryDraft

    return EntryDraft(kind="note", summary=summary,
                      occurred_at=datetime(2024, 5, 1, 9, 0).astimezone() + timedelta(hours=1))


def test_a_change_during_a_background_evaluation_evaluates_again_after_it(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from journal.gui.signs import view as signs_view

    add_sample(journal)
    monkeypatch.setattr(signs_view, "SYNC_LIMIT", 0)  # every journal counts as large here
    gate = threading.Event()
    calls: list[int] = []
    real = signs_view.evaluate

    def held(j: Any, progress: Any = None) -> Any:
        calls.append(1)
        gate.wait(20)
        return real(j, progress)

    monkeypatch.setattr(signs_view, "evaluate", held)
    window.open_journal(journal)
    assert window._signs_task is None  # not before the first page is painted
    qtbot.waitUntil(lambda: window._signs_task is not None)
    first = window._signs_task
    journal.add_entry(_note("written while the signs are evaluated"))
    window._journal_changed()
    assert window._signs_task is first and window._signs_again  # no second thread beside it
    gate.set()
    qtbot.waitUntil(lambda: window._signs_count is not None, timeout=20000)
    assert len(calls) == 2 and window._signs_task is None
    assert window._signs_outcome[0] == real(journal)[0]


def test_a_save_reads_again_only_the_saved_entry_not_the_rows_it_moves_down(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new entry at the top moves every row by one: the rows already read stay read (the
    model keeps entries by id), so the list is not read again page by page."""
    fill(journal, 450)
    window.open_journal(journal)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    qtbot.waitUntil(lambda: timeline.model.pages_fetched >= 1)  # the first rows painted
    asked: list[str] = []
    original = journal.get_entries

    def spy(ids: Any) -> Any:
        asked.extend(ids)
        return original(ids)

    monkeypatch.setattr(journal, "get_entries", spy)
    with qtbot.waitSignal(window.changeApplied, timeout=5000):
        _save_in_editor(timeline, summary="the newest one", when="2025-06-01 10:00")
    saved = timeline.detail.entry_id
    QApplication.processEvents()  # (the list painted again)
    assert timeline.model.ids()[0] == saved
    assert asked == [saved]
    model = timeline.model
    assert [model.data(model.index(r, 3)) for r in range(3)] == \
        ["the newest one", "note number 449", "note number 448"]


def test_a_save_shows_the_saved_entry_in_the_detail_pane_once(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(journal, 20)
    window.open_journal(journal)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    shown = _count_calls(monkeypatch, timeline.detail, "set_entry")
    with qtbot.waitSignal(window.changeApplied, timeout=5000):
        _save_in_editor(timeline, summary="shown once", when="2025-06-01 10:00")
    assert journal.get_entry(timeline.detail.entry_id).summary == "shown once"
    assert shown == [1]


def test_a_save_counts_the_entries_once_for_the_list_and_once_for_the_status_line(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting every entry is the dearest query of a save at 100,000 entries: the window (its
    status line, whether its signs are evaluated at once) counts again only when the audit chain
    moved since its last count."""
    fill(journal, 20)
    window.open_journal(journal)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    qtbot.waitUntil(lambda: window._signs_count is not None)  # (after the pre-write check)
    counts: list[dict[str, Any]] = []
    original = journal.count_entries

    def spy(**filters: Any) -> Any:
        counts.append(filters)
        return original(**filters)

    monkeypatch.setattr(journal, "count_entries", spy)
    with qtbot.waitSignal(window.changeApplied, timeout=5000):
        _save_in_editor(timeline, summary="counted", when="2025-06-01 10:00")
    # the list's check; the status line's, which the signs' evaluation takes too
    assert [c for c in counts if not c] == [{}, {}]
    assert "21 entries" in window.status_label.text()
    window._update_status()  # nothing changed since: no count
    assert [c for c in counts if not c] == [{}, {}]
    journal.add_entry(_note("from elsewhere"))
    window._update_status()  # the chain moved: counted again
    assert "22 entries" in window.status_label.text()


def test_a_saved_row_no_wider_than_the_columns_leaves_them_and_a_wider_one_widens_its_column(
        window: Any, journal: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.models import EntryDraft
    from journal.gui.timeline import columns
    from journal.gui.timeline.model import COL_PERSONS

    fill(journal, 30)
    window.open_journal(journal)
    window.show_view("timeline")
    timeline = window.views["timeline"]
    header = timeline.table.horizontalHeader()
    fits = _count_calls(monkeypatch, columns, "fit_columns")
    with qtbot.waitSignal(window.changeApplied, timeout=5000):
        _save_in_editor(timeline, summary="no wider than the others", when="2025-06-01 10:00")
    assert fits == []  # the first 200 rows were not measured again
    narrow = header.sectionSize(COL_PERSONS)
    person = journal.add_person("Wang Xiaoming (second cousin)")
    added = journal.add_entry(EntryDraft(
        kind="note", summary="with someone", persons=[person.id],
        occurred_at=datetime(2025, 7, 1, 9, 0).astimezone()))
    timeline.show_saved(added.id)
    assert fits == [1] and header.sectionSize(COL_PERSONS) > narrow
