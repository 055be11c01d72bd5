"""A plain-text summary (at most 2,000 characters) to paste into an online report form."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any

from journal.core import fields
from journal.core.models import Entry, Person
from journal.core.money import format_amount
from journal.core.report import queries
from journal.core.report.data import (
    ENTRY_BATCH,
    ReportData,
    SignView,
    entry_batches,
    load_signs,
    money_totals,
    selection_filters,
    shown_persons,
)
from journal.core.report.options import ReportOptions
from journal.core.report.redact import Redactor
from journal.core.report.texts import tr
from journal.core.signs import counterpart_ids
from journal.core.timeparse import format_when, show_when

MAX_CHARS = 2000


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _limited(items: list[str], budget: int, lang: str, sep: str, total: int | None = None) -> str:
    """Join as many items as fit in ``budget`` characters, then "and n more". ``total``: how many
    items there are in all when ``items`` holds only the first ones (see :class:`_Kept`)."""
    total = len(items) if total is None else total
    shown: list[str] = []
    used = 0
    for i, item in enumerate(items):
        more = tr("report.text.more", lang, n=total - i)
        if used + len(item) + len(sep) + len(more) + 2 > budget and shown:
            shown.append(more)
            return sep.join(shown)
        shown.append(item)
        used += len(item) + len(sep)
    if total > len(items):  # the rest was not kept: none of it could have fitted
        shown.append(tr("report.text.more", lang, n=total - len(items)))
    return sep.join(shown)


class _Kept:
    """The first items of a list, as many as :func:`_limited` could show within ``budget``,
    and how many there are in all: a summary of 100,000 entries keeps a few dozen strings."""

    def __init__(self, budget: int, sep: str) -> None:
        self.budget, self.sep = budget, sep
        self.items: list[str] = []
        self.total = 0
        self._used = 0

    @property
    def full(self) -> bool:
        return self._used > self.budget

    def add(self, item: str) -> None:
        self.total += 1
        if not self.full:
            self.items.append(item)
            self._used += len(item) + len(self.sep)

    def count(self) -> None:
        """One more item that will not be shown (``full``): only counted."""
        self.total += 1

    def text(self, lang: str) -> str:
        return _limited(self.items, self.budget, lang, self.sep, self.total)


class _Summary:
    """What the summary says about the entries, gathered one entry at a time (oldest first)."""

    def __init__(self, lang: str, redactor: Redactor) -> None:
        self.lang = lang
        self.r = redactor
        zh = lang == "zh"
        self.sep = "；" if zh else "; "
        self.count = 0
        self.first: Entry | None = None
        self.last: Entry | None = None
        self.asked = _Kept(520, self.sep)
        self.gifts = _Kept(200, "、" if zh else ", ")

    def add(self, e: Entry) -> None:
        self.count += 1
        if self.first is None:
            self.first = e
        self.last = e
        self.add_item(e)

    def add_item(self, e: Entry) -> None:
        """A request or a gift: kept while it can be shown, else counted."""
        if e.kind == "request":
            if self.asked.full:
                self.asked.count()
            else:
                self.asked.add(self._request(e))
        elif e.kind == "gift":
            if self.gifts.full:
                self.gifts.count()
            else:
                self.gifts.add(_clip(self.r(e.item or e.summary), 40))

    def _request(self, e: Entry) -> str:
        zh = self.lang == "zh"
        what = e.task or e.summary
        if e.target:
            what += (" — " if not zh else "——") + e.target
        if e.amount is not None:
            what += (
                f" ({format_amount(e.amount, e.currency or '')})"
                if not zh
                else f"（报酬 {format_amount(e.amount, e.currency or '')}）"
            )
        if e.status:
            status = fields.choice_label("status", e.status, self.lang)
            what += f"（{status}）" if zh else f" [{status}]"
        return _clip(self.r(what), 160)

    def text(self, made_at: datetime, who_persons: list[Person],
             totals: dict[str, dict[str, Decimal]], signs: list[SignView] | None,
             files: int) -> str:
        lang, r, sep = self.lang, self.r, self.sep
        zh = lang == "zh"
        colon = "：" if zh else ": "
        lines: list[str] = [tr("report.text.header", lang, date=format_when(made_at, "day", lang))]
        if self.first is None or self.last is None:
            lines.append(tr("report.text.nothing", lang))
            return "\n".join(lines)
        who: list[str] = []
        for p in who_persons:
            bits = [r(p.name)]
            claim = (
                " ".join(x for x in (p.organisation, p.role) if x)
                if zh
                else ", ".join(x for x in (p.role, p.organisation) if x)
            )
            extra = [x for x in (r(claim), r(p.platform)) if x]
            if extra:
                bits.append(("（" + "，".join(extra) + "）") if zh else (" (" + ", ".join(extra) + ")"))
            who.append("".join(bits))
        if who:
            lines.append(tr("report.text.who", lang) + colon + _limited(who, 350, lang, sep))
        first, last = self.first, self.last
        lines.append(
            tr(
                "report.text.since",
                lang,
                first=show_when(first.occurred_at, first.precision, lang),
                last=show_when(last.occurred_at, last.precision, lang),
                n=self.count,
            )
        )
        if self.asked.total:
            lines.append(tr("report.text.asked", lang) + colon + self.asked.text(lang))

        money: list[str] = []
        for group in (b for b in fields.BUCKET_IDS if b != "offered"):
            sums = totals.get(group) or {}
            if sums:
                money.append(
                    fields.bucket_label(group, lang)
                    + " "
                    + ", ".join(format_amount(v, c) for c, v in sums.items())
                )
        if self.gifts.total:
            money.append(tr("report.text.gift_items", lang, items=self.gifts.text(lang)))
        if money:
            lines.append(tr("report.text.paid", lang) + colon + sep.join(money))

        counted = [s for s in signs or [] if s.dismissed is None]  # not those set aside
        if counted:
            titles = [s.title for s in counted if s.level == "present"] or [s.title for s in counted]
            lines.append(tr("report.text.signs", lang) + colon + _limited(titles, 380, lang, sep))
        lines.append(tr("report.text.evidence", lang, entries=self.count, files=files))
        text = "\n".join(lines)
        if len(text) > MAX_CHARS:
            # keep the evidence line whole; shorten what is before it
            tail = "\n" + lines[-1]
            text = text[: MAX_CHARS - len(tail) - 1].rstrip() + "…" + tail
        return text


def summary_from(data: ReportData) -> str:
    """The summary of entries already collected (the PDF's cover, the overview page)."""
    summary = _Summary(data.lang, data.redactor)
    for e in data.entries:
        summary.add(e)
    others = counterpart_ids(data.entries, data.persons)  # not the teacher who helped, not family
    who = [p for p in data.persons if p.id in others]
    return summary.text(data.made_at, who, data.totals, data.signs, len(data.attachments))


def build_text(journal: Any, options: ReportOptions, signs: list[Any] | None = None) -> str:
    """The summary for an online report form, in ``options.lang`` (≤ 2,000 characters).

    Never every entry at once: from the selected ids (a covering index) it loads the first and
    last entry and the first requests and gifts that fit; when each person first appears and
    whether in an event other than a report, the money totals and the attachments counted come
    from grouped queries (:mod:`journal.core.report.queries`: a fixed number of statements
    whatever the number of persons); the warning signs come from the signs engine
    (:func:`load_signs`).
    A selection of persons is read in batches of entries instead. ``signs``: results already
    evaluated (the window's), so that they are not evaluated twice."""
    options = options.validated()
    if options.person_ids:
        return _text_in_batches(journal, options, signs)
    all_persons: list[Person] = list(journal.list_persons())
    summary = _Summary(options.lang, Redactor(all_persons, options.redact))
    filters = selection_filters(options)
    if filters is None:
        return summary.text(datetime.now().astimezone(), [], {}, [], 0)
    # the whole journal: counted, its first and last entry looked up, not its 100,000 ids read
    # (every live entry is selected: ``selected`` None below)
    whole = not any(filters.values())
    ids: list[str] = journal.entry_ids(newest_first=False, limit=1) \
        + journal.entry_ids(newest_first=True, limit=1) if whole \
        else journal.entry_ids(newest_first=False, **filters)
    if not ids:
        return summary.text(datetime.now().astimezone(), [], {}, [], 0)
    kinds = filters["kinds"] or list(fields.KIND_IDS)
    first_entry, last_entry = journal.get_entries([ids[0], ids[-1]]) if len(ids) > 1 else \
        journal.get_entries(ids) * 2
    count = journal.count_entries() if whole else len(ids)
    summary.count, summary.first, summary.last = count, first_entry, last_entry
    for kind, kept in (("request", summary.asked), ("gift", summary.gifts)):
        if kind in kinds:
            of_kind = journal.entry_ids(newest_first=False, **dict(filters, kinds=[kind]))
            for e in _first_entries(journal, of_kind, kept):
                summary.add_item(e)
            kept.total = len(of_kind)
    selection = queries.Selection.of(filters)
    events = [k for k in kinds if k != "report"]  # what counterpart_ids() counts as an event
    known = {p.id for p in all_persons}
    seen = {pid: s for pid, s in queries.persons_seen(journal, selection, events).items()
            if pid in known}
    first_seen = {pid: s.first for pid, s in seen.items()}
    # one event of each person who has one: the same counterparts as all their events give
    samples = journal.get_entries(sorted({s.event_id for s in seen.values() if s.event_id}))
    others = counterpart_ids(samples, all_persons)
    selected = None if whole else set(ids)
    files, of_persons = queries.attachment_counts(journal, selected)
    raw_totals = queries.money_totals(journal, selection)
    shown = shown_persons(all_persons, set(first_seen), options)
    files += sum(of_persons.get(p.id, 0) for p in shown)
    shown.sort(key=lambda p: (0, first_seen[p.id], p.name) if p.id in first_seen
               else (1, 0.0, p.name))
    who = [p for p in shown if p.id in others]
    shown_signs = load_signs(journal, options.lang, selected, signs, reasons=False)
    return summary.text(datetime.now().astimezone(), who, money_totals(raw_totals), shown_signs,
                        files)


def _first_entries(journal: Any, ids: list[str], kept: _Kept) -> Iterator[Entry]:
    """The entries of ``ids`` in order until ``kept`` is full: loaded 16 at first, then in larger
    batches (a summary shows the first dozen requests or so of tens of thousands)."""
    start, size = 0, 16
    while start < len(ids) and not kept.full:
        for e in journal.get_entries(ids[start:start + size]):
            if kept.full:
                return
            yield e
        start += size
        size = min(size * 4, ENTRY_BATCH)


def _text_in_batches(journal: Any, options: ReportOptions, signs: list[Any] | None = None) -> str:
    """The summary of a selection of persons: every selected entry is looked at, in batches
    (the filter on several persons is applied to loaded entries)."""
    all_persons: list[Person] = list(journal.list_persons())
    summary = _Summary(options.lang, Redactor(all_persons, options.redact))
    first_seen: dict[str, float] = {}
    others: set[str] = set()
    files = 0
    selected: set[str] = set()
    raw_totals: dict[str, dict[str, Decimal]] = {}
    for batch in entry_batches(journal, options):
        for e in batch:
            summary.add(e)
            selected.add(e.id)
            files += len(e.attachments)
            for pid in e.persons:
                first_seen.setdefault(pid, e.occurred_at.timestamp())
        others |= counterpart_ids(batch, all_persons)
        for group, sums in journal.totals(batch).items():
            bucket = raw_totals.setdefault(group, {})
            for currency, amount in sums.items():
                bucket[currency] = bucket.get(currency, Decimal(0)) + Decimal(amount)
    shown = shown_persons(all_persons, set(first_seen), options)
    files += sum(len(journal.list_attachments(person_id=p.id)) for p in shown)
    shown.sort(key=lambda p: (0, first_seen[p.id], p.name) if p.id in first_seen
               else (1, 0.0, p.name))
    who = [p for p in shown if p.id in others]
    shown_signs = load_signs(journal, options.lang, selected, signs, reasons=False) if selected else []
    return summary.text(datetime.now().astimezone(), who, money_totals(raw_totals), shown_signs,
                        files)
