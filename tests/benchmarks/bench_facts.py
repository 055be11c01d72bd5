#!/usr/bin/env python3
"""What a change of the warning signs' wording costs once per journal: the stored facts rebuilt.

    .venv/bin/python tests/benchmarks/bench_facts.py COPY [--json]

Any change of a vocabulary in core/signs/vocab.py changes the facts' stamp
(core/signs/facts.STAMP), so the first open after an update rebuilds every entry's facts (the
window does it in the background with its progress shown; journal-cli before its command).
COPY is a copy of a benchmark journal (it is changed: its stamp is removed so that the rebuild
runs whatever code made it). Prints:

  facts_rebuild_s        wall time of Journal.rebuild_sign_facts() over every entry
  facts_rebuild_cpu_s    CPU time of this process during it
  facts_rebuild_rss_mb   peak RSS of this process (ru_maxrss; open included)
  entries                entries rebuilt
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: no ru_maxrss
    resource = None  # type: ignore[assignment]

from journal.core.store import Journal
from journal.core.store.signfacts import STAMP_META_KEY

PASSPHRASE = "benchmark passphrase 基准测试"  # as in bench.py


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("copy", type=Path, help="a copy of a benchmark journal (it is changed)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.copy.name.startswith("final-"):
        sys.exit("give a copy, not the shared benchmark journal")
    key = Journal.derive(args.copy, PASSPHRASE)
    with Journal.open_with_key(args.copy, key, rebuild_sign_facts=False) as j:
        with j.transaction():
            j.db.conn.execute("DELETE FROM meta WHERE key = ?", (STAMP_META_KEY,))
        seen: list[int] = []
        wall, cpu = time.perf_counter(), time.process_time()
        rebuilt = j.rebuild_sign_facts(lambda done, total: seen.append(total))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        assert rebuilt and j.sign_facts_current()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 if resource else 0.0
    figures = {"facts_rebuild_s": round(wall, 2), "facts_rebuild_cpu_s": round(cpu, 2),
               "facts_rebuild_rss_mb": round(rss, 1), "entries": seen[-1] if seen else 0}
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
