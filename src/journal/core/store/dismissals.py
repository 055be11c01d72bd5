"""Warning signs the user set aside as "not this": one row per sign id with the user's reason
(table ``sign_dismissals``, schema v3). Each change is audited (object type ``dismissal``, the
sign id as object id) so that ``verify`` checks these rows like every other object.

The store keeps what it is given; :mod:`journal.core.signs.dismissals` checks the sign id and
the reason and says what went wrong in the user's language.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from journal.core import audit
from journal.core.codec import parse_iso, utc_iso
from journal.core.store.db import Database
from journal.core.store.states import DISMISSAL_COLUMNS, States
from journal.core.timeparse import utc_now

OBJECT_TYPE = "dismissal"


class SignDismissals:
    def __init__(self, db: Database, states: States) -> None:
        self._db = db
        self._states = states

    def set(self, sign_id: str, reason: str) -> datetime:
        """Set a sign aside (or change its reason); returns when (UTC)."""
        at = utc_iso(utc_now())
        with self._db.transaction():
            conn = self._db.conn
            existed = conn.execute("SELECT 1 FROM sign_dismissals WHERE sign_id = ?",
                                   (sign_id,)).fetchone() is not None
            conn.execute("INSERT OR REPLACE INTO sign_dismissals(sign_id, reason, dismissed_at)"
                         " VALUES (?, ?, ?)", (sign_id, reason, at))
            self._states.record("dismiss-edit" if existed else "dismiss", OBJECT_TYPE, sign_id)
        return parse_iso(at)  # type: ignore[return-value]

    def remove(self, sign_id: str) -> bool:
        """Count a sign again; False (and nothing changed) if it was not set aside."""
        with self._db.transaction():
            gone = self._db.conn.execute("DELETE FROM sign_dismissals WHERE sign_id = ?",
                                         (sign_id,)).rowcount
            if gone:
                self._states.record("undismiss", OBJECT_TYPE, sign_id)
        return bool(gone)

    def all(self) -> list[tuple[str, str, datetime]]:
        """(sign id, reason, when) of every sign set aside, by sign id."""
        return [(r[0], r[1], parse_iso(r[2]))  # type: ignore[misc]
                for r in self._db.rows("SELECT sign_id, reason, dismissed_at FROM sign_dismissals"
                                       " ORDER BY sign_id")]


def audited_states(conn: Any) -> dict[tuple[str, str], str]:
    """Every dismissal's state digest, keyed like the audit records (for ``verify``)."""
    cols = ", ".join(DISMISSAL_COLUMNS)
    return {(OBJECT_TYPE, row[0]): audit.digest(dict(zip(DISMISSAL_COLUMNS, tuple(row))))
            for row in conn.execute(f"SELECT {cols} FROM sign_dismissals")}
