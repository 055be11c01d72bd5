"""Honest messages for what goes wrong with the disk rather than with the journal: a full disk, a
read-only file, folder or medium, a journal busy in another process, no permission. Each becomes an
error that says what happened (exit 1), never "damaged, open a backup"."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from journal.core.errors import InputError, JournalError
from journal.core.i18n import register

log = logging.getLogger(__name__)

register({
    "error.disk_full": {
        "en": "The disk that holds {path} is full. Nothing was saved; the journal is as it was "
        "before. Free some space on that disk and try again.",
        "zh": "存放 {path} 的磁盘已满。没有保存任何内容，日志保持原样。请在该磁盘上腾出一些空间后重试。",
    },
    "error.no_permission": {
        "en": "You have no permission to change {path} or its folder. Nothing was changed. Check "
        "the permissions, or copy the journal to a folder of your own.",
        "zh": "你没有权限修改 {path} 或其所在的文件夹。没有任何改动。请检查权限，或把日志复制到你自己的文件夹中。",
    },
    "error.disk_error": {
        "en": "The disk that holds {path} reported a read or write error. Nothing was saved. "
        "Check the disk or the USB stick, then try again.",
        "zh": "存放 {path} 的磁盘报告了读写错误。没有保存任何内容。请检查磁盘或 U 盘后重试。",
    },
})

_OS_KEYS = {
    errno.ENOSPC: "error.disk_full",
    errno.EDQUOT: "error.disk_full",
    errno.EROFS: "error.journal_file_read_only",
    errno.EACCES: "error.no_permission",
    errno.EPERM: "error.no_permission",
    errno.EIO: "error.disk_error",
}


def _no_space_left(path: Path) -> bool:
    try:
        st = os.statvfs(path.parent if path.suffix else path)
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024


def classify(exc: BaseException, path: os.PathLike[str] | str) -> JournalError | None:
    """The honest error for ``exc`` (an OSError or an SQLite error) on the file ``path``; None
    when it is not a disk, permission or busy problem."""
    path = Path(path)
    if isinstance(exc, JournalError):
        return exc
    if isinstance(exc, OSError):
        key = _OS_KEYS.get(exc.errno or 0)
        return InputError(key, path=str(path)) if key else None
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return InputError("error.disk_full", path=str(path))
    if "readonly database" in text or "read-only" in text:
        return InputError("error.journal_file_read_only", path=str(path))
    if "database is locked" in text or "database table is locked" in text:
        from journal.core.store.filelock import JournalBusyError

        return JournalBusyError(path=str(path))
    if "disk i/o error" in text:
        if _no_space_left(path):
            return InputError("error.disk_full", path=str(path))
        return InputError("error.disk_error", path=str(path))
    if "unable to open database file" in text:
        if not os.access(path, os.R_OK):
            return InputError("error.file_unreadable", path=str(path))
        return InputError("error.no_permission", path=str(path))
    return None
