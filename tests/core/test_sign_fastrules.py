"""The rules answered from the stored facts' columns (core/signs/fastrules.py) give the reference's
results in the cases its shortcuts must get right: entries at the same instant (the first entry
of a person and of a channel), family-only and unlinked entries, a journal without any
counterpart; the facts' table of an older layout is made anew; and only the entries a sign rests
on become per-entry objects."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from test_sign_facts import assert_same, churn, from_facts, reference
from test_signs_cases import CASES, build_in_journal

from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft
from journal.core.signs import evaluate_journal, fastrules
from journal.core.signs import facts as sign_facts
from journal.core.store import Journal

CST = timezone(timedelta(hours=8))
PASSPHRASE = "correct horse 电池 staple"  # as in conftest.py

# wording of several signs, in both languages, and its innocent look-alikes
_TEXTS = [
    "他说我们很有缘分，叫我宝贝", "She calls me darling and says I am special to her",
    "他让我去拍军港的照片，一次给800元", "He asked me to photograph the naval base for 500 USD",
    "我拒绝了，不会再拍军舰", "I refused to take photos of the airfield",
    "他让我下载Telegram，说微信不安全", "She wants us to move to Signal and open a new account",
    "他叫我别告诉任何人，删掉聊天记录", "Keep this secret, do not tell your teacher",
    "他送我一部新手机", "She sent me a drone as a gift",
    "他帮我付了军港附近的房租", "They paid for my hotel near the base",
    "如果你不继续，我就把照片发给你学校", "You must continue, you have no choice",
    "公司的名字查不到，他不肯视频", "He refuses video calls and his company has no website",
    "今天和同学去图书馆", "We took photos of the sunset on a walk",
    "高薪兼职，拍拍风景就行", "A part-time job: fill in a survey about your school, 300 CNY",
]


def _generated(j: Journal, rnd: random.Random, people: list[str], n: int) -> None:
    """``n`` entries on few instants (many at the same time), persons drawn from ``people``
    (family, counterparts or none), channels that differ only in case and spaces."""
    instants = [datetime(2024, 3, 1, 9, tzinfo=CST) + timedelta(days=rnd.randint(0, 60))
                for _ in range(12)]
    with j.transaction():
        for _ in range(n):
            kind = rnd.choice(["contact", "meeting", "request", "payment", "gift", "note",
                               "threat", "report"])
            extra: dict[str, Any] = {}
            if kind == "payment":
                extra = {"amount": Decimal(rnd.choice(["150", "300", "2000"])),
                         "currency": rnd.choice(["CNY", "USD"]),
                         "method": rnd.choice(["wechat", "cash", "crypto"]),
                         "direction": rnd.choice(["received", "sent", "promised"])}
            elif kind == "gift":
                extra = {"item": rnd.choice(["手机", "a scarf"]),
                         "value": Decimal(rnd.choice(["80", "1999"])), "currency": "CNY"}
            elif kind == "request":
                extra = {"task": rnd.choice(["拍照", "填问卷", None]),
                         "target": rnd.choice(["军港", "the beach", None]),
                         "status": rnd.choice(["asked", "refused", "done"]),
                         "amount": rnd.choice([None, Decimal(500)]), "currency": "CNY"}
            elif kind in ("contact", "meeting"):
                extra = {"medium": rnd.choice(["chat", "video", "in_person"]),
                         "initiated_by": rnd.choice(["them", "me"])}
            j.add_entry(EntryDraft(
                kind=kind, summary=rnd.choice(_TEXTS), details=rnd.choice(["", *_TEXTS]),
                occurred_at=rnd.choice(instants), precision="exact",
                persons=rnd.sample(people, min(len(people), rnd.choice([0, 1, 1, 2]))),
                channel=rnd.choice(["微信", "WeChat", "wechat", "We Chat", "Telegram", "Signal",
                                    ""]), **extra))


@pytest.mark.parametrize("who", ["counterparts-family-and-none", "family-or-none", "none"])
def test_facts_give_the_reference_results_with_entries_at_the_same_instant(
        journal: Journal, monkeypatch: pytest.MonkeyPatch, who: str) -> None:
    family = [journal.add_person("妈妈", role="母亲").id, journal.add_person("王老师", role="辅导员").id]
    people = {"counterparts-family-and-none": family + [
        journal.add_person(f"联系人{k}", organisation="某咨询公司", platform="兼职平台").id
        for k in range(4)], "family-or-none": family, "none": []}[who]
    rnd = random.Random(who)
    _generated(journal, rnd, people, 400)
    expected = assert_same(journal, monkeypatch)
    assert len(expected) >= 6  # a comparison of many signs, not of an empty list
    churn(journal, rnd, n=30)
    assert_same(journal, monkeypatch)


def test_a_recruiter_without_job_wording_is_found_from_the_facts(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """WS-JOB-OFFER's structure without wording: paid requests from a person found on a
    part-time job platform."""
    p = journal.add_person("李先生", platform="兼职平台").id
    for day in range(3):
        journal.add_entry(EntryDraft(kind="request", summary="拍几张码头的照片", task="拍照",
                                     amount=Decimal(300), currency="CNY", persons=[p],
                                     occurred_at=datetime(2025, 5, 1 + day, tzinfo=CST)))
    assert "WS-JOB-OFFER" in {r.id for r in assert_same(journal, monkeypatch)}


def test_facts_of_an_older_layout_are_made_anew_and_give_the_same_results(
        journal_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    j = Journal.create(journal_path, PASSPHRASE, kdf=FAST_PARAMS)
    build_in_journal(j, CASES[0])
    expected = reference(j)
    with j.transaction():  # as FACTS_CODE_VERSION 2 left it: no indexes, another stamp
        j.db.conn.execute("DROP INDEX sign_facts_rules")
        j.db.conn.execute("DROP INDEX sign_facts_people")
        j.db.conn.execute("ALTER TABLE sign_facts ADD COLUMN layout_of_old TEXT")
        j.db.conn.execute("UPDATE meta SET value = 'facts 2' WHERE key = 'sign_facts_stamp'")
    j.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.sign_facts_current()
        indexes = {r[0] for r in j.db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sign_facts'")}
        assert {"sign_facts_rules", "sign_facts_people", "sign_facts_revision"} <= indexes
        columns = {r[1] for r in j.db.conn.execute("PRAGMA table_info(sign_facts)")}
        assert "layout_of_old" not in columns
        assert from_facts(j, monkeypatch) == expected


def test_a_new_journal_has_the_facts_indexes(journal: Journal) -> None:
    plan = " ".join(str(r[3]) for r in journal.db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT entry_id, flags FROM sign_facts WHERE live = 1"
        " ORDER BY occurred_us, recorded_us, entry_id"))
    assert "COVERING INDEX sign_facts_rules" in plan


def test_only_the_entries_the_signs_rest_on_become_per_entry_objects(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    build_in_journal(journal, CASES[0])
    with journal.transaction():
        for k in range(300):  # ordinary days: no sign rests on them
            journal.add_entry(EntryDraft(kind="note", summary=f"图书馆自习 {k}", details="复习数学。",
                                         occurred_at=datetime(2023, 1, 1, tzinfo=CST)
                                         + timedelta(hours=k)))
    made: list[str] = []
    real_init = sign_facts.FactDoc.__init__

    def counting(self: sign_facts.FactDoc, entry: sign_facts.FactEntry, *a: Any) -> None:
        made.append(entry.id)
        real_init(self, entry, *a)

    monkeypatch.setattr(sign_facts.FactDoc, "__init__", counting)
    results = evaluate_journal(journal)
    evidence = {i for r in results for i in r.evidence}
    assert evidence and sorted(made) == sorted(evidence)


def test_the_page_cache_is_enlarged_while_the_rules_read_and_set_back_after(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    build_in_journal(journal, CASES[0])
    before = journal.db.one("PRAGMA cache_size")[0]
    seen: list[int] = []
    real_find = fastrules.find

    def find(table: Any, persons: Any) -> Any:
        seen.append(journal.db.one("PRAGMA cache_size")[0])
        return real_find(table, persons)

    monkeypatch.setattr(fastrules, "find", find)
    evaluate_journal(journal)
    assert seen == [-64 * 1024] and before == -16000
    assert journal.db.one("PRAGMA cache_size")[0] == before


def test_facts_give_the_reference_results_with_more_family_only_persons_values_than_sql_parameters_listed(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past 20 values a list (the family-only persons values a rule skips, the persons values
    related to a disproportionate pay) is handed to SQLite as one JSON parameter."""
    family = [journal.add_person(f"亲戚{k}", role="表哥").id for k in range(8)]
    others = [journal.add_person(f"联系人{k}", organisation="某咨询公司", platform="兼职平台").id
              for k in range(8)]
    rnd = random.Random(21)
    _generated(journal, rnd, family + others, 600)
    persons_values = {r[0] for r in journal.db.conn.execute(
        "SELECT DISTINCT persons FROM sign_facts WHERE live = 1")}
    family_only = [x for x in persons_values if x and set(x.split()) <= set(family)]
    assert len(family_only) > 20  # the JSON parameter is what is compared
    assert len(assert_same(journal, monkeypatch)) >= 6


