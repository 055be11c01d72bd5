"""The timeline: every selected entry in full, in order, numbered #1, #2, …"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from journal.core import fields
from journal.core.models import Entry
from journal.core.report.layout import (
    KIND_COLOURS,
    MUTED,
    EntryHead,
    TextLine,
    chunks,
    clip,
    para,
)
from journal.core.report.sections.base import SectionBase
from journal.core.report.texts import kind_name


class TimelineSection(SectionBase):
    sampled_lines: dict[int, EntryLines]  # made early for the font's codes, kept until laid out

    def entry_fields(self, e: Entry) -> list[str]:
        """``label: value`` for every filled field the timeline shows (core/fields decides which
        and their labels); money through :meth:`money`, lists joined, free text redacted later."""
        f = [f"{label}{self.colon}{text}" for label, text in fields.kind_rows(e, self.lang)]
        for name in ("channel", "location", "witnesses", "tags"):
            text = fields.display(fields.FIELDS[name], getattr(e, name), self.lang)
            if text:
                f.append(f"{fields.field_label(name, self.lang)}{self.colon}{text}")
        return f

    def timeline(self) -> Iterator[Flowable]:
        yield self.heading("report.section.timeline")
        yield self.p(self.t("report.timeline.intro"), self.s.small, redact=False)
        yield Spacer(1, 2 * mm)
        att_numbers = {ref.attachment.id: ref.number for ref in self.d.attachments}
        for n, e in enumerate(self.d.entries, start=1):
            lines = self.sampled_lines.pop(n, None) or self.entry_lines(n, e, att_numbers)
            # an entry's head and summary never sit alone at the foot of a page
            yield CondPageBreak(28 * mm)
            yield EntryHead(self.s.font, *lines.head, KIND_COLOURS.get(e.kind, "#5f6b7a"))
            yield self.p(lines.summary, self.s.summary, redact=False)
            if lines.fields:
                yield self.p(lines.fields, self.s.fields, redact=False)
            for piece in lines.details:
                yield para(self.s, piece, self.s.details)
            if lines.attachments:
                yield self.p(lines.attachments, self.s.fields, redact=False)
            yield TextLine(self.s.font, lines.recorded, 7.5, MUTED, indent=8, space_after=6,
                           on_drawn=self.progress.step)

    def entry_lines(self, n: int, e: Entry, att_numbers: dict[str, int]) -> EntryLines:
        """The texts of entry #n in the timeline, masked where the copy is masked."""
        fields = self.entry_fields(e)
        listed = ""
        if e.attachments:
            listed = self.sep().join(
                f"A{att_numbers.get(a.id, '?')} {a.filename}" for a in e.attachments
            )
            listed = self.r(f"{self.t('report.field.attachments')}{self.colon}{listed}")
        recorded = f"{self.t('report.field.recorded')} {self.recorded(e.recorded_at)}"
        if e.revision > 1:
            recorded += self.paren(self.t("report.field.edited", n=e.revision))
        return EntryLines(
            head=(f"#{n}", self.when(e), kind_name(e.kind, self.lang), self.r(self.names(e))),
            summary=clip(self.r(e.summary), 2000),
            fields=self.r("  ·  ".join(fields)) if fields else "",
            details=chunks(self.r(e.details)) if e.details else [],
            attachments=listed,
            recorded=recorded,
        )


class EntryLines(NamedTuple):
    head: tuple[str, str, str, str]  # number, when, kind, people
    summary: str
    fields: str
    details: list[str]
    attachments: str
    recorded: str
