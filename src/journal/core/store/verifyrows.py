"""The records verify hashes, with their canonical text made by SQLite.

``audit.canonical()`` is JSON with sorted keys, no whitespace and strings escaped as Python's
``json`` does with ``ensure_ascii=False``. SQLite's ``json_object()`` writes every string exactly so
(a test compares the two over every character class) and keeps a value's type (``3`` and ``"3"``
differ), so the canonical text of an audit record, a revision or an entry's state is built inside
SQLite while the rows are read, outside Python's GIL, and Python only hashes it. Where the two
could still differ (a real number written in another form, a value of an unexpected type), the
digest does not match and the caller recomputes that one record the Python way before reporting
anything: a text SQLite builds can only equal the canonical text of the same values, so this
never lets a changed record pass.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from typing import Any

import sqlcipher3

from journal.core import audit
from journal.core.codec import ENTRY_COLUMNS
from journal.core.store.revisions import REVISION_COLUMNS

log = logging.getLogger(__name__)

_ROWS = 2000


def canonical_sql(fields: Iterable[tuple[str, str]], json_values: frozenset[str] = frozenset()
                  ) -> str:
    """An SQL expression giving ``audit.canonical()`` of the object whose keys are the first and
    SQL expressions the second of ``fields`` (one ``json_object`` call, keys in sorted order);
    keys in ``json_values`` are JSON text already."""
    args = []
    for key, expr in sorted(fields):
        value = f"json({expr})" if key in json_values else expr
        args.append(f"'{key}', {value}")
    return f"json_object({', '.join(args)})"


# the texts come as BLOBs (their UTF-8 bytes): Python hashes them as they are, without making a
# str of each and encoding it again (at 100,000 entries: the revisions 1.20 -> 0.82 s CPU)
AUDIT_SQL = ("SELECT seq, prev_hash, hash, object_type, object_id, digest, CAST(prev_hash || "
             + canonical_sql([("seq", "seq"), ("at", "at"), ("action", "action"),
                              ("type", "object_type"), ("id", "object_id"),
                              ("digest", "digest")])
             + " AS BLOB) FROM audit ORDER BY seq")
AUDIT_ROW_SQL = ("SELECT seq, prev_hash, hash, at, action, object_type, object_id, digest"
                 " FROM audit WHERE seq = ?")

_REVISION_SQL = ("SELECT id, CAST("
                 + canonical_sql([(c, c) for c in REVISION_COLUMNS])
                 + " AS BLOB) FROM revisions ORDER BY id")
REVISION_ROW_SQL = f"SELECT {', '.join(REVISION_COLUMNS)} FROM revisions WHERE id = ?"

# every entry's persons as one JSON array, made in one pass over entry_persons and joined to the
# entries (a subquery per entry, with its own sort, cost 1.3 of 1.8 s CPU at 100,000 entries)
_PERSONS = ("(SELECT entry_id, json_group_array(person_id ORDER BY position) AS ids"
            " FROM entry_persons GROUP BY entry_id)")
_ENTRY_SQL = ("SELECT e.seq, e.id, CAST("
              + canonical_sql([*((c, f"e.{c}") for c in ENTRY_COLUMNS),
                               ("persons", "coalesce(p.ids, '[]')")], frozenset({"persons"}))
              + f" AS BLOB) FROM entries e LEFT JOIN {_PERSONS} p ON p.entry_id = e.id")


def tuples(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Plain tuples (no Row objects), fetched in batches: the big tables are streamed."""
    cur = conn.cursor()
    cur.row_factory = None
    cur.arraysize = _ROWS
    cur.execute(sql, params)
    while rows := cur.fetchmany():
        yield from rows


def revision_digests(conn: Any) -> list[tuple[int, str]]:
    """(row id, digest as SQLite's text gives it) of every saved revision, in row order
    (:func:`revision_names` says which revision a row holds)."""
    sha256 = hashlib.sha256
    try:
        return [(row_id, sha256(text).hexdigest()) for row_id, text in tuples(conn, _REVISION_SQL)]
    except sqlcipher3.OperationalError:  # a value JSON cannot hold (a BLOB): the Python way
        log.info("verify: a revision holds a value SQLite's JSON cannot; hashing in Python")
        return [(row[0], audit.digest(dict(zip(REVISION_COLUMNS, row))))
                for row in tuples(conn, f"SELECT {', '.join(REVISION_COLUMNS)} FROM revisions"
                                        " ORDER BY id")]


