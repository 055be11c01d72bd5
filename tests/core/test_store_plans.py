"""The store's hot queries keep the plans that make a 100,000-entry journal instant (DESIGN §8).

The timings live in tests/benchmarks/bench.py; these tests only pin what the timings rest on: the
timeline reads its ids from a covering index (never the wide rows, each read page being a
decrypted page), and a search asks the full-text index alone and puts its matches in the
timeline's order (read once from that index and kept until the journal changes), instead of
walking every entry or looking every match up in the table and sorting them.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from journal.core import schema
from journal.core.errors import JournalError
from journal.core.models import EntryDraft
from journal.core.store import Journal
from tests.conftest import PASSPHRASE

CST = timezone(timedelta(hours=8))


def _plans(journal: Journal, monkeypatch: pytest.MonkeyPatch, **filters: Any) -> tuple[list[str], str]:
    seen: list[tuple[str, list[Any]]] = []
    real = journal.db.column

    def spy(sql: str, params: Any = ()) -> list[Any]:
        seen.append((sql, list(params)))
        return real(sql, params)

    monkeypatch.setattr(journal.db, "column", spy)
    ids = journal.entry_ids(**filters)
    monkeypatch.undo()
    sql, params = seen[-1]
    plan = " | ".join(r[3] for r in journal.db.conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    return ids, plan


@pytest.fixture
def filled(journal: Journal) -> Journal:
    start = datetime(2020, 1, 1, 9, tzinfo=CST)
    p = journal.add_person("张总")
    with journal.transaction():
        for i in range(60):
            journal.add_entry(EntryDraft(
                kind=("note", "payment", "contact")[i % 3], occurred_at=start + timedelta(days=59 - i),
                summary=f"第{i}次 让我去港口拍军舰" if i % 2 else f"entry {i} about the harbour",
                persons=[p.id] if i % 4 == 0 else []))
    return journal


def test_timeline_reads_only_the_covering_index(filled: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    ids, plan = _plans(filled, monkeypatch)
    assert len(ids) == 60
    assert "entries_live_time" in plan and "TEMP B-TREE" not in plan
    trash_ids, plan = _plans(filled, monkeypatch, only_deleted=True)
    assert trash_ids == [] and "entries_trash_time" in plan
    _, plan = _plans(filled, monkeypatch, include_deleted=True)
    assert "COVERING INDEX entries_time" in plan
    _, plan = _plans(filled, monkeypatch, kinds=["payment"])
    assert "entries_kind_time" in plan and "TEMP B-TREE" not in plan


def test_search_puts_the_index_matches_in_timeline_order(filled: Journal,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ids, plan = _plans(filled, monkeypatch, search="军舰")
    assert len(ids) == 30
    # the last query of a search asks the full-text index alone, not the entries
    assert "entry_fts" in plan and "entries" not in plan
    # newest first, the same order as the timeline's
    timeline = filled.entry_ids()
    assert ids == [i for i in timeline if i in set(ids)]
    assert filled.entry_ids(search="harbour", newest_first=False) == list(reversed(
        filled.entry_ids(search="harbour")))
    assert filled.entry_ids(search="harbour", limit=4, offset=2) == filled.entry_ids(search="harbour")[2:6]


def _vm_steps(journal: Journal, run: Any) -> int:
    """SQLite virtual-machine instructions (in steps of 10) spent while ``run()`` runs."""
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    journal.db.conn.set_progress_handler(count, 10)
    try:
        run()
    finally:
        journal.db.conn.set_progress_handler(None, 10)
    return steps[0] * 10


def test_search_cost_follows_the_matches_not_the_journal_size(journal: Journal) -> None:
    start = datetime(2020, 1, 1, 9, tzinfo=CST)
    with journal.transaction():
        for i in range(1500):
            journal.add_entry(EntryDraft(kind="note", occurred_at=start + timedelta(hours=i * 7 % 1500),
                                         summary="军港附近的码头 unique" if i == 700 else f"entry {i}"))
    assert len(journal.entry_ids(search="unique")) == 1  # the first search reads the time order
    steps = _vm_steps(journal, lambda: journal.entry_ids(search="军港附近的码头"))
    # the same search walking the (kind) time index of 1,500 entries and probing the matches
    walking = _vm_steps(journal, lambda: journal.entry_ids(kinds=["note"], search="军港附近的码头"))
    assert steps * 5 < walking


def test_search_order_follows_every_change_in_this_connection(filled: Journal) -> None:
    def by_sql(text: str) -> list[str]:  # the same search, through the filtered SQL path
        return filled.entry_ids(kinds=["note", "payment", "contact"], search=text)

    before = filled.entry_ids(search="港口")
    assert before == by_sql("港口")
    newest = before[0]
    filled.edit_entry(newest, EntryDraft(kind="note", summary="港口 moved back",
                                         occurred_at=datetime(2000, 1, 1, tzinfo=CST)))
    assert filled.entry_ids(search="港口") == [*before[1:], newest]
    filled.delete_entry(newest)
    assert filled.entry_ids(search="港口") == before[1:]
    filled.restore_entry(newest)
    assert filled.entry_ids(search="港口") == [*before[1:], newest]
    with filled.transaction():  # inside a transaction, its own uncommitted changes count
        filled.delete_entry(before[1])
        assert filled.entry_ids(search="港口") == [*before[2:], newest]
    added = filled.add_entry(EntryDraft(kind="note", summary="港口 again",
                                        occurred_at=datetime(2030, 1, 1, tzinfo=CST)))
    assert filled.entry_ids(search="港口") == [added.id, *before[2:], newest] == by_sql("港口")


def test_search_sees_changes_made_by_another_connection(journal_path: Path, journal: Journal) -> None:
    first = journal.add_entry(EntryDraft(kind="note", summary="第一次 码头",
                                         occurred_at=datetime(2024, 1, 1, tzinfo=CST)))
    second = journal.add_entry(EntryDraft(kind="note", summary="第二次 码头",
                                          occurred_at=datetime(2024, 2, 1, tzinfo=CST)))
    with Journal.open(journal_path, PASSPHRASE, mode="read") as reader:
        assert reader.entry_ids(search="码头") == [second.id, first.id]
        journal.edit_entry(second.id, EntryDraft(kind="note", summary="第二次 码头",
                                                 occurred_at=datetime(2023, 1, 1, tzinfo=CST)))
        assert reader.entry_ids(search="码头") == [first.id, second.id]
        journal.delete_entry(first.id)
        assert reader.entry_ids(search="码头") == [second.id]
        later = journal.add_entry(EntryDraft(kind="note", summary="第三次 码头",
                                             occurred_at=datetime(2031, 1, 1, tzinfo=CST)))
        assert reader.entry_ids(search="码头") == [later.id, second.id]


@pytest.mark.parametrize("text", ["军舰", "军", "港附近", "军港附近的码头", "wechat 转账", "1200.50",
                                  "1200", "Director Zhang", "码头 harbour", "HARBOUR", "船 12339"])
def test_search_finds_what_the_filtered_sql_finds(journal: Journal, text: str) -> None:
    """Chinese substrings, one character, mixed Chinese and English, amounts with a decimal
    point: the search box's way and the filtered SQL way give the same ids in the same order."""
    start = datetime(2021, 3, 1, 9, tzinfo=CST)
    zhang = journal.add_person("张总", aliases=["Director Zhang"])
    summaries = ["让我去军港附近的码头拍军舰", "收到 WeChat 转账 1200.50 元", "Photos of the HARBOUR 码头",
                 "拨打了 12339 说了船的事", "nothing here", "军训 and a 1200 yuan gift"]
    made = []
    with journal.transaction():
        for i in range(60):
            made.append(journal.add_entry(EntryDraft(
                kind="payment" if i % 2 else "note", summary=summaries[i % len(summaries)],
                occurred_at=start + timedelta(days=(i * 37) % 60),
                persons=[zhang.id] if i % 5 == 0 else [])).id)
    for victim in made[::7]:
        journal.delete_entry(victim)
    fast = journal.entry_ids(search=text)
    assert fast == journal.entry_ids(kinds=["payment", "note"], search=text)
    assert fast and len(fast) < 60


