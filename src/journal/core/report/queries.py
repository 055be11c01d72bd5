"""Narrow grouped queries for the plain-text summary of a whole journal (or a span of dates and
kinds): one statement each, whatever the number of persons, and no entry rows turned into objects.

At 100,000 entries the summary used to ask, per person, for that person's first entry and then
for their first event (30–60 queries of ≈ 60 ms, each reading the wide rows of one person's
entries); the money totals turned 31,000 rows into Python decimals. Here the persons' first
times come from one ``GROUP BY`` over ``entry_persons`` joined to the v5 index that holds each
live entry's id, time and kind (no wide row read), and the totals from one ``GROUP BY`` over the
money columns (a few dozen distinct amounts, multiplied by their count: the same exact decimal
sums). Like :mod:`journal.core.overview.data`, these read the store's database directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from journal.core import fields
from journal.core.codec import parse_iso, utc_iso

# the live entries' (id, occurred_utc, kind, channel) index of schema v5: the join on an entry's
# id reads it instead of the table's wide rows (SQLite would pick the id's unique index, which
# is not covering)
_COVERING = "entries_overview"


@dataclass(frozen=True)
class Selection:
    """The entries a summary is about: live ones, of ``kinds`` (None: all), between two times."""

    kinds: Sequence[str] | None = None
    since: datetime | None = None
    until: datetime | None = None

    @classmethod
    def of(cls, filters: dict[str, Any]) -> Selection:
        """From :func:`journal.core.report.data.selection_filters` (no person in it)."""
        if filters.get("person_id"):
            raise ValueError("a selection of persons is read in batches, not here")
        return cls(filters.get("kinds"), filters.get("since"), filters.get("until"))

    @property
    def whole(self) -> bool:
        """Every live entry."""
        return not self.kinds and self.since is None and self.until is None

    def where(self, kinds: Sequence[str] | None = None) -> tuple[str, list[Any]]:
        """SQL conditions on ``e`` (an entries row), and their parameters. ``kinds``: only these
        of the selected kinds."""
        where = ["e.deleted_at IS NULL"]
        params: list[Any] = []
        wanted = list(self.kinds) if self.kinds else None
        if kinds is not None:
            wanted = [k for k in (wanted if wanted is not None else fields.KIND_IDS) if k in kinds]
        if wanted is not None:
            where.append(f"e.kind IN ({','.join('?' * len(wanted))})")
            params += wanted
        if self.since is not None:
            where.append("e.occurred_utc >= ?")
            params.append(utc_iso(self.since))
        if self.until is not None:
            where.append("e.occurred_utc <= ?")
            params.append(utc_iso(self.until))
        return " AND ".join(where), params


@dataclass(frozen=True)
class PersonSeen:
    first: float  # the time of the person's first selected entry (a POSIX timestamp)
    event_id: str | None  # one selected entry of theirs that is an event (not a report), if any


def persons_seen(journal: Any, selection: Selection,
                 events: Sequence[str]) -> dict[str, PersonSeen]:
    """Per person with a selected entry: when they first appear, and one of their selected
    entries whose kind is in ``events`` (None when they appear in none). One query."""
    where, params = selection.where()
    marks = ",".join("?" * len(events))
    event = f"min(CASE WHEN e.kind IN ({marks}) THEN e.id END)" if events else "NULL"
    sql = (f"SELECT ep.person_id, min(e.occurred_utc), {event}"
           f" FROM entry_persons ep JOIN entries e INDEXED BY {_COVERING} ON e.id = ep.entry_id"
           f" WHERE {where} GROUP BY ep.person_id")
    out: dict[str, PersonSeen] = {}
    for person_id, first_utc, event_id in journal.db.rows(sql, [*events, *params]):
        first = parse_iso(first_utc)
        assert first is not None  # NOT NULL column
        out[person_id] = PersonSeen(first.timestamp(), event_id)
    return out


def money_totals(journal: Any, selection: Selection) -> dict[str, dict[str, Decimal]]:
    """Sums per totals bucket and currency of the selected entries (``Journal.totals``' rules:
    the bucket from kind and direction, no currency counted as CNY). One grouped query."""
    money_kinds = sorted({b.kind for b in fields.TOTAL_BUCKETS})
    out: dict[str, dict[str, Decimal]] = {k: {} for k in fields.BUCKET_IDS}
    where, params = selection.where(money_kinds)
    # a third of a journal's entries hold money: reading the table through once costs less than
    # finding each of those rows from the kind index (0.23 s of CPU against 0.31 s at 100,000
    # entries); a span of dates or a few kinds is left to the planner
    scan = "NOT INDEXED" if selection.whole else ""
    sql = (f"SELECT e.kind, e.direction, e.currency, e.amount, e.value, count(*) FROM entries e"
           f" {scan} WHERE {where} GROUP BY 1, 2, 3, 4, 5")
    for kind, direction, currency, amount, value, n in journal.db.rows(sql, params):
        bucket = fields.bucket_for(kind, direction)
        if bucket is None:
            continue
        text = amount if bucket.field == "amount" else value
        if text is None or text == "":
            continue
        cur = currency or "CNY"
        sums = out[bucket.id]
        sums[cur] = sums.get(cur, Decimal(0)) + Decimal(text) * n
    return out


def attachment_counts(journal: Any, selected: set[str] | None) -> tuple[int, dict[str, int]]:
    """How many attachments (not removed) the ``selected`` entries (None: every entry not in the
    trash) hold, and per person how many are attached to the person. Two narrow queries."""
    if selected is None:
        of_entries = int(journal.db.one(
            "SELECT count(*) FROM attachments a JOIN entries e ON e.id = a.entry_id"
            " WHERE a.removed_at IS NULL AND e.deleted_at IS NULL")[0])
    else:
        of_entries = sum(1 for (entry_id,) in journal.db.rows(
            "SELECT entry_id FROM attachments WHERE removed_at IS NULL AND entry_id IS NOT NULL")
            if entry_id in selected)
    of_persons = {person_id: n for person_id, n in journal.db.rows(
        "SELECT person_id, count(*) FROM attachments WHERE removed_at IS NULL"
        " AND person_id IS NOT NULL GROUP BY person_id")}
    return of_entries, of_persons
