"""The sections of the PDF report, one module each, and :class:`Builder` that puts them in order.

Every section is a mixin on :class:`~journal.core.report.sections.base.SectionBase` (the
collected data, styles and shared helpers); :meth:`Builder.story` yields the flowables lazily.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from journal.core.report.sections.attachments import AttachmentsSection
from journal.core.report.sections.base import CELL_LIMIT, Progress, SectionBase
from journal.core.report.sections.cover import CoverSection
from journal.core.report.sections.integrity import IntegritySection
from journal.core.report.sections.money import MoneySection
from journal.core.report.sections.people import PeopleSection
from journal.core.report.sections.signs import SignsSection
from journal.core.report.sections.timeline import TimelineSection
from journal.core.report.sections.where import WhereSection

__all__ = ["CELL_LIMIT", "Builder", "Progress", "SectionBase"]


class Builder(
    CoverSection,
    SignsSection,
    PeopleSection,
    TimelineSection,
    MoneySection,
    AttachmentsSection,
    IntegritySection,
    WhereSection,
):
    """Turns the collected data into platypus flowables."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sampled_lines = {}
        self._evidence_lines = {}

    def common_texts(self, sample: int = 200) -> Iterator[str]:
        """A sample of what the report draws most (the signs' texts and evidence lines, the
        timeline's lines of every n-th entry), for the order of the font's codes
        (:func:`journal.core.report.fonts.frequent_chars`)."""
        entries = self.d.entries
        for sign in self.d.signs or []:
            yield sign.title
            yield sign.explanation
            yield sign.advice
            yield from sign.reasons[::max(1, len(sign.reasons) // sample)]
            for eid in sign.evidence[::max(1, len(sign.evidence) // (sample // 4))]:
                entry = self.d.entry(eid)
                if entry:
                    yield self.evidence_line(entry)
        step = max(1, len(entries) // sample)
        att_numbers = {ref.attachment.id: ref.number for ref in self.d.attachments}
        for n in range(1, len(entries) + 1, step):
            lines = self.sampled_lines[n] = self.entry_lines(n, entries[n - 1], att_numbers)
            yield from lines.head
            yield lines.summary
            yield lines.fields
            yield from lines.details
            yield lines.attachments
            yield lines.recorded

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
