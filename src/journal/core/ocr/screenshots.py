"""A batch of chat screenshots → contact entries with transcripts, after a preview.

:func:`read_screenshots` reads each picture's text in the recognition child (one at a time, with
progress and cancel) and works out who said what and when; nothing is written. The result is a
:class:`ScreenshotBatch` to show as a preview. :func:`import_screenshots` then writes it in one
transaction: each picture kept unmodified as an attachment (with its SHA-256, recorded as an
import so the same picture twice adds nothing) whose caption holds its recognised text, one
``contact`` entry per conversation and day with the transcript as its details (searchable, read
by the warning signs), and every recognised message stored on its own
(``journal.messages(entry_id)``), as a chat import does.

Times come from the pictures' own time stamps; failing that from the picture's EXIF capture time,
failing that from the file's modification time — and the transcript says which.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from journal.core.errors import ImportFormatError, InputError
from journal.core.i18n import message, register, system_lang
from journal.core.importers.common import read_export
from journal.core.models import EntryDraft
from journal.core.timeparse import local_aware

from . import capture as _capture
from .layout import ChatPicture, read_layout
from .runner import OcrLimits, Recogniser

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]
TIME_SOURCES = ("picture", "exif", "file")

register({
    "ocr.not_chat": {
        "en": "“{name}” does not look like a chat screenshot: no speech bubbles were found in it. "
        "Choose screenshots of a chat. Nothing was added to the journal.",
        "zh": "“{name}”看起来不是聊天截图：其中没有找到对话气泡。请选择聊天截图。"
        "日志中没有添加任何内容。",
    },
    "ocr.no_files": {
        "en": "Choose at least one screenshot. Nothing was added to the journal.",
        "zh": "请至少选择一张截图。日志中没有添加任何内容。",
    },
    "ocr.me": {"en": "Me", "zh": "我"},
    "ocr.other_side": {"en": "Other side", "zh": "对方"},
    "ocr.time_picture": {"en": "time read from the picture", "zh": "时间读自截图"},
    "ocr.time_exif": {"en": "time from the picture's EXIF capture time, not from the chat",
                      "zh": "时间取自图片的 EXIF 拍摄时间，而非聊天内容"},
    "ocr.time_file": {"en": "time from the file's modification time, not from the chat",
                      "zh": "时间取自文件的修改时间，而非聊天内容"},
    "ocr.caption": {
        "en": "Chat screenshot. Recognised text (read by the computer; check it against the "
        "picture):",
        "zh": "聊天截图。识别出的文字（由电脑识别，请与图片核对）：",
    },
    "ocr.summary": {
        "en": "Chat screenshots with {name}: {n} {n:message|messages}",
        "zh": "与 {name} 的聊天截图：{n} 条消息",
    },
    "ocr.transcript_note": {
        "en": "Recognised from {pictures} {pictures:screenshot|screenshots}; {source}.",
        "zh": "识别自 {pictures} 张截图；{source}。",
    },
})


# the first bytes of the picture formats a phone or computer saves screenshots in
PICTURE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"BM")


def looks_like_picture(path: Path | str) -> bool:
    """Whether a file is a PNG, JPEG, WebP or BMP picture (``import auto`` sends it to the
    screenshot import); judged by its first bytes, not its name."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return head.startswith(PICTURE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


@dataclass
class ScreenshotMessage:
    sent_at: datetime
    sender: str
    side: str  # "me" | "other"
    text: str


@dataclass
class Screenshot:
    path: Path
    sha256: str
    conversation: str  # the header's name ("" when none was read)
    messages: list[ScreenshotMessage]
    time_source: str  # "picture" | "exif" | "file"
    exif: dict[str, Any] = field(default_factory=dict)
    duplicate: bool = False  # already in the journal: will be left out


@dataclass
class ScreenshotBatch:
    pictures: list[Screenshot]

    def groups(self) -> dict[tuple[str, date], list[tuple[Screenshot, ScreenshotMessage]]]:
        """Messages by (conversation, day), in the order of the pictures."""
        out: dict[tuple[str, date], list[tuple[Screenshot, ScreenshotMessage]]] = {}
        for pic in self.pictures:
            if pic.duplicate:
                continue
            for m in pic.messages:
                out.setdefault((pic.conversation, m.sent_at.date()), []).append((pic, m))
        return out


@dataclass
class ScreenshotImportResult:
    pictures: int = 0
    messages: int = 0
    entry_ids: list[str] = field(default_factory=list)
    duplicates: int = 0


