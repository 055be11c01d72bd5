"""An entry's revisions (what changed, when) and the trash of deleted entries."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import JournalError
from journal.gui import dialogs
from journal.gui.editor import labels
from journal.gui.fit import fit_to_screen

if TYPE_CHECKING:
    from journal.core.models import Revision
    from journal.core.store import Journal

log = logging.getLogger(__name__)

# The fields shown for a revision, in this order (JSON form of an entry).
SHOWN_FIELDS = ("kind", "occurred_at", "summary", "details", "persons", "channel", "location",
                "witnesses", "tags", "amount", "value", "currency", "method", "direction", "item",
                "task", "target", "status", "medium", "initiated_by", "reported_to", "reference",
                "officer", "attachments", "deleted")
CHANGED_BACKGROUND = QColor("#fff3b0")


def display_value(data: dict[str, Any], name: str) -> str:
    """A revision field as the user reads it (translated choices, local dates, money)."""
    value = data.get(name)
    if name == "occurred_at":
        return labels.format_when(value, data.get("precision"))
    if name == "kind":
        return labels.kind_label(value)
    if name in ("status", "method", "direction", "medium", "initiated_by", "reported_to"):
        return labels.choice_label(name, value)
    if name in ("amount", "value"):
        return labels.format_money(value, data.get("currency")) if value not in (None, "") else ""
    if name == "attachments":
        return labels.join_list([str(a.get("filename", "")) for a in value or []])
    if name == "deleted":
        return QCoreApplication.translate("HistoryDialog", "Yes") if value else ""
    if isinstance(value, list):
        return labels.join_list([str(v) for v in value])
    return "" if value is None else str(value)


def _compare_value(data: dict[str, Any], name: str) -> Any:
    if name == "occurred_at":
        return (data.get("occurred_at"), data.get("precision"))
    if name == "attachments":
        return [a.get("id") for a in data.get("attachments") or []]
    return data.get(name)


class HistoryDialog(QDialog):
    """Revisions of one entry, oldest first; the chosen one's fields, changes highlighted."""

    def __init__(self, journal: Journal, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of the entry"))
        fit_to_screen(self, 880, 560)
        self._revisions: list[Revision] = journal.history(entry_id)
        self.revisions = QListWidget()
        self.revisions.setAccessibleName(self.tr("Revisions"))
        for rev in self._revisions:
            when = labels.format_when(rev.saved_at.astimezone(), "exact")  # this computer's time
            item = QListWidgetItem(f"{rev.revision}. {when} — {labels.choice_label('action', rev.action)}")
            self.revisions.addItem(item)
        self.fields = QTableWidget(0, 3)
        self.fields.setAccessibleName(self.tr("Fields of the chosen revision"))
        self.fields.setWordWrap(True)
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fields.setTabKeyNavigation(False)
        self.fields.verticalHeader().hide()
        self.fields.setShowGrid(False)
        self.fields.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value"), self.tr("Before")])
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.fields.resizeRowsToContents())
        self.legend = QLabel(self.tr("Highlighted rows changed in this revision; “Before” shows the "
                                     "earlier value. Nothing is ever overwritten."))
        self.legend.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.revisions)
        splitter.addWidget(self.fields)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter, 1)
        lay.addWidget(self.legend)
        lay.addWidget(buttons)
        self.revisions.currentRowChanged.connect(self.show_revision)
        if self._revisions:
            self.revisions.setCurrentRow(len(self._revisions) - 1)
        self.revisions.setFocus()

    def changed_fields(self, index: int) -> list[str]:
        """Names of the fields revision ``index`` changed compared with the one before."""
        if index <= 0 or index >= len(self._revisions):
            return []
        now, before = self._revisions[index].data, self._revisions[index - 1].data
        return [n for n in SHOWN_FIELDS if _compare_value(now, n) != _compare_value(before, n)]

    def show_revision(self, index: int) -> None:
        self.fields.setRowCount(0)
        if not 0 <= index < len(self._revisions):
            return
        data = self._revisions[index].data
        before = self._revisions[index - 1].data if index > 0 else None
        changed = set(self.changed_fields(index))
        bold = QFont(self.fields.font())
        bold.setBold(True)
        for name in SHOWN_FIELDS:
            text = display_value(data, name)
            is_changed = name in changed
            if not text and not is_changed:
                continue
            old = display_value(before, name) if (before is not None and is_changed) else ""
            row = self.fields.rowCount()
            self.fields.insertRow(row)
            for col, value in enumerate((labels.field_label(name), text, old)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, name)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if is_changed:
                    item.setBackground(QBrush(CHANGED_BACKGROUND))
                    item.setForeground(QBrush(QColor("#000000")))
                    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self.tr("changed"))
                    if col == 0:
                        item.setFont(bold)
                self.fields.setItem(row, col, item)
        self.fields.resizeRowsToContents()

    def field_rows(self) -> dict[str, tuple[str, str, bool]]:
        """What the table shows: field name → (value, before, changed)."""
        out = {}
        for row in range(self.fields.rowCount()):
            first, value, old = (self.fields.item(row, c) for c in range(3))
            assert first is not None and value is not None and old is not None
            out[first.data(Qt.ItemDataRole.UserRole)] = (value.text(), old.text(), first.font().bold())
        return out

    def set_journal(self, journal: Journal | None) -> None:
        """``None`` (lock): drop every revision shown and close."""
        if journal is None:
            self._revisions = []
            self.revisions.clear()
            self.fields.setRowCount(0)
            QDialog.done(self, QDialog.DialogCode.Rejected)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fields.resizeRowsToContents()


