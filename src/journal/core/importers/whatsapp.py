"""WhatsApp "Export chat" text files, Android and iPhone layouts, in any phone language's format.

A message starts with a line headed by a date and time::

    12/03/2024, 14:05 - Xiao Min: hello                 (Android, dash form)
    3/12/24, 2:05 PM - +86 138 0013 8000: hello          (12-hour clock, U+202F before PM)
    [12/03/2024, 14:05:33] Xiao Min: hello              (iPhone, bracketed, U+200E marks)
    2024/3/12 下午2:05 - 小敏: 你好                        (Chinese phone settings)

Every other line continues the message before it. Whether dates are day-first or month-first is
decided once for the whole file (any first field over 12 → day-first, any second field over 12 →
month-first), never line by line.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register, system_lang

from .common import (
    MAX_IMPORT_BYTES,
    ImportNote,
    ParsedChat,
    ParsedMessage,
    check_date_order,
    check_size,
    clean_name,
    decode_text,
    read_export,
    resolve_tz,
    safe_media_path,
    same_folder,
    split_lines,
    unique_senders,
)
from .wa_header import BRACKET_RE, DASH_RE, MARKS, SP

log = logging.getLogger(__name__)

register({
    "import.wa.not_included": {"en": "{name} (not in the export)", "zh": "{name}（未包含在导出中）"},
    "import.bad_zip": {
        "en": "“{name}” is a damaged or password-protected zip file. Export the chat again. "
        "Nothing was added to the journal.",
        "zh": "“{name}”是损坏的或带密码的压缩包。请重新导出聊天记录。日志中没有添加任何内容。",
    },
    "import.zip_no_chat": {
        "en": "The zip file “{name}” holds no chat text (.txt). Choose the zip made by WhatsApp’s "
        "“Export chat”. Nothing was added to the journal.",
        "zh": "压缩包“{name}”中没有聊天文本（.txt）。请选择 WhatsApp“导出聊天”生成的压缩包。"
        "日志中没有添加任何内容。",
    },
})

_MARKS, _SP = MARKS, SP  # (the header's patterns: .wa_header)
SENDER_RE = re.compile(rf"^(?P<sender>[^:\n]{{1,120}}?)[:：](?: |{_SP}|$)(?P<text>.*)$", re.DOTALL)

# System lines (the encryption notice, group changes, calls), English and Chinese.
SYSTEM_RE = re.compile(
    r"end-to-end encrypted|端到端加密|端對端加密|security code|安全码|安全碼"
    r"|\bcreated (?:the )?group\b|\bcreated this group\b|创建了群组|建立了群組"
    r"|\bchanged the (?:subject|group|description)|\bchanged this group|\bchanged (?:their|the) phone number"
    r"|\badded\b|\bremoved\b|\bleft$|\bjoined using\b|\bjoined\b|\bwas added\b"
    r"|\bMissed (?:voice|video) call\b|未接(?:语音|视频)?通话|\bdisappearing messages\b"
    r"|\bblocked this contact\b|\bunblocked this contact\b|\bis a contact\b|\bpinned a message\b"
    r"|\bdeleted this group\b|\bnow an admin\b|\bno longer an admin\b|更改了|添加了|移除了|退出了|加入了",
    re.IGNORECASE,
)
DELETED_RE = re.compile(r"^(?:This message was deleted\.?|You deleted this message\.?|此消息已删除|你删除了此消息)$")
OMITTED_RE = re.compile(
    r"^(?:<[^<>\n]{0,40}(?:omitted|omitido|omis|weggelassen|省略|已忽略|omesso)[^<>\n]{0,20}>"
    r"|(?:.{0,200}\s)?(?:image|video|audio|sticker|GIF|document|Contact card|photo|file) omitted"
    r"|(?:图片|圖片|视频|影片|音频|语音|贴图|文件|文档)已(?:忽略|省略))$",
    re.IGNORECASE | re.DOTALL,
)
ATTACHED_RE = re.compile(r"^<(?:attached|附件)[:：]\s*(?P<f>[^<>\n]{1,255})>", re.IGNORECASE)
FILE_ATTACHED_RE = re.compile(
    r"^(?P<f>[^\n/\\]{1,255}?\.[A-Za-z0-9]{1,6})\s\((?:file attached|文件附件|附件)\)", re.IGNORECASE
)
CHAT_NAME_RE = re.compile(r"WhatsApp Chat (?:with|-|–) (?P<n>.+)$|与(?P<z>.+)的\s?WhatsApp\s?聊天", re.IGNORECASE)

_PM = {"下午", "晚上", "午後"}
_AM = {"上午", "凌晨", "早上", "午前"}


@dataclass
class _Header:
    line_no: int
    d1: str
    d2: str
    d3: str
    h: int
    mi: int
    s: int
    ampm: str
    rest: str


def _to_24h(h: int, ampm: str) -> int | None:
    if not ampm:
        return h if 0 <= h <= 23 else None
    if h > 12:
        return None
    word = ampm.replace(".", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").lower()
    if word == "pm" or ampm in _PM:
        return 12 if h == 12 else h + 12
    if ampm == "中午":
        return h if h >= 11 else h + 12
    if word == "am" or ampm in _AM:
        return 0 if h == 12 else h
    return None


def _ymd(hd: _Header, order: str) -> tuple[int, int, int]:
    a, b, c = int(hd.d1), int(hd.d2), int(hd.d3)
    if order == "YMD":
        y, mo, d = a, b, c
    elif order == "MDY":
        mo, d, y = a, b, c
    else:
        d, mo, y = a, b, c
    if y < 100:
        y += 2000
    return y, mo, d


def _naive(hd: _Header, order: str) -> datetime | None:
    try:
        y, mo, d = _ymd(hd, order)
        return datetime(y, mo, d, hd.h, hd.mi, hd.s)
    except (ValueError, OverflowError):
        return None


def parse_whatsapp(path: Path | str, *, tz: str | None = None, date_order: str | None = None,
                   lang: str | None = None) -> ParsedChat:
    """Parse a WhatsApp chat export (.txt); media files next to it are picked up."""
    p, data, sha = read_export(path)
    return parse_whatsapp_bytes(data, source_path=p, sha256=sha, tz=tz, date_order=date_order,
                                lang=lang)


def parse_whatsapp_bytes(
    data: bytes, *, source_path: Path | None = None, sha256: str = "", tz: str | None = None,
    date_order: str | None = None, lang: str | None = None, name: str | None = None,
) -> ParsedChat:
    zone, tz_name = resolve_tz(tz)
    order_given = check_date_order(date_order)
    lang = lang or system_lang()
    fname = name or (source_path.name if source_path else "chat.txt")
    check_size(len(data), fname)
    sha = sha256 or hashlib.sha256(data).hexdigest()
    archive: dict[str, str] | None = None
    if data[:4] == b"PK\x03\x04":  # the .zip the phone makes ("Export chat" with media)
        data, archive = read_zip(data, fname)
    text = decode_text(data, fname)
    lines = split_lines(text)

    # the layout is fixed by the first non-blank line
    first = next((ln for ln in lines if ln.strip(" \t" + _MARKS)), "")
    if BRACKET_RE.match(first):
        layout, rx = "ios", BRACKET_RE
    elif DASH_RE.match(first):
        layout, rx = "android", DASH_RE
    else:
        raise ImportFormatError("import.not_whatsapp", name=fname)

    # pass 1: find header lines
    headers: list[_Header] = []
    is_header: list[int] = [-1] * len(lines)
    clock12 = False
    for i, line in enumerate(lines):
        if len(line) > 20000:
            m = rx.match(line[:300])
            if m is not None:
                m = rx.match(line)
        else:
            m = rx.match(line)
        if m is None:
            continue
        ampm = m.group("pre") or m.group("ampm") or ""
        h = _to_24h(int(m.group("h")), ampm)
        mi = int(m.group("mi"))
        s = int(m.group("s") or 0)
        if h is None or mi > 59 or s > 59:
            continue
        d1, d2, d3 = m.group("d1"), m.group("d2"), m.group("d3")
        if len(d2) > 2 or (len(d1) > 2 and len(d3) > 2) or (len(d1) == 3 or len(d3) == 3):
            continue
        if ampm:
            clock12 = True
        is_header[i] = len(headers)
        headers.append(_Header(i + 1, d1, d2, d3, h, mi, s, ampm, m.group("rest")))

    order, notes = _decide_order(headers, order_given, clock12)
    valid: list[datetime | None] = []
    bad = 0
    for hd in headers:
        dt = _naive(hd, order)
        if dt is None:
            if order_given:
                raise ImportFormatError(
                    "import.date_order_impossible", field="date_order", order=order,
                    text=f"{hd.d1}/{hd.d2}/{hd.d3}", line=hd.line_no,
                )
            bad += 1
        valid.append(dt)
    if valid and valid[0] is None:
        raise ImportFormatError("import.not_whatsapp", name=fname)
    if bad:
        notes.append(ImportNote("import.warn.bad_lines", {"n": bad}))

    # pass 2: build messages
    base = source_path.parent if source_path is not None else None
    messages: list[ParsedMessage] = []
    bodies: list[list[str]] = []
    missing = 0
    for i, line in enumerate(lines):
        idx = is_header[i]
        if idx >= 0 and valid[idx] is not None:
            hd = headers[idx]
            dt = valid[idx]
            assert dt is not None
            messages.append(ParsedMessage(sent_at=dt.replace(tzinfo=zone), sender="", text=""))
            bodies.append([hd.rest])
        elif bodies:
            bodies[-1].append(line)
    for msg, body in zip(messages, bodies):
        while len(body) > 1 and not body[-1].strip():
            body.pop()
        missing += _fill(msg, "\n".join(body), layout, base, lang, archive)
    if not messages:
        raise ImportFormatError("import.no_messages", name=fname)
    if missing:
        notes.append(ImportNote("import.warn.media_missing", {"n": missing}))

    senders = unique_senders(messages)
    chat_name = _chat_name(source_path, senders)
    self_name = None
    if len(senders) == 2 and chat_name in senders:
        self_name = senders[0] if senders[1] == chat_name else senders[1]
    fkey = f"import.format.whatsapp_{layout}"
    clock = "import.format.clock12" if clock12 else "import.format.clock24"
    fparams_en = {"clock": message(clock, "en")}
    chat = ParsedChat(
        app="whatsapp", chat_name=chat_name, messages=messages, senders=senders, tz_name=tz_name,
        date_order=order, format_note=message(fkey, "en", **fparams_en), source_path=source_path,
        source_sha256=sha, warnings=notes,
        format_key=fkey, format_params={"clock": clock},
        date_order_ambiguous=any(n.key in ("import.warn.date_order_default",
                                           "import.warn.date_order_sequence") for n in notes),
        conversations=[chat_name], self_name=self_name,
    )
    for msg in messages:
        msg.conversation = chat_name
    return chat


def read_zip(data: bytes, fname: str) -> tuple[bytes, dict[str, str]]:
    """The chat text inside a WhatsApp .zip and its other files (base name → member name).

    Nothing is extracted to disk; sizes are checked from the directory before anything is read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            texts = [i for i in infos if i.filename.lower().endswith(".txt")
                     and not i.filename.startswith("__MACOSX/")]
            if not texts:
                raise ImportFormatError("import.zip_no_chat", name=fname)

            def rank(info: zipfile.ZipInfo) -> tuple[int, int]:
                base = info.filename.rsplit("/", 1)[-1]
                preferred = base == "_chat.txt" or base.lower().startswith("whatsapp")
                return (0 if preferred else 1, info.filename.count("/"))

            chat = min(texts, key=rank)
            if chat.file_size > MAX_IMPORT_BYTES:
                raise ImportFormatError("import.too_large", name=fname,
                                        size_mb=chat.file_size // 2**20,
                                        limit_mb=MAX_IMPORT_BYTES // 2**20)
            text = zf.read(chat)
            members = {i.filename.rsplit("/", 1)[-1]: i.filename for i in infos
                       if i is not chat and i.file_size <= MAX_IMPORT_BYTES
                       and not i.filename.startswith("__MACOSX/")}
    except ImportFormatError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            OSError, EOFError, ValueError, zlib.error) as exc:
        raise ImportFormatError("import.bad_zip", name=fname) from exc
    return text, members


