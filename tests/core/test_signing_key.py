"""The journal's Ed25519 signing key: made with the journal (or on the first open of an older
one), audited, checked by verify, kept across a passphrase change."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from journal.core import signing
from journal.core.crypto import FAST_PARAMS
from journal.core.errors import InputError
from journal.core.models import EntryDraft
from journal.core.store import Journal

DATA = Path(__file__).resolve().parents[1] / "data"
V1_PASSPHRASE = "v1 journal 第一版 passphrase"


def _meta(j: Journal, key: str) -> str | None:
    row = j.db.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def test_new_journal_has_a_key_whose_creation_is_an_audit_record_covering_the_public_key(
        journal: Journal) -> None:
    public = journal.signing_public_key()
    assert len(public) == 32
    records = [r for r in journal.audit_records() if r.object_type == "signing_key"]
    assert len(records) == 1
    assert records[0].action == "create"
    assert records[0].digest == hashlib.sha256(public).hexdigest()
    assert journal.verify().ok


def test_fingerprint_is_sha256_of_the_raw_public_key_in_sixteen_groups_of_four(
        journal: Journal) -> None:
    fp = journal.signing_fingerprint()
    assert re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){15}", fp)
    assert fp.replace(" ", "").lower() == hashlib.sha256(journal.signing_public_key()).hexdigest()


def test_signature_made_by_the_journal_holds_only_for_the_signed_bytes(journal: Journal) -> None:
    sig = journal.sign(b"tag manifest bytes")
    public = journal.signing_public_key()
    assert signing.signature_holds(public, sig, b"tag manifest bytes")
    assert not signing.signature_holds(public, sig, b"tag manifest bytez")
    pem = signing.public_pem(public)
    assert pem.startswith(b"-----BEGIN PUBLIC KEY-----") and signing.load_public_pem(pem) == public


def test_verify_fails_when_the_public_key_in_the_file_is_swapped(journal: Journal) -> None:
    other = Journal.create(journal.path.with_name("other.ijournal"), "another passphrase here",
                           kdf=FAST_PARAMS)
    foreign = other.signing_public_key().hex()
    other.close()
    journal.db.conn.execute("UPDATE meta SET value = ? WHERE key = 'signing_public_key'", (foreign,))
    result = journal.verify()
    assert not result.ok
    assert "the signing key was changed outside the app" in result.problems
    assert "the signing key's private and public halves do not belong together" in result.problems


def test_verify_fails_when_the_whole_key_pair_is_replaced_without_an_audit_record(
        journal: Journal) -> None:
    other = Journal.create(journal.path.with_name("other.ijournal"), "another passphrase here",
                           kdf=FAST_PARAMS)
    priv, pub = _meta(other, "signing_key"), _meta(other, "signing_public_key")
    other.close()
    journal.db.conn.execute("UPDATE meta SET value = ? WHERE key = 'signing_key'", (priv,))
    journal.db.conn.execute("UPDATE meta SET value = ? WHERE key = 'signing_public_key'", (pub,))
    result = journal.verify()
    assert result.problems == ["the signing key was changed outside the app"]


def test_verify_fails_when_the_key_is_removed(journal: Journal) -> None:
    journal.db.conn.execute("DELETE FROM meta WHERE key IN ('signing_key', 'signing_public_key')")
    assert journal.verify().problems == ["the signing key was removed from the journal"]


def test_rekey_keeps_the_same_signing_key(journal: Journal, journal_path: Path) -> None:
    journal.add_entry(EntryDraft(kind="note", summary="before the new passphrase"))
    before = journal.signing_fingerprint()
    journal.rekey("a brand new passphrase", kdf=FAST_PARAMS)
    assert journal.signing_fingerprint() == before
    journal.close()
    with Journal.open(journal_path, "a brand new passphrase") as j:
        assert j.signing_fingerprint() == before
        assert len([r for r in j.audit_records() if r.object_type == "signing_key"]) == 1
        assert j.verify().ok


def test_journal_made_before_keys_gets_one_on_first_open_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "old.ijournal"
    shutil.copyfile(DATA / "journal-v1.ijournal", path)
    with Journal.open_with_key(path, Journal.derive(path, V1_PASSPHRASE),
                               backup_dir=tmp_path / "backups") as j:
        records = j.audit_records()
        assert [(r.action, r.object_type) for r in records[-2:]] == [("migrate", "journal"),
                                                                     ("create", "signing_key")]
        first = j.signing_fingerprint()
        assert records[-1].digest == first.replace(" ", "").lower()
        assert j.verify().ok
    with Journal.open(path, V1_PASSPHRASE) as j:
        assert j.signing_fingerprint() == first
        assert len([r for r in j.audit_records() if r.object_type == "signing_key"]) == 1


@pytest.mark.parametrize("typed", [
    "3f2a9c01" * 8,
    "3F2A 9C01 " * 8,
    ":".join(["3F2A", "9C01"] * 8),
])
def test_typed_fingerprints_are_normalised(typed: str) -> None:
    assert signing.normalise_fingerprint(typed) == "3f2a9c01" * 8


@pytest.mark.parametrize("typed", ["", "abc", "3f2a9c01" * 7, "zz" * 32, "3f2a9c01" * 8 + "00"])
def test_a_fingerprint_that_is_not_64_hex_digits_is_refused_in_both_languages(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        signing.normalise_fingerprint(typed)
    assert "64" in caught.value.message("en") and "64 个十六进制字符" in caught.value.message("zh")


def test_opening_a_journal_that_has_its_key_takes_no_write_lock(journal: Journal,
                                                                journal_path: Path) -> None:
    """Another process writing (here: a second connection holding the write lock) must not make
    an open wait for the busy timeout (5 s): readers work while a writer is busy."""
    import time

    with journal.transaction():
        journal.add_entry(EntryDraft(kind="note", summary="a writer holds the lock"))
        started = time.perf_counter()
        reader = Journal.open(journal_path, "correct horse 电池 staple")
        seconds = time.perf_counter() - started
        assert reader.signing_fingerprint() == journal.signing_fingerprint()
    reader.close()  # (closing folds the WAL in, which waits for the writer: not part of this)
    assert seconds < 2.5
