"""A lazy table model over the journal's entries: only ids are held; rows are fetched in pages.

``journal.entry_ids(filters…, search=…)`` gives the ids (cheap, even for 100,000 entries); the
visible rows are read with ``journal.get_entries(ids)`` a page at a time, and only a bounded number
of entries is kept (the least recently shown go first), so memory stays flat however long the
journal is. The entries are kept by id, not by place: a row put in or taken out after a save moves
the rows below it without reading any of them again.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from journal.core.errors import JournalError
from journal.core.models import Entry
from journal.gui.qtsetup import current_lang
from journal.gui.timeline import labels

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_PAGES = 20
MAX_ENTRIES = PAGE_SIZE * MAX_PAGES  # at most 4,000 decrypted entries held at once

COL_KIND, COL_WHEN, COL_PERSONS, COL_SUMMARY, COL_AMOUNT = range(5)
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def format_when(entry: Entry, lang: str | None = None) -> str:
    """The date in the user's language, by the one rule (list and detail pane alike)."""
    from journal.core.timeparse import show_when

    return show_when(entry.occurred_at, entry.precision or "exact", lang or current_lang())


def format_money(entry: Entry) -> str:
    from journal.core.money import format_amount

    if entry.kind == "gift" and entry.value is not None:
        return format_amount(entry.value, entry.currency)
    if entry.amount is not None:
        return format_amount(entry.amount, entry.currency)
    return ""


class TimelineModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._journal: Any = None
        self._ids: list[str] = []
        self._entries: OrderedDict[str, Entry] = OrderedDict()  # by id, least recent first
        self.pages_fetched = 0  # how many pages were read from the journal (tests, benchmarks)

    # --- query -----------------------------------------------------------------------------
    def set_query(self, journal: Any, filters: dict[str, Any] | None = None,
                  search: str | None = None) -> None:
        """Show the entries of ``journal`` matching ``filters`` (entry_ids keywords) and ``search``."""
        self.beginResetModel()
        self._journal = journal
        self._entries.clear()
        if journal is None:
            self._ids = []
        else:
            self._ids = list(journal.entry_ids(**(filters or {}), search=search or None))
        self.endResetModel()

    def clear(self) -> None:
        """Drop every id and every decrypted entry (on lock)."""
        self.set_query(None)

    def place(self, entry_id: str, row: int | None) -> None:
        """One entry was saved, trashed or restored: put it at ``row`` (its place in the list
        without it), or take it out (``None``). Only that entry is read again; the rows it
        moves keep what was read of them."""
        self._entries.pop(entry_id, None)
        old = self.row_of(entry_id)
        if old >= 0 and row == old:
            self.dataChanged.emit(self.index(old, 0), self.index(old, self.columnCount() - 1))
            return
        if old >= 0:
            self.beginRemoveRows(QModelIndex(), old, old)
            del self._ids[old]
            self.endRemoveRows()
        if row is not None:
            row = max(0, min(row, len(self._ids)))
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, entry_id)
            self.endInsertRows()

    def ids(self) -> list[str]:
        return list(self._ids)

    def entry_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, entry_id: str) -> int:
        try:
            return self._ids.index(entry_id)
        except ValueError:
            return -1

    def cached_pages(self) -> list[int]:
        """The pages of the list (``PAGE_SIZE`` rows each) of which an entry is held (tests)."""
        held = self._entries
        return sorted({row // PAGE_SIZE for row, i in enumerate(self._ids) if i in held})

    def entry(self, row: int) -> Entry | None:
        if not (0 <= row < len(self._ids)) or self._journal is None:
            return None
        entry_id = self._ids[row]
        entry = self._entries.get(entry_id)
        if entry is not None:
            self._entries.move_to_end(entry_id)
            return entry
        start = row // PAGE_SIZE * PAGE_SIZE  # the rest of its page not held yet, in one read
        ids = [i for i in self._ids[start:start + PAGE_SIZE] if i not in self._entries]
        try:
            page = list(self._journal.get_entries(ids))
        except JournalError as exc:  # closed underneath us: show nothing rather than fail
            log.info("timeline page unreadable: %s", exc.key)
            return None
        self.pages_fetched += 1
        for read in page:
            self._entries[read.id] = read
        entry = self._entries.get(entry_id)
        while len(self._entries) > MAX_ENTRIES:
            self._entries.popitem(last=False)
        return entry

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Kind"), self.tr("When"), self.tr("People"), self.tr("Summary"),
                self.tr("Amount")][section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == ENTRY_ID_ROLE:
            return self.entry_id(row)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                        Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole, KIND_ROLE,
                        Qt.ItemDataRole.TextAlignmentRole):
            return None
        entry = self.entry(row)
        if entry is None:
            return None
        if role == KIND_ROLE:
            return entry.kind
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == COL_AMOUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return labels.kind_icon(entry.kind) if col == COL_KIND else None
        if col == COL_KIND:
            text = labels.kind_label(entry.kind)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text  # (a narrow column shows the icon and the start of the word)
        elif col == COL_WHEN:
            text = format_when(entry)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text  # (a narrow column elides a zone named after the time)
        elif col == COL_PERSONS:
            text = ("、" if current_lang() == "zh" else ", ").join(entry.person_names)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text
        elif col == COL_SUMMARY:
            text = entry.summary
        else:
            text = format_money(entry)
            if text and entry.kind == "payment" and entry.direction \
                    and role != Qt.ItemDataRole.DisplayRole:
                text = f"{text} ({labels.choice_label('direction', entry.direction)})"
        if role == Qt.ItemDataRole.ToolTipRole and col != COL_SUMMARY:
            return None if col != COL_AMOUNT or not text else text
        return text
