"""The user's judgement: a warning sign the user has set aside as "not this", with a reason.

Kept inside the journal (table ``sign_dismissals``, schema v3) and written to the audit chain
like every other change (object type ``dismissal``, the sign id as object id), so ``verify``
notices a dismissal added, changed or removed outside the app.

    dismiss(journal, "WS-DEVICE-GIFT", "My mother bought it")
    undismiss(journal, "WS-DEVICE-GIFT")
    dismissals(journal)  # {sign id: Dismissal}

A dismissed sign is still computed and still listed (greyed, with the reason); the PDF leaves it
out of the present signs and says that the user set it aside and why. No Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from journal.core import audit, i18n
from journal.core.codec import parse_iso, utc_iso
from journal.core.errors import InputError
from journal.core.timeparse import utc_now

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.store import Journal

log = logging.getLogger(__name__)

OBJECT_TYPE = "dismissal"
MAX_REASON = 300  # characters
COLUMNS = ("sign_id", "reason", "dismissed_at")

i18n.register({
    "error.sign_unknown": {
        "en": "“{text}” is not a warning sign. Use an id that `journal-cli signs --json` lists, "
              "for example WS-PHOTO-TASK.",
        "zh": "“{text}”不是警示信号的编号。请使用 journal-cli signs --json 列出的编号，"
              "例如 WS-PHOTO-TASK。",
    },
    "error.dismiss_reason_empty": {
        "en": "Write a short reason why this sign does not fit your situation.",
        "zh": "请简短写明这个信号为什么不符合你的情况。",
    },
    "error.dismiss_reason_long": {
        "en": "The reason is {n} characters long. Keep it under {max} characters.",
        "zh": "理由有 {n} 个字，请控制在 {max} 个字以内。",
    },
    "error.not_dismissed": {
        "en": "This sign has not been set aside, so there is nothing to undo.",
        "zh": "这个信号没有被标为“不适用”，无需撤销。",
    },
})


@dataclass(frozen=True)
class Dismissal:
    sign_id: str
    reason: str
    dismissed_at: datetime  # UTC


def _check_sign(sign_id: str) -> str:
    from journal.core.signs import SIGN_IDS

    normal = sign_id.strip().upper()
    if normal not in SIGN_IDS:
        raise InputError("error.sign_unknown", field="sign", text=sign_id)
    return normal


def check_reason(reason: str) -> str:
    """The reason as it will be kept (stripped), or an InputError the user can act on."""
    text = " ".join(reason.split())
    if not text:
        raise InputError("error.dismiss_reason_empty", field="reason")
    if len(text) > MAX_REASON:
        raise InputError("error.dismiss_reason_long", field="reason", n=len(text), max=MAX_REASON)
    return text


def state_of(row: Any) -> dict[str, Any]:
    """What the audit chain vouches for: the row's columns."""
    return {c: row[n] for n, c in enumerate(COLUMNS)}


def audited_states(db: Any) -> dict[tuple[str, str], str]:
    """Every dismissal's state digest, keyed like the audit records (for ``verify``)."""
    cols = ", ".join(COLUMNS)
    return {(OBJECT_TYPE, row[0]): audit.digest(state_of(tuple(row)))
            for row in db.execute(f"SELECT {cols} FROM sign_dismissals")}


def dismiss(journal: Journal, sign_id: str, reason: str) -> Dismissal:
    """Set a sign aside as "not this" (or change the reason of one already set aside)."""
    sign = _check_sign(sign_id)
    text = check_reason(reason)
    at = utc_iso(utc_now())
    with journal.transaction():
        db = journal._db
        existed = db.execute("SELECT 1 FROM sign_dismissals WHERE sign_id = ?", (sign,)).fetchone()
        db.execute("INSERT OR REPLACE INTO sign_dismissals(sign_id, reason, dismissed_at)"
                   " VALUES (?, ?, ?)", (sign, text, at))
        journal._audit("dismiss-edit" if existed else "dismiss", OBJECT_TYPE, sign,
                       audit.digest(state_of((sign, text, at))))
    log.info("warning sign set aside by the user (%s)", sign)  # the id only, never the reason
    return Dismissal(sign, text, parse_iso(at))  # type: ignore[arg-type]


def undismiss(journal: Journal, sign_id: str) -> None:
    """Count a sign again that the user had set aside."""
    sign = _check_sign(sign_id)
    with journal.transaction():
        db = journal._db
        gone = db.execute("DELETE FROM sign_dismissals WHERE sign_id = ?", (sign,)).rowcount
        if not gone:
            raise InputError("error.not_dismissed", field="sign")
        journal._audit("undismiss", OBJECT_TYPE, sign, "")
    log.info("warning sign counted again (%s)", sign)


def dismissals(journal: Journal) -> dict[str, Dismissal]:
    rows = journal._rows(
        "SELECT sign_id, reason, dismissed_at FROM sign_dismissals ORDER BY sign_id")
    return {r[0]: Dismissal(r[0], r[1], parse_iso(r[2])) for r in rows}  # type: ignore[misc]
