"""The one check for every path a user chooses to write to (exports, backups, the demo, the
window's save dialogs): no output may destroy a journal.

Refused, with nothing written: the journal itself (by any spelling, through a symbolic link or as a
hard link), its ``-wal``/``-shm`` and lock files, any existing file that begins with a journal
header (another journal, a backup), anything inside the backups folder, and a folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from journal.core import crypto, paths, settings
from journal.core.errors import InputError
from journal.core.i18n import register

log = logging.getLogger(__name__)

register({
    "error.output_is_journal": {
        "en": "{path} is the journal itself or one of its own files; writing there would destroy "
        "it. Nothing was written. Choose another file name.",
        "zh": "{path} 就是日志本身或它自己的文件，写入会毁掉日志。没有写入任何内容。请另选一个文件名。",
    },
    "error.output_is_a_journal": {
        "en": "{path} is an encrypted journal or backup; it will not be overwritten. Nothing was "
        "written. Choose another file name.",
        "zh": "{path} 是一个加密的日志或备份，不会被覆盖。没有写入任何内容。请另选一个文件名。",
    },
    "error.output_in_backups": {
        "en": "{path} is inside the backups folder, which only the automatic backups may use. "
        "Nothing was written. Choose another folder.",
        "zh": "{path} 位于备份文件夹中，该文件夹只供自动备份使用。没有写入任何内容。请另选一个文件夹。",
    },
    "error.output_is_folder": {
        "en": "{path} is a folder. Nothing was written. Choose a file name.",
        "zh": "{path} 是一个文件夹。没有写入任何内容。请选择一个文件名。",
    },
})

# the files that belong to a journal NAME besides NAME itself
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".writer.lock")


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same(a: Path, b: Path) -> bool:
    """The same file: the same resolved name, or the same inode (a hard link)."""
    if _real(a) == _real(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def begins_with_journal_header(path: Path) -> bool:
    """Whether the file starts with the 16-byte header every journal and backup starts with."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(crypto.HEADER_SIZE)
    except OSError:
        return False
    return (len(head) == crypto.HEADER_SIZE and head[:2] == crypto.MAGIC
            and hashlib.sha256(head[:14]).digest()[:2] == head[14:16])


def _inside(path: Path, folder: Path) -> bool:
    real, base = _real(path), _real(folder)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def backup_folders() -> list[Path]:
    """The folders the automatic backups use (the settings' and the default one)."""
    folders = [paths.default_backup_dir()]
    try:
        folders.append(settings.load().effective_backup_dir())
    except Exception:  # noqa: BLE001 - unreadable settings: the default folder is still checked
        log.warning("settings unreadable; checking the default backups folder only")
    return folders


def check_output_path(target: os.PathLike[str] | str,
                      journals: Iterable[os.PathLike[str] | str] = ()) -> Path:
    """``target`` if writing there cannot destroy a journal, else ``InputError`` (exit 1).
    ``journals``: the journal(s) open or named (their own files are refused even when absent)."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise InputError("error.output_is_folder", path=str(target))
    for journal in journals:
        journal = Path(journal).expanduser()
        for suffix in ("", *SIDE_SUFFIXES):
            if _same(target, Path(str(journal) + suffix)):
                raise InputError("error.output_is_journal", path=str(target))
    if begins_with_journal_header(target):
        raise InputError("error.output_is_a_journal", path=str(target))
    name = target.name
    for suffix in SIDE_SUFFIXES:  # the side file of some journal not named here
        base = Path(str(target)[: -len(suffix)]) if name.endswith(suffix) else None
        if base is not None and base.name and begins_with_journal_header(base):
            raise InputError("error.output_is_journal", path=str(target))
    for folder in backup_folders():
        if _inside(target, folder):
            raise InputError("error.output_in_backups", path=str(target))
    return target
