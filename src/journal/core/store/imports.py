"""Import bookkeeping: which chat exports were imported (by SHA-256) and their messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from journal.core.codec import iso, parse_iso
from journal.core.errors import NotFoundError
from journal.core.store.db import Database, new_id
from journal.core.store.reader import EntryReader
from journal.core.store.states import States
from journal.core.timeparse import utc_now


class Imports:
    def __init__(self, db: Database, states: States, reader: EntryReader) -> None:
        self._db = db
        self._states = states
        self._reader = reader

    def seen(self, sha256: str) -> bool:
        return self._db.one("SELECT 1 FROM imports WHERE sha256 = ?", (sha256,)) is not None

    def record(self, source: str, filename: str, sha256: str, attachment_id: str | None,
               messages: int, days: int, import_id: str | None = None) -> str:
        iid = import_id or new_id()
        with self._db.transaction():
            self._db.conn.execute(
                "INSERT INTO imports(id, source, filename, sha256, attachment_id, imported_at,"
                " messages, days) VALUES (?,?,?,?,?,?,?,?)",
                (iid, source, filename, sha256, attachment_id, iso(utc_now()), messages, days))
        return iid

    def finish(self, import_id: str, messages: int, days: int,
               attachment_id: str | None = None) -> None:
        """Set an import's counts and seal it in the audit chain (after its messages are added)."""
        with self._db.transaction():
            self._db.conn.execute(
                "UPDATE imports SET messages = ?, days = ?, attachment_id = coalesce(?, attachment_id)"
                " WHERE id = ?", (messages, days, attachment_id, import_id))
            self._states.record("import", "import", import_id)

    def add_messages(self, entry_id: str, import_id: str,
                     messages: Sequence[tuple[datetime, str, str]],
                     first_position: int = 0) -> list[str]:
        self._reader.row(entry_id)
        ids = [new_id() for _ in messages]
        with self._db.transaction():
            self._db.conn.executemany(
                "INSERT INTO messages(id, entry_id, import_id, position, sent_at, sender, text)"
                " VALUES (?,?,?,?,?,?,?)",
                [(mid, entry_id, import_id, i, iso(sent), sender, text)
                 for i, (mid, (sent, sender, text)) in enumerate(zip(ids, messages),
                                                                 first_position)])
        return ids

    def messages(self, entry_id: str) -> list[dict[str, Any]]:
        return [
            {"id": r["id"], "sent_at": parse_iso(r["sent_at"]), "sender": r["sender"],
             "text": r["text"], "position": r["position"], "entry_id": r["entry_id"],
             "import_id": r["import_id"]}
            for r in self._db.rows("SELECT * FROM messages WHERE entry_id = ? ORDER BY position",
                                (entry_id,))
        ]

    def message(self, message_id: str) -> dict[str, Any]:
        r = self._db.one("SELECT * FROM messages WHERE id = ?", (message_id,))
        if r is None:
            raise NotFoundError(what="message", ref=message_id)
        return {"id": r["id"], "sent_at": parse_iso(r["sent_at"]), "sender": r["sender"],
                "text": r["text"], "position": r["position"], "entry_id": r["entry_id"],
                "import_id": r["import_id"]}

    def get(self, import_id: str) -> dict[str, Any]:
        """One import's row (source, filename, sha256, attachment_id, …)."""
        r = self._db.one("SELECT * FROM imports WHERE id = ?", (import_id,))
        if r is None:
            raise NotFoundError(what="import", ref=import_id)
        return dict(zip(r.keys(), tuple(r)))

    def all(self) -> list[dict[str, Any]]:
        return [dict(zip(r.keys(), tuple(r))) for r in self._db.rows("SELECT * FROM imports ORDER BY imported_at")]
