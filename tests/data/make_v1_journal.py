"""Make tests/data/journal-v1.ijournal: a journal written by schema v1, kept for migration tests.

Run once with the v1 code (``python tests/data/make_v1_journal.py``); never regenerate it with a
later version — the file must stay what v1 wrote. tests/promises/test_migrations.py opens it with
the current code and checks that every field survived. The passphrase and the content below are
what that test expects: change them together or not at all.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from journal.core import schema
from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft, Handle
from journal.core.store import Journal

PASSPHRASE = "v1 journal 第一版 passphrase"
OUT = Path(__file__).with_name("journal-v1.ijournal")
CST = timezone(timedelta(hours=8))
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
       b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
       b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
CHAT_CSV = ("date,person,text\n"
            "2024-03-12 14:05,张总,\"你好，兼职拍照有兴趣吗？\"\n"
            "2024-03-12 14:06,我,什么样的照片\n"
            "2024-03-13 09:00,张总,\"港口的船，记住暗号：喝茶\"\n")


def build(out: Path) -> None:
    assert schema.CURRENT_VERSION == 1, "this file must be made by schema v1"
    j = Journal.create(out, PASSPHRASE, kdf=FAST_PARAMS)
    zhang = j.add_person("张总", aliases=["Director Zhang", "Z"], role="总监 director",
                         organisation="远洋海事咨询 Ocean Consulting", platform="BOSS直聘",
                         handles=[Handle("wechat", "ocean_zhang88"), Handle("phone", "+86 139 1234 5678"),
                                  Handle("email", "zhang@example.com")],
                         notes="自称在香港 says he is in Hong Kong")
    lily = j.add_person("Lily", aliases=["莉莉"], platform="Soul", notes="")
    j.add_attachment(person_id=zhang.id, data=PNG, filename="头像 avatar.png", caption="profile photo")
    t0 = datetime(2024, 3, 5, 14, 30, tzinfo=CST)
    common = {"channel": "微信 WeChat", "location": "青岛 Qingdao", "witnesses": ["室友 room-mate"],
                  "tags": ["兼职", "v1"], "details": "第一行 line 1\n第二行 line 2"}
    drafts = {
        "contact": EntryDraft(kind="contact", summary="V1 contact 第一次聊天", medium="chat",
                              initiated_by="them", occurred_at=t0, precision="exact",
                              persons=[zhang.id], **common),
        "request": EntryDraft(kind="request", summary="V1 request 拍军舰", task="拍港口的船",
                              target="军港 naval port", status="refused", amount=Decimal("800.50"),
                              currency="CNY", occurred_at=t0 + timedelta(days=1), precision="exact",
                              persons=[zhang.id], **common),
        "payment": EntryDraft(kind="payment", summary="V1 payment 收到报酬",
                              amount=Decimal("1234.56"), currency="USD", method="crypto",
                              direction="received", occurred_at=t0 + timedelta(days=2),
                              precision="day", persons=[zhang.id, lily.id], **common),
        "gift": EntryDraft(kind="gift", summary="V1 gift 手机", item="手机 phone",
                           value=Decimal(3999), currency="CNY",
                           occurred_at=datetime(2024, 3, 8, tzinfo=CST), precision="approximate",
                           persons=[lily.id], **common),
        "meeting": EntryDraft(kind="meeting", summary="V1 meeting 见面", medium="in_person",
                              initiated_by="me", occurred_at=t0 + timedelta(days=4, hours=3),
                              precision="exact", persons=[lily.id]),
        "threat": EntryDraft(kind="threat", summary="V1 threat 威胁", details="要把聊天记录发给学校",
                             occurred_at=t0 + timedelta(days=5), precision="exact",
                             persons=[zhang.id]),
        "report": EntryDraft(kind="report", summary="V1 report 打了12339",
                             reported_to="hotline_12339", reference="12339-2024-0001",
                             officer="王老师 Teacher Wang", occurred_at=t0 + timedelta(days=6),
                             precision="exact"),
        "note": EntryDraft(kind="note", summary="V1 note 备注", details="原来的内容 original",
                           occurred_at=t0 + timedelta(days=7), precision="exact"),
    }
    ids = {kind: j.add_entry(d).id for kind, d in drafts.items()}
    j.add_attachment(entry_id=ids["request"], data=PNG, filename="船 ship.png", caption="截图 screenshot")
    j.add_attachment(entry_id=ids["payment"], data=bytes(range(256)) * 40, filename="receipt.bin")
    j.edit_entry(ids["note"], EntryDraft(summary="V1 note 备注 (edited)", details="改过的内容 edited"))
    gone = j.add_entry(EntryDraft(kind="note", summary="V1 trashed 已删除",
                                  occurred_at=t0 + timedelta(days=8), precision="exact"))
    j.delete_entry(gone.id)
    j.save_draft("editor:new", {"kind": "note", "summary": "V1 draft 草稿"})
    try:
        from journal.core.importers.apply import import_file

        with tempfile.TemporaryDirectory() as tmp:  # the export file itself holds no secret
            chat = Path(tmp) / "chat.csv"
            chat.write_text(CHAT_CSV, encoding="utf-8")
            import_file(j, "csv", chat, tz="Asia/Shanghai", me="我", lang="en")
    except ImportError:
        pass
    assert j.verify().ok
    j.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    if target.exists():
        sys.exit(f"{target} exists: the v1 file is never regenerated")
    build(target)
    print(target, target.stat().st_size, "bytes")
