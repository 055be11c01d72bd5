"""The stored warning-sign facts (table ``sign_facts``, schema v6): one row per entry.

The rules read them through two covering indexes (:data:`LAYOUT`): one in chronological order
with every column a rule asks of one entry, one by persons and channel for per-person questions
(first entry, counts). SQLite answers the per-entry conditions (:class:`journal.core.signs.factrows.Match`) in C,
so that Python touches only the rows a rule can use. The layout is derived data: it is part of
the facts' stamp (:data:`journal.core.signs.facts.FACTS_CODE_VERSION`), and a rebuild drops the
table and makes it anew with its indexes.

A row holds what the entry contributes to the rules (:mod:`journal.core.signs.facts`) and the
structured fields they read, written in the transaction that writes the entry (add, edit, trash,
restore, import). Like the search index, the facts are derived data inside the encrypted file,
not evidence: the audit chain does not cover them; ``verify`` says when they are stale, and they
are rebuilt when the stamp of the rules (``meta.sign_facts_stamp``) is not this program's.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Self

import sqlcipher3

from journal.core import schema
from journal.core.codec import iso
from journal.core.models import Entry
from journal.core.signs import facts as sf
from journal.core.signs.factrows import Match, Row
from journal.core.store.db import Database
from journal.core.store.reader import EntryReader

log = logging.getLogger(__name__)

STAMP_META_KEY = "sign_facts_stamp"
_BATCH = 500
_COLUMNS = ("seq, entry_id, revision, live, occurred_us, recorded_us, occurred_at, kind, persons,"
            " flags, amount, currency, value, direction, method, initiated_by, status, channel,"
            " medium, target, hits, words")
# what FactEntry reads, in its order
_ENTRY_COLUMNS = ("entry_id, occurred_at, kind, persons, amount, currency, value, direction,"
                  " method, initiated_by, status, channel, medium, target")

Progress = Callable[[int, int], None]

# The facts' layout besides the v6 table: the indexes the rules read (see the module's doc).
_ROW_COLUMNS = "occurred_us, recorded_us, entry_id, kind, persons, flags"
_EXTRA_COLUMNS = {x: x for x in ("initiated_by", "medium", "status", "direction", "method",
                                  "currency", "amount", "value", "hits")}
_EXTRA_COLUMNS["has_target"] = "ifnull(target, '') != ''"  # (the text itself is not asked)
LAYOUT = (
    ("CREATE INDEX IF NOT EXISTS sign_facts_rules ON sign_facts(live, occurred_us, recorded_us,"
     " entry_id, kind, flags, persons, initiated_by, medium, status, direction, method, currency,"
     " amount, value, target, hits)"),
    ("CREATE INDEX IF NOT EXISTS sign_facts_people ON sign_facts(live, persons, channel,"
     " occurred_us, recorded_us, entry_id, kind, flags, initiated_by, medium)"),
)


def ensure_layout(conn: Any) -> None:
    """The facts' indexes where they are missing (the caller holds a transaction)."""
    for statement in LAYOUT:
        conn.execute(statement)


def _str(x: object) -> str | None:
    return None if x is None else str(x)


