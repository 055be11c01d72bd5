"""The full-text index (FTS5 tables ``entry_fts`` and ``person_fts``) and queries against it.

An entry's row in the index holds its own texts plus the names, aliases and handles of its persons
and its attachments' names and captions, so it is rebuilt when any of those change.

Each entry row is written together with its digest (``search_digests``, schema v8): the entry id
and revision it was made from and the SHA-256 of its text. ``verify`` compares the stored rows
with their digests (:meth:`SearchIndex.check`); ``verify --deep`` also derives every row again from
the entries and compares the text (:meth:`SearchIndex.check_derived`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from itertools import compress
from typing import Any

import sqlcipher3

from journal.core.codec import dec, person_from_row
from journal.core.fields import SEARCHED_FIELDS
from journal.core.models import Entry, Person, VerifyProblem
from journal.core.search import fts_query, index_text
from journal.core.store.db import Database
from journal.core.store.reader import EntryReader

_BATCH = 500
_CHECK_BATCH = 2000  # entries per step of check(): bounded memory whatever the journal's size
# The index holds text derived by entry_body()/person_body(); when what they put in changes (e.g. a
# field added to the search), raise this number: an older file's index is rebuilt when it is next
# opened, so that verify's comparison with a fresh rebuild holds. The index is derived data, not
# evidence: rebuilding it changes no audited state.
SEARCH_INDEX_VERSION = 2
SEARCH_INDEX_META_KEY = "search_index_version"
_ENTRY_FIELDS = SEARCHED_FIELDS  # the kind-specific fields whose words are indexed


def person_body(person: Person) -> str:
    """What the index holds for a person."""
    return index_text(person.name, " ".join(person.aliases), person.role, person.organisation,
                      person.platform, " ".join(h.value for h in person.handles), person.notes)


def person_words(person: Person) -> str:
    """What an entry's row holds of one of its persons: name, aliases, handles."""
    return " ".join([person.name, *person.aliases, *(h.value for h in person.handles)])


def _body(summary: str | None, details: str | None, person_text: str, channel: str | None,
          location: str | None, tags: Sequence[str], witnesses: Sequence[str], att_text: str,
          amount: Decimal | None, value: Decimal | None, kind_values: Sequence[Any]) -> str:
    money = " ".join(str(x) for x in (amount, value) if x is not None)
    fields = " ".join(str(v or "") for v in kind_values)
    return index_text(summary, details, person_text, channel, location, " ".join(tags),
                      " ".join(witnesses), att_text, money, fields)


def entry_body(entry: Entry, persons: Sequence[Person]) -> str:
    """What the index holds for an entry whose persons are ``persons`` (in the entry's order)."""
    return _body(entry.summary, entry.details, " ".join(person_words(p) for p in persons),
                 entry.channel, entry.location, entry.tags, entry.witnesses,
                 " ".join(f"{a.filename} {a.caption}" for a in entry.attachments),
                 entry.amount, entry.value, [getattr(entry, n) for n in _ENTRY_FIELDS])


# what check() reads of each entry: the columns entry_body() uses, straight from the row
_ROW_COLUMNS = ("seq", "id", "revision", "summary", "details", "channel", "location", "tags",
                "witnesses", "amount", "value", *_ENTRY_FIELDS)


