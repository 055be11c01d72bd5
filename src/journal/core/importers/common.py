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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.core.errors import ImportFormatError
from journal.core.i18n import message

from . import texts  # noqa: F401  (registers the importers' texts)

log = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 200 * 1024 * 1024  # the same limit as an attachment
CHAT_APPS = ("telegram", "whatsapp", "csv", "qq", "wechat", "email")
BILL_APPS = ("wechatpay", "alipay")
APPS = CHAT_APPS + BILL_APPS
DATE_ORDERS = ("DMY", "MDY", "YMD")

ProgressCallback = Callable[[int, int], None]  # (done, total)


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
