"""Display names of kinds, fields and choice values, and small display formatters.

Entry kinds, fields and their choice values come from :mod:`journal.core.fields` (already in both
languages, picked by the window's language); the rest (precision, handles, history actions) are
Qt translations.

Shared by the editor, the people page and the history dialog. The texts are marked with
``QT_TRANSLATE_NOOP("Labels", ...)`` so ``tools/i18n.py`` extracts them, and translated when shown.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from journal.core import fields, timeparse
from journal.core.money import format_amount
from journal.gui.qtsetup import current_lang

# Names that are not fields of journal.core.fields (those come from there).
_FIELDS: dict[str, Any] = {
    "id": QT_TRANSLATE_NOOP("Labels", "Id"),
    "kind": QT_TRANSLATE_NOOP("Labels", "Kind"),
    "precision": QT_TRANSLATE_NOOP("Labels", "How exact"),
    "recorded_at": QT_TRANSLATE_NOOP("Labels", "Recorded"),
    "attachments": QT_TRANSLATE_NOOP("Labels", "Attachments"),
    "deleted": QT_TRANSLATE_NOOP("Labels", "In the trash"),
}

_CHOICES: dict[str, dict[str, Any]] = {
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
    """A kind's name in the window's language (journal.core.fields)."""
    return fields.kind_label(kind, current_lang())


def field_label(name: str, kind: str | None = None) -> str:
    """A field's name in the window's language: journal.core.fields for entry fields."""
    if name in fields.FIELDS:
        return fields.field_label(name, current_lang(), kind)
    return _t(_FIELDS[name]) if name in _FIELDS else name


def choice_label(group: str, value: str | None) -> str:
    """The display text of a stored choice value (``status``/``method``/…, ``precision``,
    ``handle``, ``action``); unknown values as is."""
    if not value:
        return ""
    if group in fields.FIELDS:
        return fields.choice_label(group, value, current_lang())
    text = _CHOICES.get(group, {}).get(value)
    return _t(text) if text else value


def choices(group: str) -> list[tuple[str, str]]:
    """(value, display text) pairs of a choice group, in the model's order."""
    if group in fields.FIELDS:
        lang = current_lang()
        return [(c.id, c.label(lang)) for c in fields.FIELDS[group].choices]
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
    """``occurred_at`` in the window's language by the one rule (timeparse.show_when): as
    recorded, its zone named when it is not this computer's."""
    if when is None or when == "":
        return ""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            return str(when)
    return timeparse.show_when(when, precision or "exact", current_lang())


def join_list(items: list[str]) -> str:
    """Items joined with the comma of the window's language."""
    return ("，" if current_lang() == "zh" else ", ").join(str(i) for i in items if i)
