"""Checking an entry draft field by field and turning it into column values.

What each kind holds, and the allowed values of choice fields, come from :mod:`journal.core.fields`.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from journal.core import fields as F
from journal.core.codec import utc_iso
from journal.core.errors import InputError
from journal.core.i18n import Bilingual
from journal.core.models import Entry, EntryDraft
from journal.core.money import check_currency, parse_amount
from journal.core.timeparse import check_precision

MAX_SUMMARY = 500
MAX_TEXT = 1_000_000


def check_kind(text: str) -> str:
    """A kind by its id or its label in either language (see fields.parse_kind)."""
    return F.parse_kind(text)


def validate_draft(kind: str, d: EntryDraft, current: Entry | None) -> dict[str, Any]:
    """Turn a draft into column values, checking every field; raises InputError with ``field``."""
    if kind not in F.KIND_IDS:
        raise InputError("error.unknown_kind", field="kind", kind=kind, kinds=F.kinds_text())
    v: dict[str, Any] = {"kind": kind}

    def belongs(spec: F.Field) -> bool:
        return spec.has_kind(kind) or spec.any_kind

    # kind-specific fields must belong to the kind (when the kind changes, drop the others)
    for spec in F.FIELD_TABLE:
        if getattr(d, spec.name) is not None and not belongs(spec):
            raise InputError("error.field_not_for_kind", field=spec.name, what=F.label_text(spec),
                             kind=Bilingual(F.kind_label(kind, "en"), F.kind_label(kind, "zh")))
    if d.summary is not None or current is None:
        summary = (d.summary or "").strip()
        if not summary:
            raise InputError("error.summary_required", field="summary")
        if len(summary) > MAX_SUMMARY:
            raise InputError("error.summary_too_long", field="summary",
                             what=F.label_text(F.FIELDS["summary"]), n=MAX_SUMMARY,
                             details=F.label_text(F.FIELDS["details"]), length=len(summary))
        v["summary"] = summary
    if d.occurred_at is not None:
        if d.occurred_at.tzinfo is None:
            v["occurred_at"] = d.occurred_at.astimezone()
        else:
            v["occurred_at"] = d.occurred_at
    elif current is None:
        v["occurred_at"] = datetime.now().astimezone()
    if d.precision is not None or current is None:
        v["precision"] = check_precision(d.precision)
    for spec in F.FIELD_TABLE:
        name = spec.name
        value = getattr(d, name)
        if value is None or name in ("summary", "occurred_at", "persons"):
            continue
        if spec.type == F.MULTILINE:
            if len(value) > MAX_TEXT:
                raise InputError("error.too_long", field=name, what=F.label_text(spec), n=MAX_TEXT)
            v[name] = value.rstrip()
        elif spec.type == F.TEXT and spec.common:
            if len(value) > MAX_TEXT:
                raise InputError("error.too_long", field=name, what=F.label_text(spec), n=MAX_TEXT)
            v[name] = value.strip()
        elif spec.type == F.TEXT:
            v[name] = value.strip() or None
        elif spec.type == F.LIST:
            items = [t.strip() for t in value if t and t.strip()]
            v[name] = json.dumps(list(dict.fromkeys(items)), ensure_ascii=False)
        elif spec.type == F.DECIMAL:
            v[name] = str(parse_amount(value, field=name))
        elif spec.type == F.CURRENCY:
            v[name] = check_currency(value)
        elif spec.type == F.CHOICE:
            v[name] = F.parse_choice(name, value)
    if d.source_entry_id is not None:
        v["source_entry_id"] = d.source_entry_id
    # a new kind drops fields that do not belong to it
    if current is not None and kind != current.kind:
        for spec in F.FIELD_TABLE:
            if not spec.common and not belongs(spec) and spec.name not in v:
                v[spec.name] = None
    # amounts need a currency: default CNY
    has_money = (v.get("amount") or v.get("value") or
                 (current is not None and (current.amount is not None or current.value is not None)))
    if has_money and not v.get("currency") and (current is None or not current.currency):
        v["currency"] = "CNY"
    if "occurred_at" in v:
        dt = v["occurred_at"]
        v["occurred_utc"] = utc_iso(dt)
        v["occurred_at"] = dt.isoformat()
    return v