class SignFacts:
    def __init__(self, db: Database, reader: EntryReader) -> None:
        self._db = db
        self._reader = reader
        self._rebuilding = threading.Lock()
        self._evaluation_cache_kib = _EVALUATION_CACHE_KIB

    # ------------------------------------------------------------------ keeping them current
    def write(self, entry: Entry) -> None:
        """Work out and store the facts of ``entry`` as just loaded (inside the transaction that
        changed it)."""
        conn = self._db.conn
        seq = conn.execute("SELECT seq FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
        f = sf.compute(entry)
        conn.execute(
            f"INSERT OR REPLACE INTO sign_facts({_COLUMNS}) VALUES ({','.join('?' * 22)})",
            (seq, entry.id, entry.revision, int(entry.deleted_at is None),
             sf.micros(entry.occurred_at), sf.micros(entry.recorded_at), iso(entry.occurred_at),
             entry.kind, " ".join(dict.fromkeys(entry.persons)), f.flags, _str(entry.amount),
             entry.currency, _str(entry.value), entry.direction, entry.method,
             entry.initiated_by, entry.status, entry.channel, entry.medium, entry.target,
             f.hits_json(), f.words_text()))

    def current(self) -> bool:
        """Whether the stored facts were made by these rules (one read of ``meta``)."""
        row = self._db.one("SELECT value FROM meta WHERE key = ?", (STAMP_META_KEY,))
        return row is not None and str(row[0]) == sf.STAMP

    def ensure_current(self, progress: Progress | None = None) -> bool:
        """Rebuild every entry's facts when they were made by other rules or wording; True when
        they were rebuilt here. ``progress(done, total)`` follows the entries. Two callers at
        once (the window's signs page and a report) rebuild once: the second waits."""
        with self._rebuilding:
            if self.current():
                return False
            self._rebuild(progress)
            return True

    def _rebuild(self, progress: Progress | None) -> None:
        """Batch by batch, each its own transaction, so that the window can read and write
        between them; the stamp is written last, in the transaction of the last batch, so facts
        are never taken as current before every entry has them (an interrupted rebuild starts
        again on the next call). Entries written meanwhile write their own facts."""
        with self._db.transaction():
            # made anew: facts of other rules may have had another layout
            self._db.conn.execute("DROP TABLE IF EXISTS sign_facts")
            schema.ensure_sign_facts(self._db.conn)
            ensure_layout(self._db.conn)
            self._db.conn.execute("DELETE FROM meta WHERE key = ?", (STAMP_META_KEY,))
            ids = [r[0] for r in self._db.conn.execute("SELECT id FROM entries ORDER BY seq")]
        total = len(ids)
        log.info("rebuilding the warning-sign facts of %d entries", total)
        if progress is not None:
            progress(0, total)
        for i in range(0, max(total, 1), _BATCH):
            with self._db.transaction():
                for entry in self._reader.load(ids[i:i + _BATCH]):
                    self.write(entry)
                if i + _BATCH >= total:
                    self._db.conn.execute(
                        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                        (STAMP_META_KEY, sf.STAMP))
            if progress is not None:
                progress(min(total, i + _BATCH), total)

    # ------------------------------------------------------------------ reading them
    def table(self) -> FactTable:
        """The live facts as :mod:`journal.core.signs.fastrules` reads them."""
        return FactTable(self._db, self._evaluation_cache_kib)

    def set_evaluation_cache(self, kib: int) -> None:
        """How far an evaluation may enlarge the connection's page cache (KiB; never below the
        connection's own size): less memory for a little more time."""
        self._evaluation_cache_kib = max(0, kib)

    def docs_of(self, ids: Sequence[str], words: bool = True) -> dict[str, sf.FactDoc]:
        """The docs of these entries (the evidence the reasons quote), with their quotes unless
        ``words`` is false (then :meth:`load_words` reads them when needed); their ``seq`` is
        only their order among ``ids``."""
        strings: dict[object, object] = {}
        out: dict[str, sf.FactDoc] = {}
        order = {eid: n for n, eid in enumerate(ids)}
        select = (f"SELECT occurred_us, flags, hits, {'words' if words else 'NULL'},"
                  f" {_ENTRY_COLUMNS} FROM sign_facts")
        with self._db.lock:
            cur = self._db.conn.cursor()
            cur.row_factory = None
            live = self._db.one("SELECT count(*) FROM sign_facts WHERE live = 1")[0]
            if len(ids) * 8 > live:  # many: one pass over the table beats as many look-ups
                parts: Iterable[Sequence[str]] = [()]
            else:
                parts = (ids[i:i + _BATCH] for i in range(0, len(ids), _BATCH))
            for part in parts:
                rows = cur.execute(f"{select} WHERE entry_id IN ({','.join('?' * len(part))})",
                                   part) if part else cur.execute(f"{select} WHERE live = 1")
                for r in rows:
                    n = order.get(r[4])
                    if n is not None:
                        out[r[4]] = sf.FactDoc(sf.FactEntry(r[4:], strings), n, r[0], r[1], r[2],
                                               r[3])
        return out

    def load_words(self, docs: Iterable[sf.FactDoc]) -> None:
        """Read the stored quotes of ``docs`` (the entries the signs rest on), in batches."""
        wanted = {d.id: d for d in docs if not d.words_loaded}
        ids = list(wanted)
        with self._db.lock:
            live = self._db.one("SELECT count(*) FROM sign_facts WHERE live = 1")[0]
            if len(ids) * 8 > live:  # many: one pass over the table beats as many look-ups
                for eid, words in self._db.conn.execute(
                        "SELECT entry_id, words FROM sign_facts WHERE live = 1"):
                    doc = wanted.get(eid)
                    if doc is not None:
                        doc.set_words(words)
                return
            for i in range(0, len(ids), _BATCH):
                part = ids[i:i + _BATCH]
                for eid, words in self._db.conn.execute(
                        f"SELECT entry_id, words FROM sign_facts WHERE entry_id IN"
                        f" ({','.join('?' * len(part))})", part):
                    wanted[eid].set_words(words)

    # ------------------------------------------------------------------ checking them
    def stale(self) -> int:
        """How many entries have no facts or facts of an older revision (all of them when the
        stamp is not this program's): cheap, one pass over two narrow columns each."""
        if not self.current():
            return int(self._db.one("SELECT count(*) FROM entries")[0])
        # two narrow indexes (entries_revision, and sign_facts_revision of schema v8; both hold
        # the seq as their rowid), never the wide entry or facts rows
        try:
            row = self._db.one(
                "SELECT count(*) FROM entries e WHERE NOT EXISTS"
                " (SELECT 1 FROM sign_facts f INDEXED BY sign_facts_revision"
                "  WHERE f.entry_id = e.id AND f.revision = e.revision AND f.seq = e.seq)")
        except sqlcipher3.OperationalError:  # the index is missing: the same count, slower
            row = self._db.one(
                "SELECT count(*) FROM entries e LEFT JOIN sign_facts f ON f.seq = e.seq"
                " WHERE f.seq IS NULL OR f.revision != e.revision OR f.entry_id != e.id")
        extra = self._db.one(
            "SELECT count(*) FROM sign_facts WHERE seq NOT IN (SELECT +seq FROM entries)")
        return int(row[0]) + int(extra[0])


# The page cache while the rules read (KiB): the rules' index of a 100,000-entry journal does not
# fit the connection's usual 16 MB, and each of the rules' reads would decrypt it again.
_EVALUATION_CACHE_KIB = 64 * 1024


class FactTable:
    """The live rows of ``sign_facts`` as :class:`journal.core.signs.fastrules.Table`: every
    condition is answered by SQLite over the covering indexes; rows come as plain tuples.

    Used as a context manager around one evaluation, the connection's page cache is enlarged
    while it runs (decrypted pages stay in memory only) and set back after."""

    def __init__(self, db: Database, cache_kib: int = _EVALUATION_CACHE_KIB) -> None:
        self._db = db
        self._cache_kib = cache_kib
        self._cache_before: int | None = None
        self._persons: dict[str, str] = {}  # kept by ids(keep_persons=True): entry id → persons

    def __enter__(self) -> Self:
        with self._db.lock:
            before = int(self._db.conn.execute("PRAGMA cache_size").fetchone()[0])
            # (negative: KiB; positive: pages of 4 KiB)
            if (-before if before < 0 else before * 4) < self._cache_kib:
                self._cache_before = before
                self._db.conn.execute(f"PRAGMA cache_size = -{int(self._cache_kib)}")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._cache_before is not None:
            with self._db.lock:
                self._db.conn.execute(f"PRAGMA cache_size = {self._cache_before}")
            self._cache_before = None

    def _all(self, sql: str, params: Sequence[Any]) -> list[Row]:
        with self._db.lock:
            cur = self._db.conn.cursor()
            cur.row_factory = None  # plain tuples: far cheaper than the connection's rows
            rows: list[Row] = cur.execute(sql, params).fetchall()
            return rows

    @staticmethod
    def among(name: str, values: Sequence[Any], params: list[Any], negate: bool) -> str:
        """The SQL of "the column ``name`` holds one of ``values``" (None: it holds none)."""
        column = "persons" if name == "persons" else _EXTRA_COLUMNS.get(name)
        if column is None:
            raise ValueError(f"not a column the rules read: {name!r}")
        given = [x for x in values if x is not None]
        if len(given) > 20:  # (one parameter however many: no limit on their number)
            parts = [f"({column}) IN (SELECT value FROM json_each(?))"]
            params.append(json.dumps(given))
        else:
            parts = [f"({column}) IN ({','.join('?' * len(given))})"] if given else []
            params.extend(given)
        if len(given) < len(values):
            parts.append(f"({column}) IS NULL")
        cond = "(" + (" OR ".join(parts) or "0") + ")"
        if name == "persons":  # (never NULL: as it is, the people's index answers it)
            return f"NOT {cond}" if negate else cond
        return f"ifnull(NOT {cond}, 1)" if negate else f"ifnull({cond}, 0)"

    @staticmethod
    def _where(matches: Sequence[Match], params: list[Any]) -> str:
        """The SQL of "any of ``matches``" (every value a parameter)."""
        out = []
        for m in matches:
            parts = ["1"]
            # the flag bits first: an integer test that most rows fail, before the kind (text
            # looked up in the list) is read (SQLite tests the parts in this order)
            for mask in m.any_of:
                parts.append("flags & ? != 0")
                params.append(mask)
            if m.all_of:
                parts.append("flags & ? = ?")
                params += [m.all_of, m.all_of]
            if m.none_of:
                parts.append("flags & ? = 0")
                params.append(m.none_of)
            for column, values, op in (("kind", m.kinds, "IN"), ("kind", m.not_kinds, "NOT IN"),
                                       ("medium", m.mediums, "IN")):
                if values:
                    parts.append(f"{column} {op} ({','.join('?' * len(values))})")
                    params.extend(values)
            for pairs, negate in ((m.values, False), (m.not_values, True)):
                for name, values in pairs:
                    parts.append(FactTable.among(name, values, params, negate))
            for vocab, n in m.hits:
                parts.append("flags & ? != 0 AND ifnull(CASE WHEN ifnull(hits, '') = '' THEN 0"
                             " ELSE json_array_length(hits, ?) END, 0) >= ?")
                params += [sf.has_mask(vocab), f'$."{vocab.name}"', n]
            for vocab, terms in m.hits_except:
                parts.append("flags & ? != 0 AND CASE WHEN ifnull(hits, '') = '' THEN 0 ELSE"
                             " EXISTS (SELECT 1 FROM json_each(hits, ?) WHERE value NOT IN"
                             f" ({','.join('?' * len(terms))})) END")
                params += [sf.has_mask(vocab), f'$."{vocab.name}"', *terms]
            if m.ids is not None:  # (one parameter however many: no limit on their number)
                if m.at:  # (an integer compared first: most rows stop there)
                    if len(m.at) > 20:
                        parts.append("occurred_us IN (SELECT value FROM json_each(?))")
                        params.append(json.dumps(list(m.at)))
                    else:
                        parts.append(f"occurred_us IN ({','.join('?' * len(m.at))})")
                        params.extend(m.at)
                parts.append("entry_id IN (SELECT value FROM json_each(?))")
                params.append(json.dumps(list(m.ids)))
            out.append("(" + " AND ".join(parts) + ")")
        return " OR ".join(out) or "0"

    def rows(self, *where: Match, extra: tuple[str, ...] = (),
             skip_persons: tuple[str, ...] = ()) -> list[Row]:
        unknown = set(extra) - _EXTRA_COLUMNS.keys()
        if unknown:
            raise ValueError(f"not a column the rules read: {sorted(unknown)}")
        params: list[Any] = []
        cond = self._where(where, params)
        if skip_persons:
            cond = f"({cond}) AND {self.among('persons', skip_persons, params, True)}"
        columns = ", ".join((_ROW_COLUMNS, *(_EXTRA_COLUMNS[x] for x in extra)))
        return self._all(f"SELECT {columns} FROM sign_facts WHERE live = 1 AND ({cond})"
                         " ORDER BY occurred_us, recorded_us, entry_id", params)

    def ids(self, *where: Match, groups: Sequence[Sequence[Match]],
            skip_persons: tuple[str, ...] = (), every: bool = False,
            keep_persons: bool = False) -> list[list[str]]:
        if keep_persons and not every:
            raise ValueError("the persons are kept with every id")
        params: list[Any] = []
        cases = " ".join(f"WHEN {self._where(g, params)} THEN {n}" for n, g in enumerate(groups))
        cond = self._where(where, params)
        if skip_persons:
            cond = f"({cond}) AND {self.among('persons', skip_persons, params, True)}"
        # the inner query reads the chronological index in its order (a co-routine, no sort);
        # each group's ids are joined in the order they come: one string per group, not one
        # Python object per row (entry ids hold no space)
        joined = ", ".join(f"group_concat(CASE WHEN grp = {n} THEN entry_id END, ' ')"
                           for n in range(len(groups)))
        if every:
            joined += ", group_concat(entry_id, ' ')"
        if keep_persons:  # (aligned with every id: a persons value holds spaces, not \x1f)
            joined += ", group_concat(persons, char(31))"
        row = self._all(
            f"SELECT {joined} FROM (SELECT entry_id,{' persons,' if keep_persons else ''}"
            f" CASE {cases} END AS grp FROM sign_facts WHERE live = 1 AND ({cond})"
            " ORDER BY occurred_us, recorded_us, entry_id)", params)[0]
        if keep_persons:
            persons, row = row[-1], row[:-1]
            if row[-1]:
                self._persons.update(zip(row[-1].split(" "), persons.split("\x1f"),
                                         strict=True))
        return [x.split(" ") if x else [] for x in row]

    def persons_of(self, ids: Sequence[str]) -> dict[str, str]:
        out = {i: self._persons[i] for i in ids if i in self._persons}
        missing = [i for i in ids if i not in out]
        if missing:
            out.update((r[2], r[4]) for r in self.rows(Match(ids=tuple(missing))))
        return out

    def marked(self, *where: Match, marks: Sequence[Sequence[Match]],
               skip_persons: tuple[str, ...] = (), extra: tuple[str, ...] = ()) -> list[Row]:
        unknown = set(extra) - _EXTRA_COLUMNS.keys()
        if unknown:
            raise ValueError(f"not a column the rules read: {sorted(unknown)}")
        params: list[Any] = []
        mask = " | ".join(f"(CASE WHEN {self._where(m, params)} THEN {1 << n} ELSE 0 END)"
                          for n, m in enumerate(marks)) or "0"
        cond = self._where(where, params)
        if skip_persons:
            cond = f"({cond}) AND {self.among('persons', skip_persons, params, True)}"
        columns = "".join(f", {_EXTRA_COLUMNS[x]}" for x in extra)
        return self._all(f"SELECT occurred_us, recorded_us, entry_id, {mask}, persons{columns}"
                         f" FROM sign_facts WHERE live = 1 AND ({cond})"
                         " ORDER BY occurred_us, recorded_us, entry_id", params)

    def firsts(self, by_channel: bool, active: bool,
               persons: Sequence[str] | None = None) -> list[Row]:
        if by_channel and not active and persons is None:
            return self._channel_firsts()
        group = "persons, channel" if by_channel else "persons"
        params: list[Any] = []
        keep = " AND kind != 'report'" if active else ""
        if persons is not None:
            keep += f" AND {self.among('persons', persons, params, False)}"
        rows = self._all(
            f"SELECT persons, {'channel' if by_channel else 'NULL'}, occurred_us, recorded_us,"
            f" entry_id, kind, initiated_by FROM sign_facts WHERE live = 1{keep}"
            f" AND ({group}, occurred_us) IN (SELECT {group}, min(occurred_us) FROM sign_facts"
            f" WHERE live = 1{keep} GROUP BY {group})", params * 2)
        # rows at the same instant: the first by recorded time, then id (the rules' order)
        out: dict[tuple[str, str | None], Row] = {}
        for r in rows:
            key = (r[0], r[1])
            if key not in out or r[2:5] < out[key][2:5]:
                out[key] = r
        return list(out.values())

    def _channel_firsts(self) -> list[Row]:
        """Per persons value and channel, its first row: one read of the distinct pairs and, for
        each, one step into the people's index in the rules' order (not a second pass over the
        whole index, as a join with the minimum times would be); the row's columns come joined
        in one string (kind and who initiated hold no separator)."""
        rows = self._all(
            "SELECT g.persons, g.channel, (SELECT occurred_us || ' ' || recorded_us || ' '"
            " || entry_id || ' ' || kind || ' ' || ifnull('=' || initiated_by, '')"
            " FROM sign_facts f WHERE f.live = 1"
            " AND f.persons = g.persons AND f.channel = g.channel"
            " ORDER BY f.occurred_us, f.recorded_us, f.entry_id LIMIT 1)"
            " FROM (SELECT DISTINCT persons, channel FROM sign_facts WHERE live = 1) g", ())
        out = []
        for persons, channel, first in rows:
            occurred, recorded, entry_id, kind, by = first.split(" ", 4)
            out.append((persons, channel, int(occurred), int(recorded), entry_id, kind,
                        by[1:] if by else None))
        return out

    def counts(self, *conditions: Sequence[Match]) -> dict[str, tuple[int, ...]]:
        params: list[Any] = []
        sums = ", ".join(f"count(CASE WHEN {self._where(c, params)} THEN 1 END)"
                         for c in conditions)  # (a NULL medium makes a condition NULL)
        return {r[0]: tuple(r[1:]) for r in self._all(
            f"SELECT persons, {sums} FROM sign_facts WHERE live = 1 GROUP BY persons", params)}
