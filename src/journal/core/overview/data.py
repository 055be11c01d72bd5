"""The data of the overview picture: what happened when, read with a few aggregated queries.

    data = overview_data(journal, "zh")                     # the whole journal
    data = overview_data(journal, "en", selection=options)  # a report's selection (ReportOptions)
    data = overview_data(journal, "en", signs=results)      # reuse signs evaluated elsewhere

Nothing here loads every entry: counts per local day and kind come from one GROUP BY, requests
and money from narrow column reads, channel switches from one GROUP BY over the channel. Only the
few entries a marker stands for are named (id, date, summary). No Qt.
"""

from __future__ import annotations

import hashlib
import logging
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Protocol

from journal.core.codec import utc_iso
from journal.core.money import CURRENCIES
from journal.core.signs import vocab as v
from journal.core.timeparse import show_when

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.report.options import ReportOptions


class SignLike(Protocol):
    """A warning sign as the engine gives it (SignResult) or the report keeps it (SignView)."""

    id: str
    level: str
    evidence: list[str]

log = logging.getLogger(__name__)

# Lanes of the picture, top to bottom (entry kinds, and "money" for payments and gifts).
LANES: tuple[str, ...] = ("contact", "meeting", "request", "money", "threat", "report")
# How sensitive a request's target is, lowest first (index = level).
SENSITIVITY: tuple[str, ...] = ("harmless", "personal_data", "sensitive_place", "military")
DAY_SPAN_MAX = 62  # spans up to about two months are drawn day by day
WEEK_SPAN_MAX = 731  # up to two years week by week; longer spans month by month
SIGNS_SYNC_LIMIT = 5000  # above this many entries the signs are not evaluated here (pass them in)


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


def classifier_fingerprint() -> str:
    """Changes whenever a vocabulary request_level() reads changes: the stored levels of the
    overview's aggregates (core/store/overview_index.py) are then made again."""
    words = [(w.zh, w.en) for w in (v.SENSITIVE, v.INFO_STRONG, v.SENSITIVE_WEAK, v.PLACE,
                                     v.HARMLESS_TARGET)]
    return hashlib.sha256(repr(words).encode("utf-8")).hexdigest()[:16]


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

    @property
    def whole(self) -> bool:
        """Every live entry (no date, kind or person filter)."""
        return len(self.where) == 1

    def sql(self, extra: str = "") -> str:
        return " WHERE " + " AND ".join(self.where + ([extra] if extra else []))


