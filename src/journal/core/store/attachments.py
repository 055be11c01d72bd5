"""Attachments: files kept inside the journal (at most 200 MB each); removing one only hides it."""

from __future__ import annotations

import os

from journal.core.attachments import read_attachment_input
from journal.core.codec import attachment_from_row, iso
from journal.core.errors import NotFoundError
from journal.core.models import Attachment
from journal.core.store.db import Database, new_id
from journal.core.store.persons import Persons
from journal.core.store.reader import EntryReader
from journal.core.store.search_index import SearchIndex
from journal.core.store.states import States
from journal.core.timeparse import utc_now

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024


class Attachments:
    def __init__(self, db: Database, states: States, index: SearchIndex, reader: EntryReader,
                 persons: Persons) -> None:
        self._db = db
        self._states = states
        self._index = index
        self._reader = reader
        self._persons = persons

    def add(self, entry_id: str | None = None, person_id: str | None = None,
            path: os.PathLike[str] | str | None = None, data: bytes | None = None,
            filename: str | None = None, caption: str = "",
            import_id: str | None = None) -> Attachment:
        data, filename, media_type, sha = read_attachment_input(path, data, filename,
                                                                MAX_ATTACHMENT_BYTES)
        if entry_id is not None:
            self._reader.row(entry_id)
        if person_id is not None:
            self._persons.get(person_id)
        aid = new_id()
        with self._db.transaction():
            self._db.conn.execute(
                "INSERT INTO attachments(id, entry_id, person_id, filename, media_type, size, sha256,"
                " added_at, caption, import_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (aid, entry_id, person_id, filename, media_type, len(data), sha,
                 iso(utc_now()), caption.strip(), import_id))
            # bytes are kept once per journal, by SHA-256: the same file attached ten times (or a
            # zip naming one member ten times) costs its size once
            if self._db.conn.execute("SELECT 1 FROM blob_store WHERE sha256 = ?",
                                     (sha,)).fetchone() is None:
                self._db.conn.execute("INSERT INTO blob_store(sha256, data) VALUES (?, ?)",
                                      (sha, data))
            self._states.record("add", "attachment", aid)
            if entry_id is not None:
                self._index.index_entry_id(entry_id)
        return self.get(aid)

    def get(self, att_id: str) -> Attachment:
        row = self._db.one("SELECT * FROM attachments WHERE id = ?", (att_id,))
        if row is None:
            raise NotFoundError(what="attachment", ref=att_id, field="attachment")
        return attachment_from_row(row)

    def data(self, att_id: str) -> bytes:
        row = self._db.one("SELECT b.data FROM attachments a JOIN blob_store b"
                           " ON b.sha256 = a.sha256 WHERE a.id = ?", (att_id,))
        if row is None:
            raise NotFoundError(what="attachment", ref=att_id, field="attachment")
        return bytes(row[0])

    def of(self, entry_id: str | None = None, person_id: str | None = None,
           include_removed: bool = False) -> list[Attachment]:
        where: list[str] = []
        params: list[str] = []
        if entry_id is not None:
            where.append("entry_id = ?")
            params.append(entry_id)
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if not include_removed:
            where.append("removed_at IS NULL")
        sql = "SELECT * FROM attachments" + (" WHERE " + " AND ".join(where) if where else "")
        return [attachment_from_row(r) for r in self._db.rows(sql + " ORDER BY added_at, id", params)]

    def set_caption(self, att_id: str, caption: str) -> Attachment:
        att = self.get(att_id)
        with self._db.transaction():
            self._db.conn.execute("UPDATE attachments SET caption = ? WHERE id = ?", (caption.strip(), att_id))
            self._states.record("edit", "attachment", att_id)
            if att.entry_id:
                self._index.index_entry_id(att.entry_id)
        return self.get(att_id)

    def remove(self, att_id: str) -> None:
        """Hide an attachment from its entry; its bytes stay in the journal (evidence)."""
        att = self.get(att_id)
        with self._db.transaction():
            self._db.conn.execute("UPDATE attachments SET removed_at = ? WHERE id = ?",
                             (iso(utc_now()), att_id))
            self._states.record("remove", "attachment", att_id)
            if att.entry_id:
                self._index.index_entry_id(att.entry_id)
