"""Parsing a file from outside at arm's length: in a child process that never holds the key.

The parent starts a fresh interpreter (``python -c``, or the frozen app itself with
:data:`SANDBOX_FLAG`), hands it a parser (``"module:function"``), the file's path and keyword
arguments as JSON on its standard input, and reads one JSON document back. The child limits its
own address space (``RLIMIT_AS`` where the platform has it) and the parent its time; a crash, a
limit or anything that is not the expected JSON becomes an :class:`ImportFormatError` in the
user's language, and nothing has been written anywhere.

Any parser fits: ``fn(path=..., **kwargs)`` returning a :class:`ParsedChat` (sent back field by
field and checked again here: media paths, the handles each sender showed, attachments read into
memory as base64), a :class:`ParsedBill` (its rows checked again, amounts as text) or plain JSON
data (returned as it is).
No pickle: the parent never runs anything the child sends.
"""

from __future__ import annotations

import base64
import binascii
import importlib
import json
import logging
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from journal.core import errors
from journal.core.childproc import NO_CONSOLE
from journal.core.errors import ImportFormatError, JournalError
from journal.core.i18n import register
from journal.core.models import HANDLE_KINDS

# every parser's module, imported for its texts: the parent shows the refusals and format names
# the child only names by key
from . import csvchat, mail, qq, telegram, tghtml, wechat, whatsapp  # noqa: F401
from .bills import BillRow, ParsedBill
from .common import (
    BILL_APPS,
    CHAT_APPS,
    MAX_IMPORT_BYTES,
    FolderRule,
    ImportNote,
    ParsedChat,
    ParsedMessage,
    clean_name,
    safe_media_path,
    same_folder,
    telegram_media_folder,
)

log = logging.getLogger(__name__)

SANDBOX_FLAG = "--journal-parse-sandbox"  # the frozen app runs the child when given this

register({
    "import.sandbox_memory": {
        "en": "Reading “{name}” needed more than {limit_mb} MB of memory and was stopped. "
        "The file may be damaged or made to harm the app; export the chat again. "
        "Nothing was added to the journal.",
        "zh": "读取“{name}”需要超过 {limit_mb} MB 的内存，已被停止。这个文件可能已损坏，或是被故意"
        "制作来损害本应用；请重新导出聊天记录。日志中没有添加任何内容。",
    },
    "import.sandbox_timeout": {
        "en": "Reading “{name}” took longer than {seconds} seconds and was stopped. "
        "The file may be damaged or made to harm the app; export a shorter period. "
        "Nothing was added to the journal.",
        "zh": "读取“{name}”超过了 {seconds} 秒，已被停止。这个文件可能已损坏，或是被故意制作来损害"
        "本应用；请导出较短的时间段。日志中没有添加任何内容。",
    },
    "import.sandbox_crashed": {
        "en": "Reading “{name}” failed: the reader stopped unexpectedly. The file may be damaged "
        "or made to harm the app; export the chat again. Nothing was added to the journal.",
        "zh": "读取“{name}”失败：读取程序意外停止。这个文件可能已损坏，或是被故意制作来损害本应用；"
        "请重新导出聊天记录。日志中没有添加任何内容。",
    },
})


@dataclass(frozen=True)
class SandboxLimits:
    memory_bytes: int = 3 * 1024**3  # address space of the child (a 200 MB export fits)
    seconds: float = 300.0

    @classmethod
    def from_environment(cls) -> SandboxLimits:
        """The defaults, lowered (never raised) by JOURNAL_IMPORT_MEMORY_MB and
        JOURNAL_IMPORT_SECONDS, e.g. on a small machine."""
        limits = cls()
        try:
            mb = int(os.environ.get("JOURNAL_IMPORT_MEMORY_MB", "0"))
            seconds = float(os.environ.get("JOURNAL_IMPORT_SECONDS", "0"))
        except ValueError:
            return limits
        return cls(
            memory_bytes=min(limits.memory_bytes, mb * 2**20) if mb > 0 else limits.memory_bytes,
            seconds=min(limits.seconds, seconds) if seconds > 0 else limits.seconds,
        )


