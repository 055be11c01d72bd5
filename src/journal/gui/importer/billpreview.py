"""The preview of a payment bill: which counterparts matter, and the rows that will be recorded.

Nothing is written here; :meth:`BillPreview.chosen` gives what ``import_bill`` needs.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core import i18n
from journal.core.importers.bills import ParsedBill, select_rows
from journal.core.money import format_amount
from journal.core.timeparse import show_when
from journal.gui.importer.common import plain

PREVIEW_ROWS = 200


class BillPreview(QWidget):
    """``set_bill(bill, lang)``; the user ticks counterparts; ``chosen()`` → list or None."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bill: ParsedBill | None = None
        self._lang = "en"
        self._default: list[str] = []
        self.file_label = plain(QLabel())
        self.format_label = plain(QLabel())
        self.account_label = plain(QLabel())
        self.count_label = plain(QLabel())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("Recognised as:"), self.format_label)
        form.addRow(self.tr("Account:"), self.account_label)
        form.addRow(self.tr("Transactions:"), self.count_label)

        self.hint = plain(QLabel(self.tr(
            "To begin with, every transfer and red packet is recorded as a payment, and no shop "
            "purchase. Tick the counterparts that matter to record all of their transactions; "
            "untick one to leave it out.")))
        self.counterparts = QListWidget()
        self.counterparts.itemChanged.connect(self._item_changed)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Type"),
                                              self.tr("Counterpart"), self.tr("In/out"),
                                              self.tr("Amount (CNY)"), self.tr("Reference")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table_title = plain(QLabel())
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.table_title)
        lower_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.counterparts)
        split.addWidget(lower)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        self.status = plain(QLabel())
        self.status.setStyleSheet("color: #a40000;")
        layout.addWidget(self.status)
        layout.addWidget(split, 1)

    def set_bill(self, bill: ParsedBill, lang: str) -> None:
        self.bill = bill
        self._lang = lang
        self._default = bill.default_counterparts()
        self.file_label.setText(bill.source_path.name if bill.source_path else "")
        self.format_label.setText(bill.format_text(lang))
        self.account_label.setText(bill.account or self.tr("(not given in the bill)"))
        self.count_label.setText(i18n.fill(
            self.tr("{n} {n:transaction|transactions} with {m} {m:counterpart|counterparts}"),
            n=len(bill.rows), m=len(bill.counterparts)))
        self.counterparts.blockSignals(True)
        self.counterparts.clear()
        for name in bill.counterparts:
            rows = [r for r in bill.rows if r.counterpart == name]
            received = sum((r.amount for r in rows if r.direction == "received"), Decimal(0))
            sent = sum((r.amount for r in rows if r.direction == "sent"), Decimal(0))
            transfers = sum(1 for r in rows if r.is_transfer)
            text = i18n.fill(
                self.tr("{name} — {n} {n:transaction|transactions}, received {received}, "
                        "paid {paid}"),
                name=name, n=len(rows), received=format_amount(received, "CNY"),
                paid=format_amount(sent, "CNY"))
            if transfers:
                text += self.tr(" (transfers or red packets: %1)").replace("%1", str(transfers))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in self._default
                               else Qt.CheckState.Unchecked)
            self.counterparts.addItem(item)
        self.counterparts.blockSignals(False)
        self._fill_rows()

    def set_checked(self, name: str, checked: bool) -> None:
        for i in range(self.counterparts.count()):
            item = self.counterparts.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def ticked(self) -> list[str]:
        out = []
        for i in range(self.counterparts.count()):
            item = self.counterparts.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def chosen(self) -> list[str] | None:
        """None while the ticks are the defaults (every transfer and red packet row), else the
        ticked counterparts (all of their rows)."""
        ticked = self.ticked()
        return None if ticked == self._default else ticked

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self._fill_rows()
        self.changed.emit()

    def _fill_rows(self) -> None:
        if self.bill is None:
            return
        rows = select_rows(self.bill, self.chosen())
        shown = rows[:PREVIEW_ROWS]
        self.table_title.setText(i18n.fill(
            self.tr("{n} {n:transaction|transactions} will be recorded as payments:"), n=len(rows)))
        self.table.setRowCount(len(shown))
        for i, r in enumerate(shown):
            direction = {"received": self.tr("received"), "sent": self.tr("paid")}.get(
                r.direction or "", r.direction_text or "—")
            cells = [show_when(r.occurred_at, "exact", self._lang), r.type, r.counterpart, direction,
                     f"{r.amount:,.2f}", r.reference]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)

    def clear(self) -> None:
        self.bill = None
        self.status.clear()
        self.counterparts.clear()
        self.table.setRowCount(0)
