"""Display names of kinds, fields and choice values, and small display formatters.

Shared by the editor, the people page and the history dialog. The texts are marked with
``QT_TRANSLATE_NOOP("Labels", ...)`` so ``tools/i18n.py`` extracts them, and translated when shown.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journal.core import timeparse
from journal.core.money import format_amount
from journal.gui.qtsetup import current_lang

_KINDS: dict[str, Any] = {
    "contact": QT_TRANSLATE_NOOP("Labels", "Contact"),
    "request": QT_TRANSLATE_NOOP("Labels", "Request"),
    "payment": QT_TRANSLATE_NOOP("Labels", "Payment"),
    "gift": QT_TRANSLATE_NOOP("Labels", "Gift"),
    "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
    "threat": QT_TRANSLATE_NOOP("Labels", "Threat or pressure"),
    "report": QT_TRANSLATE_NOOP("Labels", "Report to the authorities"),
    "note": QT_TRANSLATE_NOOP("Labels", "Note"),
}

_FIELDS: dict[str, Any] = {
    "id": QT_TRANSLATE_NOOP("Labels", "Id"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "occurred_at": QT_TRANSLATE_NOOP("Labels", "When"),
    "precision": QT_TRANSLATE_NOOP("Labels", "How exact"),
    "recorded_at": QT_TRANSLATE_NOOP("Labels", "Recorded"),
    "summary": QT_TRANSLATE_NOOP("Labels", "Summary"),
    "details": QT_TRANSLATE_NOOP("Labels", "Details"),
    "persons": QT_TRANSLATE_NOOP("Labels", "People"),
    "channel": QT_TRANSLATE_NOOP("Labels", "Channel (app)"),
    "location": QT_TRANSLATE_NOOP("Labels", "Place"),
    "witnesses": QT_TRANSLATE_NOOP("Labels", "Witnesses"),
    "tags": QT_TRANSLATE_NOOP("Labels", "Tags"),
    "amount": QT_TRANSLATE_NOOP("Labels", "Amount"),
    "currency": QT_TRANSLATE_NOOP("Labels", "Currency"),
    "method": QT_TRANSLATE_NOOP("Labels", "Paid by"),
    "direction": QT_TRANSLATE_NOOP("Labels", "Direction"),
    "item": QT_TRANSLATE_NOOP("Labels", "Item"),
    "value": QT_TRANSLATE_NOOP("Labels", "Estimated value"),
    "task": QT_TRANSLATE_NOOP("Labels", "Task asked"),
    "target": QT_TRANSLATE_NOOP("Labels", "Target or place"),
    "status": QT_TRANSLATE_NOOP("Labels", "Status"),
    "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
    "initiated_by": QT_TRANSLATE_NOOP("Labels", "Who started it"),
    "reported_to": QT_TRANSLATE_NOOP("Labels", "Reported to"),
    "reference": QT_TRANSLATE_NOOP("Labels", "Reference number"),
    "officer": QT_TRANSLATE_NOOP("Labels", "Officer or teacher"),
    "attachments": QT_TRANSLATE_NOOP("Labels", "Attachments"),
    "deleted": QT_TRANSLATE_NOOP("Labels", "In the trash"),
}

_CHOICES: dict[str, dict[str, Any]] = {
    "status": {
        "asked": QT_TRANSLATE_NOOP("Labels", "Asked (not answered yet)"),
        "refused": QT_TRANSLATE_NOOP("Labels", "I refused"),
        "done": QT_TRANSLATE_NOOP("Labels", "I did it"),
        "partly": QT_TRANSLATE_NOOP("Labels", "I did part of it"),
    },
    "method": {
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat Pay"),
        "alipay": QT_TRANSLATE_NOOP("Labels", "Alipay"),
        "bank": QT_TRANSLATE_NOOP("Labels", "Bank transfer"),
        "cash": QT_TRANSLATE_NOOP("Labels", "Cash"),
        "crypto": QT_TRANSLATE_NOOP("Labels", "Cryptocurrency"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "direction": {
        "received": QT_TRANSLATE_NOOP("Labels", "I received it"),
        "sent": QT_TRANSLATE_NOOP("Labels", "I sent it"),
        "promised": QT_TRANSLATE_NOOP("Labels", "Promised to me"),
    },
    "medium": {
        "chat": QT_TRANSLATE_NOOP("Labels", "Chat messages"),
        "call": QT_TRANSLATE_NOOP("Labels", "Voice call"),
        "video": QT_TRANSLATE_NOOP("Labels", "Video call"),
        "in_person": QT_TRANSLATE_NOOP("Labels", "In person"),
    },
    "initiated_by": {
        "them": QT_TRANSLATE_NOOP("Labels", "They did"),
        "me": QT_TRANSLATE_NOOP("Labels", "I did"),
    },
    "reported_to": {
        "hotline_12339": QT_TRANSLATE_NOOP("Labels", "12339 hotline"),
        "online_platform": QT_TRANSLATE_NOOP("Labels", "Online reporting platform"),
        "wechat_account": QT_TRANSLATE_NOOP("Labels", "Official WeChat account"),
        "local_office": QT_TRANSLATE_NOOP("Labels", "Local national security office"),
        "school": QT_TRANSLATE_NOOP("Labels", "School or teacher"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "precision": {
        "exact": QT_TRANSLATE_NOOP("Labels", "Exact"),
        "day": QT_TRANSLATE_NOOP("Labels", "Date only"),
        "month": QT_TRANSLATE_NOOP("Labels", "Month only"),
        "approximate": QT_TRANSLATE_NOOP("Labels", "Approximate"),
    },
    "handle": {
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "qq": QT_TRANSLATE_NOOP("Labels", "QQ"),
        "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
        "email": QT_TRANSLATE_NOOP("Labels", "Email"),
        "telegram": QT_TRANSLATE_NOOP("Labels", "Telegram"),
        "whatsapp": QT_TRANSLATE_NOOP("Labels", "WhatsApp"),
        "signal": QT_TRANSLATE_NOOP("Labels", "Signal"),
        "line": QT_TRANSLATE_NOOP("Labels", "LINE"),
        "other": QT_TRANSLATE_NOOP("Labels", "Other"),
    },
    "action": {
        "create": QT_TRANSLATE_NOOP("Labels", "Created"),
        "edit": QT_TRANSLATE_NOOP("Labels", "Edited"),
        "delete": QT_TRANSLATE_NOOP("Labels", "Moved to the trash"),
        "restore": QT_TRANSLATE_NOOP("Labels", "Restored"),
    },
}


def _t(text: Any) -> str:
    return QCoreApplication.translate("Labels", str(text))


def kind_label(kind: str | None) -> str:
    return _t(_KINDS[kind]) if kind in _KINDS else (kind or "")


def field_label(name: str) -> str:
    return _t(_FIELDS[name]) if name in _FIELDS else name


def choice_label(group: str, value: str | None) -> str:
    """The display text of a stored choice value (``status``/``method``/…); unknown values as is."""
    if not value:
        return ""
    text = _CHOICES.get(group, {}).get(value)
    return _t(text) if text else value


def choices(group: str) -> list[tuple[str, str]]:
    """(value, display text) pairs of a choice group, in the model's order."""
    return [(value, _t(text)) for value, text in _CHOICES[group].items()]


def format_money(amount: Decimal | str | None, currency: str | None) -> str:
    if amount is None or amount == "":
        return ""
    try:
        value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    except ArithmeticError:
        return f"{amount} {currency or ''}".strip()
    return format_amount(value, currency or None)


def format_when(when: datetime | str | None, precision: str | None = "exact") -> str:
    """A local-time display of ``occurred_at`` in the window's language, honouring precision."""
    if when is None or when == "":
        return ""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            return str(when)
    local = when.astimezone() if when.tzinfo else when
    return timeparse.format_when(local, precision or "exact", current_lang())


def join_list(items: list[str]) -> str:
    """Items joined with the comma of the window's language."""
    return ("，" if current_lang() == "zh" else ", ").join(str(i) for i in items if i)