# what the child must never see: a passphrase given to the command line through the environment
_SECRET_VARIABLES = ("JOURNAL_PASSPHRASE", "JOURNAL_NEW_PASSPHRASE")



def no_files(folders: tuple[str, ...]) -> bool:
    """A media rule: the app's parser takes no file beside the export (QQ, WeChat: their
    exports name no media file; e-mail carries its attachments inside, see ``data_media``)."""
    return False


# Where each app's parser may take media from (checked again in the parent).
MEDIA_RULES: dict[str, FolderRule] = {"telegram": telegram_media_folder, "whatsapp": same_folder,
                                      "csv": same_folder, "qq": no_files, "wechat": no_files,
                                      "email": no_files}


def _media_rule(app: str) -> FolderRule:
    return MEDIA_RULES.get(app, no_files)


# ---------------------------------------------------------------------------------------------
# the parent


def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, SANDBOX_FLAG]
    return [sys.executable, "-c",
            "from journal.core.importers.sandbox import child_main; child_main()"]


def run_isolated(parser: str, path: Path | str, *, limits: SandboxLimits | None = None,
                 **kwargs: Any) -> Any:
    """``parser(path=path, **kwargs)`` run in a child process; its result, checked.

    ``parser`` is ``"package.module:function"``; ``kwargs`` must be JSON values.
    """
    limits = limits or SandboxLimits.from_environment()
    p = Path(path).absolute()  # the child starts in another folder
    name = p.name
    request = json.dumps({"parser": parser, "path": str(p), "kwargs": kwargs,
                          "memory": limits.memory_bytes})
    env = {k: v for k, v in os.environ.items() if k not in _SECRET_VARIABLES}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        proc = subprocess.Popen(
            _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,  # read and dropped: a traceback could quote the file
            env=env, close_fds=True, cwd=str(Path(__file__).resolve().parents[3]),
            creationflags=NO_CONSOLE,
        )
    except OSError as exc:
        log.warning("the import reader could not start: %s", type(exc).__name__)
        raise ImportFormatError("import.sandbox_crashed", name=name) from exc
    try:
        out, _dropped = proc.communicate(request.encode("utf-8"), timeout=limits.seconds)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        log.info("import reader stopped at its time limit")
        raise ImportFormatError("import.sandbox_timeout", name=name,
                                seconds=f"{limits.seconds:g}") from None
    try:
        answer = json.loads(out.decode("utf-8")) if out else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        answer = None
    if proc.returncode != 0 or not isinstance(answer, dict):
        log.info("import reader ended with code %s", proc.returncode)
        raise ImportFormatError("import.sandbox_crashed", name=name)
    if "error" in answer:
        raise _error(answer["error"], name, limits)
    kind = answer.get("type")
    if kind == "chat":
        try:
            return chat_from_json(answer.get("value"), p)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.info("import reader answered a malformed chat: %s", type(exc).__name__)
            raise ImportFormatError("import.sandbox_crashed", name=name) from exc
    if kind == "bill":
        try:
            return bill_from_json(answer.get("value"), p)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.info("import reader answered a malformed bill: %s", type(exc).__name__)
            raise ImportFormatError("import.sandbox_crashed", name=name) from exc
    if kind == "json":
        return answer.get("value")
    raise ImportFormatError("import.sandbox_crashed", name=name)


