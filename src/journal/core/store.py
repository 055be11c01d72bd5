"""The journal file: one SQLCipher 4 database keyed from the passphrase with Argon2id.

Every change runs in one transaction with its revision and its audit record; a failure leaves the
journal as it was. WAL with ``synchronous=FULL`` makes every acknowledged commit durable.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from journal.core import audit, crypto, schema
from journal.core.codec import (
    ATTACHMENT_COLUMNS,
    ENTRY_COLUMNS,
    PERSON_COLUMNS,
    iso,
    parse_iso,
    utc_iso,
)
from journal.core.errors import (
    InputError,
    JournalError,
    NotAJournalError,
    WrongPassphraseError,
)
from journal.core.models import (
    AuditRecord,
    VerifyResult,
)
from journal.core.store_entries import EntriesMixin
from journal.core.store_files import MAX_ATTACHMENT_BYTES, FilesMixin  # noqa: F401 (re-export)
from journal.core.store_persons import PersonsMixin
from journal.core.timeparse import utc_now

log = logging.getLogger(__name__)

_BATCH = 500
T = TypeVar("T")

_cipher_log_silenced = False


def _silence_cipher_log() -> None:
    """SQLCipher prints error lines to stderr on a wrong key; silence them once per process."""
    global _cipher_log_silenced
    if _cipher_log_silenced:
        return
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()
    _cipher_log_silenced = True


def new_id() -> str:
    return secrets.token_hex(6)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Journal(EntriesMixin, PersonsMixin, FilesMixin):
    """An open, unlocked journal. Not a context of its own thread: guarded by a lock."""

    def __init__(self, path: Path, conn: Any, key: bytes, header: bytes) -> None:
        self.path = Path(path)
        self._conn = conn
        self._key = key
        self._header = header
        self._lock = threading.RLock()
        self._depth = 0
        self._listeners: list[Callable[[str, str], None]] = []

    # ------------------------------------------------------------------ opening and closing
    @classmethod
    def create(cls, path: os.PathLike[str] | str, passphrase: str,
               kdf: crypto.KdfParams | None = None) -> Journal:
        """Create a new journal file (owner-only permissions). Refuses an existing file."""
        path = Path(path)
        crypto.check_new_passphrase(passphrase)
        if path.exists():
            raise InputError("error.file_exists", path=str(path))
        params = kdf or crypto.calibrate()
        header = crypto.make_header(params)
        key = crypto.derive_key(passphrase, header)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except FileExistsError:
            raise InputError("error.file_exists", path=str(path)) from None
        except OSError:
            raise InputError("error.not_writable", path=str(path)) from None
        try:
            conn = cls._connect(path, key, header)
            conn.execute("BEGIN IMMEDIATE")
            schema.create(conn)
            now = utc_now()
            conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (iso(now),))
            conn.execute("INSERT INTO meta(key, value) VALUES ('journal_id', ?)", (new_id(),))
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                conn.close()  # type: ignore[possibly-undefined]
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(str(path) + suffix)
            raise
        journal = cls(path, conn, key, header)
        journal._audit("create", "journal", "journal", "")
        return journal

    @staticmethod
    def read_header(path: os.PathLike[str] | str) -> bytes:
        return crypto.read_header(path)

    @classmethod
    def derive(cls, path: os.PathLike[str] | str, passphrase: str) -> bytes:
        """Key derivation alone (slow, ~0.5-1 s): the window runs it off the UI thread."""
        if not passphrase:
            raise WrongPassphraseError()
        header = crypto.read_header(path)
        return crypto.derive_key(passphrase, header)

    @classmethod
    def open(cls, path: os.PathLike[str] | str, passphrase: str) -> Journal:
        return cls.open_with_key(path, cls.derive(path, passphrase))

    @classmethod
    def open_with_key(cls, path: os.PathLike[str] | str, key: bytes,
                      backup_dir: Path | None = None) -> Journal:
        path = Path(path)
        header = crypto.read_header(path)
        if not os.access(path, os.R_OK | os.W_OK):
            raise InputError("error.file_unreadable", path=str(path))
        conn = cls._connect(path, key, header, check=True)
        journal = cls(path, conn, key, header)
        try:
            journal._migrate_if_needed(backup_dir)
        except BaseException:
            conn.close()
            raise
        from journal.core.maintenance import remove_stray_temporaries

        remove_stray_temporaries(path)
        return journal

    @classmethod
    def _connect(cls, path: Path, key: bytes, header: bytes, check: bool = False) -> Any:
        _silence_cipher_log()
        if check and not _key_fits_first_page(path, key, header):
            # Decided without SQLite: a connection opened with a wrong key still checkpoints a
            # leftover -wal into the file when it closes, and a wrong passphrase must change nothing.
            raise (NotAJournalError() if _key_fits_other_pages(path, key, header)
                   else WrongPassphraseError())
        try:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlcipher3.Error:
            raise NotAJournalError() from None
        try:
            conn.execute(f"PRAGMA key = {crypto.sqlcipher_key_literal(key, header)}")
            if check:
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except sqlcipher3.DatabaseError:
                    raise (NotAJournalError() if _key_fits_other_pages(path, key, header)
                           else WrongPassphraseError()) from None
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")  # no temporary files, encrypted or not
            conn.execute("PRAGMA cache_size = -16000")
            conn.execute("PRAGMA secure_delete = ON")
        except JournalError:
            conn.close()
            raise
        except sqlcipher3.DatabaseError:
            conn.close()
            raise NotAJournalError() from None
        conn.row_factory = sqlcipher3.Row
        return conn

    def _migrate_if_needed(self, backup_dir: Path | None) -> None:
        try:
            version = self.schema_version()
            tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master")}
        except sqlcipher3.DatabaseError:
            raise NotAJournalError() from None
        if version == 0 or "entries" not in tables:
            raise NotAJournalError()
        if version > schema.CURRENT_VERSION:
            raise JournalError("error.journal_newer", found=version)
        if version < schema.CURRENT_VERSION:
            from journal.core import backup as backups

            target_dir = backup_dir or backups.default_dir()
            backups.make_backup(self, target_dir, reason=f"before-migration-v{version}")
            try:
                with self.transaction():
                    schema.migrate(self._conn, version)
                    self._audit("migrate", "journal", "journal", str(schema.CURRENT_VERSION))
            except JournalError:
                raise
            except Exception as exc:  # the transaction rolled back: the file is as it was
                log.error("migration from schema %d failed (%s)", version, type(exc).__name__)
                raise JournalError("error.migration_failed", found=version) from None
            log.info("journal migrated from schema %d to %d", version, schema.CURRENT_VERSION)

    @staticmethod
    def _new_id() -> str:
        return new_id()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
                self._conn = None
            self._key = b"\x00" * 32

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def _db(self) -> Any:
        if self._conn is None:
            raise JournalError("error.locked")
        return self._conn

    # ------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All changes inside commit together or not at all (nestable)."""
        with self._lock:
            db = self._db
            if self._depth == 0:
                db.execute("BEGIN IMMEDIATE")
            else:
                db.execute(f"SAVEPOINT sp{self._depth}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    db.execute("ROLLBACK")
                else:
                    db.execute(f"ROLLBACK TO sp{self._depth}")
                    db.execute(f"RELEASE sp{self._depth}")
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    db.execute("COMMIT")
                    self._notify()
                else:
                    db.execute(f"RELEASE sp{self._depth}")

    def add_listener(self, callback: Callable[[str, str], None]) -> None:
        """Called after each commit (used by views to refresh)."""
        self._listeners.append(callback)

    def _notify(self) -> None:
        for cb in list(self._listeners):
            try:
                cb("changed", "")
            except Exception:  # a view's bug must not undo a committed change
                log.exception("listener failed")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of every row, read as plain tuples (no Row object per row): the fast
        path for long id lists."""
        with self._lock:
            cur = self._db.cursor()
            cur.row_factory = None
            try:
                return [r[0] for r in cur.execute(sql, params)]
            finally:
                cur.close()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self._db.execute(sql, params).fetchone()

    # ------------------------------------------------------------------ audit
    def _audit(self, action: str, object_type: str, object_id: str, object_digest: str) -> None:
        db = self._db
        last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq = (last[0] + 1) if last else 1
        prev = last[1] if last else audit.GENESIS
        at = utc_iso(utc_now())
        h = audit.record_hash(prev, seq, at, action, object_type, object_id, object_digest)
        db.execute(
            "INSERT INTO audit(seq, at, action, object_type, object_id, digest, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (seq, at, action, object_type, object_id, object_digest, prev, h),
        )

    def head_hash(self) -> str:
        row = self._one("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1")
        return row[0] if row else audit.GENESIS

    def audit_records(self) -> list[AuditRecord]:
        return [
            AuditRecord(seq=r["seq"], at=parse_iso(r["at"]), action=r["action"],  # type: ignore[arg-type]
                        object_type=r["object_type"], object_id=r["object_id"],
                        digest=r["digest"], prev_hash=r["prev_hash"], hash=r["hash"])
            for r in self._rows("SELECT * FROM audit ORDER BY seq")
        ]

    def verify(self, progress: Callable[[int, int], None] | None = None) -> VerifyResult:
        from journal.core.integrity import verify

        return verify(self, progress)

    # state digests (what the audit chain vouches for)
    def _entry_state(self, entry_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            return None
        state = {c: row[c] for c in ENTRY_COLUMNS}
        state["persons"] = [r[0] for r in self._db.execute(
            "SELECT person_id FROM entry_persons WHERE entry_id = ? ORDER BY position", (entry_id,))]
        return state

    def _person_state(self, person_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM persons WHERE id = ?", (person_id,)).fetchone()
        return None if row is None else {c: row[c] for c in PERSON_COLUMNS}

    def _attachment_state(self, att_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM attachments WHERE id = ?", (att_id,)).fetchone()
        return None if row is None else {c: row[c] for c in ATTACHMENT_COLUMNS}

    def _import_state(self, import_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM imports WHERE id = ?", (import_id,)).fetchone()
        if row is None:
            return None
        state = dict(zip(row.keys(), tuple(row)))
        state["messages_list"] = [tuple(r) for r in self._db.execute(
            "SELECT id, entry_id, position, sent_at, sender, text FROM messages"
            " WHERE import_id = ? ORDER BY id", (import_id,))]
        return state

    def _state(self, object_type: str, object_id: str) -> dict[str, Any] | None:
        return {
            "entry": self._entry_state, "person": self._person_state,
            "attachment": self._attachment_state, "import": self._import_state,
        }[object_type](object_id)

    def _record(self, action: str, object_type: str, object_id: str) -> dict[str, Any] | None:
        state = self._state(object_type, object_id)
        self._audit(action, object_type, object_id, audit.digest(state) if state else "")
        return state

    # ------------------------------------------------------------------ maintenance
    def backup(self, out_path: os.PathLike[str] | str) -> Path:
        """A consistent, still-encrypted copy that the same passphrase opens."""
        from journal.core.maintenance import export_copy

        return export_copy(self, Path(out_path), self._key, self._header, overwrite=False)

    def rekey(self, new_passphrase: str, kdf: crypto.KdfParams | None = None) -> None:
        from journal.core.maintenance import rekey

        rekey(self, new_passphrase, kdf)

    def stats(self) -> dict[str, int]:
        return {
            "entries": self.count_entries(),
            "deleted": self.count_entries(only_deleted=True),
            "persons": len(self.list_persons()),
            "attachments": int(self._one("SELECT count(*) FROM attachments WHERE removed_at IS NULL")[0]),
        }


def _key_fits_first_page(path: Path, key: bytes, header: bytes) -> bool:
    """Whether ``key`` authenticates page 1 of the file (HMAC only; nothing is decrypted)."""
    from journal.core.pagecheck import PAGE_SIZE, hmac_key, page_authenticates

    try:
        with open(path, "rb") as fh:
            page = fh.read(PAGE_SIZE)
    except OSError:
        return False
    return page_authenticates(page, 1, hmac_key(key, header))


def _key_fits_other_pages(path: Path, key: bytes, header: bytes) -> bool:
    """Whether page 1 is damaged rather than the passphrase wrong: the file is cut short, or the
    key authenticates some page other than page 1. Reads the raw file; never decrypts."""
    from journal.core.pagecheck import key_matches_any_page, looks_truncated

    try:
        # a file cut short (e.g. only the header left) is damage, not a wrong passphrase
        return looks_truncated(path) or key_matches_any_page(path, key, header)
    except Exception:  # noqa: BLE001 - a probe; any failure means "cannot tell"
        log.debug("page probe failed", exc_info=True)
        return False
