"""The data of the overview picture: what happened when, read with a few aggregated queries.

    data = overview_data(journal, "zh")                     # the whole journal
    data = overview_data(journal, "en", selection=options)  # a report's selection (ReportOptions)
    data = overview_data(journal, "en", signs=results)      # reuse signs evaluated elsewhere

Nothing here loads every entry: counts per local day and kind come from one GROUP BY, requests
and money from narrow column reads, channel switches from one GROUP BY over the channel. Only the
few entries a marker stands for are named (id, date, summary). No Qt.

The parts, each in its module: the data's shape (:mod:`.model`), the time buckets
(:mod:`.timebuckets`), what a request's target or a channel is (:mod:`.classify`), how the
journal is queried (:mod:`.query`), the counts per bucket (:mod:`.reading`), sums of money
(:mod:`.money`), the warning signs' marks (:mod:`.signmarks`) and the counterparts
(:mod:`.people`). Their public names are also importable from here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from journal.core.overview import query
from journal.core.overview.classify import (
    classifier_fingerprint,
    is_overseas_channel,
    request_level,
)
from journal.core.overview.model import (
    LANES,
    SENSITIVITY,
    Bucket,
    ChannelSwitch,
    Counterpart,
    EntryRef,
    OverviewData,
    RequestMark,
    SignLike,
    SignMark,
)
from journal.core.overview.money import order_currencies
from journal.core.overview.people import counterparts, overview_people
from journal.core.overview.query import Refs, Selection
from journal.core.overview.reading import Read, read_aggregates, read_entries
from journal.core.overview.signmarks import SIGNS_SYNC_LIMIT, sign_marks
from journal.core.overview.timebuckets import (
    DAY_SPAN_MAX,
    WEEK_SPAN_MAX,
    choose_unit,
    local_day,
    make_buckets,
)

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.report.options import ReportOptions

__all__ = ["DAY_SPAN_MAX", "LANES", "SENSITIVITY", "SIGNS_SYNC_LIMIT", "WEEK_SPAN_MAX", "Bucket",
           "ChannelSwitch", "Counterpart", "EntryRef", "OverviewData", "RequestMark", "SignLike",
           "SignMark", "choose_unit", "classifier_fingerprint", "is_overseas_channel",
           "make_buckets", "order_currencies", "overview_data", "overview_people",
           "request_level"]


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
    f = Selection(selection)
    refs = Refs()  # filled with their date and summary at the end
    ref = refs.ref

    aggregated = f.whole and journal.overview_aggregates_current()
    if aggregated:
        total = int(query.rows(journal, "SELECT coalesce(sum(n), 0) FROM overview_months")[0][0])
        head = query.rows(journal, "SELECT (SELECT min(occurred_utc) FROM entries WHERE deleted_at IS "
                              "NULL), (SELECT max(occurred_utc) FROM entries WHERE deleted_at IS "
                              "NULL)")
        span = (head[0][0], head[0][1])
    else:
        head = query.rows(journal, "SELECT count(*), min(e.occurred_utc), max(e.occurred_utc) "
                              "FROM entries e" + f.sql(), f.params)
        total = int(head[0][0]) if head else 0
        span = (head[0][1], head[0][2]) if head else (None, None)
    if not total:
        persons = counterparts(journal, f, lang, ref) if people else []
        refs.fill(journal)
        return OverviewData(lang, "", None, None, 0, [], {}, {}, [], [], [], False, persons, [])
    first_day, last_day = local_day(span[0]), local_day(span[1])
    unit = choose_unit(first_day, last_day)
    buckets = make_buckets(first_day, last_day, unit)
    starts = [b.start for b in buckets]
    days: dict[str, date] = {}
    group = {"day": 13, "week": 10, "month": 7}[unit]  # UTC hours, days or months

    def bucket_of(utc_text: str) -> Bucket:
        key = utc_text[:group]
        day = days.get(key)
        if day is None:
            day = days[key] = local_day(key)
        return buckets[max(0, bisect_right(starts, day) - 1)]

    read = Read(buckets, bucket_of, ref)
    if aggregated and unit != "day":
        read_aggregates(journal, group, read, money_of_persons=people)
    else:
        read_entries(journal, f, group, read)
    running: dict[str, Decimal] = {}
    for b in buckets:
        for cur, amt in read.money.get(b.start, {}).items():
            running[cur] = running.get(cur, Decimal(0)) + amt
        b.received = dict(running)
    currencies = order_currencies(running)
    channels = [ChannelSwitch(name, ref(eid), is_overseas_channel(name), n == 0)
                for n, (_utc, name, eid) in enumerate(sorted(read.channels.values()))]

    persons = counterparts(journal, f, lang, ref, read.person_money, read.person_gifts) \
        if people else []
    marks, pending = sign_marks(journal, lang, signs, total, f, read.escalation, ref)
    refs.fill(journal)
    marks.sort(key=lambda m: (m.entry.when, m.sign_id))
    return OverviewData(lang, unit, buckets[0].start, buckets[-1].end, total, buckets,
                        read.totals, {c: running[c] for c in currencies}, currencies, channels,
                        marks, pending, persons, read.escalation)
