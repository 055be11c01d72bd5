"""The messages of an imported chat day, with "Make an entry from this message…".

``set_entry(journal, entry_id)`` shows the messages stored for that transcript entry (nothing
when the entry was not imported). Choosing a message and an entry kind emits
``makeEntryRequested(EntryDraft)``: the draft carries the message's time, sender, text and a
``source_entry_id`` link back to the transcript; the window opens the editor with it.

Lines read from chat screenshots are shown as last corrected, beside the picture they were read
from (the selected line's picture, with its capture time, device and GPS position), and
"Correct this line…" opens :class:`~journal.gui.importer.correct.CorrectLineDialog`; a saved
correction emits ``entryChanged(entry_id)``. Pictures are decoded in memory only.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import JournalError
from journal.core.importers import entry_draft_from_message
from journal.core.ocr.capture import capture_facts, capture_lines
from journal.core.ocr.corrections import TranscriptLine, transcript
from journal.gui import dialogs
from journal.gui.editor import labels
from journal.gui.importer.correct import CorrectLineDialog
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

ENTRY_KINDS = ("request", "payment", "gift", "threat", "meeting", "note")
_ID_ROLE = Qt.ItemDataRole.UserRole
PICTURE_WIDTH = 170
MESSAGE_COLUMN = 2


class WrappedLines(QStyledItemDelegate):
    """Rows as tall as their text wrapped in the tree's column width, so a long line is read
    whole in a narrow pane. (QTreeView asks a delegate for a row's height without the column's
    width, and the row then holds one line and cuts the rest with "…".)"""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree
        # a narrower or wider column wraps differently: the rows' heights are asked again
        tree.header().sectionResized.connect(self._column_resized)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:  # Qt's name
        width = self._tree.columnWidth(index.column())
        if width <= 0:
            return super().sizeHint(option, index)
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, width, max(1, option.rect.height()))
        return super().sizeHint(sized, index)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == MESSAGE_COLUMN:
            self._tree.scheduleDelayedItemsLayout()


class TranscriptView(QWidget):
    makeEntryRequested = Signal(object)  # EntryDraft
    entryChanged = Signal(str)  # a line was corrected: the entry has a new revision

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
        self.tree.setItemDelegateForColumn(MESSAGE_COLUMN, WrappedLines(self.tree))
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
        self.correct_button = QPushButton(self.tr("Correct this line…"))
        self.correct_button.setToolTip(self.tr(
            "Correct the time, speaker or text the computer read; the picture stays the evidence"))
        self.correct_button.clicked.connect(self.correct_selected)
        self.correct_button.setEnabled(False)
        self.correct_button.hide()

        # the picture the selected line was read from, with its capture metadata
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.picture.setFixedWidth(PICTURE_WIDTH)
        self.picture_caption = QLabel()
        self.picture_caption.setTextFormat(Qt.TextFormat.PlainText)
        self.picture_caption.setWordWrap(True)
        self.picture_caption.setFixedWidth(PICTURE_WIDTH)
        self.picture_caption.setStyleSheet("color: palette(dark);")
        self.picture_box = QWidget()
        pic_layout = QVBoxLayout(self.picture_box)
        pic_layout.setContentsMargins(0, 0, 0, 0)
        pic_layout.addWidget(self.picture)
        pic_layout.addWidget(self.picture_caption)
        pic_layout.addStretch(1)
        self.picture_box.hide()
        self._lines: dict[str, TranscriptLine] = {}
        self._pixmaps: dict[str, QPixmap] = {}
        self._facts: dict[str, list[str]] = {}
        self._shown_picture: str | None = None

        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.correct_button)
        row.addWidget(self.make_button)
        beside = QHBoxLayout()
        beside.addWidget(self.picture_box)
        beside.addWidget(self.tree, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(beside, 1)
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
        self.correct_button.setEnabled(False)
        self._clear_pictures()
        if journal is None or entry_id is None:
            return
        try:
            entry = journal.get_entry(entry_id)
            lines = transcript(journal, entry_id)
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return
        self.title.setText(f"{entry.occurred_at:%Y-%m-%d} · {entry.summary}")
        recognised = any(line.recognised for line in lines)
        self.picture_box.setVisible(recognised)
        self.correct_button.setVisible(recognised)
        for line in lines:
            self._lines[line.message_id] = line
            sent = line.sent_at
            item = QTreeWidgetItem([
                sent.strftime("%H:%M:%S") if sent.second else sent.strftime("%H:%M"),
                line.sender or self.tr("(system)"),
                line.text,
            ])
            item.setData(0, _ID_ROLE, line.message_id)
            for col in range(MESSAGE_COLUMN):  # time and speaker beside a wrapped line's start
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            item.setToolTip(0, sent.strftime("%Y-%m-%d %H:%M:%S %z"))
            item.setToolTip(MESSAGE_COLUMN, line.text)  # the whole line, also in the tooltip
            if line.corrections:
                read = line.original
                note = self.tr("Corrected by hand. Read from the picture: %1 %2: %3") \
                    .replace("%1", f"{read['sent_at']:%H:%M}").replace("%2", str(read["sender"])) \
                    .replace("%3", str(read["text"]))
                for col in range(3):
                    font = QFont(item.font(col))
                    font.setItalic(True)
                    item.setFont(col, font)
                    item.setToolTip(col, note)
            if not line.sender:
                for col in range(3):
                    item.setForeground(col, Qt.GlobalColor.darkGray)
            self.tree.addTopLevelItem(item)
        if recognised:
            self._show_picture(next(x.attachment_id for x in lines if x.recognised))
        if not lines:
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
        message_id = self.current_message_id()
        self.make_button.setEnabled(message_id is not None)
        line = self._lines.get(message_id or "")
        self.correct_button.setEnabled(line is not None and line.recognised and self._writable())
        if line is not None and line.recognised:
            self._show_picture(line.attachment_id)

    def _writable(self) -> bool:
        return bool(getattr(self.journal, "writable", True))

    # ------------------------------------------------------------------ the picture
    def _clear_pictures(self) -> None:
        self._lines.clear()
        self._pixmaps.clear()
        self._facts.clear()
        self._shown_picture = None
        self.picture.clear()
        self.picture_caption.clear()
        self.picture_box.hide()
        self.correct_button.hide()

    def _show_picture(self, attachment_id: str | None) -> None:
        if attachment_id is None or self.journal is None or attachment_id == self._shown_picture:
            return
        if attachment_id not in self._pixmaps:
            try:
                data = self.journal.attachment_data(attachment_id)
            except JournalError as exc:
                log.info("transcript picture not shown: %s", exc.key)
                return
            image = QImage.fromData(data)
            self._pixmaps[attachment_id] = QPixmap() if image.isNull() else QPixmap.fromImage(
                image.scaledToWidth(PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation))
            self._facts[attachment_id] = capture_lines(capture_facts(data), current_lang())
            del data
        self._shown_picture = attachment_id
        self.picture.setPixmap(self._pixmaps[attachment_id])
        self.picture_caption.setText("\n".join([
            self.tr("The picture this line was read from. Check the text against it."),
            *self._facts[attachment_id]]))

    def shown_picture(self) -> str | None:
        """The attachment id of the picture shown beside the transcript (tests)."""
        return self._shown_picture

    # ------------------------------------------------------------------ correcting
    def correct_selected(self) -> CorrectLineDialog | None:
        """Open the correction dialog for the selected recognised line (window-modal)."""
        line = self._lines.get(self.current_message_id() or "")
        if self.journal is None or line is None or not line.recognised:
            return None
        speakers = list(dict.fromkeys(x.sender for x in self._lines.values() if x.sender))
        picture = self._pixmaps.get(line.attachment_id or "")
        dialog = CorrectLineDialog(self.journal, line, speakers, self, picture)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        entry_id, message_id = self.entry_id, line.message_id

        def finished() -> None:
            if dialog.saved and entry_id is not None:
                self.set_entry(self.journal, entry_id)
                self.select_message(message_id)
                self.entryChanged.emit(entry_id)

        dialog.accepted.connect(finished)
        dialog.open()
        return dialog

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
