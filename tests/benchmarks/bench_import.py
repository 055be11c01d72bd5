#!/usr/bin/env python3
"""Benchmark: import a generated 50,000-message WhatsApp export into a new journal.

    .venv/bin/python tests/benchmarks/bench_import.py [--messages N] [--per-day N]

Prints the parse time, the import time (one transaction) and the re-import (duplicate) time.
Not collected by pytest. Everything lives in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from journal.core.crypto import FAST_PARAMS
from journal.core.importers import import_chat, parse_whatsapp
from journal.core.store import Journal

LINES = [
    "Hi, are you free this weekend?", "The magazine pays 300 yuan per shift 😊",
    "明天去港口拍游艇", "Send me the photos tonight.", "好的,没问题", "Use the code word: tea",
    "Which pier?", "Delete this chat afterwards.", "<Media omitted>", "ok",
]


def make_export(path: Path, n: int, per_day: int) -> None:
    rng = random.Random(7)
    t = datetime(2023, 1, 1, 8, 0)
    out = ["01/01/2023, 08:00 - Messages and calls are end-to-end encrypted. Tap to learn more."]
    for i in range(n):
        if i and i % per_day == 0:
            t = t.replace(hour=8, minute=0) + timedelta(days=1)
        t += timedelta(seconds=rng.randint(5, 40))
        sender = "Xiao Min" if rng.random() < 0.55 else "Liu"
        text = rng.choice(LINES)
        if rng.random() < 0.05:
            text += "\nand a second line\n和第三行"
        out.append(f"{t:%d/%m/%Y, %H:%M} - {sender}: {text}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=50_000)
    ap.add_argument("--per-day", type=int, default=100)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "WhatsApp Chat with Xiao Min.txt"
        make_export(export, args.messages, args.per_day)
        size_mb = export.stat().st_size / 1e6
        journal = Journal.create(Path(tmp) / "bench.ijournal", "benchmark passphrase 1",
                                 kdf=FAST_PARAMS)
        try:
            t0 = time.perf_counter()
            parsed = parse_whatsapp(export, tz="Asia/Shanghai", lang="en")
            t1 = time.perf_counter()
            result = import_chat(journal, parsed, me="Liu")
            t2 = time.perf_counter()
            again = import_chat(journal, parsed, me="Liu")
            t3 = time.perf_counter()
            hits = journal.search("港口")
            t4 = time.perf_counter()
            assert again.duplicate and result.messages == len(parsed.messages)
            print(f"export: {len(parsed.messages)} messages ({size_mb:.1f} MB), {result.days} days")
            print(f"parse:    {t1 - t0:6.2f} s")
            print(f"import:   {t2 - t1:6.2f} s  (one transaction, {result.days} entries)")
            print(f"total:    {t2 - t0:6.2f} s")
            print(f"re-import (duplicate check): {(t3 - t2) * 1000:.1f} ms")
            print(f"search '港口': {len(hits)} entries in {(t4 - t3) * 1000:.1f} ms")
        finally:
            journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
