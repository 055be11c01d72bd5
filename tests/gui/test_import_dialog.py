"""The import dialog and the transcript view, offscreen, on a real journal."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.gui import dialogs

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
WAIT = 15000


@pytest.fixture(autouse=True)
def clean_dialogs() -> Iterator[None]:
    dialogs.reset()
    yield
    dialogs.reset()


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    from journal.gui import qtsetup

    qtsetup.install_translators(qapp, "en")
    yield


def state(journal: Any) -> tuple[int, str, int]:
    return journal.count_entries(include_deleted=True), journal.head_hash(), len(journal.list_persons())


def open_preview(qtbot: Any, journal: Any, path: Path) -> Any:
    from journal.gui.importer.dialog import ImportDialog

    dlg = ImportDialog(journal)
    qtbot.addWidget(dlg)
    dialogs.set_next_file(str(path))
    dlg.choose_button.click()
    qtbot.waitUntil(lambda: not dlg.busy() and (dlg.parsed is not None or dlg.choose_status.text()
                                                != dlg.tr("Reading the file…")), timeout=WAIT)
    return dlg


def test_preview_shows_people_and_writes_nothing(qtbot: Any, journal: Any, english: None) -> None:
    before = state(journal)
    dlg = open_preview(qtbot, journal, DATA / "whatsapp/android_dmy_24h/WhatsApp Chat with Xiao Min.txt")
    assert dlg.pages.currentIndex() == dlg.PAGE_PREVIEW
    assert "Xiao Min" in dlg.chat_preview.senders_label.text() and "+86 138 0013 8000" in dlg.chat_preview.senders_label.text()
    assert [dlg.chat_preview.me_combo.itemData(i) for i in range(dlg.chat_preview.me_combo.count())] == \
        [None, "Xiao Min", "Liu", "+86 138 0013 8000"]
    assert "WhatsApp" in dlg.chat_preview.format_label.text() and "Android" in dlg.chat_preview.format_label.text()
    assert dlg.chat_preview.order_combo.isVisibleTo(dlg) and dlg.chat_preview.order_combo.currentData() == "DMY"
    assert dlg.chat_preview.table.rowCount() == 7
    assert dlg.chat_preview.table.item(1, 1).text() == "Xiao Min"
    assert dlg.chat_preview.table.item(1, 2).text().startswith("Hi Liu! A magazine")
    assert dlg.chat_preview.table.item(0, 1).text() == "(system)"
    assert dlg.chat_preview.me_hint.isVisibleTo(dlg)
    assert dlg.import_button.isEnabled()
    assert not dlg.chat_preview.person_combo.isVisibleTo(dlg)  # three others: no single counterpart to rename
    assert dlg.chat_preview.table.isColumnHidden(3)  # one conversation: no "Chat" column
    dlg.select_me("Liu")
    assert "Liu" not in dlg.chat_preview.senders_label.text() and not dlg.chat_preview.me_hint.isVisibleTo(dlg)
    assert state(journal) == before  # nothing written by the preview


def test_import_writes_entries_off_the_ui_thread(qtbot: Any, journal: Any, english: None) -> None:
    dlg = open_preview(qtbot, journal, DATA / "whatsapp/ios_dmy/_chat.txt")
    dlg.select_me("Liu")
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_DONE, timeout=WAIT)
    result = dlg.result
    assert result is not None and not result.duplicate
    assert (result.messages, result.days, result.attachments) == (7, 3, 1)
    assert journal.count_entries() == 3
    assert "7 messages" in dlg.done_label.text()
    assert dlg.parsed is not None and dlg.parsed.source_sha256 in dlg.done_label.text()
    entry = journal.get_entry(result.entry_ids[0])
    assert entry.person_names == ["Xiao Min"] and entry.channel == "WhatsApp"
    assert dlg.progress.value() == 7
    dlg.close_button.click()
    assert dlg.result is result


def test_second_import_of_the_same_file_says_so(qtbot: Any, journal: Any, english: None) -> None:
    path = DATA / "csv/chat.csv"
    for expected_duplicate in (False, True):
        dlg = open_preview(qtbot, journal, path)
        dlg.import_button.click()
        qtbot.waitUntil(lambda d=dlg: d.pages.currentIndex() == d.PAGE_DONE, timeout=WAIT)
        assert dlg.result.duplicate is expected_duplicate
    assert "imported before" in dlg.done_title.text()
    assert journal.count_entries() == 2


def test_person_mapping_and_time_zone_change(qtbot: Any, journal: Any, english: None) -> None:
    journal.add_person("Zhang (survey company)")
    dlg = open_preview(qtbot, journal, DATA / "whatsapp/android_mdy_12h/chat.txt")
    assert dlg.chat_preview.person_combo.findText("Zhang (survey company)") >= 0
    dlg.chat_preview.tz_combo.setCurrentText("Europe/London")
    dlg._reparse()
    qtbot.waitUntil(lambda: not dlg.busy() and dlg.parsed.tz_name == "Europe/London", timeout=WAIT)
    assert dlg.parsed.messages[1].sent_at.utcoffset().total_seconds() == 0
    dlg.select_me("Wang")
    assert dlg.chat_preview.person_combo.isVisibleTo(dlg)
    dlg.chat_preview.person_combo.setCurrentText("Zhang (survey company)")
    dlg.import_button.click()
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_DONE, timeout=WAIT)
    entry = journal.get_entry(dlg.result.entry_ids[0])
    assert entry.person_names == ["Zhang (survey company)"]
    assert entry.occurred_at.utcoffset().total_seconds() == 0


def test_whole_account_export_shows_the_chat_column(qtbot: Any, journal: Any, english: None) -> None:
    dlg = open_preview(qtbot, journal, DATA / "telegram/account/result.json")
    assert not dlg.chat_preview.table.isColumnHidden(3)
    assert dlg.chat_preview.table.item(3, 3).text() == "Work group"
    assert dlg.me() == "Liu"  # the export says whose account it is
    assert not dlg.chat_preview.person_combo.isVisibleTo(dlg)


def test_bad_time_zone_keeps_the_last_good_preview(qtbot: Any, journal: Any, english: None) -> None:
    dlg = open_preview(qtbot, journal, DATA / "whatsapp/android_iso/chat.txt")
    good = dlg.parsed
    dlg.chat_preview.tz_combo.setCurrentText("Mars/Olympus")
    dlg._reparse()
    qtbot.waitUntil(lambda: not dlg.busy() and dlg.chat_preview.status.text() != "", timeout=WAIT)
    assert "Mars/Olympus" in dlg.chat_preview.status.text()
    assert dlg.parsed is good and dlg.import_button.isEnabled()
    assert dlg.chat_preview.tz_combo.currentText() == good.tz_name


def test_ambiguous_dates_can_be_switched(qtbot: Any, journal: Any, english: None) -> None:
    dlg = open_preview(qtbot, journal, DATA / "whatsapp/ambiguous/chat.txt")
    assert dlg.parsed.date_order_ambiguous and dlg.chat_preview.warnings_label.isVisibleTo(dlg)
    assert "day-first or month-first" in dlg.chat_preview.warnings_label.text()
    assert dlg.chat_preview.table.item(2, 0).text() == "2024-04-03 11:00"
    dlg.chat_preview.order_combo.setCurrentIndex(dlg.chat_preview.order_combo.findData("MDY"))
    dlg._reparse()
    qtbot.waitUntil(lambda: not dlg.busy() and dlg.parsed.date_order == "MDY", timeout=WAIT)
    assert dlg.chat_preview.table.item(2, 0).text() == "2024-03-04 11:00"
    assert not dlg.chat_preview.warnings_label.isVisibleTo(dlg)


def test_bad_file_shows_a_message_and_changes_nothing(qtbot: Any, journal: Any, tmp_path: Path,
                                                       english: None) -> None:
    before = state(journal)
    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list\nmilk\n", encoding="utf-8")
    dlg = open_preview(qtbot, journal, bad)
    assert dlg.pages.currentIndex() == dlg.PAGE_CHOOSE
    # a plain text file is not taken for a WhatsApp export: its format is not recognised
    assert "This file's format was not recognised" in dlg.choose_status.text()
    assert "WhatsApp chat export" not in dlg.choose_status.text()
    assert dlg.parsed is None and state(journal) == before
    garbage = tmp_path / "photo.bin"
    garbage.write_bytes(bytes(range(256)) * 10)
    dialogs.set_next_file(str(garbage))
    dlg.choose_button.click()
    qtbot.waitUntil(lambda: not dlg.busy(), timeout=WAIT)
    assert "This file's format was not recognised" in dlg.choose_status.text()


def test_file_vanishing_before_import_rolls_back(qtbot: Any, journal: Any, tmp_path: Path,
                                                 english: None) -> None:
    src = DATA / "whatsapp/android_iso/chat.txt"
    copy = tmp_path / "chat.txt"
    shutil.copy(src, copy)
    dlg = open_preview(qtbot, journal, copy)
    copy.write_text("12/03/2024, 14:05 - someone: changed\n", encoding="utf-8")
    before = state(journal)
    dialogs.set_next_answer(True)  # the error box
    dlg.import_button.click()
    qtbot.waitUntil(lambda: not dlg.busy() and dlg.pages.currentIndex() == dlg.PAGE_PREVIEW,
                    timeout=WAIT)
    assert "changed after it was read" in dlg.chat_preview.status.text()
    assert dialogs.shown and dialogs.shown[-1][0] == "warning"
    assert state(journal) == before and dlg.result is None


def test_dialog_in_chinese(qtbot: Any, journal: Any, qapp: Any) -> None:
    from journal.gui import qtsetup
    from journal.gui.importer.dialog import ImportDialog

    qtsetup.install_translators(qapp, "zh")
    try:
        dlg = ImportDialog(journal)
        qtbot.addWidget(dlg)
        assert dlg.windowTitle() == "导入聊天记录或账单"
        assert dlg.choose_button.text() == "选择导出的文件…"
        dialogs.set_next_file(str(DATA / "whatsapp/android_zh_ymd/chat.txt"))
        dlg.choose_button.click()
        qtbot.waitUntil(lambda: dlg.parsed is not None, timeout=WAIT)
        assert "安卓" in dlg.chat_preview.format_label.text()
        assert "小敏" in dlg.chat_preview.senders_label.text() and "人物" in dlg.chat_preview.senders_label.text()
    finally:
        qtsetup.install_translators(qapp, "en")


def test_a_chinese_chat_text_file_gets_the_not_recognised_message_in_chinese(
        qtbot: Any, journal: Any, qapp: Any, tmp_path: Path) -> None:
    from journal.gui import qtsetup
    from journal.gui.importer.dialog import ImportDialog

    chat = tmp_path / "微信聊天.txt"
    chat.write_text("张总：帮我拍几张照片\n我：好的\n", encoding="utf-8")
    qtsetup.install_translators(qapp, "zh")
    try:
        dlg = ImportDialog(journal)
        qtbot.addWidget(dlg)
        dialogs.set_next_file(str(chat))
        dlg.choose_button.click()
        qtbot.waitUntil(lambda: not dlg.busy() and bool(dlg.choose_status.text())
                        and dlg.choose_status.text() != dlg.tr("Reading the file…"), timeout=WAIT)
        assert dlg.choose_status.text().startswith("无法识别这个文件的格式。")
        assert "WhatsApp 中" not in dlg.choose_status.text() and dlg.parsed is None
    finally:
        qtsetup.install_translators(qapp, "en")


# ------------------------------------------------------------------ transcript view


def test_transcript_lists_messages_and_makes_an_entry(qtbot: Any, journal: Any, english: None) -> None:
    from journal.core.importers import import_file
    from journal.core.models import EntryDraft
    from journal.gui.importer.transcript import TranscriptView

    result = import_file(journal, "telegram", DATA / "telegram/chat/result.json",
                         tz="Asia/Shanghai", lang="en")
    view = TranscriptView()
    qtbot.addWidget(view)
    view.set_entry(journal, result.entry_ids[0])
    assert view.tree.topLevelItemCount() == 6
    assert "Telegram chat with Xiao Min" in view.title.text() and "2024-03-12" in view.title.text()
    first = view.tree.topLevelItem(0)
    assert (first.text(0), first.text(1), first.text(2)) == ("14:05", "Xiao Min", "Hello Liu! 你好 👋")
    assert not view.make_button.isEnabled()
    ids = view.message_ids()
    view.select_message(ids[1])
    assert view.make_button.isEnabled()
    with qtbot.waitSignal(view.makeEntryRequested, timeout=2000) as blocker:
        view.make_entry("request")
    draft = blocker.args[0]
    assert isinstance(draft, EntryDraft) and draft.kind == "request"
    assert draft.source_entry_id == result.entry_ids[0]
    assert draft.summary is not None and draft.summary.startswith("Liu: The job is 300 yuan")
    # every kind in the button's menu emits
    kinds = [a.data() for a in view.make_button.menu().actions()]
    assert kinds == ["request", "payment", "gift", "threat", "meeting", "note"]
    with qtbot.waitSignal(view.makeEntryRequested, timeout=2000) as blocker:
        view.make_button.menu().actions()[2].trigger()
    assert blocker.args[0].kind == "gift"
    # locking drops what was shown
    view.set_journal(None)
    assert view.tree.topLevelItemCount() == 0 and view.title.text() == "" and view.journal is None


def test_transcript_of_a_plain_entry_is_empty(qtbot: Any, journal: Any, english: None) -> None:
    from journal.core.models import EntryDraft
    from journal.gui.importer.transcript import TranscriptView

    entry = journal.add_entry(EntryDraft(kind="note", summary="met at the port"))
    view = TranscriptView()
    qtbot.addWidget(view)
    view.set_entry(journal, entry.id)
    assert view.tree.topLevelItemCount() == 0 and "no imported messages" in view.title.text()
    assert view.make_entry("note") is None


def test_a_telegram_chat_of_several_pages_is_previewed_as_one_chat_naming_every_page(
        qtbot: Any, journal: Any, english: None, tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
    from test_import_telegram_pages import TEXTS, _export

    folder = _export(tmp_path / "ChatExport")
    dlg = open_preview(qtbot, journal, folder / "messages10.html")
    assert dlg.pages.currentIndex() == dlg.PAGE_PREVIEW
    assert dlg.chat_preview.file_label.text() == ("messages.html, messages2.html, messages10.html (3 pages, "
                                     "read in order as one chat)")
    assert [dlg.chat_preview.table.item(r, 2).text() for r in range(dlg.chat_preview.table.rowCount())][:2] == TEXTS[:2]
    assert dlg.chat_preview.table.rowCount() == 5


def test_enter_in_a_later_step_never_imports_and_ctrl_enter_does(
        qtbot: Any, journal: Any, english: None) -> None:
    from PySide6.QtCore import Qt

    before = state(journal)
    dlg = open_preview(qtbot, journal, DATA / "whatsapp/android_mdy_12h/chat.txt")
    dlg.show()
    assert dlg.pages.currentIndex() == dlg.PAGE_PREVIEW
    dlg.select_me("Wang")
    for combo in (dlg.chat_preview.person_combo, dlg.chat_preview.tz_combo):
        field = combo.lineEdit()
        assert field is not None
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert dlg.isVisible() and dlg.pages.currentIndex() == dlg.PAGE_PREVIEW
        assert not dlg.busy() and state(journal) == before
    field = dlg.chat_preview.person_combo.lineEdit()
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dlg.pages.currentIndex() == dlg.PAGE_DONE, timeout=WAIT)
    assert state(journal)[0] > before[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_label_of_the_import_dialog_ends_an_ellipsis_with_a_full_stop(
        qtbot: Any, journal: Any, qapp: Any, lang: str) -> None:
    from PySide6.QtWidgets import QLabel

    from journal.gui import qtsetup
    from journal.gui.importer.dialog import ImportDialog

    qtsetup.install_translators(qapp, lang)
    try:
        dlg = ImportDialog(journal)
        qtbot.addWidget(dlg)
        texts = [label.text() for label in dlg.findChildren(QLabel)]
        assert any("Import screenshots…" in x or "导入截图…" in x for x in texts)
        assert not any("…." in x or "…。" in x for x in texts)
    finally:
        qtsetup.install_translators(qapp, "en")
