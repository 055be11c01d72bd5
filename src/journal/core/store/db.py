"""The connection of an open journal: locking, transactions, change listeners and the audit chain.

Every other part of the store reads and writes through one :class:`Database`. A change runs inside
:meth:`Database.transaction` together with its audit record, so it lands whole or not at all.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

from journal.core import audit
from journal.core.codec import parse_iso, utc_iso
from journal.core.errors import JournalError
from journal.core.models import AuditRecord
from journal.core.store.storage_errors import classify
from journal.core.timeparse import utc_now

log = logging.getLogger(__name__)


def new_id() -> str:
    """A new opaque object id (12 hex characters)."""
    return secrets.token_hex(6)


class Database:
    """One SQLCipher connection shared by the store's parts; safe to use from several threads."""

    def __init__(self, conn: Any, path: Path | None = None) -> None:
        self._conn: Any = conn
        self.path = path  # for honest error messages (disk full, read-only, busy)
        self.lock = threading.RLock()
        self._depth = 0
        self._listeners: list[Callable[[str, str], None]] = []
        self._write_gate: Callable[[], None] | None = None

    def set_write_gate(self, gate: Callable[[], None]) -> None:
        """``gate()`` runs before every outermost transaction: it may wait (the pre-write page
        check) or raise (a read-only or damaged journal), so nothing is written."""
        self._write_gate = gate

    # ------------------------------------------------------------------ the connection
    @property
    def conn(self) -> Any:
        """The open connection; ``JournalError("error.locked")`` once the journal is closed."""
        if self._conn is None:
            raise JournalError("error.locked")
        return self._conn

    @property
    def closed(self) -> bool:
        return self._conn is None

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def close(self, checkpoint: bool = True) -> None:
        """Fold the WAL into the file (unless ``checkpoint`` is false: a reader changes nothing)
        and close (nothing happens when already closed)."""
        with self.lock:
            if self._conn is not None:
                if checkpoint:
                    with contextlib.suppress(sqlcipher3.Error):
                        self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
                self._conn = None

    def reconnect(self, conn: Any) -> None:
        """Use ``conn`` from now on (after the file was replaced under a closed connection)."""
        with self.lock:
            self._conn = conn

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------------ reading
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self.lock:
            return list(self.conn.execute(sql, params).fetchall())

    def column(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The first column of every row, read as plain tuples (no Row object per row): the fast
        path for long id lists."""
        with self.lock:
            cur = self.conn.cursor()
            cur.row_factory = None
            try:
                return [r[0] for r in cur.execute(sql, params)]
            finally:
                cur.close()

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.lock:
            return self.conn.execute(sql, params).fetchone()

    # ------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All changes inside commit together or not at all (nestable). A full disk, a
        read-only file or a busy file raise what they are (``storage_errors``), after the
        rollback."""
        if self._depth == 0 and self._write_gate is not None:
            self._write_gate()
        try:
            with self._transaction():
                yield
        except sqlcipher3.Error as exc:
            honest = classify(exc, self.path) if self.path is not None else None
            if honest is None:
                raise
            log.warning("write failed: %s (%s)", honest.key, type(exc).__name__)
            raise honest from None

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.lock:
            db = self.conn
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
                    try:
                        db.execute("COMMIT")
                    except BaseException:  # e.g. the disk is full: nothing of it stays
                        with contextlib.suppress(sqlcipher3.Error):
                            db.execute("ROLLBACK")
                        raise
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

    # ------------------------------------------------------------------ the audit chain
    def append_audit(self, action: str, object_type: str, object_id: str, object_digest: str) -> None:
        """Add one record to the hash chain (call inside a transaction)."""
        self.append_audit_many([(action, object_type, object_id, object_digest)])

    def append_audit_many(self, records: Sequence[tuple[str, str, str, str]]) -> int:
        """Add records ``(action, object type, object id, digest)`` to the hash chain, in order,
        with one read of the chain's last record and one insert statement (inside a
        transaction). Returns how many were added."""
        if not records:
            return 0
        db = self.conn
        last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq = last[0] if last else 0
        prev = last[1] if last else audit.GENESIS
        at = utc_iso(utc_now())
        rows = []
        for action, object_type, object_id, object_digest in records:
            seq += 1
            h = audit.record_hash(prev, seq, at, action, object_type, object_id, object_digest)
            rows.append((seq, at, action, object_type, object_id, object_digest, prev, h))
            prev = h
        db.executemany(
            "INSERT INTO audit(seq, at, action, object_type, object_id, digest, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?)", rows)
        return len(rows)

    def chain_position(self) -> tuple[int, str]:
        row = self.one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return (int(row[0]), str(row[1])) if row else (0, audit.GENESIS)

    def chain_contains(self, seq: int, record_hash: str) -> bool:
        return self.one("SELECT 1 FROM audit WHERE seq = ? AND hash = ?", (seq, record_hash)) is not None

    def head_hash(self) -> str:
        row = self.one("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1")
        return str(row[0]) if row else audit.GENESIS

    def audit_records(self) -> list[AuditRecord]:
        out = []
        for r in self.rows("SELECT * FROM audit ORDER BY seq"):
            at = parse_iso(r["at"])
            assert at is not None
            out.append(AuditRecord(seq=r["seq"], at=at, action=r["action"],
                                   object_type=r["object_type"], object_id=r["object_id"],
                                   digest=r["digest"], prev_hash=r["prev_hash"], hash=r["hash"]))
        return out
