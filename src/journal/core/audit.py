"""The hash-chained audit log.

Each change appends a record whose hash is ``SHA-256(prev_hash || canonical record)``; the
record holds the SHA-256 of the changed object's canonical state after the change. ``verify``
recomputes the chain and compares every object's current state with its last record, so an edited
row, a removed record or a swapped attachment is detected.
"""

from __future__ import annotations

import hashlib
import json
from json.encoder import encode_basestring
from typing import Any

GENESIS = "0" * 64

# One encoder for every call: json.dumps() with these options builds a new JSONEncoder each
# time; the output is the same (verify hashes hundreds of thousands of records).
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                            default=str)


def canonical(obj: Any) -> bytes:
    """Deterministic JSON bytes (sorted keys, no whitespace, UTF-8)."""
    return _ENCODER.encode(obj).encode("utf-8")


def digest(obj: Any) -> str:
    return hashlib.sha256(canonical(obj)).hexdigest()


def record_hash(prev_hash: str, seq: int, at: str, action: str, object_type: str,
                object_id: str, object_digest: str) -> str:
    if (type(seq) is int and type(at) is str and type(action) is str
            and type(object_type) is str and type(object_id) is str
            and type(object_digest) is str):
        # canonical() of this record spelled out: keys in sorted order, strings escaped by the
        # same function json uses with ensure_ascii=False (a test compares the two)
        text = (f'{{"action":{encode_basestring(action)},"at":{encode_basestring(at)},'
                f'"digest":{encode_basestring(object_digest)},"id":{encode_basestring(object_id)},'
                f'"seq":{seq},"type":{encode_basestring(object_type)}}}')
        body = text.encode("utf-8")
    else:
        body = canonical({"seq": seq, "at": at, "action": action, "type": object_type,
                          "id": object_id, "digest": object_digest})
    return hashlib.sha256(prev_hash.encode("ascii") + body).hexdigest()
