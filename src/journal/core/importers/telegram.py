"""Telegram Desktop "Export chat history": machine-readable JSON (here) and web pages (tghtml.py).

Two shapes: one chat's ``result.json`` (``{"name", "type", "id", "messages": [...]}``) and the
whole-account export (``{"chats": {"list": [{"name", "messages": [...]}, ...]}, ...}``). Every
field is checked before use: a hostile or truncated file gives :class:`ImportFormatError` or a
skipped message, never a crash.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register, system_lang

from .common import (
    MAX_IMPORT_BYTES,
    TELEGRAM_MEDIA_FOLDERS,
    ImportNote,
    ParsedChat,
    ParsedMessage,
    check_size,
    clean_name,
    decode_text,
    epoch_to_local,
    read_export,
    resolve_tz,
    safe_media_path,
    telegram_media_folder,
    unique_senders,
)
from .htmltext import looks_like_html
from .tghtml import parse_telegram_html, parse_telegram_zip

log = logging.getLogger(__name__)

NOT_INCLUDED = "(File not included"
MEDIA_TYPES = ("voice_message", "video_message", "video_file", "audio_file", "sticker", "animation")

register({
    "import.tg.create_group": {"en": "created the group “{title}”", "zh": "创建了群组“{title}”"},
    "import.tg.create_channel": {"en": "created the channel “{title}”", "zh": "创建了频道“{title}”"},
    "import.tg.invite_members": {"en": "added {members}", "zh": "添加了 {members}"},
    "import.tg.remove_members": {"en": "removed {members}", "zh": "移除了 {members}"},
    "import.tg.join_group_by_link": {"en": "joined the group by invite link", "zh": "通过邀请链接加入了群组"},
    "import.tg.edit_group_title": {"en": "renamed the group to “{title}”", "zh": "将群组改名为“{title}”"},
    "import.tg.edit_group_photo": {"en": "changed the group photo", "zh": "更换了群组头像"},
    "import.tg.pin_message": {"en": "pinned a message", "zh": "置顶了一条消息"},
    "import.tg.phone_call": {"en": "call ({duration})", "zh": "通话（{duration}）"},
    "import.tg.group_call": {"en": "group call ({duration})", "zh": "群组通话（{duration}）"},
    "import.tg.missed_call": {"en": "missed call", "zh": "未接来电"},
    "import.tg.clear_history": {"en": "cleared the history", "zh": "清空了聊天记录"},
    "import.tg.set_messages_ttl": {"en": "set messages to delete automatically", "zh": "设置了消息自动删除"},
    "import.tg.other": {"en": "service message: {action}", "zh": "系统消息：{action}"},
    "import.tg.seconds": {"en": "{n} s", "zh": "{n} 秒"},
    "import.tg.unknown_duration": {"en": "no duration", "zh": "时长不详"},
    "import.media.photo": {"en": "photo", "zh": "照片"},
    "import.media.file": {"en": "file {name}", "zh": "文件 {name}"},
    "import.media.not_included": {"en": "{what} not included in the export", "zh": "{what}未包含在导出中"},
    "import.media.voice_message": {"en": "voice message", "zh": "语音消息"},
    "import.media.video_message": {"en": "video message", "zh": "视频消息"},
    "import.media.video_file": {"en": "video", "zh": "视频"},
    "import.media.audio_file": {"en": "audio", "zh": "音频"},
    "import.media.sticker": {"en": "sticker", "zh": "贴纸"},
    "import.media.animation": {"en": "GIF", "zh": "动图"},
    "import.media.location": {"en": "location {lat}, {lon}", "zh": "位置 {lat}, {lon}"},
    "import.media.contact": {"en": "contact card {name} {phone}", "zh": "联系人名片 {name} {phone}"},
    "import.media.poll": {"en": "poll: {question}", "zh": "投票：{question}"},
    "import.unnamed_chat": {"en": "(unnamed chat)", "zh": "（未命名聊天）"},
    "import.deleted_account": {"en": "(deleted account)", "zh": "（已注销账号）"},
    "import.account_export": {"en": "Telegram account export", "zh": "Telegram 账号导出"},
})


def _s(value: Any) -> str:
    """A value that should be a string, or ""."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def flatten_text(value: Any) -> str:
    """Telegram's ``text``: a string, or a list of strings and entity objects."""
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        return ""
    parts: list[str] = []
    for item in value:
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict):
            text = _s(item.get("text"))
            href = _s(item.get("href"))
            if href and href != text:
                parts.append(f"{text} ({href})" if text else href)
            else:
                parts.append(text)
    return "".join(parts)


def parse_telegram(path: Path | str, *, tz: str | None = None, lang: str | None = None) -> ParsedChat:
    """Parse a Telegram Desktop JSON export (one chat or the whole account)."""
    p, data, sha = read_export(path)
    return parse_telegram_bytes(data, source_path=p, sha256=sha, tz=tz, lang=lang)


