"""The attachments: the pictures themselves (reduced) with captions, then a list with SHA-256."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from journal.core.errors import JournalError
from journal.core.report import images
from journal.core.report.data import AttachmentRef
from journal.core.report.layout import FRAME_H, FRAME_W, OnceWrapped, Picture, clip, markup
from journal.core.report.sections.base import SectionBase

log = logging.getLogger(__name__)


class AttachmentsSection(SectionBase):
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
            self.header_row(
                ("report.att.no", "report.att.name", "report.att.size", "report.att.sha")
            )
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
                    OnceWrapped(markup(sha), self.s.mono),
                ]
            )
        self.stats.attachments = len(self.d.attachments)
        yield self.table(table, w)

    def origin(self, ref: AttachmentRef) -> str:
        if ref.entry is not None:
            return self.t(
                "report.att.of_entry",
                date=f"{self.ref(ref.entry)} {self.when(ref.entry)}",
                summary=clip(self.r(ref.entry.summary), 80),  # masked, then cut
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


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"
