"""The rollback warning: remembering, outside the journal, how far each journal's chain reached.

For every journal it has opened, the app keeps the newest (sequence number, hash) of the audit
chain it saw, keyed by the journal's random id — two numbers and a hash, no content. When a file
opens whose chain is shorter than that, or does not contain that record, someone may have put an
older copy in its place (or cut off its newest records): the window and the command line warn.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from journal.core import paths
from journal.core.fsutil import write_bytes_atomic

log = logging.getLogger(__name__)
FILE_NAME = "chain-heads.json"


class ChainSource(Protocol):
    def journal_id(self) -> str: ...
    def chain_position(self) -> tuple[int, str]: ...
    def chain_contains(self, seq: int, record_hash: str) -> bool: ...


@dataclass(frozen=True)
class RollbackWarning:
    """The file holds less than this app saw before: ``seen_seq`` records then, ``seq`` now."""

    seen_seq: int
    seq: int


def memory_path() -> Path:
    return paths.config_dir() / FILE_NAME


def _load() -> dict[str, dict[str, object]]:
    try:
        data = json.loads(memory_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def check(journal: ChainSource) -> RollbackWarning | None:
    """A warning when the open journal's chain is shorter than the one seen before, or does not
    contain the newest record seen before; None when all is as expected (or never seen)."""
    seen = _load().get(journal.journal_id())
    if not isinstance(seen, dict):
        return None
    try:
        seen_seq, seen_hash = int(str(seen["seq"])), str(seen["head"])
    except (KeyError, ValueError):
        return None
    seq, _head = journal.chain_position()
    if seq < seen_seq or not journal.chain_contains(seen_seq, seen_hash):
        log.warning("rollback: the journal's chain is shorter than, or differs from, the one seen")
        return RollbackWarning(seen_seq=seen_seq, seq=seq)
    return None


def remember(journal: ChainSource, *, force: bool = False) -> None:
    """Keep the journal's current chain position as the newest seen, if it extends the one
    remembered (or with ``force``). Never raises: a read-only settings folder only loses the
    warning."""
    try:
        if not force and check(journal) is not None:
            return  # an older copy never overwrites what was seen, unless it was warned about
        seq, head = journal.chain_position()
        remember_position(journal.journal_id(), seq, head)
    except Exception as exc:  # noqa: BLE001 - a warning aid must never stop the journal
        log.warning("could not remember the chain position (%s)", type(exc).__name__)


def remember_position(journal_id: str, seq: int, head: str) -> None:
    """Make (``seq``, ``head``) the remembered position of journal ``journal_id`` — after a
    deliberate restore of a backup, whose chain is shorter than the one seen before."""
    try:
        data = _load()
        data[journal_id] = {"seq": seq, "head": head}
        target = memory_path()
        paths.ensure_private_dir(target.parent)
        write_bytes_atomic(target, json.dumps(data, sort_keys=True).encode("utf-8"))
    except Exception as exc:  # noqa: BLE001 - a warning aid must never stop the journal
        log.warning("could not remember the chain position (%s)", type(exc).__name__)


def check_and_remember(journal: ChainSource) -> RollbackWarning | None:
    """On open: the warning (if any), then the current position becomes the one remembered, so
    the same copy warns once."""
    warning = check(journal)
    remember(journal, force=True)
    return warning