def _rows(journal: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    # The store's database (one lock, one connection); narrow aggregated queries only.
    return list(journal.db.rows(sql, params))


# ------------------------------------------------------------------------------------ the data
def _local_day(utc_text: str) -> date:
    """The viewer's local date of a UTC time stamp ("2024-03-01T13", or a whole day at noon)."""
    if len(utc_text) == 7:  # a month
        utc_text += "-01"
    if len(utc_text) == 10:
        utc_text += "T12"
    return datetime.fromisoformat(utc_text[:13] + ":00:00+00:00").astimezone().date()


def overview_data(journal: Any, lang: str = "en", selection: ReportOptions | None = None,
                  signs: Sequence[SignLike] | None = None, people: bool = True) -> OverviewData:
    """The picture's data for the journal (or the report's ``selection``), in ``lang``.

    ``signs``: warning signs already evaluated (the window's signs page does it in the
    background); when None they are evaluated here for journals up to SIGNS_SYNC_LIMIT entries,
    otherwise ``signs_pending`` is set and the picture shows no sign markers yet.
    ``people``: False leaves ``counterparts`` empty (the window reads them with
    :func:`overview_people` after the picture is on screen).

    Days are the viewer's local days. The whole journal drawn week by week or month by month is
    read from the per-day aggregates of schema v7 (a few thousand rows at most); a selection, a
    span of days (counted per UTC hour) or aggregates still being rebuilt read the entries:
    counts and channels from index-only scans, the requests (their targets) and the payments and
    gifts (their amounts) row by row.
    """
    from journal.core.i18n import normalise_lang

    lang = normalise_lang(lang)
    f = _Filter(selection)
    refs: dict[str, EntryRef] = {}

    def ref(entry_id: str) -> EntryRef:  # filled with date and summary at the end, in one query
        r = refs.get(entry_id)
        if r is None:
            r = refs[entry_id] = EntryRef(entry_id, "", "")
        return r

    aggregated = f.whole and journal.overview_aggregates_current()
    if aggregated:
        total = int(_rows(journal, "SELECT coalesce(sum(n), 0) FROM overview_months")[0][0])
        head = _rows(journal, "SELECT (SELECT min(occurred_utc) FROM entries WHERE deleted_at IS "
                              "NULL), (SELECT max(occurred_utc) FROM entries WHERE deleted_at IS "
                              "NULL)")
        span = (head[0][0], head[0][1])
    else:
        head = _rows(journal, "SELECT count(*), min(e.occurred_utc), max(e.occurred_utc) "
                              "FROM entries e" + f.sql(), f.params)
        total = int(head[0][0]) if head else 0
        span = (head[0][1], head[0][2]) if head else (None, None)
    if not total:
        persons = _counterparts(journal, f, lang, ref) if people else []
        _fill(journal, refs)
        return OverviewData(lang, "", None, None, 0, [], {}, {}, [], [], [], False, persons, [])
    first_day, last_day = _local_day(span[0]), _local_day(span[1])
    unit = choose_unit(first_day, last_day)
    buckets = make_buckets(first_day, last_day, unit)
    starts = [b.start for b in buckets]
    days: dict[str, date] = {}
    group = {"day": 13, "week": 10, "month": 7}[unit]  # UTC hours, days or months

    def bucket_of(utc_text: str) -> Bucket:
        key = utc_text[:group]
        day = days.get(key)
        if day is None:
            day = days[key] = _local_day(key)
        return buckets[max(0, bisect_right(starts, day) - 1)]

    read = _Read(buckets, bucket_of, ref)
    if aggregated and unit != "day":
        _read_aggregates(journal, group, read, money_of_persons=people)
    else:
        _read_entries(journal, f, group, read)
    running: dict[str, Decimal] = {}
    for b in buckets:
        for cur, amt in read.money.get(b.start, {}).items():
            running[cur] = running.get(cur, Decimal(0)) + amt
        b.received = dict(running)
    currencies = order_currencies(running)
    channels = [ChannelSwitch(name, ref(eid), is_overseas_channel(name), n == 0)
                for n, (_utc, name, eid) in enumerate(sorted(read.channels.values()))]

    persons = _counterparts(journal, f, lang, ref, read.person_money) if people else []
    sign_marks, pending = _sign_marks(journal, lang, signs, total, f, read.escalation, ref)
    _fill(journal, refs)
    sign_marks.sort(key=lambda m: (m.entry.when, m.sign_id))
    return OverviewData(lang, unit, buckets[0].start, buckets[-1].end, total, buckets,
                        read.totals, {c: running[c] for c in currencies}, currencies, channels,
                        sign_marks, pending, persons, read.escalation)


def overview_people(journal: Any, lang: str = "en") -> list[Counterpart]:
    """The counterparts of the whole journal (what ``overview_data(..., people=True)`` lists)."""
    from journal.core.i18n import normalise_lang

    lang = normalise_lang(lang)
    f = _Filter(None)
    refs: dict[str, EntryRef] = {}

    def ref(entry_id: str) -> EntryRef:
        return refs.setdefault(entry_id, EntryRef(entry_id, "", ""))

    money: dict[str, dict[str, Decimal]] = {}
    if journal.overview_aggregates_current():
        _person_money_aggregated(journal, money)
    else:
        sql = ("SELECT e.kind, e.amount, e.value, e.currency, (SELECT group_concat(ep.person_id, "
               "' ') FROM entry_persons ep WHERE ep.entry_id = e.id) FROM entries e"
               + f.sql("((e.kind = 'payment' AND e.direction = 'received') OR e.kind = 'gift')"))
        for kind, amount, value, currency, pids in _rows(journal, sql, f.params):
            amt = _decimal(amount if kind == "payment" else value)
            if amt is not None:
                _add_money(money, (pids or "").split(), (currency or "CNY").upper(), amt)
    persons = _counterparts(journal, f, lang, ref, money)
    _fill(journal, refs)
    return persons


def _add_money(money: dict[str, dict[str, Decimal]], pids: Sequence[str], cur: str,
               amt: Decimal) -> None:
    for pid in pids:
        mine = money.setdefault(pid, {})
        mine[cur] = mine.get(cur, Decimal(0)) + amt


class _Read:
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
        self.person_money: dict[str, dict[str, Decimal]] = {}
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


def _read_aggregates(journal: Any, group: int, read: _Read, money_of_persons: bool) -> None:
    """The whole journal from schema v7's per-day tables (``group``: 10 or 7 characters of the
    UTC day, for weeks or months)."""
    # Counts and first entry per kind, request level and UTC day or month.
    sql = ("SELECT kind, level, day, n, first_utc, first_seq, first_id FROM overview_days"
           if group == 10 else "SELECT kind, level, month, n, first_utc, first_seq, first_id "
                               "FROM overview_months")
    for kind, level, g, n, first_utc, first_seq, eid in _rows(journal, sql):
        read.count(kind, g, int(n), first_utc, int(first_seq), eid)
        if kind == "request":
            read.request(read.bucket_of(g), int(level), int(n), eid)
    # Escalation: the first request of each level, in time order, whenever it is a new highest.
    highest = -1
    for level, _utc, _seq, eid in sorted(
            (r for r in _rows(journal, "SELECT level, min(first_utc), first_seq, first_id FROM "
                                       "overview_months WHERE kind = 'request' GROUP BY level")),
            key=lambda r: (r[1], r[2])):
        if level > highest:
            highest = level
            read.escalation.append((level, read.ref(eid)))
    # Money received per UTC day and currency (exact decimal sums as text).
    for g, cur, totals in _rows(journal, f"SELECT substr(day, 1, {group}) AS g, currency, "
                                         "group_concat(total, ' ') FROM overview_money "
                                         "GROUP BY g, currency"):
        read.received(g, cur, sum((Decimal(x) for x in totals.split()), Decimal(0)))
    for channel, utc, eid in _rows(journal, "SELECT channel, first_utc, first_id "
                                            "FROM overview_channels"):
        read.channel(channel, utc, eid)
    if money_of_persons:
        _person_money_aggregated(journal, read.person_money)


def _person_money_aggregated(journal: Any, money: dict[str, dict[str, Decimal]]) -> None:
    for pid, cur, amounts in _rows(
            journal, "SELECT ep.person_id, f.currency, group_concat(f.amount, ' ') "
                     "FROM overview_facts f JOIN entry_persons ep ON ep.entry_id = f.entry_id "
                     "WHERE f.currency IS NOT NULL GROUP BY ep.person_id, f.currency"):
        _add_money(money, [pid], cur, sum((Decimal(x) for x in amounts.split()), Decimal(0)))


def _read_entries(journal: Any, f: _Filter, group: int, read: _Read) -> None:
    """A selection (or the aggregates not ready): read from the entries and their indexes."""
    # Counts per kind and UTC hour, day or month, from the (kind, time, seq, id) index; the
    # bare columns come from the min() row: the first entry of the group.
    sql = (f"SELECT e.kind, substr(e.occurred_utc, 1, {group}) AS g, count(*), "
           "min(e.occurred_utc), e.seq, e.id FROM entries e" + f.sql() + " GROUP BY e.kind, g")
    for kind, g, n, first_utc, seq, eid in _rows(journal, sql, f.params):
        read.count(kind, g, int(n), first_utc, int(seq), eid)

    # Requests: the sensitivity of each target (same texts are classified once).
    levels: dict[str, int] = {}
    highest = -1
    sql = ("SELECT e.id, e.occurred_utc, e.task, e.target, e.summary FROM entries e"
           + f.sql("e.kind = 'request'") + " ORDER BY e.occurred_utc, e.seq")
    for eid, utc, task, target, summary in _rows(journal, sql, f.params):
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
    for utc, kind, amount, value, currency, pids in _rows(journal, sql, f.params):
        amt = _decimal(amount if kind == "payment" else value)
        if amt is None:
            continue
        cur = (currency or "CNY").upper()
        read.received(utc, cur, amt)
        _add_money(read.person_money, (pids or "").split(), cur, amt)

    # Channels: the first entry on each app, from the (id, time, kind, channel) index.
    sql = ("SELECT e.channel, min(e.occurred_utc), e.id FROM entries e INDEXED BY "
           "entries_overview" + f.sql("e.channel != ''") + " GROUP BY e.channel")
    for channel, utc, eid in _rows(journal, sql, f.params):
        read.channel(channel, utc, eid)


def _fill(journal: Any, refs: dict[str, EntryRef]) -> None:
    """Give every entry a marker stands for its date (as recorded) and summary."""
    ids = list(refs)
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        sql = (f"SELECT id, occurred_at, summary, precision FROM entries WHERE id IN "
               f"({','.join('?' * len(part))})")
        for eid, when, summary, precision in _rows(journal, sql, part):
            r = refs[eid]
            r.when, r.summary, r.precision = when, summary, precision or "exact"


def _sign_marks(journal: Any, lang: str, signs: Sequence[SignLike] | None, total: int, f: _Filter,
                escalation: list[tuple[int, EntryRef]],
                ref: Callable[[str], EntryRef]) -> tuple[list[SignMark], bool]:
    from journal.core.signs import evaluate_journal, sign_title

    if signs is None:
        if total > SIGNS_SYNC_LIMIT:
            return [], True
        signs = evaluate_journal(journal)
    if not signs:
        return [], False
    # a sign the user set aside as "not this" is no marker on the picture either
    set_aside = {d[0] for d in journal.sign_dismissals()}
    wanted = [s for s in signs if s.evidence and s.id not in set_aside]
    ids = list(dict.fromkeys(i for s in wanted for i in s.evidence))
    selected: set[str] = set()
    for chunk in range(0, len(ids), 500):  # evidence within the selection only
        part = ids[chunk:chunk + 500]
        sql = "SELECT e.id FROM entries e" + f.sql(f"e.id IN ({','.join('?' * len(part))})")
        selected.update(r[0] for r in _rows(journal, sql, f.params + part))
    sensitive_after = {r.id for level, r in escalation if level >= 2}
    marks: list[SignMark] = []
    for s in wanted:
        evidence = [i for i in s.evidence if i in selected]
        if evidence:
            marks.append(SignMark(s.id, s.level, sign_title(s.id, lang),
                                  ref(_appearance(s.id, evidence, sensitive_after))))
    return marks, False


def _appearance(sign_id: str, evidence: list[str], sensitive: set[str]) -> str:
    """The entry at which the sign first shows. Evidence is oldest first; two rules list the
    reference point before the entry that completes the pattern: the first contact before the
    first intimate one, and the harmless tasks before the first sensitive one."""
    if sign_id == "WS-FAST-INTIMACY" and len(evidence) > 1:
        return evidence[1]
    if sign_id == "WS-ESCALATION":
        later = [e for e in evidence if e in sensitive]
        return later[0] if later else evidence[-1]
    return evidence[0]


def _counterparts(journal: Any, f: _Filter, lang: str, ref: Callable[[str], EntryRef],
                  money: dict[str, dict[str, Decimal]] | None = None) -> list[Counterpart]:
    """Each person in the selected entries (the other side first: not family, not a teacher).
    Read from entry_persons joined to the (id, time, kind, channel) index: no entry rows."""
    from journal.core.signs import rules

    persons = {p.id: p for p in journal.list_persons()}
    trusted = rules.trusted_ids(persons.values())
    join = "FROM entry_persons ep JOIN entries e INDEXED BY entries_overview ON e.id = ep.entry_id"
    # per person and app: entries, requests, and the first entry (bare id of the min() row)
    stats: dict[str, list[Any]] = {}  # pid -> [entries, requests, first time, first id]
    channels: dict[str, list[tuple[str, str]]] = {}
    for pid, channel, n, requests, utc, eid in _rows(
            journal, "SELECT ep.person_id, e.channel, count(*), sum(e.kind = 'request'), "
                     f"min(e.occurred_utc), e.id {join}" + f.sql()
                     + " GROUP BY ep.person_id, e.channel", f.params):
        st = stats.setdefault(pid, [0, 0, utc, eid])
        st[0] += int(n)
        st[1] += int(requests or 0)
        if utc < st[2]:
            st[2], st[3] = utc, eid
        seen = channels.setdefault(pid, [])
        name = (channel or "").strip()
        if name and all(x.lower() != name.lower() for _u, x in seen):
            seen.append((utc, name))
    # first and last contact: the user's own report entries do not count as contact
    lasts = {r[0]: r[2] for r in _rows(
        journal, f"SELECT ep.person_id, max(e.occurred_utc), e.id {join}"
                 + f.sql("e.kind != 'report'") + " GROUP BY ep.person_id", f.params)}
    if money is None:
        money = {}
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
        last = lasts.get(pid)
        out.append(Counterpart(
            pid, p.name, claims, list(grouped.items()),
            [n for _u, n in sorted(channels.get(pid, []))], ref(row[3]),
            ref(last) if last else None, int(row[0]), int(row[1]),
            {c: sums[c] for c in order_currencies(sums)}, pid in trusted))
    out.sort(key=lambda c: (c.trusted, stats[c.id][2]))
    return out
