"""Put a parsed chat or bill into a journal, all at once or not at all.

One import = one transaction: the original export file (kept unmodified as evidence, with its
SHA-256), one ``contact`` entry per conversation per day with the transcript as its details,
every message stored on its own (``journal.messages(entry_id)``), and the photos and files found
in the export folder attached to their day's entry. The same file imported twice adds nothing.
A payment bill (:func:`import_bill`) becomes one ``payment`` entry per chosen row, the same way.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from journal.core.errors import ImportFormatError, InputError
from journal.core.i18n import message, register, system_lang
from journal.core.models import EntryDraft, Handle, Person

from .bills import BillRow, ParsedBill, select_rows
from .common import (
    ParsedChat,
    ParsedMessage,
    ProgressCallback,
    check_kind,
    detect_kind,
    read_export,
)
from .tghtml import pages_fingerprint

log = logging.getLogger(__name__)

MAX_DETAILS = 900_000  # the store allows 1,000,000 characters of details
MAX_NAME = 200
MAX_SUMMARY_TEXT = 120
APP_NAMES = {"telegram": "Telegram", "whatsapp": "WhatsApp", "csv": "", "qq": "QQ",
             "wechat": "WeChat", "email": "E-mail"}
BILL_METHODS = {"wechatpay": "wechat", "alipay": "alipay"}

register({
    "import.summary": {
        "en": "{app} chat with {names}: {n} messages",
        "zh": "与 {names} 的 {app} 聊天：{n} 条消息",
    },
    "import.summary_plain": {
        "en": "Chat with {names}: {n} messages",
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
    "import.changed_since_preview": {
        "en": "“{name}” changed after it was read. Read it again before importing. "
        "Nothing was added to the journal.",
        "zh": "“{name}”在读取之后被修改了。请重新读取后再导入。日志中没有添加任何内容。",
    },
    "import.service_sender": {"en": "(system)", "zh": "（系统）"},
    "import.channel.wechatpay": {"en": "WeChat Pay", "zh": "微信支付"},
    "import.channel.alipay": {"en": "Alipay", "zh": "支付宝"},
    "import.bill.summary.received": {
        "en": "{channel}: received {amount} CNY from {who}{what}",
        "zh": "{channel}：收到{who}{amount} 元{what}",
    },
    "import.bill.summary.sent": {
        "en": "{channel}: paid {amount} CNY to {who}{what}",
        "zh": "{channel}：向{who}支付 {amount} 元{what}",
    },
    "import.bill.summary.neutral": {
        "en": "{channel}: {amount} CNY with {who}{what}",
        "zh": "{channel}：与{who}的交易 {amount} 元{what}",
    },
    "import.bill.line": {
        "en": "Row {line} of the {channel} bill, as written:",
        "zh": "{channel}账单第 {line} 行的原文：",
    },
    "import.bill.original_caption": {
        "en": "Original {channel} bill as imported ({rows} of its {total} transactions recorded)",
        "zh": "导入时的原始{channel}账单（共 {total} 笔交易，记录了其中 {rows} 笔）",
    },
    "import.too_much": {
        "en": "Importing “{name}” would add {size} to the journal; one import may add at "
        "most {limit_mb} MB. Export a shorter period or fewer media files. "
        "Nothing was added to the journal.",
        "zh": "导入“{name}”会向日志添加 {size}，而一次导入最多只能添加 {limit_mb} MB。"
        "请导出较短的时间段或较少的媒体文件。日志中没有添加任何内容。",
    },
    "import.expands": {
        "en": "“{name}” and its media files take {input_size} but would take {size} in the "
        "journal: the export names the same files again and again, which a real chat export "
        "does not do. It was refused. Nothing was added to the journal.",
        "zh": "“{name}”及其媒体文件共 {input_size}，导入后却会占用 {size}：这个导出文件反复"
        "引用同样的文件，真正的聊天导出不会这样。已拒绝导入。日志中没有添加任何内容。",
    },
})


@dataclass(frozen=True)
class ImportLimits:
    """How much one import may add to a journal.

    ``total_bytes``: the export file plus every media file, archive member and attachment
    carried inside it (an e-mail's) that it attaches; for a payment bill, the bill itself.
    ``expansion``: how many times the bytes read from disk (the export and the distinct media
    files beside it) the journal may grow; applied above ``expansion_floor`` bytes only, so that
    a small, well-compressed chat text is never refused.
    """

    total_bytes: int = 1024 * 1024 * 1024
    expansion: int = 20
    expansion_floor: int = 64 * 1024 * 1024


DEFAULT_LIMITS = ImportLimits()


def _size(size: int) -> str:
    if size < 2**20:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 2**20:.1f} MB" if size < 10 * 2**20 else f"{size / 2**20:.0f} MB"


class _Budget:
    """Bytes an import will add, checked before anything is written and again while writing."""

    def __init__(self, limits: ImportLimits, name: str) -> None:
        self.limits = limits
        self.name = name
        self.used = 0

    def refuse_total(self, size: int) -> ImportFormatError:
        return ImportFormatError("import.too_much", name=self.name, size=_size(size),
                                 limit_mb=self.limits.total_bytes // 2**20)

    def plan(self, parsed: ParsedChat, original: bytes, zf: zipfile.ZipFile | None) -> None:
        sizes: dict[Path, int] = {}
        members: dict[str, int] = {}
        if zf is not None:
            members = {i.filename: i.file_size for i in zf.infolist()}
        stored = len(original)
        for m in parsed.messages:
            for path in m.media:
                if path not in sizes:
                    try:
                        sizes[path] = path.stat().st_size
                    except OSError:
                        sizes[path] = 0
                stored += sizes[path]
            for member in m.archive_media:
                stored += members.get(member, 0)
            for _name, data in m.data_media:  # e-mail attachments: inside the export file
                stored += len(data)
        read = len(original) + sum(sizes.values())
        if stored > self.limits.total_bytes:
            raise self.refuse_total(stored)
        if stored > self.limits.expansion_floor and stored > self.limits.expansion * read:
            raise ImportFormatError("import.expands", name=self.name, input_size=_size(read),
                                    size=_size(stored))

    def spend(self, size: int) -> None:
        """Count bytes as they are written; over the limit, the import's transaction is undone."""
        self.used += size
        if self.used > self.limits.total_bytes:
            raise self.refuse_total(self.used)

_PHONE_RE = re.compile(r"^\+?[\d ()\-.]{7,24}$")


@dataclass
class ImportResult:
    messages: int = 0
    days: int = 0
    attachments: int = 0  # media files attached (the original export file not counted)
    entry_ids: list[str] = field(default_factory=list)
    duplicate: bool = False
    import_id: str | None = None
    original_attachment_id: str | None = None
    persons: list[str] = field(default_factory=list)  # person ids linked to the transcripts
    bill: bool = False  # payment rows of a bill (``messages`` counts the rows)


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


class _Persons:
    """Sender name → person id, creating people as needed (inside the import's transaction)."""

    def __init__(self, journal: Any, app: str, mapping: dict[str, str],
                 handles: dict[str, list[tuple[str, str]]] | None = None) -> None:
        self.journal = journal
        self.app = app
        self.mapping = mapping  # sender → person name or id given by the user
        self.handles = handles or {}  # sender → handles the file shows (for new persons)
        self.cache: dict[str, str] = {}

    def id_for(self, sender: str, platform: str | None = None) -> str:
        if sender in self.cache:
            return self.cache[sender]
        target = self.mapping.get(sender, sender)[:MAX_NAME].strip() or "?"
        person: Person | None = None
        try:
            person = self.journal.find_person(target)
        except InputError:  # ambiguous name: make a new person rather than guess
            person = None
        if person is None:
            handles = []
            if self.app in ("whatsapp", "telegram") and _PHONE_RE.match(sender):
                handles.append(Handle(kind="phone", value=sender))
            handles += [Handle(kind=k, value=v) for k, v in self.handles.get(sender, [])]
            person = self.journal.add_person(
                target, handles=handles,
                platform=platform if platform is not None else APP_NAMES.get(self.app, ""))
        if sender != person.name and sender not in person.aliases and sender[:MAX_NAME] == sender:
            self.journal.update_person(person.id, aliases=[*person.aliases, sender])
        self.cache[sender] = person.id
        return person.id


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
    persons = _Persons(journal, parsed.app, mapping, parsed.handles)
    zf: zipfile.ZipFile | None = None
    if any(m.archive_media for m in parsed.messages):
        zf = _open_zip(original)
    budget = _Budget(limits, filename)
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
                  lang: str, budget: _Budget) -> bool:
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
                 m: ParsedMessage, lang: str, budget: _Budget) -> bool:
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
                   member: str, m: ParsedMessage, lang: str, budget: _Budget) -> bool:
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


