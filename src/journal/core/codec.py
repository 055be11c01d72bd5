"""Conversions between database rows, model objects and the JSON form (DESIGN §6 contract)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from journal.core import fields
from journal.core.models import Attachment, Entry, Handle, Person

ENTRY_COLUMNS = (
    "id", "kind", "occurred_at", "occurred_utc", "precision", "recorded_at", "updated_at",
    "revision", "summary", "details", "channel", "location", "witnesses", "tags", "amount",
    "currency", "method", "direction", "item", "value", "task", "target", "status", "medium",
    "initiated_by", "reported_to", "reference", "officer", "source_entry_id", "import_id",
    "deleted_at",
)
PERSON_COLUMNS = ("id", "name", "aliases", "role", "organisation", "platform", "handles", "notes",
                  "created_at", "updated_at", "revision", "deleted_at")
ATTACHMENT_COLUMNS = ("id", "entry_id", "person_id", "filename", "media_type", "size", "sha256",
                      "added_at", "caption", "import_id", "removed_at")


def iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.isoformat()


def utc_iso(dt: datetime) -> str:
    """A sortable UTC timestamp string (fixed width)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_iso(text: str | None) -> datetime | None:
    if not text:
        return None
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


# The kind-specific columns (journal.core.fields), and whether each holds a decimal.
_KIND_COLS = tuple((f.name, f.type == fields.DECIMAL) for f in fields.FIELD_TABLE if not f.common)


def dec(text: str | None) -> Decimal | None:
    return None if text is None or text == "" else Decimal(text)


def _kind_values(row: dict[str, Any]) -> dict[str, Any]:
    return {name: dec(row[name]) if is_decimal else row[name] for name, is_decimal in _KIND_COLS}


def entry_from_row(row: dict[str, Any]) -> Entry:
    return Entry(
        id=row["id"], kind=row["kind"],
        occurred_at=parse_iso(row["occurred_at"]),  # type: ignore[arg-type]
        recorded_at=parse_iso(row["recorded_at"]),  # type: ignore[arg-type]
        summary=row["summary"], precision=row["precision"], details=row["details"],
        channel=row["channel"], location=row["location"],
        witnesses=json.loads(row["witnesses"]), tags=json.loads(row["tags"]),
        **_kind_values(row),
        source_entry_id=row["source_entry_id"], import_id=row["import_id"],
        revision=row["revision"], updated_at=parse_iso(row["updated_at"]),
        deleted_at=parse_iso(row["deleted_at"]),
    )


def person_from_row(row: dict[str, Any]) -> Person:
    return Person(
        id=row["id"], name=row["name"], aliases=json.loads(row["aliases"]), role=row["role"],
        organisation=row["organisation"], platform=row["platform"],
        handles=[Handle(h["kind"], h["value"]) for h in json.loads(row["handles"])],
        notes=row["notes"], created_at=parse_iso(row["created_at"]),
        updated_at=parse_iso(row["updated_at"]), deleted=row["deleted_at"] is not None,
    )


def attachment_from_row(row: dict[str, Any]) -> Attachment:
    return Attachment(
        id=row["id"], filename=row["filename"], media_type=row["media_type"], size=row["size"],
        sha256=row["sha256"], added_at=parse_iso(row["added_at"]),  # type: ignore[arg-type]
        caption=row["caption"], entry_id=row["entry_id"], person_id=row["person_id"],
    )


def _json_value(spec: fields.Field, value: Any) -> Any:
    return None if value is None else str(value) if spec.type == fields.DECIMAL else value


def entry_to_json(entry: Entry) -> dict[str, Any]:
    """The JSON object of an entry (DESIGN §6); amounts and values are decimal strings; the
    kind-specific keys are the field names of journal.core.fields."""
    return {
        "id": entry.id,
        "kind": entry.kind,
        "occurred_at": iso(entry.occurred_at),
        "precision": entry.precision,
        "recorded_at": iso(entry.recorded_at),
        "summary": entry.summary,
        "details": entry.details,
        "persons": list(entry.person_names),
        "person_ids": list(entry.persons),
        "channel": entry.channel,
        "location": entry.location,
        "witnesses": list(entry.witnesses),
        "tags": list(entry.tags),
        **{f.name: _json_value(f, getattr(entry, f.name))
           for f in fields.FIELD_TABLE if not f.common},
        "source_entry_id": entry.source_entry_id,
        "attachments": [
            {"id": a.id, "filename": a.filename, "size": a.size, "sha256": a.sha256,
             "media_type": a.media_type, "caption": a.caption}
            for a in entry.attachments
        ],
        "revision": entry.revision,
        "deleted": entry.deleted,
    }


def person_to_json(person: Person) -> dict[str, Any]:
    return {
        "id": person.id, "name": person.name, "aliases": list(person.aliases),
        "role": person.role, "organisation": person.organisation, "platform": person.platform,
        "handles": [{"kind": h.kind, "value": h.value} for h in person.handles],
        "notes": person.notes, "deleted": person.deleted,
    }
