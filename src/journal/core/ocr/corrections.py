"""Correcting a screenshot's recognised transcript: the picture stays the evidence.

The messages read from a screenshot stay as they were read (the import's audit record vouches for
them). :func:`correct_line` saves the user's correction of one line — its time, its speaker or its
text — in one transaction as

- a sealed revision of the message (``journal.message_corrections(id)`` lists them), and
- a new revision of the transcript entry, whose details are rebuilt from the corrected lines (so
  search and the warning signs read the corrected text, and the entry's history shows the change);
- the picture's caption (its recognised text under the picture in the PDF) rebuilt the same way,
  saying that lines were corrected by hand.

:func:`transcript` gives an entry's lines as they now stand, each with the picture it was read
from, for the detail pane and ``journal-cli transcript``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from journal.core.errors import InputError
from journal.core.i18n import Bilingual, message, register, system_lang
from journal.core.models import Entry, EntryDraft
from journal.core.timeparse import parse_when

MAX_SENDER = 200
MAX_TEXT = 20_000

register({
    "ocr.correct_not_screenshot": {
        "en": "Only text recognised from a screenshot can be corrected here; this message was "
        "imported from a chat export as it was written. Nothing was changed.",
        "zh": "这里只能更正从截图中识别出的文字；这条消息来自聊天导出文件，按原样导入。没有任何改动。",
    },
    "ocr.correct_nothing": {
        "en": "The line already reads like that: give a different time, speaker or text. Nothing "
        "was changed.",
        "zh": "这一行已经是这样：请给出不同的时间、说话人或文字。没有任何改动。",
    },
    "ocr.correct_empty": {
        "en": "The {what} of a line cannot be empty. Type it as the picture shows it. Nothing was "
        "changed.",
        "zh": "一行的{what}不能为空。请按图片上的内容输入。没有任何改动。",
    },
    "ocr.correct_too_long": {
        "en": "The {what} is too long (at most {limit} characters). Nothing was changed.",
        "zh": "{what}太长（最多 {limit} 个字符）。没有任何改动。",
    },
    "ocr.no_such_line": {
        "en": "This entry's transcript has no line {n}; it has {count}. See the numbers with "
        "“journal-cli transcript ID”. Nothing was changed.",
        "zh": "这条记录的聊天记录中没有第 {n} 行，共有 {count} 行。可用“journal-cli transcript 编号”"
        "查看行号。没有任何改动。",
    },
    "ocr.what_sender": {"en": "speaker", "zh": "说话人"},
    "ocr.what_text": {"en": "text", "zh": "文字"},
    "ocr.corrected_note": {
        "en": "Corrected by hand: {n} {n:line|lines}; what was read from the picture stays in the "
        "history.",
        "zh": "已手动更正：{n} 行；从图片中识别出的原文保留在历史记录中。",
    },
    "ocr.caption_corrected": {
        "en": "Chat screenshot. Recognised text, corrected by hand ({n} {n:line|lines}; check it "
        "against the picture):",
        "zh": "聊天截图。识别出的文字，已手动更正（{n} 行，请与图片核对）：",
    },
})

_TIME_ONLY = re.compile(r"^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$")


@dataclass
class TranscriptLine:
    message_id: str
    sent_at: datetime
    sender: str
    text: str
    corrections: int  # how many times the user corrected it
    original: dict[str, Any]  # sent_at, sender, text as read
    attachment_id: str | None  # the picture it was read from (screenshots)
    recognised: bool  # read from a screenshot (so it can be corrected)


def transcript(journal: Any, entry_id: str) -> list[TranscriptLine]:
    """An entry's transcript lines, each as it now stands (newest correction applied)."""
    return [
        TranscriptLine(message_id=m["id"], sent_at=m["sent_at"], sender=m["sender"],
                       text=m["text"], corrections=m["corrections"], original=m["original"],
                       attachment_id=m["attachment_id"], recognised=m["source"] == "screenshot")
        for m in journal.corrected_messages(entry_id)
    ]


def line_message_id(journal: Any, entry_id: str, number: int) -> str:
    """The message id of line ``number`` (1, 2 …) of an entry's transcript."""
    lines = journal.corrected_messages(entry_id)
    if not 1 <= number <= len(lines):
        raise InputError("ocr.no_such_line", field="line", n=number, count=len(lines))
    return str(lines[number - 1]["id"])


def transcript_to_json(lines: list[TranscriptLine]) -> list[dict[str, Any]]:
    """The lines for ``journal-cli transcript --json``: numbered, as they now stand, with what
    was read (``read``) and how often each was corrected."""
    return [{"line": i, "id": x.message_id, "sent_at": x.sent_at.isoformat(),
             "sender": x.sender, "text": x.text, "recognised": x.recognised,
             "corrections": x.corrections, "picture": x.attachment_id,
             "read": {"sent_at": x.original["sent_at"].isoformat(),
                      "sender": x.original["sender"], "text": x.original["text"]}}
            for i, x in enumerate(lines, 1)]