def _decide_order(headers: list[_Header], given: str | None, clock12: bool
                  ) -> tuple[str, list[ImportNote]]:
    if given:
        return given, []
    if headers and all(len(h.d1) == 4 for h in headers[:50]):
        return "YMD", []
    day_first = sum(1 for h in headers if len(h.d1) <= 2 and int(h.d1) > 12)
    month_first = sum(1 for h in headers if len(h.d1) <= 2 and int(h.d2) > 12)
    if day_first and not month_first:
        return "DMY", []
    if month_first and not day_first:
        return "MDY", []
    if day_first and month_first:
        order = "DMY" if day_first >= month_first else "MDY"
        return order, [ImportNote("import.warn.date_order_conflict", {"order": order})]
    # no date tells: prefer the reading that keeps the messages in time order
    backwards = {}
    for order in ("DMY", "MDY"):
        prev: datetime | None = None
        count = 0
        for h in headers:
            dt = _naive(h, order)
            if dt is None:
                count += 1000
                continue
            if prev is not None and dt < prev:
                count += 1
            prev = dt
        backwards[order] = count
    if backwards["DMY"] != backwards["MDY"]:
        order = "DMY" if backwards["DMY"] < backwards["MDY"] else "MDY"
        return order, [ImportNote("import.warn.date_order_sequence", {"order": order})]
    order = "MDY" if clock12 and any(h.ampm and h.ampm[0] in "AaPp" for h in headers[:50]) else "DMY"
    distinct_dates = {(h.d1, h.d2) for h in headers}
    if all(a == b for a, b in distinct_dates):
        return order, []  # 01/01, 05/05 …: both readings give the same dates
    return order, [ImportNote("import.warn.date_order_default", {"order": order})]


