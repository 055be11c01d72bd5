"""Where verify's time goes (issue 17): each part of ``Journal.verify()`` on its own, then the
whole check (in one process, and with its second process) and ``deep``, with wall and CPU time
and the load, then the whole ``journal-cli verify --json`` command. Not collected by pytest.

    python tests/benchmarks/bench_verify.py --journal COPY.ijournal [--json] [--no-deep]

Opens COPY for reading (a journal of an older schema is migrated first: use a copy). Inside
``verify()`` the parts overlap: the second process (journal.core.store.verifychild) checks the
pages, the attachment bytes and the search index while this one walks the chain on its thread
and reads the revisions and the entry states in two threads; without it, a thread does the pages
and bytes and another the index. "CPU" of a whole check counts this process and its child.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PASSPHRASE, run_cli

from journal.core.store import Journal, integrity, search_index, verifychild, verifyrows


def _children_cpu() -> float:
    """CPU seconds of the child processes waited for (0 where the platform cannot say)."""
    try:
        import resource
    except ImportError:  # Windows: this process's CPU only
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(figures: dict[str, Any], name: str, work: Callable[[], Any]) -> Any:
    t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    value = work()
    figures[name] = {"wall_s": round(time.perf_counter() - t0, 2),
                     "cpu_s": round(time.process_time() - c0 + _children_cpu() - k0, 2)}
    print(f"{name:36s} {figures[name]['wall_s']:7.2f} s wall {figures[name]['cpu_s']:7.2f} s CPU"
          f"  (load {os.getloadavg()[0]:.1f})", file=sys.stderr, flush=True)
    return value


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
    if not args.no_deep:
        _timed(figures, "structure (quick_check)",
               lambda: conn.execute("PRAGMA quick_check").fetchall())
        _timed(figures, "structure (integrity_check)",
               lambda: conn.execute("PRAGMA integrity_check").fetchall())
    _timed(figures, "pages and attachment bytes",
           lambda: verifychild.check_pages_and_bytes(conn, deep=False))
    _timed(figures, "audit chain (SQLite text)",
           lambda: sum(len(rows) for rows, _ in verifyrows.audit_batches(conn)))
    _timed(figures, "audit chain (Python)",
           lambda: sum(len(rows) for rows, _ in verifyrows.audit_batches_python(conn)))
    _timed(figures, "revisions", lambda: verifyrows.revision_digests(conn))
    _timed(figures, "entry states", lambda: verifyrows.entry_digests(conn))
    _timed(figures, "search index (digests)", lambda: search_index.check_rows(conn))
    _timed(figures, "audit chain walked",
           lambda: integrity._Chain(conn, verifyrows.audit_batches(conn)))
    _timed(figures, "search index (derived)", lambda: j._index.check_derived())
    _timed(figures, "stale sign facts", j.stale_sign_facts)
    threshold = verifychild.MIN_BYTES
    verifychild.MIN_BYTES = 1 << 62
    ok = _timed(figures, "verify(), one process", lambda: j.verify().ok)
    verifychild.MIN_BYTES = 0
    ok = _timed(figures, "verify(), second process", lambda: j.verify().ok) and ok
    verifychild.MIN_BYTES = threshold
    figures["ok"] = ok
    if not args.no_deep:
        figures["deep_ok"] = _timed(figures, "verify(deep=True)", lambda: j.verify(deep=True).ok)
    j.close()
    cli = run_cli(args.journal, "verify", "--json")
    figures["journal-cli verify --json"] = cli
    print(f"journal-cli verify --json: {cli}", file=sys.stderr)
    figures["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(f"load {figures['load_before']} -> {figures['load_after']}", file=sys.stderr)
    if args.json:
        print(json.dumps(figures))
    return 0 if ok else 5


if __name__ == "__main__":
    raise SystemExit(main())
