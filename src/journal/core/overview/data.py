"""The data of the overview picture: what happened when, read with a few aggregated queries.

    data = overview_data(journal, "zh")                     # the whole journal
    data = overview_data(journal, "en", selection=options)  # a report's selection (ReportOptions)
    data = overview_data(journal, "en", signs=results)      # reuse signs evaluated elsewhere

Nothing here loads every entry: counts per local day and kind come from one GROUP BY, requests
and money from narrow column reads, channel switches from one GROUP BY over the channel. Only the
few entries a marker stands for are named (id, date, summary). No Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from journal.core.codec import utc_iso
from journal.core.money import CURRENCIES
from journal.core.signs import vocab as v

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.report.options import ReportOptions
    from journal.core.signs import SignResult

log = logging.getLogger(__name__)

# Lanes of the picture, top to bottom (entry kinds, and "money" for payments and gifts).
LANES: tuple[str, ...] = ("contact", "meeting", "request", "money", "threat", "report")
# How sensitive a request's target is, lowest first (index = level).
SENSITIVITY: tuple[str, ...] = ("harmless", "personal_data", "sensitive_place", "military")
DAY_SPAN_MAX = 62  # spans up to about two months are drawn day by day
WEEK_SPAN_MAX = 731  # up to two years week by week; longer spans month by month
SIGNS_SYNC_LIMIT = 5000  # above this many entries the signs are not evaluated here (pass them in)


@dataclass(frozen=True)
class EntryRef:
    """One entry a marker stands for: enough to show on hover and to open it."""

    id: str
    when: str  # the local date (and time) as recorded, ISO text
    summary: str

    @property
    def day(self) -> str:
        return self.when[:10]


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
    received: dict[str, Decimal]  # payments received and gifts from them, per currency
    trusted: bool = False  # family, a teacher or counsellor (listed after the other side)


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


# ------------------------------------------------------------------------------------ helpers
def request_level(text: str) -> int:
    """How sensitive the target of a request is (index into SENSITIVITY), from the signs engine's
    vocabularies: military or government wording; personal or inside information; a base, an
    airfield or a port, dock or site that is not plainly a tourist spot; otherwise harmless."""
    if v.SENSITIVE.matches(text):
        return 3
    if v.INFO_STRONG.matches(text):  # inside material of a lab is data, not a place to film
        return 1
    if v.SENSITIVE_WEAK.matches(text) or (v.PLACE.matches(text)
                                          and not v.HARMLESS_TARGET.matches(text)):
        return 2
    return 0


def is_overseas_channel(channel: str) -> bool:
    n = "".join(channel.lower().split())
    return bool(n) and (any(n == c or n.startswith(c) for c in v.OVERSEAS_CHANNELS)
                        or v.OVERSEAS_APP.matches(channel))


def choose_unit(first: date, last: date) -> str:
    span = (last - first).days
    if span <= DAY_SPAN_MAX:
        return "day"
    if span <= WEEK_SPAN_MAX:
        return "week"
    return "month"


def _floor(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(day: date, unit: str) -> date:
    if unit == "week":
        return day + timedelta(days=7)
    if unit == "month":
        return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return day + timedelta(days=1)


def make_buckets(first: date, last: date, unit: str) -> list[Bucket]:
    out: list[Bucket] = []
    day = _floor(first, unit)
    while day <= last:
        nxt = _next(day, unit)
        out.append(Bucket(day, nxt))
        day = nxt
    return out


def _decimal(text: Any) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        return Decimal(str(text))
    except InvalidOperation:
        return None


def order_currencies(sums: dict[str, Decimal]) -> list[str]:
    """CNY first, then the others by amount (largest first), then by the known order."""
    known = list(CURRENCIES)
    return sorted(sums, key=lambda c: (c != "CNY", -sums[c],
                                       known.index(c) if c in known else len(known), c))


class _Filter:
    """The WHERE clause of a selection (deleted entries are never shown)."""

    def __init__(self, selection: ReportOptions | None) -> None:
        self.where = ["e.deleted_at IS NULL"]
        self.params: list[Any] = []
        if selection is None:
            return
        if selection.since:
            self.where.append("e.occurred_utc >= ?")
            self.params.append(utc_iso(datetime.combine(selection.since, time(0)).astimezone()))
        if selection.until:
            end = datetime.combine(selection.until, time(23, 59, 59, 999999)).astimezone()
            self.where.append("e.occurred_utc <= ?")
            self.params.append(utc_iso(end))
        if selection.kinds is not None:
            kinds = list(selection.kinds) or ["-"]
            self.where.append(f"e.kind IN ({','.join('?' * len(kinds))})")
            self.params += kinds
        if selection.person_ids:
            ids = list(selection.person_ids)
            self.where.append("e.id IN (SELECT entry_id FROM entry_persons WHERE person_id IN "
                              f"({','.join('?' * len(ids))}))")
            self.params += ids

    def sql(self, extra: str = "") -> str:
        return " WHERE " + " AND ".join(self.where + ([extra] if extra else []))


def _rows(journal: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    # The store's read helper (one lock, one connection); narrow aggregated queries only.
    return list(journal._rows(sql, params))


# ------------------------------------------------------------------------------------ the data
def overview_data(journal: Any, lang: str = "en", selection: ReportOptions | None = None,
                  signs: list[SignResult] | None = None) -> OverviewData:
    """The picture's data for the journal (or the report's ``selection``), in ``lang``.

    ``signs``: warning signs already evaluated (the window's signs page does it in the
    background); when None they are evaluated here for journals up to SIGNS_SYNC_LIMIT entries,
    otherwise ``signs_pending`` is set and the picture shows no sign markers yet.
    """
    from journal.core.i18n import normalise_lang

    lang = normalise_lang(lang)
    f = _Filter(selection)
    head = _rows(journal, "SELECT count(*), min(substr(e.occurred_at, 1, 10)), "
                          "max(substr(e.occurred_at, 1, 10)) FROM entries e" + f.sql(), f.params)
    total = int(head[0][0]) if head else 0
    if not total:
        return OverviewData(lang, "", None, None, 0, [], {}, {}, [], [], [], False,
                            _counterparts(journal, f, lang), [])
    first_day, last_day = date.fromisoformat(head[0][1]), date.fromisoformat(head[0][2])
    unit = choose_unit(first_day, last_day)
    buckets = make_buckets(first_day, last_day, unit)
    starts = [b.start for b in buckets]

    def bucket_of(day_text: str) -> Bucket:
        day = date.fromisoformat(day_text)
        lo, hi = 0, len(starts) - 1
        while lo < hi:  # the last start <= day
            mid = (lo + hi + 1) // 2
            if starts[mid] <= day:
                lo = mid
            else:
                hi = mid - 1
        return buckets[lo]

    # Counts per local day and kind; SQLite takes the bare columns from the min() row.
    totals: dict[str, int] = {}
    sql = ("SELECT e.kind, substr(e.occurred_at, 1, 10) AS d, count(*), min(e.occurred_utc), "
           "e.id, e.occurred_at, e.summary FROM entries e" + f.sql()
           + " GROUP BY e.kind, d ORDER BY d")
    for kind, day, n, _m, eid, when, summary in _rows(journal, sql, f.params):
        lane = "money" if kind in ("payment", "gift") else kind
        if lane not in LANES:
            continue
        b = bucket_of(day)
        b.counts[lane] = b.counts.get(lane, 0) + int(n)
        totals[lane] = totals.get(lane, 0) + int(n)
        ref = EntryRef(eid, when, summary)
        if lane not in b.first or ref.when < b.first[lane].when:
            b.first[lane] = ref

    # Requests: the sensitivity of each target (same texts are classified once).
    levels: dict[str, int] = {}
    escalation: list[tuple[int, EntryRef]] = []
    highest = -1
    sql = ("SELECT e.id, e.occurred_at, e.summary, e.task, e.target FROM entries e"
           + f.sql("e.kind = 'request'") + " ORDER BY e.occurred_utc, e.seq")
    for eid, when, summary, task, target in _rows(journal, sql, f.params):
        text = "\n".join(x for x in (task, target, summary) if x)
        level = levels.get(text)
        if level is None:
            level = levels[text] = request_level(text)
        b = bucket_of(when[:10])
        mark = next((r for r in b.requests if r.level == level), None)
        if mark is None:
            b.requests.append(RequestMark(level, 1, EntryRef(eid, when, summary)))
            b.requests.sort(key=lambda r: r.level)
        else:
            mark.count += 1
        if level > highest:
            highest = level
            escalation.append((level, EntryRef(eid, when, summary)))

    # Money received (payments received, and the value of gifts), cumulative per currency.
    per_day: dict[str, dict[str, Decimal]] = {}
    sql = ("SELECT substr(e.occurred_at, 1, 10) AS d, e.kind, e.amount, e.value, e.currency "
           "FROM entries e" + f.sql("((e.kind = 'payment' AND e.direction = 'received') "
                                    "OR e.kind = 'gift')"))
    for day, kind, amount, value, currency in _rows(journal, sql, f.params):
        amt = _decimal(amount if kind == "payment" else value)
        if amt is None:
            continue
        cur = (currency or "CNY").upper()
        sums = per_day.setdefault(day, {})
        sums[cur] = sums.get(cur, Decimal(0)) + amt
    running: dict[str, Decimal] = {}
    by_bucket: dict[date, dict[str, Decimal]] = {}
    for day in sorted(per_day):
        bs = by_bucket.setdefault(bucket_of(day).start, {})
        for cur, amt in per_day[day].items():
            bs[cur] = bs.get(cur, Decimal(0)) + amt
    for b in buckets:
        for cur, amt in by_bucket.get(b.start, {}).items():
            running[cur] = running.get(cur, Decimal(0)) + amt
        b.received = dict(running)
    currencies = order_currencies(running)

    # Channels: the first entry on each app (SQLite takes the bare columns from the min() row).
    channels: list[ChannelSwitch] = []
    sql = ("SELECT e.channel, min(e.occurred_utc || printf('%012d', e.seq)), e.id, e.occurred_at, "
           "e.summary FROM entries e" + f.sql("trim(e.channel) != ''")
           + " GROUP BY lower(trim(e.channel)) ORDER BY 2")
    for n, (channel, _m, eid, when, summary) in enumerate(_rows(journal, sql, f.params)):
        channels.append(ChannelSwitch(channel.strip(), EntryRef(eid, when, summary),
                                      is_overseas_channel(channel), n == 0))

    sign_marks, pending = _sign_marks(journal, lang, signs, total, f, escalation)
    return OverviewData(lang, unit, buckets[0].start, buckets[-1].end, total, buckets, totals,
                        {c: running[c] for c in currencies}, currencies, channels, sign_marks,
                        pending, _counterparts(journal, f, lang), escalation)


def _sign_marks(journal: Any, lang: str, signs: list[SignResult] | None, total: int, f: _Filter,
                escalation: list[tuple[int, EntryRef]]) -> tuple[list[SignMark], bool]:
    from journal.core.signs import evaluate_journal, sign_title

    if signs is None:
        if total > SIGNS_SYNC_LIMIT:
            return [], True
        signs = evaluate_journal(journal)
    if not signs:
        return [], False
    wanted = [s for s in signs if s.evidence]
    ids = list(dict.fromkeys(i for s in wanted for i in s.evidence))
    refs: dict[str, EntryRef] = {}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        sql = ("SELECT e.id, e.occurred_at, e.summary FROM entries e"
               + f.sql(f"e.id IN ({','.join('?' * len(part))})"))
        for eid, when, summary in _rows(journal, sql, f.params + part):
            refs[eid] = EntryRef(eid, when, summary)
    sensitive_after = {ref.id for level, ref in escalation if level >= 2}
    marks: list[SignMark] = []
    for s in wanted:
        evidence = [refs[i] for i in s.evidence if i in refs]
        if not evidence:
            continue
        marks.append(SignMark(s.id, s.level, sign_title(s.id, lang),
                              _appearance(s.id, evidence, sensitive_after)))
    marks.sort(key=lambda m: (m.entry.when, m.sign_id))
    return marks, False


def _appearance(sign_id: str, evidence: list[EntryRef], sensitive: set[str]) -> EntryRef:
    """The entry at which the sign first shows. Evidence is oldest first; two rules list the
    reference point before the entry that completes the pattern: the first contact before the
    first intimate one, and the harmless tasks before the first sensitive one."""
    if sign_id == "WS-FAST-INTIMACY" and len(evidence) > 1:
        return evidence[1]
    if sign_id == "WS-ESCALATION":
        later = [e for e in evidence if e.id in sensitive]
        return later[0] if later else evidence[-1]
    return evidence[0]


def _counterparts(journal: Any, f: _Filter, lang: str) -> list[Counterpart]:
    """Each person in the selected entries (the other side first: not family, not a teacher)."""
    from journal.core.signs import rules

    persons = {p.id: p for p in journal.list_persons()}
    trusted = rules.trusted_ids(persons.values())
    sql = ("SELECT ep.person_id, count(*), sum(e.kind = 'request'), min(e.occurred_utc), "
           "e.id, e.occurred_at, e.summary FROM entry_persons ep JOIN entries e ON e.id = "
           "ep.entry_id" + f.sql() + " GROUP BY ep.person_id")
    stats = {r[0]: r for r in _rows(journal, sql, f.params)}
    sql = ("SELECT ep.person_id, max(e.occurred_utc), e.id, e.occurred_at, e.summary "
           "FROM entry_persons ep JOIN entries e ON e.id = ep.entry_id"
           + f.sql("e.kind != 'report'") + " GROUP BY ep.person_id")
    lasts = {r[0]: EntryRef(r[2], r[3], r[4]) for r in _rows(journal, sql, f.params)}
    sql = ("SELECT ep.person_id, e.channel, min(e.occurred_utc) FROM entry_persons ep JOIN "
           "entries e ON e.id = ep.entry_id" + f.sql("trim(e.channel) != ''")
           + " GROUP BY ep.person_id, lower(trim(e.channel)) ORDER BY 3")
    channels: dict[str, list[str]] = {}
    for pid, channel, _m in _rows(journal, sql, f.params):
        channels.setdefault(pid, []).append(channel.strip())
    sql = ("SELECT ep.person_id, e.kind, e.amount, e.value, e.currency FROM entry_persons ep "
           "JOIN entries e ON e.id = ep.entry_id" + f.sql(
               "((e.kind = 'payment' AND e.direction = 'received') OR e.kind = 'gift')"))
    money: dict[str, dict[str, Decimal]] = {}
    for pid, kind, amount, value, currency in _rows(journal, sql, f.params):
        amt = _decimal(amount if kind == "payment" else value)
        if amt is not None:
            sums = money.setdefault(pid, {})
            cur = (currency or "CNY").upper()
            sums[cur] = sums.get(cur, Decimal(0)) + amt
    out: list[Counterpart] = []
    for pid, row in stats.items():
        p = persons.get(pid)
        if p is None:
            continue
        grouped: dict[str, list[str]] = {}
        for h in p.handles:
            grouped.setdefault(h.kind, []).append(h.value)
        claim_parts = [x for x in (p.role, p.organisation) if x]
        claims = ("，".join(claim_parts) if lang == "zh" else ", ".join(claim_parts))
        sums = money.get(pid, {})
        out.append(Counterpart(
            pid, p.name, claims, list(grouped.items()), channels.get(pid, []),
            EntryRef(row[4], row[5], row[6]), lasts.get(pid), int(row[1]), int(row[2] or 0),
            {c: sums[c] for c in order_currencies(sums)}, pid in trusted))
    out.sort(key=lambda c: (c.trusted, c.first.when if c.first else ""))
    return out