def line_text(line: TranscriptLine) -> str:
    return f"{line.sent_at:%H:%M} {line.sender}: {line.text}"


def _parse_time(text: str, current: datetime) -> datetime:
    """``14:35`` (the line's own day) or any date and time :func:`parse_when` reads."""
    raw = text.strip()
    match = _TIME_ONLY.match(raw)
    if match:
        hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
        if hour > 23 or minute > 59 or second > 59:
            raise InputError("error.bad_date", field="time", text=raw)
        return current.replace(hour=hour, minute=minute, second=second, microsecond=0)
    when, _precision = parse_when(raw, field="time", reference=current)
    return when


def _what(what: str) -> Bilingual:
    return Bilingual(message(f"ocr.what_{what}", "en"), message(f"ocr.what_{what}", "zh"))


def _checked(value: str, what: str, limit: int) -> str:
    value = value.strip()
    if not value:
        raise InputError("ocr.correct_empty", field=what, what=_what(what))
    if len(value) > limit:
        raise InputError("ocr.correct_too_long", field=what, what=_what(what), limit=limit)
    return value


def _rebuild_details(details: str, lines: list[TranscriptLine], lang: str) -> str:
    """The transcript lines, then the notes below them (the correction note replaced)."""
    _head, sep, tail = details.partition("\n\n")
    prefixes = tuple(message("ocr.corrected_note", lg, n=0).split("0")[0] for lg in ("en", "zh"))
    notes = [n for n in tail.split("\n") if n and not n.startswith(prefixes)] if sep else []
    corrected = sum(1 for line in lines if line.corrections)
    if corrected:
        notes.append(message("ocr.corrected_note", lang, n=corrected))
    body = "\n".join(line_text(line) for line in lines)
    return body + ("\n\n" + "\n".join(notes) if notes else "")


def _rebuild_caption(caption: str, lines: list[TranscriptLine], lang: str) -> str:
    """The picture's caption: heading, its corrected lines, then what followed the old lines."""
    old = caption.split("\n")
    read_lines = [f"{line.original['sent_at']:%H:%M} {line.original['sender']}: "
                  for line in lines]
    rest = [t for t in old[1:] if not any(t.startswith(p) for p in read_lines)]
    rest = [t for t in rest if t not in {line_text(x) for x in lines}]
    corrected = sum(1 for line in lines if line.corrections)
    heading = message("ocr.caption_corrected", lang, n=corrected) if corrected \
        else message("ocr.caption", lang)
    return "\n".join([heading, *(line_text(x) for x in lines), *rest])


def correct_line(journal: Any, message_id: str, *, time: str | None = None,
                 sender: str | None = None, text: str | None = None,
                 lang: str | None = None) -> Entry:
    """Correct one recognised line (any of time, speaker, text); returns the entry as saved."""
    lang = lang or system_lang()
    entry_id = journal.message(message_id)["entry_id"]
    lines = transcript(journal, entry_id)
    line = next(x for x in lines if x.message_id == message_id)
    if not line.recognised:
        raise InputError("ocr.correct_not_screenshot")
    new_time = line.sent_at if time is None or not time.strip() else _parse_time(time, line.sent_at)
    new_sender = line.sender if sender is None else _checked(sender, "sender", MAX_SENDER)
    new_text = line.text if text is None else _checked(text, "text", MAX_TEXT)
    if (new_time, new_sender, new_text) == (line.sent_at, line.sender, line.text):
        raise InputError("ocr.correct_nothing")
    entry = journal.get_entry(entry_id)
    with journal.transaction():
        journal.correct_message(message_id, new_time, new_sender, new_text)
        lines = transcript(journal, entry_id)
        draft = EntryDraft(details=_rebuild_details(entry.details or "", lines, lang))
        if lines and lines[0].message_id == message_id and new_time != entry.occurred_at:
            draft.occurred_at, draft.precision = new_time, "exact"
        saved = journal.edit_entry(entry_id, draft)
        if line.attachment_id:
            pic_lines = [x for x in lines if x.attachment_id == line.attachment_id]
            att = next((a for a in journal.list_attachments(entry_id=entry_id)
                        if a.id == line.attachment_id), None)
            if att is not None:
                journal.update_attachment_caption(
                    att.id, _rebuild_caption(att.caption or "", pic_lines, lang))
                saved = journal.get_entry(entry_id)
    assert isinstance(saved, Entry)
    return saved
