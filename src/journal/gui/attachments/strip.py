"""A row of an entry's attachments: thumbnails made in memory, add by dialog, drop or Ctrl+V.

For a saved entry every addition goes straight into the journal. For an entry that is not saved
yet (``set_entry(journal, None)``) the files are held in memory as *pending* attachments; the
editor stores them in its encrypted draft and adds them with :meth:`commit_pending` on save.
Nothing is ever written to a file: thumbnails are QPixmaps made from the bytes.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import InputError, JournalError
from journal.core.mediatype import is_image, sniff
from journal.core.store import MAX_ATTACHMENT_BYTES
from journal.gui import dialogs

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

THUMB = 96


@dataclass
class PendingAttachment:
    filename: str
    data: bytes
    caption: str = ""


def thumbnail_icon(data: bytes, media_type: str, style: QStyle, size: int = THUMB) -> QIcon:
    """A thumbnail made in memory from image bytes, or a file icon for other types."""
    if is_image(media_type) or media_type.startswith("image/"):
        image = QImage.fromData(QByteArray(data))
        if not image.isNull():
            scaled = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            return QIcon(_centred(QPixmap.fromImage(scaled), size))
    if media_type.startswith("text/") or media_type == "application/json":
        icon = style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
    else:
        icon = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
    return QIcon(_centred(icon.pixmap(size // 2, size // 2), size))


def _centred(pixmap: QPixmap, size: int) -> QPixmap:
    """``pixmap`` in the middle of a transparent square, so thumbnails and names line up."""
    canvas = QPixmap(size, size)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.drawPixmap((size - pixmap.width()) // 2, (size - pixmap.height()) // 2, pixmap)
    painter.end()
    return canvas


def image_to_png(image: QImage) -> bytes:
    """PNG bytes of an image, encoded in memory (QBuffer), never through a file."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(array.data())


