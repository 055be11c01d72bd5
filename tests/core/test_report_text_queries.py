"""Issue 17: the plain-text summary of a whole journal asks a fixed number of grouped queries
(not one or two per person), and still says exactly what the summary of the collected report
data says — on the article cases and on a journal made to hit the edges of those queries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft, Handle
from journal.core.report import ReportOptions, build_text
from journal.core.report.data import collect
from journal.core.report.text import summary_from
from journal.core.store import Journal
from tests.core.test_signs_cases import CASES, build_in_journal

TZ = timezone(timedelta(hours=8))
PASS = "summary queries passphrase 测试"
START = datetime(2023, 5, 1, 10, 0, tzinfo=TZ)


def _persons_and_entries(j: Journal, persons: int) -> None:
    """``persons`` counterparts, each with a contact, a request and a payment (90 entries in all
    whatever the number of persons, so that only the persons differ)."""
    ids = [j.add_person(f"Person {i}", organisation="Ocean Survey Ltd").id for i in range(persons)]
    with j.transaction():
        for n in range(90):
            kind = ("contact", "request", "payment")[n % 3]
            extra: dict[str, object] = {}
            if kind == "payment":
                extra = {"amount": Decimal("300.00"), "currency": "CNY", "direction": "received",
                         "method": "wechat"}
            j.add_entry(EntryDraft(kind=kind, summary=f"entry {n}", persons=[ids[n % persons]],
                                   occurred_at=START + timedelta(hours=n), **extra))


def _statements(j: Journal, options: ReportOptions) -> list[str]:
    seen: list[str] = []
    j.db.conn.set_trace_callback(seen.append)
    try:
        build_text(j, options, signs=[])  # the signs engine is not the summary's own work
    finally:
        j.db.conn.set_trace_callback(None)
    return seen


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summary_of_a_whole_journal_runs_as_many_statements_with_40_persons_as_with_6(
        tmp_path: Path, lang: str) -> None:
    counts = []
    for persons in (6, 40):
        with Journal.create(tmp_path / f"p{persons}.ijournal", PASS, kdf=FAST_PARAMS) as j:
            _persons_and_entries(j, persons)
            text = build_text(j, ReportOptions(lang=lang), signs=[])
            assert "Person 5" in text
            assert ("共 90 条记录" if lang == "zh" else "(90 entries,") in text
            counts.append(len(_statements(j, ReportOptions(lang=lang))))
            dated = ReportOptions(lang=lang, since=(START + timedelta(days=1)).date())
            counts.append(len(_statements(j, dated)))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts


# ------------------------------------------------------------------------- the same words
@pytest.fixture(scope="module")
def edges(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """A journal where the grouped queries could go wrong: persons first seen at the same moment
    (one with a date only), a person only in reports, a teacher, a person only in the trash or
    with no entry, attachments on entries and persons (one removed, one on a trashed entry),
    the same amount written twice and in two forms, money without currency."""
    path = tmp_path_factory.mktemp("edges") / "edges.ijournal"
    j = Journal.create(path, PASS, kdf=FAST_PARAMS)
    zhang = j.add_person("张总", role="总监", organisation="某海洋调查公司", platform="BOSS直聘",
                         handles=[Handle("wechat", "zhang_2024")])
    anna = j.add_person("Anna", role="student", platform="Tinder")
    teacher = j.add_person("王老师", role="辅导员")
    officer = j.add_person("Officer Li", organisation="local office")
    ghost = j.add_person("Trashed only")
    j.add_person("No entries at all")

    def add(kind: str, when: datetime, persons: list[str], **kw: object) -> str:
        return j.add_entry(EntryDraft(kind=kind, summary=f"{kind} {when:%m-%d}", occurred_at=when,
                                      persons=persons, **kw)).id  # type: ignore[arg-type]

    first = add("contact", START, [zhang.id, anna.id])  # both first seen here
    add("note", START, [teacher.id], precision="day")
    add("report", START + timedelta(days=2), [officer.id], reported_to="hotline")
    add("report", START + timedelta(days=9), [officer.id, teacher.id], reported_to="school")
    pay = {"method": "wechat", "direction": "received"}
    add("payment", START + timedelta(days=3), [zhang.id], amount=Decimal("300.00"),
        currency="CNY", **pay)
    add("payment", START + timedelta(days=4), [zhang.id], amount=Decimal("300.00"),
        currency="CNY", **pay)
    add("payment", START + timedelta(days=5), [zhang.id], amount=Decimal(300),
        currency="CNY", **pay)
    add("payment", START + timedelta(days=6), [anna.id], amount=Decimal("12.5"),
        currency="USD", method="cash", direction="promised")
    add("gift", START + timedelta(days=7), [anna.id], item="手机", value=Decimal(2999))
    add("request", START + timedelta(days=8), [zhang.id], task="拍军港的船", target="军港",
        amount=Decimal(800), currency="CNY", status="asked")
    gone = add("meeting", START + timedelta(days=10), [ghost.id, zhang.id])
    j.add_attachment(entry_id=first, data=b"\x89PNG\r\n\x1a\n first", filename="chat.png")
    removed = j.add_attachment(entry_id=first, data=b"removed later", filename="old.txt")
    j.remove_attachment(removed.id)
    j.add_attachment(entry_id=gone, data=b"on a trashed entry", filename="trash.txt")
    j.add_attachment(person_id=zhang.id, data=b"profile picture", filename="zhang.jpg")
    j.add_attachment(person_id=ghost.id, data=b"ghost picture", filename="ghost.jpg")
    j.delete_entry(gone)
    yield j
    j.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("redact", [False, True])
def test_summary_from_grouped_queries_says_what_the_collected_report_says_at_the_edges(
        edges: Journal, lang: str, redact: bool) -> None:
    day = START.date()
    for options in (ReportOptions(lang=lang, redact=redact),
                    ReportOptions(lang=lang, redact=redact, since=day + timedelta(days=2)),
                    ReportOptions(lang=lang, redact=redact, until=day + timedelta(days=4)),
                    ReportOptions(lang=lang, redact=redact, kinds=["report", "note"]),
                    ReportOptions(lang=lang, redact=redact, kinds=["payment", "gift"],
                                  since=day + timedelta(days=4)),
                    ReportOptions(lang=lang, redact=redact, since=date(2030, 1, 1))):
        valid = options.validated()
        assert build_text(edges, valid) == summary_from(collect(edges, valid)), options


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summary_of_the_article_cases_says_what_the_collected_report_says(
        tmp_path: Path, lang: str) -> None:
    with Journal.create(tmp_path / "cases.ijournal", PASS, kdf=FAST_PARAMS) as j:
        for case in CASES:
            build_in_journal(j, case)
            for options in (ReportOptions(lang=lang), ReportOptions(lang=lang, redact=True),
                            ReportOptions(lang=lang, kinds=["request", "payment", "gift"])):
                valid = options.validated()
                assert build_text(j, valid) == summary_from(collect(j, valid)), (case, options)
