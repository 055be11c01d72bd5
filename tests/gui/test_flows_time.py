"""The editor's time field: what people type is read by the core's parse_when, shown as
understood beside the field, refused with a message beside it, and never silently another date."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
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


# ------------------------------------------------------------------ one rule on every face
NEPAL = timezone(timedelta(hours=5, minutes=45))  # not this computer's zone where tests run
SHOWN = "2024-03-01 21:40 (UTC+5:45)"


def _far_entry(journal: Any) -> Any:
    from journal.core.models import EntryDraft

    person = journal.add_person("Xiao Min")
    return journal.add_entry(EntryDraft(kind="contact", summary="call from Xiao Min",
                                        occurred_at=datetime(2024, 3, 1, 21, 40, tzinfo=NEPAL),
                                        persons=[person.id], medium="call", initiated_by="them"))


def test_timeline_detail_and_people_page_show_the_same_time_as_recorded(
        open_window: Any, journal: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    entry = _far_entry(journal)
    open_window.refresh_views()
    timeline = open_window.views["timeline"]
    qtbot.waitUntil(lambda: timeline.model.rowCount() == 1)
    model = timeline.model
    cells = [model.data(model.index(0, c), Qt.ItemDataRole.DisplayRole)
             for c in range(model.columnCount())]
    assert SHOWN in cells
    from journal.gui.timeline.detail import entry_fields

    assert SHOWN in [text for _label, text in entry_fields(journal.get_entry(entry.id))]
    people = open_window.views["people"]
    people.set_journal(journal)
    people.refresh()
    assert people.select_person(entry.persons[0])
    page = people.page
    qtbot.waitUntil(lambda: page.entries.topLevelItemCount() == 1)
    assert page.entries.topLevelItem(0).text(0) == SHOWN


def test_text_summary_and_pdf_show_the_time_as_recorded_and_no_utc_recorded_at(
        journal: Any, tmp_path: Path) -> None:
    from journal.core.report import ReportOptions, build_pdf, build_text

    _far_entry(journal)
    assert SHOWN in build_text(journal, ReportOptions(lang="en"))
    assert "2024年3月1日 21:40（UTC+5:45）" in build_text(journal, ReportOptions(lang="zh"))
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="en"))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "21:40 (UTC+5:45)" in text
    assert " UTC\n" not in text.split("Timeline", 1)[-1].split("Integrity", 1)[0]


def test_cli_list_and_show_use_the_same_rule(journal: Any, passphrase: str) -> None:
    from tests.cli.test_cli import run

    entry = _far_entry(journal)
    path = journal.path
    journal.close()
    listed = run("list", journal=path, passphrase=passphrase)
    assert listed.returncode == 0, listed.stderr
    assert SHOWN in listed.stdout
    shown = run("show", entry.id, journal=path, passphrase=passphrase, env={"LANGUAGE": "zh_CN", "LANG": "zh_CN.UTF-8"})
    assert shown.returncode == 0, shown.stderr
    assert "2024年3月1日 21:40（UTC+5:45）" in shown.stdout


def _far_request(journal: Any) -> Any:
    from journal.core.models import EntryDraft

    person = journal.add_person("Xiao Min")
    return journal.add_entry(EntryDraft(
        kind="request", summary="Asked me to photograph the warships at the naval port",
        occurred_at=datetime(2024, 3, 1, 21, 40, tzinfo=NEPAL), persons=[person.id],
        task="photograph the warships", target="naval port", status="asked"))


def test_signs_page_and_overview_hover_show_the_same_time_as_the_timeline(
        qtbot: Any, journal: Any, gui_app: Any) -> None:
    from journal.core.overview.data import overview_data
    from journal.core.overview.scene import Hit
    from journal.gui.overview.picture import hover_text
    from journal.gui.signs.view import SignsView

    entry = _far_request(journal)
    view = SignsView()
    qtbot.addWidget(view)
    view.set_journal(journal)
    view.refresh()
    qtbot.waitUntil(lambda: bool(view.evidence_buttons()))
    buttons = [b for b in view.evidence_buttons() if b.property("entryId") == entry.id]
    assert buttons and all(b.text().startswith(SHOWN + "  ·  ") for b in buttons)
    data = overview_data(journal, "en")
    ref = data.escalation[0][1]
    assert ref.id == entry.id
    assert SHOWN in hover_text(Hit(0, 0, 1, 1, ref, 1, "Requests"), "en").splitlines()[1]
    assert "2024年3月1日 21:40（UTC+5:45）" in hover_text(Hit(0, 0, 1, 1, ref, 1, "要求"), "zh")


def test_cli_signs_and_show_name_the_zone_and_show_recorded_at_on_this_computers_clock(
        journal: Any, passphrase: str) -> None:
    from tests.cli.test_cli import run

    entry = _far_request(journal)
    recorded = timeparse.show_when(entry.recorded_at.astimezone(), "exact", "en")
    path = journal.path
    journal.close()
    signs = run("signs", journal=path, passphrase=passphrase)
    assert signs.returncode == 0, signs.stderr
    assert f"{entry.id}  {SHOWN}  " in signs.stdout
    shown = run("show", entry.id, journal=path, passphrase=passphrase)
    assert shown.returncode == 0, shown.stderr
    assert f"{recorded}\n" in shown.stdout and " UTC" not in shown.stdout


def test_pdf_report_made_line_follows_the_display_rule_without_a_utc_copy(
        journal: Any, tmp_path: Path) -> None:
    from journal.core.report import ReportOptions, build_pdf

    _far_request(journal)
    out = tmp_path / "r.pdf"
    build_pdf(journal, out, ReportOptions(lang="zh"))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    line = next(s for s in text.splitlines() if "报告生成时间" in s)
    made = line.split("报告生成时间", 1)[1].strip()
    assert made.startswith(f"{timeparse.now().year}年") and "UTC" not in made
    assert timeparse.show_when(timeparse.now(), "exact", "zh")[:11] == made[:11]
