"""Messages of the core (errors, CLI output) in English and Simplified Chinese.

The window translates its own strings with Qt; the core's texts (errors, warning signs, the PDF,
the CLI) live in dictionaries like the one below. Other core modules keep their texts next to
their code and add them with :func:`register`.
"""

from __future__ import annotations

import locale
import os
import string

LANGS = ("en", "zh")

_MESSAGES: dict[str, dict[str, str]] = {
    "warning.rollback": {"en": "Warning: this journal holds less than it did when this computer "
                                   "last opened it ({seen} audit records then, {seq} now, or a "
                                   "different history). An older copy may have been put in its "
                                   "place. Check your backups before adding anything.",
                             "zh": "警告：这个日志的内容少于本机上次打开时的内容（当时有 {seen} 条审计记录，现在是 "
                                   "{seq} 条，或者历史记录不同）。它可能被替换成了较旧的副本。请先检查备份，再添加新内容。"},
    "warning.rollback_title": {"en": "This may be an older copy", "zh": "这可能是较旧的副本"},
    "error.generic": {"en": "Something went wrong: {detail}", "zh": "出现问题：{detail}"},
    "error.input": {"en": "The input is not valid: {detail}", "zh": "输入无效：{detail}"},
    "error.not_found": {"en": "No {what} with id or name “{ref}”.", "zh": "找不到编号或名称为“{ref}”的{what}。"},
    "error.wrong_passphrase": {
        "en": "The passphrase is not correct. The journal was not changed; please try again.",
        "zh": "密码不正确。日志没有任何改动，请重试。",
    },
    "error.not_a_journal": {
        "en": "This journal file is damaged and cannot be opened. It was not changed. "
        "Open a backup copy instead.",
        "zh": "这个日志文件已损坏，无法打开。文件没有被改动。请改为打开一份备份。",
    },
    "error.not_a_journal_file": {
        "en": "This file is not an Incident Journal file, so it was not opened (and not changed). "
        "Check that you chose the right file: a journal's name usually ends in .ijournal.",
        "zh": "这个文件不是事件日志文件，因此没有打开（也没有改动）。请检查是否选对了文件："
        "日志文件名通常以 .ijournal 结尾。",
    },
    "error.damaged": {
        "en": "The journal file is damaged: {n} {n:part of it fails its|parts of it fail their} check. It was not changed. "
        "Restore the most recent backup.",
        "zh": "日志文件已损坏：有 {n} 处未通过校验。文件没有被改动。请恢复最近的一份备份。",
    },
    "error.import_format": {
        "en": "This file could not be imported: {detail}. Nothing was added to the journal.",
        "zh": "无法导入这个文件：{detail}。日志中没有添加任何内容。",
    },
    "error.export": {"en": "The export failed: {detail}", "zh": "导出失败：{detail}"},
    "error.file_missing": {"en": "There is no file at {path}.", "zh": "{path} 处没有文件。"},
    "error.file_unreadable": {
        "en": "The file {path} cannot be read (no permission).",
        "zh": "无法读取文件 {path}（没有权限）。",
    },
    "error.file_exists": {
        "en": "A file already exists at {path}; it was left untouched. Choose another name.",
        "zh": "{path} 处已有文件，未作改动。请换一个文件名。",
    },
    "error.not_writable": {
        "en": "Cannot write to {path}. Choose a folder you can write to.",
        "zh": "无法写入 {path}。请选择一个可以写入的文件夹。",
    },
    "error.passphrase_short": {
        "en": "The passphrase must be at least {n} characters long.",
        "zh": "密码至少需要 {n} 个字符。",
    },
    "error.passphrase_mismatch": {"en": "The two passphrases differ.", "zh": "两次输入的密码不一致。"},
    "error.passphrase_empty": {"en": "No passphrase was given.", "zh": "没有输入密码。"},
    "error.unknown_kind": {
        "en": "Unknown kind “{kind}”. Use one of: {kinds}.",
        "zh": "未知的类型“{kind}”。可用类型：{kinds}。",
    },
    "error.bad_date": {
        "en": "“{text}” is not a date this app understands. Write it like 2024-03-05, "
              "2024-03-05 14:30, yesterday 3pm or last Tuesday.",
        "zh": "无法理解日期“{text}”。请写成 2024-03-05、2024-03-05 14:30、昨天下午3点或上周二这样的形式。",
    },
    "error.future_day": {
        "en": "“{text}” is a day still to come ({date}). An entry records what has already "
              "happened: give the day it happened, like today 3pm, yesterday or 2024-03-05.",
        "zh": "“{text}”是还没到的日子（{date}）。记录写的是已经发生的事：请写出事情发生的日子，"
              "例如今天下午3点、昨天或 2024-03-05。",
    },
    "error.bad_amount": {
        "en": "“{text}” is not an amount. Write a positive number such as 500 or 1200.50.",
        "zh": "“{text}”不是有效金额。请写一个正数，例如 500 或 1200.50。",
    },
    "error.bad_currency": {
        "en": "“{text}” is not a currency code. Use a three-letter code such as CNY, USD or EUR.",
        "zh": "“{text}”不是有效的货币代码。请使用三个字母的代码，例如 CNY、USD 或 EUR。",
    },
    "error.bad_choice": {
        "en": "“{text}” is not allowed for {what}. Use one of: {choices}.",
        "zh": "{what}不能是“{text}”。可选：{choices}。",
    },
    "error.field_not_for_kind": {
        "en": "{what} does not belong to an entry of kind “{kind}”.",
        "zh": "{what}不属于“{kind}”类型的记录。",
    },
    "error.summary_required": {
        "en": "Write a one-line summary of what happened.",
        "zh": "请用一句话概括发生了什么。",
    },
    "error.name_required": {"en": "A person needs a name.", "zh": "人物需要填写名称。"},
    "error.summary_too_long": {
        "en": "{what} is too long: {length} characters, at most {n}. Keep one sentence here and "
              "move the rest into “{details}”.",
        "zh": "{what}太长：共 {length} 个字符，最多 {n} 个。这里只留一句话，其余内容请移到“{details}”里。",
    },
    "error.too_long": {
        "en": "{what} is too long (at most {n} characters).",
        "zh": "{what}太长（最多 {n} 个字符）。",
    },
    "error.attachment_too_large": {
        "en": "“{name}” is {size_mb} MB; attachments can be at most {limit_mb} MB. Nothing was added.",
        "zh": "“{name}”大小为 {size_mb} MB，附件最大为 {limit_mb} MB。未添加任何内容。",
    },
    "error.attachment_empty": {
        "en": "“{name}” is empty; nothing was added.",
        "zh": "“{name}”是空文件，未添加任何内容。",
    },
    "error.bad_handle": {
        "en": "“{text}” is not a handle. Write KIND:VALUE, e.g. wechat:abc123. Kinds: {kinds}.",
        "zh": "“{text}”不是有效的账号。请写成 类型：值，例如 wechat:abc123。类型：{kinds}。",
    },
    "error.ambiguous_person": {
        "en": "More than one person is called “{ref}”; use the id instead.",
        "zh": "有多个人叫“{ref}”，请改用编号。",
    },
    "error.not_deleted": {"en": "Entry {ref} is not in the trash.", "zh": "记录 {ref} 不在回收站中。"},
    "error.already_deleted": {"en": "Entry {ref} is already in the trash.", "zh": "记录 {ref} 已在回收站中。"},
    "error.journal_newer": {
        "en": "This journal was made by a newer version of Incident Journal (schema {found}). "
        "Update the app to open it.",
        "zh": "这个日志由更新版本的事件日志创建（结构版本 {found}）。请更新应用后再打开。",
    },
    "error.migration_failed": {
        "en": "This journal (schema {found}) could not be brought up to date. It was left exactly as "
        "it was, and a backup was made before trying. Please report this problem.",
        "zh": "这个日志（结构版本 {found}）无法升级。文件保持原样未被改动，升级前也已做了备份。请报告这个问题。",
    },
    "error.locked": {"en": "The journal is locked.", "zh": "日志已锁定。"},
    "what.entry": {"en": "entry", "zh": "记录"},
    "what.person": {"en": "person", "zh": "人物"},
    "what.attachment": {"en": "attachment", "zh": "附件"},
}


