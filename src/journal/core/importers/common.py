"""What every chat parser returns, and the helpers they share.

Parsers are pure: they read one export file (and the media beside it), never a journal. Exports
carry local times without a zone, so every parser takes ``tz`` (a zoneinfo name, default the
system zone) and says in :attr:`ParsedChat.tz_name` which zone it assumed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.core.errors import ImportFormatError
from journal.core.i18n import message, register
from journal.core.importers.wa_header import BRACKET_RE, DASH_RE

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 200 * 1024 * 1024  # the same limit as an attachment
CHAT_APPS = ("telegram", "whatsapp", "csv", "qq", "wechat", "email")
BILL_APPS = ("wechatpay", "alipay")
APPS = CHAT_APPS + BILL_APPS
DATE_ORDERS = ("DMY", "MDY", "YMD")

ProgressCallback = Callable[[int, int], None]  # (done, total)

register({
    "import.changed_since_preview": {
        "en": "“{name}” changed after it was read. Read it again before importing. "
        "Nothing was added to the journal.",
        "zh": "“{name}”在读取之后被修改了。请重新读取后再导入。日志中没有添加任何内容。",
    },
    "import.unknown_kind": {
        "en": "Unknown import format “{kind}”. Use telegram, whatsapp, csv, qq, wechat, email, "
        "wechatpay, alipay or auto.",
        "zh": "未知的导入格式“{kind}”。请使用 telegram、whatsapp、csv、qq、wechat、email、"
        "wechatpay、alipay 或 auto。",
    },
    "import.file_missing": {
        "en": "There is no file at {path}. Nothing was added to the journal.",
        "zh": "{path} 处没有文件。日志中没有添加任何内容。",
    },
    "import.unreadable": {
        "en": "The file {name} cannot be read (no permission, or it is a folder). "
        "Nothing was added to the journal.",
        "zh": "无法读取文件 {name}（没有权限，或者它是一个文件夹）。日志中没有添加任何内容。",
    },
    "import.too_large": {
        "en": "“{name}” is {size_mb} MB; a chat export can be at most {limit_mb} MB. "
        "Export a shorter period or a single chat. Nothing was added to the journal.",
        "zh": "“{name}”大小为 {size_mb} MB，聊天导出文件最大为 {limit_mb} MB。"
        "请导出较短的时间段或单个聊天。日志中没有添加任何内容。",
    },
    "import.empty": {
        "en": "“{name}” is empty. Export the chat again. Nothing was added to the journal.",
        "zh": "“{name}”是空文件。请重新导出聊天记录。日志中没有添加任何内容。",
    },
    "import.binary": {
        "en": "“{name}” is not a text file (it may be a zip archive or a picture). "
        "Choose the exported .txt, .json or .csv file itself. Nothing was added to the journal.",
        "zh": "“{name}”不是文本文件（可能是压缩包或图片）。请选择导出的 .txt、.json 或 .csv 文件本身。"
        "日志中没有添加任何内容。",
    },
    "import.not_json": {
        "en": "“{name}” is not a Telegram export: it is not valid JSON (problem near line {line}). "
        "Nothing was added to the journal.",
        "zh": "“{name}”不是 Telegram 导出文件：它不是有效的 JSON（第 {line} 行附近有问题）。"
        "日志中没有添加任何内容。",
    },
    "import.not_telegram": {
        "en": "“{name}” is a JSON file but not a Telegram Desktop chat export. In Telegram Desktop "
        "use “Export chat history” with the format “Machine-readable JSON” and choose result.json. "
        "Nothing was added to the journal.",
        "zh": "“{name}”是 JSON 文件，但不是 Telegram 桌面版的聊天导出。请在 Telegram 桌面版中使用"
        "“导出聊天记录”，格式选“机器可读的 JSON”，然后选择 result.json。日志中没有添加任何内容。",
    },
    "import.not_whatsapp": {
        "en": "“{name}” is not a WhatsApp chat export: its first line has no date and time. "
        "In WhatsApp use “Export chat” and choose the .zip or .txt file it makes. "
        "Nothing was added to the journal.",
        "zh": "“{name}”不是 WhatsApp 聊天导出文件：第一行没有日期和时间。请在 WhatsApp 中使用"
        "“导出聊天”，然后选择它生成的 .zip 或 .txt 文件。日志中没有添加任何内容。",
    },
    "import.not_csv": {
        "en": "“{name}” is not a chat table: line {line} needs three columns (date, person, text) "
        "with a date such as 2024-03-05 14:30. Nothing was added to the journal.",
        "zh": "“{name}”不是聊天表格：第 {line} 行需要三列（日期、人、内容），日期格式如 2024-03-05 14:30。"
        "日志中没有添加任何内容。",
    },
    "import.bad_encoding": {
        "en": "“{name}” is in a text encoding this app cannot read (neither UTF-8 nor GB18030). "
        "Export the file again, or save it as UTF-8. Nothing was added to the journal.",
        "zh": "“{name}”的文字编码无法识别（既不是 UTF-8 也不是 GB18030）。请重新导出，"
        "或另存为 UTF-8 编码。日志中没有添加任何内容。",
    },
    "import.unrecognised": {
        "en": "The format of “{name}” was not recognised, so nothing was added to the journal. "
        "These formats work: WeChat (exported with a WeChat export tool as .csv, .txt or .html), "
        "QQ (.txt or .json), Telegram, WhatsApp, a CSV table with date, person and text columns, "
        "e-mail (.eml or .mbox), WeChat Pay and Alipay bills. Choose the format yourself: in the "
        "import window's Format list, or on the command line with its name instead of auto "
        "(wechat, qq, telegram, whatsapp, csv, email, wechatpay or alipay), for example "
        "“journal-cli import qq FILE”.",
        "zh": "无法识别“{name}”的格式，日志中没有添加任何内容。可以导入的格式有：微信（用微信导出工具导出的 "
        ".csv、.txt 或 .html）、QQ（.txt 或 .json）、Telegram、WhatsApp、含日期、人物和内容列的 CSV "
        "表格、电子邮件（.eml 或 .mbox）、微信支付账单和支付宝账单。请自己选择格式：在导入窗口的"
        "“格式”列表中选择，或在命令行中用格式名代替 auto（wechat、qq、telegram、whatsapp、csv、"
        "email、wechatpay 或 alipay），例如“journal-cli import qq 文件”。",
    },
    "import.no_messages": {
        "en": "“{name}” contains no messages. Nothing was added to the journal.",
        "zh": "“{name}”中没有任何消息。日志中没有添加任何内容。",
    },
    "import.bad_tz": {
        "en": "“{tz}” is not a time zone. Use a name such as Asia/Shanghai or Europe/London.",
        "zh": "“{tz}”不是有效的时区。请使用 Asia/Shanghai 或 Europe/London 这样的名称。",
    },
    "import.bad_date_order": {
        "en": "“{order}” is not a date order. Use DMY (day first), MDY (month first) or YMD.",
        "zh": "“{order}”不是有效的日期顺序。请使用 DMY（日在前）、MDY（月在前）或 YMD。",
    },
    "import.date_order_impossible": {
        "en": "With the date order {order}, the date “{text}” on line {line} does not exist. "
        "Choose another date order. Nothing was added to the journal.",
        "zh": "按 {order} 的日期顺序，第 {line} 行的日期“{text}”不存在。请换一种日期顺序。"
        "日志中没有添加任何内容。",
    },
    # warnings (shown in the preview; the import goes ahead)
    "import.warn.date_order_default": {
        "en": "Every date in this file could be read day-first or month-first; {order} was assumed. "
        "Check a date you remember and change the date order if it is wrong.",
        "zh": "文件中的日期既可以按“日在前”也可以按“月在前”理解，已假定为 {order}。"
        "请核对一个您记得的日期，如有错误请更改日期顺序。",
    },
    "import.warn.date_order_sequence": {
        "en": "No date in this file shows whether the day or the month comes first; {order} was "
        "chosen because it keeps the messages in time order. Check a date you remember.",
        "zh": "文件中没有日期能说明日和月哪个在前；选择了 {order}，因为这样消息的时间顺序是连贯的。"
        "请核对一个您记得的日期。",
    },
    "import.warn.date_order_conflict": {
        "en": "Some dates in this file read day-first and others month-first; {order} was used. "
        "The file may have been edited.",
        "zh": "文件中有些日期是日在前，有些是月在前；已按 {order} 读取。文件可能被编辑过。",
    },
    "import.warn.skipped": {
        "en": "{n} unreadable {n:item|items} in the file {n:was|were} skipped.",
        "zh": "文件中有 {n} 项无法读取，已跳过。",
    },
    "import.warn.media_missing": {
        "en": "{n} {n:photo or file was|photos or files were} not included in the export; only a note "
        "is kept.",
        "zh": "有 {n} 张照片或文件没有包含在导出中；只保留了一条说明。",
    },
    "import.warn.media_too_large": {
        "en": "{n} {n:file|files} over {limit_mb} MB {n:was|were} not attached; only a note is kept.",
        "zh": "有 {n} 个超过 {limit_mb} MB 的文件没有作为附件保存；只保留了一条说明。",
    },
    "import.warn.bad_lines": {
        "en": "{n} {n:line that looked|lines that looked} like a new message had an impossible date and "
        "{n:was|were} kept as part of the message before.",
        "zh": "有 {n} 行看起来像新消息但日期不存在，已作为前一条消息的一部分保留。",
    },
    "import.format.telegram_chat": {
        "en": "Telegram Desktop export (one chat, JSON)",
        "zh": "Telegram 桌面版导出（单个聊天，JSON）",
    },
    "import.format.telegram_account": {
        "en": "Telegram Desktop export (whole account, {n} {n:chat|chats}, JSON)",
        "zh": "Telegram 桌面版导出（整个账号，{n} 个聊天，JSON）",
    },
    "import.format.whatsapp_android": {
        "en": "WhatsApp chat export (Android layout{clock})",
        "zh": "WhatsApp 聊天导出（安卓格式{clock}）",
    },
    "import.format.whatsapp_ios": {
        "en": "WhatsApp chat export (iPhone layout{clock})",
        "zh": "WhatsApp 聊天导出（iPhone 格式{clock}）",
    },
    "import.format.clock12": {"en": ", 12-hour clock", "zh": "，12 小时制"},
    "import.format.clock24": {"en": ", 24-hour clock", "zh": "，24 小时制"},
    "import.format.csv": {
        "en": "Table of messages (CSV, {sep})",
        "zh": "消息表格（CSV，{sep}）",
    },
    "import.sep.comma": {"en": "commas", "zh": "逗号分隔"},
    "import.sep.tab": {"en": "tabs", "zh": "制表符分隔"},
    "import.sep.semicolon": {"en": "semicolons", "zh": "分号分隔"},
})


@dataclass
class ImportNote:
    """A warning about the parsed file, shown in the user's language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        return message(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


