from __future__ import annotations

import pytest

from journal.core import crypto
from journal.core.errors import InputError, NotAJournalError


def test_header_round_trip_and_minimum_memory() -> None:
    header = crypto.make_header(crypto.KdfParams(17, 4, 4))
    assert len(header) == 16 and header[:2] == b"IJ"
    params = crypto.parse_header(header)
    assert params == crypto.KdfParams(17, 4, 4)
    assert params.memory_kib >= 64 * 1024
    assert crypto.FAST_PARAMS.memory_kib >= 64 * 1024  # even the test parameters keep the floor


@pytest.mark.parametrize("index", range(16))
def test_any_flipped_header_byte_is_noticed(index: int) -> None:
    header = bytearray(crypto.make_header(crypto.FAST_PARAMS))
    header[index] ^= 0x40
    with pytest.raises(NotAJournalError):
        crypto.parse_header(bytes(header))


@pytest.mark.parametrize("header", [b"", b"SQLite format 3\x00", bytes(16), b"IJ" + bytes(14)])
def test_foreign_headers(header: bytes) -> None:
    with pytest.raises(NotAJournalError):
        crypto.parse_header(header)


def test_weak_memory_parameter_refused() -> None:
    with pytest.raises(NotAJournalError):
        crypto.make_header(crypto.KdfParams(memory_log2=10, iterations=1, lanes=1))


def test_derive_depends_on_passphrase_and_salt() -> None:
    h1 = crypto.make_header(crypto.FAST_PARAMS)
    h2 = crypto.make_header(crypto.FAST_PARAMS)
    k = crypto.derive_key("passphrase1", h1)
    assert len(k) == 32
    assert k == crypto.derive_key("passphrase1", h1)
    assert k != crypto.derive_key("passphrase2", h1)
    assert k != crypto.derive_key("passphrase1", h2)
    # NFC normalisation: the same visible passphrase typed two ways gives the same key
    assert crypto.derive_key("caf\u00e9-pass", h1) == crypto.derive_key("cafe\u0301-pass", h1)


def test_new_passphrase_rules_and_strength() -> None:
    with pytest.raises(InputError):
        crypto.check_new_passphrase("short")
    crypto.check_new_passphrase("long enough")
    assert crypto.passphrase_strength("") == 0
    assert crypto.passphrase_strength("aaaaaaaaaaaa") <= 1
    assert crypto.passphrase_strength("Tr0ub4dor&3-horse-battery") == 4
    assert crypto.passphrase_strength("我的日记密码很长很长") >= 3
