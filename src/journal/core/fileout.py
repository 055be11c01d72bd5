"""Writing a file the user chose (an export) atomically: all of it or nothing."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from journal.core.errors import InputError
from journal.core.fsutil import write_bytes_atomic as _write_atomic
from journal.core.outpath import check_output_path

log = logging.getLogger(__name__)


def write_bytes_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data``; ``InputError("error.not_writable")`` when that fails."""
    target = check_output_path(target)  # never onto a journal, a backup, the backups folder
    if target.is_dir():
        raise InputError("error.not_writable", path=str(target))
    try:
        _write_atomic(target, data)
    except OSError as exc:
        log.warning("export could not be written: %s", type(exc).__name__)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):  # say what it is: the disk is full
            raise InputError("error.disk_full", path=str(target)) from None
        raise InputError("error.not_writable", path=str(target)) from None


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))
