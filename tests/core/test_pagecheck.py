"""The check of every page's HMAC made over the raw file (journal.core.pagecheck.damaged_pages):
the pre-write check and `verify` use it instead of SQLCipher's `cipher_integrity_check` (a third
cheaper, and it reads a megabyte at a time). It must name exactly the pages SQLCipher's own check
names, and like it leave out the page of SQLite's lock byte (at 1 GiB), which SQLite never
writes: a journal larger than 1 GiB is not damaged."""

from __future__ import annotations

import hashlib
import hmac as std_hmac
import os
import re
from pathlib import Path

import sqlcipher3

from journal.core.crypto import FAST_PARAMS
from journal.core.models import EntryDraft
from journal.core.pagecheck import (
    HMAC_SIZE,
    IV_SIZE,
    LOCK_BYTE_PAGE,
    PAGE_SIZE,
    RESERVE,
    PageMac,
    damaged_pages,
    hmac_key,
)
from journal.core.store import Journal
from journal.core.store.connection import connect

PASS = "page check passphrase 页面"


def _journal(path: Path) -> tuple[bytes, bytes]:
    """A closed journal of some dozens of pages with an attachment; its raw key and salt."""
    with Journal.create(path, PASS, kdf=FAST_PARAMS) as j:
        for i in range(60):
            e = j.add_entry(EntryDraft(kind="note", summary=f"note {i}", details="细节 " * 200))
        j.add_attachment(entry_id=e.id, data=os.urandom(50_000), filename="blob.bin")
    key = Journal.derive(path, PASS)
    return key, path.read_bytes()[:16]


def _sqlcipher_says(path: Path, key: bytes, salt: bytes) -> tuple[list[int], list[str]]:
    conn = connect(path, key, salt, read_only=True, wal=False)
    try:
        lines = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    except sqlcipher3.DatabaseError as exc:  # pragma: no cover (the message says which)
        raise AssertionError(exc) from exc
    finally:
        conn.close()
    pages = [int(m.group(1)) for line in lines
             for m in [re.search(r"page (\d+)", line)] if m]
    assert len(pages) == len(lines), lines
    return pages, lines


def test_an_intact_journal_has_no_damaged_page_for_either_check(tmp_path: Path) -> None:
    path = tmp_path / "j.ijournal"
    key, salt = _journal(path)
    assert path.stat().st_size // PAGE_SIZE > 40
    assert damaged_pages(path, key, salt, limit=None) == []
    assert _sqlcipher_says(path, key, salt)[0] == []


def test_the_raw_check_names_exactly_the_pages_sqlciphers_own_check_names(
        tmp_path: Path) -> None:
    path = tmp_path / "j.ijournal"
    key, salt = _journal(path)
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE_SIZE
    # a body byte, an IV byte and an HMAC byte of three pages, a page copied over another (its
    # page number differs), and the last page (page 1 stays intact: SQLCipher must open it)
    data[PAGE_SIZE * 2 + 100] ^= 0x80
    data[PAGE_SIZE * 5 + PAGE_SIZE - RESERVE + 3] ^= 0x01  # its IV
    data[PAGE_SIZE * 9 + PAGE_SIZE - HMAC_SIZE + 7] ^= 0x01  # its stored HMAC
    data[PAGE_SIZE * 12:PAGE_SIZE * 13] = data[PAGE_SIZE * 13:PAGE_SIZE * 14]
    data[PAGE_SIZE * (pages - 1) + 4000] ^= 0x10
    data += b"\x00" * 100  # and a partial page at the end
    path.write_bytes(bytes(data))
    expected = [3, 6, 10, 13, pages, pages + 1]
    assert _sqlcipher_says(path, key, salt)[0] == expected
    assert damaged_pages(path, key, salt, limit=None) == expected
    assert damaged_pages(path, key, salt, limit=3) == expected[:3]
    data[16 + 5] ^= 0x01  # page 1 past its salt
    path.write_bytes(bytes(data))
    assert damaged_pages(path, key, salt, limit=None) == [1, *expected]
    assert damaged_pages(path, key, salt, first=4, last=12) == [6, 10]


def test_a_wrong_key_fails_every_page(tmp_path: Path) -> None:
    path = tmp_path / "j.ijournal"
    key, salt = _journal(path)
    wrong = bytes(b ^ 1 for b in key)
    pages = path.stat().st_size // PAGE_SIZE
    assert damaged_pages(path, wrong, salt, limit=None) == list(range(1, pages + 1))


def _sealed_page(mac: PageMac, pgno: int) -> bytes:
    """A page as SQLCipher stores it (random ciphertext and IV) with its HMAC, made by the
    standard library's HMAC (the fast one must agree)."""
    body = os.urandom(PAGE_SIZE - RESERVE + IV_SIZE)
    stored = std_hmac.new(_MAC_KEY, body + pgno.to_bytes(4, "little"), hashlib.sha512).digest()
    page = body + stored
    assert mac.authenticates(page, pgno)
    return page


_KEY, _SALT = bytes(range(32)), bytes(range(16))
_MAC_KEY = hmac_key(_KEY, _SALT)


def test_the_lock_byte_page_of_a_journal_over_1_gib_is_not_damage(tmp_path: Path) -> None:
    """SQLite never writes the page holding its lock byte (offset 1 GiB), so a file larger than
    1 GiB has no HMAC there; SQLCipher's check skips it and so must this one (else every journal
    over 1 GiB would be refused every write as damaged). A sparse file: only the pages around it
    are written, each sealed with its HMAC; the lock-byte page is left zero."""
    assert LOCK_BYTE_PAGE == 262_145
    mac = PageMac(_MAC_KEY)
    path = tmp_path / "big.ijournal"
    around = [LOCK_BYTE_PAGE - 2, LOCK_BYTE_PAGE - 1, LOCK_BYTE_PAGE + 1, LOCK_BYTE_PAGE + 2]
    with open(path, "wb") as fh:
        for pgno in around:
            fh.seek((pgno - 1) * PAGE_SIZE)
            fh.write(_sealed_page(mac, pgno))
    assert path.stat().st_size == (LOCK_BYTE_PAGE + 2) * PAGE_SIZE > 2 ** 30
    first, last = LOCK_BYTE_PAGE - 2, LOCK_BYTE_PAGE + 2
    assert damaged_pages(path, _KEY, _SALT, first=first, last=last) == []
    # a damaged page beside it is still found
    with open(path, "r+b") as fh:
        fh.seek(LOCK_BYTE_PAGE * PAGE_SIZE + 10)
        fh.write(b"\xff")
    assert damaged_pages(path, _KEY, _SALT, first=first, last=last) == [LOCK_BYTE_PAGE + 1]
