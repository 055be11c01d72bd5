"""Encrypted copies (backup) and changing the passphrase (re-key), both crash-safe.

Both write a complete new file next to the target with ``sqlcipher_export`` and only then move it
into place with an atomic rename: an interruption leaves the old file (and a stray temporary file,
still encrypted), never a half-written journal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from journal.core import crypto
from journal.core.errors import InputError

if TYPE_CHECKING:
    from journal.core.store import Journal

log = logging.getLogger(__name__)


def _tmp_name(target: Path, tag: str) -> Path:
    # unique per call, not only per process: two threads backing up at once (e.g. a lock right
    # after another) must never share, or delete, each other's temporary file
    return target.with_name(f".{target.name}.{tag}-{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _write_copy(journal: Journal, tmp: Path, key: bytes, header: bytes) -> None:
    db = journal._db  # noqa: SLF001
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    literal = crypto.sqlcipher_key_literal(key, header)
    with journal._lock:  # noqa: SLF001
        if journal._depth:  # noqa: SLF001
            raise RuntimeError("cannot copy inside a transaction")
        db.execute(f"ATTACH DATABASE ? AS copy KEY {literal}", (str(tmp),))
        try:
            db.execute("SELECT sqlcipher_export('copy')")
            version = db.execute("PRAGMA main.user_version").fetchone()[0]
            db.execute(f"PRAGMA copy.user_version = {int(version)}")
        finally:
            db.execute("DETACH DATABASE copy")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())


def export_copy(journal: Journal, target: Path, key: bytes, header: bytes,
                overwrite: bool = False) -> Path:
    """Write an encrypted copy of the open journal to ``target`` (refuses to overwrite)."""
    from journal.core.store import _fsync_dir

    target = Path(target)
    if target.exists() and not overwrite:
        raise InputError("error.file_exists", path=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise InputError("error.not_writable", path=str(target)) from None
    if not os.access(target.parent, os.W_OK):
        raise InputError("error.not_writable", path=str(target))
    tmp = _tmp_name(target, "copy")
    try:
        _write_copy(journal, tmp, key, header)
        if overwrite:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # fails if target appeared meanwhile: never overwrite
            os.unlink(tmp)
        _fsync_dir(target.parent)
    except FileExistsError:
        raise InputError("error.file_exists", path=str(target)) from None
    except OSError as exc:
        log.warning("copy failed: %s", type(exc).__name__)
        raise InputError("error.not_writable", path=str(target)) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return target


def rekey(journal: Journal, new_passphrase: str, kdf: crypto.KdfParams | None = None) -> None:
    """Change the passphrase: a new file with a new salt and key replaces the old atomically."""
    from journal.core.store import Journal as _Journal
    from journal.core.store import _fsync_dir

    crypto.check_new_passphrase(new_passphrase)
    path = journal.path
    params = kdf or crypto.parse_header(journal._header)  # noqa: SLF001
    header = crypto.make_header(params)
    key = crypto.derive_key(new_passphrase, header)
    tmp = _tmp_name(path, "rekey")
    try:
        _write_copy(journal, tmp, key, header)
        with journal._lock:  # noqa: SLF001
            journal._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # noqa: SLF001
            journal._conn.close()  # noqa: SLF001
            journal._conn = None  # noqa: SLF001
            os.replace(tmp, path)  # the one atomic step: old file before, new file after
            _fsync_dir(path.parent)
            journal._conn = _Journal._connect(path, key, header, check=True)  # noqa: SLF001
            journal._key, journal._header = key, header  # noqa: SLF001
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    with journal.transaction():
        journal._audit("rekey", "journal", "journal", "")  # noqa: SLF001


def remove_stray_temporaries(journal_path: Path) -> int:
    """Delete the (encrypted) temporary files an interrupted re-key or restore left beside the
    journal, when the process that wrote them is gone. Returns how many were removed."""
    removed = 0
    pattern = re.compile(rf"^\.{re.escape(journal_path.name)}\.(?:rekey|restore|copy)-(\d+)(?:-[0-9a-f]+)?\.tmp$")
    try:
        candidates = list(journal_path.parent.iterdir())
    except OSError:
        return 0
    for p in candidates:
        m = pattern.match(p.name)
        if not m:
            continue
        pid = int(m.group(1))
        if pid == os.getpid():
            continue  # another thread of ours may be writing it right now
        try:
            os.kill(pid, 0)
            continue  # its writer is still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        with contextlib.suppress(OSError):
            p.unlink()
            removed += 1
    if removed:
        log.info("removed %d stray temporary file(s)", removed)
    return removed