def test_a_persons_first_entry_other_than_a_report_is_read_again_when_their_first_is_a_report(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """WS-VAGUE-IDENTITY rests on a person's first entry other than a report: when their first
    entry of all is a report, the facts of that persons value are read again for it."""
    p = journal.add_person("赵先生", organisation="某咨询公司").id
    journal.add_entry(EntryDraft(kind="report", summary="向老师报告了赵先生", persons=[p],
                                 occurred_at=datetime(2025, 3, 1, 9, tzinfo=CST)))
    contact = journal.add_entry(EntryDraft(kind="contact", summary="赵先生加了我微信", persons=[p],
                                           occurred_at=datetime(2025, 3, 2, 9, tzinfo=CST)))
    results = assert_same(journal, monkeypatch)
    vague = [r for r in results if r.id == "WS-VAGUE-IDENTITY"]
    assert vague and vague[0].evidence == [contact.id]


def test_entries_asked_for_by_id_are_first_picked_by_when_they_occurred(
        journal: Journal) -> None:
    """A rule that reads given entries among its rows (a person's moves between channels, their
    first entries) also names when they occurred: SQLite compares that integer first and looks
    the id up only for the rows at those times; a row at another time is not read."""
    from journal.core.signs.factrows import Match

    at = datetime(2025, 3, 1, 9, tzinfo=CST)
    one = journal.add_entry(EntryDraft(kind="contact", summary="一", occurred_at=at))
    two = journal.add_entry(EntryDraft(kind="contact", summary="二", occurred_at=at))
    journal.add_entry(EntryDraft(kind="note", summary="三", occurred_at=at + timedelta(days=1)))
    when = sign_facts.micros(at)
    with journal.sign_fact_table() as table:
        assert [r[2] for r in table.rows(Match(ids=(one.id,), at=(when,)))] == [one.id]
        assert table.ids(Match(ids=(one.id, two.id), at=(when,)), groups=[[Match()]]) == [
            [one.id, two.id]]  # (the same instant: in the order they were recorded)
        # the time is a condition of its own: the entry at another time is not read
        assert table.rows(Match(ids=(one.id,), at=(when + 1,))) == []
        # both conditions: the times hold those of the ids both have
        both = Match(ids=(one.id, two.id), at=(when,)).also(Match(ids=(two.id,), at=(when,)))
        assert [r[2] for r in table.rows(both)] == [two.id]


def test_the_persons_of_vague_identitys_evidence_come_from_its_own_read(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """The persons of WS-VAGUE-IDENTITY's evidence (kept with the result for its reasons) are
    those its rule read with the ids: no second pass over the facts looking every id up."""
    zhao = journal.add_person("赵先生", organisation="某咨询公司").id
    qian = journal.add_person("钱女士", organisation="某咨询公司").id
    for day, persons in enumerate([[zhao], [qian, zhao], [qian]]):
        journal.add_entry(EntryDraft(kind="contact", summary="加了我微信", persons=persons,
                                     occurred_at=datetime(2025, 3, 2 + day, 9, tzinfo=CST)))
    with journal.sign_fact_table() as table:
        level, ids = fastrules.find(table, journal.list_persons())["WS-VAGUE-IDENTITY"]
        assert level is not None and len(ids) >= 2
        reads: list[str] = []
        real = table._all

        def counted(sql: str, params: Any) -> Any:
            reads.append(sql)
            return real(sql, params)

        monkeypatch.setattr(table, "_all", counted)
        persons = fastrules.evidence_persons(table, ids)
        assert reads == []
    with journal.sign_fact_table() as fresh:  # (nothing kept: read)
        assert fastrules.evidence_persons(fresh, ids) == persons == [zhao, qian]


def test_the_cyclic_collector_waits_while_the_rules_run_and_is_left_as_it_was(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' many short-lived rows hold no cycles: the collector is off while they run
    (it would only walk them), then as it was before, also after an error."""
    import gc

    build_in_journal(journal, CASES[0])
    seen: list[bool] = []
    real = fastrules.pressure

    def pressure(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(fastrules, "pressure", pressure)
    assert gc.isenabled()
    with journal.sign_fact_table() as table:
        fastrules.find(table, journal.list_persons())
        assert seen == [False] and gc.isenabled()
        gc.disable()
        try:
            fastrules.find(table, journal.list_persons())
            assert not gc.isenabled()
        finally:
            gc.enable()

        def failing(*args: Any) -> Any:
            raise RuntimeError("a rule failed")

        monkeypatch.setattr(fastrules, "pressure", failing)
        with pytest.raises(RuntimeError):
            fastrules.find(table, journal.list_persons())
        assert gc.isenabled()
