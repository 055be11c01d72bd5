"""Drafts: the editor's unsaved work, kept encrypted inside the journal until saved or discarded."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from journal.core.codec import iso, parse_iso
from journal.core.store.db import Database
from journal.core.timeparse import utc_now


class Drafts:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, key: str, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, default=str)
        with self._db.transaction():
            self._db.conn.execute(
                "INSERT INTO drafts(key, saved_at, data) VALUES (?,?,?) ON CONFLICT(key)"
                " DO UPDATE SET saved_at = excluded.saved_at, data = excluded.data",
                (key, iso(utc_now()), payload))

    def load(self, key: str) -> dict[str, Any] | None:
        row = self._db.one("SELECT data FROM drafts WHERE key = ?", (key,))
        return None if row is None else json.loads(row[0])

    def discard(self, key: str) -> None:
        with self._db.transaction():
            self._db.conn.execute("DELETE FROM drafts WHERE key = ?", (key,))

    def all(self) -> list[tuple[str, datetime]]:
        return [(r[0], parse_iso(r[1])) for r in  # type: ignore[misc]
                self._db.rows("SELECT key, saved_at FROM drafts ORDER BY saved_at DESC")]
