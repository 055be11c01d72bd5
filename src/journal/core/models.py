"""Plain data classes shared by the store, rules, report, importers, CLI and window.

No Qt, no database here. Money is always :class:`decimal.Decimal`; times are aware datetimes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from journal.core import fields


class Kind(str, enum.Enum):
    """Entry kinds (DESIGN §2, contract)."""

    CONTACT = "contact"
    REQUEST = "request"
    PAYMENT = "payment"
    GIFT = "gift"
    MEETING = "meeting"
    THREAT = "threat"
    REPORT = "report"
    NOTE = "note"


KINDS: tuple[str, ...] = fields.KIND_IDS  # the same ids as Kind (tested)


class Precision(str, enum.Enum):
    """How exactly ``occurred_at`` is known."""

    EXACT = "exact"  # date and time
    DAY = "day"  # date only
    MONTH = "month"  # month only
    APPROXIMATE = "approximate"  # around that date ("about", "~")


PRECISIONS: tuple[str, ...] = tuple(p.value for p in Precision)

HANDLE_KINDS = ("wechat", "qq", "phone", "email", "telegram", "whatsapp", "signal", "line", "other")

# What each kind holds is the table in journal.core.fields; these are its plain-name views.
KIND_FIELDS = fields.KIND_FIELDS  # kind -> its kind-specific fields
COMMON_FIELDS = fields.COMMON_FIELDS  # fields every kind has
ANY_KIND_FIELDS = fields.ANY_KIND_FIELDS  # may be given on any entry (DESIGN §6 "report; any")


@dataclass
class Handle:
    kind: str  # one of HANDLE_KINDS
    value: str


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str = ""  # claimed role, e.g. "Director"
    organisation: str = ""  # claimed organisation
    platform: str = ""  # where first met (app or platform)
    handles: list[Handle] = field(default_factory=list)
    notes: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False


@dataclass
class Attachment:
    id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime
    caption: str = ""
    entry_id: str | None = None
    person_id: str | None = None


@dataclass
class Entry:
    id: str
    kind: str
    occurred_at: datetime  # aware
    recorded_at: datetime  # aware, UTC, set by the store
    summary: str
    precision: str = "exact"
    details: str = ""
    persons: list[str] = field(default_factory=list)  # person ids
    person_names: list[str] = field(default_factory=list)  # filled by the store for display
    channel: str = ""
    location: str = ""
    witnesses: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # kind-specific
    amount: Decimal | None = None  # payment amount, or pay offered for a request
    currency: str | None = None  # ISO 4217 for amount/value
    method: str | None = None
    direction: str | None = None
    item: str | None = None
    value: Decimal | None = None  # gift's estimated value
    task: str | None = None
    target: str | None = None
    status: str | None = None
    medium: str | None = None
    initiated_by: str | None = None
    reported_to: str | None = None
    reference: str | None = None
    officer: str | None = None
    # links
    source_entry_id: str | None = None  # e.g. a request made from a message of an imported transcript
    import_id: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    revision: int = 1
    updated_at: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass
class Revision:
    revision: int
    saved_at: datetime
    action: str  # create / edit / delete / restore
    data: dict[str, Any]  # the entry as it was after that change (JSON form)


@dataclass
class AuditRecord:
    seq: int
    at: datetime
    action: str
    object_type: str
    object_id: str
    digest: str  # SHA-256 of the object's canonical state after the change ("" when removed)
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyProblem:
    """One finding of the integrity check: a code (``journal.core.verifytext`` says it in either
    language) and its parameters (numbers and ids)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class VerifyResult:
    ok: bool
    records: int
    attachments: int
    head_hash: str
    problems: list[str] = field(default_factory=list)  # English, first break first
    # the same findings as codes with parameters, in the same order (for the user's language)
    issues: list[VerifyProblem] = field(default_factory=list)
    first_break_seq: int | None = None
    # with ``verify --expect-head``: the sequence number of that record (None: not in the chain)
    expected_head: str | None = None
    expected_seq: int | None = None
    records_after: int | None = None
    revisions: int = 0
    # parts of the file that no audit record vouches for (they hold no evidence)
    not_covered: tuple[str, ...] = ("drafts", "settings")


@dataclass
class EntryDraft:
    """Input for creating or editing an entry. ``None`` means "not given" (keep on edit)."""

    kind: str | None = None
    summary: str | None = None
    occurred_at: datetime | None = None
    precision: str | None = None
    details: str | None = None
    persons: list[str] | None = None  # person ids
    channel: str | None = None
    location: str | None = None
    witnesses: list[str] | None = None
    tags: list[str] | None = None
    amount: Decimal | None = None
    currency: str | None = None
    method: str | None = None
    direction: str | None = None
    item: str | None = None
    value: Decimal | None = None
    task: str | None = None
    target: str | None = None
    status: str | None = None
    medium: str | None = None
    initiated_by: str | None = None
    reported_to: str | None = None
    reference: str | None = None
    officer: str | None = None
    source_entry_id: str | None = None