def test_filters_combined_with_search_agree(filled: Journal) -> None:
    person = filled.list_persons()[0].id
    both = filled.entry_ids(person_id=person, search="港口")
    assert both == [i for i in filled.entry_ids(person_id=person) if i in set(filled.entry_ids(search="港口"))]
    assert filled.entry_ids(kinds=["payment"], search="harbour", limit=3, offset=1) == \
        filled.entry_ids(kinds=["payment"], search="harbour")[1:4]
    victim = filled.entry_ids(search="军舰")[0]
    filled.delete_entry(victim)
    assert victim not in filled.entry_ids(search="军舰")
    assert filled.entry_ids(only_deleted=True, search="军舰") == [victim]
    assert victim in filled.entry_ids(include_deleted=True, search="军舰")


def test_reindex_reads_the_persons_of_an_entry_in_order(journal: Journal) -> None:
    a = journal.add_person("Alpha Person")
    b = journal.add_person("贝塔")
    e = journal.add_entry(EntryDraft(kind="note", summary="x", persons=[b.id, a.id]))
    assert journal.get_entry(e.id).persons == [b.id, a.id]
    assert journal.search("贝塔") == [e.id] and journal.search("alpha") == [e.id]
    journal.update_person(b.id, name="伽马")
    assert journal.search("贝塔") == [] and journal.search("伽马") == [e.id]