def resolve_kind(kind: str, path: Path | str) -> str:
    """``kind`` checked, or for "auto" the kind recognised from the file itself."""
    if (kind or "").strip().lower() == "auto":
        found = detect_kind(path)
        if found is None:
            p = Path(path)
            read_export(p)  # a missing, empty or unreadable file says so first
            raise ImportFormatError("import.unrecognised", field="kind", name=p.name)
        return found
    return check_kind(kind)


def parse_file(kind: str, path: Path | str, *, tz: str | None = None,
               date_order: str | None = None, lang: str | None = None) -> ParsedChat | ParsedBill:
    """Parse an export of the given kind (see ``common.APPS``, or "auto")."""
    from .bills import parse_alipay, parse_wechatpay
    from .csvchat import parse_csv
    from .mail import parse_email
    from .qq import parse_qq
    from .telegram import parse_telegram
    from .wechat import parse_wechat
    from .whatsapp import parse_whatsapp

    k = resolve_kind(kind, path)
    if k == "telegram":
        return parse_telegram(path, tz=tz, lang=lang)
    if k == "whatsapp":
        return parse_whatsapp(path, tz=tz, date_order=date_order, lang=lang)
    if k == "qq":
        return parse_qq(path, tz=tz, lang=lang)
    if k == "wechat":
        return parse_wechat(path, tz=tz, lang=lang)
    if k == "email":
        return parse_email(path, tz=tz, lang=lang)
    if k == "wechatpay":
        return parse_wechatpay(path, tz=tz, lang=lang)
    if k == "alipay":
        return parse_alipay(path, tz=tz, lang=lang)
    return parse_csv(path, tz=tz, date_order=date_order, lang=lang)


