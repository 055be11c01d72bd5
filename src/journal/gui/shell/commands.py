"""What the menus and shortcuts do: open an entry, import, trash, backups, help, about, settings
and the language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout

from journal.core import settings as settings_mod
from journal.gui import dialogs, qtsetup
from journal.gui.backups import BackupsDialog
from journal.gui.fit import fit_to_screen
from journal.gui.help.about import AboutDialog
from journal.gui.help.view import HelpView
from journal.gui.shell.base import ShellBase

log = logging.getLogger(__name__)


class ShellCommands(ShellBase):
    def show_entry(self, entry_id: str) -> None:
        if not self.show_view("timeline"):
            return
        timeline = self.view("timeline")
        assert timeline is not None
        timeline.select_entry(entry_id)  # type: ignore[attr-defined]

    def new_entry(self, kind: str) -> None:
        timeline = self.view("timeline")  # (it runs the editor and shows the saved entry)
        if self.journal is None or timeline is None:
            return
        timeline.new_entry(kind)  # type: ignore[attr-defined]

    def focus_search(self) -> None:
        if not self.show_view("timeline"):
            return
        timeline = self.view("timeline")
        assert timeline is not None
        timeline.focus_search()  # type: ignore[attr-defined]

    def open_import(self) -> None:
        # (the chat parsers are imported when first needed, not at start-up)
        from journal.gui.importer.dialog import ImportDialog

        if self.journal is None:
            return
        journal = self.journal
        self._run_journal_dialog(journal, lambda: ImportDialog(journal, self))

    def open_import_screenshots(self) -> None:
        # (the recognition's parent side is imported when first needed, not at start-up)
        from journal.gui.importer.screenshots import ScreenshotImportDialog

        if self.journal is None:
            return
        journal = self.journal
        self._run_journal_dialog(journal, lambda: ScreenshotImportDialog(journal, self))

    def _run_journal_dialog(self, journal: Any, make: Callable[[], QDialog]) -> None:
        """Make and run a dialog working on ``journal`` (an error is shown, not raised), then
        re-read the views if the same journal is still open."""
        try:
            dlg = make()
            dlg.exec()
            dlg.deleteLater()
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(self, exc)
        if self.journal is journal:
            self.refresh_views()

    def change_passphrase(self) -> None:
        """Journal ▸ Change passphrase…"""
        if self.journal is None:
            return
        from journal.gui.maintenance import ChangePassphraseDialog

        journal, settings = self.journal, self.settings
        self._run_journal_dialog(journal, lambda: ChangePassphraseDialog(journal, settings, self))

    def check_integrity(self) -> None:
        """Journal ▸ Check integrity…"""
        if self.journal is None:
            return
        from journal.gui.maintenance import IntegrityDialog

        journal = self.journal
        self._run_journal_dialog(journal, lambda: IntegrityDialog(journal, self))

    def open_trash(self) -> None:
        timeline = self.view("timeline")
        if timeline is not None:
            timeline.show_trash()  # type: ignore[attr-defined]

    def open_backups(self) -> None:
        """The backups of the journal on the unlock screen (only while locked)."""
        path = self.welcome.current_path()
        if self.journal is not None:
            return
        if path is None:
            dialogs.inform(self, self.tr("Backups"),
                           self.tr("Choose a journal first; its backups are listed here then."))
            return
        dlg = BackupsDialog(self, path)
        dlg.exec()
        dlg.deleteLater()

    def show_help(self) -> None:
        """F1: the help section; while locked, the help in a window of its own (no journal
        content is involved, so it is available before unlocking too)."""
        if self.show_view("help"):
            return
        dlg = QDialog(self)
        dlg.setObjectName("helpWindow")
        dlg.setWindowTitle(self.tr("Help"))
        layout = QHBoxLayout(dlg)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(HelpView(dlg))
        fit_to_screen(dlg, 900, 640)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    def show_about(self) -> None:
        dlg = AboutDialog(self)
        dlg.exec()
        dlg.deleteLater()

    def open_settings(self) -> None:
        from journal.gui.settings_dialog import SettingsDialog

        dlg = SettingsDialog(self.settings, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dlg.result_settings())
        dlg.deleteLater()

    def apply_settings(self, new: Any) -> None:
        """Store and apply new settings (language live, lock and clipboard timers)."""
        language_changed = new.language != self.settings.language
        for name in ("language", "autolock_minutes", "clipboard_clear_seconds", "backup_dir",
                     "backup_keep", "backup_on_close"):
            setattr(self.settings, name, getattr(new, name))
        self._save_settings()
        self.idle.set_minutes(self.settings.autolock_minutes)
        self.clipboard_guard.set_seconds(self.settings.clipboard_clear_seconds)
        if language_changed:
            self._apply_language()
        self._update_status()

    def set_language(self, lang: str) -> None:
        """"system", "zh" or "en": store it and switch the whole window now."""
        self.settings.language = lang
        self._save_settings()
        self._apply_language()

    def _apply_language(self) -> None:
        app = QApplication.instance()
        lang = self.settings.effective_language()
        if app is None or lang == qtsetup.current_lang() and self._translators_installed(lang):
            return
        qtsetup.install_translators(app, lang)
        log.info("language switched")
        self.retranslate()
        self.welcome.retranslate()
        if self.journal is not None:
            # Rebuild the views so every feature (including ones that set their texts only once)
            # speaks the new language; keep the section and the selected entry.
            current = self.current_view()
            timeline = self.views.get("timeline")
            entry_id = timeline.detail.entry_id if timeline is not None else None  # type: ignore[attr-defined]
            self._build_workspace()
            if self.workspace is not None:
                self.stack.setCurrentWidget(self.workspace)
            self.show_view(current or "timeline")
            if entry_id:
                self.show_entry(entry_id)
                self.show_view(current or "timeline")
            self._update_status()

    @staticmethod
    def _translators_installed(lang: str) -> bool:
        return lang != "zh" or bool(qtsetup._translators)

    def _save_settings(self) -> None:
        try:
            settings_mod.save(self.settings)
        except OSError:
            log.warning("settings could not be saved")
