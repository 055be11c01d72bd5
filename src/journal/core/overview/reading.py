"""The picture's counts, requests, money and channels per bucket: read from schema v7's per-day
aggregates for the whole journal, or from the entries and their indexes for a selection (or while
the aggregates are rebuilt). Each reader hands what it finds to a :class:`Read`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from journal.core.money import stored_decimal as decimal
from journal.core.overview import query
from journal.core.overview.classify import request_level
from journal.core.overview.model import LANES, Bucket, EntryRef, RequestMark
from journal.core.overview.money import add_money
from journal.core.overview.query import Selection


class Read:
    """What the counting queries found, per bucket."""

    def __init__(self, buckets: list[Bucket], bucket_of: Callable[[str], Bucket],
                 ref: Callable[[str], EntryRef]) -> None:
        self.buckets = buckets
        self.bucket_of = bucket_of
        self.ref = ref
        self.totals: dict[str, int] = {}
        self.first_at: dict[tuple[date, str], tuple[str, int]] = {}
        self.escalation: list[tuple[int, EntryRef]] = []
        self.money: dict[date, dict[str, Decimal]] = {}
        self.person_money: dict[str, dict[str, Decimal]] = {}  # payments received
        self.person_gifts: dict[str, dict[str, Decimal]] = {}  # gifts' estimated value
        self.channels: dict[str, tuple[str, str, str]] = {}  # normalised -> (time, channel, id)

    def count(self, kind: str, g: str, n: int, first_utc: str, first_seq: int, eid: str) -> None:
        lane = "money" if kind in ("payment", "gift") else kind
        if lane not in LANES:
            return
        b = self.bucket_of(g)
        b.counts[lane] = b.counts.get(lane, 0) + n
        self.totals[lane] = self.totals.get(lane, 0) + n
        at = (first_utc, first_seq)
        if lane not in b.first or at < self.first_at[(b.start, lane)]:
            b.first[lane] = self.ref(eid)
            self.first_at[(b.start, lane)] = at

    def request(self, b: Bucket, level: int, n: int, eid: str) -> None:
        mark = next((r for r in b.requests if r.level == level), None)
        if mark is None:
            b.requests.append(RequestMark(level, n, self.ref(eid)))
            b.requests.sort(key=lambda r: r.level)
        else:
            mark.count += n

    def received(self, g: str, cur: str, amt: Decimal) -> None:
        sums = self.money.setdefault(self.bucket_of(g).start, {})
        sums[cur] = sums.get(cur, Decimal(0)) + amt

    def channel(self, channel: str, utc: str, eid: str) -> None:
        name = channel.strip()
        key = "".join(name.lower().split())
        if key and (key not in self.channels or utc < self.channels[key][0]):
            self.channels[key] = (utc, name, eid)


def read_aggregates(journal: Any, group: int, read: Read, money_of_persons: bool) -> None:
    """The whole journal from schema v7's per-day tables (``group``: 10 or 7 characters of the
    UTC day, for weeks or months)."""
    # Counts and first entry per kind, request level and UTC day or month.
    sql = ("SELECT kind, level, day, n, first_utc, first_seq, first_id FROM overview_days"
           if group == 10 else "SELECT kind, level, month, n, first_utc, first_seq, first_id "
                               "FROM overview_months")
    for kind, level, g, n, first_utc, first_seq, eid in query.rows(journal, sql):
        read.count(kind, g, int(n), first_utc, int(first_seq), eid)
        if kind == "request":
            read.request(read.bucket_of(g), int(level), int(n), eid)
    # Escalation: the first request of each level, in time order, whenever it is a new highest.
    highest = -1
    for level, _utc, _seq, eid in sorted(
            (r for r in query.rows(journal, "SELECT level, min(first_utc), first_seq, first_id FROM "
                                       "overview_months WHERE kind = 'request' GROUP BY level")),
            key=lambda r: (r[1], r[2])):
        if level > highest:
            highest = level
            read.escalation.append((level, read.ref(eid)))
    # Money received per UTC day and currency (exact decimal sums as text).
    for g, cur, totals in query.rows(journal, f"SELECT substr(day, 1, {group}) AS g, currency, "
                                         "group_concat(total, ' ') FROM overview_money "
                                         "GROUP BY g, currency"):
        read.received(g, cur, sum((Decimal(x) for x in totals.split()), Decimal(0)))
    for channel, utc, eid in query.rows(journal, "SELECT channel, first_utc, first_id "
                                            "FROM overview_channels"):
        read.channel(channel, utc, eid)
    if money_of_persons:
        person_money_aggregated(journal, read.person_money, read.person_gifts)


def person_money_aggregated(journal: Any, money: dict[str, dict[str, Decimal]],
                            gifts: dict[str, dict[str, Decimal]]) -> None:
    """Per person and currency: money received into ``money``, gifts' value into ``gifts``."""
    for pid, kind, cur, amounts in query.rows(
            journal, "SELECT ep.person_id, f.kind, f.currency, group_concat(f.amount, ' ') "
                     "FROM overview_facts f JOIN entry_persons ep ON ep.entry_id = f.entry_id "
                     "WHERE f.currency IS NOT NULL GROUP BY ep.person_id, f.kind, f.currency"):
        add_money(gifts if kind == "gift" else money, [pid], cur,
                  sum((Decimal(x) for x in amounts.split()), Decimal(0)))


