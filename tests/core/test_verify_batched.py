"""Issue 17: verify and the sealing of old revisions work in batches (a number of queries that
does not grow with the journal), and every problem verify finds carries a code that reads in
Chinese as well as in English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from journal.core import verifytext
from journal.core.models import EntryDraft, VerifyProblem
from journal.core.store import Journal
from journal.core.store.revisions import Revisions


@contextmanager
def _statements(j: Journal) -> Iterator[list[str]]:
    """Every SQL statement the journal's connection is asked to run inside the block (not the
    statements SQLite runs inside a virtual table, which it traces as comments)."""
    seen: list[str] = []

    def record(sql: str) -> None:
        if not sql.startswith("--"):
            seen.append(sql)

    j.db.conn.set_trace_callback(record)
    try:
        yield seen
    finally:
        j.db.conn.set_trace_callback(None)


def _persons_and_entries(j: Journal, persons: int, entries: int) -> None:
    ids = [j.add_person(f"person {i}", aliases=[f"alias {i}"]).id for i in range(persons)]
    for i in range(entries):
        j.add_entry(EntryDraft(kind="note", summary=f"军舰 harbour {i}", persons=[ids[i % persons]]))


def test_verify_runs_as_many_queries_with_forty_persons_as_with_two(journal: Journal) -> None:
    _persons_and_entries(journal, 2, 40)
    with _statements(journal) as few:
        assert journal.verify().ok
    for i in range(38):
        journal.add_person(f"more {i}")
    with _statements(journal) as many:
        assert journal.verify().ok
    assert len(many) == len(few)


def test_sealing_old_revisions_takes_a_few_reads_for_five_hundred_revisions(
        journal: Journal) -> None:
    entry = journal.add_entry(EntryDraft(kind="note", summary="written before sealing existed"))
    conn = journal.db.conn
    conn.executemany(
        "INSERT INTO revisions(object_type, object_id, revision, saved_at, action, data)"
        " VALUES ('entry', ?, ?, '2024-01-01T00:00:00+00:00', 'edit', ?)",
        [(entry.id, 100 + n, json.dumps({"summary": f"version {n}"})) for n in range(500)])
    conn.commit()
    problems = journal.verify().issues
    assert sum(p.code == "revision_unaudited" for p in problems) == 500
    with _statements(journal) as seen, journal.db.transaction():
        assert Revisions(journal.db).seal_unsealed() == 500
    reads = [sql for sql in seen if sql.startswith("SELECT")]
    assert len(reads) < 10  # not one read of the revision and one of the chain's end for each
    assert journal.verify().ok


def test_a_changed_revision_is_reported_with_its_code_and_in_chinese(journal: Journal) -> None:
    entry = journal.add_entry(EntryDraft(kind="note", summary="first"))
    journal.edit_entry(entry.id, EntryDraft(summary="second"))
    conn = journal.db.conn
    conn.execute("UPDATE revisions SET data = '{}' WHERE object_id = ? AND revision = 1",
                 (entry.id,))
    conn.commit()
    result = journal.verify()
    assert result.issues == [VerifyProblem("revision_changed", {
        "revision": 1, "object_type": "entry", "object_id": entry.id})]
    assert result.problems == [f"revision 1 of entry {entry.id} was changed outside the app"]
    assert verifytext.problem_text(result.issues[0], "zh") == (
        f"记录 {entry.id} 的第 1 个历史版本在本软件之外被改动过")


def test_every_problem_code_has_an_english_and_a_chinese_text_without_ascii_punctuation() -> None:
    codes = [k.removeprefix("verify.problem.") for k in verifytext.i18n._MESSAGES
             if k.startswith("verify.problem.")]
    assert len(codes) >= 20
    params = {"head": "ab" * 32, "seq": 7, "revision": 2, "object_type": "person",
              "object_id": "P1", "row_id": 9, "id": "E1", "n": 3}
    for code in codes:
        en = verifytext.problem_text(VerifyProblem(code, params), "en")
        zh = verifytext.problem_text(VerifyProblem(code, params), "zh")
        assert "{" not in en and "{" not in zh, code
        assert en != zh, code
        assert not any(c in zh for c in ",;:()?!"), (code, zh)
    for kind, word in (("entry", "记录"), ("person", "人物"), ("attachment", "附件"),
                       ("message", "消息")):
        zh = verifytext.problem_text(VerifyProblem("object_changed", {
            "object_type": kind, "object_id": "X1"}), "zh")
        assert zh == f"{word} X1 在本软件之外被改动过"


def test_summary_in_chinese_gives_the_first_problem_in_chinese(journal: Journal) -> None:
    entry = journal.add_entry(EntryDraft(kind="note", summary="a note"))
    conn = journal.db.conn
    conn.execute("UPDATE entries SET summary = 'changed behind the app' WHERE id = ?", (entry.id,))
    conn.commit()
    result = journal.verify()
    assert not result.ok
    lines = verifytext.summary(result, "zh").lines
    assert f"发现的第一个问题：记录 {entry.id} 在本软件之外被改动过" in lines[0]
    assert "changed outside" not in lines[0]


def test_stale_warning_sign_facts_are_a_coded_problem_said_in_chinese(journal: Journal) -> None:
    entry = journal.add_entry(EntryDraft(kind="note", summary="a note"))
    conn = journal.db.conn
    conn.execute("DELETE FROM sign_facts WHERE entry_id = ?", (entry.id,))
    conn.commit()
    result = journal.verify()
    assert result.issues == [VerifyProblem("sign_facts_stale_one", {"n": 1})]
    assert result.problems == [("the warning-sign facts of 1 entry are out of date (they are "
                               "rebuilt when the journal is next opened for writing)")]
    assert verifytext.problem_text(result.issues[0], "zh") == (
        "1 条记录的警示信号依据已过期（下次以可写方式打开日志时会重建）")
