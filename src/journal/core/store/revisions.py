"""Revisions: the JSON form of an entry or a person saved at every change (the history view)."""

from __future__ import annotations

import json
from typing import Any

from journal.core.codec import iso, parse_iso
from journal.core.models import Revision
from journal.core.store.db import Database
from journal.core.timeparse import utc_now


class Revisions:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, object_type: str, object_id: str, revision: int, action: str,
            data: dict[str, Any]) -> None:
        """Save one revision (inside the transaction of the change)."""
        self._db.conn.execute(
            "INSERT INTO revisions(object_type, object_id, revision, saved_at, action, data)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (object_type, object_id, revision, iso(utc_now()), action,
             json.dumps(data, ensure_ascii=False)))

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
