"""The entry editor against a real journal: every kind, validation beside the field, drafts."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from journal.gui import dialogs
from journal.gui.editor.dialog import NEW_DRAFT_KEY, EntryEditorDialog, pending_drafts


@pytest.fixture(autouse=True)
def _clean_dialogs():  # type: ignore[no-untyped-def]
    dialogs.reset()
    yield
    dialogs.reset()


def make(qtbot, journal, **kw) -> EntryEditorDialog:  # type: ignore[no-untyped-def]
    dlg = EntryEditorDialog(journal, **kw)
    qtbot.addWidget(dlg)
    return dlg


def choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_every_kind_through_the_form(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    xiao = journal.add_person("Xiao Min", aliases=["小敏"])
    fills = {
        "contact": lambda d: (choose(d.medium, "chat"), choose(d.initiated_by, "them")),
        "meeting": lambda d: (choose(d.medium, "in_person"), choose(d.initiated_by, "me")),
        "request": lambda d: (d.task.setText("photograph yachts"), d.target.setText("port"),
                              choose(d.status, "done"), d.amount.setText("300")),
        "payment": lambda d: (d.amount.setText("1,200.50"), d.currency.set_currency("USD"),
                              choose(d.method, "alipay"), choose(d.direction, "received")),
        "gift": lambda d: (d.item.setText("a phone"), d.amount.setText("2999")),
        "threat": lambda d: None,
        "report": lambda d: (d.reported_to.set_value("hotline_12339"), d.reference.setText("A-17"),
                             d.officer.setText("Officer Wang")),
        "note": lambda d: None,
    }
    for kind, fill in fills.items():
        dlg = make(qtbot, journal, kind=kind)
        assert dlg.current_kind() == kind
        qtbot.keyClicks(dlg.summary, kind)  # QTest types ASCII only; Chinese goes in by setText
        dlg.summary.setText(dlg.summary.text() + " 摘要")
        dlg.persons.name_edit.setText("小敏")  # by alias
        qtbot.keyClick(dlg.persons.name_edit, Qt.Key.Key_Return)
        dlg.channel.setText("WeChat")
        dlg.tags.setText("港口，job、 test")
        fill(dlg)
        assert dlg.save(), kind
        entry = journal.get_entry(dlg.saved_entry_id)
        assert entry.kind == kind and entry.summary == f"{kind} 摘要"
        assert entry.persons == [xiao.id] and entry.channel == "WeChat"
        assert entry.tags == ["港口", "job", "test"]
    by_kind = {e.kind: e for e in journal.list_entries()}
    assert len(by_kind) == 8
    assert by_kind["contact"].medium == "chat" and by_kind["contact"].initiated_by == "them"
    assert by_kind["meeting"].medium == "in_person"
    r = by_kind["request"]
    assert (r.task, r.target, r.status, r.amount, r.currency) == (
        "photograph yachts", "port", "done", Decimal(300), "CNY")
    p = by_kind["payment"]
    assert (p.amount, p.currency, p.method, p.direction) == (Decimal("1200.50"), "USD", "alipay", "received")
    g = by_kind["gift"]
    assert (g.item, g.value, g.currency, g.amount) == ("a phone", Decimal(2999), "CNY", None)
    rep = by_kind["report"]
    assert (rep.reported_to, rep.reference, rep.officer) == ("hotline_12339", "A-17", "Officer Wang")
    assert journal.list_drafts() == []


def test_kind_switch_shows_the_fields_of_the_kind(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal, kind="payment")
    dlg.show()
    assert dlg.amount.isVisible() and dlg.method.isVisible() and not dlg.task.isVisible()
    choose(dlg.kind, "request")
    assert dlg.task.isVisible() and dlg.amount.isVisible() and not dlg.method.isVisible()
    choose(dlg.kind, "note")
    assert not dlg.amount.isVisible() and not dlg.task.isVisible() and not dlg.officer.isVisible()
    choose(dlg.kind, "report")
    assert dlg.officer.isVisible()


def test_new_person_typed_is_created_on_save(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal, kind="contact")
    dlg.summary.setText("first message")
    qtbot.keyClicks(dlg.persons.name_edit, "Director Zhang")
    qtbot.keyClick(dlg.persons.name_edit, Qt.Key.Key_Return)
    assert dlg.persons.new_names() == ["Director Zhang"]
    assert journal.list_persons() == []  # not before saving
    assert dlg.save()
    (person,) = journal.list_persons()
    assert person.name == "Director Zhang"
    assert journal.get_entry(dlg.saved_entry_id).persons == [person.id]


def test_bad_amount_missing_summary_and_future_date_are_shown_beside_the_fields(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal, kind="payment")
    dlg.show()
    dlg.amount.setText("three hundred")
    future = QDateTime.currentDateTime().addDays(3)
    dlg.when.edit.setText(future.toString("yyyy-MM-dd HH:mm"))
    assert not dlg.save()
    assert dlg.errors["summary"].isVisible() and "summary" in dlg.errors["summary"].text()
    assert dlg.errors["money"].isVisible() and "three hundred" in dlg.errors["money"].text()
    assert dlg.errors["occurred_at"].isVisible() and "future" in dlg.errors["occurred_at"].text()
    assert journal.count_entries() == 0
    # a bad currency, the others fixed
    dlg.summary.setText("paid")
    dlg.amount.setText("300")
    dlg.currency.setEditText("XXQ")
    dlg.when.edit.setText(QDateTime.currentDateTime().addDays(-1).toString("yyyy-MM-dd HH:mm"))
    assert not dlg.save()
    assert not dlg.errors["summary"].isVisible() and not dlg.errors["occurred_at"].isVisible()
    assert "XXQ" in dlg.errors["money"].text()
    assert journal.count_entries() == 0
    dlg.currency.setEditText("人民币")  # a word the money module knows
    assert dlg.save()
    assert journal.get_entry(dlg.saved_entry_id).currency == "CNY"


def test_validation_message_in_chinese(qtbot, journal, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from journal.gui.editor import dialog as dialog_module

    monkeypatch.setattr(dialog_module, "current_lang", lambda: "zh")
    dlg = make(qtbot, journal, kind="gift")
    dlg.amount.setText("-5")
    assert not dlg.save()
    assert "请用一句话概括" in dlg.errors["summary"].text()
    assert "不是有效金额" in dlg.errors["money"].text()


def test_store_error_lands_beside_its_field(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal, kind="note")
    dlg.summary.setText("x" * 600)  # longer than the store allows
    assert not dlg.save()
    assert dlg.errors["summary"].text()
    assert journal.count_entries() == 0


def test_edit_keeps_history_and_dates(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal, kind="payment")
    dlg.summary.setText("paid for photos")
    dlg.amount.setText("200")
    dlg.when.edit.setText("2024-03-05")
    assert dlg.save()
    eid = dlg.saved_entry_id
    e = journal.get_entry(eid)
    assert e.precision == "day" and e.occurred_at.astimezone().date().isoformat() == "2024-03-05"
    edit = make(qtbot, journal, entry_id=eid)
    assert edit.summary.text() == "paid for photos" and edit.amount.text() == "200"
    assert edit.when.date_only.isChecked()
    edit.amount.setText("250")
    edit.when.approximate.setChecked(True)
    choose(edit.method, "cash")
    assert edit.save() and edit.saved_entry_id == eid
    e = journal.get_entry(eid)
    assert e.amount == Decimal(250) and e.precision == "approximate" and e.method == "cash"
    assert [r.action for r in journal.history(eid)] == ["create", "edit"]


def test_draft_survives_closing_and_is_offered_back(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    journal.add_person("Xiao Min")
    dlg = make(qtbot, journal, kind="request")
    dlg.show()
    dlg.summary.setText("asked to photograph warships 军舰")
    dlg.amount.setText("8OO")  # not valid yet: kept as typed
    dlg.persons.name_edit.setText("Xiao Min")
    dlg.persons.add_typed()
    dlg.persons.name_edit.setText("Somebody New")
    dlg.persons.add_typed()
    dlg.strip.add_bytes(b"evidence bytes", "notes.txt")
    dlg.close()
    assert journal.count_entries() == 0
    drafts = pending_drafts(journal)
    assert [d["key"] for d in drafts] == [NEW_DRAFT_KEY]
    assert drafts[0]["summary"] == "asked to photograph warships 军舰" and drafts[0]["kind"] == "request"

    again = EntryEditorDialog.from_draft(journal, NEW_DRAFT_KEY)
    qtbot.addWidget(again)
    assert again.current_kind() == "request"
    assert again.summary.text() == "asked to photograph warships 军舰"
    assert again.amount.text() == "8OO"
    assert again.persons.new_names() == ["Somebody New"] and len(again.persons.person_ids()) == 1
    assert [p.filename for p in again.strip.pending()] == ["notes.txt"]
    assert again.has_unsaved_changes()
    assert not again.save()  # 8OO is not an amount
    again.amount.setText("800")
    assert again.save()
    entry = journal.get_entry(again.saved_entry_id)
    assert entry.amount == Decimal(800) and len(entry.persons) == 2
    assert [journal.attachment_data(a.id) for a in entry.attachments] == [b"evidence bytes"]
    assert pending_drafts(journal) == []


def test_autosave_timer_and_lock(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    EntryEditorDialog.DRAFT_INTERVAL_MS = 50
    try:
        dlg = make(qtbot, journal)
        dlg.summary.setText("typing…")
        qtbot.waitUntil(lambda: journal.load_draft(NEW_DRAFT_KEY) is not None, timeout=2000)
        assert journal.load_draft(NEW_DRAFT_KEY)["summary"] == "typing…"
        dlg.details.setPlainText("more words")
        dlg.close_for_lock()  # what the shell does when it locks
        assert journal.load_draft(NEW_DRAFT_KEY)["details"] == "more words"
        assert dlg.summary.text() == "" and dlg.details.toPlainText() == ""
        assert not dlg.isVisible()
    finally:
        EntryEditorDialog.DRAFT_INTERVAL_MS = 3000


def test_second_new_editor_does_not_overwrite_a_waiting_draft(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    first = make(qtbot, journal)
    first.summary.setText("first")
    assert first.save_draft_now()
    second = make(qtbot, journal)
    second.summary.setText("second")
    assert second.save_draft_now()
    assert second.draft_key != NEW_DRAFT_KEY
    assert sorted(d["summary"] for d in pending_drafts(journal)) == ["first", "second"]


def test_cancel_asks_and_discards(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal)
    dlg.show()
    dlg.summary.setText("half typed")
    dlg.save_draft_now()
    dialogs.set_next_answer(False)  # "No": keep editing
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert dlg.isVisible() and dialogs.shown[-1][0] == "question"
    assert journal.load_draft(NEW_DRAFT_KEY) is not None
    dialogs.set_next_answer(True)  # "Yes": throw it away
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert journal.load_draft(NEW_DRAFT_KEY) is None
    assert journal.count_entries() == 0


def test_ctrl_s_saves(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal, kind="note")
    dlg.show()
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    qtbot.keyClicks(dlg.summary, "saved by keyboard")
    qtbot.keyClick(dlg.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dlg.saved_entry_id and journal.get_entry(dlg.saved_entry_id).summary == "saved by keyboard"


def test_paste_screenshot_into_a_new_entry(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = make(qtbot, journal, kind="contact")
    dlg.show()
    dlg.summary.setText("chat screenshot")
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    QApplication.clipboard().setImage(image)
    dlg.summary.setFocus()
    qtbot.keyClick(dlg.summary, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (pending,) = dlg.strip.pending()
    assert pending.filename.startswith("screenshot-") and pending.data.startswith(b"\x89PNG")
    assert dlg.summary.text() == "chat screenshot"
    assert dlg.save()
    (att,) = journal.get_entry(dlg.saved_entry_id).attachments
    assert journal.attachment_data(att.id) == pending.data
    assert QImage.fromData(journal.attachment_data(att.id)).size() == image.size()


def test_from_entry_draft_prefills(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    from journal.core.models import EntryDraft

    when = datetime.now().astimezone() - timedelta(days=2)
    dlg = make(qtbot, journal, draft=EntryDraft(kind="request", summary="from a chat",
                                                task="photos of ships", occurred_at=when))
    assert dlg.current_kind() == "request" and dlg.task.text() == "photos of ships"
    assert dlg.save()
    assert journal.get_entry(dlg.saved_entry_id).task == "photos of ships"


def test_new_person_button_opens_the_person_editor(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from journal.gui.people.editor import PersonEditorDialog

    dlg = make(qtbot, journal, kind="contact")
    dlg.persons.name_edit.setText("Lin")

    def fill() -> None:
        person_dialog = dlg.findChild(PersonEditorDialog)
        assert person_dialog is not None and person_dialog.name.text() == "Lin"
        person_dialog.role.setText("HR manager")
        person_dialog.save()

    QTimer.singleShot(0, fill)
    dlg.persons.new_button.click()
    (person,) = journal.list_persons()
    assert person.role == "HR manager" and dlg.persons.person_ids() == [person.id]
    assert dlg.persons.name_edit.text() == ""


def test_draft_of_an_edit_is_offered_back_for_that_entry(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    from journal.core.models import EntryDraft

    e = journal.add_entry(EntryDraft(kind="gift", summary="a phone", item="phone",
                                     value=Decimal(2999), currency="CNY"))
    dlg = make(qtbot, journal, entry_id=e.id)
    dlg.details.setPlainText("it arrived by courier, no sender")
    dlg.close()
    (draft,) = pending_drafts(journal)
    assert draft["key"] == f"editor:{e.id}" and draft["entry_id"] == e.id
    assert journal.get_entry(e.id).details == ""
    again = EntryEditorDialog.from_draft(journal, draft["key"])
    qtbot.addWidget(again)
    assert again.entry_id == e.id and again.details.toPlainText() == "it arrived by courier, no sender"
    assert again.amount.text() == "2999"
    assert again.save()
    assert journal.get_entry(e.id).details == "it arrived by courier, no sender"
    assert pending_drafts(journal) == []


def test_drop_a_file_on_the_editor(qtbot, journal, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from conftest import drag_enter_event
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    f = tmp_path / "chat.txt"
    f.write_text("别告诉老师", encoding="utf-8")
    dlg = make(qtbot, journal, kind="note")
    dlg.summary.setText("dropped")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    args = (QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    enter = drag_enter_event(mime)
    QApplication.sendEvent(dlg, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(dlg, QDropEvent(*args))
    assert [p.filename for p in dlg.strip.pending()] == ["chat.txt"]
    assert dlg.save()
    (att,) = journal.get_entry(dlg.saved_entry_id).attachments
    assert journal.attachment_data(att.id) == f.read_bytes()


def test_emptying_a_recorded_amount_is_not_silently_ignored(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    from journal.core.models import EntryDraft

    e = journal.add_entry(EntryDraft(kind="payment", summary="paid", amount=Decimal(300),
                                     currency="CNY", direction="received"))
    dlg = make(qtbot, journal, entry_id=e.id)
    dlg.amount.clear()
    assert not dlg.save()
    assert "0" in dlg.errors["money"].text()
    dlg.amount.setText("0")
    assert dlg.save()
    assert journal.get_entry(e.id).amount == Decimal(0)
