"""The warning signs' last results kept inside the journal (table ``sign_results``, schema v9).

An evaluation of the rules over a 100,000-entry journal's facts costs 1.2-1.6 s of CPU; most
evaluations (unlocking the window, ``journal-cli signs``, the summary, the report) find the
journal as the last one left it. The result of an evaluation — per sign its level and its
evidence entry ids, in order, what :func:`journal.core.signs.fastrules.evidence_ids` returns — is
therefore stored, compressed, in the encrypted database, with a stamp saying which state of the
journal it describes:

- ``generation``: the value of ``sign_generation.n`` when the evaluation began. SQLite triggers
  (schema v9) move that counter in the transaction of every change to what the rules read: each
  row of ``sign_facts`` (entries added, edited, trashed, restored, imported, corrected, the facts
  rebuilt) and of ``persons`` (roles, family, trash). No write path can forget it;
- ``rules``: :func:`rules_stamp`, the rules' code and the facts' stamp.

A stored result is read only when both match and the stored facts are current; otherwise the
rules run, and a writable journal stores what they found — only when the generation has not
moved meanwhile (a change during the evaluation makes it describe no state at all). Dismissals
are not part of it: they are read live. Like the facts, the result is derived data, never
audited; a failed write leaves the journal as it was and is not an error to the user.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import zlib
from functools import cache
from typing import Any

import sqlcipher3

from journal.core.errors import JournalError
from journal.core.signs import factrows, fastrules, rules
from journal.core.signs import facts as sf
from journal.core.signs.ids import SIGN_IDS
from journal.core.signs.kept import Found, Kept
from journal.core.store import signfacts
from journal.core.store.db import Database

log = logging.getLogger(__name__)

_FORMAT = b"IJSIGNS2"
# the modules whose code decides what the rules find from the stored facts
_RULES_MODULES = (fastrules, factrows, rules, sf, signfacts)
# the ids the store makes (new_id: 12 hex digits) are kept as 6 bytes each
_ID_HEX = 12
_HEX = re.compile(r"[0-9a-f]*")


@cache
def rules_stamp() -> str:
    """What a stored result must have been made by: :data:`facts.RULES_VERSION`, the facts'
    stamp, this format, and — where the program runs from its sources — the text of the modules
    that find the evidence (a changed rule whose version was not raised is not trusted). A
    frozen build has no sources beside it: its version numbers stand for them."""
    h = hashlib.sha256(_FORMAT + f" rules {sf.RULES_VERSION} {sf.STAMP}"
                       f" {sys.version_info[:2]}".encode())
    for module in _RULES_MODULES:
        source = None
        loader = getattr(module, "__loader__", None)
        get_source = getattr(loader, "get_source", None)
        if get_source is not None:
            try:
                source = get_source(module.__name__)
            except (ImportError, OSError):
                source = None
        h.update(f"\n{module.__name__} ".encode())
        h.update((source or "").encode())
    return h.hexdigest()


def _pack(ids: list[str]) -> tuple[str, bytes]:
    joined = "".join(ids)
    if len(joined) == _ID_HEX * len(ids) and _HEX.fullmatch(joined) \
            and all(len(i) == _ID_HEX for i in ids):
        return "hex", bytes.fromhex(joined)
    return "text", zlib.compress("\n".join(ids).encode(), 6)


def _unpack(how: str, data: bytes, n: int) -> list[str]:
    if how == "hex":
        h = data.hex()
        ids = [h[i:i + _ID_HEX] for i in range(0, len(h), _ID_HEX)]
    elif how == "text":
        text = zlib.decompress(data).decode()
        ids = text.split("\n") if text else []
    else:
        raise ValueError("not a stored result")
    if len(ids) != n:
        raise ValueError("not a stored result")
    return ids


def encode(kept: Kept) -> bytes:
    """A compressed head (per sign that shows: id, level, how its ids are kept, how many, how
    many bytes; the persons), then each sign's ids: 6 bytes an id where they are the store's own
    12 hex digits (random: nothing to compress), else their text compressed."""
    head: list[list[Any]] = []
    bodies: list[bytes] = []
    for sign_id in SIGN_IDS:
        level, ids = kept.found.get(sign_id, (None, []))
        if level is not None:
            how, body = _pack(ids)
            head.append([sign_id, level, how, len(ids), len(body)])
            bodies.append(body)
    packed = zlib.compress(json.dumps({"signs": head, "persons": kept.persons}).encode(), 6)
    return _FORMAT + len(packed).to_bytes(4, "little") + packed + b"".join(bodies)


def decode(data: bytes) -> Kept:
    """The inverse of :func:`encode` (every sign id in ``found``; those that do not show with
    ``(None, [])``). ``ValueError`` when the data is not such a result."""
    try:
        if not data.startswith(_FORMAT):
            raise ValueError("not a stored result")
        at = len(_FORMAT)
        size = int.from_bytes(data[at:at + 4], "little")
        head = json.loads(zlib.decompress(data[at + 4:at + 4 + size]))
        at += 4 + size
        found: Found = {sign_id: (None, []) for sign_id in SIGN_IDS}
        for sign_id, level, how, n, length in head["signs"]:
            if sign_id not in found or level not in (rules.PRESENT, rules.POSSIBLE):
                raise ValueError("not a stored result")
            found[sign_id] = (level, _unpack(how, data[at:at + length], n))
            at += length
        if at != len(data):
            raise ValueError("not a stored result")
        persons = {str(k): [str(p) for p in v] for k, v in head["persons"].items()}
    except (zlib.error, UnicodeDecodeError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError("not a stored result") from exc
    return Kept(found, persons)


class SignResults:
    def __init__(self, db: Database) -> None:
        self._db = db
        # with ``defer()``: the result to keep when the journal is closed (a command's output
        # first, then the write, which waits for the pre-write check)
        self._deferred: bool = False
        self._pending: tuple[bytes, int] | None = None

    def defer(self) -> None:
        """Keep results when :meth:`flush` is called (the journal closing), not at once."""
        self._deferred = True

    def flush(self) -> bool:
        """Write the result kept back by :meth:`defer` (True when written)."""
        pending, self._pending = self._pending, None
        return pending is not None and self._write(*pending)

    def current(self) -> bool:
        """Whether a stored result describes the journal as it is now (without reading it)."""
        try:
            row = self._db.one(
                "SELECT r.generation = g.n AND r.rules = ? FROM sign_results r"
                " JOIN sign_generation g ON g.id = 1 WHERE r.id = 1", (rules_stamp(),))
        except sqlcipher3.OperationalError:  # (no v9 tables)
            return False
        return row is not None and bool(row[0])

    def generation(self) -> int | None:
        """The current generation of what the rules read (None: a journal without the v9
        tables, read where it cannot be brought up to date)."""
        try:
            row = self._db.one("SELECT n FROM sign_generation WHERE id = 1")
        except sqlcipher3.OperationalError:
            return None
        return None if row is None else int(row[0])

    def read(self) -> Kept | None:
        """The stored result when it describes the journal as it is now (same generation, same
        rules), else None. The caller checks that the facts themselves are current."""
        try:
            row = self._db.one(
                "SELECT r.generation, r.rules, r.data, g.n FROM sign_results r"
                " JOIN sign_generation g ON g.id = 1 WHERE r.id = 1")
        except sqlcipher3.OperationalError:  # (no v9 tables)
            return None
        if row is None or int(row[0]) != int(row[3]) or str(row[1]) != rules_stamp():
            return None
        try:
            return decode(bytes(row[2]))
        except ValueError:
            log.warning("stored warning-sign results unreadable: evaluated again")
            return None

    def write(self, kept: Kept, generation: int) -> bool:
        """Keep ``kept``, made from the journal at ``generation``, unless the journal changed
        since (then it describes no state worth keeping). True when it was written. Any failure
        (read-only, disk full, busy, damaged) is logged and leaves the journal as it was."""
        data = encode(kept)  # (before the transaction: the window's thread may wait for it)
        if self._deferred:
            self._pending = (data, generation)
            return False
        return self._write(data, generation)

    def _write(self, data: bytes, generation: int) -> bool:
        try:
            with self._db.transaction():
                if self.generation() != generation:
                    return False
                self._db.conn.execute(
                    "INSERT OR REPLACE INTO sign_results(id, generation, rules, data)"
                    " VALUES (1, ?, ?, ?)", (generation, rules_stamp(), data))
        except (JournalError, sqlcipher3.Error) as exc:
            key = getattr(exc, "key", type(exc).__name__)
            log.warning("warning-sign results not kept: %s", key)
            return False
        return True