class TrashDialog(QDialog):
    """Deleted entries, newest first, with Restore."""

    entryRestored = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.restored: list[str] = []
        self.setWindowTitle(self.tr("Trash"))
        fit_to_screen(self, 760, 460)
        self.note = QLabel(self.tr("Deleted entries stay here, with their history and attachments, "
                                   "until you restore them."))
        self.note.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Deleted entries"))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Summary"),
                                   self.tr("Deleted")])
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.empty = QLabel(self.tr("The trash is empty."))
        self.restore_button = QPushButton(self.tr("&Restore"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.empty)
        lay.addLayout(row)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemActivated.connect(lambda _i, _c: self.restore_selected())
        self.refresh()
        self.list.setFocus()

    def refresh(self) -> None:
        self.list.clear()
        try:
            entries = self._journal.list_entries(only_deleted=True)
        except JournalError as exc:
            dialogs.show_error(self, exc)
            entries = []
        entries.sort(key=lambda e: e.deleted_at or e.recorded_at, reverse=True)
        for e in entries:
            item = QTreeWidgetItem([labels.format_when(e.occurred_at, e.precision),
                                    labels.kind_label(e.kind), e.summary,
                                    labels.format_when(e.deleted_at and e.deleted_at.astimezone(),
                                                       "exact")])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            item.setToolTip(2, e.summary)
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._update()

    def set_journal(self, journal: Journal | None) -> None:
        """``None`` (lock): drop the list and close."""
        if journal is None:
            self.list.clear()
            QDialog.done(self, QDialog.DialogCode.Rejected)

    def _update(self) -> None:
        count = self.list.topLevelItemCount()
        self.empty.setVisible(count == 0)
        self.list.setVisible(count > 0)
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

    def restore_selected(self) -> list[str]:
        ids = [i.data(0, Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        done: list[str] = []
        for entry_id in ids:
            try:
                self._journal.restore_entry(entry_id)
            except JournalError as exc:
                dialogs.show_error(self, exc)
                continue
            done.append(entry_id)
            self.restored.append(entry_id)
            self.entryRestored.emit(entry_id)
        if done:
            self.refresh()
        return done
