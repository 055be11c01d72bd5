"""Revisions: the JSON form of an entry or a person saved at every change (the history view).

Every revision is sealed by its own audit record (type ``revision``, id = the revision's row id,
digest = :func:`revision_digest`), appended in the transaction that saved it, so ``verify`` notices
an earlier revision that was forged, changed or removed afterwards — not only the current state.
"""

from __future__ import annotations

import json
from typing import Any

from journal.core import audit
from journal.core.codec import iso, parse_iso
from journal.core.models import Revision
from journal.core.store.db import Database
from journal.core.timeparse import utc_now

_SEAL_BATCH = 2000
REVISION_COLUMNS = ("id", "object_type", "object_id", "revision", "saved_at", "action", "data")


def revision_digest(row: Any) -> str:
    """The digest the audit chain holds for one row of ``revisions`` (all its columns)."""
    return audit.digest({c: row[c] for c in REVISION_COLUMNS})


class Revisions:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, object_type: str, object_id: str, revision: int, action: str,
            data: dict[str, Any]) -> None:
        """Save one revision and seal it in the audit chain (inside the transaction of the change)."""
        conn = self._db.conn
        cur = conn.execute(
            "INSERT INTO revisions(object_type, object_id, revision, saved_at, action, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (object_type, object_id, revision, iso(utc_now()), action,
             json.dumps(data, ensure_ascii=False)))
        self.seal(int(cur.lastrowid))

    def seal(self, row_id: int) -> None:
        """Append the audit record of one saved revision (inside a transaction)."""
        conn = self._db.conn
        row = conn.execute(f"SELECT {', '.join(REVISION_COLUMNS)} FROM revisions WHERE id = ?",
                           (row_id,)).fetchone()
        self._db.append_audit(row["action"], "revision", str(row_id), revision_digest(row))

    def seal_unsealed(self) -> int:
        """Seal every revision saved before revisions were sealed (run once, by the migration that
        introduced sealing, inside its transaction). Returns how many were sealed. Revisions are
        read and sealed in batches: a few queries per batch, none per revision."""
        conn = self._db.conn
        sealed = {r[0] for r in conn.execute(
            "SELECT object_id FROM audit WHERE object_type = 'revision'")}
        count = 0
        last = 0
        while True:
            rows = conn.execute(f"SELECT {', '.join(REVISION_COLUMNS)} FROM revisions"
                                f" WHERE id > ? ORDER BY id LIMIT {_SEAL_BATCH}", (last,)).fetchall()
            if not rows:
                return count
            last = rows[-1]["id"]
            count += self._db.append_audit_many(
                [(r["action"], "revision", str(r["id"]), revision_digest(r))
                 for r in rows if str(r["id"]) not in sealed])

    def of(self, object_type: str, object_id: str) -> list[Revision]:
        """The revisions of one object, oldest first."""
        out = []
        for r in self._db.rows("SELECT * FROM revisions WHERE object_type = ? AND object_id = ?"
                               " ORDER BY id", (object_type, object_id)):
            saved_at = parse_iso(r["saved_at"])
            assert saved_at is not None
            out.append(Revision(revision=r["revision"], saved_at=saved_at, action=r["action"],
                                data=json.loads(r["data"])))
        return out
