"""The tables of requests, payments and gifts, with their totals by currency."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from journal.core.models import Entry
from journal.core.report.layout import FRAME_W
from journal.core.report.sections.base import SectionBase
from journal.core.report.texts import choice

# every table opens with the entry's number and date; payments and gifts end with who and what
_LEAD = ("report.att.no", "report.field.date")
_TAIL = ("report.field.from_to", "field:summary")


class MoneySection(SectionBase):
    def _lead(self, e: Entry) -> list[Any]:
        return [self.ref(e), self.when_cell(e)]

    def _tail(self, e: Entry) -> list[Any]:
        return [self.cellp(self.names(e)), self.cellp(e.summary, limit=300)]

    def requests(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("report.section.requests")]
        rows = [e for e in self.d.entries if e.kind == "request"]
        if not rows:
            return out + [self.p(self.t("report.requests.none"), redact=False), Spacer(1, 4 * mm)]
        w = [10 * mm, 26 * mm, 54 * mm, 40 * mm, 20 * mm, FRAME_W - 150 * mm]
        table: list[list[Any]] = [
            self.header_row(
                (
                    *_LEAD,
                    "field:task",
                    "field:target",
                    "field:status",
                    "field:amount:request",
                )
            )
        ]
        for e in rows:
            table.append(
                [
                    *self._lead(e),
                    self.cellp(e.task or e.summary),
                    self.cellp(e.target or ""),
                    self.cellp(choice("status", e.status, self.lang)),
                    self.money(e.amount, e.currency),
                ]
            )
        totals = self.d.totals.get("offered") or {}
        if totals:
            table.append(self.total_row(len(w), 5, totals))
        out += [self.table(table, w, total_rows=1 if totals else 0), Spacer(1, 6 * mm)]
        return out

    def payments(self) -> list[Flowable]:
        out: list[Flowable] = [CondPageBreak(40 * mm), self.heading("report.section.payments")]
        rows = [e for e in self.d.entries if e.kind == "payment"]
        if not rows:
            return out + [self.p(self.t("report.payments.none"), redact=False), Spacer(1, 4 * mm)]
        w = [10 * mm, 26 * mm, 18 * mm, 30 * mm, 24 * mm, 28 * mm, FRAME_W - 136 * mm]
        table: list[list[Any]] = [
            self.header_row(
                (
                    *_LEAD,
                    "field:direction",
                    "field:amount",
                    "field:method",
                    *_TAIL,
                )
            )
        ]
        for e in rows:
            table.append(
                [
                    *self._lead(e),
                    self.cellp(choice("direction", e.direction, self.lang)),
                    self.money(e.amount, e.currency),
                    self.cellp(choice("method", e.method, self.lang)),
                    *self._tail(e),
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
            self.header_row(
                (
                    *_LEAD,
                    "field:item",
                    "field:value",
                    *_TAIL,
                )
            )
        ]
        for e in rows:
            table.append(
                [
                    *self._lead(e),
                    self.cellp(e.item or ""),
                    self.money(e.value, e.currency),
                    *self._tail(e),
                ]
            )
        totals = self.d.totals.get("gifts") or {}
        if totals:
            table.append(self.total_row(len(w), 3, totals))
        out.append(self.table(table, w, total_rows=1 if totals else 0))
        return out
