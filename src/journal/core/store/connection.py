"""Opening the SQLCipher file with a raw key, and telling a wrong passphrase from a damaged file.

A wrong key is decided from the page HMACs before SQLite touches the file: a connection opened with
a wrong key would still checkpoint a leftover ``-wal`` into the file when it closes, and a wrong
passphrase must change nothing.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import sqlcipher3

from journal.core import crypto
from journal.core.errors import InputError, JournalError, NotAJournalError, WrongPassphraseError
from journal.core.pagecheck import (
    PAGE_SIZE,
    hmac_key,
    key_matches_any_page,
    looks_truncated,
    page_authenticates,
)

log = logging.getLogger(__name__)

_cipher_log_silenced = False


class KeyMaterial:
    """The raw key and the 16-byte file header of an open journal (changed by a re-key)."""

    def __init__(self, key: bytes, header: bytes) -> None:
        self.key = key
        self.header = header

    def replace(self, key: bytes, header: bytes) -> None:
        self.key, self.header = key, header

    def wipe(self) -> None:
        self.key = b"\x00" * 32


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


def _wrong_key_error(path: Path, key: bytes, header: bytes) -> JournalError:
    return NotAJournalError() if key_fits_other_pages(path, key, header) else WrongPassphraseError()


def _read_only_uri(path: Path) -> str:
    """``mode=ro``; for a read-only file, folder or medium with no ``-wal`` beside the file,
    ``immutable=1`` (SQLite then needs no ``-shm`` either, and leaves nothing beside it)."""
    resolved = Path(path).resolve()
    uri = resolved.as_uri() + "?mode=ro"
    wal = Path(str(resolved) + "-wal")
    writable = os.access(resolved, os.W_OK) and os.access(resolved.parent, os.W_OK)
    if not writable and not wal.exists():  # nothing to read from a -wal: leave no -shm behind
        uri += "&immutable=1"
    return uri


def check_key(path: Path, key: bytes, header: bytes) -> None:
    """``WrongPassphraseError`` (or ``NotAJournalError`` for a damaged first page) unless ``key``
    authenticates page 1; reads the raw file only, touches nothing (not even lock files)."""
    _silence_cipher_log()
    if not key_fits_first_page(path, key, header):
        raise _wrong_key_error(path, key, header)


def connect(path: Path, key: bytes, header: bytes, check: bool = False,
            read_only: bool = False, wal: bool = True) -> Any:
    """A keyed connection in WAL mode with ``synchronous=FULL``. With ``check`` a wrong key raises
    ``WrongPassphraseError`` and a damaged file ``NotAJournalError`` before anything is written.
    With ``read_only`` SQLite opens the file read-only (a 0444 file, read-only media); with
    ``wal`` false the file's journal mode is left as it is (a reader changes nothing)."""
    _silence_cipher_log()
    if check and not key_fits_first_page(path, key, header):
        raise _wrong_key_error(path, key, header)
    try:
        if read_only:
            conn = sqlcipher3.connect(_read_only_uri(path), uri=True, isolation_level=None,
                                      check_same_thread=False)
        else:
            conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error:
        raise NotAJournalError() from None
    try:
        conn.execute(f"PRAGMA key = {crypto.sqlcipher_key_literal(key, header)}")
        if check:
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlcipher3.DatabaseError as exc:
                if read_only and "unable to open" in str(exc):
                    raise InputError("error.file_unreadable", path=str(path)) from None
                raise _wrong_key_error(path, key, header) from None
        if wal and not read_only:
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


def key_fits_first_page(path: Path, key: bytes, header: bytes) -> bool:
    """Whether ``key`` authenticates page 1 of the file (HMAC only; nothing is decrypted)."""
    try:
        with open(path, "rb") as fh:
            page = fh.read(PAGE_SIZE)
    except OSError:
        return False
    return page_authenticates(page, 1, hmac_key(key, header))


def key_fits_other_pages(path: Path, key: bytes, header: bytes) -> bool:
    """Whether page 1 is damaged rather than the passphrase wrong: the file is cut short, or the
    key authenticates some page other than page 1. Reads the raw file; never decrypts."""
    try:
        # a file cut short (e.g. only the header left) is damage, not a wrong passphrase
        return looks_truncated(path) or key_matches_any_page(path, key, header)
    except Exception:  # a probe; any failure means "cannot tell"
        log.debug("page probe failed", exc_info=True)
        return False
