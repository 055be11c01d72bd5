"""Automatic backups in the window: the list of a journal's backups with "Restore this backup…",
the offer of the newest backup when a journal file is damaged, and the backup made on close."""

from journal.gui.backups.dialog import (
    BackupsDialog,
    PassphrasePrompt,
    backup_on_close,
    damaged_handler,
    journal_backups,
    offer_backup_for_damaged,
    set_next_passphrase,
)

__all__ = ["BackupsDialog", "PassphrasePrompt", "backup_on_close", "damaged_handler",
           "journal_backups", "offer_backup_for_damaged",
           "set_next_passphrase"]
