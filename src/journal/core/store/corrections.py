"""Corrections to imported or recognised messages, kept as revisions.

A message row (``messages``) stays as it was imported or read from a screenshot: the import's
audit record vouches for it. A correction of its time, speaker or text is saved as a revision of
object type ``message`` (id = the message's id), sealed in the audit chain like every revision, so
the history keeps both what was read and every correction. :meth:`Corrections.current` gives an
entry's messages with the newest correction of each applied.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from journal.core.codec import iso, parse_iso
from journal.core.store.db import Database
from journal.core.store.imports import Imports
from journal.core.store.revisions import Revisions

OBJECT_TYPE = "message"


class Corrections:
    def __init__(self, db: Database, revisions: Revisions, imports: Imports) -> None:
        self._db = db
        self._revisions = revisions
        self._imports = imports

    def add(self, message_id: str, sent_at: datetime, sender: str, text: str) -> int:
        """Save one correction (the message's whole corrected form); returns its number (1, 2…).

        Runs inside the caller's transaction when there is one (with the entry's own revision).
        """
        row = self._imports.message(message_id)  # NotFoundError for an unknown id
        with self._db.transaction():
            number = len(self._revisions.of(OBJECT_TYPE, message_id)) + 1
            self._revisions.add(OBJECT_TYPE, message_id, number, "correct", {
                "entry_id": row["entry_id"], "sent_at": iso(sent_at), "sender": sender,
                "text": text,
            })
        return number

    def history(self, message_id: str) -> list[dict[str, Any]]:
        """Every correction of one message, oldest first (``number``, ``saved_at`` and the form)."""
        return [{"number": r.revision, "saved_at": r.saved_at,
                 "sent_at": parse_iso(r.data["sent_at"]), "sender": r.data["sender"],
                 "text": r.data["text"]}
                for r in self._revisions.of(OBJECT_TYPE, message_id)]

    def current(self, entry_id: str) -> list[dict[str, Any]]:
        """The entry's messages, each with its newest correction applied.

        Every message carries ``corrections`` (how many), ``original`` (as imported: sent_at,
        sender, text), and its import's ``source`` ("screenshot", "wechat"…) and
        ``attachment_id`` (for a screenshot: the picture it was read from).
        """
        out = []
        imports: dict[str, dict[str, Any]] = {}
        for m in self._imports.messages(entry_id):
            if m["import_id"] not in imports:
                imports[m["import_id"]] = self._imports.get(m["import_id"])
            revs = self._revisions.of(OBJECT_TYPE, m["id"])
            original = {"sent_at": m["sent_at"], "sender": m["sender"], "text": m["text"]}
            source = imports[m["import_id"]]
            current = dict(m, corrections=len(revs), original=original, source=source["source"],
                           attachment_id=source["attachment_id"])
            if revs:
                data = revs[-1].data
                current.update(sent_at=parse_iso(data["sent_at"]), sender=data["sender"],
                               text=data["text"])
            out.append(current)
        return out
