"""The integrity check: recompute the audit chain, every object's state digest, every saved
revision (each sealed by its own audit record), the search index (rebuilt in memory and compared)
and every attachment's hash, after SQLCipher has checked every page.

Not covered, and said so in the result: unsaved editor drafts (kept in the file but no evidence)
and the settings (outside the file). What no check inside the file can see: a cut-off tail of the
newest records rewritten with the key, or an older copy put in its place — for those compare with
a head hash seen earlier (``verify --expect-head``, the rollback warning on open).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import Any

from journal.core import audit, signing
from journal.core.codec import ATTACHMENT_COLUMNS, ENTRY_COLUMNS, PERSON_COLUMNS
from journal.core.errors import NotAJournalError
from journal.core.models import VerifyResult
from journal.core.store.db import Database
from journal.core.store.dismissals import audited_states as dismissal_states
from journal.core.store.revisions import REVISION_COLUMNS, revision_digest
from journal.core.store.search_index import SearchIndex
from journal.core.store.signing_key import SigningKey
from journal.core.store.states import OBJECT_TYPES, States

log = logging.getLogger(__name__)


class Integrity:
    def __init__(self, db: Database, states: States, index: SearchIndex,
                 key: SigningKey) -> None:
        self._db = db
        self._states = states
        self._index = index
        self._key = key

    def verify(self, progress: Callable[[int, int], None] | None = None,
               expect_head: str | None = None) -> VerifyResult:
        """Check the file's pages, the audit chain, every object against its last audited state,
        every revision against its seal, the search index and every attachment against its
        SHA-256; raises ``NotAJournalError`` for a damaged file."""
        with self._db.lock:
            result = self._verify(self._db.conn, progress)
            if expect_head is not None:
                wanted = expect_head.strip().lower()
                result.expected_head = wanted
                row = self._db.conn.execute("SELECT seq FROM audit WHERE hash = ?",
                                            (wanted,)).fetchone()
                if row is None:
                    result.ok = False
                    result.problems.insert(0, f"the expected head {wanted} is not a record of"
                                              " this journal's chain")
                else:
                    result.expected_seq = int(row[0])
                    result.records_after = result.records - int(row[0])
            return result

    def _verify(self, db: Any, progress: Callable[[int, int], None] | None) -> VerifyResult:
        problems: list[str] = []
        first_break: int | None = None
        damage = [f"page authentication: {row[0]}"
                  for row in db.execute("PRAGMA cipher_integrity_check").fetchall()]
        damage += [f"database structure: {result}"
                   for (result,) in db.execute("PRAGMA quick_check").fetchall() if result != "ok"]
        if damage:
            # the file itself is damaged (exit 4), which is not the same as a broken audit chain
            log.warning("verify: %d damaged page(s) or structures", len(damage))
            raise NotAJournalError("error.damaged", n=len(damage))
        # 1. the chain itself
        prev = audit.GENESIS
        expected_seq = 1
        latest: dict[tuple[str, str], str] = {}
        seals: dict[str, str] = {}
        count = 0
        for r in db.execute("SELECT * FROM audit ORDER BY seq"):
            count += 1
            if r["seq"] != expected_seq:
                problems.append(f"audit record {expected_seq} is missing")
                first_break = first_break or expected_seq
            if r["prev_hash"] != prev:
                problems.append(f"audit record {r['seq']} does not follow the one before it")
                first_break = first_break or r["seq"]
            h = audit.record_hash(r["prev_hash"], r["seq"], r["at"], r["action"], r["object_type"],
                                  r["object_id"], r["digest"])
            if h != r["hash"]:
                problems.append(f"audit record {r['seq']} was altered")
                first_break = first_break or r["seq"]
            prev = r["hash"]
            expected_seq = r["seq"] + 1
            if r["object_type"] in OBJECT_TYPES or r["object_type"] == signing.AUDIT_TYPE:
                latest[(r["object_type"], r["object_id"])] = r["digest"]
            elif r["object_type"] == "revision":
                seals[r["object_id"]] = r["digest"]
        head = prev
        # 1b. every saved revision matches its seal, and no sealed revision is gone
        revisions = 0
        for r in db.execute(f"SELECT {', '.join(REVISION_COLUMNS)} FROM revisions ORDER BY id"):
            revisions += 1
            what = f"revision {r['revision']} of {r['object_type']} {r['object_id']}"
            sealed = seals.pop(str(r["id"]), None)
            if sealed is None:
                problems.append(f"{what} is not in the audit log")
            elif sealed != revision_digest(r):
                problems.append(f"{what} was changed outside the app")
        for row_id in sorted(seals, key=int):
            problems.append(f"saved revision {row_id} was removed")
        # 2. every object matches its last audited state, and nothing exists unaudited.
        # States are read in bulk (a few queries, not one per object: 100,000 entries verify in
        # seconds); imports are few and use the store's own function.
        actual: dict[tuple[str, str], str] = {}
        persons_of: dict[str, list[str]] = {}
        for entry_id, person_id in db.execute(
                "SELECT entry_id, person_id FROM entry_persons ORDER BY entry_id, position"):
            persons_of.setdefault(entry_id, []).append(person_id)
        cols = ", ".join(ENTRY_COLUMNS)
        for row in db.execute(f"SELECT {cols} FROM entries"):
            state = dict(zip(ENTRY_COLUMNS, tuple(row)))
            state["persons"] = persons_of.get(state["id"], [])
            actual[("entry", state["id"])] = audit.digest(state)
        for object_type, table, columns in (("person", "persons", PERSON_COLUMNS),
                                            ("attachment", "attachments", ATTACHMENT_COLUMNS)):
            for row in db.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                state = dict(zip(columns, tuple(row)))
                actual[(object_type, state["id"])] = audit.digest(state)
        for (import_id,) in db.execute("SELECT id FROM imports"):
            import_state = self._states.import_(import_id)
            actual[("import", import_id)] = audit.digest(import_state) if import_state else ""
        actual.update(dismissal_states(db))
        recorded_key = latest.pop((signing.AUDIT_TYPE, signing.AUDIT_ID), None)
        problems += self._key.problems(recorded_key)
        keys = sorted(set(actual) | set(latest))
        total = len(keys)
        for n, key in enumerate(keys):
            if progress and n % 5000 == 0:
                progress(n, total)
            object_type, object_id = key
            recorded = latest.get(key)
            if recorded is None:
                problems.append(f"{object_type} {object_id} is not in the audit log")
            elif recorded != actual.get(key, ""):
                problems.append(f"{object_type} {object_id} was changed outside the app")
        # 3. attachment bytes
        # (bytes are stored once per SHA-256: each stored copy is hashed once)
        bad: set[str] = set()
        for sha, data in db.execute("SELECT sha256, data FROM blob_store"):
            if hashlib.sha256(data).hexdigest() != sha:
                bad.add(sha)
        attachments = 0
        for att_id, sha, present in db.execute(
                "SELECT a.id, a.sha256, b.sha256 IS NOT NULL FROM attachments a"
                " LEFT JOIN blob_store b ON b.sha256 = a.sha256"):
            attachments += 1
            if not present:
                problems.append(f"attachment {att_id} has lost its content")
            elif sha in bad:
                problems.append(f"attachment {att_id} does not match its SHA-256")
        # 4. the search index, rebuilt in memory and compared
        problems.extend(self._index.check())
        if progress:
            progress(total, total)
        return VerifyResult(ok=not problems, records=count, attachments=attachments, head_hash=head,
                            problems=problems, first_break_seq=first_break, revisions=revisions)
