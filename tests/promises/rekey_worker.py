"""Child process for test_crash_safety: re-keys a journal back and forth and writes backups in a
loop until it is killed. Prints ``REKEY <n> <A|B>`` after each re-key returns and ``BACKUP
<path>`` after each backup returns.

Run as: python rekey_worker.py JOURNAL BACKUP_DIR START(A|B)
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    path, folder, current = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    from journal.core import backup as backups
    from journal.core.crypto import FAST_PARAMS
    from journal.core.models import EntryDraft
    from journal.core.store import Journal

    passes = {"A": "rekey passphrase AAAA 甲", "B": "rekey passphrase BBBB 乙"}
    j = Journal.open(path, passes[current])
    print("OPEN", flush=True)
    n = 0
    while True:
        n += 1
        other = "B" if current == "A" else "A"
        j.rekey(passes[other], kdf=FAST_PARAMS)
        current = other
        print(f"REKEY {n} {current}", flush=True)
        e = j.add_entry(EntryDraft(kind="note", summary=f"after rekey {n}"))
        print(f"ADD {e.id}", flush=True)
        b = backups.make_backup(j, folder, reason="close", keep=3)
        print(f"BACKUP {b}", flush=True)


if __name__ == "__main__":
    main()
