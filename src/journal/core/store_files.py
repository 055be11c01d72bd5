"""Attachments, drafts and import bookkeeping: a mixin of :class:`journal.core.store.Journal`."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from journal.core.codec import attachment_from_row, iso, parse_iso
from journal.core.errors import NotFoundError
from journal.core.models import Attachment
from journal.core.store_base import StoreBase
from journal.core.timeparse import utc_now

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024


class FilesMixin(StoreBase):
    """Needs from the journal: _db, _one, _rows, transaction, _record, _entry_row, get_person,
    _load_entries, _reindex_entry."""

    def add_attachment(self, entry_id: str | None = None, person_id: str | None = None,
                       path: os.PathLike[str] | str | None = None, data: bytes | None = None,
                       filename: str | None = None, caption: str = "",
                       import_id: str | None = None) -> Attachment:
        from journal.core.attachments import read_attachment_input

        data, filename, media_type, sha = read_attachment_input(path, data, filename,
                                                                MAX_ATTACHMENT_BYTES)
        if entry_id is not None:
            self._entry_row(entry_id)
        if person_id is not None:
            self.get_person(person_id)
        aid = self._new_id()
        with self.transaction():
            self._db.execute(
                "INSERT INTO attachments(id, entry_id, person_id, filename, media_type, size, sha256,"
                " added_at, caption, import_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (aid, entry_id, person_id, filename, media_type, len(data), sha,
                 iso(utc_now()), caption.strip(), import_id))
            self._db.execute("INSERT INTO blobs(attachment_id, data) VALUES (?, ?)", (aid, data))
            self._record("add", "attachment", aid)
            if entry_id is not None:
                self._reindex_entry(self._load_entries([entry_id])[0])
        return self.get_attachment(aid)

    def get_attachment(self, att_id: str) -> Attachment:
        row = self._one("SELECT * FROM attachments WHERE id = ?", (att_id,))
        if row is None:
            raise NotFoundError(what="attachment", ref=att_id, field="attachment")
        return attachment_from_row(row)

    def attachment_data(self, att_id: str) -> bytes:
        row = self._one("SELECT data FROM blobs WHERE attachment_id = ?", (att_id,))
        if row is None:
            raise NotFoundError(what="attachment", ref=att_id, field="attachment")
        return bytes(row[0])

    def list_attachments(self, entry_id: str | None = None, person_id: str | None = None,
                         include_removed: bool = False) -> list[Attachment]:
        where, params = [], []
        if entry_id is not None:
            where.append("entry_id = ?")
            params.append(entry_id)
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if not include_removed:
            where.append("removed_at IS NULL")
        sql = "SELECT * FROM attachments" + (" WHERE " + " AND ".join(where) if where else "")
        return [attachment_from_row(r) for r in self._rows(sql + " ORDER BY added_at, id", params)]

    def update_attachment_caption(self, att_id: str, caption: str) -> Attachment:
        att = self.get_attachment(att_id)
        with self.transaction():
            self._db.execute("UPDATE attachments SET caption = ? WHERE id = ?", (caption.strip(), att_id))
            self._record("edit", "attachment", att_id)
            if att.entry_id:
                self._reindex_entry(self._load_entries([att.entry_id])[0])
        return self.get_attachment(att_id)

    def remove_attachment(self, att_id: str) -> None:
        """Hide an attachment from its entry; its bytes stay in the journal (evidence)."""
        att = self.get_attachment(att_id)
        with self.transaction():
            self._db.execute("UPDATE attachments SET removed_at = ? WHERE id = ?",
                             (iso(utc_now()), att_id))
            self._record("remove", "attachment", att_id)
            if att.entry_id:
                self._reindex_entry(self._load_entries([att.entry_id])[0])

    # ------------------------------------------------------------------ drafts
    def save_draft(self, key: str, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, default=str)
        with self.transaction():
            self._db.execute(
                "INSERT INTO drafts(key, saved_at, data) VALUES (?,?,?) ON CONFLICT(key)"
                " DO UPDATE SET saved_at = excluded.saved_at, data = excluded.data",
                (key, iso(utc_now()), payload))

    def load_draft(self, key: str) -> dict[str, Any] | None:
        row = self._one("SELECT data FROM drafts WHERE key = ?", (key,))
        return None if row is None else json.loads(row[0])

    def discard_draft(self, key: str) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM drafts WHERE key = ?", (key,))

    def list_drafts(self) -> list[tuple[str, datetime]]:
        return [(r[0], parse_iso(r[1])) for r in  # type: ignore[misc]
                self._rows("SELECT key, saved_at FROM drafts ORDER BY saved_at DESC")]

    # ------------------------------------------------------------------ imports
    def import_seen(self, sha256: str) -> bool:
        return self._one("SELECT 1 FROM imports WHERE sha256 = ?", (sha256,)) is not None

    def record_import(self, source: str, filename: str, sha256: str, attachment_id: str | None,
                      messages: int, days: int, import_id: str | None = None) -> str:
        iid = import_id or self._new_id()
        with self.transaction():
            self._db.execute(
                "INSERT INTO imports(id, source, filename, sha256, attachment_id, imported_at,"
                " messages, days) VALUES (?,?,?,?,?,?,?,?)",
                (iid, source, filename, sha256, attachment_id, iso(utc_now()), messages, days))
        return iid

    def finish_import(self, import_id: str, messages: int, days: int,
                      attachment_id: str | None = None) -> None:
        """Set an import's counts and seal it in the audit chain (after its messages are added)."""
        with self.transaction():
            self._db.execute(
                "UPDATE imports SET messages = ?, days = ?, attachment_id = coalesce(?, attachment_id)"
                " WHERE id = ?", (messages, days, attachment_id, import_id))
            self._record("import", "import", import_id)

    def add_messages(self, entry_id: str, import_id: str,
                     messages: Sequence[tuple[datetime, str, str]]) -> list[str]:
        self._entry_row(entry_id)
        ids = [self._new_id() for _ in messages]
        with self.transaction():
            self._db.executemany(
                "INSERT INTO messages(id, entry_id, import_id, position, sent_at, sender, text)"
                " VALUES (?,?,?,?,?,?,?)",
                [(mid, entry_id, import_id, i, iso(sent), sender, text)
                 for i, (mid, (sent, sender, text)) in enumerate(zip(ids, messages))])
        return ids

    def messages(self, entry_id: str) -> list[dict[str, Any]]:
        return [
            {"id": r["id"], "sent_at": parse_iso(r["sent_at"]), "sender": r["sender"],
             "text": r["text"], "position": r["position"], "entry_id": r["entry_id"]}
            for r in self._rows("SELECT * FROM messages WHERE entry_id = ? ORDER BY position",
                                (entry_id,))
        ]

    def message(self, message_id: str) -> dict[str, Any]:
        r = self._one("SELECT * FROM messages WHERE id = ?", (message_id,))
        if r is None:
            raise NotFoundError(what="message", ref=message_id)
        return {"id": r["id"], "sent_at": parse_iso(r["sent_at"]), "sender": r["sender"],
                "text": r["text"], "position": r["position"], "entry_id": r["entry_id"],
                "import_id": r["import_id"]}

    def list_imports(self) -> list[dict[str, Any]]:
        return [dict(zip(r.keys(), tuple(r))) for r in self._rows("SELECT * FROM imports ORDER BY imported_at")]

