"""QQ chat exports: the classic message manager's text file and QQChatExporter V5 JSON.

Message manager (消息管理器 → 导出为 .txt), GB18030 or UTF-8 with or without a BOM::

    消息记录（此消息记录为文本格式，不支持重新导入）

    ================================================================
    消息分组:我的好友
    ================================================================
    消息对象:张经理
    ================================================================

    2024-03-05 14:30:12 张经理(123456789)
    你好，有个兼职……
    (more lines of the same message)

    2024-03-05 14:31:02 小刘<liu@example.com>
    什么兼职？

A file may hold many 消息对象 sections (one conversation each). QQChatExporter V5 writes JSON
with ``chatInfo`` (``name``, ``selfUid``) and ``messages`` (``timestamp`` in milliseconds,
``sender.uid/uin/name``, ``content.text``); the sender whose uid is ``selfUid`` is the user.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register, system_lang

from .common import (
    ImportNote,
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

register({
    "import.not_qq": {
        "en": "“{name}” is not a QQ chat export. In QQ's message manager choose a chat and "
        "“Export message history” as a .txt file, or use the JSON file of QQChatExporter. "
        "Nothing was added to the journal.",
        "zh": "“{name}”不是 QQ 聊天记录导出文件。请在 QQ 的消息管理器中选择聊天并“导出消息记录”为 .txt "
        "文件，或使用 QQChatExporter 导出的 JSON 文件。日志中没有添加任何内容。",
    },
    "import.format.qq_txt": {
        "en": "QQ message manager export (text, {n} {n:conversation|conversations})",
        "zh": "QQ 消息管理器导出（文本，{n} 个会话）",
    },
    "import.format.qq_json": {
        "en": "QQChatExporter export (JSON)",
        "zh": "QQChatExporter 导出（JSON）",
    },
    "import.qq.resource": {"en": "{kind}: {name}", "zh": "{kind}：{name}"},
    "import.qq.recalled": {"en": "recalled by the sender", "zh": "已被发送者撤回"},
})

HEADER_RE = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2}) (?P<time>\d{1,2}:\d{2}:\d{2}) "
    r"(?P<who>.*?)(?:\((?P<qq>\d{4,12})\)|<(?P<mail>[^<>\s]+)>)?\s*$"
)
BANNER = "消息记录"
OBJECT_RE = re.compile(r"^消息对象[:：]\s*(?P<name>.*)$")
GROUP_RE = re.compile(r"^消息分组[:：]")
RULE_RE = re.compile(r"^={8,}\s*$")


def parse_qq(path: Path | str, *, tz: str | None = None, lang: str | None = None) -> ParsedChat:
    p, data, sha = read_export(path)
    return parse_qq_bytes(data, source_path=p, sha256=sha, tz=tz, lang=lang)


def parse_qq_bytes(data: bytes, *, source_path: Path | None = None, sha256: str = "",
                   tz: str | None = None, lang: str | None = None,
                   name: str | None = None) -> ParsedChat:
    zone, tz_name = resolve_tz(tz)
    lang = lang or system_lang()
    fname = name or (source_path.name if source_path else "qq.txt")
    check_size(len(data), fname)
    text = decode_text_cn(data, fname)
    sha = sha256 or hashlib.sha256(data).hexdigest()
    if text.lstrip().startswith("{"):
        return _parse_json(text, fname, zone, tz_name, lang, source_path, sha)
    return _parse_txt(text, fname, zone, tz_name, source_path, sha)


def _parse_txt(text: str, fname: str, zone: ZoneInfo, tz_name: str, source_path: Path | None,
               sha: str) -> ParsedChat:
    lines = split_lines(text)
    head = "\n".join(ln for ln in lines[:12])
    if BANNER not in head and not any(OBJECT_RE.match(ln.strip()) for ln in lines[:12]):
        raise ImportFormatError("import.not_qq", name=fname)
    messages: list[ParsedMessage] = []
    conversation = ""
    conversations: list[str] = []
    current: ParsedMessage | None = None
    body: list[str] = []
    skipped = 0
    handles: dict[str, list[tuple[str, str]]] = {}

    def close() -> None:
        if current is not None:
            current.text = "\n".join(body).strip("\n")
            messages.append(current)

    for raw in lines:
        line = raw.rstrip()
        obj = OBJECT_RE.match(line.strip())
        if obj is not None:
            close()
            current, body = None, []
            conversation = clean_name(obj.group("name"))
            continue
        if RULE_RE.match(line) or GROUP_RE.match(line.strip()):
            continue
        m = HEADER_RE.match(line)
        if m is not None:
            try:
                when = datetime.strptime(f"{m.group('date')} {m.group('time')}", "%Y-%m-%d %H:%M:%S")
            except ValueError:
                skipped += 1
                m = None
            if m is not None:
                close()
                body = []
                who = clean_name(m.group("who")) or m.group("qq") or m.group("mail") or ""
                if m.group("qq"):
                    add_handle(handles, who, "qq", m.group("qq"))
                if m.group("mail"):
                    add_handle(handles, who, "email", m.group("mail"))
                current = ParsedMessage(sent_at=when.replace(tzinfo=zone), sender=who, text="",
                                        is_service=not who, conversation=conversation)
                if conversation and conversation not in conversations:
                    conversations.append(conversation)
                continue
        if current is not None:
            body.append(line)
    close()
    if not messages:
        raise ImportFormatError("import.no_messages", name=fname)
    if not conversations:
        conversations = [""]
    chat_name = conversations[0] or (source_path.stem if source_path else "QQ")
    for msg in messages:
        if not msg.conversation:
            msg.conversation = chat_name
    conversations = [c or chat_name for c in conversations]
    warnings = [ImportNote("import.warn.skipped", {"n": skipped})] if skipped else []
    params: dict[str, object] = {"n": len(conversations)}
    return ParsedChat(
        app="qq", chat_name=chat_name, messages=messages, senders=unique_senders(messages),
        tz_name=tz_name, date_order=None, format_note=message("import.format.qq_txt", "en", **params),
        source_path=source_path, source_sha256=sha, warnings=warnings,
        format_key="import.format.qq_txt", format_params=params, conversations=conversations,
        handles=handles,
    )


def _s(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return ""


def _parse_json(text: str, fname: str, zone: ZoneInfo, tz_name: str, lang: str,
                source_path: Path | None, sha: str) -> ParsedChat:
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise ImportFormatError("import.not_qq", name=fname) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("chatInfo"), dict) \
            or not isinstance(doc.get("messages"), list):
        raise ImportFormatError("import.not_qq", name=fname)
    info = doc["chatInfo"]
    chat_name = clean_name(_s(info.get("name"))) or message("import.unnamed_chat", lang)
    self_uid = _s(info.get("selfUid"))
    self_uin = _s(info.get("selfUin"))
    messages: list[ParsedMessage] = []
    self_name: str | None = None
    skipped = 0
    handles: dict[str, list[tuple[str, str]]] = {}
    for raw in doc["messages"]:
        if not isinstance(raw, dict):
            skipped += 1
            continue
        sent_at = _json_time(raw, zone)
        if sent_at is None:
            skipped += 1
            continue
        sender = raw.get("sender") if isinstance(raw.get("sender"), dict) else {}
        assert isinstance(sender, dict)
        uid, uin = _s(sender.get("uid")), _s(sender.get("uin"))
        who = clean_name(_s(sender.get("name")) or _s(sender.get("nickname")) or uin or uid)
        if uin.isdigit():
            add_handle(handles, who, "qq", uin)
        content = raw.get("content") if isinstance(raw.get("content"), dict) else {}
        assert isinstance(content, dict)
        body = _s(content.get("text"))
        notes: list[str] = []
        resources = content.get("resources")
        if isinstance(resources, list):
            for res in resources:
                if isinstance(res, dict):
                    kind = _s(res.get("type")) or "file"
                    notes.append(message("import.qq.resource", lang, kind=kind,
                                         name=_s(res.get("filename")) or "?"))
        system = raw.get("system") is True or _s(raw.get("type")) == "system"
        msg = ParsedMessage(sent_at=sent_at, sender="" if system else who, text=body,
                            is_service=system or not who, media_note="; ".join(notes),
                            conversation=chat_name)
        if raw.get("recalled") is True:
            recalled = message("import.qq.recalled", lang)
            msg.media_note = f"{msg.media_note}; {recalled}" if msg.media_note else recalled
        messages.append(msg)
        if who and self_name is None and ((self_uid and uid == self_uid)
                                          or (self_uin and uin == self_uin)):
            self_name = who
    if not messages:
        raise ImportFormatError("import.no_messages", name=fname)
    warnings = [ImportNote("import.warn.skipped", {"n": skipped})] if skipped else []
    return ParsedChat(
        app="qq", chat_name=chat_name, messages=messages, senders=unique_senders(messages),
        tz_name=tz_name, date_order=None, format_note=message("import.format.qq_json", "en"),
        source_path=source_path, source_sha256=sha, warnings=warnings,
        format_key="import.format.qq_json", conversations=[chat_name], self_name=self_name,
        handles=handles,
    )


def _json_time(raw: dict[str, Any], zone: ZoneInfo) -> datetime | None:
    stamp = raw.get("timestamp")
    if isinstance(stamp, str) and stamp.isdigit():
        stamp = int(stamp)
    if isinstance(stamp, int) and not isinstance(stamp, bool):
        seconds = stamp // 1000 if stamp > 10**11 else stamp
        if 0 < seconds < 253402300799:
            try:
                return epoch_to_local(seconds, zone)
            except (OverflowError, OSError, ValueError):
                return None
    when = raw.get("time")
    if isinstance(when, str):
        try:
            local = datetime.strptime(when.strip()[:19], "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return None
        return local.replace(tzinfo=zone)
    return None