def read_entries(journal: Any, f: Selection, group: int, read: Read) -> None:
    """A selection (or the aggregates not ready): read from the entries and their indexes."""
    # Counts per kind and UTC hour, day or month, from the (kind, time, seq, id) index; the
    # bare columns come from the min() row: the first entry of the group.
    sql = (f"SELECT e.kind, substr(e.occurred_utc, 1, {group}) AS g, count(*), "
           "min(e.occurred_utc), e.seq, e.id FROM entries e" + f.sql() + " GROUP BY e.kind, g")
    for kind, g, n, first_utc, seq, eid in query.rows(journal, sql, f.params):
        read.count(kind, g, int(n), first_utc, int(seq), eid)

    # Requests: the sensitivity of each target (same texts are classified once).
    levels: dict[str, int] = {}
    highest = -1
    sql = ("SELECT e.id, e.occurred_utc, e.task, e.target, e.summary FROM entries e"
           + f.sql("e.kind = 'request'") + " ORDER BY e.occurred_utc, e.seq")
    for eid, utc, task, target, summary in query.rows(journal, sql, f.params):
        text = "\n".join(x for x in (task, target, summary) if x)
        level = levels.get(text)
        if level is None:
            level = levels[text] = request_level(text)
        read.request(read.bucket_of(utc), level, 1, eid)
        if level > highest:
            highest = level
            read.escalation.append((level, read.ref(eid)))

    # Money received (payments received, and the value of gifts), per currency; the persons of
    # each are read in the same pass for the counterparts' totals.
    sql = ("SELECT e.occurred_utc, e.kind, e.amount, e.value, e.currency, "
           "(SELECT group_concat(ep.person_id, ' ') FROM entry_persons ep "
           "WHERE ep.entry_id = e.id) FROM entries e" + f.sql(
               "((e.kind = 'payment' AND e.direction = 'received') OR e.kind = 'gift')"))
    for utc, kind, amount, value, currency, pids in query.rows(journal, sql, f.params):
        amt = decimal(amount if kind == "payment" else value)
        if amt is None:
            continue
        cur = (currency or "CNY").upper()
        read.received(utc, cur, amt)
        add_money(read.person_gifts if kind == "gift" else read.person_money,
                  (pids or "").split(), cur, amt)

    # Channels: the first entry on each app, from the (id, time, kind, channel) index.
    sql = ("SELECT e.channel, min(e.occurred_utc), e.id FROM entries e INDEXED BY "
           "entries_overview" + f.sql("e.channel != ''") + " GROUP BY e.channel")
    for channel, utc, eid in query.rows(journal, sql, f.params):
        read.channel(channel, utc, eid)
