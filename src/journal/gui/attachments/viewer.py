"""In-app viewer of one attachment: images (fit, zoom), text, or the file's facts.

The bytes stay in memory; "Save a copy…" is the only way an attachment leaves the journal.
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import InputError
from journal.core.mediatype import sniff
from journal.core.outpath import check_output_path
from journal.gui import dialogs
from journal.gui.attachments.strip import file_size_text, safe_name
from journal.gui.fit import fit_to_screen

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

TEXT_TYPES = ("application/json", "application/xml", "text/csv")
MAX_TEXT_SHOWN = 2_000_000  # characters


class AttachmentViewer(QDialog):
    """Shows attachment ``attachment_id`` of ``journal``.

    ``data``/``filename`` (keyword only) show bytes that are not in the journal yet (a file held
    by the editor before the entry's first save).
    """

    def __init__(self, journal: Journal | None, attachment_id: str | None,
                 parent: QWidget | None = None, *, data: bytes | None = None,
                 filename: str = "") -> None:
        super().__init__(parent)
        self._journal = journal
        self._attachment_id = attachment_id
        self._zoom = 0.0  # 0 = fit to the window
        self._image = QImage()
        caption = ""
        if data is None:
            assert journal is not None and attachment_id is not None
            att = journal.get_attachment(attachment_id)
            data = journal.attachment_data(attachment_id)
            filename = att.filename
            media = att.media_type or sniff(data)
            caption = att.caption
        else:
            media = sniff(data)
        self._data = data
        self.filename = filename or "attachment"
        self.media_type = media
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.setWindowTitle(self.filename)
        fit_to_screen(self, 900, 680)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, value in ((self.tr("Name"), self.filename), (self.tr("Type"), media),
                             (self.tr("Size"), file_size_text(len(data))),
                             (self.tr("SHA-256"), self.sha256)):
            field = QLabel(value)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            field.setWordWrap(True)
            facts.addRow(label, field)
        if caption:
            facts.addRow(self.tr("Caption"), QLabel(caption))

        self.image_label: QLabel | None = None
        self.text_view: QPlainTextEdit | None = None
        self.scroll_area: QScrollArea | None = None
        lay = QVBoxLayout(self)
        zoom_row: QHBoxLayout | None = None
        image = QImage.fromData(QByteArray(data)) if media.startswith("image/") else QImage()
        if not image.isNull():
            self._image = image
            self.image_label = QLabel()
            self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.image_label.setAccessibleName(self.filename)
            self.scroll_area = QScrollArea()
            self.scroll_area.setWidget(self.image_label)
            self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.scroll_area.setWidgetResizable(False)
            lay.addWidget(self.scroll_area, 1)
            zoom_row = QHBoxLayout()
            self.fit_button = QPushButton(self.tr("Fit"))
            self.zoom_out_button = QPushButton(self.tr("Zoom out"))
            self.zoom_in_button = QPushButton(self.tr("Zoom in"))
            self.actual_button = QPushButton(self.tr("Actual size"))
            for b in (self.fit_button, self.zoom_out_button, self.zoom_in_button, self.actual_button):
                zoom_row.addWidget(b)
            zoom_row.addStretch(1)
            self.fit_button.clicked.connect(lambda: self.set_zoom(0.0))
            self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self._current_scale() * 1.25))
            self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self._current_scale() / 1.25))
            self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
            QShortcut(QKeySequence.StandardKey.ZoomIn, self, self.zoom_in_button.click)
            QShortcut(QKeySequence.StandardKey.ZoomOut, self, self.zoom_out_button.click)
            QShortcut(QKeySequence("Ctrl+0"), self, self.fit_button.click)
        elif media.startswith("text/") or media in TEXT_TYPES:
            self.text_view = QPlainTextEdit()
            self.text_view.setReadOnly(True)
            self.text_view.setAccessibleName(self.filename)
            self.text_view.setPlainText(data.decode("utf-8", errors="replace")[:MAX_TEXT_SHOWN])
            lay.addWidget(self.text_view, 1)
        else:
            note = QLabel(self.tr("This kind of file cannot be shown here. Use “Save a copy…” to "
                                  "open it with another program; the copy is not encrypted."))
            note.setWordWrap(True)
            lay.addWidget(note)
            fit_to_screen(self, 640, 300)
        if zoom_row is not None:
            lay.addLayout(zoom_row)
        lay.addLayout(facts)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.save_button.setToolTip(self.tr("Write an unencrypted copy of the original file"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_copy)
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        lay.addStretch(1)
        lay.addWidget(buttons)
        if self.image_label is not None:
            self.set_zoom(0.0)

    # --- zoom ------------------------------------------------------------------------------
    def _fit_scale(self) -> float:
        if self._image.isNull() or self.scroll_area is None:
            return 1.0
        area = self.scroll_area.viewport().size()
        w, h = max(area.width() - 4, 50), max(area.height() - 4, 50)
        return min(w / self._image.width(), h / self._image.height(), 1.0)

    def _current_scale(self) -> float:
        return self._zoom if self._zoom > 0 else self._fit_scale()

    def set_zoom(self, zoom: float) -> None:
        """0 fits the image to the window; otherwise a scale factor (1.0 = actual size)."""
        if self.image_label is None:
            return
        self._zoom = 0.0 if zoom <= 0 else min(max(zoom, 0.05), 16.0)
        scale = self._current_scale()
        w = max(1, int(self._image.width() * scale))
        h = max(1, int(self._image.height() * scale))
        pixmap = QPixmap.fromImage(self._image.scaled(
            w, h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.image_label.setPixmap(pixmap)
        self.image_label.resize(pixmap.size())

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self._zoom == 0 and self.image_label is not None:
            self.set_zoom(0.0)

    # --- the only way out ------------------------------------------------------------------
    def save_copy(self) -> bool:
        path = dialogs.save_file(self, self.tr("Save a copy of the attachment"),
                                 safe_name(self.filename))
        if not path:
            return False
        journal_path = getattr(self._journal, "path", None)
        try:  # never onto the journal, its files, another journal or the backups folder
            check_output_path(path, [journal_path] if journal_path is not None else [])
        except InputError as exc:
            dialogs.show_error(self, exc)
            return False
        try:
            with open(path, "wb") as fh:
                fh.write(self._data)
        except OSError:
            log.info("could not write the copy")
            dialogs.show_error(self, InputError("error.not_writable", path=path))
            return False
        self.status.setText(self.tr("The copy was saved. It is not encrypted: delete it when you "
                                    "no longer need it."))
        return True

    def set_journal(self, journal: Journal | None) -> None:
        """``None`` (lock): drop the picture, the text and the bytes, and close."""
        if journal is not None:
            return
        self._data = b""
        self._image = QImage()
        if self.image_label is not None:
            self.image_label.clear()
        if self.text_view is not None:
            self.text_view.clear()
        self._journal = None
        QDialog.done(self, QDialog.DialogCode.Rejected)

    def data(self) -> bytes:
        return self._data
