"""Reasons worded on request (issue 17): a sign's result keeps its evidence, not a reason per
evidence entry; `journal-cli signs` lists the reasons of the first 20 evidence entries (and says
how many are left out) unless --all-reasons asks for every one.

The small test journals (signs resting on at most 20 entries each) give the outputs they gave
before: compared with the digests in tests/data/signs/ (see signs_outputs.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import signs_outputs as so  # tests/core is on sys.path

from journal.core.models import EntryDraft
from journal.core.report.data import load_signs
from journal.core.report.options import ReportOptions
from journal.core.report.text import build_text
from journal.core.signs import REASONS_LISTED, evaluate, evaluate_journal, reasons
from journal.core.store import READ, Journal

CST = timezone(timedelta(hours=8))
DAY0 = datetime(2025, 1, 6, 10, 0, tzinfo=CST)
NOT_LISTED_0 = '    "reasons_not_listed": 0,\n'


def test_small_journals_give_the_same_json_text_and_report_as_before_in_both_languages(
        tmp_path: Path) -> None:
    before = so.before()
    names = [name for name, _ in so.small_journals()]
    assert sorted(names) == sorted(before)  # every small journal of the reference is here
    for name, make in so.small_journals():
        path = tmp_path / f"{name}.ijournal"
        make(path).close()
        now = so.outputs(path)
        with so.keys_once():
            with Journal.open(path, so.PASS, mode=READ) as j:
                ids = so.Names(j)
            every_json = {lang: ids.text(so.cli(path, lang, "signs", "--json", "--all-reasons"),
                                         lang) for lang in so.LANGS}
            every_text = {lang: ids.text(so.cli(path, lang, "signs", "--all-reasons"), lang)
                          for lang in so.LANGS}
        for lang in so.LANGS:
            bounded = now[f"json-{lang}"]
            signs = json.loads(bounded)
            assert all(s["reasons_not_listed"] == 0 for s in signs), name
            # the one difference: the new key, 0 on every one of these journals
            assert bounded.count(NOT_LISTED_0) == len(signs), name
            assert so.digest(bounded.replace(NOT_LISTED_0, "")) == before[name][f"json-{lang}"], \
                (name, lang, bounded)
            assert so.digest(every_json[lang]) == before[name][f"json-{lang}"], \
                (name, lang, every_json[lang])
            for face in (f"text-{lang}", f"report-{lang}"):
                assert so.digest(now[face]) == before[name][face], (name, face, now[face])
            assert so.digest(every_text[lang]) == before[name][f"text-{lang}"], \
                (name, lang, every_text[lang])


# --------------------------------------------------------------------- a journal of many
def build_many(j: Journal) -> dict[str, list[str]]:
    """Signs resting on more than 20 entries: 30 photo requests with pay offered, 26 payments
    received (each worded twice: the amount and its words), 24 asks to keep it secret; a
    person whose organisation cannot be checked. Returns the entry ids by group, oldest first."""
    zhang = j.add_person("张经理", organisation="某海洋咨询公司", platform="兼职群").id
    out: dict[str, list[str]] = {"photo": [], "paid": [], "secret": []}
    with j.transaction():
        for k in range(30):
            out["photo"].append(j.add_entry(EntryDraft(
                kind="request", occurred_at=DAY0 + timedelta(days=k), persons=[zhang],
                summary=f"他让我去港口拍军舰的照片（第{k + 1}次）", task="拍军舰的照片",
                target="军港码头", amount=Decimal(600 + k), currency="CNY",
                status="asked")).id)
        for k in range(26):
            out["paid"].append(j.add_entry(EntryDraft(
                kind="payment", occurred_at=DAY0 + timedelta(days=k, hours=3), persons=[zhang],
                summary=f"收到报酬 {k + 1}", details="他用比特币付的，说这是辛苦费。",
                amount=Decimal(2000 + k), currency="CNY", method="crypto",
                direction="received")).id)
        for k in range(24):
            out["secret"].append(j.add_entry(EntryDraft(
                kind="contact", occurred_at=DAY0 + timedelta(days=k, hours=6), persons=[zhang],
                summary=f"他又叮嘱我不要告诉任何人，聊完删掉聊天记录（{k + 1}）",
                channel="Telegram")).id)
    return out


@pytest.fixture
def many(tmp_path: Path) -> Iterator[Journal]:
    j = Journal.create(tmp_path / "many.ijournal", so.PASS, kdf=so.FAST_PARAMS)
    build_many(j)
    yield j
    j.close()


class Counter:
    """Counts the Reason objects made (every reason is one), and which entries' quotes are
    read from the journal."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, j: Journal) -> None:
        self.made: list[reasons.Reason] = []
        self.read: list[str] = []
        real_reason, real_load = reasons.Reason, j.load_sign_words

        def reason(*a: Any, **k: Any) -> reasons.Reason:
            r = real_reason(*a, **k)
            self.made.append(r)
            return r

        def load(docs: Any) -> None:
            self.read += [d.id for d in docs if not d.words_loaded]
            real_load(docs)

        monkeypatch.setattr(reasons, "Reason", reason)
        monkeypatch.setattr(j, "load_sign_words", load)

    def entries(self) -> list[str]:
        return [r.entry_id for r in self.made if r.entry_id is not None]


