"""Texts and table layout of ``journal-cli``'s human output (en/zh); JSON output needs none."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence

from journal.core import fields, i18n
from journal.core.models import Entry, Person
from journal.core.money import format_amount
from journal.core.timeparse import show_when

i18n.register({
    "cli.created": {"en": "Created the journal {path}.\nRemember the passphrase: it cannot be "
                          "recovered, and without it nobody can open this journal.",
                    "zh": "已创建日志 {path}。\n请记住密码：密码无法找回，没有它任何人都打不开这个日志。"},
    "cli.person_added": {"en": "Added person {name} ({id}).", "zh": "已添加人物 {name}（{id}）。"},
    "cli.deleted": {"en": "Moved entry {id} to the trash. `restore {id}` brings it back.",
                    "zh": "已将记录 {id} 移到回收站。使用 `restore {id}` 可以恢复。"},
    "cli.restored": {"en": "Restored entry {id}.", "zh": "已恢复记录 {id}。"},
    "cli.edited": {"en": "Saved revision {rev} of entry {id}.", "zh": "已保存记录 {id} 的第 {rev} 版。"},
    "cli.no_entries": {"en": "No entries.", "zh": "没有记录。"},
    "cli.no_journal": {"en": "There is no journal at {path} yet. Create one there with "
                             "“journal-cli init”, or name an existing one with "
                             "“journal-cli --journal PATH …”.",
                       "zh": "{path} 处还没有日志。可以用“journal-cli init”在那里新建一个，"
                             "或用“journal-cli --journal 路径 …”指定已有的日志。"},
    "cli.no_persons": {"en": "No persons yet.", "zh": "还没有人物。"},
    "cli.no_matches": {"en": "Nothing matches “{text}”.", "zh": "没有与“{text}”匹配的内容。"},
    "cli.verify_ok": {"en": "The journal is intact: {records} audit {records:record|records} and {attachments} "
                            "{attachments:attachment|attachments} checked.\nAudit chain head: {head}",
                      "zh": "日志完好：已检查 {records} 条审计记录和 {attachments} 个附件。\n审计链末端哈希值：{head}"},
    "cli.verify_bad": {"en": "The integrity check FAILED. First problem: {first}",
                       "zh": "完整性校验未通过。第一个问题：{first}"},
    "cli.verify_scope": {"en": "Checked: every page, the audit chain, every entry, person and "
                               "attachment, {revisions} saved revisions and the search index.\n"
                               "Not covered: unsaved editor drafts and the app's settings (they are "
                               "not evidence).",
                         "zh": "已检查：每一页、审计链、每条记录、每个人物和附件、{revisions} 个历史版本以及搜索索引。\n"
                               "不在校验范围内：编辑器中未保存的草稿和软件设置（它们不是证据）。"},
    "cli.expect_head_found": {"en": "The earlier head {head} is record {seq} of this chain; {after} "
                                    "{after:record was|records were} added after it. Nothing recorded up to it was "
                                    "removed or changed.",
                              "zh": "先前的审计链末端哈希值 {head} 是本审计链的第 {seq} 条记录，其后又新增了 {after} 条记录。"
                                    "在它之前记录的内容没有被删除或改动。"},
    "cli.expect_head_missing": {"en": "The earlier head {head} is NOT a record of this journal's "
                                      "chain: this file is not the one that produced it, or what was "
                                      "recorded before it was removed or changed.",
                                "zh": "先前的审计链末端哈希值 {head} 不在本日志的审计链中：这个文件不是产生它的那个文件，"
                                      "或者它之前记录的内容已被删除或改动。"},
    "cli.backup_done": {"en": "Wrote an encrypted backup to {path}. The same passphrase opens it.",
                        "zh": "已将加密备份写入 {path}。用同一个密码可以打开它。"},
    "cli.restore_done": {"en": "Restored {path} from the backup. The previous file was kept as "
                                "{kept}.",
                         "zh": "已从备份恢复 {path}。原来的文件保留为 {kept}。"},
    "cli.restore_done_new": {"en": "Restored {path} from the backup.", "zh": "已从备份恢复 {path}。"},
    "cli.rekey_done": {"en": "The passphrase was changed. Only the new passphrase opens the journal now.",
                       "zh": "密码已更改。现在只有新密码能打开这个日志。"},
    "cli.rekey_copies_reencrypted": {"en": "{n} earlier {n:backup|backups} of this journal {n:was|were} re-encrypted: "
                                           "the old passphrase no longer opens them.",
                                     "zh": "已重新加密这个日志的 {n} 个旧备份：旧密码已无法打开它们。"},
    "cli.rekey_copies_deleted": {"en": "{n} earlier {n:backup|backups} of this journal {n:was|were} deleted.",
                                 "zh": "已删除这个日志的 {n} 个旧备份。"},
    "cli.rekey_no_copies": {"en": "No earlier backups of this journal were found.",
                            "zh": "没有找到这个日志的旧备份。"},
    "cli.rekey_copies_failed": {"en": "{n} earlier {n:backup|backups} could not be changed and still {n:opens|open} "
                                      "with the old passphrase: {paths}. Delete them yourself.",
                                "zh": "有 {n} 个旧备份无法处理，旧密码仍能打开它们：{paths}。请手动删除。"},
    "cli.passphrase_prompt": {"en": "Passphrase: ", "zh": "密码："},
    "cli.new_passphrase_prompt": {"en": "New passphrase: ", "zh": "新密码："},
    "cli.repeat_prompt": {"en": "Repeat the new passphrase: ", "zh": "再次输入新密码："},
    "cli.upgrade_start": {
        "en": "Updating the journal to this version of the program (once, after an update). A "
              "backup of the journal as it was is kept first; if this is interrupted, nothing is "
              "lost and the next command carries on.",
        "zh": "正在把日志升级到这个版本的程序（更新后只需一次）。升级前会先保留一份日志原样的备份；"
              "如果中途被打断，不会丢失任何内容，下一个命令会继续升级。"},
    "cli.upgrade_start_derived": {
        "en": "Bringing what the program works out from the entries up to date (once, after an "
              "update); the entries themselves are not changed. If this is interrupted, nothing "
              "is lost and the next command carries on.",
        "zh": "正在更新程序根据记录算出的内容（更新后只需一次），记录本身不会被改动。"
              "如果中途被打断，不会丢失任何内容，下一个命令会继续。"},
    "cli.no_signs": {"en": "No warning signs found in the entries so far. This is a checklist, not "
                           "a verdict: if something worries you, talk to a teacher or call 12339.",
                     "zh": "目前的记录中没有发现警示信号。这只是一个检查清单，不是结论：如果有让你担心的事，"
                           "请和老师谈谈，或拨打 12339。"},
    "cli.signs_footer": {"en": "This is a checklist, not a verdict. To report: 12339 hotline, the "
                               "online reporting platform, the official WeChat account, or the "
                               "local national security office.",
                         "zh": "这只是一个检查清单，不是结论。举报途径：12339 举报电话、网上举报平台、"
                               "官方微信公众号，或当地国家安全机关。"},
    "cli.sign_dismissed": {"en": "Set {id} aside as not fitting. It stays listed, greyed, with your "
                                 "reason; the PDF leaves it out of the present signs. Undo with "
                                 "`journal-cli signs undismiss {id}`.",
                           "zh": "已把 {id} 标为“不适用”。它仍会列出（灰色，附上你的理由），PDF "
                                 "不再把它算作已出现的信号。撤销：journal-cli signs undismiss {id}"},
    "cli.sign_undismissed": {"en": "{id} counts again.", "zh": "{id} 重新计入。"},
    "cli.sign_set_aside": {"en": "set aside by you: {reason}", "zh": "你已标为不适用：{reason}"},
    "cli.sign_why": {"en": "why: {text}", "zh": "依据：{text}"},
    "cli.signs_more_entries": {"en": "… and {n} more {n:entry|entries} (use --all-reasons to "
                                     "list every one, with why)",
                               "zh": "……另有 {n} 条记录未列出（使用 journal-cli signs --all-reasons "
                                     "列出全部及其依据）"},
    "cli.exported": {"en": "Wrote {path}.", "zh": "已写入 {path}。"},
    "cli.imported": {"en": "Imported {messages} {messages:message|messages} over {days} {days:day|days} "
                           "({attachments} {attachments:attachment|attachments}) into {entries} "
                           "{entries:entry|entries}.",
                     "zh": "已导入 {messages} 条消息，共 {days} 天（{attachments} 个附件），生成 {entries} 条记录。"},
    "cli.imported_bill": {"en": "Recorded {rows} {rows:payment|payments} with {persons} "
                                "{persons:counterpart|counterparts} from the bill.",
                          "zh": "已从账单记录 {rows} 笔付款，涉及 {persons} 个交易对方。"},
    "cli.import_duplicate": {"en": "This file was imported before; nothing was added.",
                             "zh": "这个文件之前已经导入过，没有添加任何内容。"},
    "cli.ocr_reading": {"en": "Reading screenshot {n} of {total}…",
                        "zh": "正在读取第 {n} 张截图，共 {total} 张……"},
    "cli.ocr_preview": {"en": "{name} — {conversation} ({source}):",
                        "zh": "{name} — {conversation}（{source}）："},
    "cli.ocr_seen": {"en": "{name}: imported before, left out.",
                     "zh": "{name}：之前已导入，略过。"},
    "cli.no_transcript": {"en": "This entry has no imported messages.",
                          "zh": "这条记录没有导入的消息。"},
    "cli.line_corrected_mark": {"en": "(corrected by hand)", "zh": "（已手动更正）"},
    "cli.transcript_hint": {
        "en": "Lines read from a screenshot can be corrected: journal-cli correct ID LINE "
              "[--time HH:MM] [--speaker NAME] [--text TEXT]",
        "zh": "从截图中识别出的行可以更正：使用 journal-cli correct 命令，给出记录编号和行号，"
              "再给出正确的时间、说话人或文字。"},
    "cli.line_corrected": {
        "en": "Line {n} corrected: {line} (what was read stays in the history).",
        "zh": "第 {n} 行已更正：{line}（识别出的原文保留在历史记录中）。"},
    "cli.ocr_dry_run": {"en": "Nothing was saved (--dry-run).",
                        "zh": "没有保存任何内容（--dry-run）。"},
    "cli.ocr_imported": {"en": "Imported {pictures} {pictures:screenshot|screenshots}: {messages} "
                               "{messages:message|messages} in {entries} {entries:entry|entries} "
                               "({duplicates} imported before).",
                         "zh": "已导入 {pictures} 张截图：{messages} 条消息，生成 {entries} 条记录"
                               "（{duplicates} 张之前已导入）。"},
    "cli.demo_done": {"en": "Wrote the demo journal {path}. Its passphrase is: {passphrase}",
                      "zh": "已写入示例日志 {path}。它的密码是：{passphrase}"},
    "cli.unexpected": {"en": "An unexpected error happened; nothing was changed. Details are in the "
                             "log file {log}.",
                       "zh": "发生了意外错误，没有任何改动。详细信息在日志文件 {log} 中。"},
    "cli.not_available": {"en": "This command is not available in this version.",
                          "zh": "此版本不提供这个命令。"},
    "cli.interrupted": {"en": "Interrupted; nothing was changed.", "zh": "已中断，没有任何改动。"},
    "cli.col.id": {"en": "ID", "zh": "编号"},
    "cli.col.when": {"en": "When", "zh": "时间"},
    "cli.col.kind": {"en": "Kind", "zh": "类型"},
    "cli.col.persons": {"en": "Persons", "zh": "人物"},
    "cli.col.summary": {"en": "Summary", "zh": "概要"},
    "cli.col.amount": {"en": "Amount", "zh": "金额"},
    "cli.col.name": {"en": "Name", "zh": "名称"},
    "cli.col.aliases": {"en": "Aliases", "zh": "别名"},
    "cli.col.identity": {"en": "Claimed identity", "zh": "自称身份"},
    "cli.col.platform": {"en": "Met on", "zh": "结识平台"},
    "cli.col.handles": {"en": "Handles", "zh": "账号"},
    "cli.deleted_mark": {"en": "(in trash)", "zh": "（已删除）"},
    "cli.history": {"en": "History", "zh": "修改历史"},
    "cli.attachments": {"en": "Attachments", "zh": "附件"},
    "field.recorded_at": {"en": "Recorded", "zh": "记录于"},
    "field.revision": {"en": "Revision", "zh": "版本"},
})


# What a terminal would act on instead of showing: C0 and C1 controls (but tab and line feed),
# DEL, and the marks that reorder text (a name could otherwise hide what follows it or make
# "exe.txt" read as "txt.exe").
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
    "\u2066-\u2069]"
)


def _escaped(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with control and direction characters shown as ``\\x1b`` / ``\\u202e``."""
    return _CONTROLS.sub(_escaped, text)


