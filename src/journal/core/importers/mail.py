"""E-mail: one message (.eml) or a mailbox (.mbox), read with the standard library.

Each message becomes a chat message: the sender from ``From``, the time from ``Date``, the text
the subject and the plain-text body (or the HTML body as text), and every attached file kept as
an attachment of its day's entry (in memory; nothing is written to disk).
"""

from __future__ import annotations

import email
import email.errors
import email.utils
import hashlib
import logging
import re
from email import policy
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register, system_lang

from .common import (
    MAX_IMPORT_BYTES,
    ImportNote,
    ParsedChat,
    ParsedMessage,
    add_handle,
    check_size,
    clean_name,
    read_export,
    resolve_tz,
    unique_senders,
)
from .detect import looks_like_email
from .htmltext import parse_html

log = logging.getLogger(__name__)

register({
    "import.not_email": {
        "en": "“{name}” is not an e-mail file. Save the message from your mail program as .eml "
        "(or export the folder as .mbox) and choose that file. Nothing was added to the journal.",
        "zh": "“{name}”不是电子邮件文件。请在邮件程序中把邮件另存为 .eml（或把文件夹导出为 .mbox），"
        "然后选择该文件。日志中没有添加任何内容。",
    },
    "import.format.eml": {"en": "E-mail message (.eml)", "zh": "电子邮件（.eml）"},
    "import.format.mbox": {"en": "Mailbox (.mbox, {n} {n:message|messages})", "zh": "邮箱文件（.mbox，{n} 封邮件）"},
    "import.mail.subject": {"en": "Subject: {subject}", "zh": "主题：{subject}"},
    "import.mail.to": {"en": "To: {to}", "zh": "收件人：{to}"},
    "import.mail.attachment": {"en": "attachment {name}", "zh": "附件 {name}"},
})

HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]?\S", re.MULTILINE)
PARSE_ERRORS = (ValueError, TypeError, IndexError, KeyError, LookupError, AttributeError,
                UnicodeError, email.errors.MessageError, AssertionError)


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox: each starts with a ``From `` line (which is dropped)."""
    parts: list[bytes] = []
    current: list[bytes] = []
    started = False
    for line in data.splitlines(keepends=True):
        if line.startswith(b"From "):
            if started:
                parts.append(b"".join(current))
            current, started = [], True
            continue
        if started:
            current.append(line[1:] if re.match(rb"^>+From ", line) else line)
    if started:
        parts.append(b"".join(current))
    return parts


def parse_email(path: Path | str, *, tz: str | None = None, lang: str | None = None) -> ParsedChat:
    p, data, sha = read_export(path)
    return parse_email_bytes(data, source_path=p, sha256=sha, tz=tz, lang=lang)


def parse_email_bytes(data: bytes, *, source_path: Path | None = None, sha256: str = "",
                      tz: str | None = None, lang: str | None = None,
                      name: str | None = None) -> ParsedChat:
    zone, tz_name = resolve_tz(tz)
    lang = lang or system_lang()
    fname = name or (source_path.name if source_path else "mail.eml")
    check_size(len(data), fname)
    if not looks_like_email(data.lstrip(b"\xef\xbb\xbf\r\n")):
        raise ImportFormatError("import.not_email", name=fname)
    body = data.lstrip(b"\xef\xbb\xbf\r\n")
    is_mbox = body.startswith(b"From ")
    raws = split_mbox(body) if is_mbox else [body]
    chat_name = source_path.stem if source_path else "E-mail"
    messages: list[ParsedMessage] = []
    skipped = 0
    handles: dict[str, list[tuple[str, str]]] = {}
    for raw in raws:
        try:
            msg = _one(raw, zone, lang, handles)
        except PARSE_ERRORS:
            log.info("an e-mail message could not be read")
            msg = None
        if msg is None:
            skipped += 1
            continue
        msg.conversation = chat_name
        messages.append(msg)
    if not messages:
        raise ImportFormatError("import.not_email", name=fname)
    messages.sort(key=lambda m: m.sent_at)
    warnings = [ImportNote("import.warn.skipped", {"n": skipped})] if skipped else []
    fkey = "import.format.mbox" if is_mbox else "import.format.eml"
    params: dict[str, object] = {"n": len(messages)} if is_mbox else {}
    return ParsedChat(
        app="email", chat_name=chat_name, messages=messages, senders=unique_senders(messages),
        tz_name=tz_name, date_order=None, format_note=message(fkey, "en", **params),
        source_path=source_path, source_sha256=sha256 or hashlib.sha256(data).hexdigest(),
        warnings=warnings, format_key=fkey, format_params=params, conversations=[chat_name],
        handles=handles,
    )


def _one(raw: bytes, zone: ZoneInfo, lang: str,
         handles: dict[str, list[tuple[str, str]]]) -> ParsedMessage | None:
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    date_text = str(msg.get("Date", "") or "")
    if not date_text:
        return None
    when = email.utils.parsedate_to_datetime(date_text)
    if when is None:
        return None
    when = when.replace(tzinfo=zone) if when.tzinfo is None else when.astimezone(zone)
    name, addr = email.utils.parseaddr(str(msg.get("From", "") or ""))
    sender = clean_name(name) or clean_name(addr)
    if "@" in addr:
        add_handle(handles, sender, "email", clean_name(addr))
    subject = clean_name(str(msg.get("Subject", "") or ""))
    to = clean_name(str(msg.get("To", "") or ""))
    text_parts: list[str] = []
    if subject:
        text_parts.append(message("import.mail.subject", lang, subject=subject))
    if to:
        text_parts.append(message("import.mail.to", lang, to=to))
    body_part = msg.get_body(preferencelist=("plain", "html"))
    if body_part is not None:
        content = body_part.get_content()
        if isinstance(content, bytes):
            content = content.decode("utf-8", errors="replace")
        if body_part.get_content_subtype() == "html":
            content = parse_html(str(content)).text()
        text_parts.append("")
        text_parts.append(str(content).strip())
    media: list[tuple[str, bytes]] = []
    notes: list[str] = []
    for part in msg.iter_attachments():
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload or len(payload) > MAX_IMPORT_BYTES:
            continue
        fname = clean_name(part.get_filename() or "") or "attachment"
        fname = fname.replace("/", "_").replace("\\", "_")[:200]
        media.append((fname, payload))
        notes.append(message("import.mail.attachment", lang, name=fname))
    return ParsedMessage(sent_at=when, sender=sender, text="\n".join(text_parts).strip(),
                         is_service=not sender, data_media=media, media_note="; ".join(notes))
