"""The PDF report (DESIGN §5): what a student brings to a teacher or to the authorities.

``build_pdf(journal, out_path, options, progress=None) -> ReportStats``. The PDF is laid out in
memory, encrypted in memory when a password is given, and written atomically (a temporary name
in the chosen folder, then renamed). The story is generated lazily as the layout consumes it, so
memory stays flat as entries grow. Pictures are read one at a time and reduced in memory, in a
helper process when one can be started (our own code, fed through a pipe: never a file), so
that decoding runs alongside the layout; only the reduced copies go into the PDF.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from journal.core.errors import ExportError, InputError, JournalError
from journal.core.models import KINDS, Entry
from journal.core.money import format_amount
from journal.core.report import images
from journal.core.report.data import AttachmentRef, ReportData, collect
from journal.core.report.fonts import register_font
from journal.core.report.layout import (
    ACCENT,
    FRAME_H,
    FRAME_W,
    HEAD_BG,
    INK,
    KIND_COLOURS,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_H,
    PAGE_W,
    ROW_ALT,
    RULE,
    EntryHead,
    LazyStory,
    Picture,
    Styles,
    TextLine,
    Tick,
    chunks,
    clip,
    markup,
    numbered_canvas,
    para,
)
from journal.core.report.options import ProgressCallback, ReportOptions, ReportStats
from journal.core.report.texts import choice, kind_name, tr
from journal.core.timeparse import format_when

log = logging.getLogger(__name__)

CELL_LIMIT = 600  # characters of free text in a table cell (the timeline has the full text)


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = max(1, total)
        self.done = 0

    def step(self, n: int = 1) -> None:
        self.done = min(self.total, self.done + n)
        if self.callback:
            self.callback(self.done, self.total)

    def finish(self) -> None:
        self.done = self.total
        if self.callback:
            self.callback(self.total, self.total)


class _Builder:
    """Turns the collected data into platypus flowables."""

    def __init__(
        self,
        journal: Any,
        data: ReportData,
        styles: Styles,
        progress: _Progress,
        stats: ReportStats,
    ) -> None:
        self.journal = journal
        self.d = data
        self.s = styles
        self.lang = data.lang
        self.r = data.redactor
        self.progress = progress
        self.stats = stats
        self.colon = "：" if self.lang == "zh" else ": "
        self.prefetcher: images.Prefetcher | None = None

    # --- small helpers --------------------------------------------------------------------
    def t(self, key: str, **params: object) -> str:
        return tr(key, self.lang, **params)

    def p(self, text: str, style: Any = None, *, redact: bool = True) -> Flowable:
        return para(self.s, self.r(text) if redact else text, style)

    def when(self, entry: Entry) -> str:
        return format_when(entry.occurred_at, entry.precision, self.lang)

    def when_cell(self, entry: Entry) -> str:
        """A date for a narrow table column: the time (if any) on a second line."""
        text = self.when(entry)
        if entry.precision == "exact" and " " in text:
            date_part, _, time_part = text.rpartition(" ")
            return f"{date_part}\n{time_part}"
        return text

    def day(self, dt: datetime) -> str:
        return format_when(dt, "day", self.lang)

    def utc(self, dt: datetime) -> str:
        return format_when(dt.astimezone(UTC), "exact", self.lang) + " UTC"

    def names(self, entry: Entry) -> str:
        names = [self.d.person_by_id[p].name for p in entry.persons if p in self.d.person_by_id]
        return "、".join(names) if self.lang == "zh" else ", ".join(names)

    def money(self, amount: Decimal | None, currency: str | None) -> str:
        return format_amount(amount, currency or "") if amount is not None else ""

    def bullet(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.s.for_text(self.s.bullet, text), bulletText="•")

    def tstyle(self, cmds: list[tuple[Any, ...]]) -> TableStyle:
        """A table style in the embedded face (plain-string cells would otherwise use Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.s.font), *cmds])

    def heading(self, key: str, style: Any = None) -> Paragraph:
        text = self.t(key)
        p = Paragraph(markup(text), self.s.for_text(style or self.s.h1, text))
        p._outline = (text, 0 if style is None else 1)  # type: ignore[attr-defined]
        return p

    def cell(self, text: str) -> str:
        """A short value as a plain string cell: no paragraph layout (fast); \n breaks lines."""
        return self.r(text)

    def cellp(
        self, text: str, *, head: bool = False, limit: int = CELL_LIMIT, redact: bool = True
    ) -> Paragraph:
        shown = self.r(text) if redact else text
        shown = clip(shown, limit)
        style = self.s.cell_head if head else self.s.cell
        return Paragraph(markup(shown), self.s.for_text(style, shown))  # wraps in its column

    def table(
        self,
        rows: list[list[Any]],
        widths: list[float],
        *,
        header: bool = True,
        total_rows: int = 0,
    ) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
        cmds: list[tuple[Any, ...]] = [
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("LEADING", (0, 0), (-1, -1), 11.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if header:
            cmds.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
            cmds.append(("TEXTCOLOR", (0, 0), (-1, 0), ACCENT))
            for i in range(2, len(rows) - total_rows, 2):
                cmds.append(("BACKGROUND", (0, i), (-1, i), ROW_ALT))
        if total_rows:
            cmds.append(
                (
                    "LINEABOVE",
                    (0, len(rows) - total_rows),
                    (-1, len(rows) - total_rows),
                    0.9,
                    ACCENT,
                )
            )
        table.setStyle(self.tstyle(cmds))
        return table

    def kv_table(self, rows: list[tuple[str, str]], label_w: float = 38 * mm) -> Table:
        cells = [
            [self.cellp(k, head=True, redact=False), self.cellp(v, limit=1500)]
            for k, v in rows
            if v
        ]
        table = Table(cells, colWidths=[label_w, FRAME_W - label_w], hAlign="LEFT")
        table.setStyle(
            self.tstyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return table

    def totals_lines(self, groups: tuple[str, ...]) -> list[tuple[str, str]]:
        lines = []
        for group in groups:
            sums = self.d.totals.get(group) or {}
            if sums:
                value = "\n".join(format_amount(v, cur) for cur, v in sums.items())
                lines.append((self.t(f"report.totals.{group}"), value))
        return lines

    # --- sections -------------------------------------------------------------------------
    def story(self) -> Iterator[Flowable]:
        """The flowables in order, made lazily: pictures are fetched only when layout nears them."""
        yield from self.cover()
        if not self.d.empty:
            yield PageBreak()
            if self.d.signs is not None:
                yield from self.signs()
                yield CondPageBreak(60 * mm)
            yield from self.people()
            yield PageBreak()
            yield from self.timeline()
            yield PageBreak()
            yield from self.requests()
            yield from self.payments()
            yield from self.gifts()
            if self.d.attachments:
                yield PageBreak()
                yield from self.attachments()
        # an empty report stays short: everything on as few pages as possible
        yield CondPageBreak(120 * mm) if self.d.empty else PageBreak()
        yield from self.integrity()
        yield CondPageBreak(90 * mm)
        yield from self.where()

    def cover(self) -> list[Flowable]:
        d, s = self.d, self.s
        out: list[Flowable] = [
            Spacer(1, 14 * mm),
            Paragraph(markup(self.t("report.confidential")).upper(), s.confidential),
            self.p(self.t("report.title"), s.title, redact=False),
            self.p(self.t("report.subtitle"), s.subtitle, redact=False),
        ]
        rows: list[tuple[str, str]] = []
        if d.options.prepared_by.strip():
            rows.append((self.t("report.cover.prepared_by"), d.options.prepared_by.strip()))
        rows.append((self.t("report.cover.prepared_on"), self.day(d.made_at)))
        if d.entries:
            first, last = d.entries[0], d.entries[-1]
            rows.append(
                (
                    self.t("report.cover.period"),
                    self.t(
                        "report.cover.period_value", start=self.when(first), end=self.when(last)
                    ),
                )
            )
        else:
            rows.append((self.t("report.cover.period"), self.t("report.cover.period_none")))
        rows.append((self.t("report.cover.selection"), self.selection_text()))
        out += [self.kv_table(rows), Spacer(1, 6 * mm)]
        if d.options.redact:
            out += [
                self.p(self.t("report.cover.masked_note"), s.body, redact=False),
                Spacer(1, 2 * mm),
            ]
        if d.empty:
            out += [self.p(self.t("report.cover.empty"), s.empty, redact=False)]
            return out
        # counts
        out.append(self.p(self.t("report.cover.counts"), s.h2, redact=False))
        count_rows: list[tuple[str, str]] = [
            (kind_name(k, self.lang), str(d.counts[k])) for k in KINDS if d.counts.get(k)
        ]
        count_rows.append((self.t("report.cover.entries_total"), str(len(d.entries))))
        if d.signs is not None:
            present = sum(1 for x in d.signs if x.level == "present")
            count_rows.append(
                (
                    self.t("report.cover.signs_total"),
                    self.t(
                        "report.cover.signs_value", present=present, possible=len(d.signs) - present
                    ),
                )
            )
        count_rows.append((self.t("report.cover.people_total"), str(len(d.persons))))
        count_rows.append((self.t("report.cover.attachments_total"), str(len(d.attachments))))
        out.append(self.kv_table(count_rows, label_w=60 * mm))
        out.append(self.p(self.t("report.cover.money"), s.h2, redact=False))
        money = self.totals_lines(("received", "promised", "sent", "gifts", "offered"))
        if money:
            out.append(self.kv_table(money, label_w=60 * mm))
        else:
            out.append(self.p(self.t("report.cover.no_money"), redact=False))
        out += [Spacer(1, 6 * mm), self.p(self.t("report.cover.about"), s.small, redact=False)]
        return out

    def selection_text(self) -> str:
        o = self.d.options
        parts: list[str] = []
        if o.since:
            parts.append(
                self.t("report.cover.since", date=format_when(_aware(o.since), "day", self.lang))
            )
        if o.until:
            parts.append(
                self.t("report.cover.until", date=format_when(_aware(o.until), "day", self.lang))
            )
        if o.kinds is not None:
            parts.append(
                self.t(
                    "report.cover.kinds_only",
                    kinds=self.sep().join(kind_name(k, self.lang) for k in o.kinds),
                )
            )
        if o.person_ids:
            names = [self.d.person_by_id[p].name for p in o.person_ids if p in self.d.person_by_id]
            parts.append(self.t("report.cover.persons_only", names=self.sep().join(names)))
        return (
            ("; " if self.lang == "en" else "；").join(parts)
            if parts
            else self.t("report.cover.all_entries")
        )

    def sep(self) -> str:
        return "、" if self.lang == "zh" else ", "

    def ref(self, entry: Entry) -> str:
        n = self.d.number_of.get(entry.id)
        return f"#{n}" if n else ""

    def signs(self) -> list[Flowable]:
        out: list[Flowable] = [
            self.heading("report.section.signs"),
            self.p(self.t("report.signs.intro"), self.s.small, redact=False),
        ]
        signs = self.d.signs or []
        self.stats.signs = len(signs)
        if not signs:
            return out + [self.p(self.t("report.signs.none"), redact=False)]
        for sign in signs:
            level = self.t(f"report.signs.level.{sign.level}")
            colour = "#a61b1b" if sign.level == "present" else "#b26a00"
            head = Paragraph(
                f'<font color="{colour}">■ {markup(level)}</font>  {markup(sign.title)}'
                f'  <font size="7.5" color="#5f6b7a">{markup(sign.id)}</font>',
                self.s.for_text(self.s.h3, sign.title),
            )
            block: list[Flowable] = [head]
            if sign.explanation:
                block.append(self.p(sign.explanation, self.s.details, redact=False))
            evidence = []
            for eid in sign.evidence:
                entry = self.d.entry(eid)
                if entry:
                    evidence.append(
                        f"{self.ref(entry)} {self.when(entry)} · {kind_name(entry.kind, self.lang)} · "
                        f"{self.r(clip(entry.summary, 120))}"
                    )
            if evidence:
                block.append(
                    self.p(
                        self.t("report.signs.evidence") + ("：" if self.lang == "zh" else ":"),
                        self.s.fields,
                        redact=False,
                    )
                )
                for line in evidence:
                    block.append(
                        Paragraph(
                            markup(line), self.s.for_text(self.s.evidence, line), bulletText="–"
                        )
                    )
            if sign.advice:
                colon = "：" if self.lang == "zh" else ": "
                block.append(
                    self.p(
                        self.t("report.signs.advice") + colon + sign.advice,
                        self.s.fields,
                        redact=False,
                    )
                )
            block.append(Spacer(1, 3 * mm))
            out.append(KeepTogether(block))
        return out

    def people(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("report.section.people")]
        if not self.d.persons:
            return out + [self.p(self.t("report.people.none"), redact=False)]
        for person in self.d.persons:
            span = self.d.spans.get(person.id)
            rows: list[tuple[str, str]] = []
            if person.aliases:
                rows.append(
                    (self.t("report.people.aliases"), self.r(self.sep().join(person.aliases)))
                )
            if person.role or person.organisation:
                if person.role and person.organisation:
                    claim = self.t(
                        "report.people.claims_value",
                        role=person.role,
                        organisation=person.organisation,
                    )
                else:
                    claim = person.role or person.organisation
                rows.append((self.t("report.people.claims"), self.r(claim)))
            if person.platform:
                rows.append((self.t("report.people.platform"), self.r(person.platform)))
            if person.handles:
                handles = "\n".join(
                    f"{choice('handle', h.kind, self.lang)}{self.colon}{self.r.handle(h.kind, h.value)}"
                    for h in person.handles
                )
                rows.append((self.t("report.people.handles"), handles))
            if span and span.first and span.last:
                rows.append(
                    (
                        self.t("report.people.first"),
                        f"{self.when(span.first)} ({self.ref(span.first)})",
                    )
                )
                rows.append(
                    (
                        self.t("report.people.last"),
                        f"{self.when(span.last)} ({self.ref(span.last)})",
                    )
                )
                rows.append((self.t("report.people.entries"), str(span.count)))
            if person.notes:
                rows.append((self.t("report.people.notes"), self.r(person.notes)))
            name = Paragraph(markup(self.r(person.name)), self.s.for_text(self.s.h2, person.name))
            block: list[Flowable] = [name]
            if rows:
                # the values are already masked where needed
                block.append(self._kv_prepared(rows))
            out.append(KeepTogether(block))
        return out

    def _kv_prepared(self, rows: list[tuple[str, str]]) -> Table:
        label_w = 38 * mm
        cells = [
            [self.cellp(k, head=True, redact=False), self.cellp(v, limit=1500, redact=False)]
            for k, v in rows
            if v
        ]
        table = Table(cells, colWidths=[label_w, FRAME_W - label_w], hAlign="LEFT")
        table.setStyle(
            self.tstyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ]
            )
        )
        return table

    def entry_fields(self, e: Entry) -> list[str]:
        f: list[str] = []

        def add(key: str, value: str | None) -> None:
            if value:
                f.append(f"{self.t(key)}{self.colon}{value}")

        if e.kind == "request":
            add("report.field.task", e.task)
            add("report.field.target", e.target)
            add("report.field.status", choice("status", e.status, self.lang))
            add("report.field.pay_offered", self.money(e.amount, e.currency))
        elif e.kind == "payment":
            add("report.field.amount", self.money(e.amount, e.currency))
            add("report.field.direction", choice("direction", e.direction, self.lang))
            add("report.field.method", choice("method", e.method, self.lang))
        elif e.kind == "gift":
            add("report.field.item", e.item)
            add("report.field.value", self.money(e.value, e.currency))
        if e.medium:
            add("report.field.medium", choice("medium", e.medium, self.lang))
        if e.initiated_by:
            add("report.field.initiated_by", choice("initiated", e.initiated_by, self.lang))
        add("report.field.reported_to", choice("channel", e.reported_to, self.lang))
        add("report.field.reference", e.reference)
        add("report.field.officer", e.officer)
        add("report.field.channel", e.channel)
        add("report.field.location", e.location)
        if e.witnesses:
            add("report.field.witnesses", self.sep().join(e.witnesses))
        if e.tags:
            add("report.field.tags", self.sep().join(e.tags))
        return f

    def timeline(self) -> Iterator[Flowable]:
        yield self.heading("report.section.timeline")
        yield self.p(self.t("report.timeline.intro"), self.s.small, redact=False)
        yield Spacer(1, 2 * mm)
        att_numbers = {ref.attachment.id: ref.number for ref in self.d.attachments}
        for n, e in enumerate(self.d.entries, start=1):
            # an entry's head and summary never sit alone at the foot of a page
            yield CondPageBreak(28 * mm)
            yield EntryHead(
                self.s.font,
                f"#{n}",
                self.when(e),
                kind_name(e.kind, self.lang),
                self.r(self.names(e)),
                KIND_COLOURS.get(e.kind, "#5f6b7a"),
            )
            yield self.p(clip(e.summary, 2000), self.s.summary)
            fields = self.entry_fields(e)
            if fields:
                yield self.p("  ·  ".join(fields), self.s.fields)
            for piece in chunks(self.r(e.details)) if e.details else []:
                yield para(self.s, piece, self.s.details)
            if e.attachments:
                listed = self.sep().join(
                    f"A{att_numbers.get(a.id, '?')} {a.filename}" for a in e.attachments
                )
                yield self.p(
                    f"{self.t('report.field.attachments')}{self.colon}{listed}", self.s.fields
                )
            recorded = f"{self.t('report.field.recorded')} {self.utc(e.recorded_at)}"
            if e.revision > 1:
                recorded += " (" + self.t("report.field.edited", n=e.revision) + ")"
            yield TextLine(self.s.font, recorded, 7.5, MUTED, indent=8, space_after=6)
            yield Tick(self.progress.step)

    def requests(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("report.section.requests")]
        rows = [e for e in self.d.entries if e.kind == "request"]
        if not rows:
            return out + [self.p(self.t("report.requests.none"), redact=False), Spacer(1, 4 * mm)]
        w = [10 * mm, 26 * mm, 54 * mm, 40 * mm, 20 * mm, FRAME_W - 150 * mm]
        table: list[list[Any]] = [
            [
                self.cellp(self.t(k), head=True, redact=False)
                for k in (
                    "report.att.no",
                    "report.field.date",
                    "report.field.task",
                    "report.field.target",
                    "report.field.status",
                    "report.field.pay_offered",
                )
            ]
        ]
        for e in rows:
            table.append(
                [
                    self.ref(e),
                    self.when_cell(e),
                    self.cellp(e.task or e.summary),
                    self.cellp(e.target or ""),
                    choice("status", e.status, self.lang),
                    self.money(e.amount, e.currency),
                ]
            )
        totals = self.d.totals.get("offered") or {}
        if totals:
            table.append(
                [
                    self.cellp(""),
                    self.cellp(self.t("report.field.total"), head=True),
                    "",
                    "",
                    "",
                    self.cellp("\n".join(format_amount(v, c) for c, v in totals.items())),
                ]
            )
        out += [self.table(table, w, total_rows=1 if totals else 0), Spacer(1, 6 * mm)]
        return out

    def payments(self) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(40 * mm), self.heading("report.section.payments")]
        rows = [e for e in self.d.entries if e.kind == "payment"]
        if not rows:
            return out + [self.p(self.t("report.payments.none"), redact=False), Spacer(1, 4 * mm)]
        w = [10 * mm, 26 * mm, 18 * mm, 30 * mm, 24 * mm, 28 * mm, FRAME_W - 136 * mm]
        table: list[list[Any]] = [
            [
                self.cellp(self.t(k), head=True, redact=False)
                for k in (
                    "report.att.no",
                    "report.field.date",
                    "report.field.direction",
                    "report.field.amount",
                    "report.field.method",
                    "report.field.from_to",
                    "report.field.summary",
                )
            ]
        ]
        for e in rows:
            table.append(
                [
                    self.ref(e),
                    self.when_cell(e),
                    choice("direction", e.direction, self.lang),
                    self.money(e.amount, e.currency),
                    self.cellp(choice("method", e.method, self.lang)),
                    self.cellp(self.names(e)),
                    self.cellp(e.summary, limit=300),
                ]
            )
        out.append(self.table(table, w))
        lines = self.totals_lines(("received", "promised", "sent"))
        if lines:
            out += [Spacer(1, 2 * mm), self.kv_table(lines, label_w=60 * mm)]
        out.append(Spacer(1, 6 * mm))
        return out

    def gifts(self) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(40 * mm), self.heading("report.section.gifts")]
        rows = [e for e in self.d.entries if e.kind == "gift"]
        if not rows:
            return out + [self.p(self.t("report.gifts.none"), redact=False)]
        w = [10 * mm, 26 * mm, 40 * mm, 28 * mm, 28 * mm, FRAME_W - 132 * mm]
        table: list[list[Any]] = [
            [
                self.cellp(self.t(k), head=True, redact=False)
                for k in (
                    "report.att.no",
                    "report.field.date",
                    "report.field.item",
                    "report.field.value",
                    "report.field.from_to",
                    "report.field.summary",
                )
            ]
        ]
        for e in rows:
            table.append(
                [
                    self.ref(e),
                    self.when_cell(e),
                    self.cellp(e.item or ""),
                    self.money(e.value, e.currency),
                    self.cellp(self.names(e)),
                    self.cellp(e.summary, limit=300),
                ]
            )
        totals = self.d.totals.get("gifts") or {}
        if totals:
            table.append(
                [
                    self.cellp(""),
                    self.cellp(self.t("report.field.total"), head=True),
                    "",
                    self.cellp("\n".join(format_amount(v, c) for c, v in totals.items())),
                    "",
                    "",
                ]
            )
        out.append(self.table(table, w, total_rows=1 if totals else 0))
        return out

    def attachments(self) -> Iterator[Flowable]:
        o = self.d.options
        yield self.heading("report.section.attachments")
        yield self.p(self.t("report.att.intro"), self.s.small, redact=False)
        draw = o.include_attachments and not o.redact
        if o.redact:
            yield self.p(self.t("report.att.masked"), self.s.body, redact=False)
        elif not o.include_attachments:
            yield self.p(self.t("report.att.left_out"), self.s.body, redact=False)
        notes: dict[int, str] = {}
        if draw:
            for ref in self.d.attachments:
                if not images.looks_like_image(ref.attachment):
                    notes[ref.number] = self.t("report.att.not_image")
                    continue
                picture = self.picture(ref)
                if picture is None:
                    notes[ref.number] = self.t("report.att.unreadable")
                    self.stats.warnings.append(ref.attachment.filename)
                    continue
                yield KeepTogether([picture, self.p(self.caption(ref), self.s.caption)])
        yield CondPageBreak(40 * mm)
        yield self.heading("report.att.list", self.s.h2)
        w = [12 * mm, 58 * mm, 18 * mm, FRAME_W - 88 * mm]
        table: list[list[Any]] = [
            [
                self.cellp(self.t(k), head=True, redact=False)
                for k in ("report.att.no", "report.att.name", "report.att.size", "report.att.sha")
            ]
        ]
        for ref in self.d.attachments:
            a = ref.attachment
            name = a.filename
            if a.caption:
                name += "\n" + a.caption
            name += "\n" + self.origin(ref)
            if ref.number in notes:
                name += "\n(" + notes[ref.number] + ")"
            sha = a.sha256[:32] + "\n" + a.sha256[32:]
            table.append(
                [
                    self.cellp(f"A{ref.number}"),
                    self.cellp(name, limit=400),
                    self.cellp(_size(a.size), redact=False),
                    Paragraph(markup(sha), self.s.mono),
                ]
            )
        self.stats.attachments = len(self.d.attachments)
        yield self.table(table, w)

    def origin(self, ref: AttachmentRef) -> str:
        if ref.entry is not None:
            return self.t(
                "report.att.of_entry",
                date=f"{self.ref(ref.entry)} {self.when(ref.entry)}",
                summary=clip(ref.entry.summary, 80),
            )
        if ref.person is not None:
            return self.t("report.att.of_person", name=ref.person.name)
        return ""

    def caption(self, ref: AttachmentRef) -> str:
        a = ref.attachment
        parts = [f"A{ref.number}  {a.filename}"]
        if a.caption:
            parts.append(a.caption)
        parts.append(self.origin(ref))
        return "  —  ".join(p for p in parts if p)

    def picture(self, ref: AttachmentRef) -> Picture | None:
        if self.prefetcher is not None:
            prepared = self.prefetcher.get(ref.attachment.id)
        else:
            try:
                raw = self.journal.attachment_data(ref.attachment.id)
            except JournalError:
                log.warning("attachment could not be read for the report")
                return None
            prepared = images.prepare(raw)
            del raw
        self.progress.step()
        if prepared is None:
            return None
        jpeg, w, h = prepared
        picture = Picture(jpeg, w, h, max_h=FRAME_H * 0.5)
        picture.on_drawn = self._image_drawn
        return picture

    def _image_drawn(self) -> None:
        self.stats.images += 1
        self.progress.step()

    def integrity(self) -> list[Flowable]:
        d = self.d
        out: list[Flowable] = [
            self.heading("report.section.integrity"),
            self.p(self.t("report.integrity.intro"), redact=False),
        ]
        rows = [
            (self.t("report.integrity.head"), ""),
            (self.t("report.integrity.exported"), self.made_at()),
            (self.t("report.integrity.file"), Path(getattr(self.journal, "path", "")).name),
        ]
        table = self.kv_table([(k, v) for k, v in rows if v], label_w=45 * mm)
        head = Table(
            [
                [
                    self.cellp(self.t("report.integrity.head"), head=True, redact=False),
                    Paragraph(markup(d.head_hash or "—"), self.s.mono),
                ]
            ],
            colWidths=[45 * mm, FRAME_W - 45 * mm],
            hAlign="LEFT",
        )
        head.setStyle(
            self.tstyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, -1), HEAD_BG),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        out += [
            Spacer(1, 3 * mm),
            head,
            table,
            Spacer(1, 4 * mm),
            self.p(self.t("report.integrity.how"), redact=False),
            self.command_box(),
        ]
        return out

    def made_at(self) -> str:
        made = self.d.made_at
        if made.utcoffset():
            return (
                format_when(made, "exact", self.lang, with_zone=True) + "  (" + self.utc(made) + ")"
            )
        return self.utc(made)

    def command_box(self) -> Table:
        name = Path(getattr(self.journal, "path", "journal.ijournal")).name
        command = f'journal-cli --journal "{name}" verify'
        box = Table([[Paragraph(markup(command), self.s.code)]], colWidths=[FRAME_W], hAlign="LEFT")
        box.setStyle(
            self.tstyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), HEAD_BG),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return box

    def where(self) -> list[Flowable]:
        out: list[Flowable] = [
            Spacer(1, 8 * mm),
            self.heading("report.section.where"),
            self.p(self.t("report.where.intro"), redact=False),
        ]
        for key in ("hotline", "online", "wechat", "office"):
            out.append(self.bullet(self.t(f"report.where.{key}")))
        out += [
            Spacer(1, 2 * mm),
            self.p(self.t("report.where.teacher"), redact=False),
            self.p(self.t("report.where.bring"), self.s.h2, redact=False),
        ]
        for key in ("devices", "screens", "gifts", "report"):
            out.append(self.bullet(self.t(f"report.where.bring_{key}")))
        out += [Spacer(1, 3 * mm), self.p(self.t("report.where.dont"), redact=False)]
        return out


