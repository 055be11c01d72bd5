"""The timeline: search box, filters, the lazy entry list and the detail pane."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import JournalError
from journal.core.models import KINDS
from journal.gui import dialogs
from journal.gui.editor.dialog import EntryEditorDialog
from journal.gui.history.dialogs import HistoryDialog, TrashDialog
from journal.gui.timeline import columns, labels
from journal.gui.timeline.detail import EntryDetail
from journal.gui.timeline.model import (
    COL_KIND,
    COL_SUMMARY,
    TimelineModel,
)

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
_NO_DATE = QDate(1900, 1, 1)


class DateFilter(QDateEdit):
    """A date field that can be empty ("any"): the minimum date stands for "not set"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(_NO_DATE)
        self.setMaximumDate(QDate(2200, 12, 31))
        self.setDate(_NO_DATE)

    def value(self) -> date | None:
        d = self.date()
        return None if d == _NO_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        self.setDate(_NO_DATE if value is None else QDate(value.year, value.month, value.day))


class TimelineView(QWidget):
    """``set_journal(j)`` shows j's entries; ``set_journal(None)`` drops everything."""

    NARROW_WIDTH = 900  # below this (800×600, 1024×640) the detail pane sits under the list

    journalChanged = Signal()  # an entry was added, edited or deleted here
    copyText = Signal(str)  # the window's clipboard guard copies (and clears later)
    countChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: Any = None
        self._dialogs = 0  # dialogs of this view running (see running_dialog)
        self._selecting = False  # select_row is moving the selection (the pane follows once)
        self.model = TimelineModel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self._build()

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        outer.setSpacing(6)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("timelineSearch")
        self.search.setPlaceholderText(self.tr("Search names, words, places… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the journal"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        top.addWidget(self.search, 3)

        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName(self.tr("Show only this kind"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind_filter.addItem(labels.kind_icon(kind), labels.kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.kind_filter, 1)

        self.person_filter = QComboBox()
        self.person_filter.setObjectName("personFilter")
        self.person_filter.setAccessibleName(self.tr("Show only entries about this person"))
        self.person_filter.addItem(self.tr("Everyone"), None)
        self.person_filter.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.person_filter, 1)
        outer.addLayout(top)

        dates = QHBoxLayout()
        self.since_label = QLabel(self.tr("&From"))
        self.since = DateFilter()
        self.since.setObjectName("sinceFilter")
        self.since.setSpecialValueText(self.tr("any date"))
        self.since.setAccessibleName(self.tr("From date"))
        self.since_label.setBuddy(self.since)
        self.until_label = QLabel(self.tr("&To"))
        self.until = DateFilter()
        self.until.setObjectName("untilFilter")
        self.until.setSpecialValueText(self.tr("any date"))
        self.until.setAccessibleName(self.tr("To date"))
        self.until_label.setBuddy(self.until)
        em = self.fontMetrics().horizontalAdvance("M")
        for w in (self.since, self.until):
            w.dateChanged.connect(lambda _d: self.reload())
            w.setMinimumWidth(em * 7)  # on a narrow window the dates give way, not the labels
        for label in (self.since_label, self.until_label):
            label.setContentsMargins(0, 0, 4, 0)  # the date field's frame must not cover the last letter
            label.setMinimumWidth(label.sizeHint().width())
        self.clear_filters = QPushButton(self.tr("Show &all"))
        self.clear_filters.setObjectName("clearFilters")
        self.clear_filters.setToolTip(self.tr("Clear the search and every filter"))
        self.clear_filters.clicked.connect(self.reset_filters)
        self.count_label = QLabel()
        self.count_label.setObjectName("timelineCount")
        dates.addWidget(self.since_label)
        dates.addWidget(self.since)
        dates.addWidget(self.until_label)
        dates.addWidget(self.until)
        dates.addWidget(self.clear_filters)
        dates.addStretch(1)
        dates.addWidget(self.count_label)
        outer.addLayout(dates)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableView()
        self.table.setObjectName("timelineTable")
        self.table.setAccessibleName(self.tr("Entries, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.table.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measure 100,000 rows
        vh.setDefaultSectionSize(self.fontMetrics().height() + 12)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        hh.setHighlightSections(False)
        columns.fit_columns(self.table)
        self.table.viewport().installEventFilter(self)  # the widths follow the list's width
        self.model.modelReset.connect(lambda: columns.fit_columns(self.table))
        self.model.rowsInserted.connect(
            lambda _parent, first, last: columns.fit_new_rows(self.table, first, last))
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(self._activated)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("timelineEmpty")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setMargin(24)
        font = self.empty_hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_hint.setFont(font)
        self.empty_page = QWidget()
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_hint)
        self.empty_new = QPushButton(self.tr("Write the &first entry…"))
        self.empty_new.setObjectName("emptyNewEntry")
        self.empty_new.clicked.connect(lambda: self.new_entry("contact"))
        self.empty_new.setVisible(False)
        empty_layout.addWidget(self.empty_new, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_page)
        self.splitter.addWidget(self.list_stack)

        self.detail = EntryDetail()
        self.detail.setObjectName("entryDetail")
        self.detail.editRequested.connect(self.edit_entry)
        self.detail.historyRequested.connect(self.show_history)
        self.detail.deleteRequested.connect(self.delete_entry)
        self.detail.copyRequested.connect(self.copyText)
        self.detail.makeEntryRequested.connect(self.new_entry_from_draft)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)  # the list, where the summaries are read, grows
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([640, 360])
        self.splitter.setChildrenCollapsible(False)
        self._split_by_user = False  # once the user drags the splitter, their sizes stay
        self.splitter.splitterMoved.connect(self._splitter_moved)
        outer.addWidget(self.splitter, 1)


        delete_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete_current)
        QWidget.setTabOrder(self.search, self.kind_filter)
        QWidget.setTabOrder(self.kind_filter, self.person_filter)
        QWidget.setTabOrder(self.person_filter, self.since)
        QWidget.setTabOrder(self.since, self.until)
        QWidget.setTabOrder(self.until, self.clear_filters)
        QWidget.setTabOrder(self.clear_filters, self.table)

    # --- journal -----------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """The window found the journal read-only (or damaged): show the entry again, without
        its editing buttons."""
        if self._journal is not None and self.detail.entry_id is not None:
            self.detail.set_entry(self._journal, self.detail.entry_id)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow window (800×600) the detail pane goes under the list, so the list keeps
        the width its summary column needs instead of hiding it behind a horizontal scroll."""
        super().resizeEvent(event)
        narrow = event.size().width() < self.NARROW_WIDTH
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            if narrow:
                total = event.size().height()
                self.splitter.setSizes([total * 11 // 20, total * 9 // 20])
        if not narrow and not self._split_by_user:
            self.splitter.setSizes(self._wide_sizes(event.size().width()))

    def _wide_sizes(self, width: int) -> list[int]:
        """Side by side, the detail pane takes about a third of the width (between 22 and 44
        "M"s), the list the rest: the summary column is what a student reads."""
        em = self.fontMetrics().horizontalAdvance("M")
        detail = max(em * 22, min(em * 44, width * 8 // 25))
        return [max(0, width - detail), detail]

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self._split_by_user = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            columns.fit_columns(self.table)
        return super().eventFilter(watched, event)

    def set_journal(self, journal: Any) -> None:
        self._journal = journal
        self._search_timer.stop()
        if journal is None:
            self.model.clear()
            self.detail.clear()
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._fill_persons([])
            self.count_label.clear()
            self.empty_hint.clear()
            self.empty_new.setVisible(False)
            self.list_stack.setCurrentWidget(self.table)
            return
        self.refresh_persons()
        self.reload()

    def journal(self) -> Any:
        return self._journal

    def refresh(self) -> None:
        """Re-read everything (after a change made elsewhere)."""
        if self._journal is None:
            return
        self.refresh_persons()
        self.reload(keep=self.detail.entry_id)

    def refresh_persons(self) -> None:
        if self._journal is None:
            self._fill_persons([])
            return
        self._fill_persons([(p.id, p.name) for p in self._journal.list_persons()])

    def _fill_persons(self, persons: list[tuple[str, str]]) -> None:
        current = self.person_filter.currentData()
        self.person_filter.blockSignals(True)
        self.person_filter.clear()
        self.person_filter.addItem(self.tr("Everyone"), None)
        for pid, name in persons:
            self.person_filter.addItem(name, pid)
        index = self.person_filter.findData(current) if current else 0
        self.person_filter.setCurrentIndex(max(0, index))
        self.person_filter.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        kind = self.kind_filter.currentData()
        if kind:
            out["kinds"] = [kind]
        person = self.person_filter.currentData()
        if person:
            out["person_id"] = person
        since, until = self.since.value(), self.until.value()
        if since:
            out["since"] = datetime.combine(since, time.min).astimezone()
        if until:
            out["until"] = datetime.combine(until, time.max).astimezone()
        return out

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        """Run the query again with the current search text and filters."""
        self._search_timer.stop()
        if self._journal is None:
            return
        if keep is None:
            keep = self.detail.entry_id
        text = self.search.text().strip()
        try:
            self.model.set_query(self._journal, self.filters(), text or None)
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(self, exc)
            self.model.clear()
        self._update_count(bool(text) or bool(self.filters()))
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.select_row(row)
        else:
            self.detail.set_entry(self._journal, None)

    def show_saved(self, entry_id: str) -> None:
        """An entry was saved, trashed or restored here: move, add or take out its row and
        update the count, without reading the whole list again. With a search or a date filter
        the query runs again (only the index knows whether saved text matches a search)."""
        journal = self._journal
        if journal is None:
            return
        filters = self.filters()
        if self.search.text().strip() or "since" in filters or "until" in filters:
            self.reload(keep=entry_id)
            return
        try:
            row = _place_of(journal, entry_id, filters)
            self.model.place(entry_id, row)
            in_step = self.model.rowCount() == journal.count_entries(**filters)
        except (JournalError, ValueError):
            in_step = False
        if not in_step:  # changed elsewhere too (e.g. another window's import): read it all
            log.info("timeline out of step after a save: reading the list again")
            self.reload(keep=entry_id)
            return
        self._update_count(bool(filters))
        row_now = self.model.row_of(entry_id)
        if row_now >= 0:
            self.select_row(row_now)
        elif self.detail.entry_id == entry_id:
            self.detail.set_entry(journal, None)

    def _update_count(self, filtered: bool) -> None:
        n = self.model.rowCount()
        if filtered:
            text = self.tr("1 entry matches") if n == 1 else self.tr("{n} entries match")
        else:
            text = self.tr("1 entry") if n == 1 else self.tr("{n} entries")
        self.count_label.setText(text.format(n=f"{n:,}"))
        self.countChanged.emit(n)
        if n == 0:
            if filtered:
                self.empty_hint.setText(self.tr("Nothing matches. Try other words, or press "
                                                "“Show all”."))
            else:
                self.empty_hint.setText(self.tr(
                    "No entries yet. Write down what happened with “New entry” — a first "
                    "contact, a request, a payment, a gift. Short notes are fine."))
            self.empty_new.setVisible(not filtered)
            self.list_stack.setCurrentWidget(self.empty_page)
        else:
            self.list_stack.setCurrentWidget(self.table)
        self.detail.setVisible(n > 0)  # nothing to choose: the hint gets the whole width

    def reset_filters(self) -> None:
        for w in (self.kind_filter, self.person_filter, self.since, self.until, self.search):
            w.blockSignals(True)
        self.kind_filter.setCurrentIndex(0)
        self.person_filter.setCurrentIndex(0)
        self.since.set_value(None)
        self.until.set_value(None)
        self.search.clear()
        for w in (self.kind_filter, self.person_filter, self.since, self.until, self.search):
            w.blockSignals(False)
        self.reload()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- selection ---------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        # the row's first cell: scrolling to it never pushes the kind and the time out of a
        # narrow window's view (the whole row is selected either way)
        index = self.model.index(row, COL_KIND)
        self._selecting = True  # the pane shows the entry once, below (read again: it may
        try:                    # have just been saved)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._selecting = False
        self.table.scrollTo(index)
        self.detail.set_entry(self._journal, self.model.entry_id(row))

    def select_entry(self, entry_id: str) -> bool:
        """Show this entry (e.g. from the warning signs); clears filters if it is hidden."""
        row = self.model.row_of(entry_id)
        if row < 0:
            self.reset_filters()
            row = self.model.row_of(entry_id)
        if row < 0:
            return False
        self.select_row(row)
        return True

    def current_entry_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.entry_id(index.row()) if index.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return  # (select_row shows it)
        entry_id = self.model.entry_id(current.row()) if current.isValid() else None
        if entry_id != self.detail.entry_id:
            self.detail.set_entry(self._journal, entry_id)

    def _activated(self, index: QModelIndex) -> None:
        entry_id = self.model.entry_id(index.row())
        if entry_id:
            self.edit_entry(entry_id)

    # --- actions -----------------------------------------------------------------------------
    @property
    def running_dialog(self) -> bool:
        """An editor, history or trash dialog of this view is open (or its change is being
        shown): the window leaves the change to this view (``journalChanged`` follows)."""
        return self._dialogs > 0

    def _run_editor(self, **kwargs: Any) -> None:
        self._dialogs += 1
        try:
            self._edit(**kwargs)
        finally:
            self._dialogs -= 1

    def _edit(self, **kwargs: Any) -> None:
        if self._journal is None:
            return
        journal = self._journal
        try:
            dlg = EntryEditorDialog(journal, self.window(), **kwargs)
            accepted = dlg.exec()
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(self, exc)
            return
        saved = dlg.saved_entry_id
        # deleted at once, not at a later turn of the event loop: no hidden editor is left
        # holding decrypted names when the window locks before that turn comes
        shiboken6.delete(dlg)
        if self._journal is None or self._journal is not journal:
            return  # locked while the editor was open
        if accepted and saved:
            self.refresh_persons()  # (the editor may have added a person)
            self.show_saved(saved)
            self.journalChanged.emit()

    def new_entry(self, kind: str) -> None:
        self._run_editor(kind=kind)

    def new_entry_from_draft(self, draft: Any) -> None:
        self._run_editor(kind=getattr(draft, "kind", None), draft=draft)

    def edit_entry(self, entry_id: str) -> None:
        self._run_editor(entry_id=entry_id)

    def show_history(self, entry_id: str) -> None:
        self._run_history_dialog(lambda journal: HistoryDialog(journal, entry_id, self.window()))

    def show_trash(self) -> None:
        self._run_history_dialog(lambda journal: TrashDialog(journal, self.window()))

    def _run_history_dialog(self, make: Callable[[Any], QDialog]) -> None:
        """Run a history or trash dialog made by ``make(journal)``; afterwards re-read, as it may
        have restored or changed entries. An error is shown, not raised."""
        if self._journal is None:
            return
        journal = self._journal
        self._dialogs += 1
        try:
            try:
                dlg = make(journal)
                dlg.exec()
                dlg.deleteLater()
            except Exception as exc:  # noqa: BLE001
                dialogs.show_error(self, exc)
                return
            if self._journal is journal:
                self.refresh()
                self.journalChanged.emit()
        finally:
            self._dialogs -= 1

    def _delete_current(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id:
            self.delete_entry(entry_id)

    def delete_entry(self, entry_id: str) -> None:
        if self._journal is None:
            return
        if not dialogs.ask(self, self.tr("Move to trash"),
                           self.tr("Move this entry to the trash? You can restore it from the "
                                   "trash later, and its history is kept.")):
            return
        if self._journal is None:
            return
        row = self.model.row_of(entry_id)
        try:
            self._journal.delete_entry(entry_id)
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(self, exc)
            return
        log.info("entry moved to trash")
        self.show_saved(entry_id)
        if self.model.rowCount():
            self.select_row(min(max(row, 0), self.model.rowCount() - 1))
        self.journalChanged.emit()


def _place_of(journal: Any, entry_id: str, filters: dict[str, Any]) -> int | None:
    """Where ``entry_id`` belongs in the list (newest first, by time, then by the order of
    writing) filtered by kind and person, counted without it; None when the filters or the
    trash leave it out. Two indexed queries, however long the journal."""
    entry = journal.get_entry(entry_id)
    kinds = filters.get("kinds")
    person = filters.get("person_id")
    if entry.deleted or (kinds and entry.kind not in kinds) or (person and person not in entry.persons):
        return None
    when = entry.occurred_at
    same_time = journal.entry_ids(**filters, since=when, until=when)  # in list order
    newer = journal.count_entries(**filters, since=when) - len(same_time)
    return int(newer + same_time.index(entry_id))  # (ValueError if the store disagrees: reload)
