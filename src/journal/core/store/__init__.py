"""The journal file: one SQLCipher 4 database keyed from the passphrase with Argon2id.

:class:`Journal` is a thin facade over small parts, each a plain class that gets what it needs in
its constructor:

- ``db`` (:mod:`.db`): the connection, the lock, transactions, change listeners, the audit chain;
- :mod:`.states` (what the audit chain vouches for) and :mod:`.revisions` (the history);
- :mod:`.reader` (loading entries), :mod:`.search_index` (FTS5), :mod:`.entries`, :mod:`.persons`,
  :mod:`.attachments`, :mod:`.drafts`, :mod:`.imports`;
- :mod:`.maintenance` (backup copies, re-key), :mod:`.migrations`, :mod:`.integrity` (verify);
- :mod:`.connection`: opening the file and telling a wrong passphrase from a damaged file.

Every change runs in one transaction with its revision and its audit record; a failure leaves the
journal as it was. WAL with ``synchronous=FULL`` makes every acknowledged commit durable.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Self

import sqlcipher3

from journal.core import chainmemory, crypto, schema, signing, verifytext
from journal.core.codec import entry_to_json, iso, person_to_json
from journal.core.errors import InputError, JournalError, WrongPassphraseError
from journal.core.i18n import register
from journal.core.models import (
    Attachment,
    AuditRecord,
    Entry,
    EntryDraft,
    Handle,
    Person,
    Revision,
    VerifyProblem,
    VerifyResult,
)
from journal.core.outpath import check_output_path
from journal.core.signs import facts as sign_facts
from journal.core.signs.kept import Kept
from journal.core.store import filelock, upgrade
from journal.core.store.attachments import MAX_ATTACHMENT_BYTES, Attachments
from journal.core.store.connection import KeyMaterial, check_key, connect
from journal.core.store.corrections import Corrections
from journal.core.store.db import Database, new_id
from journal.core.store.dismissals import SignDismissals
from journal.core.store.drafts import Drafts
from journal.core.store.entries import Entries
from journal.core.store.filelock import Lease
from journal.core.store.imports import Imports
from journal.core.store.integrity import Integrity
from journal.core.store.maintenance import Maintenance, RekeyResult, remove_stray_temporaries
from journal.core.store.migrations import Migrations
from journal.core.store.overview_index import OVERVIEW_INDEX_META_KEY, OverviewIndex
from journal.core.store.overview_index import stamp as overview_index_stamp
from journal.core.store.persons import Persons
from journal.core.store.reader import EntryReader
from journal.core.store.revisions import Revisions
from journal.core.store.search_index import (
    SEARCH_INDEX_META_KEY,
    SEARCH_INDEX_VERSION,
    SearchIndex,
)
from journal.core.store.signfacts import STAMP_META_KEY as SIGN_FACTS_META_KEY
from journal.core.store.signfacts import FactTable, SignFacts, ensure_layout
from journal.core.store.signing_key import SigningKey
from journal.core.store.signresults import SignResults
from journal.core.store.states import States
from journal.core.store.upgrade import OnUpgrade
from journal.core.store.verifychild import VerifyChild
from journal.core.store.writegate import WriteGate
from journal.core.timeparse import utc_now

log = logging.getLogger(__name__)

__all__ = ["AUTO", "MAX_ATTACHMENT_BYTES", "READ", "WRITE", "Journal", "entry_to_json",
           "file_writable", "new_id", "person_to_json"]

WRITE, READ, AUTO = "write", "read", "auto"
MODES = (WRITE, READ, AUTO)

register({
    "error.journal_file_read_only": {
        "en": "The journal {path} cannot be changed: the file, its folder or the disk it is on is "
        "read-only. Nothing was changed. It can still be read, searched, exported and verified; "
        "to change it, copy it to a folder you can write to.",
        "zh": "日志 {path} 无法修改：文件、所在文件夹或所在磁盘是只读的。没有任何改动。仍然可以阅读、搜索、导出和校验；"
        "如需修改，请把它复制到一个可以写入的文件夹。",
    },
    "error.read_only_needs_update": {
        "en": "The journal {path} was made by an earlier version of Incident Journal and must be "
        "brought up to date before it can be opened, which cannot be done where it is (the file, "
        "its folder or the disk is read-only). Nothing was changed. Copy it to a folder you can "
        "write to and open the copy.",
        "zh": "日志 {path} 由较早版本的“事件日志”创建，需要先升级才能打开，但它所在的位置（文件、文件夹或磁盘）是只读的，"
        "无法在原处升级。没有任何改动。请把它复制到一个可以写入的文件夹，再打开副本。",
    },
    "error.journal_read_only": {
        "en": "The journal {path} is open read-only (the file or its folder cannot be written, or "
        "it is open for reading only), so nothing can be changed. It can still be read and "
        "exported. Copy it to a folder you can write to in order to change it.",
        "zh": "日志 {path} 以只读方式打开（文件或所在文件夹不可写入，或只为阅读而打开），因此不能修改任何内容。"
        "仍然可以阅读和导出。如需修改，请把它复制到一个可以写入的文件夹。",
    },
})


def _both(first: Callable[[int, int], None] | None,
          second: Callable[[int, int], None] | None) -> Callable[[int, int], None] | None:
    """One progress callback calling two (either may be None)."""
    if first is None or second is None:
        return first or second

    def progress(done: int, total: int) -> None:
        first(done, total)
        second(done, total)

    return progress


def file_writable(path: Path) -> bool:
    """Whether the journal file and its folder (for ``-wal``/``-shm``) can be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class Journal:
    """An open, unlocked journal. Safe to share between threads (one lock guards the connection).

    ``db`` is the connection part (tests reach the raw SQL through ``db.conn``); the other parts
    are reached only through the methods below.
    """

    def __init__(self, path: Path, conn: Any, key: bytes, header: bytes,
                 lease: Lease | None = None, refusal: JournalError | None = None,
                 read_only_reason: str = "") -> None:
        self.path = Path(path)
        self._keys = KeyMaterial(key, header)
        self._lease = lease
        self._read_only_reason = read_only_reason
        self.db = Database(conn, self.path)
        self._gate = WriteGate(self.path, self._keys, refusal)
        self.db.set_write_gate(self._gate)
        states = States(self.db)
        revisions = Revisions(self.db)
        reader = EntryReader(self.db)
        index = SearchIndex(self.db, reader)
        self._index = index
        self._persons = Persons(self.db, states, revisions, index)
        self._overview = OverviewIndex(self.db)
        self._facts = SignFacts(self.db, reader)
        self._sign_results = SignResults(self.db)
        self._entries = Entries(self.db, states, revisions, index, reader, self._persons,
                                self._overview, self._facts)
        self._attachments = Attachments(self.db, states, index, reader, self._persons)
        self._drafts = Drafts(self.db)
        self._dismissals = SignDismissals(self.db, states)
        self._imports = Imports(self.db, states, reader)
        self._corrections = Corrections(self.db, revisions, self._imports)
        self._maintenance = Maintenance(self.path, self.db, self._keys, lease)
        self._migrations = Migrations(self.db, self._maintenance, revisions, index, lease)
        self._signing_key = SigningKey(self.db)
        self._integrity = Integrity(self.db, states, index, self._signing_key, self.path,
                                    self._keys)

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
        conn: Any = None
        lease: Lease | None = None
        try:
            lease = filelock.acquire(path, write=True)
            if not lease.write:
                raise InputError("error.not_writable", path=str(path))
            conn = connect(path, key, header)
            conn.execute("BEGIN IMMEDIATE")
            schema.create(conn)
            ensure_layout(conn)  # the warning-sign facts' indexes (derived, not the schema)
            now = utc_now()
            conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?)", (iso(now),))
            conn.execute("INSERT INTO meta(key, value) VALUES ('journal_id', ?)", (new_id(),))
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                         (SEARCH_INDEX_META_KEY, str(SEARCH_INDEX_VERSION)))
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                         (OVERVIEW_INDEX_META_KEY, overview_index_stamp()))
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                         (SIGN_FACTS_META_KEY, sign_facts.STAMP))
            conn.execute("COMMIT")
        except BaseException:
            if conn is not None:
                with contextlib.suppress(Exception):
                    conn.close()
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(str(path) + suffix)
            if lease is not None:
                lease.release()
            raise
        journal = cls(path, conn, key, header, lease)
        with journal.db.transaction():
            journal.db.append_audit("create", "journal", "journal", "")
        journal._signing_key.ensure()
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
    def open(cls, path: os.PathLike[str] | str, passphrase: str, mode: str = WRITE,
             progress: Callable[[int, int], None] | None = None,
             on_upgrade: OnUpgrade | None = None) -> Journal:
        return cls.open_with_key(path, cls.derive(path, passphrase), mode=mode,
                                 progress=progress, on_upgrade=on_upgrade)

    @classmethod
    def open_with_key(cls, path: os.PathLike[str] | str, key: bytes,
                      backup_dir: Path | None = None, mode: str = WRITE,
                      progress: Callable[[int, int], None] | None = None,
                      rebuild_sign_facts: bool = True,
                      on_upgrade: OnUpgrade | None = None) -> Journal:
        """Open with a derived key; migrates an older schema (after a backup into ``backup_dir``,
        default: the settings' backup folder), rebuilds the search index and the overview's
        aggregates when another version made them, and the warning-sign facts when they were
        made by other rules (``progress(done, total)`` follows that rebuild). The window passes
        ``rebuild_sign_facts=False`` and leaves that rebuild to its warning signs, which run it
        in the background with its progress shown.

        ``on_upgrade(step)`` is told each step of that work as it begins and goes on
        (:class:`~journal.core.store.upgrade.UpgradeStep`, "step n of N"); it is never called
        when there is nothing to bring up to date. An exception it raises stops the open there:
        the step under way is undone, the journal closed, and the exception raised here (the
        window cancels this way when it is closed during an upgrade).

        ``mode``: ``"write"`` takes the writer lock (``JournalBusyError`` while another process
        writes; ``error.journal_file_read_only`` for a file, folder or medium that cannot be written);
        ``"read"`` only reads (writes raise ``error.journal_read_only``), next to a writer
        elsewhere too; ``"auto"`` writes where it can and opens a read-only file read-only."""
        if mode not in MODES:
            raise ValueError(mode)
        path = Path(path)
        header = crypto.read_header(path)
        if not os.access(path, os.R_OK):
            raise InputError("error.file_unreadable", path=str(path))
        writable = file_writable(path)
        if mode == WRITE and not writable:
            raise InputError("error.journal_file_read_only", path=str(path))
        want_write = mode == WRITE or (mode == AUTO and writable)
        check_key(path, key, header)  # a wrong passphrase changes nothing, lock files included
        lease = filelock.acquire(path, write=want_write)
        if want_write and not lease.write:  # no lock file possible: the folder is read-only
            lease.release()
            if mode == WRITE:
                raise InputError("error.journal_file_read_only", path=str(path))
            want_write, lease = False, filelock.acquire(path, write=False)
        # why it is read-only: the file/folder/media cannot be written, or reading was asked for
        reason = "" if want_write else ("file" if not writable or not lease.locked else "reader")
        refusal = None if want_write else InputError(
            "error.journal_file_read_only" if reason == "file" else "error.journal_read_only",
            path=str(path))
        try:
            conn = connect(path, key, header, check=True, read_only=not writable, wal=want_write)
        except BaseException:
            lease.release()
            raise
        journal = cls(path, conn, key, header, lease, refusal, reason)
        try:
            if not want_write and journal._migrations.needed():
                # an older file read here: migrate it as a writer first (refused while in use)
                journal.close()
                if reason == "file":  # cannot be brought up to date where it is
                    raise InputError("error.read_only_needs_update", path=str(path))
                cls.open_with_key(path, key, backup_dir, mode=WRITE, progress=progress,
                                  on_upgrade=on_upgrade).close()
                return cls.open_with_key(path, key, backup_dir, mode=mode)
            plan = journal._upgrade_plan(want_write, rebuild_sign_facts, on_upgrade)
            journal._migrations.migrate_if_needed(backup_dir, plan)
            if want_write:
                journal._index.ensure_current(
                    plan.start(upgrade.SEARCH_INDEX) if upgrade.SEARCH_INDEX in plan.keys else None)
                journal._overview.ensure_current(
                    plan.start(upgrade.OVERVIEW) if upgrade.OVERVIEW in plan.keys else None)
                if rebuild_sign_facts:
                    journal.rebuild_sign_facts(_both(
                        plan.start(upgrade.SIGN_FACTS) if upgrade.SIGN_FACTS in plan.keys
                        else None, progress))
            else:  # read-only: an index of an older version is rebuilt on the next writing open
                with contextlib.suppress(JournalError):
                    journal._index.ensure_current()
                with contextlib.suppress(JournalError):
                    journal._overview.ensure_current()
        except BaseException:
            journal.close()
            raise
        if want_write:
            try:
                journal._signing_key.ensure()  # journals made before signing keys existed
            except (sqlcipher3.DatabaseError, JournalError) as exc:
                # locked or a damaged page: the journal still opens for reading and for verify to
                # report; the key is made on a later open
                log.warning("signing key not made now: %s", type(exc).__name__)
            remove_stray_temporaries(path)
        return journal

    def _upgrade_plan(self, want_write: bool, rebuild_sign_facts: bool,
                      on_upgrade: OnUpgrade | None) -> upgrade.UpgradePlan:
        """The steps this open will run (decided before any of them runs, for "n of N")."""
        keys: list[str] = []
        with contextlib.suppress(sqlcipher3.DatabaseError):  # (not a journal: said by migrate)
            if self._migrations.needed():
                keys += [upgrade.BACKUP, upgrade.SCHEMA]
            if want_write:
                if not self._index.current():
                    keys.append(upgrade.SEARCH_INDEX)
                if not self._overview.current():
                    keys.append(upgrade.OVERVIEW)
                if rebuild_sign_facts and not self._facts.current():
                    keys.append(upgrade.SIGN_FACTS)
        return upgrade.UpgradePlan(keys, on_upgrade)

    def close(self) -> None:
        with self.db.lock:
            if not self.db.closed:
                self._sign_results.flush()  # (a result kept back by defer_keeping_signs)
                chainmemory.remember(self)
            self.db.close(checkpoint=self.writable)
            self._keys.wipe()
            if self._lease is not None:
                self._lease.release()

    # ------------------------------------------------------------------ writing allowed?
    @property
    def writable(self) -> bool:
        """False when opened read-only or when the pre-write check found damage."""
        return self._gate.refusal is None

    @property
    def read_only_reason(self) -> str:
        """"" (writable), "file" (the file, folder or media cannot be written), "reader" (opened
        for reading, e.g. beside a writer elsewhere) or "damaged" (the pre-write check failed)."""
        refusal = self._gate.refusal
        if refusal is None:
            return ""
        return "damaged" if refusal.key == "error.damaged" else self._read_only_reason or "reader"

    @property
    def write_refusal(self) -> JournalError | None:
        """Why writes are refused (read-only, damaged), or None."""
        return self._gate.refusal

    def start_precheck(self) -> None:
        """Start the pre-write page check in the background (the window, right after unlock)."""
        self._gate.start()

    def wait_precheck(self, timeout: float | None = None) -> bool:
        """Wait for the pre-write page check (run here if not started); True when it is done."""
        return self._gate.wait(timeout)

    @property
    def precheck_ms(self) -> float | None:
        """How long the pre-write page check took (None before it ran)."""
        return self._gate.elapsed_ms

    def journal_id(self) -> str:
        """The journal's random id (made at creation; copies and backups share it)."""
        row = self.db.one("SELECT value FROM meta WHERE key = 'journal_id'")
        return str(row[0]) if row else ""

    def rollback_check(self) -> chainmemory.RollbackWarning | None:
        """On opening: a warning when this file's chain is shorter than, or differs from, the
        newest this app saw for the same journal (an older copy put in its place)."""
        return chainmemory.check_and_remember(self)

    @property
    def closed(self) -> bool:
        return self.db.closed

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        return self.db.schema_version()

    def overview_aggregates_current(self) -> bool:
        """True when the overview's per-day tables (schema v7) hold every live entry as this
        version classifies it; otherwise the overview reads the entries themselves."""
        return self._overview.current()

    @property
    def file_header(self) -> bytes:
        """The 16-byte plaintext header (KDF parameters and salt); its backups share it."""
        return self._keys.header

    # ------------------------------------------------------------------ transactions
    def transaction(self) -> AbstractContextManager[None]:
        """All changes inside commit together or not at all (nestable)."""
        return self.db.transaction()

    def add_listener(self, callback: Callable[[str, str], None]) -> None:
        """Called after each commit (used by views to refresh)."""
        self.db.add_listener(callback)

    # ------------------------------------------------------------------ entries
    def add_entry(self, draft: EntryDraft, *, import_id: str | None = None) -> Entry:
        return self._entries.add(draft, import_id=import_id)

    def edit_entry(self, entry_id: str, draft: EntryDraft) -> Entry:
        """Change the fields given in ``draft`` (None = unchanged); stores a new revision."""
        return self._entries.edit(entry_id, draft)

    def delete_entry(self, entry_id: str) -> None:
        """Move an entry to the trash."""
        self._entries.delete(entry_id)

    def restore_entry(self, entry_id: str) -> None:
        """Take an entry back out of the trash."""
        self._entries.restore(entry_id)

    def resolve_entry_id(self, ref: str) -> str:
        """An entry id from a full id or a unique prefix of at least 4 characters."""
        return self._entries.resolve_id(ref)

    def get_entry(self, entry_id: str) -> Entry:
        return self._entries.get(entry_id)

    def get_entries(self, ids: Sequence[str]) -> list[Entry]:
        """Entries in the order given (unknown ids are skipped), loaded in batches."""
        return self._entries.get_many(ids)

    def iter_entries(self, ids: Sequence[str]) -> Iterator[Entry]:
        """Entries in the order given, loaded in batches while the caller goes through them
        (commands that walk the whole journal hold one batch, not every entry)."""
        return self._entries.iterate(ids)

    def entry_ids(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
                  since: datetime | None = None, until: datetime | None = None,
                  include_deleted: bool = False, only_deleted: bool = False,
                  newest_first: bool = True, limit: int | None = None, offset: int = 0,
                  search: str | None = None) -> list[str]:
        """Ids of the entries that pass the filters, in time order (fast, for lazy models)."""
        return self._entries.ids(kinds, person_id, since, until, include_deleted, only_deleted,
                                 newest_first, limit, offset, search)

    def count_entries(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
                      since: datetime | None = None, until: datetime | None = None,
                      include_deleted: bool = False, only_deleted: bool = False,
                      search: str | None = None) -> int:
        return self._entries.count(kinds, person_id, since, until, include_deleted, only_deleted,
                                   search)

    def list_entries(self, kinds: Sequence[str] | None = None, person_id: str | None = None,
                     since: datetime | None = None, until: datetime | None = None,
                     include_deleted: bool = False, only_deleted: bool = False,
                     newest_first: bool = True, limit: int | None = None, offset: int = 0,
                     search: str | None = None) -> list[Entry]:
        return self._entries.find(kinds, person_id, since, until, include_deleted, only_deleted,
                                  newest_first, limit, offset, search)

    def search(self, text: str, include_deleted: bool = False, limit: int | None = None) -> list[str]:
        """Ids of entries matching ``text`` (all words), newest first; nothing for empty text."""
        return self._entries.search(text, include_deleted, limit)

    def history(self, entry_id: str) -> list[Revision]:
        """An entry's revisions, oldest first."""
        return self._entries.history(entry_id)

    def totals(self, entries: Sequence[Entry] | None = None,
               person_id: str | None = None) -> dict[str, dict[str, Decimal]]:
        """Sums per currency: received, sent, promised (payments), gifts (values), offered."""
        return self._entries.totals(entries, person_id)

    # ------------------------------------------------------------------ persons
    def add_person(self, name: str, aliases: Sequence[str] = (), role: str = "",
                   organisation: str = "", platform: str = "",
                   handles: Sequence[Handle] = (), notes: str = "") -> Person:
        return self._persons.add(name, aliases, role, organisation, platform, handles, notes)

    def update_person(self, person_id: str, **fields: Any) -> Person:
        """Change only the fields given (name, aliases, role, organisation, platform, handles,
        notes)."""
        return self._persons.update(person_id, **fields)

    def delete_person(self, person_id: str) -> None:
        self._persons.delete(person_id)

    def restore_person(self, person_id: str) -> None:
        self._persons.restore(person_id)

    def get_person(self, person_id: str) -> Person:
        return self._persons.get(person_id)

    def list_persons(self, include_deleted: bool = False) -> list[Person]:
        """Persons sorted by name."""
        return self._persons.all(include_deleted)

    def find_person(self, ref: str) -> Person | None:
        """A person by id, by name or by alias (case-insensitive); None when nobody matches."""
        return self._persons.find(ref)

    def person_for_name(self, name: str) -> Person:
        """Find a person by id/name/alias, or create one with that name."""
        return self._persons.for_name(name)

    def search_persons(self, text: str) -> list[str]:
        return self._persons.search(text)

    def person_history(self, person_id: str) -> list[Revision]:
        return self._persons.history(person_id)

    # ------------------------------------------------------------------ attachments
    def add_attachment(self, entry_id: str | None = None, person_id: str | None = None,
                       path: os.PathLike[str] | str | None = None, data: bytes | None = None,
                       filename: str | None = None, caption: str = "",
                       import_id: str | None = None) -> Attachment:
        return self._attachments.add(entry_id, person_id, path, data, filename, caption, import_id)

    def get_attachment(self, att_id: str) -> Attachment:
        return self._attachments.get(att_id)

    def attachment_data(self, att_id: str) -> bytes:
        return self._attachments.data(att_id)

    def list_attachments(self, entry_id: str | None = None, person_id: str | None = None,
                         include_removed: bool = False) -> list[Attachment]:
        return self._attachments.of(entry_id, person_id, include_removed)

    def update_attachment_caption(self, att_id: str, caption: str) -> Attachment:
        return self._attachments.set_caption(att_id, caption)

    def remove_attachment(self, att_id: str) -> None:
        """Hide an attachment from its entry; its bytes stay in the journal (evidence)."""
        self._attachments.remove(att_id)

    # ------------------------------------------------------------------ drafts
    def save_draft(self, key: str, data: dict[str, Any]) -> None:
        self._drafts.save(key, data)

    def load_draft(self, key: str) -> dict[str, Any] | None:
        return self._drafts.load(key)

    def discard_draft(self, key: str) -> None:
        self._drafts.discard(key)

    def list_drafts(self) -> list[tuple[str, datetime]]:
        return self._drafts.all()

    # ------------------------------------------------------------------ imports
    def import_seen(self, sha256: str) -> bool:
        return self._imports.seen(sha256)

    def record_import(self, source: str, filename: str, sha256: str, attachment_id: str | None,
                      messages: int, days: int, import_id: str | None = None) -> str:
        return self._imports.record(source, filename, sha256, attachment_id, messages, days,
                                    import_id)

    def finish_import(self, import_id: str, messages: int, days: int,
                      attachment_id: str | None = None) -> None:
        """Set an import's counts and seal it in the audit chain (after its messages are added)."""
        self._imports.finish(import_id, messages, days, attachment_id)

    def add_messages(self, entry_id: str, import_id: str,
                     messages: Sequence[tuple[datetime, str, str]],
                     first_position: int = 0) -> list[str]:
        """Messages of an entry from one import; ``first_position`` continues an entry whose
        earlier messages came from another import (a batch of screenshots)."""
        return self._imports.add_messages(entry_id, import_id, messages, first_position)

    def messages(self, entry_id: str) -> list[dict[str, Any]]:
        return self._imports.messages(entry_id)

    def message(self, message_id: str) -> dict[str, Any]:
        return self._imports.message(message_id)

    def list_imports(self) -> list[dict[str, Any]]:
        return self._imports.all()

    def correct_message(self, message_id: str, sent_at: datetime, sender: str, text: str) -> int:
        """Save a correction of one message as a sealed revision (the message row stays as
        imported); callers use :func:`journal.core.ocr.corrections.correct_line`."""
        return self._corrections.add(message_id, sent_at, sender, text)

    def corrected_messages(self, entry_id: str) -> list[dict[str, Any]]:
        """An entry's messages with their newest corrections applied (see store/corrections.py)."""
        return self._corrections.current(entry_id)

    def message_corrections(self, message_id: str) -> list[dict[str, Any]]:
        return self._corrections.history(message_id)

    # ------------------------------------------------------------------ warning signs set aside
    def dismiss_sign(self, sign_id: str, reason: str) -> datetime:
        """Keep the user's "not this" for a warning sign (audited); checked by
        :func:`journal.core.signs.dismiss`, which is what callers use."""
        return self._dismissals.set(sign_id, reason)

    def undismiss_sign(self, sign_id: str) -> bool:
        return self._dismissals.remove(sign_id)

    def sign_dismissals(self) -> list[tuple[str, str, datetime]]:
        return self._dismissals.all()

    # ------------------------------------------------------------------ warning-sign facts
    def sign_facts_current(self) -> bool:
        """Whether the stored warning-sign facts were made by this program's rules."""
        return self._facts.current()

    def rebuild_sign_facts(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Rebuild the warning-sign facts if they were made by other rules (one transaction);
        True when they were rebuilt."""
        return self._facts.ensure_current(progress)

    def sign_fact_table(self) -> FactTable:
        """The stored facts as the fast rules read them (:mod:`journal.core.signs.fastrules`).
        Only meaningful when :meth:`sign_facts_current`."""
        return self._facts.table()

    def set_evaluation_cache(self, kib: int) -> None:
        """How far an evaluation of the signs may enlarge the page cache while it reads the facts
        (KiB; 64 MB unless set; never below the connection's own 16 MB). The window sets it low:
        memory matters more there than the evaluation's time in its background thread."""
        self._facts.set_evaluation_cache(kib)

    def sign_fact_docs_of(self, ids: Sequence[str],
                          words: bool = True) -> dict[str, sign_facts.FactDoc]:
        """The docs of these entries from their stored facts (for reasons), with what they
        quote unless ``words`` is false (:meth:`load_sign_words` reads it later)."""
        return self._facts.docs_of(ids, words)

    def load_sign_words(self, docs: Sequence[sign_facts.FactDoc]) -> None:
        """Read what the reasons of these docs quote (only the entries the signs rest on)."""
        self._facts.load_words(docs)

    def stale_sign_facts(self) -> int:
        """How many entries' warning-sign facts are missing or out of date."""
        return self._facts.stale()

    # ------------------------------------------------------------------ warning signs kept
    def sign_results_generation(self) -> int | None:
        """The generation of what the rules read (moved by every change to it); read it before
        an evaluation and hand it to :meth:`keep_sign_results` after."""
        return self._sign_results.generation()

    def kept_sign_results(self) -> Kept | None:
        """The stored result of the rules (per sign: level, evidence ids; the persons of the
        evidence of the signs whose reasons read them) when it describes the journal as it is
        now and the facts are current; else None."""
        return self._sign_results.read() if self._facts.current() else None

    def sign_results_current(self) -> bool:
        """Whether a stored result of the rules describes the journal as it is now."""
        return self._facts.current() and self._sign_results.current()

    def defer_keeping_signs(self) -> None:
        """Results to keep are written when the journal is closed, not when found (the command
        line: its output first; the write waits for the pre-write check)."""
        self._sign_results.defer()

    def keep_sign_results(self, kept: Kept, generation: int) -> bool:
        """Store what the rules found from the journal at ``generation`` (nothing when it moved
        since, or when the journal cannot be written: False, never an error)."""
        return self.writable and self._sign_results.write(kept, generation)

    # ------------------------------------------------------------------ integrity
    def verify(self, progress: Callable[[int, int], None] | None = None,
               expect_head: str | None = None, deep: bool = False,
               child: VerifyChild | None = None) -> VerifyResult:
        """The integrity check; with ``expect_head`` also whether that hash (from an earlier
        report) is a record of this chain, and how many records came after it; ``deep`` adds
        SQLite's whole structure check and the search index derived again from the entries.
        ``child``: verify's second process, started before the key was derived (it is ended)."""
        result = self._integrity.verify(progress, expect_head=expect_head, deep=deep,
                                        child=child)
        # derived data, like the search index: stale warning-sign facts are a problem to report
        stale = self._facts.stale()
        if stale:
            problem = VerifyProblem("sign_facts_stale_one" if stale == 1 else "sign_facts_stale",
                                    {"n": stale})
            result.issues.append(problem)
            result.problems.append(verifytext.problem_text(problem, "en"))
            result.ok = False
        return result

    def chain_position(self) -> tuple[int, str]:
        """(sequence number, hash) of the newest audit record; (0, GENESIS) for none."""
        return self.db.chain_position()

    def chain_contains(self, seq: int, record_hash: str) -> bool:
        """Whether audit record ``seq`` of this file has the hash ``record_hash``."""
        return self.db.chain_contains(seq, record_hash)

    def head_hash(self) -> str:
        return self.db.head_hash()

    def audit_records(self) -> list[AuditRecord]:
        return self.db.audit_records()

    # ------------------------------------------------------------------ the signing key
    def signing_public_key(self) -> bytes:
        """The raw 32-byte Ed25519 public key of this journal (the same after a re-key)."""
        return self._signing_key.public_key()

    def signing_fingerprint(self) -> str:
        """SHA-256 of the public key in 16 groups of four hex digits, e.g. ``3F2A 9C01 …``."""
        return signing.fingerprint(self._signing_key.public_key())

    def sign(self, data: bytes) -> bytes:
        """An Ed25519 signature of ``data`` with this journal's key (for evidence packages)."""
        return self._signing_key.sign(data)

    # ------------------------------------------------------------------ maintenance
    def backup(self, out_path: os.PathLike[str] | str) -> Path:
        """A consistent, still-encrypted copy that the same passphrase opens (never overwrites;
        never onto a journal, its files or into the backups folder)."""
        return self._maintenance.export_copy(check_output_path(out_path, [self.path]))

    def backup_into(self, directory: os.PathLike[str] | str, reason: str = "") -> Path:
        """A backup with a new name (journal, time, ``reason``) in ``directory``."""
        return self._maintenance.write_backup(Path(directory), reason)

    def rekey(self, new_passphrase: str, kdf: crypto.KdfParams | None = None,
              copies_in: Sequence[os.PathLike[str] | str] = (),
              delete_copies: bool = False) -> RekeyResult:
        """Change the passphrase; atomic: the old file or the new one, never half. This journal's
        earlier copies in the folders ``copies_in`` (backups) are re-encrypted with the new key, or
        deleted with ``delete_copies``; the result says which. Refused while another process has
        the journal open, and on a read-only or damaged journal."""
        self._gate()
        return self._maintenance.rekey(new_passphrase, self.journal_id(), kdf,
                                       [Path(p) for p in copies_in], delete_copies)

    def stats(self) -> dict[str, int]:
        return {
            "entries": self.count_entries(),
            "deleted": self.count_entries(only_deleted=True),
            "persons": len(self.list_persons()),
            "attachments": len(self.list_attachments()),
        }
