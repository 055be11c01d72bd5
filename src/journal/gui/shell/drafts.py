"""After an unlock: offer back the entries that were being written when the journal locked or
the app stopped (the editor's drafts, kept encrypted in the journal)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QDialog

from journal.gui import dialogs
from journal.gui.shell.base import ShellBase

log = logging.getLogger(__name__)


class ShellDrafts(ShellBase):
    def offer_drafts(self) -> None:
        """Offer back what was being typed when the journal locked or the app stopped."""
        # (the editor is imported once a journal is open, not at start-up)
        from journal.gui.editor.dialog import EntryEditorDialog
        from journal.gui.editor.draft_state import pending_drafts

        journal = self.journal
        if journal is None:
            return
        try:
            drafts = pending_drafts(journal)
        except Exception:
            log.exception("drafts could not be listed")
            return
        for draft in drafts:
            if self.journal is not journal:
                return
            summary = (draft.get("summary") or "").strip()
            text = self.tr("You were writing an entry that was not saved yet") + (
                f": “{summary}”." if summary else ".")
            text += "\n\n" + self.tr("Continue writing it now? If you choose No, it is kept and "
                                       "offered again next time.")
            if not dialogs.ask(self, self.tr("Unfinished entry"), text, default_yes=True):
                continue
            key: str = draft["key"]

            def reopen(key: str = key) -> QDialog:
                return EntryEditorDialog.from_draft(journal, key, self)

            self._run_journal_dialog(journal, reopen)