def _fill(msg: ParsedMessage, rest: str, layout: str, base: Path | None, lang: str,
          archive: dict[str, str] | None = None) -> int:
    """Split "Sender: text", recognise system lines and media; returns media-missing count."""
    m = SENDER_RE.match(rest)
    sender = clean_name(m.group("sender")) if m else ""
    if m is None or not sender or (layout == "android" and _looks_system(m.group("sender"))):
        msg.is_service = True
        msg.sender = ""
        msg.text = rest.strip(_MARKS).strip()
        return 0
    body = m.group("text")
    msg.sender = sender
    starts_marked = body[:1] in ("\u200e", "\u200f")
    stripped = body.strip(_MARKS + " ")
    if DELETED_RE.match(stripped):
        msg.text = stripped
        return 0
    am = ATTACHED_RE.match(stripped)
    fm = FILE_ATTACHED_RE.match(stripped) if am is None else None
    if am is not None or fm is not None:
        found = am or fm
        assert found is not None
        ref = found.group("f").strip()
        caption = stripped[found.end():].strip(_MARKS + " \n")
        msg.text = caption
        if archive is not None:
            member = archive.get(ref.replace("\\", "/").rsplit("/", 1)[-1])
            if member is not None:
                msg.archive_media.append(member)
                msg.media_note = member.rsplit("/", 1)[-1]
                return 0
        path = (safe_media_path(base, ref, within=same_folder)
                if base is not None and archive is None else None)
        if path is not None:
            try:
                if path.stat().st_size <= MAX_IMPORT_BYTES:
                    msg.media.append(path)
                    msg.media_note = path.name
                    return 0
            except OSError:
                pass
        msg.media_note = message("import.wa.not_included", lang, name=clean_name(ref))
        return 1
    if OMITTED_RE.match(stripped):
        msg.media_note = stripped
        msg.text = ""
        return 0
    notice = stripped.lower().startswith("messages") and "end-to-end" in stripped.lower()
    if layout == "ios" and (starts_marked or notice) and SYSTEM_RE.search(stripped):
        msg.is_service = True
        msg.sender = ""
        msg.text = stripped
        return 0
    msg.text = body.strip(_MARKS) if starts_marked else body
    return 0


def _looks_system(candidate: str) -> bool:
    """An Android line "X changed the subject to "a: b"" splits at the colon inside the quotes."""
    return any(q in candidate for q in "\"“”«»") or bool(SYSTEM_RE.search(candidate)) \
        or len(candidate) > 80


def _chat_name(source: Path | None, senders: list[str]) -> str:
    if source is not None:
        for candidate in (source.stem, source.parent.name):
            m = CHAT_NAME_RE.search(candidate)
            if m:
                return clean_name(m.group("n") or m.group("z") or "")
    return ", ".join(senders[:4]) or "WhatsApp"
