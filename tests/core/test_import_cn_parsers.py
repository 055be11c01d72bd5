"""The QQ, WeChat, bill, Telegram-HTML and e-mail parsers on fixtures written from each format."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from journal.core.errors import ImportFormatError
from journal.core.importers import detect_kind, parse_file
from journal.core.importers.bills import ParsedBill, parse_wechatpay_bytes, select_rows
from journal.core.importers.common import ParsedChat

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
TZ = "Asia/Shanghai"


def chat(kind: str, rel: str, lang: str = "en") -> ParsedChat:
    parsed = parse_file(kind, DATA / rel, tz=TZ, lang=lang)
    assert isinstance(parsed, ParsedChat)
    return parsed


def bill(kind: str, rel: str) -> ParsedBill:
    parsed = parse_file(kind, DATA / rel, tz=TZ, lang="en")
    assert isinstance(parsed, ParsedBill)
    return parsed


def rows(parsed: ParsedChat) -> list[tuple[str, str, str]]:
    return [(m.sent_at.isoformat(), m.sender, m.text) for m in parsed.messages]


# ------------------------------------------------------------------------------------------ QQ
def test_qq_message_manager_gb18030_reads_sections_headers_and_multiline_bodies() -> None:
    parsed = chat("qq", "qq/message_manager_gb18030.txt")
    assert parsed.app == "qq" and parsed.conversations == ["张经理", "王老师"]
    assert rows(parsed) == [
        ("2024-03-05T14:30:12+08:00", "张经理", "你好，我们公司招兼职摄影，\n每天拍几张港口的照片就行。"),
        ("2024-03-05T14:31:02+08:00", "小刘", "真的吗？报酬多少？"),
        ("2024-03-05T14:32:40+08:00", "张经理", "一次 2000 元，微信转账。"),
        ("2024-03-06T09:15:00+08:00", "张经理", "以后用 Telegram 联系，这里不安全。"),
        ("2024-03-07T20:00:00+08:00", "王老师", "有事可以随时找我。"),
    ]
    assert [m.conversation for m in parsed.messages] == ["张经理"] * 4 + ["王老师"]
    assert parsed.format_text("zh") == "QQ 消息管理器导出（文本，2 个会话）"


def test_qq_message_manager_utf8_bom_reads_the_same_as_gb18030() -> None:
    assert rows(chat("qq", "qq/message_manager_bom.txt")) == \
        rows(chat("qq", "qq/message_manager_gb18030.txt"))


def test_qq_chat_exporter_json_marks_the_user_by_self_uid_and_notes_files_and_recalls() -> None:
    parsed = chat("qq", "qq/qce_v5.json", lang="zh")
    assert parsed.self_name == "小刘" and parsed.senders == ["张经理", "小刘"]
    assert parsed.chat_name == "张经理"
    assert rows(parsed)[0] == ("2024-03-05T14:30:12+08:00", "张经理", "明天下午三点到码头拍军舰")
    assert parsed.messages[1].media_note == "image：port.jpg"
    assert parsed.messages[2].media_note == "已被发送者撤回"


# -------------------------------------------------------------------------------------- WeChat
def test_wechat_csv_uses_is_sender_create_time_and_reads_transfers() -> None:
    parsed = chat("wechat", "wechat/messages.csv")
    assert parsed.self_name == "Me" and parsed.chat_name == "张经理"
    assert [(m.sent_at.isoformat(), m.sender, m.text, m.media_note) for m in parsed.messages] == [
        ("2024-03-05T14:30:12+08:00", "张经理", "你好，有个兼职", ""),
        ("2024-03-05T14:31:02+08:00", "Me", "什么兼职？\n多少钱？", ""),
        ("2024-03-05T14:33:20+08:00", "张经理", "", "transfer ￥2000.00 定金"),
        ("2024-03-06T09:55:00+08:00", "张经理", "", "picture"),
        ("2024-03-06T09:56:00+08:00", "", "你撤回了一条消息", ""),
    ]
    assert parsed.messages[-1].is_service


def test_wechat_exporter_txt_keeps_continuation_lines() -> None:
    parsed = chat("wechat", "wechat/张经理.txt")
    assert parsed.chat_name == "张经理"
    assert rows(parsed) == [
        ("2024-03-05T14:30:12+08:00", "张经理", "你好，有个兼职"),
        ("2024-03-05T14:31:02+08:00", "小刘", "什么兼职？\n多少钱？"),
        ("2024-03-06T09:15:00+08:00", "张经理", "以后用 Telegram 联系"),
    ]


def test_wechat_exporter_html_takes_the_right_hand_side_as_the_user() -> None:
    parsed = chat("wechat", "wechat/张经理.html")
    assert parsed.self_name == "小刘" and parsed.chat_name == "张经理"
    assert rows(parsed) == [
        ("2024-03-05T14:30:12+08:00", "张经理", "你好，有个兼职\n拍港口照片"),
        ("2024-03-05T14:31:02+08:00", "小刘", "报酬多少？"),
        ("2024-03-06T09:15:00+08:00", "张经理", "一次 2000 & 报销路费"),
    ]


# ------------------------------------------------------------------------------- Telegram HTML
def test_telegram_html_export_reads_joined_messages_offsets_and_photos() -> None:
    parsed = chat("telegram", "telegram/html/messages.html")
    assert parsed.chat_name == "Director Zhang" and parsed.format_key == "import.format.telegram_html"
    assert rows(parsed) == [
        ("2024-03-05T14:30:12+08:00", "Director Zhang",
         "Photograph the ships at the port tomorrow.\nPay is 2000."),
        ("2024-03-05T14:31:00+08:00", "Director Zhang", "Like this one"),
        ("2024-03-05T15:00:00+08:00", "Liu", "OK & thanks"),
    ]
    assert [p.name for p in parsed.messages[1].media] == ["photo_1@05-03-2024_14-31-00.jpg"]


def test_telegram_html_converts_the_written_offset_into_the_chosen_zone() -> None:
    parsed = parse_file("telegram", DATA / "telegram/html/messages.html", tz="Europe/London")
    assert isinstance(parsed, ParsedChat)
    assert parsed.messages[0].sent_at.isoformat() == "2024-03-05T06:30:12+00:00"


# -------------------------------------------------------------------------------------- e-mail
def test_eml_reads_encoded_headers_body_and_keeps_the_attachment_bytes() -> None:
    parsed = chat("email", "email/contract.eml", lang="zh")
    (m,) = parsed.messages
    assert m.sender == "张经理" and m.sent_at.isoformat() == "2024-03-05T14:40:00+08:00"
    assert m.text.startswith("主题：兼职合同\n收件人：Liu <liu@example.com>")
    assert "请签合同" in m.text
    assert [name for name, _ in m.data_media] == ["contract.png"]
    assert m.data_media[0][1].startswith(b"\x89PNG")


def test_mbox_splits_messages_unescapes_from_lines_and_reads_html_bodies() -> None:
    parsed = chat("email", "email/job.mbox")
    assert parsed.format_text("en") == "Mailbox (.mbox, 2 messages)"
    first, second = parsed.messages
    assert first.sender == "Director Zhang" and "\nFrom now on use the new account." in first.text
    assert second.sender == "Liu" and second.text.endswith("I will not do that.")


# --------------------------------------------------------------------------------------- bills
WECHATPAY_ROWS = [
    ("2024-03-05T14:33:20+08:00", "转账", "张经理", "received", Decimal("2000.00"),
     "1000050001202403050000000001"),
    ("2024-03-06T12:00:00+08:00", "商户消费", "校园超市", "sent", Decimal("5.50"),
     "4200001234202403060000000002"),
    ("2024-03-07T08:00:00+08:00", "微信红包（单发）", "张经理", "received", Decimal("200.00"),
     "1000039901202403070000000003"),
    ("2024-03-08T19:30:00+08:00", "转账", "王老师", "sent", Decimal("100.00"),
     "1000050001202403080000000004"),
    ("2024-03-09T18:00:00+08:00", "扫二维码付款", "张经理", "sent", Decimal("30.00"),
     "4200001234202403090000000005"),
]


def bill_rows(parsed: ParsedBill) -> list[tuple[str, str, str, str | None, Decimal, str]]:
    return [(r.occurred_at.isoformat(), r.type, r.counterpart, r.direction, r.amount, r.reference)
            for r in parsed.rows]


@pytest.mark.parametrize("rel", ["bills/wechatpay.csv", "bills/wechatpay.xlsx"])
def test_wechatpay_bill_skips_the_preamble_and_reads_every_row(rel: str) -> None:
    parsed = bill("wechatpay", rel)
    assert parsed.account == "小刘"
    assert bill_rows(parsed) == WECHATPAY_ROWS
    assert parsed.counterparts == ["张经理", "校园超市", "王老师"]


def test_bill_default_selection_is_transfers_and_red_packets_without_purchases() -> None:
    parsed = bill("wechatpay", "bills/wechatpay.csv")
    assert [r.reference[-2:] for r in select_rows(parsed, None)] == ["01", "03", "04"]
    assert [r.reference[-2:] for r in select_rows(parsed, ["张经理"])] == ["01", "03", "05"]
    with pytest.raises(ImportFormatError) as err:
        select_rows(parsed, ["Nobody"])
    assert err.value.key == "import.bill_unknown_counterpart"
    assert "张经理、校园超市、王老师" in err.value.message("zh")


def test_alipay_gb18030_bill_reads_account_directions_and_order_numbers() -> None:
    parsed = bill("alipay", "bills/alipay.csv")
    assert parsed.account == "刘小明"
    assert [(r.counterpart, r.account, r.direction, r.amount, r.reference) for r in parsed.rows] == [
        ("李先生", "li***@163.com", "received", Decimal("500.00"), "20240306200040011100000000000001"),
        ("学校食堂", "ca***@school.cn", "sent", Decimal("20.00"), "20240306200040011100000000000002"),
        ("李先生", "li***@163.com", "sent", Decimal("50.00"), "20240310200040011100000000000003"),
    ]
    assert [r.is_transfer for r in parsed.rows] == [True, False, True]


# ------------------------------------------------------------------------------- recognition
@pytest.mark.parametrize(("rel", "kind"), [
    ("qq/message_manager_gb18030.txt", "qq"), ("qq/message_manager_bom.txt", "qq"),
    ("qq/qce_v5.json", "qq"), ("wechat/messages.csv", "wechat"), ("wechat/张经理.txt", "wechat"),
    ("wechat/张经理.html", "wechat"), ("telegram/html/messages.html", "telegram"),
    ("bills/wechatpay.csv", "wechatpay"), ("bills/wechatpay.xlsx", "wechatpay"),
    ("bills/alipay.csv", "alipay"), ("email/contract.eml", "email"), ("email/job.mbox", "email"),
    ("telegram/chat/result.json", "telegram"), ("csv/chat.csv", "csv"),
    ("whatsapp/android_dmy_24h/WhatsApp Chat with Xiao Min.txt", "whatsapp"),
])
def test_auto_recognises_each_format(rel: str, kind: str, tmp_path: Path) -> None:
    # under a neutral name, so that only the content tells (a plain table is known by its suffix)
    copy = tmp_path / ("export" + (Path(rel).suffix if rel.endswith((".xlsx", "chat.csv"))
                                   else ".dat"))
    shutil.copyfile(DATA / rel, copy)
    assert detect_kind(copy) == kind
    assert detect_kind(DATA / rel) == kind


# ------------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(("kind", "rel", "key"), [
    ("qq", "wechat/messages.csv", "import.not_qq"),
    ("qq", "telegram/chat/result.json", "import.not_qq"),
    ("wechat", "qq/message_manager_bom.txt", "import.not_wechat"),
    ("wechat", "bills/wechatpay.csv", "import.not_wechat"),
    ("wechatpay", "bills/alipay.csv", "import.not_wechatpay"),
    ("wechatpay", "qq/qce_v5.json", "import.not_wechatpay"),
    ("alipay", "bills/wechatpay.csv", "import.not_alipay"),
    ("alipay", "bills/wechatpay.xlsx", "import.not_alipay"),
    ("email", "wechat/张经理.txt", "import.not_email"),
    ("telegram", "wechat/张经理.html", "import.not_telegram_html"),
])
def test_a_file_of_another_format_gives_that_kinds_message(kind: str, rel: str, key: str) -> None:
    with pytest.raises(ImportFormatError) as err:
        parse_file(kind, DATA / rel, tz=TZ)
    assert err.value.key == key
    assert "Nothing was added" in err.value.message("en")
    assert "日志中没有添加任何内容。" in err.value.message("zh")


@pytest.mark.parametrize("kind", ["qq", "wechat", "wechatpay", "alipay"])
def test_bytes_that_are_neither_utf8_nor_gb18030_are_an_encoding_error(kind: str,
                                                                       tmp_path: Path) -> None:
    bad = tmp_path / "export.txt"
    bad.write_bytes("消息记录".encode("gb18030") + b"\x81\x30\xff\xfe abc\n")
    with pytest.raises(ImportFormatError) as err:
        parse_file(kind, bad, tz=TZ)
    assert err.value.key == "import.bad_encoding"
    assert "GB18030" in err.value.message("zh")


def test_a_bill_cut_short_in_a_row_names_the_line(tmp_path: Path) -> None:
    data = (DATA / "bills/wechatpay.csv").read_bytes()
    cut = data[:data.index(b"2024-03-07 08:00:00") + 30]
    with pytest.raises(ImportFormatError) as err:
        parse_wechatpay_bytes(cut, name="bill.csv", tz=TZ)
    assert err.value.key == "import.bill_bad_row" and err.value.params["line"] == 18


def test_a_bill_cut_before_its_table_is_not_a_bill(tmp_path: Path) -> None:
    data = (DATA / "bills/wechatpay.csv").read_bytes()
    with pytest.raises(ImportFormatError) as err:
        parse_wechatpay_bytes(data[:300], name="bill.csv", tz=TZ)
    assert err.value.key == "import.not_wechatpay"


def test_a_truncated_xlsx_bill_is_not_a_bill(tmp_path: Path) -> None:
    data = (DATA / "bills/wechatpay.xlsx").read_bytes()
    with pytest.raises(ImportFormatError) as err:
        parse_wechatpay_bytes(data[: len(data) // 2], name="bill.xlsx", tz=TZ)
    assert err.value.key == "import.not_wechatpay"


def test_a_truncated_qq_json_is_not_a_qq_export(tmp_path: Path) -> None:
    cut = tmp_path / "qq.json"
    cut.write_bytes((DATA / "qq/qce_v5.json").read_bytes()[:500])
    with pytest.raises(ImportFormatError) as err:
        parse_file("qq", cut, tz=TZ)
    assert err.value.key == "import.not_qq"


def test_auto_on_an_unknown_file_asks_for_the_format(tmp_path: Path) -> None:
    odd = tmp_path / "notes.bin"
    odd.write_bytes(b"just some words\n")
    with pytest.raises(ImportFormatError) as err:
        parse_file("auto", odd)
    assert err.value.key == "import.unrecognised"
    assert "请自己选择格式" in err.value.message("zh")


def test_a_gb18030_chat_cut_inside_its_last_character_keeps_the_rest(tmp_path: Path) -> None:
    data = (DATA / "qq/message_manager_gb18030.txt").read_bytes().rstrip(b"\r\n")
    cut = tmp_path / "qq.txt"
    cut.write_bytes(data[:-1])  # half of the final "。"
    parsed = chat("qq", str(cut))
    assert parsed.messages[-1].text == "有事可以随时找我"


def test_qq_chat_exporter_self_uid_alone_marks_the_user(tmp_path: Path) -> None:
    import json

    doc = json.loads((DATA / "qq/qce_v5.json").read_text(encoding="utf-8"))
    del doc["chatInfo"]["selfUin"]
    path = tmp_path / "only_uid.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert chat("qq", str(path)).self_name == "小刘"
    doc["chatInfo"]["selfUid"] = "u_zhang"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert chat("qq", str(path)).self_name == "张经理"


def test_bill_times_are_beijing_time_unless_a_zone_is_given() -> None:
    from journal.core.importers.bills import parse_alipay

    assert parse_alipay(DATA / "bills/alipay.csv").rows[0].occurred_at.isoformat() == \
        "2024-03-06T09:00:00+08:00"
    assert parse_alipay(DATA / "bills/alipay.csv", tz="UTC").rows[0].occurred_at.isoformat() == \
        "2024-03-06T09:00:00+00:00"


def test_wechat_csv_group_chat_keeps_members_apart(tmp_path: Path) -> None:
    head = ("localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,"
            "NickName,Sender\n")
    body = ("1,9,1,0,0,1709620212,2,大家好,2024-03-05 14:30:12,兼职群,Jobs,wxid_aaa\n"
            "2,9,1,0,0,1709620262,2,明天码头见,2024-03-05 14:31:02,兼职群,Jobs,wxid_bbb\n"
            "3,9,1,0,1,1709620300,2,好,2024-03-05 14:31:40,兼职群,Jobs,\n")
    path = tmp_path / "group.csv"
    path.write_text(head + body, encoding="utf-8")
    parsed = chat("wechat", str(path))
    assert parsed.chat_name == "兼职群"
    assert [m.sender for m in parsed.messages] == ["wxid_aaa", "wxid_bbb", "Me"]
    assert parsed.handles == {"wxid_aaa": [("wechat", "wxid_aaa")],
                              "wxid_bbb": [("wechat", "wxid_bbb")]}


@pytest.mark.parametrize(("name", "text"), [
    ("微信聊天.txt", "张总：帮我拍几张照片\n我：好的\n"),
    ("notes.txt", "2024-03-05 went to the harbour, took no photos\nMr Zhang called again\n"),
])
def test_auto_takes_an_unrecognised_text_file_for_no_format_not_for_whatsapp(
        tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert detect_kind(path) is None
    with pytest.raises(ImportFormatError) as err:
        parse_file("auto", path)
    assert err.value.key == "import.unrecognised"
    en, zh = err.value.message("en"), err.value.message("zh")
    assert f"The format of “{name}” was not recognised" in en
    assert "journal-cli import qq FILE" in en and "WeChat" in en
    assert f"无法识别“{name}”的格式" in zh and "微信" in zh
    # asked for by name, the WhatsApp reader keeps its own message
    with pytest.raises(ImportFormatError) as err:
        parse_file("whatsapp", path)
    assert err.value.key == "import.not_whatsapp"


def test_auto_still_recognises_every_whatsapp_text_export_of_the_fixtures() -> None:
    exports = sorted((DATA / "whatsapp").glob("*/*.txt"))
    assert len(exports) >= 8
    for path in exports:
        assert detect_kind(path) == "whatsapp", path
