"""WeChat chats as third-party exporters write them (WeChat itself has no export).

- CSV with the columns of WeChat's own message table, as most exporters write it
  (``localId, TalkerId, Type, SubType, IsSender, CreateTime, Status, StrContent, StrTime,
  Remark, NickName, Sender``): ``IsSender`` 1 marks the user, ``CreateTime`` is Unix seconds,
  type 49 with subtype 2000 is a transfer (its XML carries the amount).
- WechatExporter's text file: ``名字 (2024-03-05 14:30:12):内容`` with continuation lines.
- WechatExporter's web page: ``<div class="msg chat-left|chat-right">`` with the name and time
  in ``nt-box`` and the text in ``content-box`` (chat-right is the user).
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register, system_lang

from .common import (
    ParsedChat,
    ParsedMessage,
    add_handle,
    check_size,
    clean_name,
    decode_text_cn,
    epoch_to_local,
    read_export,
    resolve_tz,
    split_lines,
    unique_senders,
)
from .htmltext import Element, looks_like_html, parse_html

register({
    "import.not_wechat": {
        "en": "“{name}” is not a WeChat chat export this app can read. Use the CSV of a WeChat "
        "exporter (columns IsSender, CreateTime, StrContent …) or WechatExporter's .txt or .html "
        "file. Nothing was added to the journal.",
        "zh": "“{name}”不是本应用能读取的微信聊天导出文件。请使用微信导出工具生成的 CSV（含 IsSender、"
        "CreateTime、StrContent 等列），或 WechatExporter 导出的 .txt、.html 文件。日志中没有添加任何内容。",
    },
    "import.format.wechat_csv": {"en": "WeChat chat table (CSV)", "zh": "微信聊天表格（CSV）"},
    "import.format.wechat_txt": {"en": "WechatExporter text file", "zh": "WechatExporter 文本文件"},
    "import.format.wechat_html": {"en": "WechatExporter web page", "zh": "WechatExporter 网页文件"},
    "import.wechat.me": {"en": "Me", "zh": "我"},
    "import.wechat.transfer": {"en": "transfer {amount} {memo}", "zh": "转账 {amount} {memo}"},
    "import.wechat.red_packet": {"en": "red packet {memo}", "zh": "红包 {memo}"},
    "import.wechat.image": {"en": "picture", "zh": "图片"},
    "import.wechat.voice": {"en": "voice message", "zh": "语音"},
    "import.wechat.video": {"en": "video", "zh": "视频"},
    "import.wechat.sticker": {"en": "sticker", "zh": "表情"},
    "import.wechat.location": {"en": "location", "zh": "位置"},
    "import.wechat.card": {"en": "contact card", "zh": "名片"},
    "import.wechat.call": {"en": "voice or video call", "zh": "语音或视频通话"},
    "import.wechat.link": {"en": "shared: {title}", "zh": "分享：{title}"},
})

CSV_COLUMNS = {"IsSender", "CreateTime", "StrContent"}
TXT_RE = re.compile(r"^(?P<who>.+?) \((?P<when>\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)\)[:：](?P<text>.*)$")
HTML_TIME_RE = re.compile(r"(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)")
SIMPLE_TYPES = {"3": "image", "34": "voice", "43": "video", "47": "sticker", "48": "location",
                "42": "card", "50": "call"}


def parse_wechat(path: Path | str, *, tz: str | None = None, lang: str | None = None) -> ParsedChat:
    p, data, sha = read_export(path)
    return parse_wechat_bytes(data, source_path=p, sha256=sha, tz=tz, lang=lang)


def parse_wechat_bytes(data: bytes, *, source_path: Path | None = None, sha256: str = "",
                       tz: str | None = None, lang: str | None = None,
                       name: str | None = None) -> ParsedChat:
    zone, tz_name = resolve_tz(tz)
    lang = lang or system_lang()
    fname = name or (source_path.name if source_path else "wechat.txt")
    check_size(len(data), fname)
    text = decode_text_cn(data, fname)
    sha = sha256 or hashlib.sha256(data).hexdigest()
    stem = source_path.stem if source_path else "WeChat"
    handles: dict[str, list[tuple[str, str]]] = {}
    if looks_like_html(text):
        messages, self_name, chat_name, fkey = _from_html(text, fname, zone)
    else:
        first = next((ln for ln in split_lines(text) if ln.strip()), "")
        if CSV_COLUMNS <= {c.strip() for c in first.split(",")}:
            messages, self_name, chat_name, fkey = _from_csv(text, fname, zone, lang, handles)
        else:
            messages, self_name, chat_name, fkey = _from_txt(text, fname, zone)
    if not messages:
        raise ImportFormatError("import.no_messages", name=fname)
    chat_name = chat_name or stem
    for m in messages:
        m.conversation = chat_name
    return ParsedChat(
        app="wechat", chat_name=chat_name, messages=messages, senders=unique_senders(messages),
        tz_name=tz_name, date_order=None, format_note=message(fkey, "en"), source_path=source_path,
        source_sha256=sha, format_key=fkey, conversations=[chat_name], self_name=self_name,
        warnings=[], handles=handles,
    )


def _xml_field(xml: str, tag: str) -> str:
    m = re.search(rf"<{tag}>\s*(?:<!\[CDATA\[(.*?)\]\]>|([^<]*))\s*</{tag}>", xml, re.DOTALL)
    if m is None:
        return ""
    return html.unescape((m.group(1) or m.group(2) or "").strip())


def _csv_body(kind: str, sub: str, content: str, lang: str) -> tuple[str, str]:
    """(text, media note) of one row."""
    if kind == "1":
        return content, ""
    if kind == "49" and sub == "2000":
        return "", message("import.wechat.transfer", lang, amount=_xml_field(content, "feedesc"),
                           memo=_xml_field(content, "pay_memo")).strip()
    if (kind == "49" and sub == "2001") or kind == "436207665":
        return "", message("import.wechat.red_packet", lang,
                           memo=_xml_field(content, "sendertitle")).strip()
    if kind in SIMPLE_TYPES:
        return "", message(f"import.wechat.{SIMPLE_TYPES[kind]}", lang)
    if kind == "49":
        title = _xml_field(content, "title")
        return "", message("import.wechat.link", lang, title=title or "?")
    return content, ""


def _from_csv(text: str, fname: str, zone: ZoneInfo, lang: str,
              handles: dict[str, list[tuple[str, str]]]
              ) -> tuple[list[ParsedMessage], str | None, str, str]:
    me = message("import.wechat.me", lang)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows: list[dict[str, str]] = []
    try:
        for row in reader:
            if None in row:  # more cells than columns
                raise ImportFormatError("import.not_wechat", name=fname)
            rows.append({k.strip(): (v or "").strip() for k, v in row.items() if k})
    except csv.Error as exc:
        raise ImportFormatError("import.not_wechat", name=fname) from exc
    # In a one-to-one chat every incoming row is the contact (named by Remark or NickName);
    # in a group chat Sender tells the members apart, so it is kept as the speaker.
    speakers = {clean_name(r.get("Sender", "")) for r in rows
                if r.get("IsSender", "0") != "1" and r.get("Type") != "10000"}
    group = len(speakers - {""}) > 1
    messages: list[ParsedMessage] = []
    chat_name = ""
    for get in rows:
        sent_at = _csv_time(get.get("CreateTime", ""), get.get("StrTime", ""), zone)
        if sent_at is None:
            raise ImportFormatError("import.not_wechat", name=fname)
        contact = clean_name(get.get("Remark", "") or get.get("NickName", ""))
        chat_name = chat_name or contact
        kind, sub = get.get("Type", "1") or "1", get.get("SubType", "0")
        body, note = _csv_body(kind, sub, get.get("StrContent", ""), lang)
        if kind == "10000":  # a system line ("you recalled a message", "X joined")
            messages.append(ParsedMessage(sent_at=sent_at, sender="", text=body, is_service=True))
            continue
        if get.get("IsSender", "0") == "1":
            sender = me
        else:
            named = clean_name(get.get("Sender", ""))
            wxid = named if named.startswith("wxid_") else ""
            if not group:
                named = contact
            sender = named or contact or "?"
            if wxid:
                add_handle(handles, sender, "wechat", wxid)
        messages.append(ParsedMessage(sent_at=sent_at, sender=sender, text=body, media_note=note))
    has_me = any(m.sender == me for m in messages)
    return messages, me if has_me else None, chat_name, "import.format.wechat_csv"


def _csv_time(create: str, str_time: str, zone: ZoneInfo) -> datetime | None:
    if create.isdigit():
        seconds = int(create)
        if seconds > 10**11:
            seconds //= 1000
        if 0 < seconds < 253402300799:
            return epoch_to_local(seconds, zone)
    return _local(str_time, zone)


def _local(text: str, zone: ZoneInfo) -> datetime | None:
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=zone)
        except ValueError:
            continue
    return None


def _from_txt(text: str, fname: str, zone: ZoneInfo
              ) -> tuple[list[ParsedMessage], str | None, str, str]:
    messages: list[ParsedMessage] = []
    for line in split_lines(text):
        m = TXT_RE.match(line)
        sent_at = _local(m.group("when"), zone) if m else None
        if m is not None and sent_at is not None:
            messages.append(ParsedMessage(sent_at=sent_at, sender=clean_name(m.group("who")),
                                          text=m.group("text")))
        elif messages:
            messages[-1].text += "\n" + line
        elif line.strip():
            raise ImportFormatError("import.not_wechat", name=fname)
    for msg in messages:
        msg.text = msg.text.rstrip("\n")
    return messages, None, "", "import.format.wechat_txt"


def _from_html(text: str, fname: str, zone: ZoneInfo
               ) -> tuple[list[ParsedMessage], str | None, str, str]:
    try:
        root = parse_html(text)
    except (ValueError, AssertionError) as exc:
        raise ImportFormatError("import.not_wechat", name=fname) from exc

    def is_msg(el: Element) -> bool:
        return "msg" in el.classes and bool({"chat-left", "chat-right"} & el.classes)

    titles = root.find_all(lambda el: el.tag == "title")
    chat_name = ""
    if titles:
        chat_name = clean_name(titles[0].text().rsplit(" - ", 1)[0])
    nodes = root.find_all(is_msg)
    if not nodes:
        raise ImportFormatError("import.not_wechat", name=fname)
    messages: list[ParsedMessage] = []
    self_name: str | None = None
    for node in nodes:
        box = node.first("nt-box")
        content = node.first("content-box")
        if box is None:
            continue
        name_el = box.first("name-left") or box.first("name-right")
        who = clean_name(name_el.text()) if name_el else ""
        found = HTML_TIME_RE.search(box.text())
        sent_at = _local(found.group(1), zone) if found else None
        if sent_at is None:
            continue
        body = content.text() if content is not None else ""
        if "chat-right" in node.classes and who and self_name is None:
            self_name = who
        messages.append(ParsedMessage(sent_at=sent_at, sender=who or "?", text=body))
    return messages, self_name, chat_name, "import.format.wechat_html"
