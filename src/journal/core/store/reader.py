"""Loading entries with their persons and attachments, in batches (read-only)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from journal.core.codec import attachment_from_row, entry_from_row
from journal.core.errors import NotFoundError
from journal.core.models import Attachment, Entry
from journal.core.store.db import Database

BATCH = 500


class EntryReader:
    def __init__(self, db: Database) -> None:
        self._db = db

    def row(self, entry_id: str) -> Any:
        """The entry's raw row; ``NotFoundError`` for an unknown id."""
        row = self._db.one("SELECT * FROM entries WHERE id = ?", (entry_id,))
        if row is None:
            raise NotFoundError(what="entry", ref=entry_id, field="id")
        return row

    def get(self, entry_id: str) -> Entry:
        self.row(entry_id)
        return self.load([entry_id])[0]

    def get_many(self, ids: Sequence[str]) -> list[Entry]:
        """Entries in the order given (unknown ids are skipped), loaded in batches."""
        out: list[Entry] = []
        for i in range(0, len(ids), BATCH):
            out.extend(self.load(list(ids[i:i + BATCH])))
        return out

    def iterate(self, ids: Sequence[str], batch: int = BATCH) -> Iterator[Entry]:
        """Entries in the order given, loaded ``batch`` at a time as the caller goes on: at
        most one batch is held here, whatever the number of ids."""
        for i in range(0, len(ids), batch):
            yield from self.load(list(ids[i:i + batch]))

    def load(self, ids: list[str]) -> list[Entry]:
        """One batch of entries in the order of ``ids``, three queries in all."""
        if not ids:
            return []
        with self._db.lock:
            conn = self._db.conn
            marks = ",".join("?" * len(ids))
            rows = {r["id"]: r for r in conn.execute(
                f"SELECT * FROM entries WHERE id IN ({marks})", ids)}
            persons: dict[str, list[tuple[str, str]]] = {}
            for r in conn.execute(
                    f"SELECT ep.entry_id, p.id, p.name FROM entry_persons ep JOIN persons p"
                    f" ON p.id = ep.person_id WHERE ep.entry_id IN ({marks}) ORDER BY ep.position",
                    ids):
                persons.setdefault(r[0], []).append((r[1], r[2]))
            atts: dict[str, list[Attachment]] = {}
            for r in conn.execute(
                    f"SELECT * FROM attachments WHERE entry_id IN ({marks}) AND removed_at IS NULL"
                    f" ORDER BY added_at, id", ids):
                atts.setdefault(r["entry_id"], []).append(attachment_from_row(r))
        out = []
        for eid in ids:
            row = rows.get(eid)
            if row is None:
                continue
            entry = entry_from_row(row)
            entry.persons = [p[0] for p in persons.get(eid, [])]
            entry.person_names = [p[1] for p in persons.get(eid, [])]
            entry.attachments = atts.get(eid, [])
            out.append(entry)
        return out
