"""The hash-chained audit log.

Each change appends a record whose hash is ``SHA-256(prev_hash || canonical record)``; the
record holds the SHA-256 of the changed object's canonical state after the change. ``verify``
recomputes the chain and compares every object's current state with its last record, so an edited
row, a removed record or a swapped attachment is detected.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64


def canonical(obj: Any) -> bytes:
    """Deterministic JSON bytes (sorted keys, no whitespace, UTF-8)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str).encode("utf-8")


def digest(obj: Any) -> str:
    return hashlib.sha256(canonical(obj)).hexdigest()


def record_hash(prev_hash: str, seq: int, at: str, action: str, object_type: str,
                object_id: str, object_digest: str) -> str:
    body = canonical({"seq": seq, "at": at, "action": action, "type": object_type,
                      "id": object_id, "digest": object_digest})
    return hashlib.sha256(prev_hash.encode("ascii") + body).hexdigest()