# --------------------------------------------------------------------------- the v2 migration
V1_FILE = Path(__file__).parents[1] / "data" / "journal-v1.ijournal"
V1_PASSPHRASE = "v1 journal 第一版 passphrase"  # what tests/data/make_v1_journal.py used


def _index_sql(j: Journal) -> dict[str, str]:
    return {r[0]: r[1] for r in j.db.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def test_v1_file_migrates_to_the_covering_indexes(tmp_path: Path, journal: Journal,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.ijournal"
    shutil.copyfile(V1_FILE, path)
    with Journal.open_with_key(path, Journal.derive(path, V1_PASSPHRASE),
                               backup_dir=tmp_path / "backups") as old:
        assert old.schema_version() == schema.CURRENT_VERSION >= 2
        # a migrated file and a new one have the same indexes
        assert _index_sql(old) == _index_sql(journal)
        # the migration's record, then the signing key an older journal gets on its first open
        assert [r.action for r in old.audit_records()[-2:]] == ["migrate", "create"]
        assert old.verify().ok
        before = old.entry_ids(include_deleted=True)
        ids, plan = _plans(old, monkeypatch)
        assert "entries_live_time" in plan and "TEMP B-TREE" not in plan
        assert ids and set(ids) < set(before)
        assert old.search("军舰") and set(old.search("军舰")) <= set(ids)
    with Journal.open(path, V1_PASSPHRASE) as again:  # nothing left to migrate
        assert again.schema_version() == schema.CURRENT_VERSION
        assert [r.action for r in again.audit_records()].count("migrate") == 1


def test_failing_v2_migration_leaves_the_v1_file_as_it_was(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.ijournal"
    shutil.copyfile(V1_FILE, path)
    before = path.read_bytes()
    real_v2 = schema.MIGRATIONS[2]

    def half_done(conn: Any) -> None:
        real_v2(conn)
        raise sqlcipher3.OperationalError("simulated failure after the indexes were rebuilt")

    monkeypatch.setitem(schema.MIGRATIONS, 2, half_done)
    with pytest.raises(JournalError) as info:
        Journal.open_with_key(path, Journal.derive(path, V1_PASSPHRASE), backup_dir=tmp_path / "b")
    assert info.value.key == "error.migration_failed"
    assert path.read_bytes() == before
    monkeypatch.undo()
    with Journal.open_with_key(path, Journal.derive(path, V1_PASSPHRASE),
                               backup_dir=tmp_path / "b") as j:
        assert j.schema_version() == schema.CURRENT_VERSION and j.verify().ok


def test_v1_file_runs_the_whole_chain_to_a_later_version(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """v1 → every real migration → one more (a stand-in): one backup, one transaction, the data
    kept."""
    path = tmp_path / "v1.ijournal"
    shutil.copyfile(V1_FILE, path)
    later = schema.CURRENT_VERSION + 1

    def stand_in(conn: Any) -> None:
        conn.execute("ALTER TABLE entries ADD COLUMN mood TEXT")

    monkeypatch.setattr(schema, "CURRENT_VERSION", later)
    monkeypatch.setitem(schema.MIGRATIONS, later, stand_in)
    with Journal.open_with_key(path, Journal.derive(path, V1_PASSPHRASE),
                               backup_dir=tmp_path / "b") as j:
        assert j.schema_version() == later
        assert "entries_trash_time" in _index_sql(j)
        assert "entries_overview" in _index_sql(j)
        assert j.db.conn.execute("SELECT count(*) FROM entries WHERE mood IS NULL").fetchone()[0] > 0
        assert j.verify().ok and j.search("暗号")
    assert len(list((tmp_path / "b").iterdir())) == 1
