"""Put a parsed chat into a journal, all at once or not at all.

One import = one transaction: the original export file (kept unmodified as evidence, with its
SHA-256; a chat exported as several pages keeps every page), one ``contact`` entry per
conversation per day with the transcript as its details, every message stored on its own
(``journal.messages(entry_id)``), and the photos and files found in the export folder attached
to their day's entry. The same file imported twice adds nothing. :func:`entry_draft_from_message`
makes a new entry's draft from one message of a transcript.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
import zlib
from datetime import date
from pathlib import Path
from typing import Any

from journal.core.errors import ImportFormatError, InputError
from journal.core.i18n import message, register, system_lang
from journal.core.models import EntryDraft

from .common import (
    APP_NAMES,
    ImportResult,
    ParsedChat,
    ParsedMessage,
    ProgressCallback,
    read_export,
)
from .limits import DEFAULT_LIMITS, Budget, ImportLimits
from .people import ImportPersons
from .tghtml import pages_fingerprint

log = logging.getLogger(__name__)

MAX_DETAILS = 900_000  # the store allows 1,000,000 characters of details
MAX_SUMMARY_TEXT = 120

register({
    "import.summary": {
        "en": "{app} chat with {names}: {n} {n:message|messages}",
        "zh": "与 {names} 的 {app} 聊天：{n} 条消息",
    },
    "import.summary_plain": {
        "en": "Chat with {names}: {n} {n:message|messages}",
        "zh": "与 {names} 的聊天：{n} 条消息",
    },
    "import.summary_nobody": {"en": "nobody else", "zh": "（无其他人）"},
    "import.and_more": {"en": "{names} and {n} more", "zh": "{names}等 {n} 人"},
    "import.original_caption": {
        "en": "Original {app} export file as imported ({messages} messages over {days} days)",
        "zh": "导入时的原始{app}导出文件（{messages} 条消息，{days} 天）",
    },
    "import.page_caption": {
        "en": "Page {n} of {total} of the original export, as imported",
        "zh": "导入时的原始导出文件第 {n} 页（共 {total} 页）",
    },
    "import.media_caption": {"en": "Sent by {sender} at {time}", "zh": "{sender} 于 {time} 发送"},
    "import.forwarded": {"en": "forwarded from {name}", "zh": "转发自 {name}"},
    "import.transcript_cut": {
        "en": "… (the transcript of this day is too long to show here; every message is kept in the "
        "imported messages)",
        "zh": "……（这一天的记录太长，无法在此全部显示；每条消息都保存在导入的消息中）",
    },
    "import.from_transcript": {
        "en": "From the {app} chat of {day} (imported transcript).",
        "zh": "摘自 {day} 的{app}聊天（导入的聊天记录）。",
    },
    "import.service_sender": {"en": "(system)", "zh": "（系统）"},
})


def message_text(m: ParsedMessage, lang: str) -> str:
    """A message as stored: forwarded-from note, text, media note."""
    parts: list[str] = []
    if m.forwarded_from:
        parts.append(f"[{message('import.forwarded', lang, name=m.forwarded_from)}]")
    if m.text:
        parts.append(m.text)
    if m.media_note:
        parts.append(f"[{m.media_note}]")
    return " ".join(parts) if parts else ""


def transcript_line(m: ParsedMessage, lang: str) -> str:
    """``HH:MM Sender: text`` (continuation lines indented)."""
    hhmm = m.sent_at.strftime("%H:%M")
    body = message_text(m, lang).replace("\r", "")
    lines = body.split("\n")
    if not m.is_service:
        head = f"{hhmm} {m.sender}: {lines[0]}"
    else:  # a system line; Telegram names who did it (who called, who made the group)
        head = f"{hhmm} — {m.sender}: {lines[0]}" if m.sender else f"{hhmm} — {lines[0]}"
    return "\n".join([head, *("      " + ln for ln in lines[1:])])


def _names_text(names: list[str], lang: str) -> str:
    if not names:
        return message("import.summary_nobody", lang)
    sep = "、" if lang == "zh" else ", "
    if len(names) > 3:
        return message("import.and_more", lang, names=sep.join(names[:3]), n=len(names) - 3)
    return sep.join(names)


def _summary(app: str, names: list[str], n: int, lang: str) -> str:
    app_name = APP_NAMES.get(app, "")
    names_text = _names_text(names, lang)
    text = (message("import.summary", lang, app=app_name, names=names_text, n=n) if app_name
            else message("import.summary_plain", lang, names=names_text, n=n))
    return text[:480]


def _counterpart(parsed: ParsedChat, others: list[str]) -> str | None:
    """The sender that ``person=`` names: the only other sender, the chat's name, or the busiest."""
    if not others:
        return None
    if len(others) == 1:
        return others[0]
    if parsed.chat_name in others:
        return parsed.chat_name
    counts: dict[str, int] = {}
    for m in parsed.messages:
        if m.sender in others:
            counts[m.sender] = counts.get(m.sender, 0) + 1
    return max(others, key=lambda s: counts.get(s, 0))