def _aware(day: Any) -> datetime:
    return datetime(day.year, day.month, day.day).astimezone()


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


class _Doc(BaseDocTemplate):
    def __init__(self, buffer: BytesIO, on_flowable: Callable[[Flowable], None], **kw: Any) -> None:
        super().__init__(
            buffer,
            pagesize=(PAGE_W, PAGE_H),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kw,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_W,
            FRAME_H,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._on_flowable = on_flowable
        self._outline_n = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline:
            text, level = outline
            self._outline_n += 1
            key = f"s{self._outline_n}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
        self._on_flowable(flowable)


def _check_out_path(journal: Any, out_path: Path) -> Path:
    out = Path(out_path).expanduser()
    if out.exists() and out.is_dir():
        raise ExportError("report.error.is_directory", path=str(out))
    journal_path = getattr(journal, "path", None)
    if journal_path is not None:
        try:
            if out.resolve() == Path(journal_path).resolve():
                raise InputError("report.error.is_journal", field="path")
        except OSError:
            pass
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError("error.not_writable", path=str(out))
    if out.exists() and not os.access(out, os.W_OK):
        raise ExportError("error.not_writable", path=str(out))
    return out


def write_atomically(out: Path, payload: bytes) -> None:
    """Write ``payload`` to ``out`` through a temporary name in the same folder."""
    fd = -1
    tmp = ""
    try:
        fd, tmp = tempfile.mkstemp(
            dir=str(out.parent), prefix="." + out.name[:40] + ".", suffix=".part"
        )
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
        tmp = ""
    except OSError as exc:
        log.warning("report could not be written: %s", type(exc).__name__)
        raise ExportError("error.not_writable", path=str(out)) from exc
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """AES-256 protect a PDF, in memory."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def render(
    journal: Any,
    options: ReportOptions,
    progress: ProgressCallback | None = None,
    stats: ReportStats | None = None,
) -> bytes:
    """Lay the report out and return the PDF bytes (not encrypted)."""
    stats = stats if stats is not None else ReportStats()
    # Binary streams: ASCII85 (reportlab's default, pure Python here) made pictures 10x slower.
    rl_config.useA85 = 0
    font = register_font()
    helper = None
    if options.include_attachments and not options.redact and _has_pictures(journal):
        helper = images.start_helper()  # starts while the entries are read and signs computed
    try:
        return _render(journal, options, progress, stats, font, helper)
    finally:
        if helper is not None:
            helper.close()


def _has_pictures(journal: Any) -> bool:
    try:
        return any(images.looks_like_image(a) for a in journal.list_attachments())
    except (JournalError, AttributeError):
        return False


def _render(
    journal: Any,
    options: ReportOptions,
    progress: ProgressCallback | None,
    stats: ReportStats,
    font: str,
    helper: Any,
) -> bytes:
    data = collect(journal, options)
    images_count = 0
    if options.include_attachments and not options.redact:
        images_count = sum(1 for r in data.attachments if images.looks_like_image(r.attachment))
    # steps: one per entry laid out, two per picture (prepared, drawn), one for finishing
    tracker = _Progress(progress, len(data.entries) + 2 * images_count + 1)
    styles = Styles(font, data.lang)
    builder = _Builder(journal, data, styles, tracker, stats)
    if images_count:
        builder.prefetcher = images.Prefetcher(
            journal,
            [r.attachment for r in data.attachments if images.looks_like_image(r.attachment)],
            helper=helper,
        )
    story = LazyStory(builder.story())
    stats.entries = len(data.entries)
    stats.persons = len(data.persons)
    stats.attachments = len(data.attachments)

    title = tr("report.title", data.lang)
    footer = tr("report.masked_copy", data.lang) if options.redact else ""
    footer = (footer + "  ·  " if footer else "") + format_when(data.made_at, "day", data.lang)
    canvasmaker = numbered_canvas(
        font,
        tr("report.confidential", data.lang),
        title,
        lambda page, pages: tr("report.page_of", data.lang, page=page, pages=pages),
        footer,
    )
    buffer = BytesIO()
    doc = _Doc(
        buffer,
        lambda f: None,
        title=title,
        author="",
        subject=tr("report.subtitle", data.lang),
        creator="Incident Journal",
        lang="zh-CN" if data.lang == "zh" else "en",
    )
    try:
        doc.build(story, canvasmaker=canvasmaker)
    finally:
        if builder.prefetcher is not None:
            builder.prefetcher.close()
    stats.pages = doc.page
    tracker.finish()
    return buffer.getvalue()


def build_pdf(
    journal: Any,
    out_path: os.PathLike[str] | str,
    options: ReportOptions,
    progress: ProgressCallback | None = None,
) -> ReportStats:
    """Make the PDF report and write it to ``out_path`` (atomically). See the module doc."""
    started = time.perf_counter()
    options = options.validated()
    out = _check_out_path(journal, Path(out_path))
    stats = ReportStats()
    try:
        pdf = render(journal, options, progress, stats)
    except JournalError:
        raise
    except Exception as exc:  # a layout failure must not leave a half file or a raw trace
        log.error("report layout failed: %s", type(exc).__name__)
        raise ExportError("error.export", detail=type(exc).__name__) from exc
    if options.password is not None:
        pdf = encrypt_pdf(pdf, options.password)
        stats.encrypted = True
    write_atomically(out, pdf)
    stats.bytes = len(pdf)
    stats.seconds = time.perf_counter() - started
    log.info(
        "report written: %d pages, %d entries, %d images, %.2f s",
        stats.pages,
        stats.entries,
        stats.images,
        stats.seconds,
    )
    return stats
