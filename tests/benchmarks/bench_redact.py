"""Masking benchmark (issue 12): a journal with one 200,000-character entry is exported with
``journal-cli export pdf`` with and without ``--redact``; masking must cost less than the export
itself (the masked export in under twice the time of the plain one).

    .venv/bin/python tests/benchmarks/bench_redact.py [--chars 200000] [--runs 1]

The entry is a chat transcript in Chinese and English with phone numbers, e-mail addresses,
handles and links in it, plus a pasted hex dump and a long run of digits (texts without
breaks are where a backtracking pattern turns quadratic). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

PASSPHRASE = "benchmark passphrase 基准"
CLI = str(Path(sys.executable).parent / "journal-cli")


def entry_text(chars: int) -> str:
    rnd = random.Random(12)
    lines = [
        "小敏：明天下午三点去港口拍几张照片，拍完发到 harbour.min@example.com。",
        "Min: call me on 138－0013－8000 or +86 138 0013 8000 if the guard asks.",
        "我：为什么要拍军舰？",
        "小敏：加我微信号 xm_harbour2024，或者 QQ号 12345678，t.me/harbour_jobs 也行。",
        "Min: the money goes to card 6222 0212 3456 7890, ID 11010519491231002X is on file.",
        "我：我不想去了。",
    ]
    parts: list[str] = []
    size = 0
    blob = rnd.randbytes(chars // 6).hex()  # a pasted hex dump: 1/3 of the text, unbroken
    digits = "".join(rnd.choice("0123456789") for _ in range(chars // 20))
    parts += [blob, "\n", digits, "\n"]
    size = len(blob) + len(digits) + 2
    when = datetime(2024, 3, 5, 14, 0)
    while size < chars:
        when += timedelta(minutes=rnd.randint(1, 30))
        line = f"{when:%Y-%m-%d %H:%M} {rnd.choice(lines)}\n"
        parts.append(line)
        size += len(line)
    return "".join(parts)[:chars]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()

    from journal.core.crypto import FAST_PARAMS
    from journal.core.models import EntryDraft
    from journal.core.report.redact import Redactor
    from journal.core.store import Journal

    text = entry_text(args.chars)
    with tempfile.TemporaryDirectory(prefix="bench-redact-") as tmp:
        path = Path(tmp) / "bench.ijournal"
        with Journal.create(path, PASSPHRASE, kdf=FAST_PARAMS) as j:
            p = j.add_person("小敏")
            j.add_entry(EntryDraft(kind="contact", summary="一整天的聊天记录 " + text[:300],
                                   details=text, persons=[p.id], precision="day",
                                   occurred_at=datetime(2024, 3, 5, tzinfo=UTC)))
        start = time.perf_counter()
        Redactor([])(text)
        mask_only = time.perf_counter() - start
        env = dict(os.environ, JOURNAL_PASSPHRASE=PASSPHRASE)
        times: dict[str, list[float]] = {"plain": [], "redact": []}
        for run in range(args.runs):
            for mode in ("plain", "redact"):
                out = Path(tmp) / f"{mode}-{run}.pdf"
                cmd = [CLI, "--journal", str(path), "export", "pdf", str(out), "--lang", "zh"]
                if mode == "redact":
                    cmd.append("--redact")
                start = time.perf_counter()
                subprocess.run(cmd, env=env, check=True, capture_output=True,
                               stdin=subprocess.DEVNULL)
                times[mode].append(time.perf_counter() - start)
        plain, redact = min(times["plain"]), min(times["redact"])
        print(f"entry: {len(text):,} characters")
        print(f"masking the entry alone: {mask_only:.3f} s")
        print(f"export pdf:          {plain:.2f} s")
        print(f"export pdf --redact: {redact:.2f} s  (ratio {redact / plain:.2f}, must be < 2)")
        return 0 if redact < 2 * plain else 1


if __name__ == "__main__":
    sys.exit(main())
