"""People page and person editor against a real journal."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from journal.core.models import EntryDraft, Handle
from journal.gui import dialogs
from journal.gui.people.editor import PersonEditorDialog
from journal.gui.people.view import PeopleView


@pytest.fixture(autouse=True)
def _clean_dialogs():  # type: ignore[no-untyped-def]
    dialogs.reset()
    yield
    dialogs.reset()


def _story(journal):  # type: ignore[no-untyped-def]
    xm = journal.add_person("Xiao Min", aliases=["小敏"], role="editor", organisation="a travel magazine",
                            platform="a dating app", handles=[Handle("wechat", "xm_2024")],
                            notes="never turns on the camera")
    other = journal.add_person("Director Zhang", role="recruiter")
    base = datetime(2024, 3, 1, 12, 0).astimezone()
    ids = []
    for i, (kind, extra) in enumerate([
        ("payment", {"amount": Decimal(300), "currency": "CNY", "direction": "received"}),
        ("payment", {"amount": Decimal(500), "currency": "CNY", "direction": "received"}),
        ("payment", {"amount": Decimal(50), "currency": "USD", "direction": "received"}),
        ("payment", {"amount": Decimal(1000), "currency": "CNY", "direction": "promised"}),
        ("gift", {"item": "phone", "value": Decimal(2999), "currency": "CNY"}),
        ("request", {"task": "photograph warships", "amount": Decimal(2000), "currency": "CNY"}),
    ]):
        e = journal.add_entry(EntryDraft(kind=kind, summary=f"{kind} {i}", persons=[xm.id],
                                         occurred_at=base + timedelta(days=i), **extra))
        ids.append(e.id)
    journal.add_entry(EntryDraft(kind="payment", summary="not hers", persons=[other.id],
                                 amount=Decimal(7), currency="EUR", direction="sent"))
    return xm, other, ids


def test_person_page_lists_entries_and_totals(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    xm, other, ids = _story(journal)
    view = PeopleView()
    qtbot.addWidget(view)
    view.set_journal(journal)
    assert view.list.topLevelItemCount() == 2
    assert view.select_person(xm.id)
    page = view.page
    assert page.name.text() == "Xiao Min"
    assert "editor" in page.identity.text() and "a travel magazine" in page.identity.text()
    assert "xm_2024" in page.handles.text() and "小敏" in page.aliases.text()
    assert page.entries.topLevelItemCount() == 6
    summaries = [page.entries.topLevelItem(i).text(2) for i in range(6)]
    assert summaries[0] == "request 5" and "not hers" not in summaries  # newest first
    totals = {page.totals.itemAt(r, page.totals.ItemRole.LabelRole).widget().text():
              page.totals.itemAt(r, page.totals.ItemRole.FieldRole).widget().text()
              for r in range(page.totals.rowCount())}
    assert totals["Money received:"] == "800.00 CNY   50.00 USD"
    assert totals["Money promised:"] == "1,000.00 CNY"
    assert totals["Estimated value of gifts:"] == "2,999.00 CNY"
    assert totals["Pay offered for tasks:"] == "2,000.00 CNY"
    assert "Money sent:" not in totals
    # click → entryActivated
    with qtbot.waitSignal(view.entryActivated) as sig:
        item = page.entries.topLevelItem(0)
        page.entries.itemActivated.emit(item, 0)
    assert sig.args == [ids[5]]
    # the other person
    view.select_person(other.id)
    assert page.entries.topLevelItemCount() == 1
    assert page.totals.rowCount() == 1 and not page.totals_empty.isVisible()


def test_filter_and_lock_clears(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    _story(journal)
    view = PeopleView()
    qtbot.addWidget(view)
    view.set_journal(journal)
    view.filter.setText("xm_20")  # a handle
    visible = [view.list.topLevelItem(i).text(0) for i in range(view.list.topLevelItemCount())
               if not view.list.topLevelItem(i).isHidden()]
    assert visible == ["Xiao Min"]
    view.set_journal(None)
    assert view.list.topLevelItemCount() == 0 and view.page.name.text() == ""
    assert view.page.entries.topLevelItemCount() == 0 and not view.new_button.isEnabled()


def test_person_editor_creates_and_edits(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = PersonEditorDialog(journal, name="Xiao Min")
    qtbot.addWidget(dlg)
    assert dlg.name.text() == "Xiao Min"
    dlg.aliases.setText("小敏， Min")
    dlg.role.setText("editor")
    dlg.platform.setText("Soul")
    dlg.handles.add_button.click()
    dlg.handles.table.cellWidget(0, 1).setText("xm_2024")
    dlg.handles.add_row("telegram", "@xm")
    dlg.handles.add_row("phone", "   ")  # empty rows are ignored
    assert dlg.save()
    p = journal.get_person(dlg.saved_person_id)
    assert p.aliases == ["小敏", "Min"] and p.platform == "Soul"
    assert [(h.kind, h.value) for h in p.handles] == [("wechat", "xm_2024"), ("telegram", "@xm")]

    edit = PersonEditorDialog(journal, person_id=p.id)
    qtbot.addWidget(edit)
    assert edit.handles.table.rowCount() == 2
    edit.handles.table.setCurrentCell(0, 1)
    edit.handles.remove_button.click()
    edit.notes.setPlainText("asked me not to tell my teacher")
    assert edit.save()
    p = journal.get_person(p.id)
    assert [h.value for h in p.handles] == ["@xm"] and "teacher" in p.notes


def test_person_editor_needs_a_name(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = PersonEditorDialog(journal)
    qtbot.addWidget(dlg)
    dlg.role.setText("recruiter")
    assert not dlg.save()
    assert dlg.errors["name"].text() and journal.list_persons() == []
    qtbot.keyClicks(dlg.name, "Zhang")
    assert dlg.save()
    assert journal.get_person(dlg.saved_person_id).role == "recruiter"


def test_new_person_from_the_view(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    view = PeopleView()
    qtbot.addWidget(view)
    view.set_journal(journal)
    assert view.empty.isVisibleTo(view)

    def fill() -> None:
        dlg = view.findChild(PersonEditorDialog)
        assert dlg is not None
        dlg.name.setText("Lin")
        dlg.save()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, fill)
    assert view.new_person()
    assert view.page.name.text() == "Lin"
    assert view.list.currentItem().data(0, Qt.ItemDataRole.UserRole) == journal.list_persons()[0].id


def test_person_editor_clears_on_lock(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dlg = PersonEditorDialog(journal, name="Xiao Min")
    qtbot.addWidget(dlg)
    dlg.handles.add_row("wechat", "xm_2024")
    dlg.show()
    dlg.set_journal(None)
    assert not dlg.isVisible() and dlg.name.text() == "" and dlg.handles.handles() == []
    assert journal.list_persons() == []



def test_person_page_lists_the_newest_entries_but_totals_all(qtbot, journal,  # type: ignore[no-untyped-def]
                                                              monkeypatch) -> None:
    from journal.gui.people import view as people_view

    p = journal.add_person("Busy Person")
    with journal.transaction():
        for i in range(12):
            journal.add_entry(EntryDraft(kind="payment", summary=f"pay {i}", persons=[p.id],
                                         amount=Decimal(10), direction="received"))
    monkeypatch.setattr(people_view, "PAGE_LIMIT", 5)
    page = people_view.PersonPage()
    qtbot.addWidget(page)
    page.show_person(journal, journal.get_person(p.id))
    assert page.entries.topLevelItemCount() == 5
    assert page.entries.topLevelItem(0).text(2) == "pay 11"  # the newest first
    assert "12" in page.entries_title.text() and "5" in page.entries_title.text()
    texts = [page.totals.itemAt(i).widget().text() for i in range(page.totals.count())
             if page.totals.itemAt(i).widget() is not None]
    assert any("120" in t for t in texts)  # totals over all 12, not the 5 shown
    assert journal.totals(person_id=p.id)["received"] == {"CNY": Decimal(120)}
