"""The messages of an imported chat day, with "Make an entry from this message…".

``set_entry(journal, entry_id)`` shows the messages stored for that transcript entry (nothing
when the entry was not imported). Choosing a message and an entry kind emits
``makeEntryRequested(EntryDraft)``: the draft carries the message's time, sender, text and a
``source_entry_id`` link back to the transcript; the window opens the editor with it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import JournalError
from journal.core.importers import entry_draft_from_message
from journal.gui import dialogs
from journal.gui.editor import labels
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

ENTRY_KINDS = ("request", "payment", "gift", "threat", "meeting", "note")
_ID_ROLE = Qt.ItemDataRole.UserRole


class TranscriptView(QWidget):
    makeEntryRequested = Signal(object)  # EntryDraft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal: Journal | None = None
        self.entry_id: str | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("From"), self.tr("Message")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemSelectionChanged.connect(self._selection_changed)

        self.make_button = QToolButton()
        self.make_button.setText(self.tr("Make an entry from this message…"))
        self.make_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.make_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.make_button.setMenu(self._kinds_menu(self))
        self.make_button.setEnabled(False)
        self.hint = QLabel(self.tr("Choose a message, then record it as a request, payment, gift…"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")

        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)

    # ------------------------------------------------------------------ content
    def set_journal(self, journal: Journal | None) -> None:
        """The window's protocol: ``None`` (on lock) drops everything shown."""
        if journal is None:
            self.set_entry(None, None)
        else:
            self.journal = journal

    def set_entry(self, journal: Journal | None, entry_id: str | None) -> None:
        self.journal = journal
        self.entry_id = entry_id
        self.tree.clear()
        self.title.clear()
        self.make_button.setEnabled(False)
        if journal is None or entry_id is None:
            return
        try:
            entry = journal.get_entry(entry_id)
            messages = journal.messages(entry_id)
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return
        self.title.setText(f"{entry.occurred_at:%Y-%m-%d} · {entry.summary}")
        for m in messages:
            sent = m["sent_at"]
            item = QTreeWidgetItem([
                sent.strftime("%H:%M:%S") if sent.second else sent.strftime("%H:%M"),
                m["sender"] or self.tr("(system)"),
                m["text"],
            ])
            item.setData(0, _ID_ROLE, m["id"])
            item.setToolTip(0, sent.strftime("%Y-%m-%d %H:%M:%S %z"))
            if not m["sender"]:
                for col in range(3):
                    item.setForeground(col, Qt.GlobalColor.darkGray)
            self.tree.addTopLevelItem(item)
        if not messages:
            self.title.setText(self.title.text() + "\n" + self.tr("(This entry has no imported messages.)"))

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def message_ids(self) -> list[str]:
        return [item.data(0, _ID_ROLE) for item in self._items()]

    def select_message(self, message_id: str) -> None:
        for item in self._items():
            if item.data(0, _ID_ROLE) == message_id:
                self.tree.setCurrentItem(item)
                return

    def current_message_id(self) -> str | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, _ID_ROLE)

    # ------------------------------------------------------------------ actions
    def _kinds_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for kind in ENTRY_KINDS:
            action = QAction(labels.kind_label(kind), menu)
            action.setData(kind)
            action.triggered.connect(lambda _checked=False, k=kind: self.make_entry(k))
            menu.addAction(action)
        return menu

    def _selection_changed(self) -> None:
        self.make_button.setEnabled(self.current_message_id() is not None)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        sub = self._kinds_menu(menu)
        sub.setTitle(self.tr("Make an entry from this message…"))
        menu.addMenu(sub)
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def make_entry(self, kind: str = "request") -> Any:
        """Emit ``makeEntryRequested`` with a draft made from the selected message."""
        message_id = self.current_message_id()
        if self.journal is None or message_id is None:
            return None
        try:
            draft = entry_draft_from_message(self.journal, message_id, kind, lang=current_lang())
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return None
        self.makeEntryRequested.emit(draft)
        return draft
