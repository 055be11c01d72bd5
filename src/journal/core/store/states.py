"""What the audit chain vouches for: the stored state of one object, and recording a change to it.

Each change appends an audit record holding the digest of the object's state right after the
change; :mod:`journal.core.store.integrity` recomputes the same states to check them.
"""

from __future__ import annotations

from typing import Any

from journal.core import audit
from journal.core.codec import ATTACHMENT_COLUMNS, ENTRY_COLUMNS, PERSON_COLUMNS
from journal.core.store.db import Database

OBJECT_TYPES = ("entry", "person", "attachment", "import", "dismissal")
DISMISSAL_COLUMNS = ("sign_id", "reason", "dismissed_at")


class States:
    def __init__(self, db: Database) -> None:
        self._db = db

    def entry(self, entry_id: str) -> dict[str, Any] | None:
        conn = self._db.conn
        row = conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            return None
        state = {c: row[c] for c in ENTRY_COLUMNS}
        state["persons"] = [r[0] for r in conn.execute(
            "SELECT person_id FROM entry_persons WHERE entry_id = ? ORDER BY position", (entry_id,))]
        return state

    def person(self, person_id: str) -> dict[str, Any] | None:
        row = self._db.conn.execute("SELECT * FROM persons WHERE id = ?", (person_id,)).fetchone()
        return None if row is None else {c: row[c] for c in PERSON_COLUMNS}

    def attachment(self, att_id: str) -> dict[str, Any] | None:
        row = self._db.conn.execute("SELECT * FROM attachments WHERE id = ?", (att_id,)).fetchone()
        return None if row is None else {c: row[c] for c in ATTACHMENT_COLUMNS}

    def import_(self, import_id: str) -> dict[str, Any] | None:
        conn = self._db.conn
        row = conn.execute("SELECT * FROM imports WHERE id = ?", (import_id,)).fetchone()
        if row is None:
            return None
        state = dict(zip(row.keys(), tuple(row)))
        state["messages_list"] = [tuple(r) for r in conn.execute(
            "SELECT id, entry_id, position, sent_at, sender, text FROM messages"
            " WHERE import_id = ? ORDER BY id", (import_id,))]
        return state

    def dismissal(self, sign_id: str) -> dict[str, Any] | None:
        """A warning sign the user set aside (see :mod:`journal.core.store.dismissals`)."""
        row = self._db.conn.execute("SELECT * FROM sign_dismissals WHERE sign_id = ?",
                                    (sign_id,)).fetchone()
        return None if row is None else {c: row[c] for c in DISMISSAL_COLUMNS}

    def state(self, object_type: str, object_id: str) -> dict[str, Any] | None:
        readers = {"entry": self.entry, "person": self.person,
                   "attachment": self.attachment, "import": self.import_,
                   "dismissal": self.dismissal}
        return readers[object_type](object_id)

    def record(self, action: str, object_type: str, object_id: str) -> dict[str, Any] | None:
        """Append the audit record of a change (inside its transaction); returns the new state."""
        state = self.state(object_type, object_id)
        self._db.append_audit(action, object_type, object_id, audit.digest(state) if state else "")
        return state
