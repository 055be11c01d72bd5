"""Automatic, rotating, encrypted backups (on close, before migrations) and restoring one."""

from __future__ import annotations

import logging
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Protocol

from journal.core import chainmemory, crypto, paths, settings
from journal.core.errors import InputError
from journal.core.fsutil import fsync_dir, temp_path_for

log = logging.getLogger(__name__)
_NAME = paths.BACKUP_NAME


class BackupSource(Protocol):
    """What a backup needs of an open journal (:class:`journal.core.store.Journal` has it)."""

    @property
    def path(self) -> Path: ...
    @property
    def file_header(self) -> bytes: ...
    def backup_into(self, directory: os.PathLike[str] | str, reason: str = "") -> Path: ...


def default_dir() -> Path:
    return settings.load().effective_backup_dir()


def make_backup(journal: BackupSource, directory: Path | None = None, reason: str = "",
                keep: int | None = None) -> Path:
    """Write an encrypted backup into ``directory`` and keep only the newest ``keep`` of this
    journal's backups there."""
    directory = Path(directory) if directory else default_dir()
    paths.ensure_private_dir(directory)
    target = journal.backup_into(directory, reason)
    if keep is not None:
        prune(directory, journal.path.stem, keep, header=journal.file_header)
    log.info("backup written (%s)", reason or "manual")
    return target


def list_backups(directory: Path | None = None, stem: str | None = None) -> list[Path]:
    """Backups in ``directory`` (of journal ``stem`` if given), newest first."""
    directory = Path(directory) if directory else default_dir()
    if not directory.is_dir():
        return []
    found = []
    for p in directory.iterdir():
        m = _NAME.match(p.name)
        if m and (stem is None or m["stem"] == stem):
            found.append(p)
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def backup_info(path: Path) -> tuple[datetime, str]:
    """When a backup was made (local time, from its name; else the file's time) and why
    ("close", "before-migration-v1", "" for a manual one)."""
    m = _NAME.match(Path(path).name)
    if m:
        try:
            when = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            when = datetime.fromtimestamp(Path(path).stat().st_mtime)
        reason = re.sub(r"-\d+$", "", m["reason"] or "")
        return when, reason
    return datetime.fromtimestamp(Path(path).stat().st_mtime), ""


def _header_of(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(crypto.HEADER_SIZE)
    except OSError:
        return b""


def prune(directory: Path, stem: str, keep: int, header: bytes | None = None) -> None:
    """Delete all but the newest ``keep`` backups of journal ``stem``. With ``header`` (the
    journal's 16-byte file header, which its backups share), only backups of that very journal
    are counted and deleted: another journal with the same file name keeps its backups."""
    backups = list_backups(directory, stem)
    if header is not None:
        backups = [p for p in backups if _header_of(p) == header]
    for old in backups[max(keep, 1):]:
        try:
            old.unlink()
        except OSError:
            log.warning("could not remove an old backup")


def restore(backup: Path, target: Path, passphrase: str | None = None,
            position: tuple[str, int, str] | None = None) -> Path:
    """Put a backup in place of ``target``. The current file (if any) is kept beside it as
    ``<name>.before-restore-<time>``; nothing is deleted. With ``passphrase`` the backup is opened
    first, so a wrong passphrase or a damaged backup changes nothing. The restored chain's
    ``position`` (journal id, sequence, head; read from the backup with ``passphrase``, or given by
    a caller that opened it) becomes the one remembered, so no rollback warning follows."""
    from journal.core.store import READ, Journal, filelock

    backup, target = Path(backup), Path(target)
    crypto.read_header(backup)  # not a journal → NotAJournalError
    if passphrase is not None:
        with Journal.open(backup, passphrase, mode=READ) as copy:  # changes nothing in it
            position = (copy.journal_id(), *copy.chain_position())
    # the journal is replaced: refused while any other process (a reader too) has it open
    lease = filelock.acquire(target, write=True)
    try:
        if not lease.write:
            raise InputError("error.not_writable", path=str(target))
        with lease.exclusive():
            restored = _restore(backup, target)
    finally:
        lease.release()
    if position is not None:
        # a restore is deliberate: the restored chain becomes the one this app remembers, so the
        # next unlock shows no rollback warning for it
        chainmemory.remember_position(*position)
    return restored


def _restore(backup: Path, target: Path) -> Path:
    tmp = temp_path_for(target, "restore", suffix=".tmp")
    data_written = False
    try:
        with open(backup, "rb") as src, open(tmp, "xb") as dst:
            os.chmod(tmp, 0o600)
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        data_written = True
        if target.exists():
            keep = target.with_name(f"{target.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}")
            os.link(target, keep)
            for suffix in ("-wal", "-shm"):
                side = Path(str(target) + suffix)
                if side.exists():
                    os.link(side, Path(str(keep) + suffix))
                    side.unlink()
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except FileExistsError:
        raise InputError("error.file_exists", path=str(tmp)) from None
    except OSError:
        raise InputError("error.not_writable", path=str(target)) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    assert data_written
    return target
