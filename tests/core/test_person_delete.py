"""Removing a person from the journal and bringing them back (Journal.delete_person /
restore_person): hidden from lists and search, kept with their history and audit trail."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.core.errors import NotFoundError
from journal.core.models import Handle
from journal.core.store import Journal


def _person(journal: Journal) -> str:
    return journal.add_person("张总", aliases=["Director Zhang"], role="Director",
                              handles=[Handle("wechat", "zhang_ocean")]).id


def test_deleted_person_is_hidden_from_the_list_and_from_search(journal: Journal) -> None:
    keep = journal.add_person("Xiao Min").id
    gone = _person(journal)
    journal.delete_person(gone)
    assert [p.id for p in journal.list_persons()] == [keep]
    assert journal.search_persons("张总") == []
    assert journal.search_persons("zhang_ocean") == []
    deleted = {p.id: p for p in journal.list_persons(include_deleted=True)}[gone]
    assert deleted.deleted and deleted.name == "张总"


def test_restored_person_is_listed_and_found_again_with_the_same_details(journal: Journal) -> None:
    pid = _person(journal)
    before = journal.get_person(pid)
    journal.delete_person(pid)
    journal.restore_person(pid)
    again = journal.get_person(pid)
    assert [p.id for p in journal.list_persons()] == [pid]
    assert journal.search_persons("张总") == [pid]
    assert journal.search_persons("Director Zhang") == [pid]
    assert not again.deleted
    assert (again.name, again.aliases, again.role, again.handles) == (
        before.name, before.aliases, before.role, before.handles)


def test_delete_and_restore_are_in_the_history_and_the_audit_chain(journal: Journal,
                                                                   journal_path: Path,
                                                                   passphrase: str) -> None:
    pid = _person(journal)
    journal.delete_person(pid)
    journal.restore_person(pid)
    assert [r.action for r in journal.person_history(pid)][-2:] == ["delete", "restore"]
    trail = [(r.action, r.object_id) for r in journal.audit_records() if r.object_type == "person"]
    assert trail[-2:] == [("delete", pid), ("restore", pid)]
    assert journal.verify().ok
    journal.close()
    with Journal.open(journal_path, passphrase) as reopened:  # written, not only in memory
        assert [p.id for p in reopened.list_persons()] == [pid]
        assert reopened.verify().ok


@pytest.mark.parametrize("action", ["delete_person", "restore_person"])
def test_unknown_person_is_refused_and_nothing_changes(journal: Journal, action: str) -> None:
    pid = _person(journal)
    head = journal.head_hash()
    with pytest.raises(NotFoundError) as info:
        getattr(journal, action)("no-such-person")
    assert "no-such-person" in info.value.message("en")
    assert "no-such-person" in info.value.message("zh")
    assert journal.head_hash() == head
    assert [p.id for p in journal.list_persons()] == [pid]