def _error(raw: Any, name: str, limits: SandboxLimits) -> JournalError:
    if not isinstance(raw, dict) or not isinstance(raw.get("key"), str):
        return ImportFormatError("import.sandbox_crashed", name=name)
    key = raw["key"]
    if key == "import.sandbox_memory":
        return ImportFormatError(key, name=name, limit_mb=limits.memory_bytes // 2**20)
    if key == "import.sandbox_crashed":
        return ImportFormatError(key, name=name)
    cls = getattr(errors, str(raw.get("class", "")), None)
    if not (isinstance(cls, type) and issubclass(cls, errors.InputError)):
        cls = ImportFormatError  # the child cannot make the parent report anything graver
    params = raw.get("params")
    if not isinstance(params, dict):
        params = {}
    safe = {str(k): v for k, v in params.items() if isinstance(v, str | int | float)}
    field = raw.get("field") if isinstance(raw.get("field"), str) else None
    return cls(key, field=field, **safe)


def parse_file_isolated(kind: str, path: Path | str, *, tz: str | None = None,
                        date_order: str | None = None, lang: str | None = None,
                        limits: SandboxLimits | None = None) -> ParsedChat | ParsedBill:
    """:func:`journal.core.importers.apply.parse_file` in a child process: a chat or a payment
    bill. ``kind`` "auto" is recognised in the child too (it reads the file)."""
    from .common import check_kind

    checked = "auto" if (kind or "").strip().lower() == "auto" else check_kind(kind)
    result = run_isolated("journal.core.importers.apply:parse_file", path, limits=limits,
                          kind=checked, tz=tz, date_order=date_order, lang=lang)
    if not isinstance(result, ParsedChat | ParsedBill):
        raise ImportFormatError("import.sandbox_crashed", name=Path(path).name)
    return result


# ---------------------------------------------------------------------------------------------
# ParsedChat <-> JSON


def _when(dt: datetime) -> list[Any]:
    return [dt.isoformat(), getattr(dt.tzinfo, "key", None)]


def _from_when(raw: Any) -> datetime:
    text, zone = raw
    dt = datetime.fromisoformat(str(text))
    if dt.tzinfo is None:
        raise ValueError("a time without a zone")
    if isinstance(zone, str):
        try:
            dt = dt.astimezone(ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return dt


def chat_to_json(chat: ParsedChat) -> dict[str, Any]:
    base = chat.source_path.parent.resolve() if chat.source_path is not None else None

    def rel(p: Path) -> str:
        return os.path.relpath(p, base) if base is not None else str(p)

    return {
        "app": chat.app, "chat_name": chat.chat_name, "senders": chat.senders,
        "tz_name": chat.tz_name, "date_order": chat.date_order, "format_note": chat.format_note,
        "source_sha256": chat.source_sha256,
        "warnings": [[w.key, w.params] for w in chat.warnings],
        "format_key": chat.format_key, "format_params": chat.format_params,
        "date_order_ambiguous": chat.date_order_ambiguous, "conversations": chat.conversations,
        "self_name": chat.self_name,
        "pages": [[name, sha] for name, sha in chat.pages],
        "handles": {sender: [[k, v] for k, v in pairs] for sender, pairs in chat.handles.items()},
        "messages": [
            [_when(m.sent_at), m.sender, m.text, m.is_service, m.forwarded_from,
             [rel(p) for p in m.media], m.media_note, m.conversation, m.archive_media,
             [[n, base64.b64encode(d).decode("ascii")] for n, d in m.data_media]]
            for m in chat.messages
        ],
    }


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _opt(value: Any) -> str | None:
    return None if value is None else _str(value)


def _strs(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return [_str(v) for v in value]


def _params(value: Any) -> dict[str, object]:
    if not isinstance(value, dict):
        raise TypeError("not an object")
    return {_str(k): v for k, v in value.items() if isinstance(v, str | int | float)}


def _handles(value: Any) -> dict[str, list[tuple[str, str]]]:
    """sender → (kind, value) pairs, held to what ``common.add_handle`` lets a parser note."""
    if not isinstance(value, dict):
        raise TypeError("not an object")
    handles: dict[str, list[tuple[str, str]]] = {}
    for sender, pairs in value.items():
        if not isinstance(pairs, list) or len(pairs) > 10:
            raise ValueError("too many handles")
        known: list[tuple[str, str]] = []
        for kind, handle in pairs:
            kind, handle = _str(kind), _str(handle)
            if kind not in HANDLE_KINDS or not handle or handle != handle.strip() \
                    or len(handle) > 200 or (kind, handle) in known:
                raise ValueError("not a handle")
            known.append((kind, handle))
        if known:
            handles[_str(sender)] = known
    return handles


def _data_media(value: Any) -> list[tuple[str, bytes]]:
    """(name, bytes) pairs: base64 checked strictly, names kept to a plain file name."""
    if not isinstance(value, list):
        raise TypeError("not a list")
    media: list[tuple[str, bytes]] = []
    for name, encoded in value:
        text = _str(encoded)
        if len(text) > (MAX_IMPORT_BYTES // 3 + 1) * 4:
            raise ValueError("an attachment over the size limit")
        try:
            data = base64.b64decode(text.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError) as exc:
            raise ValueError("not base64") from exc
        # as mail.py names them: a plain file name, never a path
        filename = (clean_name(_str(name)) or "attachment").replace("/", "_").replace("\\", "_")
        if not data or len(data) > MAX_IMPORT_BYTES:
            raise ValueError("an empty attachment or one over the size limit")
        media.append((filename[:200], data))
    return media


def _pages(value: Any, source: Path) -> list[tuple[str, str]]:
    """A chat's page files: names of Telegram pages in the chosen file's own folder, with a
    SHA-256 each, the chosen file among them; the set's fingerprint is recomputed on import."""
    if not isinstance(value, list):
        raise TypeError("pages: not a list")
    pages: list[tuple[str, str]] = []
    for item in value:
        name, sha = item
        if not isinstance(name, str) or not tghtml.PAGE_RE.fullmatch(name) or \
                not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise ValueError("pages: not a Telegram page")
        pages.append((name, sha))
    if pages and source.name not in {name for name, _ in pages}:
        raise ValueError("pages: the chosen file is not among them")
    return pages


def chat_from_json(raw: Any, source: Path) -> ParsedChat:
    """A ParsedChat from the child's answer; media paths are checked again against the export
    folder and the app's media folders, so a misled child cannot point at other files; handles
    and attachments carried in memory are held to what the parsers themselves produce."""
    if not isinstance(raw, dict):
        raise TypeError("not an object")
    app = _str(raw["app"])
    if app not in CHAT_APPS:
        raise ValueError("not a chat app")
    rule = _media_rule(app)
    base = source.parent
    messages: list[ParsedMessage] = []
    for item in raw["messages"]:
        when, sender, text, service, fwd, media, note, conversation, archive, data = item
        paths: list[Path] = []
        for rel in _strs(media):
            found = safe_media_path(base, rel, within=rule)
            if found is None:
                raise ValueError("a media path outside the export")
            paths.append(found)
        messages.append(ParsedMessage(
            sent_at=_from_when(when), sender=_str(sender), text=_str(text),
            is_service=bool(service), forwarded_from=_opt(fwd), media=paths,
            media_note=_str(note), conversation=_str(conversation), archive_media=_strs(archive),
            data_media=_data_media(data),
        ))
    return ParsedChat(
        app=app, chat_name=_str(raw["chat_name"]), messages=messages,
        senders=_strs(raw["senders"]), tz_name=_str(raw["tz_name"]),
        date_order=_opt(raw["date_order"]), format_note=_str(raw["format_note"]),
        source_path=source, source_sha256=_str(raw["source_sha256"]),
        warnings=[ImportNote(_str(k), _params(p)) for k, p in raw["warnings"]],
        format_key=_str(raw["format_key"]), format_params=_params(raw["format_params"]),
        date_order_ambiguous=bool(raw["date_order_ambiguous"]),
        conversations=_strs(raw["conversations"]), self_name=_opt(raw["self_name"]),
        handles=_handles(raw["handles"]), pages=_pages(raw["pages"], source),
    )


# ---------------------------------------------------------------------------------------------
# ParsedBill <-> JSON

_BILL_TEXTS = ("type", "counterpart", "account", "item", "direction_text", "method_text",
               "status", "reference", "merchant_reference", "note")
_AMOUNT_RE = re.compile(r"\d{1,12}(\.\d{1,2})?")


def bill_to_json(bill: ParsedBill) -> dict[str, Any]:
    return {
        "app": bill.app, "tz_name": bill.tz_name, "source_sha256": bill.source_sha256,
        "format_key": bill.format_key, "account": bill.account,
        "warnings": [[w.key, w.params] for w in bill.warnings],
        "rows": [
            {"line": r.line, "occurred_at": _when(r.occurred_at), "direction": r.direction,
             "amount": str(r.amount), **{k: getattr(r, k) for k in _BILL_TEXTS}}
            for r in bill.rows
        ],
    }


def _amount(value: Any) -> Decimal:
    text = _str(value)
    if not _AMOUNT_RE.fullmatch(text):  # what bills._amount lets through: never negative
        raise ValueError("not an amount")
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise ValueError("not an amount") from exc


def bill_from_json(raw: Any, source: Path) -> ParsedBill:
    """A ParsedBill from the child's answer, every row checked again (times with a zone,
    amounts as the parser writes them, a known direction)."""
    if not isinstance(raw, dict):
        raise TypeError("not an object")
    app = _str(raw["app"])
    if app not in BILL_APPS:
        raise ValueError("not a bill")
    rows: list[BillRow] = []
    for item in raw["rows"]:
        if not isinstance(item, dict):
            raise TypeError("not an object")
        line = item["line"]
        if not isinstance(line, int) or isinstance(line, bool) or line < 1:
            raise ValueError("not a line number")
        direction = _opt(item["direction"])
        if direction not in (None, "received", "sent"):
            raise ValueError("not a direction")
        texts = {k: _str(item[k]) for k in _BILL_TEXTS}
        if len(texts["counterpart"]) > 200 or len(texts["reference"]) > 100 \
                or len(texts["merchant_reference"]) > 100:
            raise ValueError("a field over its length")
        rows.append(BillRow(line=line, occurred_at=_from_when(item["occurred_at"]),
                            direction=direction, amount=_amount(item["amount"]), **texts))
    if not rows:
        raise ValueError("a bill without rows")
    return ParsedBill(
        app=app, rows=rows, tz_name=_str(raw["tz_name"]), source_path=source,
        source_sha256=_str(raw["source_sha256"]), format_key=_str(raw["format_key"]),
        account=_str(raw["account"]),
        warnings=[ImportNote(_str(k), _params(p)) for k, p in raw["warnings"]],
    )


# ---------------------------------------------------------------------------------------------
# the child


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's time limit still holds
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if limit > 0:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass


def _answer(doc: dict[str, Any]) -> None:
    sys.stdout.buffer.write(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    sys.stdout.buffer.flush()


def child_main() -> None:
    """The child: one request on standard input, one JSON answer on standard output."""
    try:
        request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        _limit_memory(int(request.get("memory", 0)))
        module, _, func = str(request["parser"]).partition(":")
        fn = getattr(importlib.import_module(module), func)
        result = fn(path=request["path"], **request.get("kwargs", {}))
        if isinstance(result, ParsedChat):
            _answer({"type": "chat", "value": chat_to_json(result)})
        elif isinstance(result, ParsedBill):
            _answer({"type": "bill", "value": bill_to_json(result)})
        else:
            _answer({"type": "json", "value": result})
    except MemoryError:
        _answer({"error": {"key": "import.sandbox_memory"}})
    except JournalError as exc:
        _answer({"error": {"class": type(exc).__name__, "key": exc.key, "field": exc.field,
                           "params": {k: v if isinstance(v, int | float) else str(v)
                                      for k, v in exc.params.items()}}})
    except BaseException:  # noqa: BLE001 - any failure is a refusal; its text may quote the file
        _answer({"error": {"key": "import.sandbox_crashed"}})
    sys.exit(0)
