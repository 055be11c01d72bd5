"""Encrypted copies (backups) and changing the passphrase (re-key), both crash-safe.

Both write a complete new file next to the target with ``sqlcipher_export`` and only then move it
into place with an atomic rename: an interruption leaves the old file (and a stray temporary file,
still encrypted), never a half-written journal.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import sqlcipher3

from journal.core import crypto, paths
from journal.core.errors import InputError, JournalError
from journal.core.fsutil import fsync_dir, fsync_file, short_name, temp_path_for
from journal.core.store.connection import KeyMaterial, connect
from journal.core.store.db import Database
from journal.core.store.filelock import Lease
from journal.core.store.storage_errors import classify

log = logging.getLogger(__name__)


def _tmp_name(target: Path, tag: str) -> Path:
    # unique per call, not only per process: two threads backing up at once (e.g. a lock right
    # after another) must never share, or delete, each other's temporary file;
    # remove_stray_temporaries() knows this pattern
    return temp_path_for(target, tag, suffix=".tmp")


Progress = Callable[[int, int], None]
_COPY_WATCH_STEPS = 10_000  # SQLite virtual machine steps between two looks at the copy's size


def _copy_watcher(tmp: Path, source: Path, progress: Progress,
                  stopped: list[BaseException]) -> Callable[[], int]:
    """SQLite's progress handler during a copy: reports the copy's size against the journal's
    (file and ``-wal``); returns 1 (SQLite stops the copy) once ``progress`` raised, kept in
    ``stopped`` for the caller to raise."""
    def size(path: Path) -> int:
        try:
            return path.stat().st_size
        except OSError:
            return 0

    total = size(source) + size(Path(str(source) + "-wal"))

    def watch() -> int:
        try:
            progress(min(size(tmp), total), total)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, never swallowed
            stopped.append(exc)
            return 1
        return 0

    return watch


@dataclass
class RekeyResult:
    """What a re-key did to the journal's earlier copies."""

    reencrypted: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)


