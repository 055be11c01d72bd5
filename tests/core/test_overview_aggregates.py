"""The overview's per-day aggregates (schema v7, core/store/overview_index.py) over real journals:
they give the same picture as reading the entries, stay right through edits, deletes and
restores, are filled when an older journal is migrated, are made again when the classification
changes, and spare the picture of the whole journal from reading entry rows."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from journal.core import schema
from journal.core.models import EntryDraft
from journal.core.overview import OverviewData, overview_data
from journal.core.overview import query as overview_query
from journal.core.store import Journal
from journal.core.store.overview_index import OVERVIEW_INDEX_META_KEY

CST = timezone(timedelta(hours=8))
V1_FILE = Path(__file__).parents[1] / "data" / "journal-v1.ijournal"
V1_PASSPHRASE = "v1 journal 第一版 passphrase"  # what tests/data/make_v1_journal.py used


def _add(j: Any, kind: str, when: datetime, summary: str, **fields: Any) -> str:
    return j.add_entry(EntryDraft(kind=kind, occurred_at=when, precision="exact",
                                  summary=summary, **fields)).id


def _picture(d: OverviewData) -> dict[str, Any]:
    """Everything the picture draws, with entries by id."""
    return {
        "unit": d.unit, "start": d.start, "end": d.end, "total": d.total, "totals": d.totals,
        "received": d.received, "currencies": d.currencies,
        "buckets": [(b.start, b.counts, {k: r.id for k, r in b.first.items()},
                     [(r.level, r.count, r.entry.id) for r in b.requests], b.received)
                    for b in d.buckets],
        "channels": [(c.channel, c.entry.id, c.overseas, c.first) for c in d.channels],
        "escalation": [(level, r.id) for level, r in d.escalation],
        "people": [(c.id, c.entries, c.requests, c.received, c.channels,
                    c.first.id if c.first else None, c.last.id if c.last else None)
                   for c in d.counterparts],
    }


def _from_entries(j: Journal, monkeypatch: pytest.MonkeyPatch, lang: str = "en") -> OverviewData:
    with monkeypatch.context() as m:
        m.setattr(j, "overview_aggregates_current", lambda: False)
        return overview_data(j, lang, signs=[])


def _sql_seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = overview_query.rows

    def recording(j: Any, sql: str, params: Any = ()) -> list[Any]:
        seen.append(sql)
        return real(j, sql, params)

    monkeypatch.setattr(overview_query, "rows", recording)
    return seen


def _busy_journal(j: Journal, start: datetime, days: int) -> dict[str, str]:
    """Requests of every level, money in two currencies, gifts, two apps, two people."""
    a = j.add_person("Xiao Mei").id
    b = j.add_person("Mr Zhou").id
    ids: dict[str, str] = {}
    step = timedelta(days=days / 12)
    ids["c1"] = _add(j, "contact", start, "met online", channel="WeChat", persons=[a])
    ids["r0"] = _add(j, "request", start + step, "photos of the park", task="拍风景",
                     target="公园", channel="WeChat", persons=[a])
    ids["p1"] = _add(j, "payment", start + step * 2, "paid for photos", amount=Decimal(300),
                     currency="CNY", direction="received", method="wechat", persons=[a])
    ids["r1"] = _add(j, "request", start + step * 3, "lab papers", task="拷贝实验室的内部资料",
                     target="实验室", channel="WeChat", persons=[a])
    ids["p2"] = _add(j, "payment", start + step * 3, "sent back", amount=Decimal(50),
                     currency="CNY", direction="sent", method="wechat", persons=[a])
    ids["g1"] = _add(j, "gift", start + step * 4, "a phone", item="手机",
                     value=Decimal("1999.90"), currency="CNY", persons=[b])
    ids["t1"] = _add(j, "contact", start + step * 5, "moved to Telegram", channel="Telegram",
                     persons=[b])
    ids["r2"] = _add(j, "request", start + step * 6, "the harbour at night", task="拍照",
                     target="港口码头", channel="Telegram", persons=[b])
    ids["r3"] = _add(j, "request", start + step * 8, "warships in port", task="拍军舰",
                     target="军港", channel="Telegram", persons=[b])
    ids["r3b"] = _add(j, "request", start + step * 8 + timedelta(minutes=5), "again warships",
                      task="拍军舰", target="军港", channel="Telegram", persons=[b])
    ids["p3"] = _add(j, "payment", start + step * 9, "usd", amount=Decimal("120.50"),
                     currency="USD", direction="received", method="crypto", persons=[b])
    ids["m1"] = _add(j, "meeting", start + step * 10, "coffee", location="咖啡馆", persons=[b])
    ids["x1"] = _add(j, "threat", start + step * 11, "said he would tell my school",
                     channel="Telegram", persons=[b])
    ids["rep"] = _add(j, "report", start + step * 12, "called 12339", reported_to="hotline_12339")
    return ids


@pytest.mark.parametrize(("days", "unit"), [(150, "week"), (1000, "month")])
def test_aggregates_give_the_same_picture_as_the_entries(
        journal: Journal, monkeypatch: pytest.MonkeyPatch, days: int, unit: str) -> None:
    _busy_journal(journal, datetime(2023, 1, 3, 21, 30, tzinfo=CST), days)
    assert journal.overview_aggregates_current()
    aggregated = overview_data(journal, "en", signs=[])
    assert aggregated.unit == unit
    assert _picture(aggregated) == _picture(_from_entries(journal, monkeypatch))
    assert [lvl for lvl, _r in aggregated.escalation] == [0, 1, 2, 3]


def test_aggregates_follow_edits_deletes_and_restores(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    start = datetime(2022, 5, 1, 10, 0, tzinfo=CST)
    ids = _busy_journal(journal, start, 900)
    # the warship request becomes a harmless one, months later, on another app
    journal.edit_entry(ids["r3"], EntryDraft(task="拍风景", target="公园", channel="QQ",
                                             occurred_at=start + timedelta(days=400)))
    journal.edit_entry(ids["p1"], EntryDraft(amount=Decimal("800.25")))
    journal.edit_entry(ids["c1"], EntryDraft(kind="meeting"))
    journal.delete_entry(ids["t1"])  # the first entry on Telegram
    journal.delete_entry(ids["g1"])
    journal.delete_entry(ids["rep"])
    journal.restore_entry(ids["rep"])
    aggregated = overview_data(journal, "en", signs=[])
    assert _picture(aggregated) == _picture(_from_entries(journal, monkeypatch))
    assert aggregated.received == {"CNY": Decimal("800.25"), "USD": Decimal("120.50")}
    telegram = next(c for c in aggregated.channels if c.channel == "Telegram")
    assert telegram.entry.id == ids["r2"]
    assert "QQ" in [c.channel for c in aggregated.channels]


def test_whole_journal_picture_reads_no_entry_rows(journal: Journal,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _busy_journal(journal, datetime(2021, 2, 1, 9, 0, tzinfo=CST), 1000)
    seen = _sql_seen(monkeypatch)
    overview_data(journal, "zh", signs=[], people=False)
    # entries are touched only for the first and last time (index ends) and to name the
    # entries the marks stand for (by id)
    from_entries = [s for s in seen if "FROM entries" in s]
    assert len(from_entries) == 2, seen
    assert "min(occurred_utc)" in from_entries[0] and "WHERE id IN" in from_entries[1]
    assert not any("task" in s or "amount" in s for s in seen)


def test_a_selection_still_reads_the_entries(journal: Journal,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.report.options import ReportOptions

    _busy_journal(journal, datetime(2021, 2, 1, 9, 0, tzinfo=CST), 1000)
    seen = _sql_seen(monkeypatch)
    data = overview_data(journal, "en", selection=ReportOptions(kinds=["request"]), signs=[])
    assert data.totals == {"request": 5}
    assert not any("overview_months" in s for s in seen)


def test_a_migrated_journal_gets_its_aggregates_on_opening(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.ijournal"
    shutil.copyfile(V1_FILE, path)
    with Journal.open_with_key(path, Journal.derive(path, V1_PASSPHRASE),
                               backup_dir=tmp_path / "backups") as old:
        assert old.schema_version() == schema.CURRENT_VERSION
        assert old.overview_aggregates_current()
        data = overview_data(old, "zh", signs=[])
        assert data.total > 0
        assert _picture(data) == _picture(_from_entries(old, monkeypatch, "zh"))


def test_a_changed_classification_rebuilds_the_aggregates_on_the_next_opening(
        journal: Journal, journal_path: Path, passphrase: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _busy_journal(journal, datetime(2021, 2, 1, 9, 0, tzinfo=CST), 1000)
    with journal.db.transaction():  # as if made by a version that classified differently
        journal.db.conn.execute("UPDATE meta SET value = 'older' WHERE key = ?",
                                (OVERVIEW_INDEX_META_KEY,))
        journal.db.conn.execute("UPDATE overview_months SET n = 99")
    assert not journal.overview_aggregates_current()
    # meanwhile the picture is read from the entries, and changes do not touch the old tables
    assert overview_data(journal, "en", signs=[]).totals["request"] == 5
    journal.delete_entry(ids["r0"])
    journal.close()
    with Journal.open(journal_path, passphrase) as again:
        assert again.overview_aggregates_current()
        data = overview_data(again, "en", signs=[])
        assert data.totals["request"] == 4
        assert _picture(data) == _picture(_from_entries(again, monkeypatch))


def test_counting_every_live_entry_reads_the_monthly_totals_and_follows_trash_and_restore(
        journal: Journal) -> None:
    """The window's status line counts the journal's entries at every opening and save: from the
    monthly totals, not from an index of every entry (a cold count of 100,000 entries took
    30–76 ms of the window's opening)."""
    ids = _busy_journal(journal, datetime(2021, 2, 1, 9, 0, tzinfo=CST), 400)
    statements: list[str] = []
    journal.db.conn.set_trace_callback(statements.append)

    def counted() -> int:
        statements.clear()
        n = journal.count_entries()
        assert any("overview_months" in s for s in statements), statements
        assert not any("FROM entries" in s for s in statements), statements
        return n

    def real() -> int:
        return int(journal.db.one("SELECT count(*) FROM entries WHERE deleted_at IS NULL")[0])

    assert counted() == real() == len(journal.entry_ids())
    journal.delete_entry(ids["t1"])
    journal.delete_entry(ids["g1"])
    assert counted() == real()
    journal.restore_entry(ids["g1"])
    _add(journal, "note", datetime(2024, 7, 1, 8, 0, tzinfo=CST), "one more")
    assert counted() == real() == len(journal.entry_ids())
    journal.db.conn.set_trace_callback(None)
    assert journal.count_entries(kinds=["request"]) == len(journal.entry_ids(kinds=["request"]))
