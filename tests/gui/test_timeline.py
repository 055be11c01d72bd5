"""The timeline: entries newest first, search, filters, detail pane, delete, the lazy model."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from conftest import add_sample
from PySide6.QtCore import Qt

from journal.core.models import EntryDraft
from journal.gui.timeline.model import COL_AMOUNT, COL_KIND, COL_PERSONS, COL_SUMMARY, COL_WHEN


def _summaries(timeline: Any) -> list[str]:
    m = timeline.model
    return [m.data(m.index(r, COL_SUMMARY)) for r in range(m.rowCount())]


def test_entries_appear_newest_first_with_their_columns(open_window: Any, journal: Any) -> None:
    add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    m = timeline.model
    assert m.rowCount() == 6
    assert _summaries(timeline)[0] == "Called the 12339 hotline with my teacher"
    assert _summaries(timeline)[-1] == "First chat with Xiao Min on the social app"
    payment_row = _summaries(timeline).index("Paid for the yacht photos")
    assert m.data(m.index(payment_row, COL_KIND)) == "Payment"
    assert m.data(m.index(payment_row, COL_AMOUNT)) == "300.00 CNY"
    assert m.data(m.index(payment_row, COL_PERSONS)) == "Xiao Min"
    assert m.data(m.index(payment_row, COL_KIND), Qt.ItemDataRole.DecorationRole) is not None
    gift_row = _summaries(timeline).index("送了一部手机和一辆电动车")
    assert m.data(m.index(gift_row, COL_WHEN)).startswith("approx. 2024-03-2")
    assert m.data(m.index(payment_row, COL_WHEN)) == "2024-03-06 20:15"
    assert m.data(m.index(gift_row, COL_AMOUNT)) == "4,500.00 CNY"
    request_row = _summaries(timeline).index("Asked to photograph yachts at the port")
    assert m.data(m.index(request_row, COL_WHEN)) == "2024-03-05"  # date only: no time shown
    assert "6 entries" in timeline.count_label.text()


def test_entries_added_through_the_core_show_up_by_themselves(open_window: Any, journal: Any,
                                                              qtbot: Any) -> None:
    timeline = open_window.views["timeline"]
    assert timeline.model.rowCount() == 0
    assert timeline.empty_hint.isVisibleTo(timeline)
    add_sample(journal)  # the journal's change listener refreshes the views
    qtbot.waitUntil(lambda: timeline.model.rowCount() == 6, timeout=3000)
    assert not timeline.empty_hint.isVisibleTo(timeline)


def test_search_is_debounced_and_instant(open_window: Any, journal: Any, qtbot: Any) -> None:
    add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    qtbot.keyClicks(timeline.search, "yacht")
    assert timeline.model.rowCount() == 6  # not yet: waits ~150 ms for more typing
    qtbot.waitUntil(lambda: timeline.model.rowCount() == 2, timeout=2000)
    assert set(_summaries(timeline)) == {"Asked to photograph yachts at the port",
                                         "Paid for the yacht photos"}
    assert "2 entries match" in timeline.count_label.text()
    timeline.search.setText("军港")  # two Chinese characters, inside the details too
    qtbot.waitUntil(lambda: _summaries(timeline) == ["张总让我去拍军港的舰船"], timeout=2000)
    timeline.search.setText("手机")
    qtbot.waitUntil(lambda: _summaries(timeline) == ["送了一部手机和一辆电动车"], timeout=2000)
    timeline.search.setText("Director Zhang")  # a person's alias
    qtbot.waitUntil(lambda: _summaries(timeline) == ["张总让我去拍军港的舰船"], timeout=2000)
    timeline.search.setText("no such words anywhere")
    qtbot.waitUntil(lambda: timeline.model.rowCount() == 0, timeout=2000)
    assert "Nothing matches" in timeline.empty_hint.text()
    timeline.reset_filters()
    assert timeline.model.rowCount() == 6


def test_filter_by_kind_person_and_dates(open_window: Any, journal: Any) -> None:
    sample = add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    timeline.kind_filter.setCurrentIndex(timeline.kind_filter.findData("request"))
    assert sorted(_summaries(timeline)) == sorted(["Asked to photograph yachts at the port",
                                                   "张总让我去拍军港的舰船"])
    timeline.person_filter.setCurrentIndex(
        timeline.person_filter.findData(sample["persons"]["zhang"]))
    assert _summaries(timeline) == ["张总让我去拍军港的舰船"]
    timeline.kind_filter.setCurrentIndex(0)
    timeline.person_filter.setCurrentIndex(
        timeline.person_filter.findData(sample["persons"]["min"]))
    assert timeline.model.rowCount() == 4
    timeline.person_filter.setCurrentIndex(0)
    timeline.since.set_value(date(2024, 3, 5))
    timeline.until.set_value(date(2024, 3, 6))
    assert sorted(_summaries(timeline)) == sorted(["Asked to photograph yachts at the port",
                                                   "Paid for the yacht photos"])
    timeline.reset_filters()
    assert timeline.model.rowCount() == 6
    assert timeline.since.value() is None


def test_detail_pane_shows_every_field_of_the_kind(open_window: Any, journal: Any) -> None:
    sample = add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    assert timeline.select_entry(sample["entries"]["payment"])
    texts = timeline.detail.labels_text()
    for expected in ("Paid for the yacht photos", "Payment", "300.00 CNY", "WeChat Pay",
                     "Received", "Xiao Min", "Paid by:", "Direction:"):
        assert expected in texts, expected
    timeline.select_entry(sample["entries"]["zhang"])
    texts = timeline.detail.labels_text()
    for expected in ("拍摄舰船", "军港", "I refused", "他说是海洋环境调查,给的钱很多。", "张总"):
        assert expected in texts, expected
    timeline.select_entry(sample["entries"]["report"])
    assert "12339 hotline" in timeline.detail.labels_text()
    assert "Ms Li (teacher)" in timeline.detail.labels_text()


def test_selecting_a_row_shows_it_in_the_detail_pane(open_window: Any, journal: Any,
                                                     qtbot: Any) -> None:
    add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    timeline.table.setFocus()
    timeline.table.selectRow(2)
    assert timeline.detail.entry_id == timeline.model.entry_id(2)
    qtbot.keyClick(timeline.table, Qt.Key.Key_Down)
    assert timeline.detail.entry_id == timeline.model.entry_id(3)


def test_copy_text_goes_through_the_clipboard_guard(open_window: Any, journal: Any,
                                                    qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication, QPushButton

    sample = add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    timeline.select_entry(sample["entries"]["gift"])
    button = timeline.detail.findChild(QPushButton, "detailCopy")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = QApplication.clipboard().text()
    assert text.startswith("送了一部手机和一辆电动车")
    assert "手机、电动车" in text
    assert open_window.clipboard_guard._ours == text


def test_delete_asks_and_moves_to_trash(open_window: Any, journal: Any) -> None:
    from journal.gui import dialogs

    sample = add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    entry_id = sample["entries"]["gift"]
    timeline.select_entry(entry_id)
    dialogs.set_next_answer(False)
    timeline.delete_entry(entry_id)
    assert timeline.model.rowCount() == 6
    assert not journal.get_entry(entry_id).deleted
    dialogs.set_next_answer(True)
    timeline.delete_entry(entry_id)
    assert timeline.model.rowCount() == 5
    assert journal.get_entry(entry_id).deleted
    assert dialogs.shown[-1][0] == "question"
    assert timeline.detail.entry_id is not None  # the neighbour is shown


def test_delete_key_in_the_list_asks_first(open_window: Any, journal: Any, qtbot: Any) -> None:
    from journal.gui import dialogs

    sample = add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    timeline.select_entry(sample["entries"]["note"] if "note" in sample["entries"]
                          else sample["entries"]["contact"])
    open_window.activateWindow()
    timeline.table.setFocus()
    dialogs.set_next_answer(False)
    qtbot.keyClick(timeline.table, Qt.Key.Key_Delete)
    assert dialogs.shown and dialogs.shown[-1][0] == "question"
    assert timeline.model.rowCount() == 6


def test_enter_on_a_row_opens_the_editor_for_that_entry(open_window: Any, journal: Any,
                                                        qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    sample = add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    timeline.select_entry(sample["entries"]["payment"])
    seen: list[Any] = []

    def close_editor() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible() and hasattr(w, "entry_id"):
                seen.append(w.entry_id)
                QDialog.done(w, QDialog.DialogCode.Rejected)

    QTimer.singleShot(200, close_editor)
    open_window.activateWindow()
    timeline.table.setFocus()
    qtbot.keyClick(timeline.table, Qt.Key.Key_Return)
    assert seen == [sample["entries"]["payment"]]


def test_imported_chat_shows_its_transcript_in_the_detail_pane(open_window: Any, journal: Any,
                                                               qtbot: Any) -> None:
    from pathlib import Path

    from journal.core.importers.apply import import_file
    from journal.gui.importer.transcript import TranscriptView

    chats = sorted((Path(__file__).parents[1] / "data" / "imports" / "whatsapp").glob("*/chat.txt"))
    assert chats, "the WhatsApp fixtures are in tests/data/imports/whatsapp"
    import_file(journal, "whatsapp", chats[0], tz="Asia/Shanghai", me=None)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    ids = journal.entry_ids(kinds=["contact"])
    imported = [e for e in journal.get_entries(ids) if e.import_id]
    assert imported
    timeline.select_entry(imported[0].id)
    assert timeline.detail.findChildren(TranscriptView)
    timeline.detail.clear()
    assert not timeline.detail.findChildren(TranscriptView) or all(
        not v.isVisible() for v in timeline.detail.findChildren(TranscriptView))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_on_an_800_by_600_window_the_detail_pane_goes_under_the_list_and_the_summary_shows(
        open_window: Any, journal: Any, qtbot: Any, lang: str) -> None:
    open_window.set_language(lang)
    sample = add_sample(journal)
    timeline = open_window.views["timeline"]
    timeline.refresh()
    timeline.select_entry(sample["entries"]["request"])
    open_window.resize(800, 600)
    qtbot.waitUntil(lambda: timeline.splitter.orientation() == Qt.Orientation.Vertical)
    table = timeline.table
    # the summary column starts inside the visible part of the list, with room to read it
    visible = table.viewport().width()
    assert table.columnViewportPosition(COL_SUMMARY) + 120 < visible
    assert table.columnViewportPosition(COL_SUMMARY) >= 0
    assert not timeline.detail.is_empty() and timeline.detail.isVisible()
    open_window.resize(1366, 768)
    qtbot.waitUntil(lambda: timeline.splitter.orientation() == Qt.Orientation.Horizontal)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("width", "height"), [(1200, 760), (1366, 768)])
def test_on_a_laptop_window_the_summary_column_is_wide_and_the_amount_whole_without_scrolling(
        open_window: Any, journal: Any, qtbot: Any, lang: str, width: int, height: int) -> None:
    open_window.set_language(lang)
    add_sample(journal)
    journal.add_entry(EntryDraft(kind="payment", summary="He paid for the harbour photos",
                                 amount=Decimal("1500.00"), currency="CNY", method="wechat",
                                 direction="received"))
    timeline = open_window.views["timeline"]
    timeline.refresh()
    open_window.resize(width, height)
    qtbot.waitUntil(lambda: timeline.width() > 900)
    table = timeline.table
    qtbot.waitUntil(lambda: table.columnWidth(COL_SUMMARY) >= 240)
    assert timeline.splitter.orientation() == Qt.Orientation.Horizontal
    # the list, where the summaries are read, gets most of the width
    assert timeline.list_stack.width() > timeline.detail.width() * 3 // 2
    assert table.horizontalScrollBar().maximum() == 0
    fm = table.fontMetrics()
    amounts = [table.model().index(r, COL_AMOUNT).data() for r in range(table.model().rowCount())]
    widest = max(fm.horizontalAdvance(a) for a in amounts if a)
    assert "1,500.00 CNY" in amounts
    assert table.columnWidth(COL_AMOUNT) >= widest + 8
    assert table.columnViewportPosition(COL_AMOUNT) + table.columnWidth(COL_AMOUNT) \
        <= table.viewport().width()
