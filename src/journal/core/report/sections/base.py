"""What every section of the PDF shares: the collected data, the styles and small helpers.

Each section is a mixin on :class:`SectionBase`; :class:`journal.core.report.sections.Builder`
puts them together and yields the story in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from journal.core import fields
from journal.core.models import Entry
from journal.core.money import format_amount
from journal.core.report import images
from journal.core.report.data import ReportData
from journal.core.report.layout import (
    ACCENT,
    FRAME_W,
    HEAD_BG,
    INK,
    ROW_ALT,
    RULE,
    OnceWrapped,
    Styles,
    clip,
    one_line_cells,
    para,
)
from journal.core.report.options import ProgressCallback, ReportStats
from journal.core.report.texts import tr
from journal.core.timeparse import format_when, show_when

CELL_LIMIT = 600  # characters of free text in a table cell (the timeline has the full text)


class Progress:
    """Counts steps of the layout and passes them on to the caller's progress callback."""

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


class SectionBase:
    """Turns the collected data into platypus flowables: the state and helpers of all sections."""

    def __init__(
        self,
        journal: Any,
        data: ReportData,
        styles: Styles,
        progress: Progress,
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
        self._when: dict[str, str] = {}

    # --- words and values -----------------------------------------------------------------
    def t(self, key: str, **params: object) -> str:
        return tr(key, self.lang, **params)

    def word(self, key: str) -> str:
        """A report text key, or ``field:NAME[:KIND]`` for a field's label from core/fields."""
        if key.startswith("field:"):
            _, name, kind = (key.split(":") + [""])[:3]
            return fields.field_label(name, self.lang, kind or None)
        return self.t(key)

    def sep(self) -> str:
        return "、" if self.lang == "zh" else ", "

    def when(self, entry: Entry) -> str:
        """When an entry happened, as shown (asked once per entry: the timeline and the evidence
        lines of every sign it shows show it again)."""
        shown = self._when.get(entry.id)
        if shown is None:
            shown = self._when[entry.id] = show_when(entry.occurred_at, entry.precision,
                                                     self.lang)
        return shown

    def recorded(self, dt: datetime) -> str:
        """When the app stored something (kept in UTC): on this computer's clock, by the same rule
        as the event times beside it."""
        return show_when(dt.astimezone(), "exact", self.lang)

    def when_cell(self, entry: Entry) -> str:
        """A date for a narrow table column: the time (if any) on a second line."""
        text = self.when(entry)
        if entry.precision == "exact" and " " in text:
            date_part, _, time_part = text.partition(" ")  # the time keeps its zone, if named
            return f"{date_part}\n{time_part}"
        return text

    def day(self, dt: datetime) -> str:
        return format_when(dt, "day", self.lang)

    def names(self, entry: Entry) -> str:
        names = [self.d.person_by_id[p].name for p in entry.persons if p in self.d.person_by_id]
        return self.sep().join(names)

    def paren(self, text: str) -> str:
        """`` (text)`` in English, ``（text）`` in Chinese: the aside after a date or a name."""
        return f"（{text}）" if self.lang == "zh" else f" ({text})"

    def ref(self, entry: Entry) -> str:
        n = self.d.number_of.get(entry.id)
        return f"#{n}" if n else ""

    def money(self, amount: Decimal | None, currency: str | None) -> str:
        return format_amount(amount, currency or "") if amount is not None else ""

    @staticmethod
    def amounts(sums: Mapping[str, Decimal]) -> str:
        """Sums by currency, one a line."""
        return "\n".join(format_amount(v, cur) for cur, v in sums.items())

    def totals_lines(self, groups: tuple[str, ...]) -> list[tuple[str, str]]:
        lines = []
        for group in groups:
            sums = self.d.totals.get(group) or {}
            if sums:
                lines.append((fields.bucket_label(group, self.lang), self.amounts(sums)))
        return lines

    # --- paragraphs -----------------------------------------------------------------------
    def p(self, text: str, style: Any = None, *, redact: bool = True) -> Flowable:
        return para(self.s, self.r(text) if redact else text, style)

    def bullet(self, text: str) -> Flowable:
        return para(self.s, text, self.s.bullet, "•")

    def heading(self, key: str, style: Any = None) -> OnceWrapped:
        text = self.t(key)
        p = self.s.paragraph(text, self.s.for_text(style or self.s.h1, text))
        p._outline = (text, 0 if style is None else 1)
        return p

    # --- tables ---------------------------------------------------------------------------
    def tstyle(self, cmds: list[tuple[Any, ...]]) -> TableStyle:
        """A table style in the embedded face (plain-string cells would otherwise use Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.s.font), *cmds])

    def cell(self, text: str) -> str:
        """A short value as a plain string cell: no paragraph layout (fast); \n breaks lines."""
        return self.r(text)

    def cellp(
        self, text: str, *, head: bool = False, limit: int = CELL_LIMIT, redact: bool = True
    ) -> OnceWrapped:
        shown = self.r(text) if redact else text
        shown = clip(shown, limit)
        style = self.s.cell_head if head else self.s.cell
        return self.s.paragraph(shown, self.s.for_text(style, shown))  # wraps in its column

    def header_row(self, keys: Sequence[str]) -> list[Any]:
        """The head cells of a table, one text key a column."""
        return [self.cellp(self.word(k), head=True, redact=False) for k in keys]

    def total_row(self, columns: int, at: int, sums: Mapping[str, Decimal]) -> list[Any]:
        """A table's last row: "Total" in the second column and the sums in column ``at``."""
        row: list[Any] = [""] * columns
        row[0] = self.cellp("")
        row[1] = self.cellp(self.t("report.field.total"), head=True)
        row[at] = self.cellp(self.amounts(sums))
        return row

    def table(
        self,
        rows: list[list[Any]],
        widths: list[float],
        *,
        header: bool = True,
        total_rows: int = 0,
    ) -> Table:
        rows = one_line_cells(rows, [w - 8 for w in widths])  # left and right padding 4
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

    def kv_table(
        self, rows: list[tuple[str, str]], label_w: float = 38 * mm, *, redact: bool = True
    ) -> Table:
        """Label and value in two columns; rows without a value are left out.

        ``redact=False`` when the values are already masked where needed.
        """
        cells = [
            [self.cellp(k, head=True, redact=False), self.cellp(v, limit=1500, redact=redact)]
            for k, v in rows
            if v
        ]
        # padding: 4 on the left, reportlab's 6 on the right
        cells = one_line_cells(cells, [label_w - 10, FRAME_W - label_w - 10])
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
