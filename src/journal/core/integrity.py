"""``verify``: recompute the audit chain, every object's state digest and every attachment hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from journal.core import audit

if TYPE_CHECKING:
    from journal.core.store import Journal

from journal.core.models import VerifyResult


def verify(journal: Journal, progress: Callable[[int, int], None] | None = None) -> VerifyResult:
    db = journal._db  # noqa: SLF001 - the integrity check belongs with the store
    problems: list[str] = []
    first_break: int | None = None
    with journal._lock:  # noqa: SLF001
        for (result,) in db.execute("PRAGMA quick_check").fetchall():
            if result != "ok":
                problems.append(f"database structure: {result}")
        for row in db.execute("PRAGMA cipher_integrity_check").fetchall():
            problems.append(f"page authentication: {row[0]}")
        # 1. the chain itself
        prev = audit.GENESIS
        expected_seq = 1
        latest: dict[tuple[str, str], str] = {}
        count = 0
        for r in db.execute("SELECT * FROM audit ORDER BY seq"):
            count += 1
            if r["seq"] != expected_seq:
                problems.append(f"audit record {expected_seq} is missing")
                first_break = first_break or expected_seq
            if r["prev_hash"] != prev:
                problems.append(f"audit record {r['seq']} does not follow the one before it")
                first_break = first_break or r["seq"]
            h = audit.record_hash(r["prev_hash"], r["seq"], r["at"], r["action"], r["object_type"],
                                  r["object_id"], r["digest"])
            if h != r["hash"]:
                problems.append(f"audit record {r['seq']} was altered")
                first_break = first_break or r["seq"]
            prev = r["hash"]
            expected_seq = r["seq"] + 1
            if r["object_type"] in ("entry", "person", "attachment", "import"):
                latest[(r["object_type"], r["object_id"])] = r["digest"]
        head = prev
        # 2. every object matches its last audited state, and nothing exists unaudited
        tables = {"entry": "entries", "person": "persons", "attachment": "attachments",
                  "import": "imports"}
        existing: set[tuple[str, str]] = set()
        for object_type, table in tables.items():
            for (object_id,) in db.execute(f"SELECT id FROM {table}"):
                existing.add((object_type, object_id))
        total = len(existing | set(latest))
        for n, key in enumerate(sorted(existing | set(latest))):
            if progress and n % 500 == 0:
                progress(n, total)
            object_type, object_id = key
            state = journal._state(object_type, object_id)  # noqa: SLF001
            actual = audit.digest(state) if state is not None else ""
            recorded = latest.get(key)
            if recorded is None:
                problems.append(f"{object_type} {object_id} is not in the audit log")
            elif recorded != actual:
                problems.append(f"{object_type} {object_id} was changed outside the app")
        # 3. attachment bytes
        attachments = 0
        for r in db.execute("SELECT a.id, a.sha256, b.data FROM attachments a"
                            " LEFT JOIN blobs b ON b.attachment_id = a.id"):
            attachments += 1
            if r[2] is None:
                problems.append(f"attachment {r[0]} has lost its content")
            elif hashlib.sha256(r[2]).hexdigest() != r[1]:
                problems.append(f"attachment {r[0]} does not match its SHA-256")
    if progress:
        progress(total, total)
    return VerifyResult(ok=not problems, records=count, attachments=attachments, head_hash=head,
                        problems=problems, first_break_seq=first_break)
