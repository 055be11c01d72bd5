"""The timeline list's column widths, measured from what the rows show.

Kind, When, People and Amount get the width of their widest text among the first rows (never less
than their header); the Summary column, the one a student reads, stretches over the rest. When
the list is too narrow for a readable summary (an 800×600 window), People, then Kind (its icon
stays), then When give way: they are elided and keep their tooltips, and When keeps its date
whole. The amount is never cut.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from journal.core.models import KINDS
from journal.core.timeparse import show_when
from journal.gui.qtsetup import current_lang
from journal.gui.timeline import labels
from journal.gui.timeline.model import (
    COL_AMOUNT,
    COL_KIND,
    COL_PERSONS,
    COL_SUMMARY,
    COL_WHEN,
)

SAMPLE_ROWS = 200  # the first page of the model: read anyway to show the top of the list
SUMMARY_MIN_EM = 24  # the summary keeps at least this many "M" widths before others give way
PERSONS_MAX_EM = 10
WIDEST_AMOUNT = "−66,999.00 CNY"  # a five-figure amount with its currency, whatever the rows hold
_MEASURED = (COL_WHEN, COL_PERSONS, COL_AMOUNT)  # the columns sized by their rows' texts
_FIT_PROPERTY = "columnsFitTo"  # on the table: their widths as last fitted


def summary_minimum(table: QTableView) -> int:
    return table.fontMetrics().horizontalAdvance("M") * SUMMARY_MIN_EM


def fit_columns(table: QTableView) -> None:
    """Size every column but Summary to its content, Summary taking the rest of the viewport."""
    model = table.model()
    fm = table.fontMetrics()
    em = fm.horizontalAdvance("M")
    pad = em + 4  # the cell's margins on both sides, with a little air
    header = table.horizontalHeader()
    hfm = header.fontMetrics()

    def head(col: int) -> int:
        return hfm.horizontalAdvance(str(model.headerData(col, Qt.Orientation.Horizontal))) + pad

    def widest(col: int, *extra: str) -> int:
        texts = list(extra)
        for row in range(min(model.rowCount(), SAMPLE_ROWS)):
            value = model.data(model.index(row, col))
            if value:
                texts.append(str(value))
        return max((fm.horizontalAdvance(t) for t in texts), default=0) + pad

    icon = table.iconSize().width()
    if icon <= 0:  # not set: the style's small icon, as the view draws it
        icon = table.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, table)
    kind = max(fm.horizontalAdvance(labels.kind_label(k)) for k in KINDS) + icon + 6 + pad
    # what stays when they give way: Kind's icon and a few letters, When's whole date
    kind_floor = icon + 6 + pad + em * 3
    date = show_when(datetime(2024, 12, 30), "day", current_lang())
    when_floor = fm.horizontalAdvance(date + "…") + pad
    widths = {
        COL_KIND: max(head(COL_KIND), kind),
        COL_WHEN: max(head(COL_WHEN), widest(COL_WHEN)),
        COL_PERSONS: max(head(COL_PERSONS), min(widest(COL_PERSONS), em * PERSONS_MAX_EM)),
        COL_AMOUNT: max(head(COL_AMOUNT), widest(COL_AMOUNT, WIDEST_AMOUNT)),
    }
    # what the rows asked for, before any column gives way (fit_new_rows compares with it)
    table.setProperty(_FIT_PROPERTY, [widths[c] for c in _MEASURED])
    room = table.viewport().width()
    short = summary_minimum(table) - (room - sum(widths.values()))
    for col, floor in ((COL_PERSONS, max(head(COL_PERSONS), em * 6)),
                       (COL_KIND, max(head(COL_KIND), kind_floor)),
                       (COL_WHEN, max(head(COL_WHEN), when_floor))):
        if short <= 0:
            break
        give = min(short, max(0, widths[col] - floor))
        widths[col] -= give
        short -= give
    for col, width in widths.items():
        if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Interactive:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(col, width)
    header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)


def fit_new_rows(table: QTableView, first: int, last: int) -> None:
    """Rows ``first``..``last`` were put in (a save): the columns are fitted again only when one
    of those rows shows a text wider than its column was fitted to. Measuring the first rows
    again formatted 600 cells, about half of a save's time on the window's thread at 100,000
    entries."""
    fitted = table.property(_FIT_PROPERTY)
    if not isinstance(fitted, list) or len(fitted) != len(_MEASURED):
        fit_columns(table)
        return
    model = table.model()
    fm = table.fontMetrics()
    em = fm.horizontalAdvance("M")
    pad = em + 4
    for col, width in zip(_MEASURED, fitted, strict=True):
        for row in range(first, min(last, SAMPLE_ROWS - 1) + 1):
            value = model.data(model.index(row, col))
            wanted = fm.horizontalAdvance(str(value)) + pad if value else 0
            if col == COL_PERSONS:
                wanted = min(wanted, em * PERSONS_MAX_EM)
            if wanted > int(width):
                fit_columns(table)
                return
