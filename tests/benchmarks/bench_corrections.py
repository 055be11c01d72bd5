#!/usr/bin/env python3
"""Benchmark: correcting a screenshot's recognised line in a large journal.

    .venv/bin/python tests/benchmarks/bench_corrections.py --journal COPY.ijournal [--json]

COPY is a copy of a benchmark journal (tests/benchmarks/bench.py builds them; never the shared
file itself: the batch below is written into it). A batch of 30 chat screenshots of one
conversation and day (drawn here, 8 lines each, as the recognition leaves them: the reading itself
is bench_ocr.py's) is imported, then 20 of its 240 lines are corrected one by one through
journal.core.ocr.corrections.correct_line (a sealed revision of the line, a new revision of the
entry, the picture's caption); then the transcript is read back and the corrected text searched.
Prints wall and CPU milliseconds: ``screenshot_import_ms`` (the 30 pictures),
``correct_line_ms`` (median), ``transcript_ms`` (240 lines with their corrections),
``search_corrected_ms``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from journal.core.importers.common import read_export
from journal.core.ocr.corrections import correct_line, transcript
from journal.core.ocr.sample import Bubble, render_chat
from journal.core.ocr.screenshots import (
    Screenshot,
    ScreenshotBatch,
    ScreenshotMessage,
    import_screenshots,
)
from journal.core.store import Journal

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import PASSPHRASE


def _timed(func):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    value = func()
    return value, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--journal", required=True, type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-corrections-") as tmp:
        figures = _run(args.journal, Path(tmp))
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:28} {value}")
    return 0


def _run(journal_path: Path, folder: Path) -> dict[str, object]:
    """The input pictures are drawn into ``folder`` (removed afterwards)."""
    start = datetime(2024, 3, 5, 9, 0).astimezone()
    pictures = []
    for i in range(30):
        path = folder / f"Screenshot_{i:02d}.png"
        path.write_bytes(render_chat("wechat", "张经理", (Bubble("other", f"第 {i} 张"),)).data)
        _, _, sha = read_export(path)
        lines = [ScreenshotMessage(start + timedelta(minutes=8 * i + k), "张经理" if k % 2 else "我",
                                   "other" if k % 2 else "me", f"第 {i} 张第 {k} 行 港口 照片")
                 for k in range(8)]
        pictures.append(Screenshot(path=path, sha256=sha, conversation="张经理", messages=lines,
                                   time_source="picture"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with Journal.open(journal_path, PASSPHRASE) as j:
        result, import_wall, import_cpu = _timed(
            lambda: import_screenshots(j, ScreenshotBatch(pictures), lang="zh"))
        entry_id = result.entry_ids[0]
        ids = [x.message_id for x in transcript(j, entry_id)]
        walls, cpus = [], []
        for n, message_id in enumerate(ids[::12]):
            _, wall, cpu = _timed(lambda m=message_id, n=n: correct_line(
                j, m, text=f"更正第 {n} 处 海军基地", lang="zh"))
            walls.append(wall)
            cpus.append(cpu)
        lines, t_wall, t_cpu = _timed(lambda: transcript(j, entry_id))
        found, s_wall, s_cpu = _timed(lambda: j.search("海军基地"))
        assert entry_id in found and sum(1 for x in lines if x.corrections) == len(walls)
        entries = j.count_entries()
    figures: dict[str, object] = {
        "entries": entries, "load": round(load, 1),
        "screenshot_import_ms": round(import_wall), "screenshot_import_cpu_ms": round(import_cpu),
        "correct_line_ms": round(statistics.median(walls), 1),
        "correct_line_cpu_ms": round(statistics.median(cpus), 1),
        "corrections": len(walls), "transcript_lines": len(lines),
        "transcript_ms": round(t_wall, 1), "transcript_cpu_ms": round(t_cpu, 1),
        "search_corrected_ms": round(s_wall, 1), "search_corrected_cpu_ms": round(s_cpu, 1),
    }
    return figures


if __name__ == "__main__":
    sys.exit(main())
