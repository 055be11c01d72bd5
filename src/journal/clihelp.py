"""``journal-cli --help`` in the user's language: a one-line description of every command,
sub-command and option, in English and Simplified Chinese.

The parser in :mod:`journal.cli` is built once, with English names; :func:`localise` then walks it
and puts in the descriptions for ``lang``, so a command added without a description here is
noticed by ``tests/cli/test_cli_help.py`` rather than shown bare.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

_HAN = re.compile(r"[\u4e00-\u9fff]")

# "command" or "command sub-command" -> (en, zh)
COMMAND_HELP: dict[str, tuple[str, str]] = {
    "init": ("create a new journal (asks for a new passphrase)", "新建一个日志（需要设置新密码）"),
    "person": ("the people involved (counterparts): add, list", "涉及的人物（对方）：添加、列出"),
    "person add": ("add a person with names, role and account handles",
                   "添加一个人物，包括名字、身份和账号"),
    "person list": ("list every person in the journal", "列出日志中的所有人物"),
    "add": ("record an entry: what happened, when, with whom", "添加一条记录：发生了什么、什么时候、和谁"),
    "edit": ("change an entry (the earlier version is kept)", "修改一条记录（原来的版本会保留）"),
    "delete": ("move an entry to the trash (it can be restored)", "把一条记录移到回收站（可以恢复）"),
    "restore": ("bring back an entry from the trash, or a journal from a backup file",
                "从回收站恢复一条记录，或者从备份文件恢复日志"),
    "list": ("list entries, newest first, with filters", "按时间倒序列出记录，可以筛选"),
    "show": ("show one entry in full, optionally with its history", "显示一条记录的全部内容，也可显示修改历史"),
    "transcript": ("the lines of an imported chat or screenshot entry, numbered",
                   "导入的聊天或截图记录中的各行（带行号）"),
    "correct": ("correct a line read from a screenshot (time, speaker, text); kept as a revision",
                "更正从截图中识别出的一行（时间、说话人、文字）；作为新版本保存"),
    "search": ("find entries and people containing some words", "查找包含某些文字的记录和人物"),
    "signs": (("the warning signs the entries show: every evidence entry, and why for the first "
               "20 of each sign (--all-reasons: for every one)"),
              ("记录中出现的警示信号：列出每个信号的全部相关记录，以及前 20 条记录的依据"
               "（`--all-reasons`：列出每一条的依据）")),
    "signs dismiss": ("set a warning sign aside as “not this”, with a reason",
                      "把一个警示信号标为“不适用”，并写明理由"),
    "signs undismiss": ("count a warning sign that was set aside again", "重新计入已标为“不适用”的警示信号"),
    "verify": ("check that nothing in the journal was changed or removed",
               "检查日志中的内容有没有被改动或删除"),
    "export": ("make a PDF report, a text summary or an evidence package",
               "生成 PDF 报告、文字摘要或证据包"),
    "export pdf": ("the PDF report for a teacher or an official", "供老师或国家安全机关查阅的 PDF 报告"),
    "export text": ("a plain-text summary", "纯文字摘要"),
    "export package": ("a signed evidence package (zipped BagIt folder)", "带签名的证据包（BagIt 格式的压缩包）"),
    "export overview": ("the one-page overview as a picture (SVG or PNG)", "一页概览图（SVG 或 PNG 图片）"),
    "verify-package": ("check an evidence package (no journal or passphrase needed)",
                       "检查一个证据包（不需要日志或密码）"),
    "import": ("import a chat export or a payment statement", "导入聊天记录导出文件或支付账单"),
    "import auto": ("recognise the kind of export (or a chat screenshot) by itself",
                    "自动识别导出文件的类型（也可以是聊天截图）"),
    "import qq": ("a QQ chat export", "QQ 聊天记录导出"),
    "import wechat": ("a WeChat chat export", "微信聊天记录导出"),
    "import email": ("an email message or mailbox file", "电子邮件或邮箱文件"),
    "import wechatpay": ("a WeChat Pay statement", "微信支付账单"),
    "import alipay": ("an Alipay statement", "支付宝账单"),
    "import screenshots": ("read chat screenshots (offline text recognition) into entries",
                           "识别聊天截图中的文字（离线）并记为记录"),
    "import telegram": ("a Telegram chat export (result.json, messages.html or the zipped folder)",
                        "Telegram 聊天导出（result.json、messages.html 或压缩的导出文件夹）"),
    "import whatsapp": ("a WhatsApp chat export (.txt)", "WhatsApp 聊天导出（.txt 文件）"),
    "import csv": ("a chat saved as a CSV table", "以 CSV 表格保存的聊天记录"),
    "backup": ("write an encrypted copy of the journal", "写出一份加密的日志副本"),
    "rekey": ("change the passphrase (earlier backups are re-encrypted too)",
              "更换密码（以前的备份也会改用新密码加密）"),
    "demo": ("create a demo journal with made-up entries to try the app",
             "创建一个带虚构记录的示例日志，用来试用"),
}

# option strings (or positional dest names) -> (en, zh); "" = every parser
OPTION_HELP: dict[str, tuple[str, str]] = {
    "--journal": ("the journal file (default: the journal in your data folder)",
                  "日志文件（默认：数据文件夹中的日志）"),
    "--passphrase-file": ("read the passphrase from the first line of this file",
                          "从该文件的第一行读取密码"),
    "--new-passphrase-file": ("read the new passphrase (init, rekey) from this file",
                              "从该文件读取新密码（用于 init 和 rekey）"),
    "--json": ("print JSON for scripts", "以 JSON 格式输出，供脚本使用"),
    "--lang": ("language of the report: zh or en", "报告的语言：zh 或 en"),
    "--since": ("only from this date on", "只包括此日期及以后"),
    "--until": ("only up to this date", "只包括此日期及以前"),
    "--redact": ("mask every account handle, phone number and email address",
                 "遮盖所有账号、电话号码和电子邮箱"),
    "--prepared-by": ("the name written on the cover as who prepared it", "封面上写的整理人姓名"),
    "--no-attachments": ("leave the attached files out", "不包括附件"),
    "--password-file": ("protect the PDF with the password in this file", "用该文件中的密码保护 PDF"),
    "--person": ("the person (name or id)", "人物（名字或编号）"),
    "--kind": ("only this kind (repeatable)", "只包括这种类型（可重复）"),
    "--include-deleted": ("also list entries in the trash", "同时列出回收站中的记录"),
    "--history": ("also show every earlier version", "同时显示以前的各个版本"),
    "--me": ("your own name in the chat", "你自己在聊天中的名字"),
    "--dry-run": ("show what was read; save nothing", "只显示识别出的内容，不保存"),
    "--time": ("the line's time as the picture shows it, e.g. 14:35", "图片上显示的这一行的时间，例如 14:35"),
    "--speaker": ("who said it, as the picture shows", "图片上显示的说话人"),
    "--text": ("the line's text as the picture shows it", "图片上显示的这一行的文字"),
    "line": ("the line's number (see journal-cli transcript ID)",
             "行号（用 journal-cli transcript 编号 查看）"),
    "files": ("the screenshot files", "截图文件"),
    "--counterpart": ("record only the rows with this counterpart (repeatable)",
                      "只记录与该对方有关的账单行（可重复）"),
    "--alias": ("another name the person uses (repeatable)", "此人使用的其他名字（可重复）"),
    "--role": ("the role they claim, e.g. recruiter", "对方自称的身份，例如招聘人员"),
    "--organisation": ("the organisation they claim", "对方自称所属的单位"),
    "--platform": ("where you first met (app or site)", "最初认识的地方（应用或网站）"),
    "--handle": ("an account, e.g. wechat:abc123 (repeatable)", "一个账号，例如 wechat:abc123（可重复）"),
    "--notes": ("free notes", "备注"),
    "--tz": ("time zone of the times in the export (default: this computer's)",
             "导出文件中时间所用的时区（默认：本机时区）"),
    "--expect-head": ("fail (exit 5) unless this head hash from an earlier report is in the chain",
                      "如果先前报告中的审计链末端哈希值不在本审计链中，则校验失败（退出码 5）"),
    "--deep": (("also check SQLite's whole structure and derive the search index again from "
                "every entry (slower; finds damage below the records, which the usual check does "
                "not look for)"),
               "另外检查数据库的完整结构，并根据每条记录重新生成搜索索引来比对（较慢；能发现平时的检查不查的底层损坏）"),
    "--expect-key": ("the signing key fingerprint the package must carry", "证据包必须带有的签名密钥指纹"),
    "--all-reasons": (("say why for every evidence entry, not only the first 20 of each sign "
                       "(the JSON then leaves out reasons_not_listed, the number of entries "
                       "without their reason listed)"),
                      ("列出每条相关记录的依据，而不只是每个信号的前 20 条（此时 JSON 中不再有 "
                       "`reasons_not_listed`，即未列出依据的记录条数）")),
    "--reason": ("why it does not fit (a few words)", "为什么不符合（简单几句）"),
    "--delete-old-backups": ("delete the earlier backups instead of re-encrypting them",
                             "删除以前的备份，而不是重新加密"),
    "name": ("the person's name", "人物的名字"),
    "id": ("the entry's id", "记录的编号"),
    "text": ("the words to look for", "要查找的文字"),
    "out": ("the file to write", "要写出的文件"),
    "file": ("the export file to read", "要读取的导出文件"),
    "sign": ("the warning sign's id, e.g. WS-SECRECY", "警示信号的编号，例如 WS-SECRECY"),
    "package": ("the evidence package (.zip)", "证据包（.zip 文件）"),
    "backup": ("an entry id from the trash, or a backup file", "回收站中的记录编号，或者备份文件"),
}

# argparse's own words
_WORDS: dict[str, tuple[str, str]] = {
    "description": ("Incident Journal: an offline, encrypted journal of suspicious contacts.",
                    "事件日志：离线、加密的可疑接触记录本。"),
    "epilog": ("Run “journal-cli COMMAND --help” for the options of a command.",
               "运行“journal-cli 命令 --help”可以查看某个命令的选项。"),
    "positional": ("arguments", "参数"),
    "commands": ("arguments", "命令"),
    "options": ("options", "选项"),
    "help": ("show this help and exit", "显示本帮助并退出"),
    "version": ("show the version and exit", "显示版本号并退出"),
    "usage": ("usage: ", "用法："),
}


# the placeholders of arguments in the help ("--journal PATH", "out"): option string or
# positional dest -> Chinese (English keeps the names given in cli/parser.py)
METAVARS_ZH: dict[str, str] = {
    "command": "命令",
    "--journal": "路径",
    "--passphrase-file": "文件",
    "--new-passphrase-file": "文件",
    "--password-file": "文件",
    "--attach": "文件",
    "--kind": "类型",
    "kind": "类型",
    "--person": "人物",
    "--since": "日期",
    "--until": "日期",
    "--prepared-by": "名字",
    "--me": "名字",
    "--counterpart": "名字",
    "--tz": "时区",
    "--time": "时间",
    "--speaker": "说话人",
    "--text": "文字",
    "--alias": "名字",
    "--role": "身份",
    "--organisation": "单位",
    "--platform": "应用或网站",
    "--handle": "账号",
    "--notes": "备注",
    "--expect-head": "哈希值",
    "--expect-key": "指纹",
    "--reason": "理由",
    "name": "名字",
    "id": "编号",
    "line": "行号",
    "text": "文字",
    "out": "输出文件",
    "file": "文件",
    "files": "文件",
    "sign": "信号编号",
    "package": "证据包",
    "backup": "编号或备份文件",
}

# argparse's own messages (its gettext msgids) -> Chinese; argparse looks them up through
# ``argparse._`` and ``argparse.ngettext``, which :func:`argparse_language` points here
ARGPARSE_ZH: dict[str, str] = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r 不是可选的值，可选：%(choices)s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "expected one argument": "后面需要一个值",
    "expected at most one argument": "后面最多只能有一个值",
    "expected at least one argument": "后面至少需要一个值",
    "expected %s argument": "后面需要 %s 个值",
    "expected %s arguments": "后面需要 %s 个值",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是：%(matches)s",
    "not allowed with argument %s": "不能和参数 %s 一起使用",
    "ignored explicit argument %r": "不接受值 %r",
    "one of the arguments %s is required": "必须给出下列参数之一：%s",
    "unexpected option string: %s": "无法识别的选项：%s",
    "can't open '%(filename)s': %(error)s": "无法打开“%(filename)s”：%(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
}


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """argparse's own messages in ``lang`` while the block runs (argparse words them in English)."""
    if lang != "zh":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def gettext(msgid: str) -> str:
        return ARGPARSE_ZH.get(msgid) or str(saved[0](msgid))

    def ngettext(singular: str, plural: str, n: int) -> str:
        return ARGPARSE_ZH.get(singular if n == 1 else plural) or str(saved[1](singular, plural, n))

    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "zh" else pair[0]