def escape_json(text: str) -> str:
    """JSON text with the same characters as ``\\u`` escapes (json.dumps leaves C1 controls and
    direction marks as they are when ``ensure_ascii`` is off); it decodes to the same value."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def t(key: str, lang: str, **params: object) -> str:
    return i18n.message(key, lang, **params)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out, w = "", 0
    for c in text:
        cw = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if w + cw > limit - 1:
            break
        out += c
        w += cw
    return out + "…"


def _cells(row: Sequence[object], limits: Sequence[int]) -> list[str]:
    return [clip(escape_controls(str(c)), lim) for c, lim in zip(row, limits)]


def _line(values: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths)).rstrip()


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], limits: Sequence[int]) -> str:
    cells = [_cells(r, limits) for r in rows]
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    out = [_line(headers, widths), "  ".join("─" * w for w in widths)]
    out.extend(_line(r, widths) for r in cells)
    return "\n".join(out)


def table_lines(headers: Sequence[str], rows: Callable[[], Iterable[Sequence[object]]],
                limits: Sequence[int]) -> Iterator[str]:
    """The lines of :func:`table` for rows too many to hold: ``rows()`` is called twice, once
    for the column widths and once for the lines, and each row is dropped once used."""
    widths = [width(h) for h in headers]
    for row in rows():
        for i, cell in enumerate(_cells(row, limits)):
            widths[i] = max(widths[i], width(cell))
    yield _line(headers, widths)
    yield "  ".join("─" * w for w in widths)
    for row in rows():
        yield _line(_cells(row, limits), widths)


def kind_name(kind: str, lang: str) -> str:
    return fields.kind_label(kind, lang)


def entry_amount(e: Entry) -> str:
    if e.amount is not None:
        return format_amount(e.amount, e.currency)
    if e.value is not None:
        return format_amount(e.value, e.currency)
    return ""


def _sep(lang: str) -> str:
    """Between the items of a list: the Chinese enumeration comma, or ", "."""
    return "、" if lang == "zh" else ", "


_ENTRY_COLUMNS = ("id", "when", "kind", "persons", "summary", "amount")
_ENTRY_LIMITS = (12, 30, 14, 24, 60, 18)  # a time in another zone names it


def _entry_row(e: Entry, lang: str) -> list[str]:
    summary = e.summary + (" " + t("cli.deleted_mark", lang) if e.deleted else "")
    return [e.id, show_when(e.occurred_at, e.precision, lang), kind_name(e.kind, lang),
            _sep(lang).join(e.person_names), summary, entry_amount(e)]


def entries_table(entries: Sequence[Entry], lang: str) -> str:
    headers = [t(f"cli.col.{c}", lang) for c in _ENTRY_COLUMNS]
    return table(headers, [_entry_row(e, lang) for e in entries], _ENTRY_LIMITS)


def entries_table_lines(entries: Callable[[], Iterable[Entry]], lang: str) -> Iterator[str]:
    """The lines of :func:`entries_table` for entries streamed from the journal: ``entries()``
    is called twice (widths, then lines)."""
    headers = [t(f"cli.col.{c}", lang) for c in _ENTRY_COLUMNS]
    return table_lines(headers, lambda: (_entry_row(e, lang) for e in entries()), _ENTRY_LIMITS)


def persons_table(persons: Sequence[Person], lang: str) -> str:
    headers = [t(f"cli.col.{c}", lang) for c in ("id", "name", "aliases", "identity", "platform", "handles")]
    rows = [[p.id, p.name, _sep(lang).join(p.aliases), " · ".join(x for x in (p.role, p.organisation) if x),
             p.platform, ", ".join(f"{h.kind}:{h.value}" for h in p.handles)] for p in persons]
    return table(headers, rows, [12, 24, 24, 30, 16, 40])


def entry_details(e: Entry, lang: str) -> str:
    lines = [f"{e.id}  {kind_name(e.kind, lang)}" + (f"  {t('cli.deleted_mark', lang)}" if e.deleted else "")]

    colon = "：" if lang == "zh" else ": "

    def add(name: str, value: object) -> None:
        if value not in (None, "", []):
            label = fields.field_label(name, lang) if name in fields.FIELDS else t("field." + name, lang)
            lines.append(f"  {label}{colon}{value}")

    add("occurred_at", show_when(e.occurred_at, e.precision, lang))
    add("recorded_at", show_when(e.recorded_at.astimezone(), "exact", lang))
    add("summary", e.summary)
    add("persons", fields.display(fields.FIELDS["persons"], e.person_names, lang))
    lines.extend(f"  {label}{colon}{text}" for label, text in fields.kind_rows(e, lang))
    for name in ("channel", "location", "witnesses", "tags"):
        add(name, fields.display(fields.FIELDS[name], getattr(e, name), lang))
    add("revision", e.revision)
    if e.details:
        lines.append(f"  {fields.field_label('details', lang)}{colon.rstrip()}")
        lines.extend("    " + line for line in e.details.splitlines())
    if e.attachments:
        lines.append(f"  {t('cli.attachments', lang)}{colon.rstrip()}")
        for a in e.attachments:
            lines.append(f"    {a.id}  {a.filename}  {a.size} B  {a.media_type}  sha256:{a.sha256}")
    return "\n".join(lines)
