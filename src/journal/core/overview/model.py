"""What the overview picture shows, as plain data: time buckets with counts per lane, request
marks by sensitivity, money received, channel switches, where each warning sign first shows, and
the counterparts. Made by :func:`journal.core.overview.data.overview_data`. No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol

from journal.core.timeparse import show_when

if TYPE_CHECKING:
    from collections.abc import Sequence

# Lanes of the picture, top to bottom (entry kinds, and "money" for payments and gifts).
LANES: tuple[str, ...] = ("contact", "meeting", "request", "money", "threat", "report")
# How sensitive a request's target is, lowest first (index = level).
SENSITIVITY: tuple[str, ...] = ("harmless", "personal_data", "sensitive_place", "military")


class SignLike(Protocol):
    """A warning sign as the engine gives it (SignResult) or the report keeps it (SignView)."""

    id: str
    level: str

    @property
    def evidence(self) -> Sequence[str]: ...


@dataclass
class EntryRef:
    """One entry a marker stands for: enough to show on hover and to open it."""

    id: str
    when: str  # the local date (and time) as recorded, ISO text
    summary: str
    precision: str = "exact"  # how exactly ``when`` is known (shown by timeparse.show_when)

    @property
    def day(self) -> str:
        return self.when[:10]

    def shown(self, lang: str, precision: str | None = None) -> str:
        """The date (and time) for people, by the one display rule (timeparse.show_when)."""
        return show_when(datetime.fromisoformat(self.when), precision or self.precision, lang)


@dataclass
class RequestMark:
    level: int  # index into SENSITIVITY
    count: int
    entry: EntryRef  # the first request of this level in the bucket


@dataclass
class Bucket:
    start: date
    end: date  # exclusive
    counts: dict[str, int] = field(default_factory=dict)  # lane -> number of entries
    first: dict[str, EntryRef] = field(default_factory=dict)  # lane -> first entry in the bucket
    requests: list[RequestMark] = field(default_factory=list)  # by level, lowest first
    received: dict[str, Decimal] = field(default_factory=dict)  # currency -> cumulative to the end

    @property
    def max_level(self) -> int | None:
        return max((r.level for r in self.requests), default=None)


@dataclass
class ChannelSwitch:
    channel: str
    entry: EntryRef
    overseas: bool  # an overseas or encrypted app (signs vocabulary)
    first: bool  # the first channel of all (where it began), not a switch


@dataclass
class SignMark:
    sign_id: str
    level: str  # "present" or "possible"
    title: str
    entry: EntryRef


@dataclass
class Counterpart:
    id: str
    name: str
    claims: str  # role / organisation as they claimed
    handles: list[tuple[str, list[str]]]  # (handle kind, values), kinds in first-seen order
    channels: list[str]  # apps the entries with them went through, first-used first
    first: EntryRef | None
    last: EntryRef | None
    entries: int
    requests: int
    received: dict[str, Decimal]  # money (payments) received from them, per currency
    trusted: bool = False  # family, a teacher or counsellor (listed after the other side)
    gifts: dict[str, Decimal] = field(default_factory=dict)  # gifts' estimated value, per currency


@dataclass
class OverviewData:
    lang: str
    unit: str  # "day", "week" or "month"; "" when there is nothing
    start: date | None
    end: date | None  # exclusive end of the last bucket
    total: int
    buckets: list[Bucket]
    totals: dict[str, int]  # lane -> entries in the whole span
    received: dict[str, Decimal]  # cumulative at the end, CNY first
    currencies: list[str]  # CNY first, then by size
    channels: list[ChannelSwitch]
    signs: list[SignMark]  # by date of first appearance
    signs_pending: bool  # True when the signs were not evaluated here (large journal)
    counterparts: list[Counterpart]
    escalation: list[tuple[int, EntryRef]]  # each new highest request level, in time order

    @property
    def empty(self) -> bool:
        return self.total == 0

    def bucket_index(self, day: date) -> int:
        for i, b in enumerate(self.buckets):
            if b.start <= day < b.end:
                return i
        return len(self.buckets) - 1
