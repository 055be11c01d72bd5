"""Import a chat export or a payment bill: choose the file, check a preview, import off the UI
thread, see a summary.

Nothing is written to the journal before the user presses "Import": the preview is made from the
parsed file only. The original export file is stored in the journal as evidence.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.core.errors import JournalError
from journal.core.importers import ImportResult, ParsedChat, detect_kind, import_bill, import_chat
from journal.core.importers.bills import ParsedBill
from journal.core.importers.common import BILL_APPS, system_tz_name
from journal.core.importers.sandbox import parse_file_isolated
from journal.core.ocr.screenshots import ScreenshotImportResult, looks_like_picture
from journal.core.timeparse import show_when
from journal.gui import dialogs
from journal.gui.fit import fit_to_screen
from journal.gui.forms import enter_never_submits, press_first_shown
from journal.gui.importer.billpreview import BillPreview
from journal.gui.importer.progress import TaskProgress
from journal.gui.qtsetup import current_lang

if TYPE_CHECKING:
    from journal.core.store import Journal
    from journal.gui.importer.screenshots import ScreenshotImportDialog

log = logging.getLogger(__name__)

PREVIEW_ROWS = 50
SCREENSHOTS = "screenshots"  # the kind of a picture: read by the screenshot import
COMMON_ZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Macau", "Asia/Singapore",
                "Asia/Tokyo", "Asia/Seoul", "Europe/London", "Europe/Berlin", "Europe/Paris",
                "America/New_York", "America/Los_Angeles", "Australia/Sydney", "UTC")


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


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
        self.pages.addWidget(self._build_preview())
        self.pages.addWidget(self._build_working())
        self.pages.addWidget(self._build_done())
        self.bill_preview = BillPreview()
        self.pages.addWidget(self.bill_preview)

        self.back_button = QPushButton(self.tr("Back"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.close_button = QPushButton(self.tr("Close"))
        self.back_button.clicked.connect(self._back)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show_page(self.PAGE_CHOOSE)
        # on every step: Enter in a field (a name, a zone) moves on, Ctrl+Enter presses the
        # step's default button (Import, Close)
        enter_never_submits(self, press_first_shown(self, self.import_button, self.close_button))

    # ------------------------------------------------------------------ pages
    def _build_choose(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Import a chat you exported from a messaging app, or a payment bill"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        _plain(title)
        help_text = _plain(QLabel(self.tr(
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
            "once use Journal ▸ Import screenshots….\n"
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
        self.choose_status = _plain(QLabel())
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

    def _build_preview(self) -> QWidget:
        page = QWidget()
        self.file_label = _plain(QLabel())
        self.format_label = _plain(QLabel())
        self.count_label = _plain(QLabel())
        self.senders_label = _plain(QLabel())
        self.me_combo = QComboBox()
        self.me_combo.currentIndexChanged.connect(self._update_persons)
        self.person_combo = QComboBox()
        self.person_combo.setEditable(True)
        self.person_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tz_combo = QComboBox()
        self.tz_combo.setEditable(True)
        self.tz_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        system = system_tz_name()
        zones = [system, *[z for z in COMMON_ZONES if z != system]]
        zones += sorted(z for z in available_timezones() if z not in zones and "/" in z
                        and not z.startswith(("Etc/", "SystemV/", "posix/", "right/")))
        self.tz_combo.addItems(zones)
        self.tz_combo.activated.connect(self._reparse)
        self.tz_combo.lineEdit().editingFinished.connect(self._reparse)  # type: ignore[union-attr]
        self.order_combo = QComboBox()
        self.order_combo.addItem(self.tr("Day first (31/12/2024)"), "DMY")
        self.order_combo.addItem(self.tr("Month first (12/31/2024)"), "MDY")
        self.order_combo.addItem(self.tr("Year first (2024/12/31)"), "YMD")
        self.order_combo.activated.connect(self._reparse)
        self.order_label = QLabel(self.tr("Dates:"))
        self.warnings_label = _plain(QLabel())
        self.warnings_label.setStyleSheet("color: #8a5a00;")
        self.preview_status = _plain(QLabel())
        self.preview_status.setStyleSheet("color: #a40000;")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("File:"), self.file_label)
        form.addRow(self.tr("Recognised as:"), self.format_label)
        form.addRow(self.tr("Messages:"), self.count_label)
        form.addRow(self.tr("People in the chat:"), self.senders_label)
        form.addRow(self.tr("You are:"), self.me_combo)
        self.me_hint = _plain(QLabel(self.tr(
            "Choose your own name in this chat, so that you are not recorded as one of the people.")))
        self.me_hint.setStyleSheet("color: #8a5a00;")
        form.addRow("", self.me_hint)
        self.person_label = QLabel(self.tr("Record the other person as:"))
        form.addRow(self.person_label, self.person_combo)
        form.addRow(self.tr("Time zone of the times:"), self.tz_combo)
        form.addRow(self.order_label, self.order_combo)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("From"), self.tr("Message"),
                                              self.tr("Chat")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table_title = _plain(QLabel())

        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.preview_status)
        layout.addWidget(self.table_title)
        layout.addWidget(self.table, 1)
        return page

    def _build_working(self) -> QWidget:
        self.work = TaskProgress()  # runs the parsing and the import, shows the import's progress
        self.progress = self.work.bar
        return self.work

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.done_title = _plain(QLabel())
        font = self.done_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.done_title.setFont(font)
        self.done_label = _plain(QLabel())
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
        self.tz_combo.setCurrentText(self.tz_combo.currentText() or system_tz_name())
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
        self.preview_status.clear()
        if kind is None:
            self.choose_status.setText(self.tr(
                "This file does not look like a chat export. Choose the format above and try again."))
            return
        if kind == SCREENSHOTS:
            self._read_screenshots(self.path)
            return
        path, tz, lang = self.path, self.tz_combo.currentText().strip() or None, current_lang()
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
        tz = self.tz_combo.currentText().strip()
        order = self.order_combo.currentData() if self.order_combo.isEnabled() else None
        if tz == self.parsed.tz_name and order == self.parsed.date_order:
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
        self._fill_preview(parsed)
        self._show_page(self.PAGE_PREVIEW)

    def _parse_failed(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        text = self._error_text(exc)
        if self.pages.currentIndex() == self.PAGE_PREVIEW and self.parsed is not None:
            # a changed zone or date order did not work: keep the last good preview
            self.preview_status.setText(text)
            self.import_button.setEnabled(True)
            if isinstance(exc, JournalError) and exc.field == "tz":
                self.tz_combo.setCurrentText(self.parsed.tz_name)
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

    # ------------------------------------------------------------------ preview
    def _fill_preview(self, chat: ParsedChat) -> None:
        lang = current_lang()
        if chat.pages:  # a chat exported as several pages: all of them are read, in order
            self.file_label.setText(self.tr("%1 (%2 pages, read in order as one chat)")
                                    .replace("%1", "、".join(n for n, _ in chat.pages)
                                             if lang == "zh" else
                                             ", ".join(n for n, _ in chat.pages))
                                    .replace("%2", str(len(chat.pages))))
        else:
            self.file_label.setText(chat.source_path.name if chat.source_path else "")
        self.format_label.setText(chat.format_text(lang))
        self.count_label.setText(self.tr("%1 message(s) on %2 day(s)")
                                 .replace("%1", str(len(chat.messages))).replace("%2", str(chat.days)))
        sep = "、" if lang == "zh" else ", "
        self.senders_label.setText(sep.join(chat.senders) or self.tr("(none)"))

        self.me_combo.blockSignals(True)
        self.me_combo.clear()
        self.me_combo.addItem(self.tr("Not in this chat / I don't know"), None)
        for name in chat.senders:
            self.me_combo.addItem(name, name)
        if chat.self_name and chat.self_name in chat.senders:
            self.me_combo.setCurrentIndex(self.me_combo.findData(chat.self_name))
        self.me_combo.blockSignals(False)

        self.person_combo.clear()
        self.person_combo.addItem("")
        try:
            self.person_combo.addItems([p.name for p in self.journal.list_persons()])
        except JournalError:
            pass
        self.person_combo.setCurrentIndex(0)
        self.person_combo.lineEdit().setPlaceholderText(  # type: ignore[union-attr]
            self.tr("as named in the chat"))

        self.tz_combo.setCurrentText(chat.tz_name)
        has_order = chat.date_order is not None
        self.order_label.setVisible(has_order)
        self.order_combo.setVisible(has_order)
        self.order_combo.setEnabled(has_order)
        if has_order:
            self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(chat.date_order)))
        self.order_combo.setStyleSheet("background: #fff3c4;" if chat.date_order_ambiguous else "")

        self.warnings_label.setText("\n".join("⚠ " + w.message(lang) for w in chat.warnings))
        self.warnings_label.setVisible(bool(chat.warnings))

        shown = chat.messages[:PREVIEW_ROWS]
        self.table_title.setText(self.tr("The first %1 of %2 messages, as they will be recorded:")
                                 .replace("%1", str(len(shown)))
                                 .replace("%2", str(len(chat.messages))))
        self.table.setRowCount(len(shown))
        for row, m in enumerate(shown):
            when = QTableWidgetItem(show_when(m.sent_at, "exact", current_lang()))
            who = QTableWidgetItem(m.sender or self.tr("(system)"))
            text = m.text.replace("\n", " ⏎ ")
            if m.forwarded_from:
                text = self.tr("[forwarded from %1]").replace("%1", m.forwarded_from) + " " + text
            if m.media_note:
                text = (text + " " if text else "") + f"[{m.media_note}]"
            body = QTableWidgetItem(text)
            body.setToolTip(m.text[:2000])
            if m.is_service:
                for item in (when, who, body):
                    item.setForeground(Qt.GlobalColor.darkGray)
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, who)
            self.table.setItem(row, 2, body)
            self.table.setItem(row, 3, QTableWidgetItem(m.conversation))
        self.table.setColumnHidden(3, len(chat.conversations) <= 1)
        self._update_persons()

    def _update_persons(self) -> None:
        if self.parsed is None:
            return
        me = self.me_combo.currentData()
        self.me_hint.setVisible(me is None and len(self.parsed.senders) > 1)
        others = [s for s in self.parsed.senders if s != me]
        single = len(others) == 1 and len(self.parsed.conversations) <= 1
        self.person_label.setVisible(single)
        self.person_combo.setVisible(single)
        if not single:
            self.person_combo.setCurrentIndex(0)
        sep = "、" if current_lang() == "zh" else ", "
        text = sep.join(others) or self.tr("(none)")
        self.senders_label.setText(
            self.tr("%1 — will be recorded as people in the journal").replace("%1", text))

    def me(self) -> str | None:
        me: str | None = self.me_combo.currentData()
        return me

    def select_me(self, name: str) -> None:
        index = self.me_combo.findData(name)
        if index >= 0:
            self.me_combo.setCurrentIndex(index)

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
        me = self.me()
        person = (self.person_combo.currentText().strip() or None) \
            if self.person_combo.isVisibleTo(self) else None
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
                self.tr("%1 message(s)").replace("%1", str(result.messages)),
                self.tr("%1 day(s), each recorded as a contact entry").replace(
                    "%1", str(result.days)),
                self.tr("%1 photo(s) or file(s) attached").replace("%1", str(result.attachments)),
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
                self.tr("%1 payment(s) recorded, with %2 counterpart(s)")
                .replace("%1", str(result.messages)).replace("%2", str(len(result.persons))),
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
        self.preview_status.setText(self._error_text(exc))
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
