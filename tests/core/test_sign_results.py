"""The warning signs' results kept in the journal (schema v9, store/signresults.py): read instead
of running the rules only while nothing the rules read has changed, equal to a fresh evaluation
after every kind of change, kept by a writable journal and never by a read-only one, and a failed
write of them changes nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from test_signs_cases import LIU, WANG, build_in_journal

from journal.core import schema
from journal.core.crypto import FAST_PARAMS
from journal.core.importers import import_file
from journal.core.models import EntryDraft
from journal.core.signs import SignResult, evaluate, evaluate_journal, fastrules, signs_to_json
from journal.core.signs import facts as sign_facts
from journal.core.store import READ, Journal, signresults

CST = timezone(timedelta(hours=8))
PASSPHRASE = "correct horse 电池 staple"  # as in conftest.py
DATA = Path(__file__).resolve().parent.parent / "data" / "imports"

Found = dict[str, tuple[str | None, list[str]]]


def fresh_found(j: Journal) -> Found:
    """What the rules find now from the stored facts (never the kept result)."""
    with j.sign_fact_table() as table:
        return fastrules.evidence_ids(fastrules.find(table, j.list_persons()))


def kept_found(j: Journal) -> Found | None:
    kept = j.kept_sign_results()
    return None if kept is None else kept.found


def reference(j: Journal) -> list[SignResult]:
    """The full evaluation from every live entry's text."""
    return evaluate(j.list_entries(include_deleted=False, newest_first=False), j.list_persons())


def rules_must_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_a: Any, **_k: Any) -> None:
        raise AssertionError("the rules ran although the kept result is current")

    monkeypatch.setattr(fastrules, "find", fail)


def outputs(results: list[SignResult]) -> str:
    """Everything an evaluation gives, as text: JSON with every reason, zh and en."""
    return json.dumps([signs_to_json(results, lang, all_reasons=True) for lang in ("zh", "en")],
                      ensure_ascii=False, sort_keys=True)


