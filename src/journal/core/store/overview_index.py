"""The overview's aggregates (schema v7), kept in the transaction that changes an entry.

``overview_facts`` holds what each live entry adds to the overview picture (its UTC day and time,
kind, the sensitivity level of a request's target, channel, the money received); from it the
rows of ``overview_days`` (count and first entry per kind, level and UTC day; ``overview_months``
the same per UTC month), ``overview_money``
(money received per UTC day and currency) and ``overview_channels`` (the first entry on each app)
are computed again for every group an entry leaves or joins. Those groups are small (one day),
so a change costs a few indexed reads, and :func:`journal.core.overview.overview_data` reads a few
thousand day rows instead of 100,000 entries.

Like the search index, the tables are rebuilt as a whole (one transaction) when they were made by
another version of this code or of the request classification (the signs vocabulary): the
stamp in ``meta`` says which. Until then the overview reads the entries themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from journal.core.money import stored_decimal
from journal.core.store.db import Database

OVERVIEW_INDEX_META_KEY = "overview_index"
OVERVIEW_INDEX_VERSION = 2
_BATCH = 2000
_COLUMNS = ("id, seq, kind, occurred_utc, channel, task, target, summary, amount, value, "
            "currency, direction, deleted_at")

Fact = tuple[str, str, str, int, str, int, str, str | None, str | None]


def stamp() -> str:
    """This code's version and a fingerprint of the vocabulary that classifies requests."""
    from journal.core.overview.data import classifier_fingerprint

    return f"{OVERVIEW_INDEX_VERSION}:{classifier_fingerprint()}"


def fact_of(row: Sequence[Any]) -> Fact | None:
    """What one entry row (columns ``_COLUMNS``) adds to the overview; None when deleted."""
    from journal.core.overview.data import request_level

    eid, seq, kind, utc, channel, task, target, summary, amount, value, currency, direction, \
        deleted = row
    if deleted is not None:
        return None
    level = -1
    if kind == "request":
        level = request_level("\n".join(x for x in (task, target, summary) if x))
    cur: str | None = None
    amt: str | None = None
    if (kind == "payment" and direction == "received") or kind == "gift":
        d = stored_decimal(amount if kind == "payment" else value)
        if d is not None:
            cur, amt = (currency or "CNY").upper(), str(d)
    return (eid, utc[:10], utc, int(seq), kind, level, channel or "", cur, amt)


