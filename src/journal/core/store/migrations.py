"""Bringing an older journal up to the current schema when it is opened (after the key was checked).

A backup copy is written first; the migration then runs in one transaction with its audit record,
so a failure leaves the file exactly as it was.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import sqlcipher3

from journal.core import paths, schema, settings
from journal.core.errors import JournalError, NotAJournalError
from journal.core.store.db import Database
from journal.core.store.filelock import Lease
from journal.core.store.maintenance import Maintenance
from journal.core.store.revisions import Revisions
from journal.core.store.search_index import SearchIndex
from journal.core.store.upgrade import BACKUP, SCHEMA, UpgradePlan

log = logging.getLogger(__name__)


class Migrations:
    def __init__(self, db: Database, maintenance: Maintenance, revisions: Revisions,
                 index: SearchIndex, lease: Lease | None = None) -> None:
        self._db = db
        self._maintenance = maintenance
        self._revisions = revisions
        self._index = index
        self._lease = lease

    def needed(self) -> bool:
        """Whether the file has an older schema than this program (errors are left to
        :meth:`migrate_if_needed`)."""
        try:
            return 0 < self._db.schema_version() < schema.CURRENT_VERSION
        except sqlcipher3.DatabaseError:
            return False

    def migrate_if_needed(self, backup_dir: Path | None = None,
                          plan: UpgradePlan | None = None) -> None:
        """Refuse what is not a journal or is newer than this program; migrate an older one, with
        a backup in ``backup_dir`` (default: the backup folder of the settings) first. ``plan``
        is told when the backup and the schema steps begin (and how far the backup is)."""
        try:
            version = self._db.schema_version()
            tables = {r[0] for r in self._db.conn.execute("SELECT name FROM sqlite_master")}
        except sqlcipher3.DatabaseError:
            raise NotAJournalError() from None
        if version == 0 or "entries" not in tables:
            raise NotAJournalError()
        if version > schema.CURRENT_VERSION:
            raise JournalError("error.journal_newer", found=version)
        if version == schema.CURRENT_VERSION:
            return
        # a migration rewrites the file: refused while any other process has it open
        with self._lease.exclusive() if self._lease is not None else contextlib.nullcontext():
            self._migrate(version, backup_dir, plan or UpgradePlan([BACKUP, SCHEMA]))

    def _migrate(self, version: int, backup_dir: Path | None, plan: UpgradePlan) -> None:
        target_dir = backup_dir or settings.load().effective_backup_dir()
        paths.ensure_private_dir(target_dir)
        self._maintenance.write_backup(target_dir, reason=f"before-migration-v{version}",
                                       progress=plan.start(BACKUP))
        log.info("backup written (before-migration-v%d)", version)
        plan.start(SCHEMA)  # (a callback raising here stops before anything was changed)
        try:
            with self._db.transaction():
                schema.migrate(self._db.conn, version)
                if version < schema.REVISIONS_SEALED_FROM:
                    # revisions saved before sealing existed are sealed now, as they are
                    n = self._revisions.seal_unsealed()
                    log.info("sealed %d earlier revisions", n)
                if version < schema.SEARCH_DIGESTS_FROM:
                    # what verify compares the search index with, from the entries themselves
                    n = self._index.build_digests()
                    log.info("search index digests of %d entries", n)
                self._db.append_audit("migrate", "journal", "journal", str(schema.CURRENT_VERSION))
        except JournalError:
            raise
        except Exception as exc:  # noqa: BLE001 - rolled back, whatever it was: the file is as it was
            log.error("migration from schema %d failed (%s)", version, type(exc).__name__)
            raise JournalError("error.migration_failed", found=version) from None
        log.info("journal migrated from schema %d to %d", version, schema.CURRENT_VERSION)