@dataclass
class ParsedMessage:
    sent_at: datetime  # aware
    sender: str
    text: str
    is_service: bool = False
    forwarded_from: str | None = None
    media: list[Path] = field(default_factory=list)  # files found in the export folder
    media_note: str = ""  # e.g. "photo", "image omitted", "(File not included…)"
    conversation: str = ""  # the chat it belongs to (several in a whole-account export)
    archive_media: list[str] = field(default_factory=list)  # members of the export .zip
    data_media: list[tuple[str, bytes]] = field(default_factory=list)  # (name, bytes), e.g. e-mail


APP_NAMES = {"telegram": "Telegram", "whatsapp": "WhatsApp", "csv": "", "qq": "QQ",
             "wechat": "WeChat", "email": "E-mail"}


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


@dataclass
class ParsedChat:
    app: str  # "telegram" | "whatsapp" | "csv"
    chat_name: str
    messages: list[ParsedMessage]
    senders: list[str]  # in order of first appearance, service "senders" left out
    tz_name: str
    date_order: str | None  # "DMY" / "MDY" / "YMD" / None (not applicable)
    format_note: str  # English; format_key/format_params give it in other languages
    source_path: Path | None
    source_sha256: str
    warnings: list[ImportNote] = field(default_factory=list)
    format_key: str = ""
    format_params: dict[str, object] = field(default_factory=dict)
    date_order_ambiguous: bool = False  # the order was assumed, not read from the dates
    conversations: list[str] = field(default_factory=list)
    self_name: str | None = None  # the exporting user, when the file says who that is
    # sender → (handle kind, value) the file shows for them: QQ numbers, e-mail addresses, wxids
    handles: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # a chat exported as several files beside the chosen one (Telegram's messages.html,
    # messages2.html …): (file name, SHA-256) of each, in order; source_sha256 then stands for
    # all of them (tghtml.pages_fingerprint)
    pages: list[tuple[str, str]] = field(default_factory=list)

    def format_text(self, lang: str = "en") -> str:
        if not self.format_key:
            return self.format_note
        params = {k: message(v, lang) if isinstance(v, str) and v.startswith("import.") else v
                  for k, v in self.format_params.items()}
        return message(self.format_key, lang, **params)

    @property
    def days(self) -> int:
        return len({(m.conversation, m.sent_at.date()) for m in self.messages})


