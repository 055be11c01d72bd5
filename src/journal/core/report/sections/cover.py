"""The cover page: title, who prepared it, the period and selection, counts and money totals."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from journal.core.models import KINDS
from journal.core.report.layout import FRAME_W, OnceWrapped, markup
from journal.core.report.sections.base import SectionBase
from journal.core.report.texts import kind_name
from journal.core.timeparse import format_when


class CoverSection(SectionBase):
    def cover(self) -> list[Flowable]:
        d, s = self.d, self.s
        out: list[Flowable] = [
            Spacer(1, 4 * mm),
            OnceWrapped(markup(self.t("report.private_notice")).upper(), s.confidential),
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
        out += [self.kv_table(rows), Spacer(1, 3 * mm)]
        if d.options.redact:
            out += [
                self.p(self.t("report.cover.masked_note"), s.body, redact=False),
                Spacer(1, 2 * mm),
            ]
        if d.empty:
            out += [self.p(self.t("report.cover.empty"), s.empty, redact=False)]
            return out
        out += self.at_a_glance()
        # counts
        out.append(self.p(self.t("report.cover.counts"), s.h2, redact=False))
        count_rows: list[tuple[str, str]] = [
            (kind_name(k, self.lang), str(d.counts[k])) for k in KINDS if d.counts.get(k)
        ]
        count_rows.append((self.t("report.cover.entries_total"), str(len(d.entries))))
        if d.signs is not None:
            counted = [x for x in d.signs if x.dismissed is None]  # not those the user set aside
            present = sum(1 for x in counted if x.level == "present")
            count_rows.append(
                (
                    self.t("report.cover.signs_total"),
                    self.t(
                        "report.cover.signs_value", present=present, possible=len(counted) - present
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

    def at_a_glance(self) -> list[Flowable]:
        """The short narrative (the text of ``export text``, masked when redacting) and the
        overview picture as vector graphics."""
        from journal.core.overview import overview_data
        from journal.core.overview.drawing import overview_drawing
        from journal.core.overview.texts import t
        from journal.core.report.text import summary_from

        # without the "summary made on" line and the closing line about the evidence
        lines = summary_from(self.d).split("\n")[1:-1]
        data = overview_data(self.journal, self.lang, selection=self.d.options,
                             signs=list(self.d.signs or []))
        drawing = overview_drawing(data, FRAME_W, 120 * mm, font=7.2)
        out: list[Flowable] = [
            self.p(t("overview.cover.picture", self.lang), self.s.h2, redact=False),
            drawing,
            Spacer(1, 2 * mm),
        ]
        out += [self.p(line, self.s.small, redact=False) for line in lines if line.strip()]
        return out + [Spacer(1, 4 * mm)]

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


def _aware(day: Any) -> datetime:
    return datetime(day.year, day.month, day.day).astimezone()
