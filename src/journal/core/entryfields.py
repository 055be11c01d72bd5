"""Checking an entry draft field by field and turning it into column values."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from journal.core.codec import utc_iso
from journal.core.errors import InputError
from journal.core.models import (
    ANY_KIND_FIELDS,
    INITIATORS,
    KIND_FIELDS,
    KINDS,
    MEDIA,
    PAYMENT_DIRECTIONS,
    PAYMENT_METHODS,
    REQUEST_STATUSES,
    Entry,
    EntryDraft,
)
from journal.core.money import check_currency, parse_amount
from journal.core.timeparse import check_precision

MAX_SUMMARY = 500
MAX_TEXT = 1_000_000


def validate_draft(kind: str, d: EntryDraft, current: Entry | None) -> dict[str, Any]:
    """Turn a draft into column values, checking every field; raises InputError with ``field``."""
    if kind not in KINDS:
        raise InputError("error.unknown_kind", field="kind", kind=kind, kinds=", ".join(KINDS))
    v: dict[str, Any] = {"kind": kind}
    allowed = set(KIND_FIELDS[kind]) | set(ANY_KIND_FIELDS)

    def given(name: str) -> bool:
        return getattr(d, name) is not None

    # kind-specific fields must belong to the kind (when the kind changes, drop the others)
    for name in ("amount", "currency", "method", "direction", "item", "value", "task",
                 "target", "status", "medium", "initiated_by"):
        if given(name) and name not in allowed:
            raise InputError("error.field_not_for_kind", field=name, what=name, kind=kind)
    if d.summary is not None or current is None:
        summary = (d.summary or "").strip()
        if not summary:
            raise InputError("error.summary_required", field="summary")
        if len(summary) > MAX_SUMMARY:
            raise InputError("error.too_long", field="summary", what="summary", n=MAX_SUMMARY)
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
    for name in ("details", "channel", "location"):
        value = getattr(d, name)
        if value is not None:
            if len(value) > MAX_TEXT:
                raise InputError("error.too_long", field=name, what=name, n=MAX_TEXT)
            v[name] = value.strip() if name != "details" else value.rstrip()
    for name in ("witnesses", "tags"):
        value = getattr(d, name)
        if value is not None:
            items = [t.strip() for t in value if t and t.strip()]
            v[name] = json.dumps(list(dict.fromkeys(items)), ensure_ascii=False)
    if d.amount is not None:
        v["amount"] = str(parse_amount(d.amount, field="amount"))
    if d.value is not None:
        v["value"] = str(parse_amount(d.value, field="value"))
    if d.currency is not None:
        v["currency"] = check_currency(d.currency)
    choices = {"method": PAYMENT_METHODS, "direction": PAYMENT_DIRECTIONS,
               "status": REQUEST_STATUSES, "medium": MEDIA, "initiated_by": INITIATORS}
    for name, allowed_values in choices.items():
        value = getattr(d, name)
        if value is not None:
            value = value.strip().lower().replace("-", "_").replace(" ", "_")
            if value == "in_person" or value in allowed_values:
                v[name] = value
            elif value == "":
                v[name] = None
            else:
                raise InputError("error.bad_choice", field=name, text=value, what=name,
                                 choices=", ".join(allowed_values))
    for name in ("item", "task", "target", "reported_to", "reference", "officer"):
        value = getattr(d, name)
        if value is not None:
            v[name] = value.strip() or None
    if d.source_entry_id is not None:
        v["source_entry_id"] = d.source_entry_id
    # a new kind drops fields that do not belong to it
    if current is not None and kind != current.kind:
        for name in ("amount", "currency", "method", "direction", "item", "value", "task",
                     "target", "status", "medium", "initiated_by"):
            if name not in allowed and name not in v:
                v[name] = None
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

