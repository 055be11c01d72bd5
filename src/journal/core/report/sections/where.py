"""The last page: where to report (12339 and the other official channels) and what to bring."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from journal.core.report.sections.base import SectionBase


class WhereSection(SectionBase):
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