def import_file(journal: Any, kind: str, path: Path | str, *, tz: str | None = None,
                person: str | None = None, me: str | None = None, date_order: str | None = None,
                counterparts: list[str] | None = None, progress: ProgressCallback | None = None,
                lang: str | None = None, limits: ImportLimits = DEFAULT_LIMITS) -> ImportResult:
    """Parse (in a child process, see :mod:`.sandbox`) and import in one call (the CLI's
    ``journal-cli import KIND FILE``): a chat with :func:`import_chat`, a payment bill with
    :func:`import_bill` (``counterparts``: whose rows to record)."""
    from .sandbox import parse_file_isolated

    parsed = parse_file_isolated(kind, path, tz=tz, date_order=date_order, lang=lang)
    if isinstance(parsed, ParsedBill):
        return import_bill(journal, parsed, counterparts=counterparts, progress=progress,
                           lang=lang, limits=limits)
    return import_chat(journal, parsed, person=person, me=me, progress=progress, lang=lang,
                       limits=limits)


def _bill_details(row: BillRow, bill: ParsedBill, channel: str, lang: str) -> str:
    from .bills import ALIPAY_COLUMNS, WECHATPAY_COLUMNS

    columns = WECHATPAY_COLUMNS if bill.app == "wechatpay" else ALIPAY_COLUMNS
    values = {"time": row.occurred_at.strftime("%Y-%m-%d %H:%M:%S"), "type": row.type,
              "counterpart": row.counterpart, "account": row.account, "item": row.item,
              "direction": row.direction_text, "amount": f"{row.amount:.2f}",
              "method": row.method_text, "status": row.status, "reference": row.reference,
              "merchant_reference": row.merchant_reference, "note": row.note}
    lines = [message("import.bill.line", lang, channel=channel, line=row.line)]
    lines += [f"{label}: {values[key]}" for key, label in columns.items() if values.get(key)]
    return "\n".join(lines)


