"""Persons (the counterparts): adding, editing, trash and restore, finding by id, name or alias."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from journal.core.codec import iso, person_from_row, person_to_json
from journal.core.errors import InputError, NotFoundError
from journal.core.models import HANDLE_KINDS, Handle, Person, Revision
from journal.core.store.db import Database, new_id
from journal.core.store.revisions import Revisions
from journal.core.store.search_index import SearchIndex
from journal.core.store.states import States
from journal.core.timeparse import utc_now

MAX_NAME = 500
MAX_TEXT = 1_000_000


class Persons:
    def __init__(self, db: Database, states: States, revisions: Revisions,
                 index: SearchIndex) -> None:
        self._db = db
        self._states = states
        self._revisions = revisions
        self._index = index

    @staticmethod
    def _check_fields(fields: dict[str, Any]) -> dict[str, Any]:
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

    def add(self, name: str, aliases: Sequence[str] = (), role: str = "",
            organisation: str = "", platform: str = "",
            handles: Sequence[Handle] = (), notes: str = "") -> Person:
        values = self._check_fields({
            "name": name, "aliases": list(aliases), "role": role, "organisation": organisation,
            "platform": platform, "handles": list(handles), "notes": notes})
        pid = new_id()
        now = iso(utc_now())
        with self._db.transaction():
            self._db.conn.execute(
                "INSERT INTO persons(id, name, aliases, role, organisation, platform, handles, notes,"
                " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (pid, values["name"], values["aliases"], values["role"], values["organisation"],
                 values["platform"], values["handles"], values["notes"], now, now))
            self._changed(pid, "create")
        return self.get(pid)

    def update(self, person_id: str, **fields: Any) -> Person:
        self.get(person_id)
        unknown = set(fields) - {"name", "aliases", "role", "organisation", "platform", "handles", "notes"}
        if unknown:
            raise InputError("error.input", detail=", ".join(sorted(unknown)))
        values = self._check_fields(fields)
        if not values:
            return self.get(person_id)
        with self._db.transaction():
            sets = ", ".join(f"{k} = ?" for k in values)
            self._db.conn.execute(
                f"UPDATE persons SET {sets}, updated_at = ?, revision = revision + 1 WHERE id = ?",
                (*values.values(), iso(utc_now()), person_id))
            self._changed(person_id, "edit")
            self._index.index_entries_of_person(person_id)
        return self.get(person_id)

    def delete(self, person_id: str) -> None:
        self.get(person_id)
        with self._db.transaction():
            self._db.conn.execute("UPDATE persons SET deleted_at = ?, revision = revision + 1 WHERE id = ?",
                             (iso(utc_now()), person_id))
            self._changed(person_id, "delete")

    def restore(self, person_id: str) -> None:
        self.get(person_id)
        with self._db.transaction():
            self._db.conn.execute("UPDATE persons SET deleted_at = NULL, revision = revision + 1 WHERE id = ?",
                             (person_id,))
            self._changed(person_id, "restore")

    def _changed(self, person_id: str, action: str) -> None:
        """Audit record, revision and search index for a changed person (inside a transaction)."""
        state = self._states.record(action, "person", person_id)
        assert state is not None
        person = person_from_row(state)
        self._revisions.add("person", person_id, state["revision"], action, person_to_json(person))
        self._index.index_person(person)

    def get(self, person_id: str) -> Person:
        row = self._db.one("SELECT * FROM persons WHERE id = ?", (person_id,))
        if row is None:
            raise NotFoundError(what="person", ref=person_id, field="person")
        return person_from_row(row)

    def all(self, include_deleted: bool = False) -> list[Person]:
        sql = "SELECT * FROM persons" + ("" if include_deleted else " WHERE deleted_at IS NULL")
        persons = [person_from_row(r) for r in self._db.rows(sql)]
        persons.sort(key=lambda p: p.name.casefold())
        return persons

    def find(self, ref: str) -> Person | None:
        """A person by id, by name or by alias (case-insensitive); None when nobody matches."""
        ref = (ref or "").strip()
        if not ref:
            return None
        row = self._db.one("SELECT * FROM persons WHERE id = ?", (ref,))
        if row is not None:
            return person_from_row(row)
        folded = ref.casefold()
        matches = [p for p in self.all() if p.name.casefold() == folded]
        if not matches:
            matches = [p for p in self.all() if folded in (a.casefold() for a in p.aliases)]
        if len(matches) > 1:
            raise InputError("error.ambiguous_person", field="person", ref=ref)
        return matches[0] if matches else None

    def for_name(self, name: str) -> Person:
        """Find a person by id/name/alias, or create one with that name."""
        return self.find(name) or self.add(name)

    def search(self, text: str) -> list[str]:
        return self._index.person_ids(text)

    def history(self, person_id: str) -> list[Revision]:
        return self._revisions.of("person", person_id)
