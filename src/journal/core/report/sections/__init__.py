"""The sections of the PDF report, one module each, and :class:`Builder` that puts them in order.

Every section is a mixin on :class:`~journal.core.report.sections.base.SectionBase` (the
collected data, styles and shared helpers); :meth:`Builder.story` yields the flowables lazily.
"""

from __future__ import annotations

from collections.abc import Iterator

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