class Maintenance:
    def __init__(self, path: Path, db: Database, keys: KeyMaterial,
                 lease: Lease | None = None) -> None:
        self._path = path
        self._db = db
        self._keys = keys
        self._lease = lease

    def _write_copy(self, tmp: Path, key: bytes, header: bytes,
                    progress: Progress | None = None) -> None:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        literal = crypto.sqlcipher_key_literal(key, header)
        stopped: list[BaseException] = []
        with self._db.lock:
            if self._db.in_transaction:
                raise RuntimeError("cannot copy inside a transaction")
            conn = self._db.conn
            if progress is not None:
                conn.set_progress_handler(_copy_watcher(tmp, self._path, progress, stopped),
                                          _COPY_WATCH_STEPS)
            conn.execute(f"ATTACH DATABASE ? AS copy KEY {literal}", (str(tmp),))
            try:
                conn.execute("SELECT sqlcipher_export('copy')")
                version = conn.execute("PRAGMA main.user_version").fetchone()[0]
                conn.execute(f"PRAGMA copy.user_version = {int(version)}")
            except sqlcipher3.OperationalError:
                if stopped:  # the progress callback asked to stop (e.g. the window closed)
                    raise stopped[0] from None
                raise
            finally:
                if progress is not None:
                    conn.set_progress_handler(None, 0)
                conn.execute("DETACH DATABASE copy")
        fsync_file(tmp)

    def _file_is_whole_and_fixed(self) -> bool:
        """A journal SQLite opened read-only with nothing in a ``-wal`` (a 0444 file, read-only
        folder or medium): its file is the whole journal and nobody here changes it, so a byte
        copy is a consistent backup (sqlcipher_export needs to write to the connection)."""
        if self._lease is None or self._lease.write:
            return False
        wal = Path(str(self._path) + "-wal")
        try:
            wal_empty = not wal.exists() or wal.stat().st_size == 0
        except OSError:
            return False
        return wal_empty and not (os.access(self._path, os.W_OK)
                                  and os.access(self._path.parent, os.W_OK))

    def _copy_file(self, tmp: Path) -> None:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(self._path, "rb") as src, os.fdopen(fd, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())

    def export_copy(self, target: Path, overwrite: bool = False,
                    progress: Progress | None = None) -> Path:
        """Write an encrypted copy (same key) of the open journal to ``target``; refuses to
        overwrite unless asked. ``progress(bytes written, bytes of the journal)`` follows the
        copy; an exception it raises stops the copy (nothing is left) and is raised here."""
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
            if self._file_is_whole_and_fixed():
                self._copy_file(tmp)
            else:
                self._write_copy(tmp, self._keys.key, self._keys.header, progress)
            if overwrite:
                os.replace(tmp, target)
            else:
                os.link(tmp, target)  # fails if target appeared meanwhile: never overwrite
                os.unlink(tmp)
            fsync_dir(target.parent)
        except FileExistsError:
            raise InputError("error.file_exists", path=str(target)) from None
        except OSError as exc:
            log.warning("copy failed: %s", type(exc).__name__)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise InputError("error.disk_full", path=str(target)) from None
            raise InputError("error.not_writable", path=str(target)) from None
        except sqlcipher3.Error as exc:  # the copy ran out of space (or similar): say so
            log.warning("copy failed: %s", type(exc).__name__)
            raise classify(exc, target) or InputError("error.not_writable", path=str(target)) from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return target

    def write_backup(self, directory: Path, reason: str = "",
                     progress: Progress | None = None) -> Path:
        """A new backup file in ``directory`` named after the journal, the time and ``reason``;
        never overwrites one (a name taken in the same second gets a number). ``progress`` as
        for :meth:`export_copy`."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for n in range(1000):
            target = directory / paths.backup_file_name(self._path.stem, stamp, reason, n)
            if not target.exists():
                try:
                    return self.export_copy(target, progress=progress)
                except InputError as exc:
                    if exc.key != "error.file_exists" or not target.exists():
                        raise
                    # another backup took this name meanwhile (same second): take the next one
        raise InputError("error.file_exists", path=str(target))

    def rekey(self, new_passphrase: str, journal_id: str, kdf: crypto.KdfParams | None = None,
              copies_in: Sequence[Path] = (), delete_copies: bool = False) -> RekeyResult:
        """Change the passphrase: a new file with a new salt and key replaces the old atomically.

        Then this journal's earlier copies in the folders ``copies_in`` (its backups, found by the
        header they share with it — the same key opens them — and checked by the journal id inside)
        are re-encrypted with the new key, or deleted with ``delete_copies``: no copy keeps
        opening with the old passphrase.

        Refused on a journal open read-only, and while any other process (a reader too) has it
        open: the file is replaced."""
        crypto.check_new_passphrase(new_passphrase)
        if self._lease is not None and not self._lease.write:
            raise InputError("error.journal_read_only", path=str(self._path))
        with self._lease.exclusive() if self._lease is not None else contextlib.nullcontext():
            return self._rekey_and_copies(new_passphrase, journal_id, kdf, copies_in,
                                          delete_copies)

    def _rekey_and_copies(self, new_passphrase: str, journal_id: str,
                          kdf: crypto.KdfParams | None, copies_in: Sequence[Path],
                          delete_copies: bool) -> RekeyResult:
        old_key, old_header = self._keys.key, self._keys.header
        copies = self._copies_with_header(copies_in, old_header)
        self._rekey(new_passphrase, kdf)
        result = RekeyResult()
        for copy in copies:
            try:
                if not self._is_copy_of(copy, old_key, old_header, journal_id):
                    continue
                if delete_copies:
                    copy.unlink()
                    result.deleted.append(copy)
                else:
                    self._reencrypt(copy, old_key, old_header)
                    result.reencrypted.append(copy)
            except (OSError, sqlcipher3.Error, JournalError) as exc:
                log.warning("an earlier copy could not be %s (%s)",
                            "deleted" if delete_copies else "re-encrypted", type(exc).__name__)
                result.failed.append(copy)
        return result

    def _copies_with_header(self, folders: Sequence[Path], header: bytes) -> list[Path]:
        found: list[Path] = []
        for folder in {Path(f) for f in folders}:
            try:
                candidates = sorted(p for p in Path(folder).iterdir() if p.is_file())
            except OSError:
                continue
            for p in candidates:
                if p.resolve() == self._path.resolve() or p.name.endswith(("-wal", "-shm")):
                    continue
                try:
                    with open(p, "rb") as fh:
                        if fh.read(crypto.HEADER_SIZE) == header:
                            found.append(p)
                except OSError:
                    continue
        return found

    @staticmethod
    def _is_copy_of(copy: Path, key: bytes, header: bytes, journal_id: str) -> bool:
        conn = connect(copy, key, header, check=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'journal_id'").fetchone()
            return row is not None and str(row[0]) == journal_id
        finally:
            conn.close()

    def _reencrypt(self, copy: Path, old_key: bytes, old_header: bytes) -> None:
        """Replace ``copy`` (opened with the old key) by the same content under the current key,
        atomically: the old copy or the new one, never half."""
        tmp = _tmp_name(copy, "copy")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        literal = crypto.sqlcipher_key_literal(self._keys.key, self._keys.header)
        conn = connect(copy, old_key, old_header, check=True)
        try:
            conn.execute(f"ATTACH DATABASE ? AS copy KEY {literal}", (str(tmp),))
            try:
                conn.execute("SELECT sqlcipher_export('copy')")
                version = conn.execute("PRAGMA main.user_version").fetchone()[0]
                conn.execute(f"PRAGMA copy.user_version = {int(version)}")
            finally:
                conn.execute("DETACH DATABASE copy")
            conn.close()
            fsync_file(tmp)
            os.replace(tmp, copy)
            fsync_dir(copy.parent)
        finally:
            with contextlib.suppress(Exception):
                conn.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)

    def _rekey(self, new_passphrase: str, kdf: crypto.KdfParams | None = None) -> None:
        crypto.check_new_passphrase(new_passphrase)
        path = self._path
        params = kdf or crypto.parse_header(self._keys.header)
        header = crypto.make_header(params)
        key = crypto.derive_key(new_passphrase, header)
        tmp = _tmp_name(path, "rekey")
        try:
            self._write_copy(tmp, key, header)
            with self._db.lock:
                self._db.close()
                os.replace(tmp, path)  # the one atomic step: old file before, new file after
                fsync_dir(path.parent)
                self._db.reconnect(connect(path, key, header, check=True))
                self._keys.replace(key, header)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        with self._db.transaction():
            self._db.append_audit("rekey", "journal", "journal", "")


def remove_stray_temporaries(journal_path: Path) -> int:
    """Delete the (encrypted) temporary files an interrupted re-key or restore left beside the
    journal, when the process that wrote them is gone. Returns how many were removed."""
    removed = 0
    pattern = re.compile(rf"^\.{re.escape(short_name(journal_path.name))}\.(?:rekey|restore|copy)-(\d+)(?:-[0-9a-f]+)?\.tmp$")
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
