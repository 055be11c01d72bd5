"""The integrity page: the head of the audit chain, when the report was made, how to check it."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from journal.core.report.layout import FRAME_W, HEAD_BG, OnceWrapped, markup
from journal.core.report.sections.base import SectionBase


class IntegritySection(SectionBase):
    def integrity(self) -> list[Flowable]:
        d = self.d
        out: list[Flowable] = [
            self.heading("report.section.integrity"),
            self.p(self.t("report.integrity.intro"), redact=False),
        ]
        rows = [
            (self.t("report.integrity.head"), ""),
            (self.t("report.integrity.records"), str(d.records)),
            (self.t("report.integrity.exported"), self.made_at()),
            (self.t("report.integrity.file"), Path(getattr(self.journal, "path", "")).name),
        ]
        table = self.kv_table([(k, v) for k, v in rows if v], label_w=45 * mm)
        head = Table(
            [
                [
                    self.cellp(self.t("report.integrity.head"), head=True, redact=False),
                    OnceWrapped(markup(d.head_hash or "—"), self.s.mono),
                ],
                [
                    self.cellp(self.t("report.integrity.key"), head=True, redact=False),
                    OnceWrapped(markup(d.key_fingerprint or "—"), self.s.mono),
                ],
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
            Spacer(1, 4 * mm),
            self.p(self.t("report.integrity.later", records=d.records), redact=False),
            self.command_box(expect_head=d.head_hash),
            Spacer(1, 2 * mm),
            self.p(self.t("report.integrity.scope"), redact=False),
            Spacer(1, 2 * mm),
            self.p(self.t("report.integrity.key_note"), redact=False),
        ]
        return out

    def made_at(self) -> str:
        """When the report was made, by the one display rule (timeparse.show_when)."""
        return self.recorded(self.d.made_at)

    def command_box(self, expect_head: str | None = None) -> Table:
        name = Path(getattr(self.journal, "path", "journal.ijournal")).name
        command = f'journal-cli --journal "{name}" verify'
        if expect_head:
            command += f" --expect-head {expect_head}"
        box = Table([[OnceWrapped(markup(command), self.s.code)]], colWidths=[FRAME_W], hAlign="LEFT")
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