def parse_telegram_bytes(
    data: bytes, *, source_path: Path | None = None, sha256: str = "", tz: str | None = None,
    lang: str | None = None, name: str | None = None,
) -> ParsedChat:
    import hashlib

    zone, tz_name = resolve_tz(tz)
    lang = lang or system_lang()
    fname = name or (source_path.name if source_path else "result.json")
    check_size(len(data), fname)
    if data[:4] == b"PK\x03\x04":  # the export folder of the HTML format, zipped
        return parse_telegram_zip(data, fname=fname, zone=zone, tz_name=tz_name, lang=lang,
                                  source_path=source_path, sha256=sha256)
    text = decode_text(data, fname)
    if looks_like_html(text):
        return parse_telegram_html(text, fname=fname, zone=zone, tz_name=tz_name, lang=lang,
                                   source_path=source_path, data=data, sha256=sha256)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError("import.not_json", name=fname, line=exc.lineno) from exc
    except (RecursionError, ValueError) as exc:
        raise ImportFormatError("import.not_json", name=fname, line=1) from exc
    if not isinstance(doc, dict):
        raise ImportFormatError("import.not_telegram", name=fname)

    chats: list[dict[str, Any]] = []
    account = False
    if isinstance(doc.get("messages"), list):
        chats = [doc]
    elif isinstance(doc.get("chats"), dict) and isinstance(doc["chats"].get("list"), list):
        account = True
        chats = [c for c in doc["chats"]["list"] if isinstance(c, dict)]
        left = doc.get("left_chats")
        if isinstance(left, dict) and isinstance(left.get("list"), list):
            chats += [c for c in left["list"] if isinstance(c, dict)]
    else:
        raise ImportFormatError("import.not_telegram", name=fname)

    base = source_path.parent if source_path is not None else None
    messages: list[ParsedMessage] = []
    conversations: list[str] = []
    skipped = 0
    missing = 0
    too_large = 0
    for chat in chats:
        chat_name = clean_name(_s(chat.get("name"))) or message("import.unnamed_chat", lang)
        raw_messages = chat.get("messages")
        if not isinstance(raw_messages, list):
            continue
        count_before = len(messages)
        for raw in raw_messages:
            if not isinstance(raw, dict):
                skipped += 1
                continue
            sent_at = _sent_at(raw, zone)
            if sent_at is None:
                skipped += 1
                continue
            msg, m_missing, m_large = _message(raw, sent_at, base, lang)
            msg.conversation = chat_name
            missing += m_missing
            too_large += m_large
            messages.append(msg)
        if len(messages) > count_before and chat_name not in conversations:
            conversations.append(chat_name)
    if not messages:
        raise ImportFormatError("import.no_messages", name=fname)

    warnings: list[ImportNote] = []
    if skipped:
        warnings.append(ImportNote("import.warn.skipped", {"n": skipped}))
    if missing:
        warnings.append(ImportNote("import.warn.media_missing", {"n": missing}))
    if too_large:
        warnings.append(ImportNote("import.warn.media_too_large",
                                   {"n": too_large, "limit_mb": MAX_IMPORT_BYTES // 2**20}))
    senders = unique_senders(messages)
    self_name: str | None = None
    info = doc.get("personal_information")
    if account and isinstance(info, dict):
        full = clean_name(" ".join(x for x in (_s(info.get("first_name")), _s(info.get("last_name"))) if x))
        self_name = full if full in senders else None
    elif not account and _s(doc.get("type")) == "personal_chat" and len(senders) == 2 \
            and conversations and conversations[0] in senders:
        self_name = senders[0] if senders[1] == conversations[0] else senders[1]
    if account:
        chat_name = message("import.account_export", lang)
        fkey = "import.format.telegram_account"
        fparams: dict[str, object] = {"n": len(conversations)}
    else:
        chat_name = conversations[0] if conversations else message("import.unnamed_chat", lang)
        fkey, fparams = "import.format.telegram_chat", {}
    return ParsedChat(
        app="telegram", chat_name=chat_name, messages=messages, senders=senders, self_name=self_name,
        tz_name=tz_name, date_order=None, format_note=message(fkey, "en", **fparams),
        source_path=source_path, source_sha256=sha256 or hashlib.sha256(data).hexdigest(),
        warnings=warnings, format_key=fkey, format_params=fparams, conversations=conversations,
    )


def _sent_at(raw: dict[str, Any], zone: ZoneInfo) -> datetime | None:
    unix = raw.get("date_unixtime")
    if isinstance(unix, (str, int)) and not isinstance(unix, bool):
        try:
            seconds = int(unix)
            if -62135596800 < seconds < 253402300799:  # years 1..9999
                return epoch_to_local(seconds, zone)
        except (ValueError, OverflowError, OSError):
            pass
    date = raw.get("date")
    if isinstance(date, str):
        try:
            local = datetime.fromisoformat(date)
        except ValueError:
            return None
        if local.tzinfo is None:
            return local.replace(tzinfo=zone)
        return local.astimezone(zone)
    return None


def _duration(raw: dict[str, Any], lang: str) -> str:
    secs = raw.get("duration_seconds")
    if isinstance(secs, int) and not isinstance(secs, bool) and secs >= 0:
        return message("import.tg.seconds", lang, n=secs)
    return message("import.tg.unknown_duration", lang)


def _service_text(raw: dict[str, Any], lang: str) -> str:
    action = _s(raw.get("action"))
    title = _s(raw.get("title"))
    members_raw = raw.get("members")
    members = ", ".join(clean_name(_s(m)) for m in members_raw if _s(m)) \
        if isinstance(members_raw, list) else ""
    if action == "phone_call":
        if _s(raw.get("discard_reason")) in ("missed", "busy"):
            return message("import.tg.missed_call", lang)
        return message("import.tg.phone_call", lang, duration=_duration(raw, lang))
    if action == "group_call":
        return message("import.tg.group_call", lang, duration=_duration(raw, lang))
    known = {"create_group", "create_channel", "invite_members", "remove_members",
             "join_group_by_link", "edit_group_title", "edit_group_photo", "pin_message",
             "clear_history", "set_messages_ttl"}
    if action in known:
        return message(f"import.tg.{action}", lang, title=title, members=members)
    return message("import.tg.other", lang, action=action or "?")


MEDIA_FOLDERS = TELEGRAM_MEDIA_FOLDERS  # the name main used


def _message(raw: dict[str, Any], sent_at: datetime, base: Path | None,
             lang: str) -> tuple[ParsedMessage, int, int]:
    """One message; also returns (media missing, media too large) counts."""
    is_service = _s(raw.get("type")) == "service"
    sender_raw = raw.get("actor") if is_service else raw.get("from")
    if sender_raw is None and not is_service and "from" in raw:
        sender = message("import.deleted_account", lang)
    else:
        sender = clean_name(_s(sender_raw))
    text = flatten_text(raw.get("text"))
    if is_service:
        service = _service_text(raw, lang)
        text = f"{service}: {text}" if text else service
    forwarded = raw.get("forwarded_from")
    forwarded_from = clean_name(_s(forwarded)) if forwarded is not None else None
    if forwarded is not None and not forwarded_from:
        forwarded_from = message("import.deleted_account", lang)

    media: list[Path] = []
    notes: list[str] = []
    missing = 0
    too_large = 0
    for key in ("photo", "file"):
        ref = raw.get(key)
        if not isinstance(ref, str) or not ref:
            continue
        if key == "photo":
            what = message("import.media.photo", lang)
        else:
            media_type = _s(raw.get("media_type"))
            if media_type in MEDIA_TYPES:
                what = message(f"import.media.{media_type}", lang)
            else:
                fname = clean_name(_s(raw.get("file_name")))
                if not fname and not ref.startswith("("):
                    fname = clean_name(Path(ref.replace("\\", "/")).name)
                what = message("import.media.file", lang, name=fname).strip()
        if ref.startswith("(") or base is None:
            notes.append(message("import.media.not_included", lang, what=what))
            missing += 1
            continue
        found = safe_media_path(base, ref, within=telegram_media_folder)
        if found is None:
            notes.append(message("import.media.not_included", lang, what=what))
            missing += 1
            continue
        try:
            if found.stat().st_size > MAX_IMPORT_BYTES:
                notes.append(message("import.media.not_included", lang, what=what))
                too_large += 1
                continue
        except OSError:
            missing += 1
            continue
        media.append(found)
        named = key == "file" and _s(raw.get("media_type")) not in MEDIA_TYPES
        notes.append(what if named and found.name in what else f"{what}: {found.name}")
    media_type = _s(raw.get("media_type"))
    if not raw.get("photo") and not raw.get("file") and media_type:
        notes.append(message(f"import.media.{media_type}", lang) if media_type in MEDIA_TYPES
                     else media_type)
    loc = raw.get("location_information")
    if isinstance(loc, dict):
        notes.append(message("import.media.location", lang, lat=_s(loc.get("latitude")),
                             lon=_s(loc.get("longitude"))))
    contact = raw.get("contact_information")
    if isinstance(contact, dict):
        cname = " ".join(x for x in (_s(contact.get("first_name")), _s(contact.get("last_name"))) if x)
        notes.append(message("import.media.contact", lang, name=cname,
                             phone=_s(contact.get("phone_number"))).strip())
    poll = raw.get("poll")
    if isinstance(poll, dict):
        notes.append(message("import.media.poll", lang, question=_s(poll.get("question"))))
    sticker = _s(raw.get("sticker_emoji"))
    if sticker and _s(raw.get("media_type")) == "sticker" and not text:
        text = sticker
    return (
        ParsedMessage(sent_at=sent_at, sender=sender, text=text, is_service=is_service,
                      forwarded_from=forwarded_from, media=media, media_note="; ".join(notes)),
        missing, too_large,
    )
