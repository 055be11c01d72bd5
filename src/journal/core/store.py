"""The journal file: one SQLCipher 4 database keyed from the passphrase with Argon2id.

Every change runs in one transaction with its revision and its audit record; a failure leaves the
journal as it was. WAL with ``synchronous=FULL`` makes every acknowledged commit durable.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from journal.core import audit, crypto, schema
from journal.core.codec import (
    ATTACHMENT_COLUMNS,
    ENTRY_COLUMNS,
    PERSON_COLUMNS,
    attachment_from_row,
    entry_from_row,
    entry_to_json,
    iso,
    parse_iso,
    person_from_row,
    person_to_json,
    utc_iso,
)
from journal.core.errors import (
    InputError,
    JournalError,
    NotAJournalError,
    NotFoundError,
    WrongPassphraseError,
)
from journal.core.models import (
    ANY_KIND_FIELDS,
    HANDLE_KINDS,
    INITIATORS,
    KIND_FIELDS,
    KINDS,
    MEDIA,
    PAYMENT_DIRECTIONS,
    PAYMENT_METHODS,
    REQUEST_STATUSES,
    Attachment,
    AuditRecord,
    Entry,
    EntryDraft,
    Handle,
    Person,
    Revision,
    VerifyResult,
)
from journal.core.money import check_currency, parse_amount
from journal.core.search import fts_query, index_text
from journal.core.timeparse import check_precision, utc_now

log = logging.getLogger(__name__)

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
MAX_SUMMARY = 500
MAX_TEXT = 1_000_000
_BATCH = 500
T = TypeVar("T")

_cipher_log_silenced = False


def _silence_cipher_log() -> None:
    """SQLCipher prints error lines to stderr on a wrong key; silence them once per process."""
    global _cipher_log_silenced
    if _cipher_log_silenced:
        return
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()
    _cipher_log_silenced = True


def new_id() -> str:
    return secrets.token_hex(6)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Journal:
    """An open, unlocked journal. Not a context of its own thread: guarded by a lock."""

    def __init__(self, path: Path, conn: Any, key: bytes, header: bytes) -> None:
        self.path = Path(path)
        self._conn = conn
        self._key = key
        self._header = header
        self._lock = threading.RLock()
        self._depth = 0
        self._listeners: list[Callable[[str, str], None]] = []

    # ------------------------------------------------------------------ opening and closing
    @classmethod
    def create(cls, path: os.PathLike[str] | str, passphrase: str,
               kdf: crypto.KdfParams | None = None) -> Journal:
        """Create a new journal file (owner-only permissions). Refuses an existing file."""
        path = Path(path)
        crypto.check_new_passphrase(passphrase)
        if path.exists():
            raise InputError("error.file_exists", path=str(path))
        params = kdf or crypto.calibrate()
        header = crypto.make_header(params)
        key = crypto.derive_key(passphrase, header)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except FileExistsError:
            raise InputError("error.file_exists", path=str(path)) from None
        except OSError:
            raise InputError("error.not_writable", path=str(path)) from None
        try:
            conn = cls._connect(path, key, header)
            conn.execute("BEGIN IMMEDIATE")
            schema.create(conn)
            now = utc_now()
            conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (iso(now),))
            conn.execute("INSERT INTO meta(key, value) VALUES ('journal_id', ?)", (new_id(),))
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                conn.close()  # type: ignore[possibly-undefined]
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(str(path) + suffix)
            raise
        journal = cls(path, conn, key, header)
        journal._audit("create", "journal", "journal", "")
        return journal

    @staticmethod
    def read_header(path: os.PathLike[str] | str) -> bytes:
        return crypto.read_header(path)

    @classmethod
    def derive(cls, path: os.PathLike[str] | str, passphrase: str) -> bytes:
        """Key derivation alone (slow, ~0.5-1 s): the window runs it off the UI thread."""
        if not passphrase:
            raise WrongPassphraseError()
        header = crypto.read_header(path)
        return crypto.derive_key(passphrase, header)

    @classmethod
    def open(cls, path: os.PathLike[str] | str, passphrase: str) -> Journal:
        return cls.open_with_key(path, cls.derive(path, passphrase))

    @classmethod
    def open_with_key(cls, path: os.PathLike[str] | str, key: bytes,
                      backup_dir: Path | None = None) -> Journal:
        path = Path(path)
        header = crypto.read_header(path)
        if not os.access(path, os.R_OK | os.W_OK):
            raise InputError("error.file_unreadable", path=str(path))
        conn = cls._connect(path, key, header, check=True)
        journal = cls(path, conn, key, header)
        try:
            journal._migrate_if_needed(backup_dir)
        except BaseException:
            conn.close()
            raise
        return journal

    @classmethod
    def _connect(cls, path: Path, key: bytes, header: bytes, check: bool = False) -> Any:
        _silence_cipher_log()
        try:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlcipher3.Error:
            raise NotAJournalError() from None
        try:
            conn.execute(f"PRAGMA key = {crypto.sqlcipher_key_literal(key, header)}")
            if check:
                try:
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except sqlcipher3.DatabaseError:
                    raise (NotAJournalError() if _key_fits_other_pages(path, key, header)
                           else WrongPassphraseError()) from None
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")  # no temporary files, encrypted or not
            conn.execute("PRAGMA cache_size = -16000")
            conn.execute("PRAGMA secure_delete = ON")
        except JournalError:
            conn.close()
            raise
        except sqlcipher3.DatabaseError:
            conn.close()
            raise NotAJournalError() from None
        conn.row_factory = sqlcipher3.Row
        return conn

    def _migrate_if_needed(self, backup_dir: Path | None) -> None:
        try:
            version = self.schema_version()
            tables = {r[0] for r in self._conn.execute("SELECT name FROM sqlite_master")}
        except sqlcipher3.DatabaseError:
            raise NotAJournalError() from None
        if version == 0 or "entries" not in tables:
            raise NotAJournalError()
        if version > schema.CURRENT_VERSION:
            raise JournalError("error.journal_newer", found=version)
        if version < schema.CURRENT_VERSION:
            from journal.core import backup as backups

            target_dir = backup_dir or backups.default_dir()
            backups.make_backup(self, target_dir, reason=f"before-migration-v{version}")
            with self.transaction():
                schema.migrate(self._conn, version)
                self._audit("migrate", "journal", "journal", str(schema.CURRENT_VERSION))
            log.info("journal migrated from schema %d to %d", version, schema.CURRENT_VERSION)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.close()
                self._conn = None
            self._key = b"\x00" * 32

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def _db(self) -> Any:
        if self._conn is None:
            raise JournalError("error.locked")
        return self._conn

    # ------------------------------------------------------------------ transactions
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All changes inside commit together or not at all (nestable)."""
        with self._lock:
            db = self._db
            if self._depth == 0:
                db.execute("BEGIN IMMEDIATE")
            else:
                db.execute(f"SAVEPOINT sp{self._depth}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    db.execute("ROLLBACK")
                else:
                    db.execute(f"ROLLBACK TO sp{self._depth}")
                    db.execute(f"RELEASE sp{self._depth}")
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    db.execute("COMMIT")
                    self._notify()
                else:
                    db.execute(f"RELEASE sp{self._depth}")

    def add_listener(self, callback: Callable[[str, str], None]) -> None:
        """Called after each commit (used by views to refresh)."""
        self._listeners.append(callback)

    def _notify(self) -> None:
        for cb in list(self._listeners):
            try:
                cb("changed", "")
            except Exception:  # a view's bug must not undo a committed change
                log.exception("listener failed")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self._db.execute(sql, params).fetchone()

    # ------------------------------------------------------------------ audit
    def _audit(self, action: str, object_type: str, object_id: str, object_digest: str) -> None:
        db = self._db
        last = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq = (last[0] + 1) if last else 1
        prev = last[1] if last else audit.GENESIS
        at = utc_iso(utc_now())
        h = audit.record_hash(prev, seq, at, action, object_type, object_id, object_digest)
        db.execute(
            "INSERT INTO audit(seq, at, action, object_type, object_id, digest, prev_hash, hash)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (seq, at, action, object_type, object_id, object_digest, prev, h),
        )

    def head_hash(self) -> str:
        row = self._one("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1")
        return row[0] if row else audit.GENESIS

    def audit_records(self) -> list[AuditRecord]:
        return [
            AuditRecord(seq=r["seq"], at=parse_iso(r["at"]), action=r["action"],  # type: ignore[arg-type]
                        object_type=r["object_type"], object_id=r["object_id"],
                        digest=r["digest"], prev_hash=r["prev_hash"], hash=r["hash"])
            for r in self._rows("SELECT * FROM audit ORDER BY seq")
        ]

    def verify(self, progress: Callable[[int, int], None] | None = None) -> VerifyResult:
        from journal.core.integrity import verify

        return verify(self, progress)

    # state digests (what the audit chain vouches for)
    def _entry_state(self, entry_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            return None
        state = {c: row[c] for c in ENTRY_COLUMNS}
        state["persons"] = [r[0] for r in self._db.execute(
            "SELECT person_id FROM entry_persons WHERE entry_id = ? ORDER BY position", (entry_id,))]
        return state

    def _person_state(self, person_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM persons WHERE id = ?", (person_id,)).fetchone()
        return None if row is None else {c: row[c] for c in PERSON_COLUMNS}

    def _attachment_state(self, att_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM attachments WHERE id = ?", (att_id,)).fetchone()
        return None if row is None else {c: row[c] for c in ATTACHMENT_COLUMNS}

    def _import_state(self, import_id: str) -> dict[str, Any] | None:
        row = self._db.execute("SELECT * FROM imports WHERE id = ?", (import_id,)).fetchone()
        if row is None:
            return None
        state = dict(zip(row.keys(), tuple(row)))
        state["messages_list"] = [tuple(r) for r in self._db.execute(
            "SELECT id, entry_id, position, sent_at, sender, text FROM messages"
            " WHERE import_id = ? ORDER BY id", (import_id,))]
        return state

    def _state(self, object_type: str, object_id: str) -> dict[str, Any] | None:
        return {
            "entry": self._entry_state, "person": self._person_state,
            "attachment": self._attachment_state, "import": self._import_state,
        }[object_type](object_id)

    def _record(self, action: str, object_type: str, object_id: str) -> dict[str, Any] | None:
        state = self._state(object_type, object_id)
        self._audit(action, object_type, object_id, audit.digest(state) if state else "")
        return state

    # ------------------------------------------------------------------ persons
    def _check_person_fields(self, fields: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "name" in fields:
            name = (fields["name"] or "").strip()
            if not name:
                raise InputError("error.name_required", field="name")
            if len(name) > MAX_SUMMARY:
                raise InputError("error.too_long", field="name", what="name", n=MAX_SUMMARY)
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
        pid = new_id()
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

    # ------------------------------------------------------------------ entries
    def _validate(self, kind: str, d: EntryDraft, current: Entry | None) -> dict[str, Any]:
        """Turn a draft into column values, checking every field; raises InputError."""
        if kind not in KINDS:
            raise InputError("error.unknown_kind", field="kind", kind=kind, kinds=", ".join(KINDS))
        v: dict[str, Any] = {"kind": kind}
        allowed = set(KIND_FIELDS[kind]) | set(ANY_KIND_FIELDS)

        def given(name: str) -> bool:
            return getattr(d, name) is not None

        # kind-specific fields must belong to the kind (when the kind changes, drop the others)
        for name in ("amount", "currency", "method", "direction", "item", "value", "task",
                     "target", "status", "medium", "initiated_by"):
            if given(name) and name not in allowed:
                raise InputError("error.field_not_for_kind", field=name, what=name, kind=kind)
        if d.summary is not None or current is None:
            summary = (d.summary or "").strip()
            if not summary:
                raise InputError("error.summary_required", field="summary")
            if len(summary) > MAX_SUMMARY:
                raise InputError("error.too_long", field="summary", what="summary", n=MAX_SUMMARY)
            v["summary"] = summary
        if d.occurred_at is not None:
            if d.occurred_at.tzinfo is None:
                v["occurred_at"] = d.occurred_at.astimezone()
            else:
                v["occurred_at"] = d.occurred_at
        elif current is None:
            v["occurred_at"] = datetime.now().astimezone()
        if d.precision is not None or current is None:
            v["precision"] = check_precision(d.precision)
        for name in ("details", "channel", "location"):
            value = getattr(d, name)
            if value is not None:
                if len(value) > MAX_TEXT:
                    raise InputError("error.too_long", field=name, what=name, n=MAX_TEXT)
                v[name] = value.strip() if name != "details" else value.rstrip()
        for name in ("witnesses", "tags"):
            value = getattr(d, name)
            if value is not None:
                items = [t.strip() for t in value if t and t.strip()]
                v[name] = json.dumps(list(dict.fromkeys(items)), ensure_ascii=False)
        if d.amount is not None:
            v["amount"] = str(parse_amount(d.amount, field="amount"))
        if d.value is not None:
            v["value"] = str(parse_amount(d.value, field="value"))
        if d.currency is not None:
            v["currency"] = check_currency(d.currency)
        choices = {"method": PAYMENT_METHODS, "direction": PAYMENT_DIRECTIONS,
                   "status": REQUEST_STATUSES, "medium": MEDIA, "initiated_by": INITIATORS}
        for name, allowed_values in choices.items():
            value = getattr(d, name)
            if value is not None:
                value = value.strip().lower().replace("-", "_").replace(" ", "_")
                if value == "in_person" or value in allowed_values:
                    v[name] = value
                elif value == "":
                    v[name] = None
                else:
                    raise InputError("error.bad_choice", field=name, text=value, what=name,
                                     choices=", ".join(allowed_values))
        for name in ("item", "task", "target", "reported_to", "reference", "officer"):
            value = getattr(d, name)
            if value is not None:
                v[name] = value.strip() or None
        if d.source_entry_id is not None:
            self._entry_row(d.source_entry_id)
            v["source_entry_id"] = d.source_entry_id
        # a new kind drops fields that do not belong to it
        if current is not None and kind != current.kind:
            for name in ("amount", "currency", "method", "direction", "item", "value", "task",
                         "target", "status", "medium", "initiated_by"):
                if name not in allowed and name not in v:
                    v[name] = None
        # amounts need a currency: default CNY
        has_money = (v.get("amount") or v.get("value") or
                     (current is not None and (current.amount is not None or current.value is not None)))
        if has_money and not v.get("currency") and (current is None or not current.currency):
            v["currency"] = "CNY"
        if "occurred_at" in v:
            dt = v["occurred_at"]
            v["occurred_utc"] = utc_iso(dt)
            v["occurred_at"] = dt.isoformat()
        return v

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
        eid = new_id()
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
        persons = [self.get_person(pid) for pid in entry.persons]
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
            where.append("e.seq IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?)")
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
        return [r[0] for r in self._rows(sql, params)]

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

    def totals(self, entries: Sequence[Entry] | None = None) -> dict[str, dict[str, Decimal]]:
        """Sums per currency: received, sent, promised (payments), gifts (values), offered."""
        if entries is None:
            entries = self.list_entries(kinds=["payment", "gift", "request"])
        out: dict[str, dict[str, Decimal]] = {k: {} for k in
                                              ("received", "sent", "promised", "gifts", "offered")}

        def add(bucket: str, amount: Decimal | None, currency: str | None) -> None:
            if amount is None:
                return
            cur = currency or "CNY"
            out[bucket][cur] = out[bucket].get(cur, Decimal(0)) + amount

        for e in entries:
            if e.deleted:
                continue
            if e.kind == "payment" and e.direction in ("received", "sent", "promised"):
                add(e.direction, e.amount, e.currency)
            elif e.kind == "gift":
                add("gifts", e.value, e.currency)
            elif e.kind == "request":
                add("offered", e.amount, e.currency)
        return out

    # ------------------------------------------------------------------ attachments
    def add_attachment(self, entry_id: str | None = None, person_id: str | None = None,
                       path: os.PathLike[str] | str | None = None, data: bytes | None = None,
                       filename: str | None = None, caption: str = "",
                       import_id: str | None = None) -> Attachment:
        from journal.core.attachments import read_attachment_input

        data, filename, media_type, sha = read_attachment_input(path, data, filename,
                                                                MAX_ATTACHMENT_BYTES)
        if entry_id is not None:
            self._entry_row(entry_id)
        if person_id is not None:
            self.get_person(person_id)
        aid = new_id()
        with self.transaction():
            self._db.execute(
                "INSERT INTO attachments(id, entry_id, person_id, filename, media_type, size, sha256,"
                " added_at, caption, import_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (aid, entry_id, person_id, filename, media_type, len(data), sha,
                 iso(utc_now()), caption.strip(), import_id))
            self._db.execute("INSERT INTO blobs(attachment_id, data) VALUES (?, ?)", (aid, data))
            self._record("add", "attachment", aid)
            if entry_id is not None:
                self._reindex_entry(self._load_entries([entry_id])[0])
        return self.get_attachment(aid)

    def get_attachment(self, att_id: str) -> Attachment:
        row = self._one("SELECT * FROM attachments WHERE id = ?", (att_id,))
        if row is None:
            raise NotFoundError(what="attachment", ref=att_id, field="attachment")
        return attachment_from_row(row)

    def attachment_data(self, att_id: str) -> bytes:
        row = self._one("SELECT data FROM blobs WHERE attachment_id = ?", (att_id,))
        if row is None:
            raise NotFoundError(what="attachment", ref=att_id, field="attachment")
        return bytes(row[0])

    def list_attachments(self, entry_id: str | None = None, person_id: str | None = None,
                         include_removed: bool = False) -> list[Attachment]:
        where, params = [], []
        if entry_id is not None:
            where.append("entry_id = ?")
            params.append(entry_id)
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if not include_removed:
            where.append("removed_at IS NULL")
        sql = "SELECT * FROM attachments" + (" WHERE " + " AND ".join(where) if where else "")
        return [attachment_from_row(r) for r in self._rows(sql + " ORDER BY added_at, id", params)]

    def update_attachment_caption(self, att_id: str, caption: str) -> Attachment:
        att = self.get_attachment(att_id)
        with self.transaction():
            self._db.execute("UPDATE attachments SET caption = ? WHERE id = ?", (caption.strip(), att_id))
            self._record("edit", "attachment", att_id)
            if att.entry_id:
                self._reindex_entry(self._load_entries([att.entry_id])[0])
        return self.get_attachment(att_id)

    def remove_attachment(self, att_id: str) -> None:
        """Hide an attachment from its entry; its bytes stay in the journal (evidence)."""
        att = self.get_attachment(att_id)
        with self.transaction():
            self._db.execute("UPDATE attachments SET removed_at = ? WHERE id = ?",
                             (iso(utc_now()), att_id))
            self._record("remove", "attachment", att_id)
            if att.entry_id:
                self._reindex_entry(self._load_entries([att.entry_id])[0])

    # ------------------------------------------------------------------ drafts
    def save_draft(self, key: str, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, default=str)
        with self.transaction():
            self._db.execute(
                "INSERT INTO drafts(key, saved_at, data) VALUES (?,?,?) ON CONFLICT(key)"
                " DO UPDATE SET saved_at = excluded.saved_at, data = excluded.data",
                (key, iso(utc_now()), payload))

    def load_draft(self, key: str) -> dict[str, Any] | None:
        row = self._one("SELECT data FROM drafts WHERE key = ?", (key,))
        return None if row is None else json.loads(row[0])

    def discard_draft(self, key: str) -> None:
        with self.transaction():
            self._db.execute("DELETE FROM drafts WHERE key = ?", (key,))

    def list_drafts(self) -> list[tuple[str, datetime]]:
        return [(r[0], parse_iso(r[1])) for r in  # type: ignore[misc]
                self._rows("SELECT key, saved_at FROM drafts ORDER BY saved_at DESC")]

    # ------------------------------------------------------------------ imports
    def import_seen(self, sha256: str) -> bool:
        return self._one("SELECT 1 FROM imports WHERE sha256 = ?", (sha256,)) is not None

    def record_import(self, source: str, filename: str, sha256: str, attachment_id: str | None,
                      messages: int, days: int, import_id: str | None = None) -> str:
        iid = import_id or new_id()
        with self.transaction():
            self._db.execute(
                "INSERT INTO imports(id, source, filename, sha256, attachment_id, imported_at,"
                " messages, days) VALUES (?,?,?,?,?,?,?,?)",
                (iid, source, filename, sha256, attachment_id, iso(utc_now()), messages, days))
        return iid

    def finish_import(self, import_id: str, messages: int, days: int,
                      attachment_id: str | None = None) -> None:
        """Set an import's counts and seal it in the audit chain (after its messages are added)."""
        with self.transaction():
            self._db.execute(
                "UPDATE imports SET messages = ?, days = ?, attachment_id = coalesce(?, attachment_id)"
                " WHERE id = ?", (messages, days, attachment_id, import_id))
            self._record("import", "import", import_id)

    def add_messages(self, entry_id: str, import_id: str,
                     messages: Sequence[tuple[datetime, str, str]]) -> list[str]:
        self._entry_row(entry_id)
        ids = [new_id() for _ in messages]
        with self.transaction():
            self._db.executemany(
                "INSERT INTO messages(id, entry_id, import_id, position, sent_at, sender, text)"
                " VALUES (?,?,?,?,?,?,?)",
                [(mid, entry_id, import_id, i, iso(sent), sender, text)
                 for i, (mid, (sent, sender, text)) in enumerate(zip(ids, messages))])
        return ids

    def messages(self, entry_id: str) -> list[dict[str, Any]]:
        return [
            {"id": r["id"], "sent_at": parse_iso(r["sent_at"]), "sender": r["sender"],
             "text": r["text"], "position": r["position"], "entry_id": r["entry_id"]}
            for r in self._rows("SELECT * FROM messages WHERE entry_id = ? ORDER BY position",
                                (entry_id,))
        ]

    def message(self, message_id: str) -> dict[str, Any]:
        r = self._one("SELECT * FROM messages WHERE id = ?", (message_id,))
        if r is None:
            raise NotFoundError(what="message", ref=message_id)
        return {"id": r["id"], "sent_at": parse_iso(r["sent_at"]), "sender": r["sender"],
                "text": r["text"], "position": r["position"], "entry_id": r["entry_id"],
                "import_id": r["import_id"]}

    def list_imports(self) -> list[dict[str, Any]]:
        return [dict(zip(r.keys(), tuple(r))) for r in self._rows("SELECT * FROM imports ORDER BY imported_at")]

    # ------------------------------------------------------------------ maintenance
    def backup(self, out_path: os.PathLike[str] | str) -> Path:
        """A consistent, still-encrypted copy that the same passphrase opens."""
        from journal.core.maintenance import export_copy

        return export_copy(self, Path(out_path), self._key, self._header, overwrite=False)

    def rekey(self, new_passphrase: str, kdf: crypto.KdfParams | None = None) -> None:
        from journal.core.maintenance import rekey

        rekey(self, new_passphrase, kdf)

    def stats(self) -> dict[str, int]:
        return {
            "entries": self.count_entries(),
            "deleted": self.count_entries(only_deleted=True),
            "persons": len(self.list_persons()),
            "attachments": int(self._one("SELECT count(*) FROM attachments WHERE removed_at IS NULL")[0]),
        }


def _key_fits_other_pages(path: Path, key: bytes, header: bytes) -> bool:
    """Whether the key authenticates some page other than page 1 (then page 1 is damaged, the
    passphrase is right). Reads the raw file; never decrypts."""
    from journal.core.pagecheck import key_matches_any_page

    try:
        return key_matches_any_page(path, key, header)
    except Exception:  # noqa: BLE001 - a probe; any failure means "cannot tell"
        log.debug("page probe failed", exc_info=True)
        return False
