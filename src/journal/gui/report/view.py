"""The Report page: choose what goes into the PDF, export it off the UI thread, then open its
folder or copy a short text summary for an online report form.

All the work is done by :mod:`journal.core.report`; this page only gathers the options.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.core import fields, i18n
from journal.core.errors import JournalError
from journal.core.models import KINDS
from journal.core.outpath import check_output_path
from journal.core.report import ReportOptions, ReportStats, build_pdf, build_text
from journal.gui import dialogs, qtsetup
from journal.gui.forms import FieldError
from journal.gui.report.export import ExportProgress, ask_save_path
from journal.gui.report.package import PackageBox
from journal.gui.worker import BackgroundTask

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

_HINT_STYLE = "color: #5f6b7a;"


class ReportView(QWidget):
    """``set_journal(journal or None)``; ``exportFinished(path)`` after a PDF was written."""

    exportFinished = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal: Journal | None = None
        self.last_path: Path | None = None
        self.last_stats: ReportStats | None = None
        self._build()
        self._retranslate()
        self.set_journal(None)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        page = QWidget()
        scroll.setWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)

        # what goes in
        self.content_box = QGroupBox()
        form = QFormLayout(self.content_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # on a narrow window (800×600) a row whose field does not fit beside its label goes
        # under it, instead of making the page wider than the window
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.lang_combo = QComboBox()
        self.lang_combo.addItem("中文", "zh")
        self.lang_combo.addItem("English", "en")
        self.lang_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        lang_row = QWidget()
        lang_layout = QHBoxLayout(lang_row)
        lang_layout.setContentsMargins(0, 0, 0, 0)
        lang_layout.addWidget(self.lang_combo)
        lang_layout.addStretch(1)
        self.lang_label = QLabel()
        form.addRow(self.lang_label, lang_row)

        period = QWidget()
        row = QHBoxLayout(period)
        row.setContentsMargins(0, 0, 0, 0)
        self.since_check = QCheckBox()
        self.since_edit = QDateEdit()
        self.until_check = QCheckBox()
        self.until_edit = QDateEdit()
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        for w in (self.since_check, self.since_edit, self.until_check, self.until_edit):
            row.addWidget(w)
        row.addStretch(1)
        self.period_label = QLabel()
        form.addRow(self.period_label, period)
        self.period_error = FieldError().clear_when_changed(period)
        form.addRow("", self.period_error)

        kinds = QWidget()
        grid = QGridLayout(kinds)
        grid.setContentsMargins(0, 0, 0, 0)
        self.kind_checks: dict[str, QCheckBox] = {}
        for i, kind in enumerate(KINDS):
            box = QCheckBox()
            box.setChecked(True)
            self.kind_checks[kind] = box
            grid.addWidget(box, i // 4, i % 4)
        self.kinds_label = QLabel()
        form.addRow(self.kinds_label, kinds)
        self.kinds_error = FieldError().clear_when_changed(kinds)
        form.addRow("", self.kinds_error)

        self.person_list = QListWidget()
        self.people_label = QLabel()
        form.addRow(self.people_label, self.person_list)
        self.people_error = FieldError().clear_when_changed(self.person_list)
        form.addRow("", self.people_error)

        self.pictures_check = QCheckBox()
        self.pictures_check.setChecked(True)
        self.redact_check = QCheckBox()
        form.addRow("", self.pictures_check)
        form.addRow("", self.redact_check)
        self.redact_hint = QLabel()
        self.redact_hint.setWordWrap(True)
        self.redact_hint.setStyleSheet(_HINT_STYLE)
        form.addRow("", self.redact_hint)
        layout.addWidget(self.content_box)

        # who and protection
        self.protect_box = QGroupBox()
        form2 = QFormLayout(self.protect_box)
        form2.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.prepared_edit = QLineEdit()
        self.prepared_label = QLabel()
        form2.addRow(self.prepared_label, self.prepared_edit)
        self.password_check = QCheckBox()
        form2.addRow("", self.password_check)
        self.password_edit = QLineEdit()
        self.password_again = QLineEdit()
        for line in (self.password_edit, self.password_again):
            line.setEchoMode(QLineEdit.EchoMode.Password)
            line.setEnabled(False)
        self.password_check.toggled.connect(self._password_toggled)
        self.password_label = QLabel()
        self.password_again_label = QLabel()
        form2.addRow(self.password_label, self.password_edit)
        form2.addRow(self.password_again_label, self.password_again)
        self.password_error = FieldError().clear_when_changed(
            self.password_check, self.password_edit, self.password_again)
        form2.addRow("", self.password_error)
        self.password_hint = QLabel()
        self.password_hint.setWordWrap(True)
        self.password_hint.setStyleSheet(_HINT_STYLE)
        form2.addRow("", self.password_hint)
        layout.addWidget(self.protect_box)

        # actions
        buttons = QHBoxLayout()
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_pdf)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self.copy_summary)
        self.folder_button = QPushButton()
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.setEnabled(False)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.run = ExportProgress()
        self.progress, self.status = self.run.progress, self.run.status
        layout.addWidget(self.run)
        # the signed evidence package, made with the same choices (never the PDF password)
        self.package_box = PackageBox(lambda: self.options(with_password=False), page,
                                      show_option_error=self.show_option_error)
        layout.addWidget(self.package_box)
        layout.addStretch(1)
        self._select_lang(qtsetup.current_lang())

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Report"))
        self.intro.setText(
            self.tr(
                "Make a PDF of what you recorded, to take to a teacher or to the national security "
                "office, or to attach to an online report. It lists the warning signs, the people, "
                "every event in order, the money and gifts, your pictures and where to report."
            )
        )
        self.content_box.setTitle(self.tr("What goes into the report"))
        self.lang_label.setText(self.tr("Language of the report"))
        self.period_label.setText(self.tr("Period"))
        self.since_check.setText(self.tr("From"))
        self.until_check.setText(self.tr("Until"))
        self.kinds_label.setText(self.tr("Kinds of entries"))
        for kind, box in self.kind_checks.items():
            box.setText(fields.kind_label(kind, qtsetup.current_lang()))
        self.people_label.setText(self.tr("People"))
        self.pictures_check.setText(self.tr("Show pictures (every file is listed either way)"))
        self.redact_check.setText(self.tr("Mask account names, phone numbers and email addresses"))
        self.redact_hint.setText(
            self.tr(
                "For a copy shown to someone who does not need them. Pictures are then left out, "
                "because they may show such details."
            )
        )
        self.protect_box.setTitle(self.tr("Who prepared it and protection"))
        self.prepared_label.setText(self.tr("Prepared by (optional)"))
        self.password_check.setText(self.tr("Protect the PDF with a password"))
        self.password_label.setText(self.tr("Password"))
        self.password_again_label.setText(self.tr("Password again"))
        self.password_hint.setText(
            self.tr(
                "Tell the password to the person who reads the report in person, not in the same "
                "message as the file."
            )
        )
        self.export_button.setText(self.tr("Export PDF…"))
        self.copy_button.setText(self.tr("Copy summary text"))
        self.folder_button.setText(self.tr("Open the folder"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _select_lang(self, lang: str) -> None:
        index = self.lang_combo.findData("zh" if lang == "zh" else "en")
        self.lang_combo.setCurrentIndex(max(0, index))

    def _password_toggled(self, on: bool) -> None:
        self.password_edit.setEnabled(on)
        self.password_again.setEnabled(on)
        if not on:
            self.password_edit.clear()
            self.password_again.clear()

    # ------------------------------------------------------------------ journal
    def set_journal(self, journal: Journal | None) -> None:
        """Show the options for ``journal``; ``None`` (locked) drops every name and password."""
        stopped = journal is None and self.run.stop()  # a running export writes nothing
        self.journal = journal
        self.person_list.clear()
        self.prepared_edit.clear()
        self.password_check.setChecked(False)
        self.password_edit.clear()
        self.password_again.clear()
        self.status.clear()
        self.last_path = None
        self.last_stats = None
        self.folder_button.setEnabled(False)
        self.package_box.set_journal(journal)
        enabled = journal is not None
        for w in (self.content_box, self.protect_box, self.export_button, self.copy_button):
            w.setEnabled(enabled and self.worker is None)
        if stopped:
            self.status.setText(self.tr("The export was stopped because the journal was locked."))
        if journal is not None:
            self.refresh()

    def refresh(self) -> None:
        """Reload the list of people (all ticked)."""
        self.person_list.clear()
        if self.journal is None:
            return
        try:
            persons = self.journal.list_persons()
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return
        for person in persons:
            item = QListWidgetItem(person.name)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.person_list.addItem(item)
        rows = max(2, min(6, len(persons)))
        self.person_list.setFixedHeight(rows * self.person_list.fontMetrics().height() * 3 // 2 + 8)
        self._default_dates()

    def _default_dates(self) -> None:
        """ "From" starts at the first recorded event, "until" at today."""
        if self.journal is None:
            return
        try:
            first = self.journal.list_entries(newest_first=False, limit=1)
        except JournalError:
            first = []
        if first and not self.since_check.isChecked():
            day = first[0].occurred_at.date()
            self.since_edit.setDate(QDate(day.year, day.month, day.day))
        if not self.until_check.isChecked():
            self.until_edit.setDate(QDate.currentDate())

    # ------------------------------------------------------------------ options
    def options(self, *, with_password: bool = True) -> ReportOptions:
        """The options as chosen; raises InputError (shown to the user) for a bad choice."""
        from journal.core.errors import InputError

        kinds = [k for k, box in self.kind_checks.items() if box.isChecked()]
        people: list[str] | None = None
        checked = [self.person_list.item(i) for i in range(self.person_list.count())]
        chosen = [
            it.data(Qt.ItemDataRole.UserRole)
            for it in checked
            if it.checkState() == Qt.CheckState.Checked
        ]
        if len(chosen) < len(checked):
            people = chosen
            if not people:
                raise InputError(
                    "error.input", field="people", detail=self.tr("tick at least one person")
                )
        if not kinds:
            raise InputError(
                "error.input", field="kinds", detail=self.tr("tick at least one kind of entry")
            )
        password: str | None = None
        if with_password and self.password_check.isChecked():
            password = self.password_edit.text()
            if password != self.password_again.text():
                raise InputError("error.passphrase_mismatch", field="password")
        return ReportOptions(
            lang=str(self.lang_combo.currentData()),
            since=_to_date(self.since_edit.date()) if self.since_check.isChecked() else None,
            until=_to_date(self.until_edit.date()) if self.until_check.isChecked() else None,
            kinds=None if len(kinds) == len(KINDS) else kinds,
            person_ids=people,
            include_attachments=self.pictures_check.isChecked(),
            redact=self.redact_check.isChecked(),
            password=password,
            prepared_by=self.prepared_edit.text().strip(),
        ).validated()

    # ------------------------------------------------------------------ actions
    def show_option_error(self, exc: JournalError) -> bool:
        """Show a refused choice beside the field it concerns (it goes once that is changed);
        False when no field of the page fits."""
        label = {"people": self.people_error, "kinds": self.kinds_error,
                 "since": self.period_error, "until": self.period_error,
                 "password": self.password_error}.get(exc.field or "")
        if label is None:
            return False
        label.show_message(exc.message(qtsetup.current_lang()))
        return True

    def export_pdf(self) -> None:
        if self.journal is None or self.worker is not None:
            return
        try:
            options = self.options()
        except JournalError as exc:
            if not self.show_option_error(exc):
                dialogs.show_error(self, exc)
            return
        path = ask_save_path(self, self.tr("Save the report as"),
                             "事件报告" if options.lang == "zh" else "incident-report", ".pdf",
                             self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        journal = self.journal
        try:  # never onto the journal, its files, another journal or the backups folder
            out = check_output_path(path, [journal.path] if journal is not None else [])
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return

        def work(progress: Any) -> ReportStats:
            return build_pdf(journal, out, options, progress)

        for w in (self.content_box, self.protect_box, self.export_button, self.copy_button):
            w.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.run.start(work, self, done=lambda stats: self._saved(out, stats),
                       failed=self._failed, name="journal-report",
                       text=self.tr("Making the report…"))

    @property
    def worker(self) -> BackgroundTask | None:
        return self.run.worker

    def _task_ended(self) -> None:
        self.run.ended()
        for w in (self.content_box, self.protect_box, self.export_button, self.copy_button):
            w.setEnabled(self.journal is not None)
        self.password_edit.clear()
        self.password_again.clear()

    def _failed(self, error: BaseException) -> None:
        self._task_ended()
        self.status.setText(self.tr("The report could not be made."))
        dialogs.show_error(self, error)

    def _saved(self, out: Path, stats: ReportStats) -> None:
        self._task_ended()
        self.last_path = out
        self.last_stats = stats
        self.folder_button.setEnabled(True)
        text = i18n.fill(
            self.tr("Saved {name}: {pages} {pages:page|pages}, {entries} {entries:entry|entries}, "
                    "{files} {files:file|files}."),
            name=out.name, pages=stats.pages, entries=stats.entries, files=stats.attachments)
        if stats.encrypted:
            text += " " + self.tr("It opens only with the password.")
        if stats.warnings:
            text += " " + self.tr("Some pictures could not be read and are only listed.")
        self.status.setText(text)
        self.exportFinished.emit(str(out))

    def copy_summary(self) -> None:
        """Put the short text summary on the clipboard (the window clears it after a while)."""
        if self.journal is None:
            return
        try:
            text = build_text(self.journal, self.options(with_password=False))
        except JournalError as exc:
            if not self.show_option_error(exc):
                dialogs.show_error(self, exc)
            return
        QGuiApplication.clipboard().setText(text)
        self.status.setText(
            self.tr(
                "The summary ({n} characters) is on the clipboard. Paste it into the report form; "
                "it is cleared from the clipboard after a short while."
            ).format(n=len(text))
        )

    def open_folder(self) -> None:
        if self.last_path is None:
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))

    def is_busy(self) -> bool:
        return self.worker is not None or self.package_box.is_busy()


def _to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
