"""Child process for test_crash_safety: changes a journal in a loop until it is killed.

After each store call returns, it prints one line describing the acknowledged change and flushes:
    ADD <entry_id> <revision> <summary>
    ATT <entry_id> <attachment_id> <sha256>
    EDIT <entry_id> <revision> <summary>
    DEL <entry_id> <revision>
    RES <entry_id> <revision>
    PERSON <person_id> <name>
    DRAFT <key> <n>
Run as: CRASH_KEY=<hex> python crash_worker.py JOURNAL SEED (the raw key derived once by the test: Argon2id
is the slow part of opening, and the test must kill the worker 30 times in well under a minute)
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
from decimal import Decimal


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    key = bytes.fromhex(os.environ.pop("CRASH_KEY"))
    from journal.core.models import EntryDraft
    from journal.core.store import Journal

    rnd = random.Random(seed)
    j = Journal.open_with_key(path, key)
    print("OPEN", flush=True)
    n = 0
    while True:
        n += 1
        ids = j.entry_ids(include_deleted=True)
        op = rnd.random()
        if op < 0.35 or not ids:
            summary = f"s{seed}-{n}"
            kind = rnd.choice(["note", "payment", "contact"])
            draft = EntryDraft(kind=kind, summary=summary, details="d" * rnd.randint(0, 3000))
            if kind == "payment":
                draft.amount, draft.currency = Decimal(rnd.randint(1, 9999)) / 100, "CNY"
                draft.method, draft.direction = "wechat", "received"
            with j.transaction():
                e = j.add_entry(draft)
                data = None
                if rnd.random() < 0.6:
                    data = os.urandom(rnd.randint(1, 40_000))
                    a = j.add_attachment(entry_id=e.id, data=data, filename=f"f{n}.bin")
            print(f"ADD {e.id} {e.revision} {summary}", flush=True)
            if data is not None:
                print(f"ATT {e.id} {a.id} {hashlib.sha256(data).hexdigest()}", flush=True)
        elif op < 0.65:
            eid = rnd.choice(ids)
            summary = f"e{seed}-{n}"
            e = j.edit_entry(eid, EntryDraft(summary=summary))
            print(f"EDIT {eid} {e.revision} {summary}", flush=True)
        elif op < 0.75:
            eid = rnd.choice(ids)
            data = os.urandom(rnd.randint(1, 200_000))
            a = j.add_attachment(entry_id=eid, data=data, filename=f"g{n}.bin")
            print(f"ATT {eid} {a.id} {hashlib.sha256(data).hexdigest()}", flush=True)
        elif op < 0.85:
            eid = rnd.choice(ids)
            if j.get_entry(eid).deleted:
                j.restore_entry(eid)
                print(f"RES {eid} {j.get_entry(eid).revision}", flush=True)
            else:
                j.delete_entry(eid)
                print(f"DEL {eid} {j.get_entry(eid).revision}", flush=True)
        elif op < 0.93:
            p = j.add_person(f"p{seed}-{n}", aliases=["别名"])
            print(f"PERSON {p.id} {p.name}", flush=True)
        else:
            j.save_draft("editor:new", {"summary": f"draft {seed}-{n}", "seed": seed, "n": n})
            print(f"DRAFT editor:new {n}", flush=True)


if __name__ == "__main__":
    main()