def body_digest(body: str) -> str:
    """What ``search_digests`` holds of an index row's text."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class _LiveOrder:
    """The live (not trashed) entries newest first, as the timeline orders them: their ids and,
    for each index rowid (an entry's ``seq``, dense since entries are never erased), its place in
    that order, ``len(ids)`` for a trashed entry. Read once from the covering time index and kept
    while ``key`` (the file's ``data_version`` and this connection's change count) stays the
    same. Ids and numbers only: no journal text is held."""

    __slots__ = ("ids", "key", "place")

    def __init__(self, key: tuple[int, int], rows: list[tuple[int, str]], max_seq: int) -> None:
        import numpy as np  # (the first search loads it, not every command)

        self.key = key
        self.ids = [entry_id for _, entry_id in rows]
        # one machine integer per rowid: a search looks its matches' places up all at once
        self.place = np.full(max_seq + 1, len(rows), dtype=np.int64)
        self.place[np.fromiter((seq for seq, _ in rows), dtype=np.int64, count=len(rows))] = \
            np.arange(len(rows), dtype=np.int64)


class SearchIndex:
    def __init__(self, db: Database, reader: EntryReader) -> None:
        self._db = db
        self._reader = reader
        self._live_order: _LiveOrder | None = None

    # ------------------------------------------------------------------ keeping it current
    def index_entry_id(self, entry_id: str) -> None:
        """Rebuild one entry's row (inside the transaction that changed it)."""
        for entry in self._reader.load([entry_id]):
            self.index_entry(entry)

    def index_entries_of_person(self, person_id: str) -> None:
        """Rebuild the rows of every entry naming ``person_id`` (their person text changed)."""
        ids = [r[0] for r in self._db.conn.execute(
            "SELECT entry_id FROM entry_persons WHERE person_id = ?", (person_id,))]
        for i in range(0, len(ids), _BATCH):
            for entry in self._reader.load(ids[i:i + _BATCH]):
                self.index_entry(entry)

    def index_person(self, person: Person) -> None:
        conn = self._db.conn
        rowid = conn.execute("SELECT rowid FROM persons WHERE id = ?", (person.id,)).fetchone()[0]
        conn.execute("DELETE FROM person_fts WHERE rowid = ?", (rowid,))
        conn.execute("INSERT INTO person_fts(rowid, body) VALUES (?, ?)",
                     (rowid, person_body(person)))

    def index_entry(self, entry: Entry) -> None:
        """Rebuild the row of ``entry`` as just loaded (inside the transaction that changed it)."""
        conn = self._db.conn
        seq = conn.execute("SELECT seq FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
        body = entry_body(entry, self._persons_by_id(entry.persons))
        conn.execute("DELETE FROM entry_fts WHERE rowid = ?", (seq,))
        conn.execute("INSERT INTO entry_fts(rowid, body) VALUES (?, ?)", (seq, body))
        conn.execute("INSERT OR REPLACE INTO search_digests(seq, entry_id, revision, digest)"
                     " VALUES (?, ?, ?, ?)", (seq, entry.id, entry.revision, body_digest(body)))

    def current(self) -> bool:
        """Whether the index was made by this version of entry_body()/person_body()."""
        row = self._db.one("SELECT value FROM meta WHERE key = ?", (SEARCH_INDEX_META_KEY,))
        return row is not None and str(row[0]) == str(SEARCH_INDEX_VERSION)

    def ensure_current(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Rebuild the whole index (one transaction) when it was made by another version of
        entry_body()/person_body(); True when it was rebuilt. ``progress(done, total)`` follows
        the entries; an exception it raises undoes the rebuild."""
        if self.current():
            return False
        with self._db.transaction():
            conn = self._db.conn
            conn.execute("DELETE FROM entry_fts")
            conn.execute("DELETE FROM search_digests")
            conn.execute("DELETE FROM person_fts")
            for r in conn.execute("SELECT * FROM persons").fetchall():
                self.index_person(person_from_row(r))
            ids = [r[0] for r in conn.execute("SELECT id FROM entries ORDER BY seq")]
            for i in range(0, len(ids), _BATCH):
                if progress is not None:
                    progress(i, len(ids))
                for entry in self._reader.load(ids[i:i + _BATCH]):
                    self.index_entry(entry)
            if progress is not None:
                progress(len(ids), len(ids))
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                         (SEARCH_INDEX_META_KEY, str(SEARCH_INDEX_VERSION)))
        return True

    # ------------------------------------------------------------------ checking it
    def build_digests(self) -> int:
        """Write the digest of every entry's row as the entries say it should be (the schema v8
        migration, inside its transaction; batch by batch). A row that differs from what its
        entry gives keeps being reported by verify, as before the migration. Returns how many."""
        conn = self._db.conn
        conn.execute("DELETE FROM search_digests")
        count = 0
        for batch in self._derived_batches(self._person_words()):
            conn.executemany(
                "INSERT INTO search_digests(seq, entry_id, revision, digest) VALUES (?, ?, ?, ?)",
                [(seq, entry_id, revision, body_digest(body))
                 for seq, entry_id, revision, body in batch])
            count += len(batch)
        return count

    def check(self, conn: Any = None) -> list[VerifyProblem]:
        """Compare every stored row of the index with its digest (:func:`check_rows`); every
        row derived again when the digests are gone. ``conn``: another connection to the same
        file to read with (verify's threads)."""
        conn = conn or self._db.conn
        if not has_digests(conn):
            return self.check_derived(conn)  # the digests are gone: derive every row again
        return check_rows(conn)

    def check_derived(self, conn: Any = None) -> list[VerifyProblem]:
        """Rebuild every row of the index, batch by batch, and compare it with the stored index
        (``verify --deep``): rows missing, changed or left over are problems. Reads rows, not
        entry objects: the same text as entry_body() (a test compares the two over whole
        journals)."""
        conn = conn or self._db.conn
        problems, words = check_persons(conn)
        for batch in self._derived_batches(words, conn):
            stored = dict(conn.execute(
                "SELECT rowid, body FROM entry_fts WHERE rowid BETWEEN ? AND ?",
                (batch[0][0], batch[-1][0])).fetchall())
            for seq, entry_id, _revision, body in batch:
                found = stored.get(seq)
                if found is None:
                    problems.append(VerifyProblem("index_entry_lost", {"id": entry_id}))
                elif found != body:
                    problems.append(VerifyProblem("index_entry_changed", {"id": entry_id}))
        extra = conn.execute("SELECT count(*) FROM entry_fts WHERE rowid NOT IN"
                             " (SELECT seq FROM entries)").fetchone()[0]
        if extra:
            problems.append(VerifyProblem("index_entry_extra", {"n": extra}))
        return problems

    def _person_words(self) -> dict[str, str]:
        return {person.id: person_words(person) for person in
                map(person_from_row, self._db.conn.execute("SELECT * FROM persons"))}

    def _derived_batches(self, words: dict[str, str], conn: Any = None
                         ) -> Iterator[list[tuple[int, str, int, str]]]:
        """(seq, entry id, revision, text of its index row as entry_body() makes it), every entry
        in seq order, a batch at a time (bounded memory whatever the journal's size)."""
        conn = conn or self._db.conn
        columns = ", ".join(_ROW_COLUMNS)
        last = -1
        while True:
            cur = conn.cursor()
            cur.row_factory = None
            batch = cur.execute(f"SELECT {columns} FROM entries WHERE seq > ? ORDER BY seq"
                                f" LIMIT {_CHECK_BATCH}", (last,)).fetchall()
            if not batch:
                return
            last = batch[-1][0]
            ids = [r[1] for r in batch]
            marks = ",".join("?" * len(ids))
            persons_of: dict[str, list[str]] = {}
            for entry_id, person_id in conn.execute(
                    f"SELECT entry_id, person_id FROM entry_persons WHERE entry_id IN ({marks})"
                    f" ORDER BY position", ids):
                if person_id in words:
                    persons_of.setdefault(entry_id, []).append(words[person_id])
            atts: dict[str, list[str]] = {}
            for entry_id, filename, caption in conn.execute(
                    f"SELECT entry_id, filename, caption FROM attachments WHERE entry_id IN ({marks})"
                    f" AND removed_at IS NULL ORDER BY added_at, id", ids):
                atts.setdefault(entry_id, []).append(f"{filename} {caption}")
            yield [(seq, entry_id, revision,
                    _body(summary, details, " ".join(persons_of.get(entry_id, ())), channel,
                          location, json.loads(tags), json.loads(witnesses),
                          " ".join(atts.get(entry_id, ())), dec(amount), dec(value), kind_values))
                   for seq, entry_id, revision, summary, details, channel, location, tags,
                   witnesses, amount, value, *kind_values in batch]

    def _persons_by_id(self, ids: Sequence[str]) -> list[Person]:
        """The persons of ``ids`` in that order, in one query."""
        if not ids:
            return []
        rows = self._db.conn.execute(
            f"SELECT * FROM persons WHERE id IN ({','.join('?' * len(ids))})", list(ids)).fetchall()
        found = {r["id"]: person_from_row(r) for r in rows}
        return [found[i] for i in ids if i in found]

    # ------------------------------------------------------------------ asking it
    @staticmethod
    def entry_condition(text: str) -> tuple[str, str] | None:
        """A WHERE condition on ``entries e`` matching ``text`` and its parameter; None when the
        text holds nothing to search for (then nothing matches)."""
        query = fts_query(text)
        if query is None:
            return None
        # "+" keeps the planner from looking every match up in the wide table and sorting them:
        # it walks the (covering) time index instead and probes the set of matches.
        return "+e.seq IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)", query

    def live_matches(self, text: str) -> list[str] | None:
        """Ids of the live entries matching ``text``, newest first (the timeline's order); None
        when this way cannot answer (no words to search for; a journal whose entry numbers
        are not dense) and the caller's SQL must.

        Walking the whole time index for every search cost ~10 ms at 100,000 entries even for
        no match, and turning 27,000 result rows into Python objects one by one as much again.
        Instead the index hands over its matching rowids as one string, and the time order of
        the live entries, read once and kept until the journal changes (in this connection or
        any other), puts them in place: the cost follows the number of matches."""
        query = fts_query(text)
        if query is None:
            return None
        with self._db.lock:
            order = self._current_live_order()
            if order is None:
                return None
            joined = self._db.column(
                "SELECT group_concat(rowid) FROM entry_fts WHERE entry_fts MATCH ?", (query,))[0]
        if not joined:
            return []
        import numpy as np

        place, ids = order.place, order.ids
        # the rowids parsed, and their places looked up, by numpy at once: one Python step per
        # match cost 10-14 ms of CPU for harbour's 27,000 matches at 100,000 entries
        seqs = np.fromstring(joined, dtype=np.int64, sep=",")
        if int(seqs.max()) >= len(place):  # a row newer than the order (written in between)
            return None  # ask SQL
        places = place[seqs]
        if len(seqs) * 16 < len(ids):  # few matches: sort their places
            return [ids[i] for i in np.sort(places).tolist() if i < len(ids)]
        chosen = np.zeros(len(ids) + 1, dtype=np.uint8)  # many: mark them (the last: trashed)
        chosen[places] = 1
        return list(compress(ids, chosen.tobytes()))

    def _current_live_order(self) -> _LiveOrder | None:
        conn = self._db.conn
        key = (int(self._db.column("PRAGMA data_version")[0]), int(conn.total_changes))
        order = self._live_order
        if order is not None and order.key == key:
            return order
        self._live_order = None
        cur = conn.cursor()
        cur.row_factory = None  # plain tuples: 100,000 Row objects would cost more
        try:
            max_seq = cur.execute("SELECT max(seq) FROM entries").fetchone()[0] or 0
            if max_seq > 4 * conn.execute("SELECT count(*) FROM entries").fetchone()[0] + 1024:
                return None  # not numbered by this app: a list that long is not worth it
            rows = cur.execute(
                "SELECT seq, id FROM entries WHERE deleted_at IS NULL"
                " ORDER BY occurred_utc DESC, seq DESC").fetchall()
        finally:
            cur.close()
        order = self._live_order = _LiveOrder(key, rows, max_seq)
        return order

    @staticmethod
    def has_terms(text: str) -> bool:
        return fts_query(text) is not None

    def person_ids(self, text: str) -> list[str]:
        """Ids of (not deleted) persons matching ``text``, by name."""
        query = fts_query(text)
        if query is None:
            return []
        rows = self._db.rows(
            "SELECT p.id FROM person_fts f JOIN persons p ON p.rowid = f.rowid"
            " WHERE person_fts MATCH ? AND p.deleted_at IS NULL ORDER BY p.name", (query,))
        return [r[0] for r in rows]


def has_digests(conn: Any) -> bool:
    """Whether the file keeps a digest beside each index row (schema v8 and later)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'search_digests'").fetchone() is not None


def check_rows(conn: Any) -> list[VerifyProblem]:
    """Compare every stored row of the index with its digest, and the digests with the entries
    (id, revision) they were made from: rows missing, changed or left over are problems. Reads
    the stored texts and two narrow columns; derives nothing (the person rows, a few, are
    derived again as in :meth:`SearchIndex.check_derived`). Needs :func:`has_digests`."""
    problems, _words = check_persons(conn)
    found: list[tuple[int, VerifyProblem]] = []
    cur = conn.cursor()
    cur.row_factory = None
    # 1. entries whose row is not (or no longer) vouched for by a digest of their revision; the
    # entries' narrow index put in seq order first, so that the digests are read in their own
    # order, each page once (in the index's order a small page cache read them again and again:
    # 1.2 s CPU at 100,000 entries, now 0.2)
    try:
        rows = cur.execute(
            "WITH e AS MATERIALIZED (SELECT seq, id, revision FROM entries"
            "  INDEXED BY entries_revision ORDER BY seq)"
            " SELECT e.seq, e.id FROM e LEFT JOIN search_digests d ON d.seq = e.seq"
            " WHERE d.seq IS NULL OR d.entry_id IS NOT e.id"
            " OR d.revision IS NOT e.revision").fetchall()
    except sqlcipher3.OperationalError:  # the narrow index is gone: the same rows, slower
        rows = cur.execute(
            "SELECT e.seq, e.id FROM entries e LEFT JOIN search_digests d ON d.seq = e.seq"
            " WHERE d.seq IS NULL OR d.entry_id IS NOT e.id"
            " OR d.revision IS NOT e.revision").fetchall()
    for seq, entry_id in rows:
        found.append((seq, VerifyProblem("index_entry_changed", {"id": entry_id})))
    # 2. every stored row against its digest (the texts are streamed and hashed here); a
    # row without a digest is vouched for by nothing: its entry was reported above
    top = conn.execute("SELECT max(rowid) FROM entry_fts").fetchone()[0] or 0
    seen = bytearray(top + 1)  # 1: a row is stored for this seq; 2: and its entry exists
    cur = conn.cursor()
    cur.row_factory = None
    cur.arraysize = _CHECK_BATCH
    sha256 = hashlib.sha256
    # the texts as their UTF-8 bytes (BLOBs): hashed as they are, no str made of each
    cur.execute("SELECT f.rowid, CAST(f.body AS BLOB), d.digest, d.entry_id FROM entry_fts f"
                " LEFT JOIN search_digests d ON d.seq = f.rowid")
    while rows := cur.fetchmany():
        for seq, body, digest, entry_id in rows:
            seen[seq] = 1
            if digest is not None and (body is None or sha256(body).hexdigest() != digest):
                found.append((seq, VerifyProblem("index_entry_changed", {"id": entry_id})))
    # 3. entries with no row, and rows with no entry
    for seq, entry_id in cur.execute("SELECT seq, id FROM entries"):
        if seq <= top and seen[seq]:
            seen[seq] = 2
        else:
            found.append((seq, VerifyProblem("index_entry_lost", {"id": entry_id})))
    extra = seen.count(1)
    found.sort(key=lambda item: item[0])
    problems += [p for _, p in found]
    if extra:
        problems.append(VerifyProblem("index_entry_extra", {"n": extra}))
    return problems


def check_persons(conn: Any) -> tuple[list[VerifyProblem], dict[str, str]]:
    """The person rows derived again and compared (there are few), and each person's words
    as an entry's row holds them."""
    problems: list[VerifyProblem] = []
    words: dict[str, str] = {}
    for r in conn.execute("SELECT p.*, f.body AS fts_body FROM persons p"
                          " LEFT JOIN person_fts f ON f.rowid = p.rowid"):
        person = person_from_row(r)
        words[person.id] = person_words(person)
        if r["fts_body"] is None:
            problems.append(VerifyProblem("index_person_lost", {"id": person.id}))
        elif r["fts_body"] != person_body(person):
            problems.append(VerifyProblem("index_person_changed", {"id": person.id}))
    extra = conn.execute("SELECT count(*) FROM person_fts WHERE rowid NOT IN"
                         " (SELECT rowid FROM persons)").fetchone()[0]
    if extra:
        problems.append(VerifyProblem("index_person_extra", {"n": extra}))
    return problems, words
