"""Issue 18's "done when", end to end: a few WeChat screenshots and the WeChat Pay bill dropped
into a real journal, the previews checked, then saved — searchable dated conversations with the
right speakers, and the chosen counterpart's payments on the ledger, originals kept.

Recognition runs in its own child process with the real engine; three small pictures keep it
short. The bill is the WeChat Pay fixture (tests/data/imports/bills/wechatpay.csv).
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from journal.core.importers import import_bill, parse_file
from journal.core.importers.bills import ParsedBill, select_rows
from journal.core.ocr.sample import Bubble, render_chat
from journal.core.ocr.screenshots import import_screenshots, read_screenshots

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
SHOTS = {
    "Screenshot_0305_a.png": ("wechat", "张经理", (
        Bubble("time", "2024年3月5日 14:32"),
        Bubble("other", "你好，想请你做一份兼职，每周去港口拍几张军舰的照片"),
        Bubble("me", "报酬多少？"),
    )),
    "Screenshot_0305_b.png": ("wechat", "张经理", (  # the same chat scrolled on
        Bubble("time", "2024年3月5日 14:40"),
        Bubble("other", "报酬¥2000，先付定金，不要告诉别人"),
    )),
    "Screenshot_0306.png": ("wechat", "张经理", (
        Bubble("time", "2024年3月6日 09:15"),
        Bubble("me", "我不想做了"),
        Bubble("other", "你已经收了定金"),
    )),
}


@pytest.mark.slow
def test_wechat_screenshots_and_a_wechat_pay_bill_become_dated_searchable_chats_and_payments(
        journal: Any, tmp_path: Path) -> None:
    paths = []
    for name, (style, header, bubbles) in SHOTS.items():
        path = tmp_path / name
        path.write_bytes(render_chat(style, header, bubbles).data)
        paths.append(path)

    # the screenshots' preview: who said what, when; nothing written yet
    batch = read_screenshots(paths, journal=journal, lang="zh")
    assert journal.count_entries() == 0
    speakers = [(m.sender, m.sent_at.strftime("%m-%d %H:%M")) for p in batch.pictures
                for m in p.messages]
    assert speakers == [("张经理", "03-05 14:32"), ("我", "03-05 14:32"), ("张经理", "03-05 14:40"),
                        ("我", "03-06 09:15"), ("张经理", "03-06 09:15")]
    shots = import_screenshots(journal, batch, lang="zh")
    assert (shots.pictures, shots.messages, len(shots.entry_ids)) == (3, 5, 2)

    # the bill's preview: the counterparts, the user picks 张经理
    bill = parse_file("wechatpay", DATA / "bills/wechatpay.csv", lang="zh")
    assert isinstance(bill, ParsedBill)
    assert len(select_rows(bill, ["张经理"])) == 3
    payments = import_bill(journal, bill, counterparts=["张经理"], lang="zh")
    assert payments.messages == 3

    # conversations: dated, by day, with the right speakers, searchable
    days = journal.get_entries(shots.entry_ids)
    assert [(e.kind, e.occurred_at.date()) for e in days] == [
        ("contact", date(2024, 3, 5)), ("contact", date(2024, 3, 6))]
    assert all(e.person_names == ["张经理"] for e in days)
    assert [(m["sender"], m["sent_at"].strftime("%H:%M")) for m in journal.messages(days[0].id)] \
        == [("张经理", "14:32"), ("我", "14:32"), ("张经理", "14:40")]
    assert journal.search("军舰") == [days[0].id]
    assert journal.search("定金")[:2] == [days[1].id, days[0].id]
    # the payments on the ledger: received 2000 + 200, paid 30, all with 张经理
    totals = journal.totals()
    assert totals["received"]["CNY"] == Decimal("2200.00")
    assert totals["sent"]["CNY"] == Decimal("30.00")
    ledger = journal.list_entries(kinds=["payment"], newest_first=False)
    assert [(e.amount, e.direction, e.method) for e in ledger] == [
        (Decimal("2000.00"), "received", "wechat"), (Decimal("200.00"), "received", "wechat"),
        (Decimal("30.00"), "sent", "wechat")]
    assert {n for e in ledger for n in e.person_names} == {"张经理"}
    # the originals kept, unchanged, with their SHA-256
    kept = {a.filename: a.sha256 for e in days + ledger for a in e.attachments}
    for path in paths:
        assert kept[path.name] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert kept["wechatpay.csv"] == bill.source_sha256
    assert journal.verify().ok