def _exif_time(exif: dict[str, Any]) -> datetime | None:
    text = exif.get("time")
    if not isinstance(text, str):
        return None
    try:
        return local_aware(datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S"))
    except ValueError:
        return None


def picture_messages(picture: ChatPicture, fallback: datetime, lang: str,
                     me: str | None = None) -> list[ScreenshotMessage]:
    """Bubbles → messages; a bubble above the first time stamp takes ``fallback``."""
    other = picture.header or message("ocr.other_side", lang)
    me_name = me or message("ocr.me", lang)
    return [
        ScreenshotMessage(sent_at=b.sent_at or fallback, side=b.side,
                          sender=me_name if b.side == "me" else other, text=b.text)
        for b in picture.bubbles
    ]


def read_screenshots(paths: list[Path | str], *, journal: Any = None, lang: str | None = None,
                     me: str | None = None, progress: ProgressCallback | None = None,
                     cancelled: Callable[[], bool] | None = None,
                     limits: OcrLimits | None = None) -> ScreenshotBatch:
    """Read every picture (nothing is written); any bad picture refuses the whole batch.

    ``journal``: when given, pictures already imported are marked as duplicates (and not read).
    """
    lang = lang or system_lang()
    if not paths:
        raise InputError("ocr.no_files")
    pictures: list[Screenshot] = []
    total = len(paths)
    if progress:
        progress(0, total)
    with Recogniser(limits, cancelled) as recogniser:
        for i, raw in enumerate(paths):
            path, data, sha = read_export(raw)
            seen = any(p.sha256 == sha for p in pictures)
            if seen or (journal is not None and journal.import_seen(sha)):
                pictures.append(Screenshot(path, sha, "", [], "picture", duplicate=True))
            else:
                answer = recogniser.recognise(path.name, data)
                exif = answer["exif"]
                reference = _exif_time(exif)
                source = "exif"
                if reference is None:
                    reference = local_aware(datetime.fromtimestamp(os.stat(path).st_mtime))
                    source = "file"
                layout = read_layout(answer, reference=reference)
                if not layout.bubbles:
                    raise ImportFormatError("ocr.not_chat", name=path.name)
                timed = all(b.sent_at is not None for b in layout.bubbles)
                previous = pictures[-1] if pictures else None
                fallback = reference
                if not timed and previous is not None and previous.messages and \
                        previous.conversation == layout.header and \
                        previous.time_source == "picture":
                    fallback = previous.messages[-1].sent_at  # a scrolled continuation
                    source = "picture"
                pictures.append(Screenshot(
                    path=path, sha256=sha, conversation=layout.header,
                    messages=picture_messages(layout, fallback, lang, me),
                    time_source="picture" if timed else source, exif=exif,
                ))
            if progress:
                progress(i + 1, total)
    return ScreenshotBatch(pictures)


def caption_for(pic: Screenshot, lang: str) -> str:
    lines = [message("ocr.caption", lang)]
    lines += [f"{m.sent_at:%H:%M} {m.sender}: {m.text}" for m in pic.messages]
    # capture time and device, never the GPS position: captions are shown in reports
    lines += _capture.capture_lines({k: v for k, v in pic.exif.items() if k != "gps"}, lang)
    return "\n".join(lines)


def import_screenshots(journal: Any, batch: ScreenshotBatch, *, lang: str | None = None,
                       person: str | None = None) -> ScreenshotImportResult:
    """Write a previewed batch in one transaction (see the module docstring)."""
    lang = lang or system_lang()
    result = ScreenshotImportResult(duplicates=sum(1 for p in batch.pictures if p.duplicate))
    fresh = [p for p in batch.pictures if not p.duplicate and not journal.import_seen(p.sha256)]
    if not fresh:
        return result
    for pic in fresh:  # the pictures must still be the ones that were read
        _, _, sha = read_export(pic.path)
        if sha != pic.sha256:
            raise ImportFormatError("import.changed_since_preview", name=pic.path.name)
    groups = ScreenshotBatch(fresh).groups()
    with journal.transaction():
        import_ids = {
            pic.sha256: journal.record_import("screenshot", pic.path.name, pic.sha256, None,
                                              len(pic.messages), 1)
            for pic in fresh
        }
        attached: set[str] = set()
        for (conversation, _day), items in groups.items():
            name = (person or "").strip() or conversation or message("ocr.other_side", lang)
            pid = journal.person_for_name(name).id
            pics = list(dict.fromkeys(id(p) for p, _ in items))
            sources = {p.time_source for p, _ in items}
            source = "file" if "file" in sources else "exif" if "exif" in sources else "picture"
            note = message("ocr.transcript_note", lang, pictures=len(pics),
                           source=message(f"ocr.time_{source}", lang))
            lines = [f"{m.sent_at:%H:%M} {m.sender}: {m.text}" for _, m in items]
            first_pic = items[0][0]
            entry = journal.add_entry(EntryDraft(
                kind="contact", occurred_at=items[0][1].sent_at,
                precision="exact" if source == "picture" else "approximate",
                summary=message("ocr.summary", lang, name=name, n=len(items)),
                details="\n".join([*lines, "", note]), persons=[pid], medium="chat",
            ), import_id=import_ids[first_pic.sha256])
            result.entry_ids.append(entry.id)
            for position, (pic, m) in enumerate(items):  # linked to the picture it was read from
                journal.add_messages(entry.id, import_ids[pic.sha256],
                                     [(m.sent_at, m.sender, m.text)], position)
            for pic, _ in items:
                if pic.sha256 in attached:
                    continue
                attached.add(pic.sha256)
                _, data, _ = read_export(pic.path)
                att = journal.add_attachment(entry_id=entry.id, data=data,
                                             filename=pic.path.name,
                                             caption=caption_for(pic, lang),
                                             import_id=import_ids[pic.sha256])
                journal.finish_import(import_ids[pic.sha256], len(pic.messages), 1,
                                      attachment_id=att.id)
            result.messages += len(items)
        result.pictures = len(fresh)
    log.info("imported %d screenshots, %d messages", result.pictures, result.messages)
    return result

