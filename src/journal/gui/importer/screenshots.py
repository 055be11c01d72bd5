"""Import screenshots…: chat screenshots read on this computer, checked in a preview, then saved.

Choose the pictures; they are read one at a time in the recognition child process (off the UI
thread, with progress and Cancel); the preview shows each picture beside the transcript read from
it (time, who, text) and how its time was found; "Import" writes them as contact entries by
conversation and day (journal.core.ocr.screenshots). Nothing is written before "Import".
Pictures are shown from memory only (no thumbnail files).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core import i18n
from journal.core.i18n import message
from journal.core.ocr.screenshots import (
    ScreenshotBatch,
    ScreenshotImportResult,
    import_screenshots,
    read_screenshots,
)
from journal.core.timeparse import show_when
from journal.gui import dialogs
from journal.gui.importer.common import ImportButtons, heading, plain
from journal.gui.importer.progress import TaskProgress
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

PICTURE_WIDTH = 300
FILTER = "*.png *.jpg *.jpeg *.webp *.bmp *.PNG *.JPG *.JPEG"


class ScreenshotImportDialog(QDialog):
    """``ScreenshotImportDialog(journal, parent)``; after Accepted, ``.result`` holds the
    :class:`~journal.core.ocr.screenshots.ScreenshotImportResult`."""

    PAGE_CHOOSE, PAGE_READING, PAGE_PREVIEW, PAGE_DONE = range(4)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.result: ScreenshotImportResult | None = None  # type: ignore[assignment]
        self.batch: ScreenshotBatch | None = None
        self._pixmaps: dict[int, QPixmap] = {}
        self._saving = False
        self.setWindowTitle(self.tr("Import chat screenshots"))
        self.setMinimumSize(860, 600)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choose())
        self.pages.addWidget(self._build_reading())
        self.pages.addWidget(self._build_preview())
        self.pages.addWidget(self._build_done())

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        buttons = ImportButtons(self, start=self.start_import, cancel=self._cancel)
        layout.addLayout(buttons)
        self.import_button = buttons.import_button
        self.cancel_button = buttons.cancel_button
        self.close_button = buttons.close_button
        self._show(self.PAGE_CHOOSE)

    # ------------------------------------------------------------------ pages
    def _build_choose(self) -> QWidget:
        page = QWidget()
        title = heading(QLabel(self.tr("Read the text of chat screenshots on this computer")))
        text = plain(QLabel(self.tr(
            "Choose screenshots of one or more chats (WeChat, QQ, Telegram and similar apps). "
            "Their text is recognised here, without the internet: the other side's messages on "
            "the left, yours on the right, with the times shown in the chat.\n\n"
            "You will check what was read before anything is saved. The pictures themselves are "
            "kept in the journal, unchanged, as the evidence; the recognised text can contain "
            "mistakes.")))
        self.choose_button = QPushButton(self.tr("Choose screenshots…"))
        self.choose_button.clicked.connect(self.choose)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    def _build_reading(self) -> QWidget:
        self.work = TaskProgress()  # reads the pictures, then saves them
        self.progress = self.work.bar
        self.reading_label = self.work.label
        return self.work

    def _build_preview(self) -> QWidget:
        page = QWidget()
        self.summary_label = plain(QLabel())
        self.picture_list = QListWidget()
        self.picture_list.setMaximumWidth(180)
        self.picture_list.currentRowChanged.connect(self._show_picture)
        self.picture_label = QLabel()
        self.picture_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.picture_label.setMinimumWidth(PICTURE_WIDTH)
        self.source_label = plain(QLabel())
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Who"), self.tr("Text")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setMinimumWidth(380)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.source_label)
        right_layout.addWidget(self.table, 1)
        split = QSplitter()
        split.addWidget(self.picture_list)
        split.addWidget(self.picture_label)
        split.addWidget(right)
        split.setStretchFactor(2, 1)
        split.setSizes([150, PICTURE_WIDTH, 420])
        self.person_edit = QLineEdit()
        self.person_edit.setPlaceholderText(self.tr("as read from the chat's header"))
        form = QFormLayout()
        form.addRow(self.tr("The other side is, in this journal:"), self.person_edit)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)
        layout.addLayout(form)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.done_label = plain(QLabel())
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    def _show(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self.import_button.setVisible(page == self.PAGE_PREVIEW)
        self.import_button.setEnabled(page == self.PAGE_PREVIEW and self._has_new())
        self.cancel_button.setVisible(page != self.PAGE_DONE)
        self.cancel_button.setEnabled(not self._saving)
        self.close_button.setVisible(page == self.PAGE_DONE)

    def _has_new(self) -> bool:
        return self.batch is not None and any(not p.duplicate for p in self.batch.pictures)

    # ------------------------------------------------------------------ reading
    @Slot()
    def choose(self) -> None:
        files = dialogs.open_files(self, self.tr("Choose chat screenshots"),
                                   self.tr("Pictures") + f" ({FILTER})")
        if files:
            self.read([Path(f) for f in files])

    def read(self, paths: list[Path]) -> None:
        """Read ``paths`` in the background; the preview follows (or the error is shown)."""
        if self.work.busy():
            return
        lang = current_lang()
        journal = self.journal
        self._show(self.PAGE_READING)
        files: list[Path | str] = list(paths)
        stop = self.work.run(
            lambda progress: read_screenshots(files, journal=journal, lang=lang,
                                              progress=progress,
                                              cancelled=lambda: stop.cancelled),
            done=self._on_read, failed=self._read_failed, total=len(paths),
            text=self.tr("Reading the screenshots…"), progress_text=self._reading_text,
            name="screenshot-reading")

    def _reading_text(self, done: int, total: int) -> str:
        if done < total:
            return self.tr("Reading screenshot {n} of {total}…").format(n=done + 1, total=total)
        return self.tr("Reading the screenshots…")

    def _read_failed(self, error: BaseException) -> None:
        dialogs.show_error(self, error)
        self._show(self.PAGE_CHOOSE)

    def _on_read(self, batch: Any) -> None:
        self.batch = batch
        self._fill_preview()
        self._show(self.PAGE_PREVIEW)

    def _fill_preview(self) -> None:
        assert self.batch is not None
        pictures = self.batch.pictures
        fresh = [p for p in pictures if not p.duplicate]
        conversations = sorted({p.conversation for p in fresh if p.conversation})
        summary = i18n.fill(self.tr("{n} {n:screenshot|screenshots} read, {m} {m:message|messages}. "
                                    "Check the text against each picture."),
                            n=len(fresh), m=sum(len(p.messages) for p in fresh))
        if len(pictures) > len(fresh):
            summary += " " + self.tr("{d} were imported before and are left out.").format(
                d=len(pictures) - len(fresh))
        self.summary_label.setText(summary)
        if len(conversations) == 1:
            self.person_edit.setText(conversations[0])
        self.picture_list.clear()
        self._pixmaps.clear()
        for pic in pictures:
            name = pic.path.name
            if pic.duplicate:
                name = self.tr("{name} (imported before)").format(name=pic.path.name)
            item = QListWidgetItem(name)
            self.picture_list.addItem(item)
        if pictures:
            self.picture_list.setCurrentRow(0)
        log.debug("preview of %d screenshots", len(pictures))

    @Slot(int)
    def _show_picture(self, row: int) -> None:
        if self.batch is None or not 0 <= row < len(self.batch.pictures):
            return
        pic = self.batch.pictures[row]
        lang = current_lang()
        if row not in self._pixmaps:
            try:
                data = pic.path.read_bytes()
            except OSError:
                data = b""
            image = QImage.fromData(data)
            self._pixmaps[row] = QPixmap.fromImage(image.scaledToWidth(
                PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)) if not image.isNull() \
                else QPixmap()
        self.picture_label.setPixmap(self._pixmaps[row])
        if pic.duplicate:
            self.source_label.setText(self.tr("Imported before; it will not be added again."))
        else:
            self.source_label.setText(" · ".join(filter(None, [
                pic.conversation or message("ocr.other_side", lang),
                message(f"ocr.time_{pic.time_source}", lang),
                pic.exif.get("device", ""),
                message("ocr.gps", lang, lat=f"{pic.exif['gps'][0]:.5f}",
                        lon=f"{pic.exif['gps'][1]:.5f}") if pic.exif.get("gps") else "",
            ])))
        self.table.setRowCount(len(pic.messages))
        for i, m in enumerate(pic.messages):
            for col, text in enumerate((show_when(m.sent_at, "exact", lang), m.sender, m.text)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if m.side == "me":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                                          if col == 2 else Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self.table.resizeRowsToContents()

    # ------------------------------------------------------------------ saving
    @Slot()
    def start_import(self) -> None:
        if self.batch is None or not self._has_new() or self.work.busy():
            return
        journal, batch, lang = self.journal, self.batch, current_lang()
        person = self.person_edit.text().strip() or None
        self._saving = True
        self._show(self.PAGE_READING)
        self.work.run(lambda _progress: import_screenshots(journal, batch, lang=lang,
                                                           person=person),
                      done=self._imported, failed=self._import_failed,
                      text=self.tr("Saving the screenshots and their text…"),
                      name="screenshot-import")

    def _import_failed(self, error: BaseException) -> None:
        self._saving = False
        self._show(self.PAGE_PREVIEW)
        dialogs.show_error(self, error)

    def _imported(self, result: ScreenshotImportResult) -> None:
        self._saving = False
        self.result = result
        r = result
        self.done_label.setText(self.tr(
            "Imported {pictures} screenshots: {messages} messages in {entries} entries. The "
            "pictures are kept with their recognised text.").format(
                pictures=r.pictures, messages=r.messages, entries=len(r.entry_ids)))
        self._show(self.PAGE_DONE)

    # ------------------------------------------------------------------ leaving
    @Slot()
    def _cancel(self) -> None:
        if self._saving:
            return  # the transaction commits or rolls back on its own; wait for it
        if self.work.busy():
            self.work.cancel()  # the recognition child is stopped at once; its outcome dropped
            self._show(self.PAGE_CHOOSE)
            return
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._saving:
            event.ignore()
            return
        self._stop_reading()
        super().closeEvent(event)

    def reject(self) -> None:
        if self._saving:
            return
        self._stop_reading()
        super().reject()

    def _stop_reading(self) -> None:
        task = self.work.task
        if self.work.cancel() and task is not None:
            task.wait(10)

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """The preview table's rows (time, who, text) as shown."""
        rows: list[tuple[str, str, str]] = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            time_, who, text = (cell.text() if cell is not None else "" for cell in cells)
            rows.append((time_, who, text))
        return rows
