"""Parsers that behave like a file that exploits a parser: run by the import sandbox's child
process in tests/promises/test_import_sandbox.py (this folder is put on its PYTHONPATH)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from journal.core.importers.common import ParsedChat, ParsedMessage


def crash(path: str, **_: Any) -> None:
    os.abort()  # as a segmentation fault in a decoder would end it


def hang(path: str, **_: Any) -> None:
    while True:  # a parser caught in a loop
        time.sleep(1)


def hog(path: str, **_: Any) -> list[bytes]:
    return [bytes(64 * 2**20) for _ in range(1000)]  # 64 GB, a piece at a time


def spy(path: str, **_: Any) -> dict[str, Any]:
    """What the child can see: its environment and its limits."""
    import resource

    return {
        "secrets": sorted(k for k in os.environ if "PASSPHRASE" in k),
        "values": sorted(v for v in os.environ.values() if "promise passphrase" in v),
        "as_limit": resource.getrlimit(resource.RLIMIT_AS)[0],
        "pid": os.getpid(),
    }


def misled(path: str, **_: Any) -> ParsedChat:
    """A parser tricked into naming a file outside the export as a photo."""
    secret = Path(path).parent.parent / "secret.txt"
    msg = ParsedMessage(sent_at=datetime(2024, 3, 5, tzinfo=UTC), sender="X", text="hi",
                        media=[secret])
    return ParsedChat(app="whatsapp", chat_name="X", messages=[msg], senders=["X"],
                      tz_name="UTC", date_order=None, format_note="", source_path=Path(path),
                      source_sha256="0" * 64)
