"""Entries (events) of a journal: a mixin of :class:`journal.core.store.Journal`.

Adding, editing (a new revision each time), trash and restore, listing with filters for the lazy
timeline, full-text search, history and money totals.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from journal.core.codec import (
    attachment_from_row,
    entry_from_row,
    entry_to_json,
    iso,
    parse_iso,
    person_from_row,
    utc_iso,
)
from journal.core.entryfields import validate_draft
from journal.core.errors import InputError, NotFoundError
from journal.core.models import KINDS, Attachment, Entry, EntryDraft, Person, Revision
from journal.core.search import fts_query, index_text
from journal.core.store_base import StoreBase
from journal.core.timeparse import utc_now

_BATCH = 500


class EntriesMixin(StoreBase):
    def _validate(self, kind: str, d: EntryDraft, current: Entry | None) -> dict[str, Any]:
        if d.source_entry_id is not None:
            self._entry_row(d.source_entry_id)
        return validate_draft(kind, d, current)

    def _check_persons(self, person_ids: Sequence[str]) -> list[str]:
        out = []
        for pid in person_ids:
            self.get_person(pid)
            if pid not in out:
                out.append(pid)
        return out

    def add_entry(self, draft: EntryDraft, *, import_id: str | None = None) -> Entry:
        kind = (draft.kind or "").strip().lower()
        values = self._validate(kind, draft, None)
        persons = self._check_persons(draft.persons or [])
        eid = self._new_id()
        now = iso(utc_now())
        values.update(id=eid, recorded_at=now, updated_at=now, revision=1, import_id=import_id)
        with self.transaction():
            cols = ", ".join(values)
            self._db.execute(f"INSERT INTO entries({cols}) VALUES ({', '.join('?' * len(values))})",
                             tuple(values.values()))
            self._set_entry_persons(eid, persons)
            self._entry_changed(eid, "create")
        return self.get_entry(eid)

    def edit_entry(self, entry_id: str, draft: EntryDraft) -> Entry:
        current = self.get_entry(entry_id)
        kind = (draft.kind or current.kind).strip().lower()
        values = self._validate(kind, draft, current)
        persons = None if draft.persons is None else self._check_persons(draft.persons)
        with self.transaction():
            values.update(updated_at=iso(utc_now()))
            sets = ", ".join(f"{k} = ?" for k in values)
            self._db.execute(f"UPDATE entries SET {sets}, revision = revision + 1 WHERE id = ?",
                             (*values.values(), entry_id))
            if persons is not None:
                self._set_entry_persons(entry_id, persons)
            self._entry_changed(entry_id, "edit")
        return self.get_entry(entry_id)

    def delete_entry(self, entry_id: str) -> None:
        entry = self.get_entry(entry_id)
        if entry.deleted:
            raise InputError("error.already_deleted", ref=entry_id)
        with self.transaction():
            self._db.execute("UPDATE entries SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
                             (iso(utc_now()), entry_id))
            self._entry_changed(entry_id, "delete")

    def restore_entry(self, entry_id: str) -> None:
        entry = self.get_entry(entry_id)
        if not entry.deleted:
            raise InputError("error.not_deleted", ref=entry_id)
        with self.transaction():
            self._db.execute("UPDATE entries SET deleted_at = NULL, revision = revision + 1 WHERE id = ?",
                             (entry_id,))
            self._entry_changed(entry_id, "restore")

    def _set_entry_persons(self, entry_id: str, persons: Sequence[str]) -> None:
        self._db.execute("DELETE FROM entry_persons WHERE entry_id = ?", (entry_id,))
        self._db.executemany(
            "INSERT INTO entry_persons(entry_id, person_id, position) VALUES (?,?,?)",
            [(entry_id, pid, i) for i, pid in enumerate(persons)])

    def _entry_changed(self, entry_id: str, action: str) -> None:
        """Revision, audit record and search index for a changed entry (inside a transaction)."""
        state = self._record(action, "entry", entry_id)
        assert state is not None
        entry = self._load_entries([entry_id])[0]
        self._db.execute(
            "INSERT INTO revisions(object_type, object_id, revision, saved_at, action, data)"
            " VALUES ('entry', ?, ?, ?, ?, ?)",
            (entry_id, state["revision"], iso(utc_now()), action,
             json.dumps(entry_to_json(entry), ensure_ascii=False)))
        self._reindex_entry(entry)

    def _reindex_entry(self, entry: Entry) -> None:
        seq = self._db.execute("SELECT seq FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
        persons = self._persons_by_id(entry.persons)
        person_text = " ".join(
            " ".join([p.name, *p.aliases, *(h.value for h in p.handles)]) for p in persons)
        att_text = " ".join(f"{a.filename} {a.caption}" for a in entry.attachments)
        money = " ".join(str(x) for x in (entry.amount, entry.value) if x is not None)
        fields = " ".join(str(getattr(entry, n) or "") for n in (
            "currency", "item", "task", "target", "reported_to", "reference", "officer"))
        body = index_text(entry.summary, entry.details, person_text, entry.channel, entry.location,
                          " ".join(entry.tags), " ".join(entry.witnesses), att_text, money, fields)
        self._db.execute("DELETE FROM entry_fts WHERE rowid = ?", (seq,))
        self._db.execute("INSERT INTO entry_fts(rowid, body) VALUES (?, ?)", (seq, body))

    def _persons_by_id(self, ids: Sequence[str]) -> list[Person]:
        """The persons of ``ids`` in that order, in one query."""
        if not ids:
            return []
        rows = self._db.execute(
            f"SELECT * FROM persons WHERE id IN ({','.join('?' * len(ids))})", list(ids)).fetchall()
        found = {r["id"]: person_from_row(r) for r in rows}
        return [found[i] for i in ids if i in found]

    def _reindex_person_entries(self, person_id: str) -> None:
        ids = [r[0] for r in self._db.execute(
            "SELECT entry_id FROM entry_persons WHERE person_id = ?", (person_id,))]
        for i in range(0, len(ids), _BATCH):
            for entry in self._load_entries(ids[i:i + _BATCH]):
                self._reindex_entry(entry)

    def _entry_row(self, entry_id: str) -> Any:
        row = self._one("SELECT * FROM entries WHERE id = ?", (entry_id,))
        if row is None:
            raise NotFoundError(what="entry", ref=entry_id, field="id")
        return row

    def resolve_entry_id(self, ref: str) -> str:
        """An entry id from a full id or a unique prefix of at least 4 characters."""
        ref = (ref or "").strip()
        if self._one("SELECT 1 FROM entries WHERE id = ?", (ref,)):
            return ref
        if len(ref) >= 4 and all(c in "0123456789abcdef" for c in ref.lower()):
            rows = self._rows("SELECT id FROM entries WHERE id LIKE ? LIMIT 2", (ref.lower() + "%",))
            if len(rows) == 1:
                return rows[0][0]
        raise NotFoundError(what="entry", ref=ref, field="id")

    def get_entry(self, entry_id: str) -> Entry:
        self._entry_row(entry_id)
        return self._load_entries([entry_id])[0]

    def get_entries(self, ids: Sequence[str]) -> list[Entry]:
        """Entries in the order given (unknown ids are skipped), loaded in batches."""
        out: list[Entry] = []
        for i in range(0, len(ids), _BATCH):
            out.extend(self._load_entries(list(ids[i:i + _BATCH])))
        return out

    def _load_entries(self, ids: list[str]) -> list[Entry]:
        if not ids:
            return []
        with self._lock:
            marks = ",".join("?" * len(ids))
            rows = {r["id"]: r for r in self._db.execute(
                f"SELECT * FROM entries WHERE id IN ({marks})", ids)}
            persons: dict[str, list[tuple[str, str]]] = {}
            for r in self._db.execute(
                    f"SELECT ep.entry_id, p.id, p.name FROM entry_persons ep JOIN persons p"
                    f" ON p.id = ep.person_id WHERE ep.entry_id IN ({marks}) ORDER BY ep.position",
                    ids):
                persons.setdefault(r[0], []).append((r[1], r[2]))
            atts: dict[str, list[Attachment]] = {}
            for r in self._db.execute(
                    f"SELECT * FROM attachments WHERE entry_id IN ({marks}) AND removed_at IS NULL"
                    f" ORDER BY added_at, id", ids):
                atts.setdefault(r["entry_id"], []).append(attachment_from_row(r))
        out = []
        for eid in ids:
            row = rows.get(eid)
            if row is None:
                continue
            entry = entry_from_row(row)
            entry.persons = [p[0] for p in persons.get(eid, [])]
            entry.person_names = [p[1] for p in persons.get(eid, [])]
            entry.attachments = atts.get(eid, [])
            out.append(entry)
        return out

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
            query = fts_query(search)
            if query is None:
                return None
            # "+" keeps the planner from looking every match up in the wide table and sorting them:
            # it walks the (covering) time index instead and probes the set of matches.
            where.append("+e.seq IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)")
            params.append(query)
        return (" WHERE " + " AND ".join(where)) if where else "", params

    def entry_ids(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
                  since: datetime | None = None, until: datetime | None = None,
                  include_deleted: bool = False, only_deleted: bool = False,
                  newest_first: bool = True, limit: int | None = None, offset: int = 0,
                  search: str | None = None) -> list[str]:
        f = self._filter_sql(kinds, person_id, since, until, include_deleted, only_deleted, search)
        if f is None:
            return []
        where, params = f
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT e.id FROM entries e{where} ORDER BY e.occurred_utc {order}, e.seq {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return self._column(sql, params)

    def count_entries(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
                      since: datetime | None = None, until: datetime | None = None,
                      include_deleted: bool = False, only_deleted: bool = False,
                      search: str | None = None) -> int:
        f = self._filter_sql(kinds, person_id, since, until, include_deleted, only_deleted, search)
        if f is None:
            return 0
        where, params = f
        return int(self._one(f"SELECT count(*) FROM entries e{where}", params)[0])

    def list_entries(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
                     since: datetime | None = None, until: datetime | None = None,
                     include_deleted: bool = False, only_deleted: bool = False,
                     newest_first: bool = True, limit: int | None = None, offset: int = 0,
                     search: str | None = None) -> list[Entry]:
        return self.get_entries(self.entry_ids(kinds, person_id, since, until, include_deleted,
                                               only_deleted, newest_first, limit, offset, search))

    def search(self, text: str, include_deleted: bool = False, limit: int | None = None) -> list[str]:
        """Ids of entries matching ``text`` (all words), newest first; nothing for empty text."""
        if fts_query(text) is None:
            return []
        return self.entry_ids(search=text, include_deleted=include_deleted, limit=limit)

    def history(self, entry_id: str) -> list[Revision]:
        self._entry_row(entry_id)
        return [
            Revision(revision=r["revision"], saved_at=parse_iso(r["saved_at"]),  # type: ignore[arg-type]
                     action=r["action"], data=json.loads(r["data"]))
            for r in self._rows(
                "SELECT * FROM revisions WHERE object_type = 'entry' AND object_id = ? ORDER BY id",
                (entry_id,))
        ]

    def person_history(self, person_id: str) -> list[Revision]:
        return [
            Revision(revision=r["revision"], saved_at=parse_iso(r["saved_at"]),  # type: ignore[arg-type]
                     action=r["action"], data=json.loads(r["data"]))
            for r in self._rows(
                "SELECT * FROM revisions WHERE object_type = 'person' AND object_id = ? ORDER BY id",
                (person_id,))
        ]

    def totals(self, entries: Sequence[Entry] | None = None,
               person_id: str | None = None) -> dict[str, dict[str, Decimal]]:
        """Sums per currency: received, sent, promised (payments), gifts (values), offered.

        Over ``entries`` when given; otherwise over the whole journal (or one person's entries)
        with a narrow query that reads only the money columns, so it stays quick at 100,000 entries.
        """
        out: dict[str, dict[str, Decimal]] = {k: {} for k in
                                              ("received", "sent", "promised", "gifts", "offered")}

        def add(bucket: str, amount: Decimal | str | None, currency: str | None) -> None:
            if amount is None or amount == "":
                return
            cur = currency or "CNY"
            out[bucket][cur] = out[bucket].get(cur, Decimal(0)) + Decimal(amount)

        if entries is None:
            sql = ("SELECT kind, direction, amount, value, currency FROM entries e"
                   " WHERE e.deleted_at IS NULL AND e.kind IN ('payment', 'gift', 'request')")
            params: list[Any] = []
            if person_id:
                sql += " AND e.id IN (SELECT entry_id FROM entry_persons WHERE person_id = ?)"
                params.append(person_id)
            rows: Sequence[Any] = self._rows(sql, params)
        else:
            rows = [(e.kind, e.direction, e.amount, e.value, e.currency) for e in entries
                    if not e.deleted]
        for kind, direction, amount, value, currency in rows:
            if kind == "payment" and direction in ("received", "sent", "promised"):
                add(direction, amount, currency)
            elif kind == "gift":
                add("gifts", value, currency)
            elif kind == "request":
                add("offered", amount, currency)
        return out