# ---------------------------------------------------------------------------------------------
# time zones


def system_tz_name() -> str:
    """The system's zoneinfo name (TZ, /etc/localtime, /etc/timezone), else "UTC"."""
    candidates: list[str] = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        candidates.append(env)
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    for name in candidates:
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"


def resolve_tz(tz: str | None) -> tuple[ZoneInfo, str]:
    name = tz.strip() if tz else system_tz_name()
    try:
        return ZoneInfo(name), name
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise ImportFormatError("import.bad_tz", field="tz", tz=name) from exc


def check_date_order(order: str | None) -> str | None:
    if order is None or order == "":
        return None
    value = order.strip().upper()
    if value not in DATE_ORDERS:
        raise ImportFormatError("import.bad_date_order", field="date_order", order=order)
    return value


def epoch_to_local(seconds: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC).astimezone(zone)


# ---------------------------------------------------------------------------------------------
# reading files


def check_size(size: int, name: str) -> None:
    """Refuse an export over MAX_IMPORT_BYTES (checked before reading where possible)."""
    if size > MAX_IMPORT_BYTES:
        raise ImportFormatError(
            "import.too_large", name=name, size_mb=f"{size / 1024 / 1024:.0f}",
            limit_mb=MAX_IMPORT_BYTES // (1024 * 1024),
        )


