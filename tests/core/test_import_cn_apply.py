"""QQ, WeChat, e-mail and bill imports into a real (SQLCipher) journal: one transaction each,
the original kept with its SHA-256, the same file twice adds nothing."""

from __future__ import annotations

import hashlib
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from journal.core.errors import ImportFormatError
from journal.core.importers import import_bill, import_file, parse_file
from journal.core.importers.bills import ParsedBill

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
TZ = "Asia/Shanghai"


def snapshot(journal: Any) -> tuple[int, str, int, int]:
    return (journal.count_entries(include_deleted=True), journal.head_hash(),
            len(journal.list_persons(include_deleted=True)), len(journal.list_imports()))


def test_wechatpay_bill_default_records_transfers_and_red_packets_as_payments(journal: Any) -> None:
    path = DATA / "bills/wechatpay.csv"
    result = import_file(journal, "wechatpay", path, tz=TZ, lang="en")
    assert result.bill and result.messages == 3 and len(result.entry_ids) == 3
    entries = journal.get_entries(result.entry_ids)
    assert [(e.kind, e.amount, e.currency, e.method, e.direction, e.reference, e.person_names)
            for e in entries] == [
        ("payment", Decimal("2000.00"), "CNY", "wechat", "received", "1000050001202403050000000001",
         ["张经理"]),
        ("payment", Decimal("200.00"), "CNY", "wechat", "received", "1000039901202403070000000003",
         ["张经理"]),
        ("payment", Decimal("100.00"), "CNY", "wechat", "sent", "1000050001202403080000000004",
         ["王老师"]),
    ]
    assert entries[0].occurred_at.isoformat() == "2024-03-05T14:33:20+08:00"
    assert entries[0].summary == "WeChat Pay: received 2000.00 CNY from 张经理 (转账)"
    assert "交易单号: 1000050001202403050000000001" in entries[0].details
    assert "备注: 定金" in entries[0].details
    assert entries[0].channel == "WeChat Pay"
    # the original bill, unchanged, with its SHA-256
    (att,) = journal.list_attachments(entry_id=result.entry_ids[0])
    original = path.read_bytes()
    assert att.sha256 == hashlib.sha256(original).hexdigest()
    assert journal.attachment_data(att.id) == original
    assert journal.totals(entries)["received"] == {"CNY": Decimal("2200.00")}


def test_bill_counterparts_choose_every_row_of_theirs_including_purchases(journal: Any) -> None:
    result = import_file(journal, "wechatpay", DATA / "bills/wechatpay.xlsx", tz=TZ, lang="zh",
                         counterparts=["张经理"])
    entries = journal.get_entries(result.entry_ids)
    assert [(e.amount, e.direction) for e in entries] == [
        (Decimal("2000.00"), "received"), (Decimal("200.00"), "received"), (Decimal("30.00"), "sent")]
    assert entries[2].summary == "微信支付：向张经理支付 30.00 元（扫二维码付款）"
    assert [p.name for p in journal.list_persons()] == ["张经理"]


def test_alipay_bill_records_method_alipay(journal: Any) -> None:
    result = import_file(journal, "alipay", DATA / "bills/alipay.csv", tz=TZ, lang="zh")
    entries = journal.get_entries(result.entry_ids)
    assert [(e.method, e.direction, e.amount, e.channel) for e in entries] == [
        ("alipay", "received", Decimal("500.00"), "支付宝"),
        ("alipay", "sent", Decimal("50.00"), "支付宝")]
    assert entries[0].reference == "20240306200040011100000000000001"


def test_the_same_bill_twice_adds_nothing(journal: Any) -> None:
    import_file(journal, "wechatpay", DATA / "bills/wechatpay.csv", tz=TZ)
    before = snapshot(journal)
    again = import_file(journal, "auto", DATA / "bills/wechatpay.csv", tz=TZ)
    assert again.duplicate and again.entry_ids == []
    assert snapshot(journal) == before


def test_an_unknown_counterpart_changes_nothing(journal: Any) -> None:
    before = snapshot(journal)
    with pytest.raises(ImportFormatError) as err:
        import_file(journal, "wechatpay", DATA / "bills/wechatpay.csv", tz=TZ,
                    counterparts=["Nobody"])
    assert err.value.key == "import.bill_unknown_counterpart"
    assert snapshot(journal) == before


