"""Telegram Desktop's default export format: web pages (messages.html, messages2.html …).

Each message is ``<div class="message default clearfix" id="messageN">`` whose ``body`` holds
``<div class="pull_right date details" title="05.03.2024 14:30:12 UTC+08:00">``, a ``from_name``
(left out on "joined" follow-ups from the same sender), a ``text`` and a ``media_wrap`` with links
to the photos and files saved beside the page. Service lines (dates, "X joined") carry no time
and are left out. Telegram splits a long chat over several pages (messages.html, messages2.html
…): the pages of the chosen page's folder — or of the zipped export folder — are read in order as
one chat, each page kept as an original with its own SHA-256.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register

from .common import (
    MAX_IMPORT_BYTES,
    TELEGRAM_ZIP_PAGE_RE,
    ImportNote,
    ParsedChat,
    ParsedMessage,
    clean_name,
    decode_text,
    read_export,
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
    "import.zip_no_telegram": {
        "en": "The zip file “{name}” holds no Telegram chat pages (messages.html). Zip the folder "
        "Telegram Desktop’s “Export chat history” made, or choose its messages.html. Nothing was "
        "added to the journal.",
        "zh": "压缩文件“{name}”中没有 Telegram 聊天页面（messages.html）。请压缩 Telegram 桌面版"
        "“导出聊天记录”生成的文件夹，或直接选择其中的 messages.html。日志中没有添加任何内容。",
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


PAGE_RE = re.compile(r"messages(\d*)\.html")
MAX_PAGES = 10_000


def _page_number(name: str) -> int:
    digits = re.sub(r"\D", "", name.rsplit("/", 1)[-1])
    return int(digits) if digits else 1


@dataclass
class _Page:
    """What one page gave: its messages, the chat's name, and what was left out."""

    messages: list[ParsedMessage] = field(default_factory=list)
    chat_name: str = ""
    skipped: int = 0
    missing: int = 0
    last_sender: str = ""


MediaLookup = Callable[[str], "tuple[Path | None, str | None]"]


def _read_page(text: str, *, fname: str, zone: ZoneInfo, lang: str, media: MediaLookup,
               sender: str = "") -> _Page:
    """The messages of one page; ``sender`` continues the previous page's last sender (a page
    can begin with a "joined" follow-up, which names no sender)."""
    try:
        root = parse_html(text)
    except (ValueError, AssertionError) as exc:
        raise ImportFormatError("import.not_telegram_html", name=fname) from exc
    page = _Page()
    header = root.first("page_header")
    if header is not None:
        bold = header.first("bold")
        page.chat_name = clean_name(bold.text() if bold else header.text())
    nodes = root.find_all(lambda el: "message" in el.classes and "default" in el.classes)
    if not nodes and header is None:
        raise ImportFormatError("import.not_telegram_html", name=fname)
    for node in nodes:
        body = _child(node, "body")
        if body is None:
            page.skipped += 1
            continue
        date_el = _child(body, "date")
        sent_at = _when(date_el.attrs.get("title", ""), zone) if date_el is not None else None
        if sent_at is None:
            page.skipped += 1
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
        files: list[Path] = []
        members: list[str] = []
        notes: list[str] = []
        wrap = _child(body, "media_wrap") or (fwd and _child(fwd, "media_wrap"))
        if wrap:
            for link in wrap.find_all(lambda el: el.tag == "a" and bool(el.attrs.get("href"))):
                href = link.attrs["href"]
                found, member = media(href)
                if found is not None:
                    files.append(found)
                    notes.append(found.name)
                elif member is not None:
                    members.append(member)
                    notes.append(member.rsplit("/", 1)[-1])
                else:
                    page.missing += 1
                    notes.append(message("import.media.not_included", lang,
                                         what=clean_name(href.rsplit("/", 1)[-1])))
        page.messages.append(ParsedMessage(
            sent_at=sent_at, sender=sender, text=text_el.text() if text_el else "",
            is_service=not sender, forwarded_from=forwarded_from, media=files,
            media_note="; ".join(notes), archive_media=members))
    page.last_sender = sender
    return page


def _chat(pages: list[_Page], *, fname: str, tz_name: str, lang: str, source_path: Path | None,
          sha256: str, page_files: list[tuple[str, str]]) -> ParsedChat:
    """Several pages (in order) → one chat."""
    chat_name = next((p.chat_name for p in pages if p.chat_name), "") or \
        message("import.unnamed_chat", lang)
    messages = [m for p in pages for m in p.messages]
    for m in messages:
        m.conversation = chat_name
    if not messages:
        raise ImportFormatError("import.no_messages", name=fname)
    warnings: list[ImportNote] = []
    skipped = sum(p.skipped for p in pages)
    missing = sum(p.missing for p in pages)
    if skipped:
        warnings.append(ImportNote("import.warn.skipped", {"n": skipped}))
    if missing:
        warnings.append(ImportNote("import.warn.media_missing", {"n": missing}))
    return ParsedChat(
        app="telegram", chat_name=chat_name, messages=messages, senders=unique_senders(messages),
        tz_name=tz_name, date_order=None, format_note=message("import.format.telegram_html", "en"),
        source_path=source_path, source_sha256=sha256, warnings=warnings,
        format_key="import.format.telegram_html", conversations=[chat_name], pages=page_files,
    )


