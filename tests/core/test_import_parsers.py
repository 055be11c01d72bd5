"""Chat-export parsers, message by message: sender, time, text (fixtures in tests/data/imports)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from journal.core.errors import ImportFormatError
from journal.core.i18n import message
from journal.core.importers import (
    detect_kind,
    parse_csv,
    parse_file,
    parse_telegram,
    parse_whatsapp,
)
from journal.core.importers.common import MAX_IMPORT_BYTES, system_tz_name

DATA = Path(__file__).resolve().parent.parent / "data" / "imports"
SH = ZoneInfo("Asia/Shanghai")


def at(y: int, mo: int, d: int, h: int, mi: int, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=SH)


def rows(chat) -> list[tuple[datetime, str, str]]:  # type: ignore[no-untyped-def]
    return [(m.sent_at, m.sender, m.text) for m in chat.messages if not m.is_service]


# ------------------------------------------------------------------ WhatsApp


def test_whatsapp_android_day_first_24h() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/android_dmy_24h/WhatsApp Chat with Xiao Min.txt",
                          tz="Asia/Shanghai", lang="en")
    assert chat.app == "whatsapp" and chat.date_order == "DMY" and chat.tz_name == "Asia/Shanghai"
    assert chat.chat_name == "Xiao Min"
    assert chat.senders == ["Xiao Min", "Liu", "+86 138 0013 8000"]
    assert chat.self_name is None  # three senders: the file does not say who exported it
    assert chat.messages[0].is_service and "end-to-end" in chat.messages[0].text
    assert rows(chat) == [
        (at(2024, 3, 12, 14, 5), "Xiao Min",
         "Hi Liu! A magazine needs photos of tourists and yachts at the port 😊"),
        (at(2024, 3, 12, 14, 7), "Liu", "How much does it pay?"),
        (at(2024, 3, 12, 14, 8), "Xiao Min",
         "300 yuan each shift.\nPaid the same day.\nDon't tell your classmates, ok?"),
        (at(2024, 3, 13, 9, 30), "Xiao Min", ""),
        (at(2024, 3, 13, 21, 15), "+86 138 0013 8000", "我是小敏的同事,明天去码头拍军舰 🚢"),
        (at(2024, 3, 13, 21, 16), "Liu", "为什么要拍军舰?"),
    ]
    assert chat.messages[4].media_note == "<Media omitted>"
    assert chat.warnings == []
    assert "Android" in chat.format_note and "24-hour" in chat.format_note
    assert "安卓" in chat.format_text("zh")


def test_whatsapp_android_month_first_12h_narrow_space() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/android_mdy_12h/chat.txt", tz="Asia/Shanghai")
    assert chat.date_order == "MDY" and "12-hour" in chat.format_note
    assert rows(chat) == [
        (at(2024, 3, 12, 14, 5), "Director Zhang",
         "We run a marine survey. Can you photograph ships at sea?"),
        (at(2024, 3, 12, 14, 9), "Wang", "What kind of ships?"),
        (at(2024, 3, 13, 0, 1), "Director Zhang", "Any ships. Later maybe the naval ones."),
        (at(2024, 3, 13, 12, 30), "Wang", "I will think about it."),
    ]
    assert chat.messages[0].is_service


def test_whatsapp_ios_marks_seconds_and_media_folder() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/ios_dmy/_chat.txt", tz="Asia/Shanghai")
    assert chat.date_order == "DMY" and "iPhone" in chat.format_note
    assert chat.messages[0].is_service and chat.messages[0].sender == ""
    assert chat.senders == ["Xiao Min", "Liu"]
    assert rows(chat) == [
        (at(2024, 3, 12, 14, 6, 1), "Xiao Min", "Let's move to another app, it's safer 🔒"),
        (at(2024, 3, 12, 14, 6, 45), "Liu", "ok"),
        (at(2024, 3, 13, 10, 0, 0), "Xiao Min", ""),
        (at(2024, 3, 13, 10, 1, 12), "Liu", ""),
        (at(2024, 3, 13, 10, 2, 0), "Xiao Min",
         'Use the word "tea" for ships from now on.\nWhen you say tea, I know.'),
        (at(2024, 3, 25, 18, 0, 0), "Xiao Min", "送你一部新手机和一辆电动车 🎁"),
    ]
    assert chat.messages[3].media_note == "image omitted" and chat.messages[3].media == []
    photo = chat.messages[4]
    assert [p.name for p in photo.media] == ["00000012-PHOTO-2024-03-13-10-01-12.jpg"]
    assert photo.media[0].is_file()


def test_whatsapp_ios_am_pm_with_dots_and_no_break_space() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/ios_mdy_ampm/_chat.txt", tz="Asia/Shanghai")
    assert chat.date_order == "MDY"
    assert rows(chat) == [
        (at(2024, 3, 12, 9, 5), "Xiao Min", "Good morning!"),
        (at(2024, 3, 12, 13, 15, 30), "Liu", "Good afternoon"),
        (at(2024, 3, 14, 0, 0, 0), "Xiao Min", "Midnight already, sleep well 🌙"),
        (at(2024, 3, 14, 12, 0, 5), "Xiao Min", "Noon: the boat leaves at 3."),
    ]


def test_whatsapp_spanish_p_m_with_spaces() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/android_es_pm/chat.txt", tz="Asia/Shanghai")
    assert chat.date_order == "DMY"
    assert rows(chat) == [
        (at(2024, 3, 14, 8, 40), "Xiao Min", "Hola"),
        (at(2024, 3, 14, 15, 5), "Liu", "Hola, ¿qué tal?"),
        (at(2024, 3, 15, 12, 10), "Xiao Min", "Foto del puerto, por favor"),
    ]


def test_whatsapp_chinese_year_first_with_afternoon_prefix_and_attached_file() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/android_zh_ymd/chat.txt", tz="Asia/Shanghai")
    assert chat.date_order == "YMD"
    assert rows(chat) == [
        (at(2024, 3, 12, 9, 5), "小敏", "早上好!今天去港口拍游艇吗?"),
        (at(2024, 3, 12, 14, 30), "刘", "好的"),
        (at(2024, 3, 12, 14, 31), "小敏", "这是要拍的地方"),
        (at(2024, 3, 13, 23, 59), "小敏", "记得删掉聊天记录 🤫"),
    ]
    assert [p.name for p in chat.messages[2].media] == ["IMG-20240312-WA0001.jpg"]


def test_whatsapp_german_dots_and_system_lines_with_colons() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/android_de_dots/chat.txt", tz="Asia/Shanghai")
    assert chat.date_order == "DMY"
    assert [m.is_service for m in chat.messages] == [True, True, False, False]
    assert chat.messages[0].text == 'Xiao Min created group "Work: photos"'
    assert chat.senders == ["Xiao Min", "Liu"]
    assert rows(chat) == [(at(2024, 4, 1, 8, 2), "Xiao Min", "Willkommen"),
                          (at(2024, 4, 30, 23, 59), "Liu", "Danke")]


def test_whatsapp_year_first_dashes_with_seconds() -> None:
    chat = parse_whatsapp(DATA / "whatsapp/android_iso/chat.txt", tz="Asia/Shanghai")
    assert chat.date_order == "YMD"
    assert rows(chat) == [(at(2024, 3, 12, 14, 5, 10), "Xiao Min", "first"),
                          (at(2024, 3, 12, 14, 6), "Liu", "second")]


def test_whatsapp_ambiguous_dates_default_with_warning_and_override() -> None:
    path = DATA / "whatsapp/ambiguous/chat.txt"
    chat = parse_whatsapp(path, tz="Asia/Shanghai")
    assert chat.date_order == "DMY" and chat.date_order_ambiguous
    assert [w.key for w in chat.warnings] == ["import.warn.date_order_default"]
    assert "DMY" in chat.warnings[0].message("en") and "DMY" in chat.warnings[0].message("zh")
    assert chat.messages[2].sent_at == at(2024, 4, 3, 11, 0)
    us = parse_whatsapp(path, tz="Asia/Shanghai", date_order="MDY")
    assert us.date_order == "MDY" and us.warnings == []
    assert us.messages[2].sent_at == at(2024, 3, 4, 11, 0)


def test_whatsapp_order_is_decided_from_the_whole_file_not_line_by_line(tmp_path: Path) -> None:
    # the first lines are ambiguous; line 3 (13 in the second field) decides month-first for all
    f = tmp_path / "chat.txt"
    f.write_text("01/02/2024, 10:00 - A: one\n01/05/2024, 10:00 - B: two\n01/13/2024, 10:00 - A: three\n",
                 encoding="utf-8")
    chat = parse_whatsapp(f, tz="UTC")
    assert chat.date_order == "MDY" and chat.warnings == []
    assert [m.sent_at.date().isoformat() for m in chat.messages] == \
        ["2024-01-02", "2024-01-05", "2024-01-13"]


def test_whatsapp_order_from_message_sequence(tmp_path: Path) -> None:
    f = tmp_path / "chat.txt"  # day-first keeps these in time order; month-first would not
    f.write_text("02/01/2024, 10:00 - A: one\n03/01/2024, 10:00 - B: two\n01/02/2024, 10:00 - A: three\n",
                 encoding="utf-8")
    chat = parse_whatsapp(f, tz="UTC")
    assert chat.date_order == "DMY"
    assert [w.key for w in chat.warnings] == ["import.warn.date_order_sequence"]


def test_whatsapp_explicit_order_that_cannot_be_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "chat.txt"
    f.write_text("25/03/2024, 10:00 - A: one\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        parse_whatsapp(f, tz="UTC", date_order="MDY")
    assert info.value.key == "import.date_order_impossible"
    assert "25/03/2024" in info.value.message("zh")


def test_whatsapp_self_name_from_file_name(tmp_path: Path) -> None:
    f = tmp_path / "WhatsApp Chat with Xiao Min.txt"
    f.write_text("12/03/2024, 14:05 - Xiao Min: hi\n12/03/2024, 14:06 - Liu: hello\n", encoding="utf-8")
    chat = parse_whatsapp(f, tz="UTC")
    assert chat.chat_name == "Xiao Min" and chat.self_name == "Liu"


def test_whatsapp_crlf_bom_and_utf16(tmp_path: Path) -> None:
    text = "12/03/2024, 14:05 - Xiao Min: 你好\r\nsecond line\r\n13/03/2024, 09:00 - Liu: ok\r\n"
    a = tmp_path / "a.txt"
    a.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    b = tmp_path / "b.txt"
    b.write_bytes(text.encode("utf-16"))
    for f in (a, b):
        chat = parse_whatsapp(f, tz="UTC")
        assert [(m.sender, m.text) for m in chat.messages] == [("Xiao Min", "你好\nsecond line"),
                                                              ("Liu", "ok")]


def test_whatsapp_default_zone_is_the_systems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    assert system_tz_name() == "Europe/London"
    f = tmp_path / "c.txt"
    f.write_text("01/07/2024, 12:00 - A: summer\n", encoding="utf-8")
    chat = parse_whatsapp(f)
    assert chat.tz_name == "Europe/London"
    assert chat.messages[0].sent_at.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]


# ------------------------------------------------------------------ Telegram


def test_telegram_single_chat_with_entities_service_forward_and_media() -> None:
    chat = parse_telegram(DATA / "telegram/chat/result.json", tz="Asia/Shanghai", lang="en")
    assert chat.app == "telegram" and chat.chat_name == "Xiao Min" and chat.date_order is None
    assert chat.senders == ["Xiao Min", "Liu"] and chat.self_name == "Liu"
    m = chat.messages
    # date_unixtime wins: 1710223500 is 06:05 UTC = 14:05 in Shanghai (the "date" field agrees)
    assert (m[0].sent_at, m[0].sender, m[0].text) == (at(2024, 3, 12, 14, 5), "Xiao Min",
                                                       "Hello Liu! 你好 👋")
    assert m[1].text == ("The job is 300 yuan per shift, see this page (https://example.org/job) "
                         "and ask @xiaomin_photo.")
    assert m[2].text == "港口的游艇" and [p.name for p in m[2].media] == \
        ["photo_1@12-03-2024_14-07-00.jpg"]
    assert [p.name for p in m[3].media] == ["contract.pdf"] and m[3].media_note == "file contract.pdf"
    assert m[4].media == [] and m[4].media_note == "voice message not included in the export"
    assert m[5].forwarded_from == "Harbour News" and m[5].text == "Navy ships arrive on Friday"
    assert m[6].is_service and m[6].text == "call (95 s)" and m[6].sent_at == at(2024, 3, 13, 20, 0)
    assert m[7].text == "🌹"
    assert m[8].media_note == "photo not included in the export"
    assert [w.key for w in chat.warnings] == ["import.warn.media_missing"]


def test_telegram_unixtime_is_preferred_over_local_date(tmp_path: Path) -> None:
    doc = {"name": "X", "type": "personal_chat", "messages": [
        {"id": 1, "type": "message", "date": "2024-03-12T14:05:00", "date_unixtime": "1710223500",
         "from": "X", "text": "a"},
        {"id": 2, "type": "message", "date": "2024-03-12T14:06:00", "from": "X", "text": "b"}]}
    f = tmp_path / "result.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    chat = parse_telegram(f, tz="Europe/London")
    assert chat.messages[0].sent_at == datetime(2024, 3, 12, 6, 5, tzinfo=ZoneInfo("Europe/London"))
    assert chat.messages[1].sent_at == datetime(2024, 3, 12, 14, 6, tzinfo=ZoneInfo("Europe/London"))


def test_telegram_whole_account_export() -> None:
    chat = parse_telegram(DATA / "telegram/account/result.json", tz="Asia/Shanghai", lang="zh")
    assert chat.conversations == ["Director Zhang", "Work group"]
    assert chat.self_name == "Liu"
    assert "2" in chat.format_text("en") and "whole account" in chat.format_text("en")
    conv = [(m.conversation, m.sender, m.text) for m in chat.messages]
    assert conv[0] == ("Director Zhang", "Director Zhang", "Marine survey job: photograph ships at sea.")
    assert conv[1] == ("Director Zhang", "Liu", "Which ships?")
    assert conv[2][2] == "这种军舰" and len(chat.messages[2].media) == 1
    assert chat.messages[3].is_service and chat.messages[3].text == "创建了群组“Work group”"
    assert conv[5][1] == "（已注销账号）"
    assert chat.messages[0].sent_at == at(2024, 4, 1, 17, 0)


def test_telegram_media_paths_cannot_leave_the_export_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not evidence", encoding="utf-8")
    export = tmp_path / "export"
    export.mkdir()
    doc = {"name": "X", "type": "personal_chat", "messages": [
        {"id": 1, "type": "message", "date_unixtime": "1710223500", "from": "X",
         "file": "../secret.txt", "text": ""},
        {"id": 2, "type": "message", "date_unixtime": "1710223500", "from": "X",
         "photo": str(secret), "text": ""}]}
    (export / "result.json").write_text(json.dumps(doc), encoding="utf-8")
    chat = parse_telegram(export / "result.json", tz="UTC")
    assert all(m.media == [] for m in chat.messages)


# ------------------------------------------------------------------ CSV


def test_csv_with_header_bom_quotes_and_offset() -> None:
    chat = parse_csv(DATA / "csv/chat.csv", tz="Asia/Shanghai")
    assert chat.app == "csv" and chat.date_order == "YMD"
    assert rows(chat) == [
        (at(2024, 3, 12, 14, 5), "Xiao Min", "Hello, are you the student who takes photos?"),
        (at(2024, 3, 12, 14, 6, 30), "Liu", "yes 😊"),
        (at(2024, 3, 13, 9, 0), "小敏", "明天去码头。\n记住暗号:喝茶"),
    ]


def test_csv_tabs_without_header_day_first() -> None:
    chat = parse_csv(DATA / "csv/chat_tab.tsv", tz="Asia/Shanghai")
    assert chat.date_order == "DMY" and "tabs" in chat.format_note
    assert rows(chat) == [(at(2024, 3, 12, 14, 5), "Xiao Min", "first line"),
                          (at(2024, 3, 25, 8, 0), "Liu", "second, with a comma")]


def test_csv_chinese_headers_in_any_order_and_semicolons() -> None:
    chat = parse_csv(DATA / "csv/chat_headers_zh.csv", tz="Asia/Shanghai")
    assert rows(chat) == [(at(2024, 3, 12, 14, 5), "小敏", "你好"),
                          (at(2024, 3, 12, 14, 6), "刘", "在吗")]


def test_csv_unquoted_commas_are_kept_in_the_text(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text("2024-03-12 14:05,Xiao Min,hello, how are you, friend\n", encoding="utf-8")
    chat = parse_csv(f, tz="UTC")
    assert chat.messages[0].text == "hello, how are you, friend"


def test_csv_bad_row_names_the_line(tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text("date,person,text\n2024-03-12 14:05,A,ok\nyesterday,B,oops\n", encoding="utf-8")
    with pytest.raises(ImportFormatError) as info:
        parse_csv(f, tz="UTC")
    assert info.value.key == "import.not_csv" and info.value.params["line"] == 3
    assert "第 3 行" in info.value.message("zh")


# ------------------------------------------------------------------ detection and bad input


@pytest.mark.parametrize("rel,kind", [
    ("telegram/chat/result.json", "telegram"),
    ("whatsapp/ios_dmy/_chat.txt", "whatsapp"),
    ("whatsapp/android_zh_ymd/chat.txt", "whatsapp"),
    ("csv/chat.csv", "csv"),
    ("csv/chat_tab.tsv", "csv"),
])
def test_detect_kind(rel: str, kind: str) -> None:
    assert detect_kind(DATA / rel) == kind


def _bad_files(tmp_path: Path) -> dict[str, tuple[str, Path]]:
    files: dict[str, tuple[str, Path]] = {}

    def put(name: str, kind: str, data: bytes) -> None:
        p = tmp_path / name
        p.write_bytes(data)
        files[name] = (kind, p)

    put("empty.txt", "whatsapp", b"")
    put("blank.json", "telegram", b"  \n\n")
    put("malformed.json", "telegram", b'{"name": "X", "messages": [\n{"id": 1,,}\n')
    put("other.json", "telegram", json.dumps({"type": "FeatureCollection", "features": []}).encode())
    put("list.json", "telegram", b"[1, 2, 3]")
    put("deep.json", "telegram", b"[" * 100000)
    put("nomsgs.json", "telegram", json.dumps({"name": "X", "messages": []}).encode())
    put("garbage.txt", "whatsapp", bytes(range(256)) * 40)
    put("zip.txt", "whatsapp", b"PK\x03\x04" + bytes(500))
    put("latin1.txt", "whatsapp", "12/03/2024, 14:05 - A: caf\xe9".encode("latin-1"))
    put("notes.txt", "whatsapp", b"Shopping list\n12/03/2024, 14:05 - A: hi\n")
    put("garbage.csv", "csv", bytes(range(256)) * 40)
    put("prose.csv", "csv", b"Just a sentence with, some commas\n")
    return files


def test_every_bad_input_gives_a_clear_import_error(tmp_path: Path) -> None:
    for name, (kind, path) in _bad_files(tmp_path).items():
        with pytest.raises(ImportFormatError) as info:
            parse_file(kind, path, tz="UTC")
        err = info.value
        assert err.key.startswith("import."), name
        en, zh = err.message("en"), err.message("zh")
        assert en != err.key and zh != err.key and en != zh, name
        assert "{" not in en and "{" not in zh, name


def test_missing_file_unknown_kind_bad_zone_and_bad_order(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError) as info:
        parse_file("whatsapp", tmp_path / "nope.txt")
    assert info.value.key == "import.file_missing"
    with pytest.raises(ImportFormatError) as info:
        parse_file("signal", tmp_path / "nope.txt")
    assert info.value.key == "import.unknown_kind"
    f = DATA / "whatsapp/android_iso/chat.txt"
    with pytest.raises(ImportFormatError) as info:
        parse_file("whatsapp", f, tz="Mars/Olympus")
    assert info.value.key == "import.bad_tz" and info.value.field == "tz"
    with pytest.raises(ImportFormatError) as info:
        parse_file("whatsapp", f, date_order="DDMM")
    assert info.value.key == "import.bad_date_order"
    with pytest.raises(ImportFormatError) as info:
        parse_file("telegram", tmp_path)  # a folder
    assert info.value.key == "import.unreadable"


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: costs no disk and no time
        fh.truncate(MAX_IMPORT_BYTES + 1)
    for kind in ("whatsapp", "telegram", "csv"):
        with pytest.raises(ImportFormatError) as info:
            parse_file(kind, big)
        assert info.value.key == "import.too_large"
        assert "200" in info.value.message("en") and "200" in info.value.message("zh")


def test_all_import_messages_exist_in_both_languages() -> None:
    from journal.core import i18n

    keys = [k for k in i18n._MESSAGES if k.startswith("import.")]
    assert len(keys) > 40
    for key in keys:
        assert message(key, "en") and message(key, "zh"), key
        assert set(i18n._MESSAGES[key]) >= {"en", "zh"}, key


# ------------------------------------------------------------------ WhatsApp .zip


def test_whatsapp_zip_made_by_the_phone() -> None:
    path = DATA / "whatsapp/zip/WhatsApp Chat - Xiao Min.zip"
    assert detect_kind(path) == "whatsapp"
    chat = parse_whatsapp(path, tz="Asia/Shanghai", lang="en")
    assert chat.chat_name == "Xiao Min" and chat.self_name == "Liu"
    import hashlib

    assert chat.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # the zip itself
    assert rows(chat) == [
        (at(2024, 3, 26, 8, 1), "Xiao Min", "Here is the ship schedule 🚢"),
        (at(2024, 3, 26, 8, 1, 30), "Xiao Min", ""),
        (at(2024, 3, 26, 8, 2), "Xiao Min", ""),
        (at(2024, 3, 26, 8, 5), "Liu", "收到"),
    ]
    assert chat.messages[2].archive_media == ["00000003-PHOTO-2024-03-26-08-01-30.jpg"]
    assert chat.messages[2].media == []  # nothing is extracted to disk
    assert chat.messages[3].archive_media == []
    assert chat.messages[3].media_note == "00000004-PHOTO-2024-03-26-08-02-00.jpg (not in the export)"
    assert [w.key for w in chat.warnings] == ["import.warn.media_missing"]


def _zip(members: dict[str, bytes], **kw: object) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", **kw) as zf:  # type: ignore[arg-type]
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_whatsapp_zip_problems(tmp_path: Path) -> None:
    cases = {
        "nochat.zip": (_zip({"photo.jpg": b"\xff\xd8"}), "import.zip_no_chat"),
        "truncated.zip": (_zip({"_chat.txt": b"12/03/2024, 14:05 - A: hi\n" * 50})[:60],
                          "import.bad_zip"),
        "notes.zip": (_zip({"notes.txt": b"just notes\n"}), "import.not_whatsapp"),
    }
    for name, (data, key) in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        with pytest.raises(ImportFormatError) as info:
            parse_whatsapp(f, tz="UTC")
        assert info.value.key == key, name
        assert info.value.message("zh") != info.value.message("en")


def test_whatsapp_zip_picks_the_chat_and_ignores_paths(tmp_path: Path) -> None:
    f = tmp_path / "export.zip"
    f.write_bytes(_zip({
        "__MACOSX/._chat.txt": b"\x00\x01",
        "sub/readme.txt": b"not the chat",
        "_chat.txt": "[12/03/2024, 14:05:00] A: \u200e<attached: ../../x.jpg>\n".encode(),
        "deep/x.jpg": b"jpeg",
    }))
    chat = parse_whatsapp(f, tz="UTC")
    assert chat.messages[0].archive_media == ["deep/x.jpg"]  # matched by base name, inside the zip
