"""Issue 17: verify in a few seconds at 100,000 entries without finding less.

The search index is compared with the digests stored beside its rows (schema v8) instead of being
derived again from every entry (that stays in ``verify --deep``); the canonical text of the audit
records, revisions and entry states is made by SQLite and must be byte for byte what
``audit.canonical()`` makes; the staleness check of the sign facts reads narrow indexes."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from journal.cli import main
from journal.core import audit, schema
from journal.core.models import EntryDraft, Handle
from journal.core.store import Journal, search_index, verifyrows
from journal.core.store.revisions import REVISION_COLUMNS, Revisions

V1_FILE = Path(__file__).parents[1] / "data" / "journal-v1.ijournal"
V1_PASSPHRASE = "v1 journal 第一版 passphrase"

# every escape JSON has, quotes, backslashes, CJK, an emoji, the separators Python never escapes
TRICKY = 'a"b\\c\n\r\t\b\f\x00\x01\x1f\x7f 中文，“引号” 😀 \u2028\u2029 \ufeff end'


def _tricky_journal(j: Journal) -> dict[str, str]:
    p = j.add_person(f"张总 {TRICKY}", aliases=[TRICKY], handles=[Handle("wechat", TRICKY)])
    e = j.add_entry(EntryDraft(kind="payment", summary=TRICKY, details=TRICKY * 3,
                               persons=[p.id], channel=TRICKY, tags=[TRICKY, "兼职"],
                               witnesses=[TRICKY], amount=Decimal("1200.50"), currency="CNY",
                               method="wechat", direction="received"))
    j.edit_entry(e.id, EntryDraft(summary=TRICKY + " edited", location=TRICKY))
    j.add_attachment(entry_id=e.id, data=b"\x89PNG tricky", filename=f"{TRICKY}.png",
                     caption=TRICKY)
    return {"entry": e.id, "person": p.id}


def test_sqlite_makes_the_same_canonical_text_as_python_for_every_record(
        journal: Journal) -> None:
    ids = _tricky_journal(journal)
    conn = journal.db.conn
    audit_rows = list(verifyrows.tuples(conn, verifyrows.AUDIT_SQL))
    assert len(audit_rows) > 5
    for seq, prev_hash, _hash, _t, _i, _d, text in audit_rows:
        row = conn.execute(verifyrows.AUDIT_ROW_SQL, (seq,)).fetchone()
        record = {"seq": row["seq"], "at": row["at"], "action": row["action"],
                  "type": row["object_type"], "id": row["object_id"], "digest": row["digest"]}
        assert text == prev_hash.encode("ascii") + audit.canonical(record)
    for row_id, digest, *_ in verifyrows.revision_digests(conn):
        row = conn.execute(verifyrows.REVISION_ROW_SQL, (row_id,)).fetchone()
        assert digest == audit.digest({c: row[c] for c in REVISION_COLUMNS})
    states = {entry_id: digest for _seq, entry_id, digest in verifyrows.entry_digests(conn)}
    expected = journal._integrity._states.entry(ids["entry"])  # what the chain recorded
    assert expected is not None and TRICKY in expected["summary"]
    assert states[ids["entry"]] == audit.digest(expected)
    assert journal.verify().ok


def test_entry_states_made_by_sqlite_keep_each_entrys_persons_in_their_order(
        journal: Journal) -> None:
    """The persons of every entry, read in one pass over entry_persons, in the order they were
    given (not the order of their ids), and none for an entry without persons: each entry's
    digest is the one its last audit record holds."""
    first = journal.add_person("Alpha")
    second = journal.add_person("Beta")
    later, earlier = sorted([first.id, second.id], reverse=True)
    both = journal.add_entry(EntryDraft(kind="contact", summary="two", persons=[later, earlier]))
    one = journal.add_entry(EntryDraft(kind="contact", summary="one", persons=[earlier]))
    none = journal.add_entry(EntryDraft(kind="note", summary="nobody"))
    journal.edit_entry(one.id, EntryDraft(persons=[later, earlier]))
    states = {entry_id: digest for _seq, entry_id, digest
              in verifyrows.entry_digests(journal.db.conn)}
    for entry_id in (both.id, one.id, none.id):
        expected = journal._integrity._states.entry(entry_id)
        assert expected is not None
        assert states[entry_id] == audit.digest(expected), entry_id
    assert journal._integrity._states.entry(both.id)["persons"] == [later, earlier]  # type: ignore[index]
    assert journal.verify().ok


def test_a_value_sqlite_writes_otherwise_is_checked_the_python_way(journal: Journal) -> None:
    """A real number: SQLite writes 1e20 as 1.0e+20, Python as 1e+20. The record is computed
    again the Python way instead of being reported."""
    entry = journal.add_entry(EntryDraft(kind="note", summary="a number below"))
    conn = journal.db.conn
    row_id = conn.execute("SELECT id FROM revisions WHERE object_id = ?", (entry.id,)).fetchone()[0]
    with journal.transaction():  # sealed again by the store: the chain vouches for this row
        conn.execute("UPDATE revisions SET revision = 1e20 WHERE id = ?", (row_id,))
        Revisions(journal.db).seal(row_id)
    text = conn.execute("SELECT json_object('a', revision) FROM revisions WHERE id = ?",
                        (row_id,)).fetchone()[0]
    assert text != json.dumps({"a": 1e20}, separators=(",", ":"))  # the two forms differ
    result = journal.verify()
    assert result.ok, result.problems


@pytest.mark.parametrize("table", ["entries", "revisions", "audit"])
def test_a_value_json_cannot_hold_is_checked_the_python_way_and_found(
        journal: Journal, table: str) -> None:
    """The same text as bytes (a BLOB): SQLite's JSON refuses it, the record is hashed the Python
    way, and the change is found as before."""
    entry = journal.add_entry(EntryDraft(kind="note", summary="stored as text"))
    conn = journal.db.conn
    if table == "entries":
        conn.execute("UPDATE entries SET summary = CAST(summary AS BLOB) WHERE id = ?",
                     (entry.id,))
        expected = ("object_changed", {"object_type": "entry", "object_id": entry.id})
    elif table == "revisions":
        conn.execute("UPDATE revisions SET data = CAST(data AS BLOB) WHERE object_id = ?",
                     (entry.id,))
        expected = ("revision_changed", {"revision": 1, "object_type": "entry",
                                         "object_id": entry.id})
    else:
        seq = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        conn.execute("UPDATE audit SET at = CAST(at AS BLOB) WHERE seq = ?", (seq,))
        expected = ("audit_altered", {"seq": seq})
    conn.commit()
    assert [(p.code, p.params) for p in journal.verify().issues] == [expected]


def test_verify_derives_no_index_text_but_deep_does(journal: Journal,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _tricky_journal(journal)
    calls: list[int] = []
    real = search_index._body

    def counted(*args: object, **kwargs: object) -> str:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_index, "_body", counted)
    assert journal.verify().ok
    assert calls == []
    assert journal.verify(deep=True).ok
    assert calls


def test_index_row_rewritten_with_its_digest_is_found_only_by_deep(journal: Journal) -> None:
    """What the digests cannot see: a row changed together with its digest (it takes the key and
    this schema). ``verify --deep`` derives the row again and finds it."""
    entry = journal.add_entry(EntryDraft(kind="request", summary="拍军港的照片 photograph harbour"))
    conn = journal.db.conn
    seq = conn.execute("SELECT seq FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
    conn.execute("UPDATE entry_fts SET body = 'nothing here' WHERE rowid = ?", (seq,))
    conn.execute("UPDATE search_digests SET digest = ? WHERE seq = ?",
                 (search_index.body_digest("nothing here"), seq))
    conn.commit()
    assert journal.verify().ok
    deep = journal.verify(deep=True)
    assert [p.code for p in deep.issues] == ["index_entry_changed"]
    assert deep.issues[0].params == {"id": entry.id}


@pytest.mark.parametrize("how", ["digest removed", "digest of another revision", "row changed",
                                 "every digest gone", "digest removed, entries' narrow index gone"])
def test_index_digests_tampered_are_found(journal: Journal, how: str) -> None:
    entry = journal.add_entry(EntryDraft(kind="note", summary="军舰 warship"))
    conn = journal.db.conn
    seq = conn.execute("SELECT seq FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
    if how.startswith("digest removed"):
        conn.execute("DELETE FROM search_digests WHERE seq = ?", (seq,))
        if how.endswith("gone"):  # the digests are then matched with the entries another way
            conn.execute("DROP INDEX entries_revision")
    elif how == "digest of another revision":
        conn.execute("UPDATE search_digests SET revision = 7 WHERE seq = ?", (seq,))
    elif how == "row changed":
        conn.execute("UPDATE entry_fts SET body = '军舰' WHERE rowid = ?", (seq,))
    else:  # the table dropped, and the row changed: every row is derived again instead
        conn.execute("DROP TABLE search_digests")
        conn.execute("UPDATE entry_fts SET body = '军舰' WHERE rowid = ?", (seq,))
    conn.commit()
    result = journal.verify()
    assert [(p.code, p.params) for p in result.issues] == [
        ("index_entry_changed", {"id": entry.id})]


def test_structure_damage_below_the_records_is_found_by_deep(journal: Journal,
                                                             tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """An index whose stored rows no longer follow its definition (written with the key, below
    SQL): every record and page still checks out, SQLite's whole structure check does not."""
    journal.add_entry(EntryDraft(kind="note", summary="one"))
    journal.add_entry(EntryDraft(kind="note", summary="two"))
    conn = journal.db.conn
    conn.execute("CREATE INDEX extra_kind ON entries(kind)")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX extra_kind ON entries(summary)'"
                 " WHERE name = 'extra_kind'")
    conn.execute("PRAGMA writable_schema = OFF")
    conn.commit()
    path = journal.path
    journal.close()
    copy = tmp_path / "copy.ijournal"
    shutil.copyfile(path, copy)
    monkeypatch.setenv("JOURNAL_PASSPHRASE", "correct horse 电池 staple")
    assert main(["--journal", str(copy), "verify"]) == 0
    capsys.readouterr()
    assert main(["--journal", str(copy), "verify", "--deep"]) == 4
    assert "damaged" in capsys.readouterr().err