class OverviewIndex:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._stamp: str | None = None

    def _want(self) -> str:
        if self._stamp is None:
            self._stamp = stamp()
        return self._stamp

    def current(self) -> bool:
        """True when the tables hold this version's aggregates of every live entry."""
        row = self._db.one("SELECT value FROM meta WHERE key = ?", (OVERVIEW_INDEX_META_KEY,))
        return row is not None and str(row[0]) == self._want()

    def live_count(self) -> int | None:
        """How many live entries there are, from the monthly totals (a few hundred rows instead
        of an index of every entry); None while the tables wait for a rebuild."""
        with self._db.lock:
            if not self.current():
                return None
            return int(self._db.one("SELECT coalesce(sum(n), 0) FROM overview_months")[0])

    # ------------------------------------------------------------------ keeping it
    def entry_changed(self, entry_id: str) -> None:
        """Bring the aggregates up to date with the entry as now stored (inside the transaction
        that changed it). Nothing to do while the tables wait for a rebuild."""
        if not self.current():
            return
        conn = self._db.conn
        old = conn.execute("SELECT entry_id, day, utc, seq, kind, level, channel, currency, "
                           "amount FROM overview_facts WHERE entry_id = ?", (entry_id,)).fetchone()
        row = conn.execute(f"SELECT {_COLUMNS} FROM entries WHERE id = ?", (entry_id,)).fetchone()
        new = fact_of(row) if row is not None else None
        if old is not None and new is not None and tuple(old) == new:
            return
        conn.execute("DELETE FROM overview_facts WHERE entry_id = ?", (entry_id,))
        if new is not None:
            conn.execute("INSERT INTO overview_facts VALUES (?,?,?,?,?,?,?,?,?)", new)
        facts = [f for f in (old, new) if f is not None]
        for kind, level, day in {(f[4], f[5], f[1]) for f in facts}:
            self._day(kind, level, day)
        for day, cur in {(f[1], f[7]) for f in facts if f[7] is not None}:
            self._money(day, cur)
        for channel in {f[6] for f in facts if f[6]}:
            self._channel(channel)

    def _day(self, kind: str, level: int, day: str) -> None:
        conn = self._db.conn
        key = (kind, level, day)
        where = "WHERE kind = ? AND level = ? AND day = ?"
        n = conn.execute(f"SELECT count(*) FROM overview_facts {where}", key).fetchone()[0]
        if not n:
            conn.execute(f"DELETE FROM overview_days {where}", key)
        else:
            first = conn.execute(f"SELECT utc, seq, entry_id FROM overview_facts {where} "
                                 "ORDER BY utc, seq LIMIT 1", key).fetchone()
            conn.execute("INSERT OR REPLACE INTO overview_days VALUES (?,?,?,?,?,?,?)",
                         (*key, n, *first))
        # the month from its (at most 31) day rows; each day has its own first time, so the
        # bare columns come from the row of min()
        month = (kind, level, day[:7])
        row = conn.execute("SELECT sum(n), min(first_utc), first_seq, first_id FROM overview_days "
                           "WHERE kind = ? AND level = ? AND day >= ? AND day < ?",
                           (kind, level, day[:7], day[:7] + "~")).fetchone()
        if not row[0]:
            conn.execute("DELETE FROM overview_months WHERE kind = ? AND level = ? AND month = ?",
                         month)
        else:
            conn.execute("INSERT OR REPLACE INTO overview_months VALUES (?,?,?,?,?,?,?)",
                         (*month, *row))

    def _money(self, day: str, currency: str) -> None:
        conn = self._db.conn
        amounts = [Decimal(r[0]) for r in conn.execute(
            "SELECT amount FROM overview_facts WHERE day = ? AND currency = ?", (day, currency))]
        if not amounts:
            conn.execute("DELETE FROM overview_money WHERE day = ? AND currency = ?",
                         (day, currency))
            return
        conn.execute("INSERT OR REPLACE INTO overview_money VALUES (?,?,?)",
                     (day, currency, str(sum(amounts, Decimal(0)))))

    def _channel(self, channel: str) -> None:
        conn = self._db.conn
        first = conn.execute("SELECT utc, seq, entry_id FROM overview_facts WHERE channel = ? "
                             "ORDER BY utc, seq LIMIT 1", (channel,)).fetchone()
        if first is None:
            conn.execute("DELETE FROM overview_channels WHERE channel = ?", (channel,))
        else:
            conn.execute("INSERT OR REPLACE INTO overview_channels VALUES (?,?,?,?)",
                         (channel, *first))

    # ------------------------------------------------------------------ rebuilding it
    def ensure_current(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Rebuild every table (one transaction) when made by another version; True if rebuilt.
        ``progress(done, total)`` follows the live entries; an exception it raises undoes it."""
        if self.current():
            return False
        with self._db.transaction():
            self._rebuild(progress)
        return True

    def _rebuild(self, progress: Callable[[int, int], None] | None = None) -> None:
        conn = self._db.conn
        for table in ("overview_facts", "overview_days", "overview_months", "overview_money",
                      "overview_channels"):
            conn.execute(f"DELETE FROM {table}")
        # Kind, time and channel of every entry from two covering indexes; the wide rows (whose
        # long details lie before these columns) only for requests, payments and gifts.
        channels = dict(conn.execute("SELECT id, channel FROM entries INDEXED BY entries_overview "
                                     "WHERE deleted_at IS NULL").fetchall())
        wide = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, task, target, summary, amount, value, currency, direction FROM entries "
            "WHERE deleted_at IS NULL AND kind IN ('request', 'payment', 'gift')")}
        none = (None,) * 7
        total, done = len(channels), 0
        cursor = conn.execute("SELECT id, seq, kind, occurred_utc FROM entries INDEXED BY "
                              "entries_kind_time WHERE deleted_at IS NULL")
        while True:
            if progress is not None:
                progress(done, total)
            rows = cursor.fetchmany(_BATCH)
            if not rows:
                break
            done += len(rows)
            conn.executemany("INSERT INTO overview_facts VALUES (?,?,?,?,?,?,?,?,?)", _facts(
                (*r, channels.get(r[0], ""), *wide.get(r[0], none), None) for r in rows))
        conn.execute(
            "INSERT INTO overview_days SELECT kind, level, day, n, utc, seq, entry_id FROM ("
            "SELECT kind, level, day, utc, seq, entry_id, "
            "count(*) OVER (PARTITION BY kind, level, day) AS n, "
            "row_number() OVER (PARTITION BY kind, level, day ORDER BY utc, seq) AS r "
            "FROM overview_facts) WHERE r = 1")
        conn.execute("INSERT INTO overview_months SELECT kind, level, substr(day, 1, 7) AS m, "
                     "sum(n), min(first_utc), first_seq, first_id FROM overview_days "
                     "GROUP BY kind, level, m")
        sums: dict[tuple[str, str], Decimal] = {}
        for day, cur, amount in conn.execute(
                "SELECT day, currency, amount FROM overview_facts WHERE currency IS NOT NULL"):
            sums[(day, cur)] = sums.get((day, cur), Decimal(0)) + Decimal(amount)
        conn.executemany("INSERT INTO overview_money VALUES (?,?,?)",
                         [(d, c, str(v)) for (d, c), v in sums.items()])
        conn.execute(
            "INSERT INTO overview_channels SELECT channel, utc, seq, entry_id FROM ("
            "SELECT channel, utc, seq, entry_id, "
            "row_number() OVER (PARTITION BY channel ORDER BY utc, seq) AS r "
            "FROM overview_facts WHERE channel != '') WHERE r = 1")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     (OVERVIEW_INDEX_META_KEY, self._want()))


def _facts(rows: Iterable[Sequence[Any]]) -> list[Fact]:
    return [f for f in (fact_of(r) for r in rows) if f is not None]
