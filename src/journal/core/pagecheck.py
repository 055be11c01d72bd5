"""Tell "wrong passphrase" from "damaged first page" without decrypting anything.

SQLCipher 4 authenticates every page with HMAC-SHA512 over (ciphertext ‖ IV ‖ page number, 4 bytes
little-endian), keyed with PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations). When the first
page fails to open but the key authenticates another page, the passphrase is right and the file is
damaged. Only HMACs are computed; no page is decrypted.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

PAGE_SIZE = 4096
IV_SIZE = 16
HMAC_SIZE = 64
RESERVE = IV_SIZE + HMAC_SIZE  # 80, a multiple of the AES block size
SALT_SIZE = 16


def hmac_key(key: bytes, salt: bytes) -> bytes:
    hmac_salt = bytes(b ^ 0x3A for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, hmac_salt, 2, dklen=len(key))


def page_authenticates(page: bytes, pgno: int, mac_key: bytes) -> bool:
    if len(page) != PAGE_SIZE:
        return False
    start = SALT_SIZE if pgno == 1 else 0
    body_end = PAGE_SIZE - RESERVE
    signed = page[start:body_end + IV_SIZE]
    stored = page[body_end + IV_SIZE:body_end + IV_SIZE + HMAC_SIZE]
    mac = hmac.new(mac_key, signed + pgno.to_bytes(4, "little"), hashlib.sha512).digest()
    return hmac.compare_digest(mac, stored)


def looks_truncated(path: Path) -> bool:
    """True when the file cannot be a whole SQLCipher database: shorter than one page, or not a
    whole number of pages (SQLite only ever writes whole pages to the main file)."""
    size = Path(path).stat().st_size
    return size < PAGE_SIZE or size % PAGE_SIZE != 0


def key_matches_any_page(path: Path, key: bytes, salt: bytes, max_pages: int = 64) -> bool:
    """True when ``key`` authenticates at least one of the first pages after page 1."""
    mac_key = hmac_key(key, salt)
    with open(path, "rb") as fh:
        fh.seek(PAGE_SIZE)
        for pgno in range(2, max_pages + 2):
            page = fh.read(PAGE_SIZE)
            if len(page) < PAGE_SIZE:
                break
            if page_authenticates(page, pgno, mac_key):
                return True
    return False


def damaged_pages(path: Path, key: bytes, salt: bytes, limit: int = 100) -> list[int]:
    """The numbers of the pages of the file at ``path`` whose HMAC does not match ``key`` (at most
    ``limit``); a file that is not a whole number of pages counts its last, partial page. Reads the
    file once, page by page; decrypts nothing."""
    mac_key = hmac_key(key, salt)
    bad: list[int] = []
    with open(path, "rb") as fh:
        pgno = 0
        while len(bad) < limit:
            page = fh.read(PAGE_SIZE)
            if not page:
                break
            pgno += 1
            if not page_authenticates(page, pgno, mac_key):
                bad.append(pgno)
    return bad