def pages_fingerprint(pages: list[tuple[str, str]]) -> str:
    """The SHA-256 that stands for a chat exported as several pages (page names and their
    SHA-256, in order): the same export chosen by any of its pages is imported once."""
    text = "\n".join(f"{name} {sha}" for name, sha in pages)
    return hashlib.sha256(("telegram-html-pages\n" + text).encode()).hexdigest()


def parse_telegram_html(text: str, *, fname: str, zone: ZoneInfo, tz_name: str, lang: str,
                        source_path: Path | None, data: bytes, sha256: str = "") -> ParsedChat:
    """One page, or — when the page is one of messages.html, messages2.html … in its folder —
    every page of that folder in order, as one chat."""
    base = source_path.parent if source_path is not None else None

    def media(href: str) -> tuple[Path | None, str | None]:
        if base is None:
            return None, None
        found = safe_media_path(base, href, within=telegram_media_folder)
        if found is not None and found.stat().st_size <= MAX_IMPORT_BYTES:
            return found, None
        return None, None

    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    names = _pages(source_path)
    if source_path is None or len(names) < 2:
        page = _read_page(text, fname=fname, zone=zone, lang=lang, media=media)
        return _chat([page], fname=fname, tz_name=tz_name, lang=lang, source_path=source_path,
                     sha256=sha256, page_files=[])
    pages: list[_Page] = []
    files: list[tuple[str, str]] = []
    sender = ""
    for name in names:
        if name == source_path.name:
            page_text, page_sha = text, sha256
        else:
            _, page_data, page_sha = read_export(source_path.parent / name)
            page_text = decode_text(page_data, name)
        page = _read_page(page_text, fname=name, zone=zone, lang=lang, media=media, sender=sender)
        sender = page.last_sender
        pages.append(page)
        files.append((name, page_sha))
    return _chat(pages, fname=fname, tz_name=tz_name, lang=lang, source_path=source_path,
                 sha256=pages_fingerprint(files), page_files=files)


def parse_telegram_zip(data: bytes, *, fname: str, zone: ZoneInfo, tz_name: str, lang: str,
                       source_path: Path | None, sha256: str = "") -> ParsedChat:
    """The export folder zipped: every messages*.html of its folder in order, media from the
    archive (read in memory when imported, never extracted)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = {i.filename: i for i in zf.infolist()
                     if not i.is_dir() and not i.filename.startswith("__MACOSX/")}
            found = [(m["folder"], n) for n in infos if (m := TELEGRAM_ZIP_PAGE_RE.match(n))]
            if not found:
                raise ImportFormatError("import.zip_no_telegram", name=fname)
            folder = min((f for f, _ in found), key=lambda f: (f.count("/"), f))
            names = sorted((n for f, n in found if f == folder), key=_page_number)[:MAX_PAGES]

            def media(href: str) -> tuple[Path | None, str | None]:
                rel = posixpath.normpath(href.replace("\\", "/"))
                if rel.startswith(("../", "/")) or rel == "..":
                    return None, None
                parts = tuple(rel.split("/")[:-1])
                member = folder + rel
                info = infos.get(member)
                if info is None or not telegram_media_folder(parts) or \
                        info.file_size > MAX_IMPORT_BYTES:
                    return None, None
                return None, member

            pages: list[_Page] = []
            sender = ""
            for name in names:
                if infos[name].file_size > MAX_IMPORT_BYTES:
                    raise ImportFormatError("import.too_large", name=name,
                                            size_mb=infos[name].file_size // 2**20,
                                            limit_mb=MAX_IMPORT_BYTES // 2**20)
                page_text = decode_text(zf.read(name), name)
                page = _read_page(page_text, fname=name, zone=zone, lang=lang, media=media,
                                  sender=sender)
                sender = page.last_sender
                pages.append(page)
    except ImportFormatError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            OSError, EOFError, ValueError, zlib.error) as exc:
        raise ImportFormatError("import.bad_zip", name=fname) from exc
    return _chat(pages, fname=fname, tz_name=tz_name, lang=lang, source_path=source_path,
                 sha256=sha256 or hashlib.sha256(data).hexdigest(), page_files=[])


def _pages(source_path: Path | None) -> list[str]:
    """messages.html, messages2.html … beside the chosen page (one chat's export), in order."""
    if source_path is None or not PAGE_RE.fullmatch(source_path.name):
        return []
    try:
        names = [p.name for p in source_path.parent.iterdir() if PAGE_RE.fullmatch(p.name)]
    except OSError:
        return []
    return sorted(names, key=_page_number)[:MAX_PAGES]
