"""Passphrase → Argon2id → raw 256-bit SQLCipher key, with the parameters kept in the file.

SQLCipher stores a 16-byte salt in plaintext at the start of the file and lets us choose it
(``PRAGMA key = "x'<key><salt>'"``). We use those 16 bytes as our file header:

    bytes 0-1   b"IJ"          magic: this is an Incident Journal file
    byte  2     format version (1)
    byte  3     log2 of Argon2id memory in KiB (16 = 64 MiB, 17 = 128 MiB)
    byte  4     Argon2id iterations
    byte  5     Argon2id lanes
    bytes 6-13  random
    bytes 14-15 the first two bytes of SHA-256(bytes 0-13): a damaged header is noticed as damage,
                not mistaken for a wrong passphrase

The whole 16 bytes are the Argon2id salt, so the 64 random bits make every file's key unique.
A file whose first bytes are not this header is "not a journal" (exit 4), which SQLCipher alone
cannot tell from a wrong passphrase.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import threading
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from journal.core.errors import InputError, NotAJournalError

log = logging.getLogger(__name__)

MAGIC = b"IJ"
FORMAT_VERSION = 1
HEADER_SIZE = 16
# The only parameters a header may ask for are those this app itself creates: 64 or 128 MiB,
# 1-12 iterations (calibrate() stays in 3-12; FAST_PARAMS uses 1), 1-4 lanes. A header asking for
# more (2 GiB, t = 64) is damage or a trap: deriving with it would hang for minutes and then
# report a wrong passphrase. It is refused as "not a journal or damaged" before any derivation.
MIN_MEMORY_LOG2 = 16  # 64 MiB, the floor the security model promises
MAX_MEMORY_LOG2 = 17  # 128 MiB, the default
MAX_ITERATIONS = 12
MAX_LANES = 4
TARGET_SECONDS = 0.8  # the 2-iteration probe carries fixed set-up cost, so unlocks land at ~0.55-0.7 s
MIN_PASSPHRASE_CHARS = 8


@dataclass(frozen=True)
class KdfParams:
    memory_log2: int = 17  # 128 MiB
    iterations: int = 4
    lanes: int = 4

    @property
    def memory_kib(self) -> int:
        return 1 << self.memory_log2

    def validate(self) -> None:
        if not (MIN_MEMORY_LOG2 <= self.memory_log2 <= MAX_MEMORY_LOG2):
            raise NotAJournalError()
        if not (1 <= self.iterations <= MAX_ITERATIONS) or not (1 <= self.lanes <= MAX_LANES):
            raise NotAJournalError()


# The cheapest parameters the format accepts; used by tests and fixtures, never by default.
FAST_PARAMS = KdfParams(memory_log2=16, iterations=1, lanes=4)


def make_header(params: KdfParams, random_bytes: bytes | None = None) -> bytes:
    params.validate()
    rnd = random_bytes if random_bytes is not None else os.urandom(8)
    body = MAGIC + bytes([FORMAT_VERSION, params.memory_log2, params.iterations, params.lanes]) + rnd
    header = body + hashlib.sha256(body).digest()[:2]
    assert len(header) == HEADER_SIZE
    return header


def parse_header(header: bytes) -> KdfParams:
    """Return the KDF parameters of a journal header, or raise :class:`NotAJournalError`."""
    if len(header) < len(MAGIC) or header[:2] != MAGIC:  # some other file: no journal header
        raise NotAJournalError("error.not_a_journal_file")
    if len(header) < HEADER_SIZE or header[2] != FORMAT_VERSION:
        raise NotAJournalError()
    if hashlib.sha256(header[:14]).digest()[:2] != header[14:16]:
        raise NotAJournalError()
    params = KdfParams(memory_log2=header[3], iterations=header[4], lanes=header[5])
    params.validate()
    return params


def read_header(path: os.PathLike[str] | str) -> bytes:
    try:
        with open(path, "rb") as fh:
            header = fh.read(HEADER_SIZE)
    except FileNotFoundError:
        raise InputError("error.file_missing", path=str(path)) from None
    except IsADirectoryError:
        raise NotAJournalError("error.not_a_journal_file") from None
    except PermissionError:
        raise InputError("error.file_unreadable", path=str(path)) from None
    try:
        parse_header(header)
    except NotAJournalError as exc:
        if exc.key == "error.not_a_journal_file" and _whole_pages(path):
            # no journal header, but the shape of one (whole encrypted pages): a journal whose
            # first bytes were damaged, more likely than some other file
            raise NotAJournalError() from None
        raise
    return header


def _whole_pages(path: os.PathLike[str] | str) -> bool:
    from journal.core.pagecheck import PAGE_SIZE

    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    return size >= PAGE_SIZE and size % PAGE_SIZE == 0


def derive_key(passphrase: str, header: bytes) -> bytes:
    """Argon2id over the passphrase (NFC-normalised UTF-8) with the header as salt."""
    import unicodedata

    params = parse_header(header)
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    with _DERIVING:  # one at a time in a process (see _DERIVING)
        return _argon2id(header, params, secret)


# Derivations take turns. Without this, a derivation started while the command line's early
# derivation of an earlier command was still running failed with "Not enough memory to derive
# key" (tests/promises/test_output_paths, which runs the CLI in-process); the exact cause in
# OpenSSL's Argon2 was not pinned down (four derivations started together in threads succeed).
_DERIVING = threading.Lock()


def _argon2id(header: bytes, params: KdfParams, secret: bytes) -> bytes:
    kdf = Argon2id(
        salt=header,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def sqlcipher_key_literal(key: bytes, header: bytes) -> str:
    """The ``PRAGMA key`` value: raw key plus the salt to store in the file's first 16 bytes."""
    return f"\"x'{key.hex()}{header.hex()}'\""


def calibrate(target_seconds: float = TARGET_SECONDS, memory_log2: int = 17, lanes: int = 4) -> KdfParams:
    """Choose iterations so that one derivation takes about ``target_seconds`` on this machine."""
    probe_iterations = 2
    start = time.perf_counter()
    Argon2id(salt=os.urandom(16), length=32, iterations=probe_iterations, lanes=lanes,
             memory_cost=1 << memory_log2).derive(b"calibration")
    elapsed = max(time.perf_counter() - start, 1e-3)
    iterations = math.ceil(probe_iterations * target_seconds / elapsed)
    iterations = max(3, min(iterations, MAX_ITERATIONS))
    log.info("Argon2id calibrated: %d MiB, t=%d, p=%d (probe %.3f s)",
             (1 << memory_log2) // 1024, iterations, lanes, elapsed)
    return KdfParams(memory_log2=memory_log2, iterations=iterations, lanes=lanes)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise InputError("error.passphrase_short", field="passphrase", n=MIN_PASSPHRASE_CHARS)


def passphrase_strength(passphrase: str) -> int:
    """A rough 0-4 score for the strength hint (length and variety; no dictionary)."""
    if not passphrase:
        return 0
    classes = sum(
        [
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
            any(ord(c) > 0x2E80 for c in passphrase),  # CJK characters carry much more entropy
        ]
    )
    length = len(passphrase) + 2 * sum(1 for c in passphrase if ord(c) > 0x2E80)
    score = 0
    if length >= 8:
        score += 1
    if length >= 12:
        score += 1
    if length >= 16:
        score += 1
    if classes >= 3:
        score += 1
    if len(set(passphrase)) < 4:
        score = min(score, 1)
    return min(score, 4)
