"""Which kind of export a file is, from its first bytes and its name (``import auto``, the
window's import dialog): :func:`detect_kind`."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .common import TELEGRAM_ZIP_PAGE_RE
from .wa_header import BRACKET_RE, DASH_RE

KNOWN_HEADERS = (b"from:", b"date:", b"subject:", b"to:", b"message-id:", b"received:",
                 b"mime-version:", b"return-path:")


def looks_like_email(head: bytes) -> bool:
    """Whether the first bytes of a file are an e-mail message or mailbox (mail.py, detect_kind)."""
    lower = head[:4096].lower()
    if lower.startswith(b"from ") and b"\n" in lower:
        return any(h in lower for h in KNOWN_HEADERS)
    return lower.lstrip().startswith(KNOWN_HEADERS) and sum(h in lower for h in KNOWN_HEADERS) >= 2


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
