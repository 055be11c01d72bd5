"""The editor's time field: what people type is read by the core's parse_when, shown as
understood beside the field, refused with a message beside it, and never silently another date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from journal.core import timeparse
from journal.gui.editor.dialog import EntryEditorDialog


@pytest.fixture(autouse=True)
def _clean_dialogs() -> Any:
    from journal.gui import dialogs

    dialogs.reset()
    yield
    dialogs.reset()


def _editor(qtbot: Any, journal: Any, **kw: Any) -> EntryEditorDialog:
    dlg = EntryEditorDialog(journal, **kw)
    qtbot.addWidget(dlg)
    return dlg


def _type(dlg: EntryEditorDialog, text: str) -> None:
    dlg.when.edit.selectAll()
    dlg.when.edit.insert(text)  # as typing does (textEdited and textChanged)


def test_iso_date_and_time_is_kept_as_typed_not_turned_into_another_date(
        qtbot: Any, journal: Any) -> None:
    dlg = _editor(qtbot, journal, kind="note")
    dlg.summary.setText("met at the port")
    _type(dlg, "2024-03-01 20:15")
    assert dlg.when.understood.text() == "Understood as: 2024-03-01 20:15, Friday"
    assert dlg.save()
    entry = journal.get_entry(dlg.saved_entry_id)
    assert entry.occurred_at == datetime(2024, 3, 1, 20, 15).astimezone()
    assert entry.precision == "exact"


@pytest.mark.parametrize(("typed", "expected", "precision"), [
    ("2024/3/1 20:15", datetime(2024, 3, 1, 20, 15), "exact"),
    ("2024年3月1日 晚上8点", datetime(2024, 3, 1, 20, 0), "exact"),
    ("2024-03-05", datetime(2024, 3, 5), "day"),
])
def test_the_ways_people_write_a_date_are_understood(
        qtbot: Any, journal: Any, typed: str, expected: datetime, precision: str) -> None:
    dlg = _editor(qtbot, journal, kind="note")
    _type(dlg, typed)
    assert dlg.when.problem() == ""
    assert dlg.when.value() == (expected.astimezone(), precision)
    assert dlg.when.date_only.isChecked() == (precision == "day")


def test_relative_words_are_read_against_today(qtbot: Any, journal: Any) -> None:
    dlg = _editor(qtbot, journal, kind="note")
    yesterday = (timeparse.now() - timedelta(days=1)).date()
    for typed in ("昨天下午3点", "yesterday 3pm"):
        _type(dlg, typed)
        when, precision = dlg.when.value()
        assert (when.date(), when.hour, when.minute, precision) == (yesterday, 15, 0, "exact")
    _type(dlg, "上周二")
    when, precision = dlg.when.value()
    assert when.weekday() == 1 and precision == "day" and dlg.when.date_only.isChecked()
    assert 1 <= (timeparse.now().date() - when.date()).days <= 13


def test_text_that_is_not_a_date_is_refused_beside_the_field_and_clears_when_fixed(
        qtbot: Any, journal: Any) -> None:
    dlg = _editor(qtbot, journal, kind="note")
    dlg.show()
    dlg.summary.setText("something")
    _type(dlg, "the day after the concert")
    error = dlg.errors["occurred_at"]
    assert error.isVisible()
    assert "“the day after the concert” is not a date this app understands" in error.text()
    assert not dlg.when.understood.isVisible()
    assert not dlg.save()
    assert journal.count_entries() == 0
    _type(dlg, "2024-03-01 20:15")
    assert not error.isVisible()  # gone as soon as the field is fixed, before any save
    assert dlg.save()


def test_refusal_is_in_chinese_for_a_chinese_interface(qtbot: Any, journal: Any,
                                                      gui_app: Any) -> None:
    from journal.gui import qtsetup

    qtsetup.install_translators(gui_app, "zh")
    dlg = _editor(qtbot, journal, kind="note")
    _type(dlg, "音乐会后第二天")
    assert dlg.errors["occurred_at"].text().startswith("无法理解日期“音乐会后第二天”")
    _type(dlg, "2024-03-01 20:15")
    assert dlg.when.understood.text() == "理解为：2024年3月1日 20:15，星期五"


def test_a_time_recorded_in_another_zone_is_shown_and_kept_as_recorded(
        qtbot: Any, journal: Any) -> None:
    from journal.core.models import EntryDraft

    nepal = timezone(timedelta(hours=5, minutes=45))
    entry = journal.add_entry(EntryDraft(kind="note", summary="call",
                                         occurred_at=datetime(2024, 3, 1, 21, 40, tzinfo=nepal)))
    dlg = _editor(qtbot, journal, entry_id=entry.id)
    assert dlg.when.edit.text() == "2024-03-01 21:40+05:45"
    assert dlg.when.understood.text() == "Understood as: 2024-03-01 21:40 (UTC+5:45), Friday"
    dlg.summary.setText("call from the office")
    assert dlg.save()
    saved = journal.get_entry(entry.id).occurred_at
    assert (saved.hour, saved.minute, saved.utcoffset()) == (21, 40, timedelta(hours=5, minutes=45))


def test_show_when_names_the_zone_only_when_it_is_not_the_computers_own() -> None:
    beijing = datetime(2024, 3, 1, 21, 40, tzinfo=timezone(timedelta(hours=8)))
    local = datetime(2024, 3, 1, 21, 40).astimezone()
    if local.utcoffset() == beijing.utcoffset():
        beijing = beijing.replace(tzinfo=timezone(timedelta(hours=9)))
        en_zone, zh_zone = "(UTC+9)", "（UTC+9）"
    else:
        en_zone, zh_zone = "(UTC+8)", "（北京时间）"
    assert timeparse.show_when(beijing, "exact", "en") == f"2024-03-01 21:40 {en_zone}"
    assert timeparse.show_when(beijing, "exact", "zh") == f"2024年3月1日 21:40{zh_zone}"
    assert timeparse.show_when(local, "exact", "en") == "2024-03-01 21:40"
    assert timeparse.show_when(beijing, "day", "zh") == "2024年3月1日"
