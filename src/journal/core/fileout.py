"""Writing a file the user chose (an export) atomically: all of it or nothing."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from journal.core.errors import InputError


def write_bytes_atomic(target: Path, data: bytes) -> None:
    target = Path(target)
    if target.is_dir():
        raise InputError("error.not_writable", path=str(target))
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError("error.not_writable", path=str(target)) from None


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))
