"""Any export file into a journal: the kind checked or recognised (``auto``), parsed, imported.

:func:`parse_file` parses a chat (see :mod:`.chats`) or a payment bill (see :mod:`.billimport`);
:func:`import_file` parses it in a child process without the key (:mod:`.sandbox`) and imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journal.core.errors import ImportFormatError

from .billimport import import_bill
from .bills import ParsedBill
from .chats import import_chat
from .common import ImportResult, ParsedChat, ProgressCallback, check_kind, read_export
from .detect import detect_kind
from .limits import DEFAULT_LIMITS, ImportLimits


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