def import_chat(journal: Any, parsed: ParsedChat, *, person: str | None = None,
                me: str | None = None, progress: ProgressCallback | None = None,
                lang: str | None = None, original: bytes | None = None,
                channel: str | None = None,
                limits: ImportLimits = DEFAULT_LIMITS) -> ImportResult:
    """Write ``parsed`` into ``journal`` in one transaction; see the module docstring.

    ``me``: the exporting user's sender name (left out of the persons; default: what the file
    says, if anything). ``person``: the name (or id) of the person the counterpart is, e.g. the
    name already used in the journal. ``original``: the export's bytes when ``parsed`` was not
    read from a file.
    """
    lang = lang or system_lang()
    if journal.import_seen(parsed.source_sha256):
        log.info("import skipped: file already imported")
        return ImportResult(duplicate=True)
    pages: list[tuple[str, bytes]] = []
    if parsed.pages:
        original, pages = _read_pages(parsed)
    elif original is None:
        if parsed.source_path is None:
            raise ImportFormatError("import.no_messages", name="?")
        _, original, sha = read_export(parsed.source_path)
        if sha != parsed.source_sha256:
            raise ImportFormatError("import.changed_since_preview", name=parsed.source_path.name)
    elif hashlib.sha256(original).hexdigest() != parsed.source_sha256:
        raise ImportFormatError("import.changed_since_preview", name="?")
    if not parsed.messages:
        raise ImportFormatError("import.no_messages",
                                name=parsed.source_path.name if parsed.source_path else "?")

    me_name = (me or parsed.self_name or "").strip() or None
    others_all = [s for s in parsed.senders if s != me_name]
    mapping: dict[str, str] = {}
    if person and person.strip():
        target = _counterpart(parsed, others_all)
        if target is not None:
            mapping[target] = person.strip()

    # group by conversation and day, in the order the file has them
    groups: dict[tuple[str, date], list[ParsedMessage]] = {}
    for m in parsed.messages:
        groups.setdefault((m.conversation, m.sent_at.date()), []).append(m)

    total = len(parsed.messages)
    done = 0
    app_name = APP_NAMES.get(parsed.app, "")
    channel_value = APP_NAMES.get(parsed.app, "") if channel is None else channel
    result = ImportResult(messages=total, days=len(groups))
    filename = parsed.pages[0][0] if parsed.pages else \
        parsed.source_path.name if parsed.source_path else f"{parsed.app}-export"
    persons = ImportPersons(journal, parsed.app, mapping, parsed.handles)
    zf: zipfile.ZipFile | None = None
    if any(m.archive_media for m in parsed.messages):
        zf = _open_zip(original)
    budget = Budget(limits, filename)
    budget.plan(parsed, original, zf)  # refuses before anything is written
    budget.spend(len(original))
    for _name, page in pages:
        budget.spend(len(page))
    if progress:
        progress(0, total)
    with journal.transaction():
        import_id = journal.record_import(parsed.app, filename, parsed.source_sha256, None,
                                          total, len(groups))
        result.import_id = import_id
        for msgs in groups.values():
            senders = list(dict.fromkeys(m.sender for m in msgs if not m.is_service and m.sender))
            others = [s for s in senders if s != me_name]
            pids = list(dict.fromkeys(persons.id_for(s) for s in others))
            names = [mapping.get(s, s) for s in others]
            lines = [transcript_line(m, lang) for m in msgs]
            details = "\n".join(lines)
            if len(details) > MAX_DETAILS:
                details = details[:MAX_DETAILS].rsplit("\n", 1)[0] + "\n" + \
                    message("import.transcript_cut", lang)
            draft = EntryDraft(
                kind="contact", occurred_at=msgs[0].sent_at, precision="exact",
                summary=_summary(parsed.app, names, len(msgs), lang), details=details,
                persons=pids, channel=channel_value, medium="chat",
            )
            entry = journal.add_entry(draft, import_id=import_id)
            result.entry_ids.append(entry.id)
            journal.add_messages(entry.id, import_id, [
                (m.sent_at, m.sender, message_text(m, lang))
                for m in msgs
            ])
            for m in msgs:
                for media_path in m.media:
                    if _attach_media(journal, entry.id, import_id, media_path, m, lang, budget):
                        result.attachments += 1
                for media_name, media_data in m.data_media:
                    if _attach_data(journal, entry.id, import_id, media_name, media_data, m,
                                    lang, budget):
                        result.attachments += 1
                for member in m.archive_media:
                    if _attach_member(journal, entry.id, import_id, zf, member, m, lang, budget):
                        result.attachments += 1
            done += len(msgs)
            if progress:
                progress(done, total)
            for pid in pids:
                if pid not in result.persons:
                    result.persons.append(pid)
        att = journal.add_attachment(
            entry_id=result.entry_ids[0], data=original, filename=filename,
            caption=message("import.original_caption", lang, app=app_name or "CSV",
                            messages=total, days=len(groups)),
            import_id=import_id,
        )
        result.original_attachment_id = att.id
        for number, (page_name, page) in enumerate(pages, 2):
            journal.add_attachment(
                entry_id=result.entry_ids[0], data=page, filename=page_name,
                caption=message("import.page_caption", lang, n=number, total=len(pages) + 1),
                import_id=import_id)
        journal.finish_import(import_id, total, len(groups), attachment_id=att.id)
    log.info("imported %d messages over %d days, %d media files", total, len(groups),
             result.attachments)
    return result


