"""The Report page's evidence-package section: the journal's key fingerprint and "Export evidence
package…", made in the background (gui/worker.py) with the options chosen for the report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.core import package as packages
from journal.core.errors import JournalError
from journal.core.package.texts import size_text
from journal.core.report import ReportOptions
from journal.gui import dialogs, qtsetup
from journal.gui.report.export import ExportProgress, ask_save_path
from journal.gui.worker import BackgroundTask

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)

_HINT_STYLE = "color: #5f6b7a;"


class PackageBox(QGroupBox):
    """``set_journal(journal or None)``; ``packageFinished(path)`` after a package was written."""

    packageFinished = Signal(str)

    def __init__(self, options: Callable[[], ReportOptions], parent: QWidget | None = None,
                 show_option_error: Callable[[JournalError], bool] | None = None) -> None:
        super().__init__(parent)
        self._options = options
        # a refused report option is shown beside its field on the report page, when it has one
        self._show_option_error = show_option_error or (lambda _exc: False)
        self.journal: Journal | None = None
        self.last_path: Path | None = None
        self.last_stats: packages.PackageStats | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.key_label = QLabel()
        self.fingerprint = QLabel()
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setWordWrap(True)
        layout.addWidget(self.key_label)
        layout.addWidget(self.fingerprint)
        self.key_hint = QLabel()
        self.key_hint.setWordWrap(True)
        self.key_hint.setStyleSheet(_HINT_STYLE)
        layout.addWidget(self.key_hint)
        row = QHBoxLayout()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_package)
        row.addWidget(self.export_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.run = ExportProgress()
        self.progress, self.status = self.run.progress, self.run.status
        layout.addWidget(self.run)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Evidence package for an official"))
        self.intro.setText(self.tr(
            "One zip file with the report, every original file exactly as you added it, all "
            "entries with their history of changes and the audit chain, signed with this "
            "journal's own key. Anyone can check with standard tools that nothing in it changed "
            "afterwards; the README inside explains how, in Chinese and English. The choices "
            "above (language, period, kinds, people, masking) apply to it too; a masked package "
            "leaves the original files out."))
        self.key_label.setText(self.tr("This journal's signing key (fingerprint):"))
        self.key_hint.setText(self.tr(
            "The same fingerprint is printed on the report's integrity page and in every package "
            "from this journal, so an official can tell that they come from the same journal."))
        self.export_button.setText(self.tr("Export evidence package…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ journal
    def set_journal(self, journal: Journal | None) -> None:
        stopped = journal is None and self.run.stop()
        self.journal = journal
        self.status.clear()
        if stopped:
            self.status.setText(self.tr(
                "The package was not made because the journal was locked."))
        self.last_path = None
        self.last_stats = None
        self.fingerprint.clear()
        if journal is not None:
            try:
                self.fingerprint.setText(journal.signing_fingerprint())
            except JournalError as exc:
                self.fingerprint.setText(exc.message(qtsetup.current_lang()))
        self.export_button.setEnabled(journal is not None and self.worker is None)

    def is_busy(self) -> bool:
        return self.worker is not None

    # ------------------------------------------------------------------ export
    def export_package(self) -> None:
        if self.journal is None or self.worker is not None:
            return
        journal = self.journal
        try:
            options = self._options()
        except JournalError as exc:
            if not self._show_option_error(exc):
                dialogs.show_error(self, exc)
            return
        path = ask_save_path(self, self.tr("Save the evidence package as"),
                             "证据包" if options.lang == "zh" else "evidence-package", ".zip",
                             self.tr("Zip files (*.zip)"))
        if path is None:
            return
        out = Path(path)
        try:
            packages.check_out_path(journal, out)
            size = packages.estimate_size(journal, options)
        except JournalError as exc:
            dialogs.show_error(self, exc)
            return
        if size > packages.SIZE_NOTICE_BYTES and not dialogs.ask(
                self, self.tr("Evidence package"),
                self.tr("The package will be about {size}. Make it now?").format(
                    size=size_text(size, qtsetup.current_lang())),
                default_yes=True):
            return

        def work(progress: Any) -> packages.PackageStats:
            return packages.build_package(journal, out, options, progress)

        self.export_button.setEnabled(False)
        self.run.start(work, self, done=lambda stats: self._saved(out, stats),
                       failed=self._failed, name="journal-package",
                       text=self.tr("Making the evidence package…"))

    @property
    def worker(self) -> BackgroundTask | None:
        return self.run.worker

    def _task_ended(self) -> None:
        self.run.ended()
        self.export_button.setEnabled(self.journal is not None)

    def _failed(self, error: BaseException) -> None:
        self._task_ended()
        self.status.setText(self.tr("The evidence package could not be made."))
        dialogs.show_error(self, error)

    def _saved(self, out: Path, stats: packages.PackageStats) -> None:
        self._task_ended()
        self.last_path = out
        self.last_stats = stats
        text = self.tr(
            "Saved {name}: {entries} entries, {files} original files, {size}. Signing key "
            "fingerprint: {fingerprint}").format(
                name=out.name, entries=stats.entries, files=stats.originals,
                size=size_text(stats.bytes, qtsetup.current_lang()),
                fingerprint=stats.fingerprint)
        if stats.redacted:
            text += " " + self.tr("This is a masked copy: the original files were left out.")
        self.status.setText(text)
        self.packageFinished.emit(str(out))
