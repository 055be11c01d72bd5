"""The integrity check: recompute the audit chain, every object's state digest, every saved
revision (each sealed by its own audit record), the search index against the digests stored with
its rows, and every attachment's hash, after every page's HMAC has been checked (SQLCipher's
check, made by :mod:`journal.core.pagecheck` over the raw file).

``deep=True`` (``verify --deep``) adds what costs most and finds no more changed evidence:
SQLCipher's own page check as a second opinion, SQLite's full structure check (``PRAGMA integrity_check``: every b-tree page, and every index against its
table) and the search index derived again from every entry and compared text for text.

The work is shared so that both cores are busy. For a large file (and for the command line, which
starts it while the key is derived) a second process (:mod:`.verifychild`, the key handed over a
pipe) checks every page's HMAC (and the structure check of ``deep``), hashes the attachment
bytes and compares the search index with its digests, while this process walks the chain on its
thread and reads the revisions and the entry states on two read-only connections in threads
(SQLite makes their canonical text outside the GIL). Without a second process (a small file, a
check inside a transaction, no process could start or it gave no valid answer) a thread does the
pages and bytes and another the index. Rows are streamed, never all held.

Not covered, and said so in the result: unsaved editor drafts (kept in the file but no evidence)
and the settings (outside the file). What no check inside the file can see: a cut-off tail of the
newest records rewritten with the key, or an older copy put in its place — for those compare with
a head hash seen earlier (``verify --expect-head``, the rollback warning on open).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from journal.core import audit, signing, verifytext
from journal.core.codec import ATTACHMENT_COLUMNS, PERSON_COLUMNS
from journal.core.errors import JournalError, NotAJournalError
from journal.core.models import VerifyProblem, VerifyResult
from journal.core.store import search_index, verifyrows
from journal.core.store.connection import KeyMaterial, connect
from journal.core.store.db import Database
from journal.core.store.dismissals import audited_states as dismissal_states
from journal.core.store.search_index import SearchIndex
from journal.core.store.signing_key import SigningKey
from journal.core.store.states import OBJECT_TYPES, States
from journal.core.store.verifychild import (
    FileFindings,
    VerifyChild,
    check_pages_and_bytes,
    worth_a_child,
)

log = logging.getLogger(__name__)

_PROGRESS_EVERY = 5000


class _FileCheck:
    """Pages, structure and attachment bytes, on a connection of its own in a thread (when no
    second process does it)."""

    def __init__(self, path: Path, keys: KeyMaterial, fallback: Any, deep: bool = False) -> None:
        self.deep = deep
        self._path, self._keys = path, keys
        self.findings = FileFindings([], set())
        self.error: BaseException | None = None
        self._started = False
        try:
            self._conn = connect(path, keys.key, keys.header, read_only=True, wal=False)
            self._conn.execute("PRAGMA cache_size = -2000")  # one pass over every page
            self._own = True
        except JournalError:
            # e.g. a medium where a second reader cannot open: do it all here, one after another
            log.info("verify: no second connection; checking pages on the main one")
            self._conn, self._own = fallback, False
        self._thread = threading.Thread(target=self._run, name="verify-pages", daemon=True)

    def start(self) -> None:
        if self._own:
            self._thread.start()
            self._started = True

    def join(self) -> FileFindings:
        """The findings (on this thread when no other was started)."""
        if self._started:
            self._thread.join()
        else:
            self._run()
        if self.error is not None:
            raise self.error
        return self.findings

    def _run(self) -> None:
        try:
            self.findings = check_pages_and_bytes(self._conn, self._path, self._keys, self.deep)
        except Exception as exc:  # noqa: BLE001 (handed to the caller's thread by join())
            self.error = exc
        finally:
            if self._own:
                self._conn.close()


class Integrity:
    def __init__(self, db: Database, states: States, index: SearchIndex,
                 key: SigningKey, path: Path, keys: KeyMaterial) -> None:
        self._db = db
        self._states = states
        self._index = index
        self._key = key
        self._path = path
        self._keys = keys

    def verify(self, progress: Callable[[int, int], None] | None = None,
               expect_head: str | None = None, deep: bool = False,
               child: VerifyChild | None = None) -> VerifyResult:
        """Check the file's pages, the audit chain, every object against its last audited state,
        every revision against its seal, the search index and every attachment against its
        SHA-256 (with ``deep``, also SQLite's whole structure and the index derived again);
        raises ``NotAJournalError`` for a damaged file. ``child``: a second process started
        beforehand (:meth:`VerifyChild.start`, e.g. while the key was derived) for the pages, the
        attachment bytes and the index; one is started here for a large file; it is ended in
        every case."""
        with self._db.lock:
            try:
                result = self._verify(self._db.conn, progress, deep, child)
            finally:
                if child is not None:
                    child.close()
            if expect_head is not None:
                wanted = expect_head.strip().lower()
                result.expected_head = wanted
                row = self._db.conn.execute("SELECT seq FROM audit WHERE hash = ?",
                                            (wanted,)).fetchone()
                if row is None:
                    result.ok = False
                    result.issues.insert(0, VerifyProblem("expected_head_missing",
                                                          {"head": wanted}))
                else:
                    result.expected_seq = int(row[0])
                    result.records_after = result.records - int(row[0])
            result.problems = [verifytext.problem_text(p, "en") for p in result.issues]
            return result

    def _verify(self, db: Any, progress: Callable[[int, int], None] | None,
                deep: bool, child: VerifyChild | None) -> VerifyResult:
        alone = self._db.in_transaction  # only this connection sees its uncommitted changes
        if child is None and worth_a_child(self._path):
            child = VerifyChild.start()
        try:
            return self._check(db, progress, deep, child, alone)
        finally:
            if child is not None:
                child.close()  # it answered, or the check failed or was cancelled: ended

    def _check(self, db: Any, progress: Callable[[int, int], None] | None, deep: bool,
               child: VerifyChild | None, alone: bool) -> VerifyResult:
        index_there = not alone and search_index.has_digests(db)
        if child is not None and not child.ask(self._path, self._keys, deep, index_there):
            child = None
        files = None
        if child is None:
            files = _FileCheck(self._path, self._keys, db, deep)
            files.start()
        try:
            try:
                result, index_problems = self._records(
                    db, progress, index_here=child is None or not child.index)
            except BaseException:
                if files is not None:
                    files.join()
                raise
            found, child_index = self._file_findings(child, files, db, deep)
        except sqlcipher3.DatabaseError:
            damage = self._file_findings(child, files, db, deep)[0].damage
            log.warning("verify: reading the records failed; damaged pages: %d", len(damage))
            raise NotAJournalError("error.damaged", n=max(1, len(damage))) from None
        if found.damage:
            # the file itself is damaged (exit 4), which is not the same as a broken audit chain
            log.warning("verify: %d damaged page(s) or structures", len(found.damage))
            raise NotAJournalError("error.damaged", n=len(found.damage))
        if child_index is not None:
            index_problems = child_index
        if deep:  # the index derived again, batch by batch, and compared
            index_problems += [p for p in self._index.check_derived() if p not in index_problems]
        # attachment bytes (hashed by the other thread or process), then the index's findings
        for att_id, sha, present in db.execute(
                "SELECT a.id, a.sha256, b.sha256 IS NOT NULL FROM attachments a"
                " LEFT JOIN blob_store b ON b.sha256 = a.sha256"):
            result.attachments += 1
            if not present:
                result.issues.append(VerifyProblem("attachment_lost", {"id": att_id}))
            elif sha in found.bad_blobs:
                result.issues.append(VerifyProblem("attachment_mismatch", {"id": att_id}))
        result.issues += index_problems
        result.ok = not result.issues
        return result

    def _file_findings(self, child: VerifyChild | None, files: _FileCheck | None, db: Any,
                       deep: bool) -> tuple[FileFindings, list[VerifyProblem] | None]:
        """The pages' and attachment bytes' findings, and the index's when the child checked
        it; what the child could not answer is checked here."""
        if child is not None:
            answer = child.answer()
            if answer is not None:
                found, index_problems = answer
                return found, index_problems if child.index else None
            files = _FileCheck(self._path, self._keys, db, deep)
            found = files.join()
            if child.index and not found.damage:
                return found, self._index.check(db)
            return found, None
        assert files is not None
        return files.join(), None

    def _records(self, db: Any, progress: Callable[[int, int], None] | None, index_here: bool
                 ) -> tuple[VerifyResult, list[VerifyProblem]]:
        """Everything but the file's pages and the attachment bytes: the result so far, and
        the search index's findings when ``index_here`` (they come after the attachments'). The
        revisions, the entries' states and the search index are read and hashed on connections
        of their own in threads (SQLite builds their canonical text outside the GIL) while this
        thread walks the chain; every digest that does not match is computed again the Python
        way here before it is reported."""
        alone = self._db.in_transaction  # only this connection sees its uncommitted changes
        work: list[tuple[str, Callable[[Any], Any]]] = [
            ("verify-revisions", verifyrows.revision_digests),
            ("verify-entries", verifyrows.entry_digests)]
        if index_here:
            work.append(("verify-index", lambda conn: self._index.check(conn)))
        sides = [_Side(name, fn, self._path, self._keys, db, alone) for name, fn in work]
        for side in sides:
            side.start()
        try:
            return self._compare(db, progress, *sides)
        finally:
            for side in sides:
                side.join()

    def _compare(self, db: Any, progress: Callable[[int, int], None] | None,
                 revision_side: _Side, entry_side: _Side, index_side: _Side | None = None
                 ) -> tuple[VerifyResult, list[VerifyProblem]]:
        # 1. the chain itself
        try:
            chain = _Chain(db, verifyrows.audit_batches(db))
        except sqlcipher3.OperationalError:  # a value JSON cannot hold (a BLOB): the Python way
            log.info("verify: an audit record holds a value SQLite's JSON cannot; in Python")
            chain = _Chain(db, verifyrows.audit_batches_python(db))
        problems, first_break, latest, seals = chain.problems, chain.first_break, chain.latest, \
            chain.seals
        count, head = chain.count, chain.head
        # 1b. every saved revision matches its seal, and no sealed revision is gone
        revisions = 0
        for row_id, row_digest in revision_side.result():
            revisions += 1
            sealed = seals.pop(str(row_id), None)
            if sealed is None:
                problems.append(VerifyProblem("revision_unaudited",
                                              verifyrows.revision_names(db, row_id)))
            elif sealed != row_digest and sealed != verifyrows.revision_digest_of_row(db, row_id):
                problems.append(VerifyProblem("revision_changed",
                                              verifyrows.revision_names(db, row_id)))
        for row_id in sorted(seals, key=int):
            problems.append(VerifyProblem("revision_removed", {"row_id": row_id}))
        del seals
        recorded_key = latest.pop((signing.AUDIT_TYPE, signing.AUDIT_ID), None)
        problems += self._key.problems(recorded_key)
        # 2. every object matches its last audited state, and nothing exists unaudited; the
        # findings sorted like before
        found: list[tuple[tuple[str, str], VerifyProblem]] = []
        total = len(latest)
        done = 0

        def compare(key: tuple[str, str], state_digest: str,
                    again: Callable[[], str | None] | None = None) -> None:
            nonlocal done
            done += 1
            if progress and done % _PROGRESS_EVERY == 0:
                progress(min(done, total), total)
            recorded = latest.pop(key, None)
            if recorded is None:
                found.append((key, VerifyProblem("object_unaudited", {
                    "object_type": key[0], "object_id": key[1]})))
            elif recorded != state_digest and (again is None or recorded != again()):
                found.append((key, VerifyProblem("object_changed", {
                    "object_type": key[0], "object_id": key[1]})))

        for seq, entry_id, state_digest in entry_side.result():
            compare(("entry", entry_id), state_digest,
                    lambda seq=seq: verifyrows.entry_digest_of_row(db, seq))  # type: ignore[misc]
        digest = audit.digest
        for object_type, table, columns in (("person", "persons", PERSON_COLUMNS),
                                            ("attachment", "attachments", ATTACHMENT_COLUMNS)):
            for row in verifyrows.tuples(db, f"SELECT {', '.join(columns)} FROM {table}"):
                compare((object_type, row[0]), digest(dict(zip(columns, row))))
        for (import_id,) in db.execute("SELECT id FROM imports").fetchall():
            import_state = self._states.import_(import_id)
            compare(("import", import_id), digest(import_state) if import_state else "")
        for key, state_digest in dismissal_states(db).items():
            compare(key, state_digest)
        for key, recorded in latest.items():  # audited objects that are gone
            if recorded != "":  # "" is the digest of a removal: gone as recorded
                found.append((key, VerifyProblem("object_changed", {
                    "object_type": key[0], "object_id": key[1]})))
        found.sort(key=lambda item: item[0])
        problems += [p for _, p in found]
        # 3. the search index: its rows against their digests (here, or in the second process)
        index_problems = index_side.result() if index_side is not None else []
        if progress:
            progress(total, total)
        return VerifyResult(ok=False, records=count, attachments=0, head_hash=head,
                            issues=problems, first_break_seq=first_break,
                            revisions=revisions), index_problems


class _Chain:
    """The audit chain walked once: its findings, head, and the digests it holds (the last of
    each object, the seal of each revision)."""

    def __init__(self, db: Any,
                 batches: Iterator[tuple[list[tuple[Any, ...]], list[str]]]) -> None:
        self.problems: list[VerifyProblem] = []
        self.first_break: int | None = None
        self.latest: dict[tuple[str, str], str] = {}
        self.seals: dict[str, str] = {}
        count = 0
        prev = audit.GENESIS
        expected_seq = 1
        kept = (*OBJECT_TYPES, signing.AUDIT_TYPE)
        problems, latest, seals = self.problems, self.latest, self.seals
        for rows, hashes in batches:  # a batch's rows, and the hash computed of each
            count += len(rows)
            for (seq, prev_hash, stored_hash, object_type, object_id, object_digest, _text), \
                    computed in zip(rows, hashes):
                if seq != expected_seq:
                    problems.append(VerifyProblem("audit_missing", {"seq": expected_seq}))
                    self.first_break = self.first_break or expected_seq
                if prev_hash != prev:
                    problems.append(VerifyProblem("audit_out_of_order", {"seq": seq}))
                    self.first_break = self.first_break or seq
                if (computed != stored_hash
                        and verifyrows.record_hash_of_row(db, seq) != stored_hash):
                    problems.append(VerifyProblem("audit_altered", {"seq": seq}))
                    self.first_break = self.first_break or seq
                prev = stored_hash
                expected_seq = seq + 1
                if object_type == "revision":
                    seals[object_id] = object_digest
                elif object_type in kept:
                    latest[(object_type, object_id)] = object_digest
        self.count = count
        self.head = prev


class _Side:
    """One part of the check on a read-only connection of its own, in a thread; on the caller's
    connection (when its result is asked for) when no second connection can be had or when the
    caller is inside a transaction."""

    def __init__(self, name: str, work: Callable[[Any], Any], path: Path, keys: KeyMaterial,
                 fallback: Any, alone: bool) -> None:
        self._work = work
        self._fallback = fallback
        self._conn: Any = None
        self._value: Any = None
        self._error: BaseException | None = None
        self._done = False
        if not alone:
            try:
                self._conn = connect(path, keys.key, keys.header, read_only=True, wal=False)
                # it streams each table once: a small page cache is enough (memory stays flat)
                self._conn.execute("PRAGMA cache_size = -2000")
            except JournalError:
                log.info("verify: no second connection for %s; reading on the main one", name)
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        if self._conn is not None:
            self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._work(self._conn)
        except BaseException as exc:  # noqa: BLE001 (handed to the caller's thread by result())
            self._error = exc
        finally:
            self._conn.close()

    def join(self) -> None:
        if self._conn is not None and self._thread.is_alive():
            self._thread.join()

    def result(self) -> Any:
        if self._conn is None:
            if not self._done:
                self._done = True
                self._value = self._work(self._fallback)
            return self._value
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value
