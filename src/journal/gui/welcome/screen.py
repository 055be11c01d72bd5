"""First-run welcome, create a journal, open one, unlock the last one.

:class:`WelcomeScreen` emits ``unlocked(journal)`` with an open ``journal.core.store.Journal``.
Key derivation and the open with the derived key run in a worker thread (the connection is made
for use from any thread, one lock guarding it); the first open after an update of the program
brings the journal up to date there, with the upgrade page showing its steps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from journal.core import paths
from journal.core.errors import InputError, JournalError, NotAJournalError, WrongPassphraseError
from journal.gui import dialogs
from journal.gui.backups import damaged_handler
from journal.gui.qtsetup import current_lang
from journal.gui.welcome.pages import CreatePage, IntroPage, StartPage, UnlockPage, UpgradePage
from journal.gui.worker import BackgroundTask

log = logging.getLogger(__name__)

JOURNAL_FILTER = "Incident Journal (*.ijournal);;All files (*)"

class WelcomeScreen(QWidget):
    """Everything before the journal is open. Emits ``unlocked(journal)``."""

    unlocked = Signal(object)
    languageRequested = Signal(str)

    def __init__(self, settings: Any, kdf: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.kdf = kdf  # crypto.KdfParams for new journals; None = calibrated (tests pass FAST)
        self._worker: BackgroundTask | None = None
        self._threads: list[BackgroundTask] = []  # running tasks, until they have really ended
        self._path: Path | None = None
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(self.stack)

        self.intro = IntroPage()
        self.intro.languageChosen.connect(self._language_chosen)
        self.intro.startClicked.connect(self._intro_done)
        self.start = StartPage()
        self.start.createClicked.connect(self.show_create)
        self.start.openClicked.connect(self.open_other)
        self.start.lastClicked.connect(self._unlock_last)
        self.start.demoClicked.connect(self.open_demo)
        self.start.recentChosen.connect(lambda p: self.show_unlock(Path(p)))
        self.start.forgetRequested.connect(self.forget_recent)
        self.create_page = CreatePage()
        self.create_page.createRequested.connect(self._create)
        self.create_page.backClicked.connect(self.show_start)
        self.create_page.browseClicked.connect(self._browse)
        self.unlock = UnlockPage()
        self.unlock.unlockRequested.connect(self._unlock)
        self.unlock.openOtherClicked.connect(self.open_other)
        self.unlock.createClicked.connect(self.show_create)
        self.unlock.demoClicked.connect(self.open_demo)
        self.unlock.restoreBackupClicked.connect(self.open_backups)
        self.unlock.recentClicked.connect(self.show_start)
        self.upgrade_page = UpgradePage()
        for page in (self.intro, self.start, self.create_page, self.unlock, self.upgrade_page):
            self.stack.addWidget(page)
        self.intro.set_language(current_lang())

    # --- where to start ------------------------------------------------------------------------
    def begin(self, path: Path | None = None) -> None:
        """Show the right first page: the welcome, the unlock screen, or the start choices."""
        if path is not None:
            self.show_unlock(Path(path))
        elif not self.settings.first_run_done:
            self.intro.set_language(current_lang())
            self.stack.setCurrentWidget(self.intro)
            self.intro.start.setFocus()
        elif self._last_journal() is not None:
            self.show_unlock(self._last_journal())  # type: ignore[arg-type]
        else:
            self.show_start()

    def _last_journal(self) -> Path | None:
        """The user's own journal opened last (never the demo: its passphrase is not theirs)."""
        last = self.settings.last_journal
        if not last or paths.is_demo_journal(last) or not Path(last).is_file():
            return None
        return Path(last)

    def recent_journals(self) -> list[tuple[Path, str]]:
        """The journals opened before that still exist, never the demo: the one opened last
        first, then the others, most recent first; with when each was last opened."""
        from datetime import datetime

        from journal.core.timeparse import show_when

        ordered = [self.settings.last_journal, *self.settings.recent_journals]
        out: list[tuple[Path, str]] = []
        seen: set[str] = set()
        for raw in ordered:
            if not raw or raw in seen or paths.is_demo_journal(raw) or not Path(raw).is_file():
                continue
            seen.add(raw)
            opened = self.settings.recent_opened.get(raw, "")
            try:
                shown = show_when(datetime.fromisoformat(opened).astimezone(), "exact",
                                  current_lang())
            except (TypeError, ValueError):
                shown = "—"
            out.append((Path(raw), shown))
        return out

    def forget_recent(self, path: str) -> None:
        """Take ``path`` off the list of recent journals (the file stays where it is)."""
        self.settings.recent_journals = [p for p in self.settings.recent_journals if p != path]
        self.settings.recent_opened.pop(path, None)
        if self.settings.last_journal == path:
            self.settings.last_journal = ""
        self._save_settings()
        log.info("a journal was taken off the recent list")
        self.start.set_last(self._last_journal())
        self.start.set_recent(self.recent_journals())

    def _language_chosen(self, lang: str) -> None:
        self.intro.set_language(lang)
        self.languageRequested.emit(lang)

    def _intro_done(self) -> None:
        self.settings.first_run_done = True
        self._save_settings()
        self.show_start()

    def show_start(self) -> None:
        self.create_page.clear_secrets()
        self.start.set_last(self._last_journal())
        self.start.set_recent(self.recent_journals())
        self.stack.setCurrentWidget(self.start)
        self.start.create_button.setFocus()

    def show_create(self) -> None:
        self.create_page.clear_secrets()
        self.create_page.location.setText(str(self._suggest_new_path()))
        self.stack.setCurrentWidget(self.create_page)
        self.create_page.passphrase.setFocus()

    def show_unlock(self, path: Path, demo_passphrase: str | None = None) -> None:
        self._path = Path(path)
        if demo_passphrase is None and paths.is_demo_journal(self._path):
            from journal.core.demo import DEMO_PASSPHRASE

            demo_passphrase = DEMO_PASSPHRASE
        self.unlock.set_path(self._path, demo_passphrase)
        self.unlock.set_busy(False)
        self.stack.setCurrentWidget(self.unlock)
        self.unlock.passphrase.setFocus()

    def current_path(self) -> Path | None:
        """The journal file the unlock page is for (None before one is chosen)."""
        return self._path

    def retranslate(self) -> None:
        for page in (self.intro, self.start, self.create_page, self.unlock, self.upgrade_page):
            page.retranslate()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    @staticmethod
    def _suggest_new_path() -> Path:
        default = paths.default_journal_path()
        if not default.exists():
            return default
        for n in range(2, 100):
            candidate = default.with_name(f"{default.stem}-{n}{default.suffix}")
            if not candidate.exists():
                return candidate
        return default

    def _browse(self) -> None:
        path = dialogs.save_file(self, self.tr("Where to keep the new journal"),
                                 self.create_page.location.text(), JOURNAL_FILTER)
        if path:
            if not path.endswith(".ijournal") and "." not in Path(path).name:
                path += ".ijournal"
            self.create_page.location.setText(path)

    def open_other(self) -> None:
        start_dir = str(paths.data_dir()) if paths.data_dir().is_dir() else str(Path.home())
        path = dialogs.open_file(self, self.tr("Open a journal"), JOURNAL_FILTER, start_dir)
        if path:
            self.show_unlock(Path(path))

    def open_backups(self) -> None:
        """The unlock screen's "Restore from a backup…": this journal's backups."""
        if self._path is None:
            return
        from journal.gui.backups import BackupsDialog

        dlg = BackupsDialog(self, self._path)
        dlg.exec()
        restored = dlg.restored
        dlg.deleteLater()
        if restored:
            self.show_unlock(self._path)

    def _unlock_last(self) -> None:
        last = self._last_journal()
        if last is not None:
            self.show_unlock(last)

    # --- create ------------------------------------------------------------------------------
    def _create(self, location: str, passphrase: str, repeat: str) -> None:
        from journal.core import crypto

        self.create_page.show_error("")
        try:
            if not location:
                raise InputError("error.file_missing", field="location", path="")
            path = Path(location).expanduser()
            if path.exists():
                raise InputError("error.file_exists", field="location", path=str(path))
            crypto.check_new_passphrase(passphrase)
            if passphrase != repeat:
                raise InputError("error.passphrase_mismatch", field="repeat")
        except JournalError as exc:
            shown: JournalError | None = exc
            if exc.key == "error.passphrase_short":  # the meter under the field says it already
                shown = InputError("error.passphrase_mismatch", field="passphrase") \
                    if passphrase != repeat else None
            self.create_page.show_error(shown.message(current_lang()) if shown else "")
            target = {"repeat": self.create_page.repeat, "location": self.create_page.location}.get(
                exc.field or "", self.create_page.passphrase)
            target.setFocus()
            return
        kdf = self.kdf

        def work() -> Any:
            from journal.core.store import Journal

            paths.ensure_private_dir(path.parent)
            return Journal.create(path, passphrase, kdf=kdf)  # the connection may change threads

        self.create_page.set_busy(True)
        log.info("creating a journal")
        self._run(work, lambda journal: self._opened(path, journal, self.create_page),
                  self._create_failed)

    def _create_failed(self, exc: BaseException) -> None:
        self.create_page.set_busy(False)
        if isinstance(exc, JournalError):
            self.create_page.show_error(exc.message(current_lang()))
        elif isinstance(exc, OSError):
            self.create_page.show_error(InputError("error.not_writable", path=self.create_page.location.text())
                                   .message(current_lang()))
            log.info("create failed: %s", type(exc).__name__)
        else:
            dialogs.show_error(self, exc)

    # --- unlock ------------------------------------------------------------------------------
    def _unlock(self, passphrase: str) -> None:
        if self._path is None:
            return
        if not passphrase:
            self.unlock.show_error(InputError("error.passphrase_empty").message(current_lang()))
            self.unlock.passphrase.setFocus()
            return
        path = self._path

        def work() -> Any:
            from journal.core.store import Journal

            return Journal.derive(path, passphrase)

        self.unlock.set_busy(True)
        self.unlock.show_error("")
        self._run(work, lambda key: self._open_with_key(path, key, self.unlock),
                  self._unlock_failed)

    def _unlock_failed(self, exc: BaseException) -> None:
        self.unlock.set_busy(False)
        self.unlock.passphrase.clear()
        self.unlock.passphrase.setFocus()
        if isinstance(exc, WrongPassphraseError):
            log.info("unlock: wrong passphrase")
            self.unlock.show_error(exc.message(current_lang()))
        elif isinstance(exc, NotAJournalError):
            log.info("unlock: not a journal or damaged")
            self._damaged(exc)
        elif isinstance(exc, JournalError):
            self.unlock.show_error(exc.message(current_lang()))
        else:
            dialogs.show_error(self, exc)

    def _damaged(self, exc: JournalError) -> None:
        """A damaged or foreign file: offer its newest backup if there is one, else say so."""
        path = self._path or Path()
        if damaged_handler(self, path, exc):
            return
        dialogs.show_error(self, exc, self.tr("This file cannot be opened"))

    def _open_with_key(self, path: Path, key: bytes, page: Any, read_only: bool = False) -> None:
        """Open with the derived key in the background: the first open after an update of the
        program brings the journal up to date there (backup, schema, indexes), which can take
        minutes on a large journal; the upgrade page shows how far it is, and the window keeps
        responding. A read-only file or medium opens read-only (the window shows a banner)."""
        from journal.core.store import AUTO, READ, Journal

        newest: list[Any] = []  # the newest UpgradeStep, handed from the worker thread

        def work(progress: Callable[[int, int], None]) -> Any:
            def on_upgrade(step: Any) -> None:
                newest[:] = [step]
                # (permille within the whole upgrade, never the same figure for two steps;
                # raises Cancelled here once the window is closing: the step is undone)
                progress((step.number - 1) * 1000 + min(999, round(
                    1000 * step.done / step.total) if step.total > 0 else 0), step.count * 1000)

            # stale warning-sign facts are rebuilt by the window's signs, in the background
            return Journal.open_with_key(path, key, mode=READ if read_only else AUTO,
                                         rebuild_sign_facts=False, on_upgrade=on_upgrade)

        def upgrading(_done: int, _total: int) -> None:
            if newest:
                self._show_upgrade(path, newest[0])

        def failed(exc: BaseException) -> None:
            if (not read_only and isinstance(exc, JournalError)
                    and exc.key == "error.journal_busy" and self._ask_read_only(path)):
                self._open_with_key(path, key, page, read_only=True)
                return
            if self.stack.currentWidget() is self.upgrade_page:
                self.stack.setCurrentWidget(page)
            if page is self.unlock:
                self._unlock_failed(exc)
            else:
                self._create_failed(exc)

        def opened(journal: Any) -> None:
            if self.stack.currentWidget() is self.upgrade_page:
                self.stack.setCurrentWidget(page)  # (what the next lock comes back to)
            self._opened(path, journal, page)

        task = self._run(lambda: None, opened, failed, work=work, name="journal-open")
        task.progressed.connect(upgrading)

    def _show_upgrade(self, path: Path, step: Any) -> None:
        """The upgrade page, showing ``step`` (the first call brings the page up)."""
        if self.stack.currentWidget() is not self.upgrade_page:
            log.info("bringing the journal up to date (first open after an update)")
            self.upgrade_page.set_path(path)
            self.stack.setCurrentWidget(self.upgrade_page)
        self.upgrade_page.show_step(step)

    def _ask_read_only(self, path: Path) -> bool:
        """The journal is open for writing in another window or program: offer to read it."""
        title = self.tr("Open in another window or program")
        text = self.tr("“{name}” is open in another window or program, so it cannot be changed "
                       "here.\n\nOpen it read-only? You can read, search and export it; to change "
                       "it, close it there first.").format(name=path.name)
        log.info("unlock: the journal is open for writing elsewhere")
        return dialogs.ask(self, title, text, default_yes=True)

    def _opened(self, path: Path, journal: Any, page: Any) -> None:
        page.set_busy(False)
        self.create_page.clear_secrets()
        self.unlock.passphrase.clear()
        if not paths.is_demo_journal(path):  # the demo never becomes the journal opened at start
            self.settings.last_journal = str(path)
            recent = [p for p in self.settings.recent_journals if p != str(path)]
            self.settings.recent_journals = [str(path), *recent][:10]
            from datetime import UTC, datetime

            self.settings.recent_opened[str(path)] = datetime.now(UTC).isoformat(timespec="seconds")
        self.settings.first_run_done = True
        self._save_settings()
        log.info("journal unlocked")
        warning = journal.rollback_check()
        if warning is not None:
            from journal.core.i18n import message
            from journal.gui.qtsetup import current_lang

            lang = current_lang()
            dialogs.warn(self, message("warning.rollback_title", lang),
                         message("warning.rollback", lang, seen=warning.seen_seq, seq=warning.seq))
        self.unlocked.emit(journal)

    # --- demo --------------------------------------------------------------------------------
    def open_demo(self) -> None:
        from journal.core import demo  # (imports the store: not at start-up)

        lang = current_lang()  # the story in the interface's language
        path = paths.demo_journal_path(lang)
        passphrase = demo.DEMO_PASSPHRASE
        if path.exists():
            self.show_unlock(path, passphrase)
            return
        kdf = self.kdf

        def work() -> Any:
            paths.ensure_private_dir(path.parent)
            demo.build_demo(path, passphrase, kdf=kdf, lang=lang).close()
            return None

        self.show_unlock(path, passphrase)
        self.unlock.set_busy(True)
        self.unlock.busy_label.setText(self.tr("Preparing the demo journal…"))
        log.info("building the demo journal")

        def built(_result: object) -> None:
            self.unlock.set_busy(False)
            self.unlock.retranslate()
            self.unlock.passphrase.setFocus()

        def failed(exc: BaseException) -> None:
            self.unlock.set_busy(False)
            self.unlock.retranslate()
            dialogs.show_error(self, exc)

        self._run(work, built, failed)

    # --- plumbing ----------------------------------------------------------------------------
    def _run(self, func: Callable[[], Any], done: Callable[[Any], None],
             failed: Callable[[BaseException], None],
             work: Callable[[Callable[[int, int], None]], Any] | None = None,
             name: str = "journal-unlock") -> BackgroundTask:
        """Run ``func()`` (or ``work(progress)``) in the background; ``done``/``failed`` in the
        UI thread."""
        def finish_done(result: Any) -> None:
            self._worker = None
            done(result)

        def finish_failed(exc: BaseException) -> None:
            self._worker = None
            failed(exc)

        worker = BackgroundTask(work or (lambda _progress: func()), self, done=finish_done,
                                failed=finish_failed, name=name)
        self._worker = worker
        self._threads = [t for t in self._threads if t.is_running()] + [worker]
        worker.start()
        return worker

    def is_busy(self) -> bool:
        return self._worker is not None

    def wait_idle(self, ms: int = 30000) -> None:
        """Wait for every worker thread to end (before the window goes away)."""
        for worker in list(self._threads):
            worker.wait(ms / 1000)

    def stop(self, ms: int = 30000) -> None:
        """The window is closing: stop what runs (an upgrade under way stops at its next step of
        progress, the step undone: the next open does what is left), wait for it, and close a
        journal that finished opening meanwhile (nobody will show it)."""
        for worker in list(self._threads):
            worker.cancel()
        for worker in list(self._threads):
            worker.wait(ms / 1000)
            result = worker.result
            if result is not None and callable(getattr(result, "close", None)):
                worker.result = None
                result.close()
        self._worker = None

    def _save_settings(self) -> None:
        from journal.core import settings as settings_mod

        try:
            settings_mod.save(self.settings)
        except OSError:
            log.warning("settings could not be saved")

    def clear(self) -> None:
        """Forget any typed passphrase (e.g. when the window closes)."""
        self.create_page.clear_secrets()
        self.unlock.passphrase.clear()
