"""Files in the entry editor: a new entry holds its attachments until it is saved (they travel
in the draft as base64 and are stored with the entry), and files dropped or images pasted
anywhere on the form become attachments."""

from __future__ import annotations

import base64
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from journal.gui.attachments.strip import PendingAttachment
from journal.gui.editor.base import EditorBase

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)


def held_to_state(pending: Iterable[PendingAttachment]) -> list[dict[str, str]]:
    """Held attachments as JSON-able data for the draft."""
    return [
        {"filename": p.filename, "caption": p.caption,
         "data": base64.b64encode(p.data).decode("ascii")}
        for p in pending
    ]


def held_from_state(items: Iterable[Any]) -> list[PendingAttachment]:
    """The held attachments of a draft (an unreadable one is left out and logged)."""
    pending = []
    for item in items:
        try:
            pending.append(PendingAttachment(str(item["filename"]),
                                             base64.b64decode(item["data"]),
                                             str(item.get("caption", ""))))
        except (KeyError, ValueError, TypeError):
            log.warning("a held attachment in the draft could not be read")
    return pending


def store_held(journal: Journal, entry_id: str, pending: Iterable[PendingAttachment]) -> None:
    """Store the attachments held for a new entry, once the entry exists."""
    for p in pending:
        journal.add_attachment(entry_id=entry_id, data=p.data,
                               filename=p.filename, caption=p.caption)


class EditorAttachments(EditorBase):
    def _restore_held(self, items: Iterable[Any]) -> None:
        """Put a draft's held attachments back in the strip."""
        pending = held_from_state(items)
        if pending and self.entry_id is None:
            self.strip.set_pending(pending)
        elif pending and self._journal is not None and self.entry_id is not None:
            for p in pending:  # an entry's draft never holds files, but never drop them
                self.strip.add_bytes(p.data, p.filename)

    # ------------------------------------------------------------------ drop and paste anywhere
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.strip.dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.strip.dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.strip.dropEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Ctrl+V with an image (and no text) on the clipboard adds it as an attachment, even
        while the cursor is in a text field."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and \
                isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Paste):
            mime = QApplication.clipboard().mimeData()
            if mime is not None and mime.hasImage() and not mime.hasText():
                if event.type() == QEvent.Type.KeyPress:
                    self.strip.paste_from_clipboard()
                event.accept()
                return True
        return super().eventFilter(obj, event)
