"""Where verify's time goes (issue 17): each part of ``Journal.verify()`` on its own, then the
whole check and ``deep``, with wall and CPU time and the load. Not collected by pytest.

    python tests/benchmarks/bench_verify.py --journal COPY.ijournal [--json] [--no-deep]

Opens COPY for reading (a journal of an older schema is migrated first: use a copy). The parts
overlap inside ``verify()`` (a thread for the pages and attachment bytes, one each for the
revisions, the entry states and the search index, the chain on the calling thread), so their
sum is more than the whole.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PASSPHRASE

from journal.core.store import Journal, verifyrows


def _timed(figures: dict[str, Any], name: str, work: Callable[[], Any]) -> Any:
    t0, c0 = time.perf_counter(), time.process_time()
    value = work()
    figures[name] = {"wall_s": round(time.perf_counter() - t0, 2),
                     "cpu_s": round(time.process_time() - c0, 2)}
    print(f"{name:28s} {figures[name]['wall_s']:7.2f} s wall {figures[name]['cpu_s']:7.2f} s CPU",
          file=sys.stderr, flush=True)
    return value


def _blobs(conn: Any) -> int:
    cur = conn.cursor()
    cur.row_factory = None
    return sum(hashlib.sha256(data).hexdigest() == sha
               for sha, data in cur.execute("SELECT sha256, data FROM blob_store"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--journal", required=True, type=Path)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-deep", action="store_true", help="leave out verify(deep=True)")
    args = ap.parse_args()
    figures: dict[str, Any] = {"load_before": [round(x, 2) for x in os.getloadavg()]}
    key = _timed(figures, "key derivation", lambda: Journal.derive(args.journal, PASSPHRASE))
    j = _timed(figures, "open (read)", lambda: Journal.open_with_key(args.journal, key,
                                                                     mode="read"))
    conn = j.db.conn
    figures["entries"] = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    _timed(figures, "pages (cipher_integrity_check)",
           lambda: conn.execute("PRAGMA cipher_integrity_check").fetchall())
    _timed(figures, "structure (quick_check)", lambda: conn.execute("PRAGMA quick_check").fetchall())
    _timed(figures, "structure (integrity_check)",
           lambda: conn.execute("PRAGMA integrity_check").fetchall())
    _timed(figures, "attachment bytes", lambda: _blobs(conn))
    _timed(figures, "audit chain (SQLite text)",
           lambda: sum(1 for _ in verifyrows.audit_rows(conn)))
    _timed(figures, "audit chain (Python)",
           lambda: sum(1 for _ in verifyrows.audit_rows_python(conn)))
    _timed(figures, "revisions", lambda: verifyrows.revision_digests(conn))
    _timed(figures, "entry states", lambda: verifyrows.entry_digests(conn))
    _timed(figures, "search index (digests)", lambda: j._index.check())
    _timed(figures, "search index (derived)", lambda: j._index.check_derived())
    _timed(figures, "stale sign facts", j.stale_sign_facts)
    ok = _timed(figures, "verify()", lambda: j.verify().ok)
    figures["ok"] = ok
    if not args.no_deep:
        figures["deep_ok"] = _timed(figures, "verify(deep=True)", lambda: j.verify(deep=True).ok)
    j.close()
    figures["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(f"load {figures['load_before']} -> {figures['load_after']}", file=sys.stderr)
    if args.json:
        print(json.dumps(figures))
    return 0 if ok else 5


if __name__ == "__main__":
    raise SystemExit(main())
