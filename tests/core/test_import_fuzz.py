"""Fuzzing every parser: any input ends in a ParsedChat or an ImportFormatError, quickly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.core.errors import ImportFormatError
from journal.core.importers.common import ParsedChat
from journal.core.importers.csvchat import parse_csv_bytes
from journal.core.importers.telegram import parse_telegram_bytes
from journal.core.importers.whatsapp import parse_whatsapp_bytes

FUZZ = settings(max_examples=100, deadline=1000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
HERE = Path(__file__).resolve().parent


def check(chat: ParsedChat) -> None:
    assert chat.messages
    for m in chat.messages:
        assert m.sent_at.tzinfo is not None
        assert isinstance(m.sender, str) and isinstance(m.text, str)
        for p in m.media:
            assert p.is_file()
    assert len(chat.source_sha256) == 64


def run(parser: Any, data: bytes, **kw: Any) -> None:
    try:
        chat = parser(data, source_path=HERE / "export.txt", tz="Asia/Shanghai", lang="en", **kw)
    except ImportFormatError as err:
        assert err.key.startswith("import.")
        return
    check(chat)


# pieces that make the WhatsApp parser work hard: real header parts in random order
_WA_PIECES = st.sampled_from([
    "12/03/2024, 14:05 - ", "[12/03/2024, 14:05:33] ", "3/12/24, 2:05\u202fPM - ", "\u200e",
    "[3/12/24, 2:05:33 p.\u00a0m.] ", "2024/3/12 下午2:05 - ", "31/02/2024, 10:00 - ",
    "13/13/2024, 25:61 - ", "Xiao Min: ", "\u202a+86 138 0013 8000\u202c: ", "<Media omitted>",
    "image omitted", "<attached: ../../etc/passwd>", "IMG-1.jpg (file attached)", "\n", "\r\n",
    "Messages and calls are end-to-end encrypted.", " created group \"a: b\"", "你好 🚢", ":", "[",
    "]", " - ", "99/99/9999, 99:99 - ", "00.00.00, 00:00 - ", "12/03/2024, 12:00 AM - ",
])
wa_text = st.lists(st.one_of(_WA_PIECES, st.text(max_size=12)), max_size=40).map("".join)


@FUZZ
@given(st.binary(max_size=3000))
def test_whatsapp_random_bytes(data: bytes) -> None:
    run(parse_whatsapp_bytes, data)


@FUZZ
@given(wa_text, st.sampled_from([None, "DMY", "MDY", "YMD"]))
def test_whatsapp_structured(text: str, order: str | None) -> None:
    run(parse_whatsapp_bytes, text.encode("utf-8"), date_order=order)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=8), children,
                                                                      max_size=5),
    max_leaves=25,
)
small_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children,
                                                                      max_size=3),
    max_leaves=6,
)
_TG_KEYS = st.sampled_from(["id", "type", "date", "date_unixtime", "from", "actor", "action", "text",
                            "photo", "file", "media_type", "forwarded_from", "members", "title",
                            "duration_seconds", "discard_reason", "poll", "location_information",
                            "contact_information", "sticker_emoji", "file_name"])
_TG_VALUES = st.one_of(
    small_json,
    st.sampled_from(["message", "service", "phone_call", "2024-03-12T14:05:00", "1710223500",
                     "-99999999999999", "photos/p.jpg", "../../etc/passwd", "/etc/passwd",
                     "(File not included. Change data exporting settings to download.)",
                     "voice_message", "sticker", "create_group"]),
    st.lists(st.one_of(st.text(max_size=5), st.fixed_dictionaries(
        {"type": st.sampled_from(["bold", "text_link", "mention"]), "text": small_json,
         "href": small_json})), max_size=4),
)
tg_message = st.dictionaries(_TG_KEYS, _TG_VALUES, max_size=8)


@FUZZ
@given(st.binary(max_size=2000))
def test_telegram_random_bytes(data: bytes) -> None:
    run(parse_telegram_bytes, data)


@FUZZ
@given(json_values)
def test_telegram_random_json(value: Any) -> None:
    run(parse_telegram_bytes, json.dumps(value).encode("utf-8"))


@FUZZ
@given(st.lists(st.one_of(tg_message, small_json), max_size=6), st.booleans(), small_json)
def test_telegram_structured(messages: list[Any], account: bool, name: Any) -> None:
    chat = {"name": name, "type": "personal_chat", "messages": messages}
    doc = {"chats": {"list": [chat, name]}, "personal_information": name} if account else chat
    run(parse_telegram_bytes, json.dumps(doc, ensure_ascii=False).encode("utf-8"))


_CSV_PIECES = st.sampled_from([
    "2024-03-12 14:05", "12/03/2024 14:05", "2024年3月12日 下午2:06", "2024-03-13T09:00:00+08:00",
    "2024-03-13T09:00:00+99:99", "2024-02-30 10:00", ",", "\t", ";", "\"", "\n", "\r\n",
    "date,person,text", "内容;发送者;时间", "Xiao Min", "你好 😊", "\ufeff",
])
csv_text = st.lists(st.one_of(_CSV_PIECES, st.text(max_size=8)), max_size=40).map("".join)


@FUZZ
@given(st.binary(max_size=2000))
def test_csv_random_bytes(data: bytes) -> None:
    run(parse_csv_bytes, data)


@FUZZ
@given(csv_text, st.sampled_from([None, "DMY", "MDY"]))
def test_csv_structured(text: str, order: str | None) -> None:
    run(parse_csv_bytes, text.encode("utf-8"), date_order=order)


def test_long_lines_do_not_hang() -> None:
    import time

    nasty = [
        ("12/03/2024, 14:05 - " + "A" * 200_000 + "\n").encode(),
        ("12/03/2024, 14:05 - A: " + " " * 200_000 + ":" * 1000 + "\n").encode(),
        ("12/03/2024, 14:05 - " + "a: " * 50_000 + "\n").encode(),
        ("[" * 50_000 + "12/03/2024, 14:05:00] A: b\n").encode(),
        ("1/" * 100_000).encode(),
        ("2024-03-12 14:05," + "\"" * 100_001 + "\n").encode(),
        json.dumps({"messages": [{"text": ["x"] * 100_000, "date_unixtime": "1"}]}).encode(),
    ]
    for data in nasty:
        for parser in (parse_whatsapp_bytes, parse_csv_bytes, parse_telegram_bytes):
            start = time.perf_counter()
            run(parser, data)
            assert time.perf_counter() - start < 2.0, (parser.__name__, data[:40])


def _zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    import io
    import warnings
    import zipfile

    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate member names are part of the fuzzing
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(name or "x", data)
    return buf.getvalue()


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["_chat.txt", "a.txt", "x.jpg", "../y.jpg", "d/_chat.txt",
                                           "__MACOSX/_chat.txt", ""]),
                          st.one_of(wa_text.map(lambda t: t.encode("utf-8")),
                                    st.binary(max_size=200))),
                max_size=4),
       st.integers(min_value=0, max_value=400))
def test_whatsapp_zip_structured(members: list[tuple[str, bytes]], cut: int) -> None:
    data = _zip_bytes(members)
    run(parse_whatsapp_bytes, data)
    if cut:
        run(parse_whatsapp_bytes, data[:cut])  # truncated archives
