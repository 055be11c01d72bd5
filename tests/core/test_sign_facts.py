"""The stored warning-sign facts give exactly the results of the full evaluation (the reference,
which reads every entry's text), on every test journal and after adds, edits, trash and restore;
they are rebuilt when the rules change, kept encrypted, and verify says when they are stale."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import signs_corpus as corpus  # tests/core is on sys.path (pytest rootdir-relative import)
from test_signs_cases import CASES, build_in_journal

from journal.core import schema
from journal.core.crypto import FAST_PARAMS
from journal.core.demo import build_demo
from journal.core.models import EntryDraft
from journal.core.signs import SignResult, evaluate, evaluate_journal
from journal.core.signs import facts as sign_facts
from journal.core.store import READ, Journal

CST = timezone(timedelta(hours=8))
PASSPHRASE = "correct horse 电池 staple"  # as in conftest.py


def reference(j: Journal) -> list[SignResult]:
    """The full evaluation: every live entry's text read and matched now."""
    return evaluate(j.list_entries(include_deleted=False, newest_first=False), j.list_persons())


def from_facts(j: Journal, monkeypatch: pytest.MonkeyPatch) -> list[SignResult]:
    """evaluate_journal() as the window and the CLI call it, proven to read no entry."""
    assert j.sign_facts_current()
    with monkeypatch.context() as m:
        def no_text(*_a: Any, **_k: Any) -> None:
            raise AssertionError("the stored facts were not used: entries were read")

        m.setattr(j, "list_entries", no_text)
        m.setattr(j, "get_entries", no_text)
        results = evaluate_journal(j)
    for r in results:
        r.dismissed = None  # the reference knows no dismissals (none are set in these journals)
    return results


def assert_same(j: Journal, monkeypatch: pytest.MonkeyPatch) -> list[SignResult]:
    expected = reference(j)
    assert from_facts(j, monkeypatch) == expected
    return expected


def churn(j: Journal, rnd: random.Random, n: int = 12) -> None:
    """Edits, trash and restore of random entries, and a few new ones."""
    ids = j.entry_ids(newest_first=False)
    for eid in rnd.sample(ids, min(n, len(ids))):
        e = j.get_entry(eid)
        action = rnd.choice(["edit", "edit", "trash", "trash-restore", "move"])
        if action == "edit":
            j.edit_entry(eid, EntryDraft(details=e.details + " 他让我别告诉任何人，删掉聊天记录。"
                                         " He offered a new phone and asked me to move to Telegram."))
        elif action == "move":
            j.edit_entry(eid, EntryDraft(occurred_at=e.occurred_at - timedelta(days=40),
                                         summary="Refused: I will not photograph the naval base"))
        else:
            j.delete_entry(eid)
            if action == "trash-restore":
                j.restore_entry(eid)
    persons = [p.id for p in j.list_persons()]
    for k in range(3):
        j.add_entry(EntryDraft(kind="request", summary=f"拍军港的照片 {k}",
                               occurred_at=datetime(2025, 6, 1 + k, 10, tzinfo=CST),
                               persons=persons[:1], task="拍照", target="军港",
                               amount=Decimal(800), currency="CNY", status="asked"))