def read_export(path: Path | str) -> tuple[Path, bytes, str]:
    """Check and read an export file: (path, bytes, sha256). Size is checked before reading."""
    p = Path(path)
    name = p.name
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise ImportFormatError("import.file_missing", path=str(p)) from exc
    except OSError as exc:
        raise ImportFormatError("import.unreadable", name=name) from exc
    if not p.is_file():
        raise ImportFormatError("import.unreadable", name=name)
    check_size(st.st_size, name)
    if st.st_size == 0:
        raise ImportFormatError("import.empty", name=name)
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_IMPORT_BYTES + 1)
    except OSError as exc:
        raise ImportFormatError("import.unreadable", name=name) from exc
    check_size(len(data), name)  # it may have grown while we looked
    return p, data, hashlib.sha256(data).hexdigest()


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is not a text export."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise ImportFormatError("import.empty", name=name)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFormatError("import.binary", name=name) from exc
    else:
        if b"\x00" in data:
            raise ImportFormatError("import.binary", name=name)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFormatError("import.binary", name=name) from exc
    if "\x00" in text:
        raise ImportFormatError("import.binary", name=name)
    # a text file has few control characters besides tab and line ends
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\r\n\f\v")
    if controls > max(8, len(text[:20000]) // 50):
        raise ImportFormatError("import.binary", name=name)
    return text


_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile("[\u00a0\u202f\u2007\u2009\u3000]")


def clean_name(text: str) -> str:
    """A sender name without direction marks and odd spaces (WhatsApp wraps numbers in them)."""
    text = _BIDI.sub("", text)
    text = _SPACES.sub(" ", text)
    return " ".join(text.split())


def split_lines(text: str) -> list[str]:
    return re.split(r"\r\n|\n|\r", text)


FolderRule = Callable[[tuple[str, ...]], bool]


def same_folder(folders: tuple[str, ...]) -> bool:
    """A media rule: the file lies beside the export file itself."""
    return folders == ()


# The folders Telegram Desktop writes media into, beside result.json or messages.html (a single
# chat) or in chats/chat_NN/ (the whole account). Here, not in telegram.py: tghtml.py needs it too.
# a page of a zipped Telegram Desktop HTML export: (folder/)messages.html, messages2.html …
TELEGRAM_ZIP_PAGE_RE = re.compile(r"^(?P<folder>(?:[^/]+/)*)messages(?P<n>\d*)\.html$")

TELEGRAM_MEDIA_FOLDERS = frozenset({
    "photos", "files", "video_files", "voice_messages", "round_video_messages", "stickers",
    "animations", "contacts", "stories", "profile_pictures", "audio_files",
})


def telegram_media_folder(folders: tuple[str, ...]) -> bool:
    """A media rule: the media file's folders (below the export folder) are Telegram's own."""
    if len(folders) == 1:
        return folders[0] in TELEGRAM_MEDIA_FOLDERS
    return (len(folders) == 3 and folders[0] in ("chats", "left_chats")
            and folders[2] in TELEGRAM_MEDIA_FOLDERS)


KNOWN_HEADERS = (b"from:", b"date:", b"subject:", b"to:", b"message-id:", b"received:",
                 b"mime-version:", b"return-path:")


def looks_like_email(head: bytes) -> bool:
    """Whether the first bytes of a file are an e-mail message or mailbox (mail.py, detect_kind)."""
    lower = head[:4096].lower()
    if lower.startswith(b"from ") and b"\n" in lower:
        return any(h in lower for h in KNOWN_HEADERS)
    return lower.lstrip().startswith(KNOWN_HEADERS) and sum(h in lower for h in KNOWN_HEADERS) >= 2


def safe_media_path(base: Path, relative: str, within: FolderRule | None = None) -> Path | None:
    """The file ``relative`` inside the export folder ``base``, or None (missing or outside).

    The path is judged after links are followed: a symbolic link pointing out of the export is
    refused like a ``../`` path. ``within`` also checks the folders between ``base`` and the
    file (as resolved), so that a parser takes media only from the folders its app writes.
    """
    if not relative or "\x00" in relative or len(relative) > 1000:
        return None
    rel = relative.replace("\\", "/")
    if rel.startswith("/") or re.match(r"^[A-Za-z]:", rel):
        return None
    try:
        root = base.resolve()
        candidate = (root / rel).resolve()
    except (OSError, ValueError, RuntimeError):
        return None
    if candidate != root and root not in candidate.parents:
        return None  # ../../ escapes: never read files outside the export
    if within is not None and not within(candidate.relative_to(root).parts[:-1]):
        return None  # inside the export folder, but not where the app puts media
    try:
        if not candidate.is_file():
            return None
    except OSError:
        return None
    return candidate


def add_handle(handles: dict[str, list[tuple[str, str]]], sender: str, kind: str,
               value: str) -> None:
    """Note that ``sender`` showed the handle (kind, value) in the file (each pair once)."""
    value = value.strip()
    if sender and value and len(value) <= 200:
        known = handles.setdefault(sender, [])
        if (kind, value) not in known and len(known) < 10:
            known.append((kind, value))


def unique_senders(messages: list[ParsedMessage]) -> list[str]:
    seen: dict[str, None] = {}
    for m in messages:
        if not m.is_service and m.sender and m.sender not in seen:
            seen[m.sender] = None
    return list(seen)


def decode_text_cn(data: bytes, name: str) -> str:
    """Like :func:`decode_text`, but a file that is not UTF-8 is read as GB18030 (Chinese
    Windows programs write it); bytes that are neither give ``import.bad_encoding``. A file cut
    short inside a UTF-8 character loses that character, not the whole file."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            data = data[:exc.start]
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return decode_text(data, name)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if b"\x00" in data:
            raise ImportFormatError("import.binary", name=name) from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            if exc.end < len(data) or exc.start < len(data) - 3:
                raise ImportFormatError("import.bad_encoding", name=name) from exc
            try:  # cut short inside the last character
                text = data[:exc.start].decode("gb18030")
            except UnicodeDecodeError as again:
                raise ImportFormatError("import.bad_encoding", name=name) from again
        # GB18030 decodes almost any byte string: a picture or archive still has many controls
        return decode_text(text.encode("utf-8"), name)
    return decode_text(data, name)


def check_kind(kind: str) -> str:
    value = (kind or "").strip().lower()
    if value not in APPS:
        raise ImportFormatError("import.unknown_kind", field="kind", kind=kind)
    return value


def _head_text(head: bytes) -> str:
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return head.decode("utf-16", errors="ignore")
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # a character cut by the 64 KB window
            text = head[:exc.start].decode("utf-8", errors="ignore")
        else:
            text = head.decode("gb18030", errors="ignore")
    return text.lstrip("\ufeff \t\r\n\u200e")


def _zip_has_telegram_pages(path: Path) -> bool:
    """Whether a .zip holds a Telegram Desktop HTML export (its central directory only)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(TELEGRAM_ZIP_PAGE_RE.match(n) for n in zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, RuntimeError):
        return False


def _looks_like_whatsapp(lines: list[str]) -> bool:
    """Whether the first lines begin like a WhatsApp export: a message header ("12/03/2024, 20:15
    - Name: …" or "[12/03/2024, 20:15:03] Name: …") on the first line that is not empty. A
    text file that only starts with a date, or any other .txt, is not taken for one."""
    first = next((ln for ln in lines if ln), "")
    return bool(BRACKET_RE.match(first) or DASH_RE.match(first))


def detect_kind(path: Path | str) -> str | None:
    """Guess the kind of export (one of APPS) from its first bytes and name; None = unknown."""
    p = Path(path)
    suffix = p.suffix.lower()
    try:
        with p.open("rb") as fh:
            head = fh.read(65536)
    except OSError:
        head = b""
    if head[:4] == b"PK\x03\x04":
        if suffix == ".xlsx" or b"xl/" in head[:4096]:
            return "wechatpay"
        return "telegram" if _zip_has_telegram_pages(p) else "whatsapp"
    text = _head_text(head)
    lines = [ln.strip() for ln in text.split("\n")[:40]]
    if text.startswith("{"):
        return "qq" if '"chatInfo"' in text[:4096] else "telegram"
    if "消息记录（此消息记录为文本格式" in text[:400] or any(ln.startswith("消息对象") for ln in lines):
        return "qq"
    table = "\n".join(lines)
    if ("交易时间" in table and "交易类型" in table and "金额(元)" in table) or "微信支付账单" in table:
        return "wechatpay"
    if ("交易时间" in table and "交易分类" in table) or ("支付宝" in table and "交易订单号" in table):
        return "alipay"
    if suffix in (".eml", ".mbox") or looks_like_email(head.lstrip(b"\xef\xbb\xbf\r\n")):
        return "email"
    lower = text[:4000].lower()
    if lower.startswith(("<!doctype html", "<html")):
        if "微信聊天记录" in lower or "chat-left" in lower or "chat-right" in lower:
            return "wechat"
        return "telegram"
    first = lines[0] if lines else ""
    if {"IsSender", "CreateTime", "StrContent"} <= {c.strip() for c in first.split(",")}:
        return "wechat"
    if suffix in (".csv", ".tsv"):
        return "csv"
    if re.match(r"^.+ \(\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}(:\d{2})?\)[:：]", first):
        return "wechat"
    if _looks_like_whatsapp(lines):
        return "whatsapp"
    if suffix == ".json":
        return "telegram"
    return None