def import_bill(journal: Any, bill: ParsedBill, *, counterparts: list[str] | None = None,
                progress: ProgressCallback | None = None, lang: str | None = None,
                original: bytes | None = None,
                limits: ImportLimits = DEFAULT_LIMITS) -> ImportResult:
    """Write the chosen rows of ``bill`` as payment entries, in one transaction.

    ``counterparts``: the counterparts whose rows matter (every row of theirs is recorded);
    None = every transfer and red packet row, no shop purchase.
    """
    lang = lang or system_lang()
    name = bill.source_path.name if bill.source_path else f"{bill.app}-bill"
    if journal.import_seen(bill.source_sha256):
        log.info("import skipped: bill already imported")
        return ImportResult(duplicate=True, bill=True)
    if original is None:
        if bill.source_path is None:
            raise ImportFormatError("import.bill_no_rows", name=name)
        _, original, sha = read_export(bill.source_path)
        if sha != bill.source_sha256:
            raise ImportFormatError("import.changed_since_preview", name=name)
    elif hashlib.sha256(original).hexdigest() != bill.source_sha256:
        raise ImportFormatError("import.changed_since_preview", name=name)
    rows = select_rows(bill, counterparts)
    if not rows:
        raise ImportFormatError("import.bill_nothing_chosen", name=name)
    budget = _Budget(limits, name)
    budget.spend(len(original))  # the bill kept as evidence; refuses before anything is written
    channel = message(f"import.channel.{bill.app}", lang)
    days = len({r.occurred_at.date() for r in rows})
    result = ImportResult(messages=len(rows), days=days, bill=True)
    persons = _Persons(journal, bill.app, {})
    persons_platform = channel
    if progress:
        progress(0, len(rows))
    with journal.transaction():
        import_id = journal.record_import(bill.app, name, bill.source_sha256, None, len(rows), days)
        result.import_id = import_id
        for done, row in enumerate(rows, start=1):
            pids = [persons.id_for(row.counterpart, platform=persons_platform)] \
                if row.counterpart else []
            what = f" ({row.type})" if lang != "zh" else f"（{row.type}）"
            key = {"received": "import.bill.summary.received",
                   "sent": "import.bill.summary.sent"}.get(row.direction or "",
                                                          "import.bill.summary.neutral")
            summary = message(key, lang, channel=channel, amount=f"{row.amount:.2f}",
                              who=row.counterpart or "?", what=what if row.type else "")
            draft = EntryDraft(
                kind="payment", occurred_at=row.occurred_at, precision="exact",
                summary=summary[:480], details=_bill_details(row, bill, channel, lang),
                persons=pids, channel=channel, amount=row.amount, currency="CNY",
                method=BILL_METHODS[bill.app], direction=row.direction,
                reference=row.reference or None,
            )
            entry = journal.add_entry(draft, import_id=import_id)
            result.entry_ids.append(entry.id)
            for pid in pids:
                if pid not in result.persons:
                    result.persons.append(pid)
            if progress:
                progress(done, len(rows))
        att = journal.add_attachment(
            entry_id=result.entry_ids[0], data=original, filename=name,
            caption=message("import.bill.original_caption", lang, channel=channel, rows=len(rows),
                            total=len(bill.rows)),
            import_id=import_id,
        )
        result.original_attachment_id = att.id
        journal.finish_import(import_id, len(rows), days, attachment_id=att.id)
    log.info("imported %d payment rows of %d", len(rows), len(bill.rows))
    return result


def entry_draft_from_message(journal: Any, message_id: str, kind: str,
                             lang: str | None = None) -> EntryDraft:
    """A new entry's draft from one imported message, linked to its transcript entry."""
    lang = lang or system_lang()
    msg = journal.message(message_id)
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