def test_a_bill_without_transfers_and_no_counterpart_named_changes_nothing(journal: Any,
                                                                          tmp_path: Path) -> None:
    data = (DATA / "bills/alipay.csv").read_bytes().decode("gb18030")
    only_shop = "\n".join(ln for ln in data.split("\n") if "转账红包" not in ln)
    path = tmp_path / "shop.csv"
    path.write_bytes(only_shop.encode("gb18030"))
    before = snapshot(journal)
    with pytest.raises(ImportFormatError) as err:
        import_file(journal, "alipay", path, tz=TZ)
    assert err.value.key == "import.bill_nothing_chosen"
    assert snapshot(journal) == before


def test_a_failure_half_way_through_a_bill_rolls_everything_back(journal: Any) -> None:
    parsed = parse_file("wechatpay", DATA / "bills/wechatpay.csv", tz=TZ)
    assert isinstance(parsed, ParsedBill)
    before = snapshot(journal)

    def stop_after_first(done: int, total: int) -> None:
        if done == 2:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        import_bill(journal, parsed, progress=stop_after_first)
    assert snapshot(journal) == before
    assert journal.verify().ok


def test_a_bill_changed_after_the_preview_is_refused(journal: Any, tmp_path: Path) -> None:
    path = tmp_path / "bill.csv"
    shutil.copyfile(DATA / "bills/wechatpay.csv", path)
    parsed = parse_file("wechatpay", path, tz=TZ)
    assert isinstance(parsed, ParsedBill)
    path.write_bytes(path.read_bytes().replace(b"2,000.00", b"9,000.00"))
    before = snapshot(journal)
    with pytest.raises(ImportFormatError) as err:
        import_bill(journal, parsed)
    assert err.value.key == "import.changed_since_preview"
    assert snapshot(journal) == before


@pytest.mark.parametrize(("rel", "messages", "days"), [
    ("qq/message_manager_gb18030.txt", 5, 3), ("qq/qce_v5.json", 3, 2),
    ("wechat/messages.csv", 5, 2), ("wechat/张经理.txt", 3, 2), ("wechat/张经理.html", 3, 2),
    ("telegram/html/messages.html", 3, 1), ("email/job.mbox", 2, 2),
])
def test_chat_formats_import_once_with_the_original_kept(journal: Any, rel: str, messages: int,
                                                        days: int) -> None:
    path = DATA / rel
    result = import_file(journal, "auto", path, tz=TZ, lang="en")
    assert (result.messages, result.days) == (messages, days)
    original = journal.attachment_data(result.original_attachment_id)
    assert original == path.read_bytes()
    stored = [m for eid in result.entry_ids for m in journal.messages(eid)]
    assert len(stored) == messages
    before = snapshot(journal)
    assert import_file(journal, "auto", path, tz=TZ).duplicate
    assert snapshot(journal) == before


def test_qq_json_leaves_the_user_out_of_the_people(journal: Any) -> None:
    result = import_file(journal, "qq", DATA / "qq/qce_v5.json", tz=TZ, lang="zh")
    entries = journal.get_entries(result.entry_ids)
    assert {n for e in entries for n in e.person_names} == {"张经理"}
    assert entries[0].channel == "QQ"


def test_eml_attachment_is_kept_beside_the_original(journal: Any) -> None:
    result = import_file(journal, "email", DATA / "email/contract.eml", tz=TZ, lang="en")
    assert result.attachments == 1
    names = sorted(a.filename for a in journal.list_attachments(entry_id=result.entry_ids[0]))
    assert names == ["contract.eml", "contract.png"]
    png = next(a for a in journal.list_attachments(entry_id=result.entry_ids[0])
               if a.filename == "contract.png")
    assert journal.attachment_data(png.id).startswith(b"\x89PNG")


def test_telegram_html_photo_is_attached(journal: Any) -> None:
    result = import_file(journal, "telegram", DATA / "telegram/html/messages.html", tz=TZ)
    assert result.attachments == 1


def test_qq_numbers_and_mail_addresses_become_handles_of_new_persons(journal: Any) -> None:
    import_file(journal, "qq", DATA / "qq/message_manager_gb18030.txt", tz=TZ, me="小刘")
    import_file(journal, "email", DATA / "email/job.mbox", tz=TZ)
    handles = {p.name: [(h.kind, h.value) for h in p.handles] for p in journal.list_persons()}
    assert handles["张经理"] == [("qq", "123456789")]
    assert handles["王老师"] == [("qq", "987654321")]
    assert handles["Director Zhang"] == [("email", "zhang@example.com")]
    assert "小刘" not in handles


def test_wechat_csv_wxid_becomes_a_wechat_handle(journal: Any) -> None:
    import_file(journal, "wechat", DATA / "wechat/messages.csv", tz=TZ, lang="en")
    (zhang,) = journal.list_persons()
    assert zhang.name == "张经理" and [(h.kind, h.value) for h in zhang.handles] == \
        [("wechat", "wxid_zhang01")]
