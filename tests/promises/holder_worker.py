"""A second process that keeps a journal open, as the window would (for the lock tests).

Usage: python holder_worker.py PATH PASSPHRASE MODE [SUMMARY]
Opens PATH (MODE: write, read or auto), adds an entry with SUMMARY when given, prints "ready" and
waits until a line arrives on standard input; then closes and prints "closed". An error opening
prints "error <key>" instead of "ready".
"""

from __future__ import annotations

import sys

from journal.core.errors import JournalError
from journal.core.models import EntryDraft
from journal.core.store import Journal


def main() -> int:
    path, passphrase, mode = sys.argv[1:4]
    summary = sys.argv[4] if len(sys.argv) > 4 else ""
    try:
        journal = Journal.open(path, passphrase, mode=mode)
    except JournalError as exc:
        print(f"error {exc.key}", flush=True)
        return 1
    if summary:
        journal.add_entry(EntryDraft(kind="note", summary=summary))
    print("ready", flush=True)
    sys.stdin.readline()
    journal.close()
    print("closed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
