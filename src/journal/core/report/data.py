"""Gathering what a report shows: the selected entries, the people, totals, signs.

Shared by the PDF and the plain-text summary. Attachments are referenced here, never loaded:
the PDF fetches each file's bytes only when it draws it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from journal.core import fields
from journal.core.models import Attachment, Entry, Person
from journal.core.report.options import ReportOptions
from journal.core.report.redact import Redactor
from journal.core.signs import POSSIBLE, PRESENT, evaluate_journal

log = logging.getLogger(__name__)

TOTAL_GROUPS = fields.BUCKET_IDS  # received, promised, sent, gifts, offered
ENTRY_BATCH = 500


@dataclass
class PersonSpan:
    first: Entry | None = None
    last: Entry | None = None
    count: int = 0


@dataclass
class SignView:
    """A warning sign as the report shows it (texts already in the report's language)."""

    id: str
    level: str  # "present" or "possible"
    title: str
    explanation: str
    advice: str
    evidence: list[str]  # entry ids within the report
    reasons: list[str] = field(default_factory=list)  # why, in plain words (report's language)
    dismissed: str | None = None  # the user's reason for setting the sign aside ("not this")


@dataclass
class AttachmentRef:
    number: int  # A1, A2, … in the report
    attachment: Attachment
    entry: Entry | None = None
    person: Person | None = None


@dataclass
class ReportData:
    options: ReportOptions
    entries: list[Entry]  # oldest first
    persons: list[Person]  # people shown
    person_by_id: dict[str, Person]
    spans: dict[str, PersonSpan]
    counts: dict[str, int]
    totals: dict[str, dict[str, Decimal]]
    attachments: list[AttachmentRef]
    signs: list[SignView] | None  # None: the section was not asked for (with_signs=False)
    head_hash: str
    redactor: Redactor
    made_at: datetime
    number_of: dict[str, int] = field(default_factory=dict)  # entry id → #n in the timeline
    key_fingerprint: str = ""  # the journal's signing key (journal.core.signing), readable form
    whole_journal: bool = True
    records: int = 0  # audit records in the chain, the last of which is head_hash

    @property
    def lang(self) -> str:
        return self.options.lang

    @property
    def empty(self) -> bool:
        return not self.entries

    def entry(self, entry_id: str) -> Entry | None:
        n = self.number_of.get(entry_id)
        return self.entries[n - 1] if n else None


def _bound(day: date, end: bool) -> datetime:
    """Start (or end) of a local day, as an aware datetime."""
    if end:
        return datetime.combine(day, time(23, 59, 59, 999999)).astimezone()
    return datetime.combine(day, time(0, 0)).astimezone()


def select_entries(journal: Any, options: ReportOptions) -> list[Entry]:
    """The entries the options select, oldest first (deleted entries are never reported)."""
    since = _bound(options.since, False) if options.since else None
    until = _bound(options.until, True) if options.until else None
    person_ids = options.person_ids
    single = person_ids[0] if person_ids and len(person_ids) == 1 else None
    entries = journal.list_entries(
        kinds=list(options.kinds) if options.kinds else None,
        person_id=single,
        since=since,
        until=until,
        newest_first=False,
    )
    if person_ids and len(person_ids) > 1:
        wanted = set(person_ids)
        entries = [e for e in entries if wanted.intersection(e.persons)]
    if options.kinds is not None and not options.kinds:
        entries = []
    entries.sort(key=lambda e: (e.occurred_at, e.recorded_at))
    return list(entries)


def selection_filters(options: ReportOptions) -> dict[str, Any] | None:
    """``Journal.entry_ids`` filters for the options' kinds, dates and a single person (several
    persons are filtered on loaded entries); None when nothing can be selected."""
    if options.kinds is not None and not options.kinds:
        return None
    person_ids = options.person_ids
    return {"kinds": list(options.kinds) if options.kinds else None,
            "person_id": person_ids[0] if person_ids and len(person_ids) == 1 else None,
            "since": _bound(options.since, False) if options.since else None,
            "until": _bound(options.until, True) if options.until else None}


def entry_batches(journal: Any, options: ReportOptions,
                  size: int = ENTRY_BATCH) -> Iterator[list[Entry]]:
    """The entries :func:`select_entries` gives, in the same order, ``size`` at a time: for
    whatever reads the whole journal without holding it (the plain-text summary)."""
    filters = selection_filters(options)
    if filters is None:
        return
    person_ids = options.person_ids
    wanted = set(person_ids) if person_ids and len(person_ids) > 1 else None
    ids = journal.entry_ids(newest_first=False, **filters)
    for i in range(0, len(ids), size):
        batch = journal.get_entries(ids[i:i + size])
        if wanted is not None:
            batch = [e for e in batch if wanted.intersection(e.persons)]
        if batch:
            yield batch


def shown_persons(all_persons: list[Person], in_entries: set[str],
                  options: ReportOptions) -> list[Person]:
    """The people a report shows: those of the selected entries, and those asked for (or, for
    the whole journal, everyone not deleted). Not yet in order."""
    whole = not (options.since or options.until or options.kinds is not None or options.person_ids)
    shown_ids = set(in_entries)
    if options.person_ids:
        by_id = {p.id for p in all_persons}
        shown_ids.update(p for p in options.person_ids if p in by_id)
    elif whole:
        shown_ids.update(p.id for p in all_persons if not p.deleted)
    return [p for p in all_persons if p.id in shown_ids]


def money_totals(raw: dict[str, dict[str, Any]]) -> dict[str, dict[str, Decimal]]:
    """Sums per group and currency as a report shows them: currencies sorted, zeros left out."""
    out: dict[str, dict[str, Decimal]] = {}
    for group in TOTAL_GROUPS:
        sums = raw.get(group) or {}
        out[group] = {cur: Decimal(v) for cur, v in sorted(sums.items()) if Decimal(v) != 0}
    return out


def _totals(journal: Any, entries: list[Entry]) -> dict[str, dict[str, Decimal]]:
    return money_totals(journal.totals(entries) if entries else {})


def load_signs(journal: Any, lang: str, selected: set[str] | None,
               results: list[Any] | None = None, *, reasons: bool = True) -> list[SignView]:
    """Warning signs with evidence among the selected entries (None: every entry not in the
    trash, which is all the evidence there is), present ones first; ``results``
    are signs already evaluated (the window's), else the engine evaluates them. An error of the
    engine is raised: a report must not leave the section out without saying why.

    The reasons are worded for the selected evidence entries alone (and from the persons' own
    records); ``reasons=False`` words none (the summary shows the signs' titles only)."""
    views: list[SignView] = []
    for result in evaluate_journal(journal) if results is None else results:
        if result.level not in (PRESENT, POSSIBLE):
            continue
        evidence = list(result.evidence) if selected is None else \
            [i for i in result.evidence if i in selected]
        if not evidence:
            continue
        # reasons of the selected entries only (and those from a person's own record)
        why = [r.text(lang) for r in result.reasons_for(evidence)] if reasons else []
        dismissal = result.dismissed
        views.append(
            SignView(
                id=result.id,
                level=result.level,
                title=result.title(lang),
                explanation=result.explanation(lang),
                advice=result.advice(lang),
                evidence=evidence,
                reasons=why,
                dismissed=dismissal.reason if dismissal is not None else None,
            )
        )
    views.sort(key=lambda v: (v.dismissed is not None, v.level != PRESENT, v.id))
    return views


def collect(journal: Any, options: ReportOptions, *, with_signs: bool = True) -> ReportData:
    entries = select_entries(journal, options)
    all_persons: list[Person] = list(journal.list_persons())
    person_by_id = {p.id: p for p in all_persons}
    whole = not (options.since or options.until or options.kinds is not None or options.person_ids)

    spans: dict[str, PersonSpan] = {}
    for entry in entries:
        for pid in entry.persons:
            span = spans.setdefault(pid, PersonSpan())
            if span.first is None:
                span.first = entry
            span.last = entry
            span.count += 1
    persons = shown_persons(all_persons, set(spans), options)

    def order(p: Person) -> tuple[int, float, str]:
        first = spans[p.id].first if p.id in spans else None
        return (0, first.occurred_at.timestamp(), p.name) if first else (1, 0.0, p.name)

    persons.sort(key=order)

    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1

    refs: list[AttachmentRef] = []
    for entry in entries:
        for att in entry.attachments:
            refs.append(AttachmentRef(len(refs) + 1, att, entry=entry))
    for person in persons:
        for att in journal.list_attachments(person_id=person.id):
            refs.append(AttachmentRef(len(refs) + 1, att, person=person))

    selected = {e.id for e in entries}
    signs: list[SignView] | None = None
    if with_signs:
        signs = load_signs(journal, options.lang, selected) if entries else []

    data = ReportData(
        options=options,
        entries=entries,
        persons=persons,
        person_by_id=person_by_id,
        spans=spans,
        counts=counts,
        totals=_totals(journal, entries),
        attachments=refs,
        signs=signs,
        head_hash=journal.chain_position()[1],
        records=journal.chain_position()[0],
        redactor=Redactor(all_persons, options.redact),
        made_at=datetime.now().astimezone(),
        whole_journal=whole,
        key_fingerprint=journal.signing_fingerprint(),
    )
    data.number_of = {e.id: i + 1 for i, e in enumerate(entries)}
    return data


def period(entries: list[Entry]) -> tuple[Entry, Entry] | None:
    if not entries:
        return None
    return entries[0], entries[-1]
