"""The journal's Ed25519 signing key, kept in two ``meta`` rows inside the encrypted file.

Made when a journal is created, or on the first open of a journal made before keys existed, in
one transaction with an audit record (type ``signing_key``) whose digest is the SHA-256 of the raw
public key — the fingerprint — so that ``verify`` notices a key swapped inside the file. A re-key
copies the whole database, so the key stays the same.
"""

from __future__ import annotations

import logging

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from journal.core import signing
from journal.core.errors import JournalError
from journal.core.models import VerifyProblem
from journal.core.store.db import Database

log = logging.getLogger(__name__)

PRIVATE_META = "signing_key"
PUBLIC_META = "signing_public_key"


class SigningKey:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _meta(self, key: str) -> str | None:
        row = self._db.one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if row is None else str(row[0])

    def exists(self) -> bool:
        return self._meta(PUBLIC_META) is not None

    def ensure(self) -> bool:
        """Make the key pair if there is none (with its audit record); True when one was made.

        Reads first: an open of a journal that has its key takes no write lock."""
        if self.exists():
            return False
        with self._db.transaction():
            if self.exists():
                return False
            priv, pub = signing.raw_pair(Ed25519PrivateKey.generate())
            conn = self._db.conn
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (PRIVATE_META, priv.hex()))
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (PUBLIC_META, pub.hex()))
            self._db.append_audit("create", signing.AUDIT_TYPE, signing.AUDIT_ID,
                                  signing.fingerprint_hex(pub))
        log.info("signing key made for the journal")
        return True

    def public_key(self) -> bytes:
        value = self._meta(PUBLIC_META)
        if value is None:
            raise JournalError("error.no_signing_key")
        return bytes.fromhex(value)

    def sign(self, data: bytes) -> bytes:
        value = self._meta(PRIVATE_META)
        if value is None:
            raise JournalError("error.no_signing_key")
        private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(value))
        if signing.raw_pair(private)[1] != self.public_key():
            raise JournalError("error.signing_key_mismatch")
        return private.sign(data)

    def problems(self, recorded_digest: str | None) -> list[VerifyProblem]:
        """What ``verify`` reports about the key: unaudited, swapped, or halves that differ."""
        pub_hex = self._meta(PUBLIC_META)
        priv_hex = self._meta(PRIVATE_META)
        if pub_hex is None and priv_hex is None:
            return [] if recorded_digest is None else [VerifyProblem("key_removed")]
        if pub_hex is None or priv_hex is None:
            return [VerifyProblem("key_half_missing")]
        try:
            pub = bytes.fromhex(pub_hex)
            private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(priv_hex))
        except ValueError:
            return [VerifyProblem("key_unreadable")]
        problems = []
        if signing.raw_pair(private)[1] != pub:
            problems.append(VerifyProblem("key_halves_differ"))
        if recorded_digest is None:
            problems.append(VerifyProblem("key_unaudited"))
        elif recorded_digest != signing.fingerprint_hex(pub):
            problems.append(VerifyProblem("key_changed"))
        return problems
