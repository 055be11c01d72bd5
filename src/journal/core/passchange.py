"""Changing an open journal's passphrase, as the window and ``journal-cli rekey`` both do it.

The re-key itself is :meth:`journal.core.store.Journal.rekey` (atomic: the old file or the new
one). This module adds what both faces need around it: checking what the person typed (the
current passphrase must open this journal, the new one twice the same), the folders where the
journal's earlier copies live, and the sentences that say what happened to those copies.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from journal.core import crypto, i18n
from journal.core.errors import InputError, WrongPassphraseError
from journal.core.store.connection import key_fits_first_page

if TYPE_CHECKING:
    from journal.core.settings import Settings
    from journal.core.store import Journal
    from journal.core.store.maintenance import RekeyResult

i18n.register({
    "rekey.done": {"en": "The passphrase was changed. Only the new passphrase opens the journal now.",
                   "zh": "密码已更改。现在只有新密码能打开这个日志。"},
    "rekey.reencrypted": {"en": "{n} earlier {n:backup|backups} of this journal {n:was|were} re-encrypted: the old "
                                "passphrase no longer opens them.",
                          "zh": "这个日志的 {n} 个旧备份已重新加密：旧密码已打不开它们。"},
    "rekey.deleted": {"en": "{n} earlier {n:backup|backups} of this journal {n:was|were} deleted.",
                      "zh": "这个日志的 {n} 个旧备份已删除。"},
    "rekey.no_copies": {"en": "No earlier backups of this journal were found.",
                        "zh": "没有找到这个日志的旧备份。"},
    "rekey.failed": {"en": "{n} earlier {n:backup|backups} could not be changed and still {n:opens|open} with "
                           "the old passphrase: {paths}. Delete them yourself.",
                     "zh": "有 {n} 个旧备份无法处理，旧密码仍能打开它们：{paths}。请自己删除这些文件。"},
    "rekey.same": {"en": "The new passphrase is the same as the current one. Choose a different one.",
                   "zh": "新密码和当前密码相同。请换一个不同的密码。"},
})


def copy_folders(journal: Journal, settings: Settings) -> list[Path]:
    """Where this journal's earlier copies are looked for: the backups folder and the journal's
    own folder (a restore keeps the replaced file beside it)."""
    return [settings.effective_backup_dir(), Path(journal.path).parent]


def check_current(journal: Journal, passphrase: str) -> None:
    """Raise :class:`WrongPassphraseError` unless ``passphrase`` opens ``journal`` now (slow:
    one key derivation; nothing is decrypted, the key is checked against the first page)."""
    if not passphrase:
        raise InputError("error.passphrase_empty", field="old")
    key = crypto.derive_key(passphrase, journal.file_header)
    if not key_fits_first_page(Path(journal.path), key, journal.file_header):
        raise WrongPassphraseError(field="old")


def check_new(current: str, new: str, repeat: str) -> None:
    """The new passphrase: long enough, typed twice the same, not the current one."""
    try:
        crypto.check_new_passphrase(new)
    except InputError as exc:
        exc.field = "new"
        raise
    if new != repeat:
        raise InputError("error.passphrase_mismatch", field="repeat")
    if new == current:
        raise InputError("rekey.same", field="new")


def change_passphrase(journal: Journal, current: str, new: str, repeat: str,
                      folders: list[Path], delete_copies: bool = False,
                      kdf: crypto.KdfParams | None = None) -> RekeyResult:
    """Check what was typed, then re-key; earlier copies in ``folders`` are re-encrypted (or
    deleted with ``delete_copies``). Raises before anything changes if the input is wrong."""
    check_new(current, new, repeat)
    check_current(journal, current)
    return journal.rekey(new, kdf=kdf, copies_in=folders, delete_copies=delete_copies)


def outcome_lines(result: RekeyResult, lang: str) -> list[str]:
    """What happened, in the user's language: the passphrase, then the earlier copies."""
    lines = [i18n.message("rekey.done", lang)]
    if result.reencrypted:
        lines.append(i18n.message("rekey.reencrypted", lang, n=len(result.reencrypted)))
    if result.deleted:
        lines.append(i18n.message("rekey.deleted", lang, n=len(result.deleted)))
    if not result.reencrypted and not result.deleted and not result.failed:
        lines.append(i18n.message("rekey.no_copies", lang))
    if result.failed:
        sep = "、" if i18n.normalise_lang(lang) == "zh" else ", "
        lines.append(i18n.message("rekey.failed", lang, n=len(result.failed),
                                  paths=sep.join(str(p) for p in result.failed)))
    return lines