def test_a_kept_result_is_read_instead_of_running_the_rules_and_gives_the_same_output(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    build_in_journal(journal, LIU)
    build_in_journal(journal, WANG)
    assert journal.kept_sign_results() is None  # nothing evaluated yet
    first = evaluate_journal(journal)
    assert first  # these journals show signs: the comparison means something
    assert kept_found(journal) == fresh_found(journal)
    with monkeypatch.context() as m:
        rules_must_not_run(m)
        again = evaluate_journal(journal)
    assert outputs(again) == outputs(first)
    assert again == first


def test_a_kept_result_is_compact_and_in_the_encrypted_database_only(journal: Journal) -> None:
    build_in_journal(journal, LIU)
    evaluate_journal(journal)
    data = journal.db.one("SELECT data FROM sign_results")[0]
    found = kept_found(journal)
    assert found is not None
    ids = [i for _level, evidence in found.values() for i in evidence]
    assert ids and all(i.encode() not in data for i in ids)  # compressed, not the ids as text
    raw = b"".join(p.read_bytes() for p in journal.path.parent.iterdir()
                   if p.name.startswith(journal.path.name) and p.is_file())
    assert not any(i.encode() in raw for i in ids)  # the file and its WAL are encrypted


def _add(j: Journal, ids: dict[str, str]) -> None:
    j.add_entry(EntryDraft(kind="contact", summary="她让我删掉聊天记录，不要告诉任何人",
                           occurred_at=datetime(2024, 3, 20, 10, tzinfo=CST), persons=[ids["xm"]]))


def _edit(j: Journal, ids: dict[str, str]) -> None:
    j.edit_entry(ids["L01"], EntryDraft(details="She asked me to move to Telegram and to delete"
                                        " our chats; keep it secret from my teachers."))


def _trash(j: Journal, ids: dict[str, str]) -> None:
    j.delete_entry(ids["L02"])


def _restore(j: Journal, ids: dict[str, str]) -> None:
    j.restore_entry(ids["L02"])


def _family(j: Journal, ids: dict[str, str]) -> None:
    j.update_person(ids["xm"], role="母亲")


def _role_back(j: Journal, ids: dict[str, str]) -> None:
    j.update_person(ids["xm"], role="")


def _person_trash(j: Journal, ids: dict[str, str]) -> None:
    j.delete_person(ids["xm"])


def _import(j: Journal, ids: dict[str, str]) -> None:
    import_file(j, "csv", DATA / "csv/chat.csv", tz="Asia/Shanghai")


def _rebuild(j: Journal, ids: dict[str, str]) -> None:
    # the facts made by other rules (another version of the program): rebuilt, each row anew
    with j.transaction():
        j.db.conn.execute("UPDATE sign_facts SET flags = 0")  # (what other rules might store)
        j.db.conn.execute("DELETE FROM meta WHERE key = 'sign_facts_stamp'")
    assert j.kept_sign_results() is None  # facts not current: nothing kept is read
    assert j.rebuild_sign_facts()


# what comes before the change (evaluated and kept before it)
BEFORE: dict[str, Callable[[Journal, dict[str, str]], None]] = {
    "restore": _trash, "person's role given back": _family}
CHANGES: dict[str, Callable[[Journal, dict[str, str]], None]] = {
    "add": _add, "edit": _edit, "trash": _trash, "restore": _restore,
    "person becomes family": _family, "person's role given back": _role_back,
    "person trashed": _person_trash, "import": _import, "facts rebuilt": _rebuild,
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_every_change_the_rules_read_makes_the_kept_result_stale_and_the_next_is_fresh(
        journal: Journal, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    ids = build_in_journal(journal, LIU)
    if change in BEFORE:
        BEFORE[change](journal, ids)
    evaluate_journal(journal)
    before = kept_found(journal)
    assert before is not None
    CHANGES[change](journal, ids)
    if change != "facts rebuilt":  # (the same rules rebuilt the same facts)
        assert fresh_found(journal) != before, "the change must matter to the signs"
    # the kept result no longer describes the journal: it is not read ...
    assert journal.kept_sign_results() is None
    # ... the rules run (the results equal the evaluation from the entries' text) and keep theirs
    results = evaluate_journal(journal)
    assert results == reference(journal)
    assert kept_found(journal) == fresh_found(journal)
    with monkeypatch.context() as m:
        rules_must_not_run(m)
        assert outputs(evaluate_journal(journal)) == outputs(results)


def test_a_dismissal_is_read_live_beside_a_kept_result(journal: Journal,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.signs import dismiss

    build_in_journal(journal, LIU)
    first = evaluate_journal(journal)
    dismiss(journal, first[0].id, "我们认识很多年了")
    with monkeypatch.context() as m:
        rules_must_not_run(m)
        again = evaluate_journal(journal)
    assert again[0].dismissed is not None and again[0].dismissed.reason == "我们认识很多年了"
    assert [r.dismissed for r in again[1:]] == [None] * (len(again) - 1)


def test_a_result_kept_by_other_rules_is_not_read(journal: Journal,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    build_in_journal(journal, LIU)
    evaluate_journal(journal)
    assert journal.kept_sign_results() is not None
    monkeypatch.setattr(sign_facts, "RULES_VERSION", sign_facts.RULES_VERSION + 1)
    signresults.rules_stamp.cache_clear()
    try:
        assert journal.kept_sign_results() is None
    finally:
        monkeypatch.undo()
        signresults.rules_stamp.cache_clear()
    assert journal.kept_sign_results() is not None


def test_a_change_made_while_the_rules_run_is_not_kept(journal: Journal,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ids = build_in_journal(journal, LIU)
    real_find = fastrules.find

    def find_while_a_save_lands(table: Any, persons: Any) -> Any:
        found = real_find(table, persons)
        _add(journal, ids)  # (the window's thread saving during a background evaluation)
        return found

    monkeypatch.setattr(fastrules, "find", find_while_a_save_lands)
    evaluate_journal(journal)
    monkeypatch.undo()
    assert journal.kept_sign_results() is None
    assert journal.db.one("SELECT count(*) FROM sign_results")[0] == 0


def test_a_failed_write_of_the_result_changes_nothing_and_is_no_error(
        journal: Journal) -> None:
    build_in_journal(journal, LIU)
    conn = journal.db.conn
    conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON sign_results BEGIN"
                 " SELECT RAISE(ABORT, 'disk full'); END")
    conn.commit()
    head = journal.head_hash()
    generation = journal.sign_results_generation()
    results = evaluate_journal(journal)  # no exception
    assert results == reference(journal)
    assert journal.db.one("SELECT count(*) FROM sign_results")[0] == 0
    assert journal.head_hash() == head
    assert journal.sign_results_generation() == generation


def test_a_read_only_open_with_a_stale_result_evaluates_and_keeps_nothing(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = build_in_journal(journal, LIU)
    evaluate_journal(journal)
    kept = journal.db.one("SELECT generation, data FROM sign_results")
    _add(journal, ids)
    path = journal.path
    journal.close()
    with Journal.open(path, PASSPHRASE, mode=READ) as j:
        assert j.kept_sign_results() is None
        assert evaluate_journal(j) == reference(j)
        assert tuple(j.db.one("SELECT generation, data FROM sign_results")) == tuple(kept)
    with Journal.open(path, PASSPHRASE) as j:  # a writer evaluates and keeps it
        evaluate_journal(j)
        expected = fresh_found(j)
    with Journal.open(path, PASSPHRASE, mode=READ) as j:  # a reader then reads it
        assert kept_found(j) == expected
        with monkeypatch.context() as m:
            rules_must_not_run(m)
            assert evaluate_journal(j) == reference(j)


def test_a_v8_journal_is_brought_to_v9_and_its_changes_move_the_generation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v8.ijournal"
    with Journal.create(path, PASSPHRASE, kdf=FAST_PARAMS) as j:
        ids = build_in_journal(j, LIU)
        with j.transaction():  # back to what schema v8 made
            for table, event in schema.GENERATION_TRIGGERS:
                j.db.conn.execute(
                    f"DROP TRIGGER {schema.generation_trigger_name(table, event)}")
            j.db.conn.execute("DROP TABLE sign_results")
            j.db.conn.execute("DROP TABLE sign_generation")
            j.db.conn.execute("PRAGMA user_version = 8")
    steps: list[str] = []
    with Journal.open(path, PASSPHRASE, on_upgrade=lambda s: steps.append(s.key)) as j:
        assert j.schema_version() == 9
        assert steps[:2] == ["backup", "schema"]
        assert j.verify().ok
        assert j.kept_sign_results() is None
        assert evaluate_journal(j) == reference(j)
        assert kept_found(j) == fresh_found(j)
        _trash(j, ids)
        assert j.kept_sign_results() is None
        assert evaluate_journal(j) == reference(j)
    shutil.rmtree(tmp_path / "backups", ignore_errors=True)


def test_kept_ids_round_trip_whether_they_are_the_stores_hex_ids_or_any_other_text() -> None:
    from journal.core.signs.kept import Kept

    found: Found = {sign_id: (None, []) for sign_id in signresults.SIGN_IDS}
    found["WS-SECRECY"] = ("present", ["0123456789ab", "ba9876543210"])
    found["WS-PRESSURE"] = ("possible", ["imported-7", "条目 8", "0123456789ab"])
    found["WS-VAGUE-IDENTITY"] = ("present", ["fedcba987654"])
    kept = Kept(found, {"WS-VAGUE-IDENTITY": ["p1", "人物2"]})
    data = signresults.encode(kept)
    assert signresults.decode(data) == kept
    assert bytes.fromhex("0123456789abba9876543210") in data  # 6 bytes an id
    with pytest.raises(ValueError):
        signresults.decode(data[:-1])


def test_a_backup_and_a_rekeyed_journal_keep_the_triggers_that_move_the_generation(
        journal: Journal, tmp_path: Path) -> None:
    ids = build_in_journal(journal, LIU)
    evaluate_journal(journal)
    journal.backup(tmp_path / "copy.ijbackup")
    journal.rekey("another passphrase 密码 x", kdf=FAST_PARAMS)
    assert journal.kept_sign_results() is not None
    _trash(journal, ids)
    assert journal.kept_sign_results() is None
    with Journal.open(tmp_path / "copy.ijbackup", PASSPHRASE) as copy:
        assert copy.kept_sign_results() is not None
        _trash(copy, ids)
        assert copy.kept_sign_results() is None
        assert evaluate_journal(copy) == reference(copy)
