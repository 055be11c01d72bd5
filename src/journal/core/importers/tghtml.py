"""Telegram Desktop's default export format: web pages (messages.html, messages2.html …).

Each message is ``<div class="message default clearfix" id="messageN">`` whose ``body`` holds
``<div class="pull_right date details" title="05.03.2024 14:30:12 UTC+08:00">``, a ``from_name``
(left out on "joined" follow-ups from the same sender), a ``text`` and a ``media_wrap`` with links
to the photos and files saved beside the page. Service lines (dates, "X joined") carry no time
and are left out. One page is read: a long chat is split over several pages, each imported on its
own.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register

from .common import (
    MAX_IMPORT_BYTES,
    ImportNote,
    ParsedChat,
    ParsedMessage,
    clean_name,
    safe_media_path,
    telegram_media_folder,
    unique_senders,
)
from .htmltext import Element, parse_html

register({
    "import.not_telegram_html": {
        "en": "“{name}” is a web page but not a Telegram Desktop chat export. In Telegram Desktop "
        "use “Export chat history” (format HTML or JSON) and choose messages.html or result.json. "
        "Nothing was added to the journal.",
        "zh": "“{name}”是网页文件，但不是 Telegram 桌面版的聊天导出。请在 Telegram 桌面版中使用"
        "“导出聊天记录”（HTML 或 JSON 格式），然后选择 messages.html 或 result.json。日志中没有添加任何内容。",
    },
    "import.warn.more_pages": {
        "en": "Telegram split this chat over {n} pages; this is {name}. Import the other pages "
        "({others}) as well.",
        "zh": "Telegram 把这段聊天分成了 {n} 页，这是其中的 {name}。请把其他页（{others}）也导入。",
    },
    "import.format.telegram_html": {
        "en": "Telegram Desktop export (web page)",
        "zh": "Telegram 桌面版导出（网页格式）",
    },
})

TITLE_RE = re.compile(
    r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}) (?P<H>\d{1,2}):(?P<M>\d{2}):(?P<S>\d{2})"
    r"(?: UTC(?P<sign>[+-])(?P<oh>\d{1,2}):(?P<om>\d{2}))?"
)


def _child(el: Element, cls: str) -> Element | None:
    for c in el.children:
        if not isinstance(c, str) and cls in c.classes:
            return c
    return None


def _when(title: str, zone: ZoneInfo) -> datetime | None:
    m = TITLE_RE.match(title.strip())
    if m is None:
        return None
    try:
        naive = datetime(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"]), int(m["M"]), int(m["S"]))
        if m["sign"]:
            offset = timedelta(hours=int(m["oh"]), minutes=int(m["om"]))
            if offset >= timedelta(hours=24):
                return None
            tz = timezone(offset if m["sign"] == "+" else -offset)
            return naive.replace(tzinfo=tz).astimezone(zone)
        return naive.replace(tzinfo=zone)
    except (ValueError, OverflowError):
        return None


def parse_telegram_html(text: str, *, fname: str, zone: ZoneInfo, tz_name: str, lang: str,
                        source_path: Path | None, data: bytes, sha256: str = "") -> ParsedChat:
    try:
        root = parse_html(text)
    except (ValueError, AssertionError) as exc:
        raise ImportFormatError("import.not_telegram_html", name=fname) from exc
    header = root.first("page_header")
    chat_name = ""
    if header is not None:
        bold = header.first("bold")
        chat_name = clean_name(bold.text() if bold else header.text())
    nodes = root.find_all(lambda el: "message" in el.classes and "default" in el.classes)
    if not nodes and root.first("page_header") is None:
        raise ImportFormatError("import.not_telegram_html", name=fname)
    base = source_path.parent if source_path is not None else None
    messages: list[ParsedMessage] = []
    sender = ""
    skipped = missing = 0
    chat_name = chat_name or message("import.unnamed_chat", lang)
    for node in nodes:
        body = _child(node, "body")
        if body is None:
            skipped += 1
            continue
        date_el = _child(body, "date")
        sent_at = _when(date_el.attrs.get("title", ""), zone) if date_el is not None else None
        if sent_at is None:
            skipped += 1
            continue
        name_el = _child(body, "from_name")
        if name_el is not None:
            sender = clean_name(name_el.text().split("\n")[0])
        elif "joined" not in node.classes:
            sender = ""
        forwarded_from = None
        text_el = _child(body, "text")
        fwd = _child(body, "forwarded")
        if fwd is not None:
            fname_el = _child(fwd, "from_name")
            forwarded_from = clean_name(fname_el.text().split("\n")[0]) if fname_el else ""
            text_el = text_el or _child(fwd, "text")
        media: list[Path] = []
        notes: list[str] = []
        wrap = _child(body, "media_wrap") or (fwd and _child(fwd, "media_wrap"))
        if wrap:
            for link in wrap.find_all(lambda el: el.tag == "a" and bool(el.attrs.get("href"))):
                href = link.attrs["href"]
                found = (safe_media_path(base, href, within=telegram_media_folder)
                         if base is not None else None)
                if found is not None and found.stat().st_size <= MAX_IMPORT_BYTES:
                    media.append(found)
                    notes.append(found.name)
                else:
                    missing += 1
                    notes.append(message("import.media.not_included", lang,
                                         what=clean_name(href.rsplit("/", 1)[-1])))
        messages.append(ParsedMessage(
            sent_at=sent_at, sender=sender, text=text_el.text() if text_el else "",
            is_service=not sender, forwarded_from=forwarded_from, media=media,
            media_note="; ".join(notes), conversation=chat_name))
    if not messages:
        raise ImportFormatError("import.no_messages", name=fname)
    warnings: list[ImportNote] = []
    if skipped:
        warnings.append(ImportNote("import.warn.skipped", {"n": skipped}))
    if missing:
        warnings.append(ImportNote("import.warn.media_missing", {"n": missing}))
    pages = _pages(source_path)
    if len(pages) > 1 and source_path is not None:
        others = [p for p in pages if p != source_path.name]
        warnings.append(ImportNote("import.warn.more_pages", {
            "n": len(pages), "name": source_path.name,
            "others": ", ".join(others[:5]) + (" …" if len(others) > 5 else "")}))
    return ParsedChat(
        app="telegram", chat_name=chat_name, messages=messages, senders=unique_senders(messages),
        tz_name=tz_name, date_order=None, format_note=message("import.format.telegram_html", "en"),
        source_path=source_path, source_sha256=sha256 or hashlib.sha256(data).hexdigest(),
        warnings=warnings, format_key="import.format.telegram_html", conversations=[chat_name],
    )


def _pages(source_path: Path | None) -> list[str]:
    """messages.html, messages2.html … beside the chosen page (one chat's export), in order."""
    if source_path is None or not re.fullmatch(r"messages\d*\.html", source_path.name):
        return []
    try:
        names = [p.name for p in source_path.parent.iterdir()
                 if re.fullmatch(r"messages\d*\.html", p.name)]
    except OSError:
        return []
    return sorted(names, key=lambda n: int(re.sub(r"\D", "", n) or "1"))