def read_file(path: str) -> tuple[str, bytes]:
    """(file name, bytes) of a file chosen by the user; clear InputErrors for the usual troubles."""
    p = Path(path)
    if not p.is_file():
        raise InputError("error.file_missing", path=str(p))
    size = p.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise InputError("error.attachment_too_large", field="attachments", name=p.name,
                         size_mb=round(size / 1024 / 1024), limit_mb=MAX_ATTACHMENT_BYTES // 1024 // 1024)
    if size == 0:
        raise InputError("error.attachment_empty", field="attachments", name=p.name)
    try:
        return p.name, p.read_bytes()
    except OSError:
        raise InputError("error.file_unreadable", path=str(p)) from None


def local_files(mime: QMimeData) -> list[str]:
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class _AttachmentList(QListWidget):
    """The thumbnails; Ctrl+V pastes, Delete removes, Enter opens."""

    pasteRequested = Signal()
    removeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pasteRequested.emit()
            return
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


class AttachmentStrip(QWidget):
    """The attachments of one entry (or of an entry being written)."""

    changed = Signal()  # something was added, removed or re-captioned

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal: Journal | None = None
        self._entry_id: str | None = None
        self._pending: list[PendingAttachment] = []
        self.setAcceptDrops(True)

        self.title = QLabel(self.tr("Screenshots and files"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.add_button = QPushButton(self.tr("Add files…"), self)
        self.paste_button = QPushButton(self.tr("Paste screenshot"), self)
        self.paste_button.setToolTip(self.tr("Paste an image copied to the clipboard (Ctrl+V)"))
        self.list = _AttachmentList(self)
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 44, THUMB + 40))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setFixedHeight(THUMB + 52)
        self.list.setAcceptDrops(False)  # drops are handled by the strip itself
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.caption = QLineEdit(self)
        self.caption.setPlaceholderText(self.tr("Caption of the selected file (what it shows)"))
        self.caption.setAccessibleName(self.tr("Caption"))
        self.open_button = QPushButton(self.tr("Open"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        # the title on a line of its own, so that a narrow detail pane (800×600) wraps instead of
        # growing a horizontal scroll bar
        head.addWidget(self.add_button)
        head.addWidget(self.paste_button)
        head.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.remove_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(self.title)
        lay.addLayout(head)
        lay.addWidget(self.list)
        lay.addWidget(self.hint)
        lay.addLayout(row)

        self.add_button.clicked.connect(self.add_from_dialog)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.list.pasteRequested.connect(self.paste_from_clipboard)
        self.list.removeRequested.connect(self.remove_selected)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.caption.editingFinished.connect(self._commit_caption)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self._update_state()

    # --- binding ----------------------------------------------------------------------------
    def set_entry(self, journal: Journal | None, entry_id: str | None) -> None:
        """Show ``entry_id``'s attachments; ``entry_id=None`` holds new files in memory;
        ``journal=None`` (lock) drops everything."""
        self._journal = journal
        self._entry_id = entry_id if journal is not None else None
        if journal is None:
            self._pending = []
        self.reload()

    def entry_id(self) -> str | None:
        return self._entry_id

    def reload(self) -> None:
        self.list.clear()
        self.caption.clear()
        if self._journal is None:
            self._update_state()
            return
        if self._entry_id is None:
            for index, pending in enumerate(self._pending):
                media = sniff(pending.data)
                self._add_item(("pending", index), pending.filename, pending.caption,
                               pending.data, media)
        else:
            try:
                attachments = self._journal.list_attachments(entry_id=self._entry_id)
            except JournalError as exc:
                dialogs.show_error(self, exc)
                attachments = []
            for att in attachments:
                data = b""
                if is_image(att.media_type):
                    try:
                        data = self._journal.attachment_data(att.id)
                    except JournalError:
                        log.warning("attachment bytes could not be read for a thumbnail")
                self._add_item(att.id, att.filename, att.caption, data, att.media_type)
        self._update_state()

    def _add_item(self, key: Any, filename: str, caption: str, data: bytes, media: str) -> None:
        item = QListWidgetItem(thumbnail_icon(data, media, self.style()), filename)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.UserRole + 1, caption)
        item.setToolTip(f"{filename}\n{caption}" if caption else filename)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, filename)
        self.list.addItem(item)

    def _update_state(self) -> None:
        active = self._journal is not None
        # a journal open read-only (or found damaged): look, but add, caption or remove nothing
        writable = active and bool(getattr(self._journal, "writable", True))
        self.list.setEnabled(active)
        for w in (self.add_button, self.paste_button):
            w.setEnabled(writable)
        has = self.list.currentItem() is not None
        self.caption.setEnabled(writable and has)
        self.remove_button.setEnabled(writable and has)
        self.open_button.setEnabled(active and has)
        if self._entry_id is None and active:
            self.hint.setText(self.tr("Drop files here or press Ctrl+V to paste a screenshot. "
                                      "They are stored in the journal when you save the entry."))
        else:
            self.hint.setText(self.tr("Drop files here or press Ctrl+V to paste a screenshot. "
                                      "The original files are kept unchanged, encrypted."))

    # --- pending (entry not saved yet) ------------------------------------------------------
    def pending(self) -> list[PendingAttachment]:
        return list(self._pending)

    def set_pending(self, items: list[PendingAttachment]) -> None:
        self._pending = list(items)
        if self._entry_id is None:
            self.reload()

    def commit_pending(self, entry_id: str) -> list[JournalError]:
        """Add the held files to the saved entry and switch to it; returns the errors (the
        files that failed stay pending so nothing is lost)."""
        assert self._journal is not None
        errors: list[JournalError] = []
        left: list[PendingAttachment] = []
        for pending in self._pending:
            try:
                self._journal.add_attachment(entry_id=entry_id, data=pending.data,
                                             filename=pending.filename, caption=pending.caption)
            except JournalError as exc:
                errors.append(exc)
                left.append(pending)
        self._pending = left
        if not left:
            self._entry_id = entry_id
        self.reload()
        return errors

    # --- adding -----------------------------------------------------------------------------
    def add_bytes(self, data: bytes, filename: str) -> bool:
        """Add one file's bytes; shows the error and returns False when it is refused."""
        if self._journal is None:
            return False
        try:
            if len(data) > MAX_ATTACHMENT_BYTES:
                raise InputError("error.attachment_too_large", field="attachments", name=filename,
                                 size_mb=round(len(data) / 1024 / 1024),
                                 limit_mb=MAX_ATTACHMENT_BYTES // 1024 // 1024)
            if not data:
                raise InputError("error.attachment_empty", field="attachments", name=filename)
            if self._entry_id is None:
                self._pending.append(PendingAttachment(filename, data))
            else:
                self._journal.add_attachment(entry_id=self._entry_id, data=data, filename=filename)
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return False
        self.reload()
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()
        return True

    def add_files(self, paths: list[str]) -> int:
        """Add files by path; returns how many were added (errors are shown one by one)."""
        added = 0
        for path in paths:
            try:
                name, data = read_file(path)
            except JournalError as exc:
                dialogs.show_error(self, exc)
                continue
            if self.add_bytes(data, name):
                added += 1
        return added

    def add_from_dialog(self) -> None:
        paths = dialogs.open_files(self, self.tr("Add screenshots or files"))
        if paths:
            self.add_files(paths)

    def paste_from_clipboard(self) -> bool:
        """Add the clipboard's image (a screenshot) as a PNG, or its copied files."""
        if self._journal is None:
            return False
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage():
            image = QApplication.clipboard().image()
            if not image.isNull():
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                return self.add_bytes(image_to_png(image), f"screenshot-{stamp}.png")
        if mime is not None and local_files(mime):
            return self.add_files(local_files(mime)) > 0
        dialogs.inform(self, self.tr("Paste screenshot"),
                       self.tr("The clipboard holds no image. Take a screenshot or copy an image "
                               "first, then paste it here."))
        return False

    # --- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self._journal is not None and (local_files(mime) or mime.hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if self._journal is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = local_files(mime)
        if files:
            self.add_files(files)
        elif mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                self.add_bytes(image_to_png(image), f"image-{stamp}.png")
        event.acceptProposedAction()

    # --- selection, caption, open, remove ---------------------------------------------------
    def _on_current(self, current: QListWidgetItem | None, _previous: Any = None) -> None:
        self.caption.blockSignals(True)
        self.caption.setText(current.data(Qt.ItemDataRole.UserRole + 1) if current else "")
        self.caption.blockSignals(False)
        self._update_state()

    def set_caption(self, caption: str) -> None:
        """Set the caption of the selected attachment (what the caption field does)."""
        self.caption.setText(caption)
        self._commit_caption()

    def _commit_caption(self) -> None:
        item = self.list.currentItem()
        if item is None or self._journal is None:
            return
        caption = self.caption.text().strip()
        if caption == (item.data(Qt.ItemDataRole.UserRole + 1) or ""):
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        try:
            if isinstance(key, (tuple, list)):
                self._pending[int(key[1])].caption = caption
            else:
                self._journal.update_attachment_caption(key, caption)
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return
        item.setData(Qt.ItemDataRole.UserRole + 1, caption)
        name = item.text()
        item.setToolTip(f"{name}\n{caption}" if caption else name)
        self.changed.emit()

    def open_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self._journal is None:
            return
        from journal.gui.attachments.viewer import AttachmentViewer

        key = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(key, (tuple, list)):
            pending = self._pending[int(key[1])]
            viewer = AttachmentViewer(self._journal, None, self, data=pending.data,
                                      filename=pending.filename)
        else:
            viewer = AttachmentViewer(self._journal, key, self)
        viewer.exec()
        viewer.deleteLater()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self._journal is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(key, (tuple, list)):
            del self._pending[int(key[1])]
        else:
            if not dialogs.ask(self, self.tr("Remove attachment"),
                               self.tr("Remove “%1” from this entry? It is hidden, not erased: "
                                       "the journal keeps it for its history.").replace("%1", item.text())):
                return
            try:
                self._journal.remove_attachment(key)
            except JournalError as exc:
                dialogs.show_error(self, exc)
                return
        self.reload()
        self.changed.emit()


def file_size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def safe_name(name: str) -> str:
    """A file name suggestion without directory parts."""
    return os.path.basename(name.replace("\\", "/")) or "attachment"
