"""The journal's signing key: one Ed25519 key pair per journal, kept inside the encrypted file
(:mod:`journal.core.store.signing_key` keeps it; this module holds what needs no journal).

The key is made when a journal is created (or on the first open of a journal made before keys
existed) and never changes, not even when the passphrase does. Its creation is an audit record
(object type ``signing_key``) whose digest is the SHA-256 of the raw public key, so ``verify``
notices a key swapped inside the file. Evidence packages are signed with it; the fingerprint
(SHA-256 of the 32-byte raw public key, in groups of four hex digits) lets an official see that
two packages came from the same journal.
"""

from __future__ import annotations

import hashlib
import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from journal.core import i18n
from journal.core.errors import InputError

i18n.register({
    "error.no_signing_key": {
        "en": "This journal has no signing key yet. Close it and open it again; the key is made "
              "when it opens.",
        "zh": "这个日志还没有签名密钥。请关闭后重新打开它；打开时会生成密钥。",
    },
    "error.signing_key_mismatch": {
        "en": "The journal's signing key is damaged, so nothing can be signed. Run verify, and "
              "restore a backup if it fails.",
        "zh": "日志的签名密钥已损坏，无法签名。请运行完整性校验（verify），未通过时请恢复备份。",
    },
    "package.error.bad_fingerprint": {
        "en": "“{text}” is not a key fingerprint. A fingerprint is 64 hexadecimal digits "
              "(spaces allowed), as printed in the package's README.txt.",
        "zh": "“{text}”不是密钥指纹。指纹由 64 个十六进制字符组成（可以带空格），"
              "与证据包 README.txt 中印的一样。",
    },
})

AUDIT_TYPE = "signing_key"  # the audit record of the key's creation (journal.core.store.signing_key)
AUDIT_ID = "journal"

_HEX64 = re.compile(r"[0-9a-f]{64}")


# ---------------------------------------------------------------------------- pure helpers
def fingerprint_hex(public_raw: bytes) -> str:
    """SHA-256 of the raw 32-byte public key, as 64 lower-case hex digits."""
    return hashlib.sha256(public_raw).hexdigest()


def readable(fingerprint: str) -> str:
    """``"3f2a9c01…"`` → ``"3F2A 9C01 …"`` (16 groups of four, easy to read aloud and compare)."""
    text = fingerprint.upper()
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def fingerprint(public_raw: bytes) -> str:
    return readable(fingerprint_hex(public_raw))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint typed by a person (any case, spaces, colons or dashes) → 64 hex digits.

    Raises InputError when it is not 64 hex digits."""
    cleaned = re.sub(r"[\s:\-]", "", text or "").lower()
    if not _HEX64.fullmatch(cleaned):
        raise InputError("package.error.bad_fingerprint", field="expect_key", text=text)
    return cleaned


def public_pem(public_raw: bytes) -> bytes:
    """The public key as PEM SubjectPublicKeyInfo (what ``openssl pkeyutl -pubin`` reads)."""
    key = Ed25519PublicKey.from_public_bytes(public_raw)
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_pem(pem: bytes) -> bytes:
    """Raw public key from a PEM file; ValueError (unreadable) or TypeError (another kind of
    key) when it is not an Ed25519 public key."""
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise TypeError("not an Ed25519 key")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def signature_holds(public_raw: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def raw_pair(private: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """The raw 32-byte private and public halves."""
    priv = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                 serialization.NoEncryption())
    pub = private.public_key().public_bytes(serialization.Encoding.Raw,
                                            serialization.PublicFormat.Raw)
    return priv, pub