def revision_names(conn: Any, row_id: int) -> dict[str, Any]:
    """The revision number, object type and object id a revision row holds (for a problem)."""
    row = conn.execute("SELECT revision, object_type, object_id FROM revisions WHERE id = ?",
                       (row_id,)).fetchone()
    revision, object_type, object_id = row if row is not None else (None, None, None)
    return {"revision": revision, "object_type": object_type, "object_id": object_id}


def revision_digest_of_row(conn: Any, row_id: int) -> str | None:
    """The digest of one revision row computed the Python way (what the seal was made from)."""
    cur = conn.cursor()
    cur.row_factory = None
    row = cur.execute(REVISION_ROW_SQL, (row_id,)).fetchone()
    return None if row is None else audit.digest(dict(zip(REVISION_COLUMNS, row)))


def entry_digests(conn: Any) -> list[tuple[int, str, str]]:
    """(seq, entry id, digest of its state as SQLite's text gives it) of every entry."""
    sha256 = hashlib.sha256
    try:
        return [(seq, entry_id, sha256(text).hexdigest())
                for seq, entry_id, text in tuples(conn, _ENTRY_SQL)]
    except sqlcipher3.OperationalError:  # a value JSON cannot hold (a BLOB): the Python way
        log.info("verify: an entry holds a value SQLite's JSON cannot; hashing in Python")
        return [(seq, entry_id, entry_digest_of_row(conn, seq) or "")
                for seq, entry_id in tuples(conn, "SELECT seq, id FROM entries")]


def audit_batches(conn: Any) -> Iterator[tuple[list[tuple[Any, ...]], list[str]]]:
    """Every audit record in order, a batch at a time: the rows (seq, prev_hash, stored hash,
    object type, object id, digest, the record's text) and each record's hash as SQLite's text
    gives it (:func:`record_hash_of_row` says it again the Python way)."""
    sha256 = hashlib.sha256
    cur = conn.cursor()
    cur.row_factory = None
    cur.arraysize = _ROWS
    cur.execute(AUDIT_SQL)
    while rows := cur.fetchmany():
        yield rows, [sha256(row[6]).hexdigest() for row in rows]


def audit_batches_python(conn: Any) -> Iterator[tuple[list[tuple[Any, ...]], list[str]]]:
    """The same as :func:`audit_batches`, every hash computed the Python way (slower)."""
    cur = conn.cursor()
    cur.row_factory = None
    cur.arraysize = _ROWS
    cur.execute("SELECT seq, prev_hash, hash, object_type, object_id, digest, at, action"
                " FROM audit ORDER BY seq")
    while rows := cur.fetchmany():
        yield [row[:7] for row in rows], [
            audit.record_hash(prev_hash, seq, at, action, object_type, object_id, digest)
            for seq, prev_hash, _h, object_type, object_id, digest, at, action in rows]


def entry_digest_of_row(conn: Any, seq: int) -> str | None:
    """The digest of one entry's state computed the Python way (as ``States.entry`` makes it)."""
    cur = conn.cursor()
    cur.row_factory = None
    row = cur.execute(f"SELECT {', '.join(ENTRY_COLUMNS)} FROM entries WHERE seq = ?",
                      (seq,)).fetchone()
    if row is None:
        return None
    state = dict(zip(ENTRY_COLUMNS, row))
    state["persons"] = [r[0] for r in cur.execute(
        "SELECT person_id FROM entry_persons WHERE entry_id = ? ORDER BY position",
        (state["id"],))]
    return audit.digest(state)


def record_hash_of_row(conn: Any, seq: int) -> str | None:
    """The hash of one audit record computed the Python way."""
    cur = conn.cursor()
    cur.row_factory = None
    row = cur.execute(AUDIT_ROW_SQL, (seq,)).fetchone()
    if row is None:
        return None
    seq, prev_hash, _stored, at, action, object_type, object_id, digest = row
    return audit.record_hash(prev_hash, seq, at, action, object_type, object_id, digest)
