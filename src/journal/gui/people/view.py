"""The People page: everyone in the journal, and one person's page with their entries and totals."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core import fields
from journal.core.errors import JournalError
from journal.core.models import Person
from journal.gui import dialogs
from journal.gui.editor import labels
from journal.gui.editor.labels import join_list as join
from journal.gui.people.editor import PersonEditorDialog
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

PAGE_LIMIT = 500  # a person page lists at most this many entries (the newest); totals cover all
SUMMARY_MIN_EM = 12  # the entries' summary keeps this many "M" widths before When and Kind give way


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class PersonPage(QWidget):
    """One person: claimed identity, handles, notes, entries, money and gift totals."""

    entryActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel()
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        _selectable(self.name)
        self.identity = _selectable(QLabel())
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.aliases = _selectable(QLabel())
        self.platform = _selectable(QLabel())
        self.handles = _selectable(QLabel())
        self.notes = _selectable(QLabel())
        self.facts.addRow(self.tr("Also known as:"), self.aliases)
        self.facts.addRow(self.tr("First met on:"), self.platform)
        self.facts.addRow(self.tr("Handles:"), self.handles)
        self.facts.addRow(self.tr("Notes:"), self.notes)

        self.totals_title = QLabel(self.tr("Money and gifts"))
        self.entries_title = QLabel(self.tr("Entries"))
        for title in (self.totals_title, self.entries_title):
            f = title.font()
            f.setBold(True)
            title.setFont(f)
        self.totals = QFormLayout()
        self.totals.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.totals_empty = QLabel(self.tr("No payments, offers or gifts recorded."))
        self.entries = QTreeWidget()
        self.entries.setAccessibleName(self.tr("Entries with this person"))
        self.entries.setRootIsDecorated(False)
        self.entries.setUniformRowHeights(True)
        self.entries.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Summary")])
        header = self.entries.header()
        # When and Kind as wide as their texts, the Summary the rest; on a narrow page (800×600)
        # they give way (elided, with tooltips) so that the summary stays readable
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.entries.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.entries.viewport().installEventFilter(self)
        self.entries.setMinimumHeight(self.fontMetrics().height() * 10)
        self.entries.itemActivated.connect(self._activated)
        self.entries.itemDoubleClicked.connect(self._activated)

        self.placeholder = QLabel(self.tr("Choose a person on the left to see what they claim, "
                                          "every entry with them, and the money and gifts involved."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QWidget()
        lay = QVBoxLayout(self.content)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.name)
        lay.addWidget(self.identity)
        lay.addLayout(self.facts)
        lay.addSpacing(8)
        lay.addWidget(self.totals_title)
        lay.addLayout(self.totals)
        lay.addWidget(self.totals_empty)
        lay.addSpacing(8)
        lay.addWidget(self.entries_title)
        lay.addWidget(self.entries, 1)
        outer = QVBoxLayout(self)
        outer.addWidget(self.placeholder, 1)
        outer.addWidget(self.content, 1)
        self.clear()

    def clear(self) -> None:
        for label in (self.name, self.identity, self.aliases, self.platform, self.handles, self.notes):
            label.clear()
        while self.totals.rowCount():
            self.totals.removeRow(0)
        self.entries.clear()
        self.entries_title.setText(self.tr("Entries"))
        self.person_id: str | None = None
        self.content.hide()
        self.placeholder.show()

    def show_person(self, journal: Journal, person: Person) -> None:
        self.clear()
        self.person_id = person.id
        self.placeholder.hide()
        self.content.show()
        self.name.setText(person.name)
        claimed = join([person.role, person.organisation])
        self.identity.setText(self.tr("Says they are: %1").replace("%1", claimed) if claimed
                              else self.tr("No claimed role or organisation recorded."))
        self.aliases.setText(join(person.aliases) or "—")
        self.platform.setText(person.platform or "—")
        colon = "：" if current_lang() == "zh" else ": "
        self.handles.setText("\n".join(
            f"{labels.choice_label('handle', h.kind)}{colon}{h.value}" for h in person.handles) or "—")
        self.notes.setText(person.notes or "—")
        total = journal.count_entries(person_id=person.id)
        entries = journal.list_entries(person_id=person.id, limit=PAGE_LIMIT)  # newest first
        for e in entries:
            item = QTreeWidgetItem([labels.format_when(e.occurred_at, e.precision),
                                    labels.kind_label(e.kind), e.summary])
            item.setData(0, Qt.ItemDataRole.UserRole, e.id)
            for column in range(3):
                item.setToolTip(column, item.text(column))
            self.entries.addTopLevelItem(item)
        self._fit_entry_columns()
        if total > len(entries):
            self.entries_title.setText(self.tr("Entries (%1, the newest %2 shown here; all are in the "
                                               "timeline)").replace("%1", str(total))
                                       .replace("%2", str(len(entries))))
        else:
            self.entries_title.setText(self.tr("Entries (%1)").replace("%1", str(total)))
        totals = journal.totals(person_id=person.id)  # over all their entries, not only those shown
        colon = "：" if current_lang() == "zh" else ":"
        for bucket in fields.TOTAL_BUCKETS:
            sums = totals.get(bucket.id) or {}
            if not sums:
                continue
            text = "   ".join(labels.format_money(amount, cur) for cur, amount in sorted(sums.items()))
            self.totals.addRow(bucket.label(current_lang()) + colon, _selectable(QLabel(text)))
        self.totals_empty.setVisible(self.totals.rowCount() == 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        if watched is self.entries.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_entry_columns()
        return super().eventFilter(watched, event)

    def _fit_entry_columns(self) -> None:
        """When and Kind get their widest text; where that leaves the summary less than
        SUMMARY_MIN_EM, When gives way down to its date (the time and zone elided), then Kind."""
        tree = self.entries
        fm = tree.fontMetrics()
        em = fm.horizontalAdvance("M")
        pad = em + 4
        header = tree.header()

        def widest(column: int) -> int:  # (what ResizeToContents gives it)
            return max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))

        when, kind = widest(0), widest(1)
        date = labels.format_when(datetime(2024, 12, 30), "day")
        floors = {0: fm.horizontalAdvance(date + "…") + pad, 1: em * 4 + pad}
        widths = {0: when, 1: kind}
        short = em * SUMMARY_MIN_EM - (tree.viewport().width() - when - kind)
        for column in (0, 1):
            if short <= 0:
                break
            give = min(short, max(0, widths[column] - floors[column]))
            widths[column] -= give
            short -= give
        for column, width in widths.items():
            header.resizeSection(column, width)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        entry_id = item.data(0, Qt.ItemDataRole.UserRole)
        if entry_id:
            self.entryActivated.emit(entry_id)


class PeopleView(QWidget):
    """List of persons (filter, New, Edit) beside the selected person's page."""

    entryActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a person…"))
        self.filter.setAccessibleName(self.tr("Find a person"))
        self.filter.setClearButtonEnabled(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("People"))
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Says they are"), self.tr("Met on")])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Names first and readable; the claimed identity takes the rest and is cut with "…"
        # (the whole text is its tooltip); where they met is short.
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_button = QPushButton(self.tr("&New person…"))
        self.edit_button = QPushButton(self.tr("&Edit person…"))
        self.empty = QLabel(self.tr("No people yet. Add the person who contacted you with "
                                    "“New person…”, or name them when you write an entry."))
        self.empty.setWordWrap(True)

        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(self.filter)
        left_lay.addWidget(self.list, 1)
        left_lay.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        left_lay.addLayout(buttons)

        self.page = PersonPage()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.page)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        lay = QVBoxLayout(self)
        lay.addWidget(splitter)

        self.filter.textChanged.connect(self._apply_filter)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda _i, _c: self.edit_person())
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.page.entryActivated.connect(self.entryActivated)
        self.setTabOrder(self.filter, self.list)
        self.setTabOrder(self.list, self.new_button)
        self.setTabOrder(self.new_button, self.edit_button)
        self.setTabOrder(self.edit_button, self.page.entries)
        self._update_buttons()

    # --- protocol ---------------------------------------------------------------------------
    def set_journal(self, journal: Journal | None) -> None:
        """Show ``journal``'s people; ``None`` (lock) clears every name and page."""
        self._journal = journal
        if journal is None:
            self.filter.clear()
            self.list.clear()
            self.page.clear()
            self._update_buttons()
            return
        self.refresh()

    def refresh(self) -> None:
        current = self.current_person_id()
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.page.clear()
        if self._journal is None:
            return
        try:
            persons = self._journal.list_persons()
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return
        for p in persons:
            claimed = join([p.role, p.organisation])
            item = QTreeWidgetItem([p.name, claimed, p.platform])
            item.setData(0, Qt.ItemDataRole.UserRole, p.id)
            if claimed:
                item.setToolTip(1, claimed)
            if p.aliases:
                item.setToolTip(0, self.tr("Also known as: %1").replace("%1", join(p.aliases)))
            item.setData(0, Qt.ItemDataRole.UserRole + 1,
                         " ".join([p.name, *p.aliases, p.role, p.organisation, p.platform,
                                   *(h.value for h in p.handles)]).casefold())
            self.list.addTopLevelItem(item)
        self._fit_name_column()
        self._apply_filter(self.filter.text())
        if current:
            self.select_person(current)
        if self.list.currentItem() is None and self.list.topLevelItemCount():
            first = next((item for item in self._items() if not item.isHidden()), None)
            if first is not None:
                self.list.setCurrentItem(first)
        self._update_buttons()

    # --- selection --------------------------------------------------------------------------
    def current_person_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def select_person(self, person_id: str) -> bool:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == person_id:
                self.list.setCurrentItem(item)
                return True
        return False

    def _fit_name_column(self) -> None:
        """The name column as wide as the longest name (up to 16 characters' width), so that
        names are read, not guessed from "…"."""
        fm = self.list.fontMetrics()
        em = fm.horizontalAdvance("M")
        widest = max([fm.horizontalAdvance(i.text(0)) for i in self._items()]
                     + [fm.horizontalAdvance(self.list.headerItem().text(0))], default=0)
        self.list.setColumnWidth(0, min(widest + em * 2, em * 16))

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            haystack = item.data(0, Qt.ItemDataRole.UserRole + 1) or ""
            item.setHidden(bool(needle) and needle not in haystack)

    def _on_current(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        self._update_buttons()
        if current is None or self._journal is None:
            self.page.clear()
            return
        try:
            person = self._journal.get_person(current.data(0, Qt.ItemDataRole.UserRole))
            self.page.show_person(self._journal, person)
        except JournalError as exc:
            dialogs.show_error(self, exc)

    def set_read_only(self, read_only: bool) -> None:
        """The window found the journal read-only (or damaged): no new or changed persons."""
        self._update_buttons()

    def _update_buttons(self) -> None:
        active = self._journal is not None
        # a journal open read-only (or found damaged): people can be looked at, not changed
        writable = active and bool(getattr(self._journal, "writable", True))
        self.new_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and self.list.currentItem() is not None)
        self.empty.setVisible(active and self.list.topLevelItemCount() == 0)

    # --- actions ----------------------------------------------------------------------------
    def new_person(self) -> str | None:
        if self._journal is None:
            return None
        dialog = PersonEditorDialog(self._journal, self)
        saved = dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_person_id
        person_id = dialog.saved_person_id if saved else None
        dialog.deleteLater()
        if person_id:
            self.refresh()
            self.select_person(person_id)
        return person_id

    def edit_person(self) -> None:
        person_id = self.current_person_id()
        if self._journal is None or not person_id:
            return
        dialog = PersonEditorDialog(self._journal, self, person_id=person_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.select_person(person_id)
        dialog.deleteLater()