def word(key: str, lang: str) -> str:
    """One of argparse's own words (usage, options, …) in ``lang``."""
    return _pick(_WORDS[key], lang)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` terminal columns: Chinese breaks between any two
    characters (not before a full-width comma or stop, not after an opening bracket or quote),
    Latin words and options stay whole."""
    pieces = re.findall(r"[\u3000-\u303f\uff00-\uffef]+|[\u4e00-\u9fff]|[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+",
                        " ".join(text.split()))
    lines: list[str] = []
    line = ""
    for piece in pieces:
        glued = piece[0] in "，。；：、）》”" and bool(line)  # never starts a line
        if line and _width(line + piece.rstrip()) > width and not glued:
            line = line.rstrip()
            carried = len(line) - len(line.rstrip("（《“「"))  # never ends a line
            if carried < len(line):
                lines.append(line[:len(line) - carried])
                line = line[len(line) - carried:]
            else:
                line = ""
            line += piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def formatter_for(lang: str) -> type[argparse.HelpFormatter]:
    """A help formatter for ``lang``: its "usage:" prefix, and in Chinese full-width colons after
    the section titles and lines wrapped by terminal columns (a Chinese character takes two)."""

    class _Formatter(argparse.HelpFormatter):
        def add_usage(self, usage: str | None, actions: object, groups: object,
                      prefix: str | None = None) -> None:
            super().add_usage(usage, actions, groups, prefix or word("usage", lang))  # type: ignore[arg-type]

        def _format_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                          groups: Iterable[argparse._MutuallyExclusiveGroup],
                          prefix: str | None) -> str:
            if lang != "zh":
                return super()._format_usage(usage, actions, groups, prefix)
            # argparse wraps the usage by len(); rewrapped here by columns
            width, self._width = self._width, 1 << 20
            try:
                text = super()._format_usage(usage, actions, groups, prefix).strip("\n")
            finally:
                self._width = width
            lead = (prefix if prefix is not None else word("usage", lang)) + self._prog
            if not text.startswith(lead):
                return text + "\n\n"
            parts = re.findall(r"\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*\]|\S+", text[len(lead):])
            room = width - self._current_indent
            indent = " " * (_width(lead) + 1 if _width(lead) <= room * 0.75 else _width(prefix or ""))
            lines, line = [], lead
            for part in parts:
                if _width(line) + 1 + _width(part) > room and line.strip() and line != lead:
                    lines.append(line)
                    # a part too long for the indent (the list of sub-commands) starts further left
                    line = (indent if _width(indent + part) <= room else "  ") + part
                else:
                    line += " " + part
            lines.append(line)
            return "\n".join(lines) + "\n\n"

        def _split_lines(self, text: str, width: int) -> list[str]:
            if lang != "zh":
                return super()._split_lines(text, width)
            return wrap_columns(text, width)

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            if lang != "zh":
                return super()._fill_text(text, width, indent)
            return "\n".join(indent + line for line in wrap_columns(text, width - len(indent)))

        def add_argument(self, action: argparse.Action) -> None:
            super().add_argument(action)
            if lang == "zh" and action.help is not argparse.SUPPRESS:  # the help column by columns
                width = _width(self._format_action_invocation(action)) + self._current_indent
                self._action_max_length = max(self._action_max_length, width)

        def _format_action_invocation(self, action: argparse.Action) -> str:
            if lang != "zh" or not action.option_strings or action.nargs == 0:
                return super()._format_action_invocation(action)
            # "--organisation, --organization 单位": the placeholder once (as Python 3.13 does)
            value = self._format_args(action, self._get_default_metavar_for_optional(action))
            return ", ".join(action.option_strings) + " " + value

        def _format_action(self, action: argparse.Action) -> str:
            if lang != "zh":
                return super()._format_action(action)
            if isinstance(action, argparse._SubParsersAction):  # the commands, under "命令："
                return "".join(self._format_action(sub)
                               for sub in self._iter_indented_subactions(action))
            text = super()._format_action(action)
            # argparse lines the help up by len(); a Chinese placeholder takes two columns a character
            head = " " * self._current_indent + self._format_action_invocation(action)
            extra = _width(head) - len(head)
            rest = text[len(head):]
            if extra and text.startswith(head) and rest[:1] == " ":
                gap = len(rest) - len(rest.lstrip(" ")) - extra
                column = min(self._action_max_length + 2, self._max_help_position)
                text = head + (" " * gap if gap >= 2 else "\n" + " " * column) + rest.lstrip(" ")
            return text

        def format_help(self) -> str:
            text = super().format_help()
            if lang == "zh":  # section headings end in a full-width colon
                for key in ("positional", "commands", "options"):
                    text = text.replace(f"\n{word(key, lang)}:\n", f"\n{word(key, lang)}：\n")
            return text

    return _Formatter


def _subparsers(parser: argparse.ArgumentParser) -> list[argparse._SubParsersAction]:  # type: ignore[type-arg]
    return [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]


def localise(parser: argparse.ArgumentParser, lang: str, path: str = "") -> None:
    """Put the descriptions for ``lang`` into ``parser`` and every sub-parser under it."""
    parser.formatter_class = formatter_for(lang)
    parser.lang = lang  # type: ignore[attr-defined]  # for its error messages
    if not path:
        parser.description = word("description", lang)
        parser.epilog = word("epilog", lang)
    elif path in COMMAND_HELP:
        parser.description = _pick(COMMAND_HELP[path], lang)
    only_commands = all(isinstance(a, argparse._SubParsersAction) for a in parser._get_positional_actions())
    parser._positionals.title = word("commands" if _subparsers(parser) and only_commands else "positional", lang)
    parser._optionals.title = word("options", lang)
    for action in parser._actions:
        if lang == "zh":
            _metavar_zh(action)
        if isinstance(action, argparse._HelpAction):
            action.help = word("help", lang)
        elif isinstance(action, argparse._VersionAction):
            action.help = word("version", lang)
        elif action.help is None or (lang == "zh" and not _HAN.search(action.help)):
            key = action.option_strings[0] if action.option_strings else action.dest
            if key in OPTION_HELP:  # (an English help given in cli.py stays for English)
                action.help = _pick(OPTION_HELP[key], lang)
    for sub in _subparsers(parser):
        listed = {a.dest: a for a in sub._choices_actions}
        sub._choices_actions = []
        for name, child in sub.choices.items():
            full = f"{path} {name}".strip()
            text: str | None
            if full in COMMAND_HELP:
                text = _pick(COMMAND_HELP[full], lang)
            else:
                text = listed[name].help if name in listed else None
            sub._choices_actions.append(sub._ChoicesPseudoAction(name, (), text))
            localise(child, lang, full)


def _metavar_zh(action: argparse.Action) -> None:
    """The Chinese placeholder of ``action`` ("--journal 路径"); choices and commands stay as typed."""
    if isinstance(action, argparse._SubParsersAction):
        if action.metavar == "COMMAND":
            action.metavar = METAVARS_ZH["command"]
        return
    metavar = action.metavar if isinstance(action.metavar, str) else ""
    if action.nargs == 0 or action.choices is not None or _HAN.search(metavar):
        return
    key = action.option_strings[0] if action.option_strings else action.dest
    if key in METAVARS_ZH:
        suffix = re.search(r"\.[a-z]+$", metavar)  # OUT.zip -> 输出文件.zip
        action.metavar = METAVARS_ZH[key] + (suffix.group(0) if suffix else "")


def command_paths(parser: argparse.ArgumentParser, path: str = "") -> list[str]:
    """Every command and sub-command of ``parser`` ("person", "person add", …)."""
    out: list[str] = []
    for sub in _subparsers(parser):
        for name, child in sub.choices.items():
            full = f"{path} {name}".strip()
            out.append(full)
            out.extend(command_paths(child, full))
    return out
