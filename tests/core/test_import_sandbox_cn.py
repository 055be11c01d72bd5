"""The parsing child process carries everything the QQ, WeChat, e-mail, Telegram HTML and bill
parsers produce (handles, attachments read into memory, bills with their rows), and the parent
checks what it receives again."""

from __future__ import annotations

import base64
import copy
from pathlib import Path
from typing import Any

import pytest

from journal.core.importers import parse_file
from journal.core.importers.bills import ParsedBill
from journal.core.importers.common import ParsedChat
from journal.core.importers.sandbox import (
    bill_from_json,
    bill_to_json,
    chat_from_json,
    chat_to_json,
    parse_file_isolated,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
TZ = "Asia/Shanghai"


@pytest.mark.parametrize(("kind", "rel"), [
    ("qq", "qq/message_manager_gb18030.txt"), ("qq", "qq/qce_v5.json"),
    ("wechat", "wechat/messages.csv"), ("wechat", "wechat/张经理.html"),
    ("email", "email/contract.eml"), ("email", "email/job.mbox"),
    ("telegram", "telegram/html/messages.html"),
    ("wechatpay", "bills/wechatpay.csv"), ("wechatpay", "bills/wechatpay.xlsx"),
    ("alipay", "bills/alipay.csv"), ("auto", "bills/alipay.csv"), ("auto", "qq/qce_v5.json"),
])
def test_the_child_gives_the_same_result_as_parsing_in_process(kind: str, rel: str) -> None:
    path = DATA / rel
    isolated = parse_file_isolated(kind, path, tz=TZ)
    assert isolated == parse_file(kind, path.absolute(), tz=TZ)


def test_handles_attachments_and_media_survive_the_round_trip() -> None:
    qq = parse_file("qq", DATA / "qq/message_manager_gb18030.txt", tz=TZ)
    assert isinstance(qq, ParsedChat) and qq.handles
    assert parse_file_isolated("qq", DATA / "qq/message_manager_gb18030.txt", tz=TZ).handles \
        == qq.handles
    mail = parse_file_isolated("email", DATA / "email/contract.eml", tz=TZ)
    assert isinstance(mail, ParsedChat)
    [(name, data)] = [d for m in mail.messages for d in m.data_media]
    assert name == "contract.png" and data.startswith(b"\x89PNG")
    tg = parse_file_isolated("telegram", DATA / "telegram/html/messages.html", tz=TZ)
    assert isinstance(tg, ParsedChat) and any(m.media for m in tg.messages)


def _mail_json() -> tuple[dict[str, Any], Path]:
    path = (DATA / "email/contract.eml").absolute()
    chat = parse_file("email", path, tz=TZ)
    assert isinstance(chat, ParsedChat)
    return chat_to_json(chat), path


@pytest.mark.parametrize("change", ["bad_base64", "handle_kind", "long_handle", "media_path",
                                    "unknown_app"])
def test_a_misled_childs_chat_is_refused(change: str) -> None:
    raw, path = _mail_json()
    raw = copy.deepcopy(raw)
    msg = raw["messages"][0]
    if change == "bad_base64":
        msg[9][0][1] = "not base64!"
    elif change == "handle_kind":
        raw["handles"] = {"张经理": [["password", "x"]]}
    elif change == "long_handle":
        raw["handles"] = {"张经理": [["email", "x" * 201]]}
    elif change == "media_path":
        msg[5] = ["contract.eml"]  # e-mail takes no file beside the export
    else:
        raw["app"] = "bank"
    with pytest.raises((TypeError, ValueError)):
        chat_from_json(raw, path)


def test_an_attachment_name_from_the_child_stays_a_plain_file_name() -> None:
    raw, path = _mail_json()
    raw["messages"][0][9] = [["../../etc/passwd", base64.b64encode(b"x").decode()]]
    chat = chat_from_json(raw, path)
    assert chat.messages[0].data_media == [(".._.._etc_passwd", b"x")]


@pytest.mark.parametrize(("key", "value"), [("amount", "-5.00"), ("amount", "1e9"),
                                            ("direction", "stolen"), ("line", 0),
                                            ("occurred_at", ["2024-03-05T14:33:20", None])])
def test_a_misled_childs_bill_is_refused(key: str, value: Any) -> None:
    path = (DATA / "bills/wechatpay.csv").absolute()
    bill = parse_file("wechatpay", path)
    assert isinstance(bill, ParsedBill)
    raw = bill_to_json(bill)
    assert bill_from_json(raw, path) == bill
    raw["rows"][0][key] = value
    with pytest.raises((TypeError, ValueError)):
        bill_from_json(raw, path)


def test_email_attachments_and_bill_originals_count_in_the_import_budget(journal: Any) -> None:
    from journal.core.errors import ImportFormatError
    from journal.core.importers import ImportLimits, import_bill, import_chat

    eml = (DATA / "email/contract.eml").absolute()
    chat = parse_file("email", eml, tz=TZ)
    assert isinstance(chat, ParsedChat)
    size = eml.stat().st_size
    with pytest.raises(ImportFormatError) as info:  # the file fits, not with its attachment too
        import_chat(journal, chat, limits=ImportLimits(total_bytes=size + 69))
    assert info.value.key == "import.too_much"
    bill_path = (DATA / "bills/wechatpay.csv").absolute()
    bill = parse_file("wechatpay", bill_path)
    assert isinstance(bill, ParsedBill)
    with pytest.raises(ImportFormatError) as info:
        import_bill(journal, bill, limits=ImportLimits(total_bytes=bill_path.stat().st_size - 1))
    assert info.value.key == "import.too_much"
    assert journal.count_entries(include_deleted=True) == 0 and journal.list_imports() == []
    result = import_chat(journal, chat, limits=ImportLimits(total_bytes=size + 70))
    assert result.attachments == 1