def _read_pages(parsed: ParsedChat) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Every page of a chat exported as several files, each still the one that was read; the
    first page's bytes and the others' (name, bytes)."""
    assert parsed.source_path is not None
    if pages_fingerprint(parsed.pages) != parsed.source_sha256:
        raise ImportFormatError("import.changed_since_preview", name=parsed.source_path.name)
    read: list[tuple[str, bytes]] = []
    for name, sha in parsed.pages:
        _, data, got = read_export(parsed.source_path.parent / name)
        if got != sha:
            raise ImportFormatError("import.changed_since_preview", name=name)
        read.append((name, data))
    return read[0][1], read[1:]


def _attach_media(journal: Any, entry_id: str, import_id: str, path: Path, m: ParsedMessage,
                  lang: str, budget: Budget) -> bool:
    try:
        att = journal.add_attachment(
            entry_id=entry_id, path=path,
            caption=message("import.media_caption", lang, sender=m.sender or
                            message("import.service_sender", lang),
                            time=m.sent_at.strftime("%Y-%m-%d %H:%M")),
            import_id=import_id,
        )
    except InputError as exc:  # empty or vanished file: the note in the message stays
        log.info("media file not attached: %s", exc.key)
        return False
    budget.spend(att.size)
    return True


def _attach_data(journal: Any, entry_id: str, import_id: str, name: str, data: bytes,
                 m: ParsedMessage, lang: str, budget: Budget) -> bool:
    """Attach a file the parser read into memory (an e-mail's attachment)."""
    budget.spend(len(data))
    try:
        journal.add_attachment(
            entry_id=entry_id, data=data, filename=name,
            caption=message("import.media_caption", lang, sender=m.sender or
                            message("import.service_sender", lang),
                            time=m.sent_at.strftime("%Y-%m-%d %H:%M")),
            import_id=import_id,
        )
        return True
    except InputError as exc:
        log.info("media file not attached: %s", exc.key)
        return False


def _open_zip(archive: bytes) -> zipfile.ZipFile | None:
    try:
        return zipfile.ZipFile(io.BytesIO(archive))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _attach_member(journal: Any, entry_id: str, import_id: str, zf: zipfile.ZipFile | None,
                   member: str, m: ParsedMessage, lang: str, budget: Budget) -> bool:
    """Attach a file from inside the export .zip (read in memory, never extracted to disk)."""
    if zf is None:
        return False
    try:
        data = zf.read(member)
    except (zipfile.BadZipFile, KeyError, NotImplementedError, RuntimeError, OSError, EOFError,
            ValueError, zlib.error):
        log.info("media file in the archive could not be read")
        return False
    budget.spend(len(data))
    try:
        journal.add_attachment(
            entry_id=entry_id, data=data, filename=member.rsplit("/", 1)[-1],
            caption=message("import.media_caption", lang, sender=m.sender or
                            message("import.service_sender", lang),
                            time=m.sent_at.strftime("%Y-%m-%d %H:%M")),
            import_id=import_id,
        )
        return True
    except InputError as exc:
        log.info("media file not attached: %s", exc.key)
        return False


def entry_draft_from_message(journal: Any, message_id: str, kind: str,
                             lang: str | None = None) -> EntryDraft:
    """A new entry's draft from one imported message (as last corrected, for a line read from a
    screenshot), linked to its transcript entry."""
    lang = lang or system_lang()
    msg = journal.message(message_id)
    corrections = journal.message_corrections(message_id)
    if corrections:  # a recognised line the user corrected: the draft takes the correction
        msg = dict(msg, **{k: corrections[-1][k] for k in ("sent_at", "sender", "text")})
    transcript = journal.get_entry(msg["entry_id"])
    sender = msg["sender"] or ""
    pids = list(transcript.persons)
    if sender:
        for pid, name in zip(transcript.persons, transcript.person_names):
            if name == sender:
                pids = [pid]
                break
        else:
            for pid in transcript.persons:
                p = journal.get_person(pid)
                if sender in p.aliases:
                    pids = [pid]
                    break
    text = (msg["text"] or "").strip()
    first = " ".join(text.split())
    if len(first) > MAX_SUMMARY_TEXT:
        first = first[:MAX_SUMMARY_TEXT - 1].rstrip() + "…"
    summary = f"{sender}: {first}" if sender and first else (first or sender or transcript.summary)
    sent_at = msg["sent_at"]
    stamp = sent_at.strftime("%Y-%m-%d %H:%M")
    note = message("import.from_transcript", lang, app=transcript.channel or "",
                   day=sent_at.strftime("%Y-%m-%d")).replace("  ", " ")
    details = f"{stamp} {sender}: {text}\n\n{note}" if sender else f"{stamp} {text}\n\n{note}"
    return EntryDraft(
        kind=kind, occurred_at=sent_at, precision="exact", summary=summary[:480],
        details=details, persons=pids, channel=transcript.channel or None,
        source_entry_id=transcript.id,
    )