def test_evaluation_words_no_reason_and_reads_the_quotes_of_the_first_20_entries_alone(
        many: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    count = Counter(monkeypatch, many)
    results = evaluate_journal(many)
    big = [r for r in results if len(r.evidence) > REASONS_LISTED]
    assert len(big) >= 3  # photo task, unusual payment, secrecy at least
    # no entry's reason was worded (only the persons' own: an organisation)
    assert count.entries() == []
    assert {r.field for r in count.made} <= {"organisation"}
    first = {i for r in results for i in r.evidence[:REASONS_LISTED]}
    assert set(count.read) == first  # quotes read for the entries the cards list, no others
    assert len(count.read) == len(set(count.read))
    count.made.clear()
    shown = 0
    for r in results:
        listed = r.first_reasons()
        assert {x.entry_id for x in listed} - {None} == set(r.evidence[:REASONS_LISTED])
        shown += sum(x.entry_id is not None for x in listed)
    # exactly the reasons asked for were made, and no quote was read again
    assert len(count.made) == shown
    assert set(count.read) == first


def test_evaluation_reads_the_facts_of_the_first_20_evidence_entries_alone_then_others_on_request(
        many: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = many.sign_fact_docs_of

    def docs_of(ids: Any, words: bool = True) -> Any:
        asked.extend(ids)
        return real(ids, words)

    monkeypatch.setattr(many, "sign_fact_docs_of", docs_of)
    results = {r.id: r for r in evaluate_journal(many)}
    assert any(len(r.evidence) > REASONS_LISTED for r in results.values())
    first = {i for r in results.values() for i in r.evidence[:REASONS_LISTED]}
    # (the persons' own records speak for the identity sign: its evidence's persons are read)
    identity = set(results["WS-VAGUE-IDENTITY"].evidence) if "WS-VAGUE-IDENTITY" in results \
        else set()
    assert set(asked) == first | identity
    assert len(asked) == len(set(asked))  # each entry's facts read once
    payment = results["WS-UNUSUAL-PAYMENT"]
    later = payment.evidence[REASONS_LISTED:REASONS_LISTED + 2]
    asked.clear()
    assert {x.entry_id for x in payment.reasons_for(later)} - {None} == set(later)
    assert asked == [i for i in later if i not in first | identity]  # (not read twice)
    assert asked


def test_reasons_asked_for_some_entries_word_those_alone_and_match_the_full_evaluation(
        many: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    reference = {r.id: r for r in evaluate(
        many.list_entries(include_deleted=False, newest_first=False), many.list_persons())}
    results = {r.id: r for r in evaluate_journal(many)}
    count = Counter(monkeypatch, many)
    payment = results["WS-UNUSUAL-PAYMENT"]
    asked = payment.evidence[25:28]
    got = payment.reasons_for(asked + ["not-an-evidence-entry"])
    assert {x.entry_id for x in count.made} - {None} == set(asked)
    preloaded = {i for r in results.values() for i in r.evidence[:REASONS_LISTED]}
    assert set(count.read) == set(asked) - preloaded  # the quotes of these three only
    assert count.read
    full = reference["WS-UNUSUAL-PAYMENT"].all_reasons()
    assert got == [x for x in full if x.entry_id is None or x.entry_id in asked]
    for sign_id, r in results.items():
        assert r.all_reasons() == reference[sign_id].all_reasons()
        assert r == reference[sign_id]


def test_signs_json_lists_the_reasons_of_the_first_20_entries_and_counts_the_others(
        many: Journal, tmp_path: Path) -> None:
    path = many.path
    many.close()
    with Journal.open(path, so.PASS, mode=READ) as j:
        reference = {r.id: r for r in evaluate(
            j.list_entries(include_deleted=False, newest_first=False), j.list_persons())}
    for lang in so.LANGS:
        zh = lang == "zh"
        bounded = {s["id"]: s for s in json.loads(so.cli(path, lang, "signs", "--json"))}
        every = {s["id"]: s for s in json.loads(
            so.cli(path, lang, "signs", "--json", "--all-reasons"))}
        assert bounded.keys() == every.keys() == reference.keys()
        for sign_id, ref in reference.items():
            b, e = bounded[sign_id], every[sign_id]
            assert b["evidence"] == e["evidence"] == ref.evidence  # always every entry
            assert b["reasons_not_listed"] == max(0, len(ref.evidence) - 20)
            assert "reasons_not_listed" not in e
            listed = set(ref.evidence[:20])
            assert b["reasons"] == [x.json_in(zh) for x in ref.all_reasons()
                                    if x.entry_id is None or x.entry_id in listed]
            assert e["reasons"] == [x.json_in(zh) for x in ref.all_reasons()]
        secrecy = bounded["WS-SECRECY"]
        assert secrecy["reasons_not_listed"] == len(secrecy["evidence"]) - 20 > 0
        assert len({r["entry"] for r in every["WS-SECRECY"]["reasons"]}) == \
            len(secrecy["evidence"])


def test_signs_text_lists_the_first_20_entries_with_why_then_says_how_many_more_in_en_and_zh(
        many: Journal) -> None:
    path = many.path
    many.close()
    en = so.cli(path, "en", "signs")
    zh = so.cli(path, "zh", "signs")
    with Journal.open(path, so.PASS, mode=READ) as j:
        results = evaluate_journal(j)
    secrecy = next(r for r in results if r.id == "WS-SECRECY")
    hidden = len(secrecy.evidence) - 20
    assert hidden > 1
    more_en = f"    … and {hidden} more entries (use --all-reasons to list every one, with why)\n"
    more_zh = f"    ……另有 {hidden} 条记录未列出（使用 journal-cli signs --all-reasons 列出全部及其依据）\n"
    for text, more in ((en, more_en), (zh, more_zh)):
        block = text.split("WS-SECRECY", 1)[1].split("\n● ", 1)[0].split("\n○ ", 1)[0]
        lines = block.splitlines()
        assert sum(line.startswith(("    why: ", "    依据：")) for line in lines) == 20
        # the lines of the first 20 evidence entries, in evidence order, then the count
        listed = [line.split()[0] for line in lines
                  if any(line.startswith(f"    {i}  ") for i in secrecy.evidence)]
        assert listed == secrecy.evidence[:20]
        assert lines.count(more.rstrip("\n")) == 1
        assert lines.index(more.rstrip("\n")) > max(
            n for n, line in enumerate(lines) if line.split()[:1] == [secrecy.evidence[19]])
    every = so.cli(path, "en", "signs", "--all-reasons")
    assert "more entries (use --all-reasons" not in every
    block = every.split("WS-SECRECY", 1)[1].split("\n● ", 1)[0].split("\n○ ", 1)[0]
    assert block.count("    why: ") == len(secrecy.evidence)
    assert sum(line.startswith(f"    {i}  ") for line in block.splitlines()
               for i in secrecy.evidence) == len(secrecy.evidence)  # every entry listed


def test_signs_text_says_one_more_entry_in_the_singular() -> None:
    from journal.clitext import t
    assert t("cli.signs_more_entries", "en", n=1) == \
        "… and 1 more entry (use --all-reasons to list every one, with why)"
    assert t("cli.signs_more_entries", "en", n=2).startswith("… and 2 more entries ")


def test_report_words_the_reasons_of_the_selected_entries_and_the_summary_none(
        many: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    results = evaluate_journal(many)
    payment = next(r for r in results if r.id == "WS-UNUSUAL-PAYMENT")
    selected = set(payment.evidence[40:44])
    expected = [x.text("en") for x in payment.all_reasons() if x.entry_id in selected]
    assert len(expected) > len(selected)  # payments: the amount and the words
    count = Counter(monkeypatch, many)
    views = {v.id: v for v in load_signs(many, "en", selected, results)}
    assert {r.entry_id for r in count.made} - {None} == selected
    assert views["WS-UNUSUAL-PAYMENT"].reasons == expected
    count.made.clear()
    text = build_text(many, ReportOptions(lang="en"), results)
    assert "Warning signs noticed" in text
    assert count.entries() == []  # the summary names the signs: no reason is worded for it