def register(messages: dict[str, dict[str, str]]) -> None:
    """Add a module's messages to the catalog (keys must be unique)."""
    for key, texts in messages.items():
        if key in _MESSAGES and _MESSAGES[key] != texts:
            raise ValueError(f"duplicate message key {key}")
    _MESSAGES.update(messages)


def catalog_keys() -> list[str]:
    """Every registered message key (for checks that render the whole catalog)."""
    return sorted(_MESSAGES)


class Bilingual:
    """A message parameter given in both languages (e.g. a field's label); :func:`message`
    puts in the one of the language asked for."""

    __slots__ = ("en", "zh")

    def __init__(self, en: str, zh: str) -> None:
        self.en, self.zh = en, zh

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        return f"Bilingual({self.en!r}, {self.zh!r})"


def message(key: str, lang: str = "en", **params: object) -> str:
    entry = _MESSAGES.get(key)
    lang = normalise_lang(lang)
    if entry is None:
        text = key
    else:
        text = entry.get(lang) or entry["en"]
    params = {k: ((v.zh if lang == "zh" else v.en) if isinstance(v, Bilingual) else v)
              for k, v in params.items()}
    try:
        return fill(text, **params)
    except (KeyError, IndexError, ValueError):
        return text


class _Formatter(string.Formatter):
    """``str.format`` plus English number words: ``{n:file|files}`` gives "file" when n is 1
    (or "1"), else "files", so a message reads "{n} {n:file|files}"."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if str(value).strip() in ("1", "-1") else many
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def fill(text: str, /, **params: object) -> str:
    """``text.format(**params)`` that also understands the singular|plural words of
    :class:`_Formatter` (for the window's translated templates too)."""
    return str(_FORMATTER.vformat(text, (), params))


def template(key: str, lang: str = "en") -> str:
    """The message of ``key`` in ``lang`` with its ``{placeholders}`` left in, for code that
    fills the same message a great many times (``template(k, l).format(**p)`` is
    ``message(k, l, **p)`` for plain string parameters)."""
    entry = _MESSAGES.get(key)
    if entry is None:
        return key
    return entry.get(normalise_lang(lang)) or entry["en"]


def normalise_lang(lang: str | None) -> str:
    if not lang:
        return "en"
    return "zh" if lang.lower().startswith("zh") else "en"


def system_lang() -> str:
    """``zh`` for a Chinese locale, else ``en`` (DESIGN §6)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return normalise_lang(value.split(":")[0])
    try:
        loc = locale.getlocale()[0]
    except ValueError:
        loc = None
    return normalise_lang(loc)
