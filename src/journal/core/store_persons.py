"""Persons (the counterparts) of a journal: a mixin of :class:`journal.core.store.Journal`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from journal.core.codec import iso, person_from_row, person_to_json
from journal.core.errors import InputError, NotFoundError
from journal.core.models import HANDLE_KINDS, Handle, Person
from journal.core.search import fts_query, index_text
from journal.core.store_base import StoreBase
from journal.core.timeparse import utc_now

MAX_NAME = 500
MAX_TEXT = 1_000_000


class PersonsMixin(StoreBase):
    """Needs from the journal: _db, _one, _rows, transaction, _record, new ids, _reindex_person_entries."""

    def _check_person_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "name" in fields:
            name = (fields["name"] or "").strip()
            if not name:
                raise InputError("error.name_required", field="name")
            if len(name) > MAX_NAME:
                raise InputError("error.too_long", field="name", what="name", n=MAX_NAME)
            out["name"] = name
        if "aliases" in fields:
            out["aliases"] = json.dumps([a.strip() for a in fields["aliases"] or [] if a and a.strip()],
                                        ensure_ascii=False)
        if "handles" in fields:
            handles = []
            for h in fields["handles"] or []:
                kind, value = (h.kind, h.value) if isinstance(h, Handle) else (h["kind"], h["value"])
                kind = (kind or "").strip().lower()
                value = (value or "").strip()
                if kind not in HANDLE_KINDS or not value:
                    raise InputError("error.bad_handle", field="handles", text=f"{kind}:{value}",
                                     kinds=", ".join(HANDLE_KINDS))
                handles.append({"kind": kind, "value": value})
            out["handles"] = json.dumps(handles, ensure_ascii=False)
        for name in ("role", "organisation", "platform", "notes"):
            if name in fields:
                value = (fields[name] or "").strip()
                if len(value) > MAX_TEXT:
                    raise InputError("error.too_long", field=name, what=name, n=MAX_TEXT)
                out[name] = value
        return out

    def add_person(self, name: str, aliases: Sequence[str] = (), role: str = "",
                   organisation: str = "", platform: str = "",
                   handles: Sequence[Handle] = (), notes: str = "") -> Person:
        values = self._check_person_fields(dict(
            name=name, aliases=list(aliases), role=role, organisation=organisation,
            platform=platform, handles=list(handles), notes=notes))
        pid = self._new_id()
        now = iso(utc_now())
        with self.transaction():
            self._db.execute(
                "INSERT INTO persons(id, name, aliases, role, organisation, platform, handles, notes,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (pid, values["name"], values["aliases"], values["role"], values["organisation"],
                 values["platform"], values["handles"], values["notes"], now, now))
            self._person_changed(pid, "create")
        return self.get_person(pid)

    def update_person(self, person_id: str, **fields: Any) -> Person:
        self.get_person(person_id)
        unknown = set(fields) - {"name", "aliases", "role", "organisation", "platform", "handles", "notes"}
        if unknown:
            raise InputError("error.input", detail=", ".join(sorted(unknown)))
        values = self._check_person_fields(fields)
        if not values:
            return self.get_person(person_id)
        with self.transaction():
            sets = ", ".join(f"{k} = ?" for k in values)
            self._db.execute(
                f"UPDATE persons SET {sets}, updated_at = ?, revision = revision + 1 WHERE id = ?",
                (*values.values(), iso(utc_now()), person_id))
            self._person_changed(person_id, "edit")
            self._reindex_person_entries(person_id)
        return self.get_person(person_id)

    def delete_person(self, person_id: str) -> None:
        self.get_person(person_id)
        with self.transaction():
            self._db.execute("UPDATE persons SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
                             (iso(utc_now()), person_id))
            self._person_changed(person_id, "delete")

    def restore_person(self, person_id: str) -> None:
        self.get_person(person_id)
        with self.transaction():
            self._db.execute("UPDATE persons SET deleted_at = NULL, revision = revision + 1 WHERE id = ?",
                             (person_id,))
            self._person_changed(person_id, "restore")

    def _person_changed(self, person_id: str, action: str) -> None:
        state = self._record(action, "person", person_id)
        assert state is not None
        self._db.execute(
            "INSERT INTO revisions(object_type, object_id, revision, saved_at, action, data)"
            " VALUES ('person', ?, ?, ?, ?, ?)",
            (person_id, state["revision"], iso(utc_now()), action,
             json.dumps(person_to_json(person_from_row(state)), ensure_ascii=False)))
        rowid = self._db.execute("SELECT rowid FROM persons WHERE id = ?", (person_id,)).fetchone()[0]
        self._db.execute("DELETE FROM person_fts WHERE rowid = ?", (rowid,))
        p = person_from_row(state)
        self._db.execute("INSERT INTO person_fts(rowid, body) VALUES (?, ?)", (rowid, index_text(
            p.name, " ".join(p.aliases), p.role, p.organisation, p.platform,
            " ".join(h.value for h in p.handles), p.notes)))

    def get_person(self, person_id: str) -> Person:
        row = self._one("SELECT * FROM persons WHERE id = ?", (person_id,))
        if row is None:
            raise NotFoundError(what="person", ref=person_id, field="person")
        return person_from_row(row)

    def list_persons(self, include_deleted: bool = False) -> list[Person]:
        sql = "SELECT * FROM persons" + ("" if include_deleted else " WHERE deleted_at IS NULL")
        persons = [person_from_row(r) for r in self._rows(sql)]
        persons.sort(key=lambda p: p.name.casefold())
        return persons

    def find_person(self, ref: str) -> Person | None:
        """A person by id, by name or by alias (case-insensitive); None when nobody matches."""
        ref = (ref or "").strip()
        if not ref:
            return None
        row = self._one("SELECT * FROM persons WHERE id = ?", (ref,))
        if row is not None:
            return person_from_row(row)
        folded = ref.casefold()
        matches = [p for p in self.list_persons() if p.name.casefold() == folded]
        if not matches:
            matches = [p for p in self.list_persons() if folded in (a.casefold() for a in p.aliases)]
        if len(matches) > 1:
            raise InputError("error.ambiguous_person", field="person", ref=ref)
        return matches[0] if matches else None

    def person_for_name(self, name: str) -> Person:
        """Find a person by id/name/alias, or create one with that name."""
        return self.find_person(name) or self.add_person(name)

    def search_persons(self, text: str) -> list[str]:
        query = fts_query(text)
        if query is None:
            return []
        rows = self._rows(
            "SELECT p.id FROM person_fts f JOIN persons p ON p.rowid = f.rowid"
            " WHERE person_fts MATCH ? AND p.deleted_at IS NULL ORDER BY p.name", (query,))
        return [r[0] for r in rows]