def test_migration_to_v8_gives_every_row_its_digest_and_keeps_a_changed_row_found(
        tmp_path: Path) -> None:
    path = tmp_path / "v1.ijournal"
    shutil.copyfile(V1_FILE, path)
    key = Journal.derive(path, V1_PASSPHRASE)
    with Journal.open_with_key(path, key, backup_dir=tmp_path / "b") as j:
        assert j.schema_version() == schema.CURRENT_VERSION >= schema.SEARCH_DIGESTS_FROM
        assert j.verify().ok
        conn = j.db.conn
        n = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM search_digests").fetchone()[0] == n
        # back to a v7 file whose index row was changed behind the app
        seq = conn.execute("SELECT min(seq) FROM entries").fetchone()[0]
        with j.transaction():
            conn.execute("DROP TABLE search_digests")
            conn.execute("DROP INDEX sign_facts_revision")
            conn.execute("UPDATE entry_fts SET body = 'harmless' WHERE rowid = ?", (seq,))
            conn.execute("PRAGMA user_version = 7")
        entry_id = conn.execute("SELECT id FROM entries WHERE seq = ?", (seq,)).fetchone()[0]
    with Journal.open_with_key(path, key, backup_dir=tmp_path / "b") as j:
        assert j.schema_version() == schema.CURRENT_VERSION
        result = j.verify()
        assert [(p.code, p.params) for p in result.issues] == [
            ("index_entry_changed", {"id": entry_id})]


def test_stale_sign_facts_are_counted_from_narrow_indexes(journal: Journal) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="facts"))
    seen: list[str] = []
    journal.db.conn.set_trace_callback(seen.append)
    try:
        assert journal.stale_sign_facts() == 0
    finally:
        journal.db.conn.set_trace_callback(None)
    plans = [" ".join(str(r[3]) for r in journal.db.conn.execute("EXPLAIN QUERY PLAN " + sql))
             for sql in seen if sql.startswith("SELECT count(*) FROM entries e")]
    assert plans and all("COVERING INDEX" in p and "INTEGER PRIMARY KEY" not in p
                         for p in plans), plans