def test_facts_give_the_full_evaluations_results_on_the_demo_after_adds_edits_trash_and_restore(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for lang in ("zh", "en"):
        j = build_demo(tmp_path / f"demo-{lang}.ijournal", PASSPHRASE, kdf=FAST_PARAMS, lang=lang)
        try:
            assert assert_same(j, monkeypatch)  # the demo shows signs: the comparison means something
            churn(j, random.Random(7))
            assert_same(j, monkeypatch)
        finally:
            j.close()


def test_facts_give_the_full_evaluations_results_on_the_article_cases_after_changes(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    for case in CASES:
        build_in_journal(journal, case)
        assert_same(journal, monkeypatch)
    churn(journal, random.Random(11), n=30)
    assert assert_same(journal, monkeypatch)
    # many ordinary entries: the quotes of the few the signs rest on are looked up one by one
    with journal.transaction():
        for k in range(600):
            journal.add_entry(EntryDraft(kind="note", summary=f"图书馆自习 {k}", details="今天复习了数学。",
                                         occurred_at=datetime(2023, 1, 1, tzinfo=CST)
                                         + timedelta(hours=k)))
    assert assert_same(journal, monkeypatch)


@pytest.mark.parametrize("split", ["train", "heldout", "fresh"])
def test_facts_give_the_full_evaluations_results_on_every_labelled_and_innocent_journal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, split: str) -> None:
    for n, labelled in enumerate(corpus.load(split)):
        j = Journal.create(tmp_path / f"{n}.ijournal", PASSPHRASE, kdf=FAST_PARAMS)
        try:
            corpus.build_in_journal(j, labelled)
            assert_same(j, monkeypatch)
            churn(j, random.Random(n), n=4)
            assert_same(j, monkeypatch)
        finally:
            j.close()


def _texts() -> list[str]:
    """Every summary and details of the labelled journals and the article cases: wording of
    every sign, its refusals and its innocent look-alikes."""
    out = [str(e.get("s", "")) + "\n" + str(e.get("x", ""))
           for split in ("train", "heldout", "fresh") for j in corpus.load(split) for e in j.entries]
    out += [f"{e['summary']}\n{e.get('details', '')}" for c in CASES for e in c.entries]
    return [t for t in out if t.strip()]


def test_facts_give_the_full_evaluations_results_on_a_generated_10000_entry_journal(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    rnd = random.Random(2024)
    texts = _texts()
    people = [journal.add_person("妈妈", role="母亲").id, journal.add_person("王老师", role="辅导员").id]
    people += [journal.add_person(f"联系人{k}", organisation=rnd.choice(["某咨询公司", "", "一家杂志"]),
                                  platform=rnd.choice(["兼职群", "LinkedIn", ""])).id
               for k in range(18)]
    start = datetime(2020, 1, 1, 9, tzinfo=CST)
    with journal.transaction():
        for i in range(10_000):
            kind = rnd.choice(["contact", "contact", "meeting", "request", "payment", "gift",
                               "note", "threat", "report"])
            extra: dict[str, Any] = {}
            if kind == "payment":
                extra = {"amount": Decimal(rnd.choice(["150", "300", "2000"])),
                         "currency": rnd.choice(["CNY", "USD"]),
                         "method": rnd.choice(["wechat", "cash", "crypto", "other"]),
                         "direction": rnd.choice(["received", "sent", "promised"])}
            elif kind == "gift":
                extra = {"item": rnd.choice(["手机", "a scarf", "camera", "phone case"]),
                         "value": Decimal(rnd.choice(["80", "1999"])), "currency": "CNY"}
            elif kind == "request":
                extra = {"task": rnd.choice(["拍照", "填问卷", "collect documents", ""]) or None,
                         "target": rnd.choice(["军港", "the beach", None]),
                         "status": rnd.choice(["asked", "refused", "done"]),
                         "amount": rnd.choice([None, Decimal(500)]), "currency": "CNY"}
            elif kind in ("contact", "meeting"):
                extra = {"medium": rnd.choice(["chat", "call", "video", "in_person"]),
                         "initiated_by": rnd.choice(["them", "me"])}
            text = rnd.choice(texts)
            summary, _, details = text.partition("\n")
            journal.add_entry(EntryDraft(
                kind=kind, summary=summary[:80] or "…", details=details,
                occurred_at=start + timedelta(hours=7 * i + rnd.randint(0, 5)), precision="exact",
                persons=rnd.sample(people, rnd.choice([0, 1, 1, 1, 2])),
                channel=rnd.choice(["微信", "WeChat", "Telegram", "Signal", "", "QQ"]), **extra))
    expected = assert_same(journal, monkeypatch)
    assert len(expected) >= 10  # nearly every sign shows: a rich comparison
    churn(journal, rnd, n=40)
    assert_same(journal, monkeypatch)


def test_changed_rules_rebuild_the_facts_on_opening_with_progress(
        journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    j = Journal.create(journal_path, PASSPHRASE, kdf=FAST_PARAMS)
    build_in_journal(j, CASES[0])
    expected = reference(j)
    j.close()
    monkeypatch.setattr(sign_facts, "STAMP", "rules of another version")
    seen: list[tuple[int, int]] = []
    with Journal.open(journal_path, PASSPHRASE, progress=lambda d, t: seen.append((d, t))) as j:
        total = j.count_entries()
        assert seen[0] == (0, total) and seen[-1] == (total, total)
        stamp = j.db.one("SELECT value FROM meta WHERE key = 'sign_facts_stamp'")[0]
        assert stamp == "rules of another version"
        assert from_facts(j, monkeypatch) == expected


def test_facts_stored_before_the_says_is_cue_are_rebuilt_and_then_raise_the_identity_sign(
        journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.signs import vocab

    new = vocab.VAGUE_ID_WEAK
    without = vocab.Vocab(new.name, tuple(t for t in new.zh if not t.startswith("说")), new.en)
    with monkeypatch.context() as m:  # the stamp of the vocabulary as it was before the cue
        m.setattr(vocab, "VAGUE_ID_WEAK", without)
        old_stamp = sign_facts._stamp()
    assert old_stamp != sign_facts.STAMP
    j = Journal.create(journal_path, PASSPHRASE, kdf=FAST_PARAMS)
    eid = j.add_entry(EntryDraft(kind="contact", summary="张总加我微信，说是海洋调查公司的",
                                 occurred_at=datetime(2024, 3, 1, tzinfo=CST))).id
    bit = sign_facts.has_mask(vocab.VAGUE_ID_WEAK)
    with j.transaction():  # the facts as the earlier rules stored them: no identity claim
        j.db.conn.execute("UPDATE sign_facts SET flags = flags & ?", (~bit,))
        j.db.conn.execute("UPDATE meta SET value = ? WHERE key = 'sign_facts_stamp'", (old_stamp,))
    j.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.sign_facts_current()
        assert j.db.one("SELECT flags & ? FROM sign_facts WHERE entry_id = ?", (bit, eid))[0] == bit
        vague = {r.id: r for r in from_facts(j, monkeypatch)}["WS-VAGUE-IDENTITY"]
        assert vague.level == "possible" and vague.evidence == [eid]


def test_a_read_only_journal_with_facts_of_other_rules_is_evaluated_from_its_text(
        journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    j = Journal.create(journal_path, PASSPHRASE, kdf=FAST_PARAMS)
    build_in_journal(j, CASES[1])
    expected = reference(j)
    j.close()
    monkeypatch.setattr(sign_facts, "STAMP", "rules of another version")
    with Journal.open(journal_path, PASSPHRASE, mode=READ) as j:
        assert not j.sign_facts_current()
        assert evaluate_journal(j) == expected


def test_the_v6_migration_gives_an_older_journal_its_facts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.ijournal"
    j = Journal.create(path, PASSPHRASE, kdf=FAST_PARAMS)
    build_in_journal(j, CASES[2])
    expected = reference(j)
    # make it a v5 file, as the previous release wrote it
    with j.transaction():
        j.db.conn.execute("DROP TABLE sign_facts")
        j.db.conn.execute("DROP INDEX entries_revision")
        j.db.conn.execute("DELETE FROM meta WHERE key = 'sign_facts_stamp'")
        for table in ("overview_facts", "overview_days", "overview_months", "overview_money",
                      "overview_channels"):  # v7's
            j.db.conn.execute(f"DROP TABLE {table}")
        j.db.conn.execute("PRAGMA user_version = 5")
    j.close()
    with Journal.open_with_key(path, Journal.derive(path, PASSPHRASE), backup_dir=tmp_path / "b") as j:
        assert j.schema_version() == schema.CURRENT_VERSION >= 7
        assert j.stale_sign_facts() == 0
        assert from_facts(j, monkeypatch) == expected


def test_verify_says_when_the_facts_are_stale(journal: Journal) -> None:
    ids = build_in_journal(journal, CASES[0])
    assert journal.verify().ok
    with journal.transaction():
        journal.db.conn.execute("UPDATE sign_facts SET revision = revision - 1 WHERE entry_id = ?",
                                (ids["L09"],))
    result = journal.verify()
    assert not result.ok
    assert "the warning-sign facts of 1 entry are out of date" in result.problems[-1]


def test_the_facts_are_inside_the_encrypted_file(journal: Journal, journal_path: Path) -> None:
    journal.add_entry(EntryDraft(kind="gift", summary="Zephyrine gave me a drone", item="drone",
                                 occurred_at=datetime(2025, 1, 2, tzinfo=CST)))
    journal.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert journal.db.one("SELECT count(*) FROM sign_facts")[0] == 1
    raw = b"".join(p.read_bytes() for p in journal_path.parent.iterdir() if p.is_file())
    assert b"Zephyrine" not in raw and b"drone" not in raw


def test_separator_characters_in_the_text_do_not_break_the_stored_quotes(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stored quotes are split on control characters; text holding them quotes the same."""
    p = journal.add_person("陈经理", organisation="某咨询公司")
    journal.add_entry(EntryDraft(
        kind="gift", summary="他送了我\x1e一部新手机\x1f，说不要告诉别人", item="手机\x1e\x1f",
        details="he said\x1f keep it secret\x1e and move to Telegram", persons=[p.id],
        occurred_at=datetime(2025, 1, 2, tzinfo=CST)))
    assert {r.id for r in assert_same(journal, monkeypatch)} >= {"WS-DEVICE-GIFT", "WS-SECRECY"}


def test_a_file_numbered_7_without_the_sign_facts_gets_them_on_a_writing_open(
        journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Development files were numbered 7 (the overview's aggregates) before v6 was merged."""
    j = Journal.create(journal_path, PASSPHRASE, kdf=FAST_PARAMS)
    build_in_journal(j, CASES[3])
    expected = reference(j)
    with j.transaction():
        j.db.conn.execute("DROP TABLE sign_facts")
        j.db.conn.execute("DROP INDEX entries_revision")
        j.db.conn.execute("DELETE FROM meta WHERE key = 'sign_facts_stamp'")
    j.close()
    with Journal.open(journal_path, PASSPHRASE, mode=READ) as j:  # read-only: from the text
        assert evaluate_journal(j) == expected
        assert not j.verify().ok
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.stale_sign_facts() == 0
        assert from_facts(j, monkeypatch) == expected
