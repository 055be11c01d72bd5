"""Import a chat export or a payment bill: choose the file, check a preview, import off the UI
thread, see a summary.

Nothing is written to the journal before the user presses "Import": the preview is made from the
parsed file only. The original export file is stored in the journal as evidence.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from journal.core import i18n
from journal.core.errors import JournalError
from journal.core.importers import ImportResult, ParsedChat, detect_kind, import_bill, import_chat
from journal.core.importers.bills import ParsedBill
from journal.core.importers.common import BILL_APPS, system_tz_name
from journal.core.importers.sandbox import parse_file_isolated
from journal.core.ocr.screenshots import ScreenshotImportResult, looks_like_picture
from journal.gui import dialogs
from journal.gui.fit import fit_to_screen
from journal.gui.importer.billpreview import BillPreview
from journal.gui.importer.chatpreview import ChatPreview
from journal.gui.importer.common import ImportButtons, heading, plain
from journal.gui.importer.progress import TaskProgress
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal
    from journal.gui.importer.screenshots import ScreenshotImportDialog

log = logging.getLogger(__name__)

SCREENSHOTS = "screenshots"  # the kind of a picture: read by the screenshot import


class ImportDialog(QDialog):
    """``ImportDialog(journal, parent)``; after ``exec()`` returns Accepted, ``.result`` is the
    :class:`~journal.core.importers.ImportResult` (``duplicate`` when the file was seen before)."""

    PAGE_CHOOSE, PAGE_PREVIEW, PAGE_WORKING, PAGE_DONE, PAGE_BILL = range(5)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        # the brief's ``.result`` attribute; it hides QDialog.result() (the int exit code)
        self.result: ImportResult | None = None  # type: ignore[assignment]
        self.parsed: ParsedChat | None = None
        self.bill: ParsedBill | None = None
        self.path: Path | None = None
        self.screenshot_dialog: ScreenshotImportDialog | None = None
        # a picture chosen here is imported by the screenshot import; its result
        self.screenshot_result: ScreenshotImportResult | None = None
        self._importing = False
        self.setWindowTitle(self.tr("Import a chat or a bill"))
        fit_to_screen(self, 720, 560)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_choose())
        self.chat_preview = ChatPreview()
        self.chat_preview.optionsChanged.connect(self._reparse)
        self.pages.addWidget(self.chat_preview)
        self.pages.addWidget(self._build_working())
        self.pages.addWidget(self._build_done())
        self.bill_preview = BillPreview()
        self.pages.addWidget(self.bill_preview)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        buttons = ImportButtons(self, start=self.start_import, cancel=self.reject, back=self._back)
        layout.addLayout(buttons)
        assert buttons.back_button is not None
        self.back_button = buttons.back_button
        self.import_button = buttons.import_button
        self.cancel_button = buttons.cancel_button
        self.close_button = buttons.close_button
        self._show_page(self.PAGE_CHOOSE)

    # ------------------------------------------------------------------ pages
    def _build_choose(self) -> QWidget:
        page = QWidget()
        title = heading(QLabel(self.tr(
            "Import a chat you exported from a messaging app, or a payment bill")))
        help_text = plain(QLabel(self.tr(
            "Chats and payment bills are often the best evidence. Export them from the app, then "
            "choose the file here.\n\n"
            "• Telegram: in Telegram Desktop open the chat, choose ⋮ → Export chat history, "
            "then choose result.json (JSON format) or messages.html (HTML format; every page of "
            "a long chat is read), or the export folder zipped.\n"
            "• WhatsApp: on the phone open the chat, choose ⋮ or the contact's name → Export chat, "
            "send the file to this computer, then choose the .zip file (or the .txt file in it).\n"
            "• QQ: in the message manager export a chat as .txt, or use QQChatExporter's JSON.\n"
            "• WeChat: the .csv, .txt or .html file of a WeChat exporter.\n"
            "• WeChat Pay or Alipay: the bill (.csv or .xlsx) you downloaded; you choose which "
            "counterparts matter, and their transactions become payments.\n"
            "• E-mail: a message saved as .eml, or a mailbox as .mbox.\n"
            "• Chat screenshots (.png or .jpg): their text is read on this computer; for many at "
            "once use Journal ▸ Import screenshots…\n"
            "• Another app: make a table (CSV) with the columns date, person, text.\n\n"
            "You will see a preview before anything is added. The original file is kept in the "
            "journal, unchanged, as evidence.")))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Recognise automatically"), None)
        self.kind_combo.addItem(self.tr("Telegram (result.json, messages.html or .zip)"), "telegram")
        self.kind_combo.addItem(self.tr("WhatsApp (.zip or .txt)"), "whatsapp")
        self.kind_combo.addItem(self.tr("Table of messages (CSV)"), "csv")
        self.kind_combo.addItem(self.tr("QQ (.txt or QQChatExporter .json)"), "qq")
        self.kind_combo.addItem(self.tr("WeChat (.csv, .txt or .html)"), "wechat")
        self.kind_combo.addItem(self.tr("WeChat Pay bill (.csv or .xlsx)"), "wechatpay")
        self.kind_combo.addItem(self.tr("Alipay bill (.csv)"), "alipay")
        self.kind_combo.addItem(self.tr("E-mail (.eml or .mbox)"), "email")
        self.kind_combo.addItem(self.tr("Chat screenshot (.png or .jpg)"), SCREENSHOTS)
        self.choose_button = QPushButton(self.tr("Choose the exported file…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.choose_status = plain(QLabel())
        self.choose_status.setStyleSheet("color: #a40000;")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Format:")))
        row.addWidget(self.kind_combo)
        row.addStretch(1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(help_text)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.choose_status)
        layout.addStretch(1)
        return page

    def _build_working(self) -> QWidget:
        self.work = TaskProgress()  # runs the parsing and the import, shows the import's progress
        self.progress = self.work.bar
        return self.work

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.done_title = heading(QLabel())
        self.done_label = plain(QLabel())
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        preview = index in (self.PAGE_PREVIEW, self.PAGE_BILL)
        self.back_button.setVisible(preview)
        self.import_button.setVisible(preview)
        self.import_button.setEnabled(
            (index == self.PAGE_PREVIEW and self.parsed is not None)
            or (index == self.PAGE_BILL and self.bill is not None))
        self.cancel_button.setVisible(index == self.PAGE_CHOOSE or preview)
        self.close_button.setVisible(index == self.PAGE_DONE)
        if index == self.PAGE_DONE:
            self.close_button.setDefault(True)
            self.close_button.setFocus()

    def _back(self) -> None:
        self.parsed = None
        self.bill = None
        self.bill_preview.clear()
        self._show_page(self.PAGE_CHOOSE)

    # ------------------------------------------------------------------ choosing and parsing
    def choose_file(self) -> None:
        path = dialogs.open_file(
            self, self.tr("Choose the exported chat"),
            self.tr("Exports, bills and screenshots (*.json *.txt *.zip *.csv *.tsv *.html *.htm "
                    "*.xlsx *.eml *.mbox *.png *.jpg *.jpeg *.webp *.bmp);;All files (*)"))
        if path:
            self.load(path)

    def load(self, path: str | Path, kind: str | None = None) -> None:
        """Read ``path`` (off the UI thread) and show the preview; nothing is written."""
        self.path = Path(path)
        if kind is not None:
            index = self.kind_combo.findData(kind)
            if index >= 0:
                self.kind_combo.setCurrentIndex(index)
        self.chat_preview.set_zone(self.chat_preview.zone() or system_tz_name())
        self._parse(date_order=None)

    def _kind(self) -> str | None:
        kind: str | None = self.kind_combo.currentData()
        if kind is None and self.path is not None:
            kind = SCREENSHOTS if looks_like_picture(self.path) else detect_kind(self.path)
        return kind

    def _read_screenshots(self, path: Path) -> None:
        """A picture: read and previewed by the screenshot import (over this dialog), which
        closes this one once the screenshot was imported."""
        from journal.gui.importer.screenshots import ScreenshotImportDialog

        dialog = ScreenshotImportDialog(self.journal, self)
        self.screenshot_dialog = dialog
        dialog.finished.connect(self._screenshots_finished)
        dialog.open()
        dialog.read([path])

    def _screenshots_finished(self, _code: int) -> None:
        dialog = self.screenshot_dialog
        self.screenshot_dialog = None
        if dialog is None:
            return
        self.screenshot_result = dialog.result
        dialog.deleteLater()
        if self.screenshot_result is not None:
            self.accept()

    def _parse(self, date_order: str | None) -> None:
        if self.path is None or self.work.busy():
            return
        kind = self._kind()
        self.choose_status.clear()
        self.chat_preview.status.clear()
        if kind is None:
            self.choose_status.setText(self.tr(
                "This file's format was not recognised. Choose its format in the Format list above "
                "(WeChat, QQ, Telegram, WhatsApp, a CSV table, e-mail or a bill) and try again."))
            return
        if kind == SCREENSHOTS:
            self._read_screenshots(self.path)
            return
        path, tz, lang = self.path, self.chat_preview.zone(), current_lang()
        if kind in BILL_APPS:
            tz = None  # bills are in Beijing time wherever this computer is
        self.choose_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.choose_status.setText(self.tr("Reading the file…"))
        # parsed in a child process that never holds the key, under memory and time limits
        self._start(lambda _progress: parse_file_isolated(kind, path, tz=tz,
                                                          date_order=date_order, lang=lang),
                    self._parsed, self._parse_failed)

    def _reparse(self, *_args: Any) -> None:
        if self.parsed is None:
            return
        order = self.chat_preview.order()
        if self.chat_preview.zone() == self.parsed.tz_name and order == self.parsed.date_order:
            return
        self._parse(date_order=order if self.parsed.date_order is not None else None)

    def _parsed(self, parsed: ParsedChat | ParsedBill) -> None:
        self.choose_button.setEnabled(True)
        self.choose_status.clear()
        if isinstance(parsed, ParsedBill):
            self.parsed = None
            self.bill = parsed
            self.bill_preview.set_bill(parsed, current_lang())
            self._show_page(self.PAGE_BILL)
            return
        self.bill = None
        self.parsed = parsed
        try:
            persons = [p.name for p in self.journal.list_persons()]
        except JournalError:
            persons = []
        self.chat_preview.set_chat(parsed, persons, current_lang())
        self._show_page(self.PAGE_PREVIEW)

    def _parse_failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        text = self._error_text(exc)
        if self.pages.currentIndex() == self.PAGE_PREVIEW and self.parsed is not None:
            # a changed zone or date order did not work: keep the last good preview
            self.chat_preview.status.setText(text)
            self.import_button.setEnabled(True)
            if isinstance(exc, JournalError) and exc.field == "tz":
                self.chat_preview.set_zone(self.parsed.tz_name)
            return
        self.parsed = None
        self.bill = None
        self.choose_status.setText(text)
        self._show_page(self.PAGE_CHOOSE)

    def _error_text(self, exc: BaseException) -> str:
        if isinstance(exc, JournalError):
            return exc.message(current_lang())
        log.error("import failed", exc_info=exc)
        return self.tr("Something went wrong. Nothing was changed. Details are in the log file.")

    def me(self) -> str | None:
        return self.chat_preview.me()

    def select_me(self, name: str) -> None:
        self.chat_preview.select_me(name)

    # ------------------------------------------------------------------ importing
    def start_import(self) -> None:
        if self.work.busy():
            return
        if self.bill is not None and self.pages.currentIndex() == self.PAGE_BILL:
            self._start_bill_import(self.bill)
            return
        if self.parsed is None:
            return
        parsed = self.parsed
        me, person = self.chat_preview.me(), self.chat_preview.person()
        lang = current_lang()
        journal = self.journal
        self._importing = True
        self._show_page(self.PAGE_WORKING)
        self._start(lambda progress: import_chat(journal, parsed, me=me, person=person,
                                                 progress=progress, lang=lang),
                    self._imported, self._import_failed, total=max(1, len(parsed.messages)))

    def _start_bill_import(self, bill: ParsedBill) -> None:
        counterparts = self.bill_preview.chosen()
        lang = current_lang()
        journal = self.journal
        self._importing = True
        self._show_page(self.PAGE_WORKING)
        self._start(lambda progress: import_bill(journal, bill, counterparts=counterparts,
                                                 progress=progress, lang=lang),
                    self._imported, self._import_failed, total=max(1, len(bill.rows)))

    def _imported(self, result: ImportResult) -> None:
        self._importing = False
        self.result = result
        if result.bill:
            self._bill_done(result)
            return
        if result.duplicate:
            self.done_title.setText(self.tr("This chat was imported before"))
            self.done_label.setText(self.tr(
                "The journal already holds this exact file (same SHA-256 fingerprint). "
                "Nothing was added."))
        else:
            self.done_title.setText(self.tr("The chat was imported"))
            lines = [
                i18n.fill(self.tr("{n} {n:message|messages}"), n=result.messages),
                i18n.fill(self.tr("{n} {n:day|days}, each recorded as a contact entry"),
                          n=result.days),
                i18n.fill(self.tr("{n} {n:photo or file|photos or files} attached"),
                          n=result.attachments),
            ]
            sha = self.parsed.source_sha256 if self.parsed else ""
            lines.append("")
            lines.append(self.tr(
                "The original export file is kept in the journal, unchanged, as evidence.\n"
                "Its SHA-256 fingerprint: %1").replace("%1", sha))
            lines.append("")
            lines.append(self.tr(
                "Open a day in the timeline to read its messages. To record a request, payment or "
                "gift from a message, use “Make an entry from this message…”."))
            self.done_label.setText("\n".join(lines))
        self._show_page(self.PAGE_DONE)

    def _bill_done(self, result: ImportResult) -> None:
        if result.duplicate:
            self.done_title.setText(self.tr("This bill was imported before"))
            self.done_label.setText(self.tr(
                "The journal already holds this exact file (same SHA-256 fingerprint). "
                "Nothing was added."))
        else:
            self.done_title.setText(self.tr("The bill was imported"))
            sha = self.bill.source_sha256 if self.bill else ""
            self.done_label.setText("\n".join([
                i18n.fill(self.tr("{n} {n:payment|payments} recorded, with {m} "
                                  "{m:counterpart|counterparts}"),
                          n=result.messages, m=len(result.persons)),
                "",
                self.tr("The original bill is kept in the journal, unchanged, as evidence.\n"
                        "Its SHA-256 fingerprint: %1").replace("%1", sha),
            ]))
        self._show_page(self.PAGE_DONE)

    def _import_failed(self, exc: BaseException) -> None:
        self._importing = False
        if self.bill is not None:
            self.bill_preview.status.setText(self._error_text(exc))
            self._show_page(self.PAGE_BILL)
            dialogs.show_error(self, exc, self.tr("Import"))
            return
        self.chat_preview.status.setText(self._error_text(exc))
        self._show_page(self.PAGE_PREVIEW)
        dialogs.show_error(self, exc, self.tr("Import a chat"))

    # ------------------------------------------------------------------ threads
    def _start(self, func: Any, done: Any, failed: Any, total: int = 0) -> None:
        """Run ``func(progress)`` in the background; ``done(result)`` or ``failed(error)`` after
        (neither when the dialog was closed and deleted meanwhile)."""
        self.work.run(func, done=done, failed=failed, total=total,
                      text=self.tr("Importing… Please keep the window open."),
                      progress_text=self._progress_text)

    def _progress_text(self, done: int, total: int) -> str:
        text = self.tr("Importing… %1 of %2 payments") if self.bill is not None \
            else self.tr("Importing… %1 of %2 messages")
        return text.replace("%1", str(done)).replace("%2", str(total))

    def busy(self) -> bool:
        return self.work.busy()

    def reject(self) -> None:
        if self._importing:
            return  # the transaction finishes (or rolls back) on its own; wait for it
        self.work.wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._importing:
            event.ignore()
            return
        super().closeEvent(event)
