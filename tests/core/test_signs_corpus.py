"""The warning signs measured on labelled journals (tests/data/signs/): no "present" sign on an
ordinary life, and at least 95 % of the "present" signs of concerning journals found.

Run with ``-s`` to see the precision/recall table per sign, for the training and held-out parts.
"""

from __future__ import annotations

from typing import Any

import pytest
import signs_corpus as corpus  # tests/core is on sys.path (pytest rootdir-relative import)

from journal.core.signs import PRESENT, evaluate, evaluate_journal, signs_to_json

SPLITS = ("train", "heldout", "fresh")
# The four innocent journals of issue 19, as a user wrote them.
ISSUE_JOURNALS = ("o-en-girlfriend-phonecase-scarf", "o-zh-half-flight-ticket",
                  "o-mixed-photo-club-prize", "o-zh-mother-new-phone")


def _found(journals: list[corpus.Journal]) -> dict[str, dict[str, str]]:
    out = {}
    for j in journals:
        entries, persons = corpus.dataclasses(j)
        out[j.name] = {r.id: r.level for r in evaluate(entries, persons)}
    return out


def test_the_corpus_is_what_the_issue_asks_for() -> None:
    journals = [j for split in SPLITS for j in corpus.load(split)]
    assert len(journals) >= 40
    assert all(3 <= len(j.entries) <= 15 for j in journals)
    concerning = [j for j in journals if j.concerning]
    assert len(concerning) * 2 == len(journals)
    assert {j.lang for j in journals} == {"zh", "en", "mixed"}
    assert all(any(level == PRESENT for level in j.expect.values()) for j in concerning)
    assert all(PRESENT not in j.expect.values() for j in journals if not j.concerning)
    names = {j.name for j in journals}
    assert len(names) == len(journals) and set(ISSUE_JOURNALS) <= names


@pytest.mark.parametrize("split", SPLITS)
def test_no_present_sign_on_an_ordinary_journal_and_recall_at_least_95_percent(split: str) -> None:
    journals = corpus.load(split)
    found = _found(journals)
    table = corpus.score(journals, found)
    print("\n" + corpus.format_table(split, table))
    false_alarms = {j.name: sorted(s for s, level in found[j.name].items() if level == PRESENT)
                    for j in journals if not j.concerning}
    assert {k: v for k, v in false_alarms.items() if v} == {}
    missed = {j.name: sorted(s for s, level in j.expect.items()
                             if level == PRESENT and found[j.name].get(s) != PRESENT)
              for j in journals if j.concerning}
    assert table["ALL"].recall >= 0.95, {k: v for k, v in missed.items() if v}


@pytest.mark.parametrize("name", ISSUE_JOURNALS)
def test_the_four_innocent_journals_of_the_issue_show_no_present_sign_through_the_store(
        journal: Any, name: str) -> None:
    j = next(x for x in corpus.load("train") if x.name == name)
    corpus.build_in_journal(journal, j)
    results = evaluate_journal(journal)
    assert [r.id for r in results if r.level == PRESENT] == []
    assert "WS-DEVICE-GIFT" not in {r.id for r in results}
    assert "WS-PAID-HOUSING" not in {r.id for r in results}


def test_reasons_quote_the_words_and_name_who_paid_in_both_languages(journal: Any) -> None:
    j = next(x for x in corpus.load("train") if x.name == "c-zh-recruiter-zhou")
    ids = corpus.build_in_journal(journal, j)
    by_id = {d["id"]: d for d in signs_to_json(evaluate_journal(journal), "zh")}
    photo = by_id["WS-PHOTO-TASK"]
    assert set(photo) >= {"id", "title", "level", "evidence", "reasons"}
    quotes = [(r["entry"], r["quote"]) for r in photo["reasons"]]
    assert (ids[3], "这次他要我拍军港里的军舰") in quotes
    assert "2025年3月11日的记录中写道：“这次他要我拍军港里的军舰”" in [
        r["text"] for r in photo["reasons"]]
    pay = [r["text"] for r in by_id["WS-UNUSUAL-PAYMENT"]["reasons"] if r["field"] == "amount"]
    assert "2025年3月13日的记录：通过微信支付收到周经理付的 2,000.00 CNY" in pay
    en = {d["id"]: d for d in signs_to_json(evaluate_journal(journal), "en")}
    texts = [r["text"] for r in en["WS-UNUSUAL-PAYMENT"]["reasons"]]
    assert "received 2,000.00 CNY by WeChat Pay from 周经理 (entry of 13 March 2025)" in texts
    secrecy = en["WS-SECRECY"]["reasons"]
    assert [r["text"] for r in secrecy] == [
        "'他叮嘱我这件事千万别告诉老师和家里人' in the entry of 11 March 2025"]
    assert all("WS-" not in r["text"] for d in by_id.values() for r in d["reasons"])


def test_a_refusal_or_a_parents_warning_is_not_quoted_as_the_pattern() -> None:
    j = corpus.Journal("refusal", "zh", False, {"x": {"name": "网友小周"}}, [
        {"d": 0, "k": "contact", "s": "网友小周问我要不要做兼职", "p": ["x"]},
        {"d": 1, "k": "note", "s": "我拒绝了去军港拍照的兼职"},
        {"d": 2, "k": "note", "s": "妈妈让我别把聊天记录删掉，也别告诉陌生人学校的情况"},
        {"d": 3, "k": "note", "s": "I refused to move our chat to Telegram"},
    ], {})
    entries, persons = corpus.dataclasses(j)
    found = {r.id: r for r in evaluate(entries, persons)}
    assert "WS-PHOTO-TASK" not in found
    assert "WS-SECRECY" not in found
    assert "WS-CHANNEL-SWITCH" not in found
    assert "WS-INFO-GATHERING" not in found
