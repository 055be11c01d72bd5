"""History of an entry and the trash."""

from __future__ import annotations

from decimal import Decimal

import pytest

from journal.core.models import EntryDraft
from journal.gui import dialogs
from journal.gui.history.dialogs import HistoryDialog, TrashDialog


@pytest.fixture(autouse=True)
def _clean_dialogs():  # type: ignore[no-untyped-def]
    dialogs.reset()
    yield
    dialogs.reset()


def test_history_shows_an_edit(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    e = journal.add_entry(EntryDraft(kind="payment", summary="paid for photos", amount=Decimal(300),
                                     currency="CNY", direction="received"))
    journal.edit_entry(e.id, EntryDraft(summary="paid for photos of the port", amount=Decimal(350)))
    dlg = HistoryDialog(journal, e.id)
    qtbot.addWidget(dlg)
    assert dlg.revisions.count() == 2
    assert "Created" in dlg.revisions.item(0).text() and "Edited" in dlg.revisions.item(1).text()
    assert dlg.revisions.currentRow() == 1  # the newest is shown first
    assert set(dlg.changed_fields(1)) == {"summary", "amount"}
    rows = dlg.field_rows()
    assert rows["summary"] == ("paid for photos of the port", "paid for photos", True)
    assert rows["amount"] == ("350.00 CNY", "300.00 CNY", True)
    assert rows["direction"] == ("Received", "", False)
    assert sorted(k for k, v in rows.items() if v[2]) == ["amount", "summary"]
    dlg.revisions.setCurrentRow(0)
    assert dlg.field_rows()["summary"] == ("paid for photos", "", False)


def test_trash_restore(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    keep = journal.add_entry(EntryDraft(kind="note", summary="keep"))
    gone = journal.add_entry(EntryDraft(kind="threat", summary="they threatened to tell my school"))
    journal.delete_entry(gone.id)
    dlg = TrashDialog(journal)
    qtbot.addWidget(dlg)
    assert dlg.list.topLevelItemCount() == 1
    assert dlg.list.topLevelItem(0).text(2) == "they threatened to tell my school"
    dlg.list.topLevelItem(0).setSelected(True)
    with qtbot.waitSignal(dlg.entryRestored) as sig:
        dlg.restore_button.click()
    assert sig.args == [gone.id]
    assert not journal.get_entry(gone.id).deleted and not journal.get_entry(keep.id).deleted
    assert dlg.list.topLevelItemCount() == 0 and dlg.empty.isVisibleTo(dlg)
    assert [r.action for r in journal.history(gone.id)] == ["create", "delete", "restore"]
    hist = HistoryDialog(journal, gone.id)
    qtbot.addWidget(hist)
    assert hist.revisions.count() == 3 and "Restored" in hist.revisions.item(2).text()


def test_lock_clears_history_and_trash(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    e = journal.add_entry(EntryDraft(kind="note", summary="secret words"))
    journal.delete_entry(e.id)
    hist = HistoryDialog(journal, e.id)
    trash = TrashDialog(journal)
    for dlg in (hist, trash):
        qtbot.addWidget(dlg)
        dlg.show()
        dlg.set_journal(None)
        assert not dlg.isVisible()
    assert hist.revisions.count() == 0 and hist.fields.rowCount() == 0
    assert trash.list.topLevelItemCount() == 0
