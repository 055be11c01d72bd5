"""Reading an attachment's bytes from a file or memory, with the size limit checked first."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from journal.core.errors import InputError
from journal.core.mediatype import sniff


def read_attachment_input(path: os.PathLike[str] | str | None, data: bytes | None,
                          filename: str | None, limit: int) -> tuple[bytes, str, str, str]:
    """Return (bytes, file name, sniffed media type, SHA-256) or raise InputError."""
    limit_mb = limit // (1024 * 1024)
    if path is not None:
        p = Path(path)
        name = filename or p.name
        try:
            size = p.stat().st_size
        except FileNotFoundError:
            raise InputError("error.file_missing", field="attachment", path=str(p)) from None
        except OSError:
            raise InputError("error.file_unreadable", field="attachment", path=str(p)) from None
        if p.is_dir():
            raise InputError("error.file_unreadable", field="attachment", path=str(p))
        if size > limit:
            raise InputError("error.attachment_too_large", field="attachment", name=name,
                             size_mb=f"{size / 1048576:.0f}", limit_mb=limit_mb)
        try:
            with open(p, "rb") as fh:
                data = fh.read(limit + 1)
        except OSError:
            raise InputError("error.file_unreadable", field="attachment", path=str(p)) from None
    elif data is not None:
        name = filename or "attachment"
    else:
        raise InputError("error.input", field="attachment", detail="no file")
    name = name.replace("/", "_").replace("\\", "_").strip() or "attachment"
    if len(data) > limit:
        raise InputError("error.attachment_too_large", field="attachment", name=name,
                         size_mb=f"{len(data) / 1048576:.0f}", limit_mb=limit_mb)
    if not data:
        raise InputError("error.attachment_empty", field="attachment", name=name)
    return bytes(data), name, sniff(data), hashlib.sha256(data).hexdigest()
