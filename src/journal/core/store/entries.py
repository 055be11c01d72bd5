"""Entries (events): adding, editing (a new revision each time), trash and restore, listing with
filters for the lazy timeline, full-text search, history and money totals."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from journal.core import fields
from journal.core.codec import entry_to_json, iso, utc_iso
from journal.core.entryfields import validate_draft
from journal.core.errors import InputError, NotFoundError
from journal.core.models import KINDS, Entry, EntryDraft, Revision
from journal.core.store.db import Database, new_id
from journal.core.store.overview_index import OverviewIndex
from journal.core.store.persons import Persons
from journal.core.store.reader import EntryReader
from journal.core.store.revisions import Revisions
from journal.core.store.search_index import SearchIndex
from journal.core.store.signfacts import SignFacts
from journal.core.store.states import States
from journal.core.timeparse import utc_now


class Entries:
    def __init__(self, db: Database, states: States, revisions: Revisions, index: SearchIndex,
                 reader: EntryReader, persons: Persons, overview: OverviewIndex,
                 facts: SignFacts) -> None:
        self._db = db
        self._overview = overview
        self._facts = facts
        self._states = states
        self._revisions = revisions
        self._index = index
        self._reader = reader
        self._persons = persons

    # ------------------------------------------------------------------ changes
    def _validate(self, kind: str, d: EntryDraft, current: Entry | None) -> dict[str, Any]:
        if d.source_entry_id is not None:
            self._reader.row(d.source_entry_id)
        return validate_draft(kind, d, current)

    def _check_persons(self, person_ids: Sequence[str]) -> list[str]:
        out: list[str] = []
        for pid in person_ids:
            self._persons.get(pid)
            if pid not in out:
                out.append(pid)
        return out

    def add(self, draft: EntryDraft, *, import_id: str | None = None) -> Entry:
        kind = (draft.kind or "").strip().lower()
        values = self._validate(kind, draft, None)
        persons = self._check_persons(draft.persons or [])
        eid = new_id()
        now = iso(utc_now())
        values.update(id=eid, recorded_at=now, updated_at=now, revision=1, import_id=import_id)
        with self._db.transaction():
            cols = ", ".join(values)
            self._db.conn.execute(
                f"INSERT INTO entries({cols}) VALUES ({', '.join('?' * len(values))})",
                tuple(values.values()))
            self._set_persons(eid, persons)
            self._changed(eid, "create")
        return self.get(eid)

    def edit(self, entry_id: str, draft: EntryDraft) -> Entry:
        current = self.get(entry_id)
        kind = (draft.kind or current.kind).strip().lower()
        values = self._validate(kind, draft, current)
        persons = None if draft.persons is None else self._check_persons(draft.persons)
        with self._db.transaction():
            values.update(updated_at=iso(utc_now()))
            sets = ", ".join(f"{k} = ?" for k in values)
            self._db.conn.execute(
                f"UPDATE entries SET {sets}, revision = revision + 1 WHERE id = ?",
                (*values.values(), entry_id))
            if persons is not None:
                self._set_persons(entry_id, persons)
            self._changed(entry_id, "edit")
        return self.get(entry_id)

    def delete(self, entry_id: str) -> None:
        entry = self.get(entry_id)
        if entry.deleted:
            raise InputError("error.already_deleted", ref=entry_id)
        with self._db.transaction():
            self._db.conn.execute(
                "UPDATE entries SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
                (iso(utc_now()), entry_id))
            self._changed(entry_id, "delete")

    def restore(self, entry_id: str) -> None:
        entry = self.get(entry_id)
        if not entry.deleted:
            raise InputError("error.not_deleted", ref=entry_id)
        with self._db.transaction():
            self._db.conn.execute(
                "UPDATE entries SET deleted_at = NULL, revision = revision + 1 WHERE id = ?",
                (entry_id,))
            self._changed(entry_id, "restore")

    def _set_persons(self, entry_id: str, persons: Sequence[str]) -> None:
        conn = self._db.conn
        conn.execute("DELETE FROM entry_persons WHERE entry_id = ?", (entry_id,))
        conn.executemany(
            "INSERT INTO entry_persons(entry_id, person_id, position) VALUES (?,?,?)",
            [(entry_id, pid, i) for i, pid in enumerate(persons)])

    def _changed(self, entry_id: str, action: str) -> None:
        """Audit record, revision, search index and warning-sign facts for a changed entry
        (inside a transaction)."""
        state = self._states.record(action, "entry", entry_id)
        assert state is not None
        entry = self._reader.load([entry_id])[0]
        self._revisions.add("entry", entry_id, state["revision"], action, entry_to_json(entry))
        self._index.index_entry(entry)
        self._overview.entry_changed(entry_id)
        self._facts.write(entry)

    # ------------------------------------------------------------------ reading
    def resolve_id(self, ref: str) -> str:
        """An entry id from a full id or a unique prefix of at least 4 characters."""
        ref = (ref or "").strip()
        if self._db.one("SELECT 1 FROM entries WHERE id = ?", (ref,)):
            return ref
        if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref.lower()):
            rows = self._db.rows("SELECT id FROM entries WHERE id LIKE ? LIMIT 2",
                                 (ref.lower() + "%",))
            if len(rows) == 1:
                return str(rows[0][0])
        raise NotFoundError(what="entry", ref=ref, field="id")

    def get(self, entry_id: str) -> Entry:
        return self._reader.get(entry_id)

    def get_many(self, ids: Sequence[str]) -> list[Entry]:
        return self._reader.get_many(ids)

    def iterate(self, ids: Sequence[str]) -> Iterator[Entry]:
        return self._reader.iterate(ids)

    # ------------------------------------------------------------------ listing
    def _filter_sql(self, kinds: Sequence[str] | None, person_id: str | None,
                    since: datetime | None, until: datetime | None, include_deleted: bool,
                    only_deleted: bool, search: str | None) -> tuple[str, list[Any]] | None:
        where: list[str] = []
        params: list[Any] = []
        if only_deleted:
            where.append("e.deleted_at IS NOT NULL")
        elif not include_deleted:
            where.append("e.deleted_at IS NULL")
        if kinds:
            for k in kinds:
                if k not in KINDS:
                    raise InputError("error.unknown_kind", field="kind", kind=k, kinds=", ".join(KINDS))
            where.append(f"e.kind IN ({','.join('?' * len(kinds))})")
            params.extend(kinds)
        if person_id:
            where.append("e.id IN (SELECT entry_id FROM entry_persons WHERE person_id = ?)")
            params.append(person_id)
        if since:
            where.append("e.occurred_utc >= ?")
            params.append(utc_iso(since))
        if until:
            where.append("e.occurred_utc <= ?")
            params.append(utc_iso(until))
        if search is not None and search.strip():
            condition = self._index.entry_condition(search)
            if condition is None:
                return None
            where.append(condition[0])
            params.append(condition[1])
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def ids(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
            since: datetime | None = None, until: datetime | None = None,
            include_deleted: bool = False, only_deleted: bool = False,
            newest_first: bool = True, limit: int | None = None, offset: int = 0,
            search: str | None = None) -> list[str]:
        if (search is not None and search.strip() and not kinds and not person_id
                and since is None and until is None and not include_deleted and not only_deleted):
            # the search box's case: the index's matches put in time order (see live_matches)
            found = self._index.live_matches(search)
            if found is not None:
                if not newest_first:
                    found.reverse()
                return found if limit is None else found[offset:offset + limit]
        f = self._filter_sql(kinds, person_id, since, until, include_deleted, only_deleted, search)
        if f is None:
            return []
        where, params = f
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT e.id FROM entries e{where} ORDER BY e.occurred_utc {order}, e.seq {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return self._db.column(sql, params)

    def count(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
              since: datetime | None = None, until: datetime | None = None,
              include_deleted: bool = False, only_deleted: bool = False,
              search: str | None = None) -> int:
        if not (kinds or person_id or since or until or include_deleted or only_deleted
                or (search is not None and search.strip())):
            live = self._overview.live_count()  # every live entry: the overview's monthly totals
            if live is not None:
                return live
        f = self._filter_sql(kinds, person_id, since, until, include_deleted, only_deleted, search)
        if f is None:
            return 0
        where, params = f
        return int(self._db.one(f"SELECT count(*) FROM entries e{where}", params)[0])

    def find(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
             since: datetime | None = None, until: datetime | None = None,
             include_deleted: bool = False, only_deleted: bool = False,
             newest_first: bool = True, limit: int | None = None, offset: int = 0,
             search: str | None = None) -> list[Entry]:
        return self.get_many(self.ids(kinds, person_id, since, until, include_deleted,
                                      only_deleted, newest_first, limit, offset, search))

    def search(self, text: str, include_deleted: bool = False, limit: int | None = None) -> list[str]:
        """Ids of entries matching ``text`` (all words), newest first; nothing for empty text."""
        if not self._index.has_terms(text):
            return []
        return self.ids(search=text, include_deleted=include_deleted, limit=limit)

    def history(self, entry_id: str) -> list[Revision]:
        self._reader.row(entry_id)
        return self._revisions.of("entry", entry_id)

    def totals(self, entries: Sequence[Entry] | None = None,
               person_id: str | None = None) -> dict[str, dict[str, Decimal]]:
        """Sums per currency in the buckets of ``fields.TOTAL_BUCKETS``: received, sent, promised
        (payments), gifts (values), offered (pay offered in requests).

        Over ``entries`` when given; otherwise over the whole journal (or one person's entries)
        with a narrow query that reads only the money columns, so it stays quick at 100,000 entries.
        """
        out: dict[str, dict[str, Decimal]] = {k: {} for k in fields.BUCKET_IDS}

        def add(bucket: str, amount: Decimal | str | None, currency: str | None) -> None:
            if amount is None or amount == "":
                return
            cur = currency or "CNY"
            out[bucket][cur] = out[bucket].get(cur, Decimal(0)) + Decimal(amount)

        if entries is None:
            kinds = sorted({b.kind for b in fields.TOTAL_BUCKETS})
            sql = ("SELECT kind, direction, amount, value, currency FROM entries e"
                   f" WHERE e.deleted_at IS NULL AND e.kind IN ({', '.join('?' * len(kinds))})")
            params: list[Any] = list(kinds)
            if person_id:
                sql += " AND e.id IN (SELECT entry_id FROM entry_persons WHERE person_id = ?)"
                params.append(person_id)
            rows: Sequence[Any] = self._db.rows(sql, params)
        else:
            rows = [(e.kind, e.direction, e.amount, e.value, e.currency) for e in entries
                    if not e.deleted]
        for kind, direction, amount, value, currency in rows:
            bucket = fields.bucket_for(kind, direction)
            if bucket is not None:
                add(bucket.id, {"amount": amount, "value": value}[bucket.field], currency)
        return out
