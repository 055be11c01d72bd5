"""PDF export benchmark (DESIGN §8): 1,000 entries with 50 pictures in under 5 s, and peak memory
that grows no faster than the entry count.

    .venv/bin/python tests/benchmarks/bench_pdf.py [--sizes 250,500,1000] [--keep DIR]

Journals are built once per size (one picture per 20 entries: phone-sized screenshots and camera
photos made in memory), then each export runs in a fresh process so that its peak resident
memory (ru_maxrss) is its own. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

PASSPHRASE = "benchmark passphrase 基准"
TZ = timezone(timedelta(hours=8))


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _picture(i: int) -> tuple[bytes, str]:
    from PIL import Image, ImageDraw

    rnd = random.Random(i)
    if i % 2:
        img = Image.new("RGB", (1080, 2340), (237, 237, 237))
        draw = ImageDraw.Draw(img)
        y = 200
        while y < 2200:
            w = rnd.randint(300, 800)
            x = 60 if rnd.random() < 0.5 else 1020 - w
            draw.rounded_rectangle([x, y, x + w, y + 120], 20, fill=(255, 255, 255))
            for k in range(3):
                draw.line(
                    [x + 30, y + 30 + 30 * k, x + w - 30, y + 30 + 30 * k],
                    fill=(40, 40, 40),
                    width=8,
                )
            y += 170
        buf = io.BytesIO()
        img.save(buf, "PNG")
        return buf.getvalue(), f"screenshot-{i}.png"
    img = Image.effect_noise((4000, 3000), 60).convert("RGB")
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 1800, 4000, 3000], fill=(40, 90, 140))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=88)
    return buf.getvalue(), f"photo-{i}.jpg"


def build_journal(path: Path, n: int) -> None:
    from journal.core.crypto import FAST_PARAMS
    from journal.core.models import EntryDraft, Handle
    from journal.core.store import Journal

    rnd = random.Random(n)
    j = Journal.create(path, PASSPHRASE, kdf=FAST_PARAMS)
    people = [
        j.add_person(
            f"Contact {k}",
            role="Recruiter",
            organisation=f"Company {k}",
            handles=[Handle("wechat", f"wx_contact{k}"), Handle("phone", f"1380000{k:04d}")],
        )
        for k in range(5)
    ]
    start = datetime(2023, 1, 1, 9, 0, tzinfo=TZ)
    kinds = ["contact", "request", "payment", "gift", "meeting", "threat", "note"]
    pictures = 0
    with j.transaction():
        for i in range(n):
            kind = kinds[i % len(kinds)]
            extra: dict[str, object] = {}
            if kind == "payment":
                extra = {
                    "amount": Decimal(rnd.randint(100, 5000)) / 4,
                    "currency": rnd.choice(["CNY", "USD"]),
                    "method": "wechat",
                    "direction": rnd.choice(["received", "promised"]),
                }
            elif kind == "gift":
                extra = {"item": "phone", "value": Decimal("1999.90"), "currency": "CNY"}
            elif kind == "request":
                extra = {
                    "task": "Take photos of the harbour",
                    "target": "North pier",
                    "status": "asked",
                    "amount": Decimal(500),
                    "currency": "CNY",
                }
            details = " ".join(
                rnd.choice(
                    [
                        "She",
                        "asked",
                        "me",
                        "to",
                        "photograph",
                        "the",
                        "ships",
                        "港口",
                        "军舰",
                        "照片",
                        "报酬",
                        "today.",
                    ]
                )
                for _ in range(rnd.randint(20, 160))
            )
            e = j.add_entry(
                EntryDraft(
                    kind=kind,
                    summary=f"Event {i}: {kind} with a contact",
                    details=details,
                    occurred_at=start + timedelta(hours=7 * i),
                    persons=[people[i % 5].id],
                    channel="WeChat",
                    **extra,
                )
            )
            if i % 20 == 0:
                data, name = _picture(pictures)
                j.add_attachment(entry_id=e.id, data=data, filename=name)
                pictures += 1
    j.close()


def export_once(path: Path, out: Path, lang: str) -> dict[str, float]:
    """Runs in its own process: open, export, report time and memory."""
    from journal.core.report import ReportOptions, build_pdf
    from journal.core.report.fonts import register_font
    from journal.core.store import Journal

    j = Journal.open(path, PASSPHRASE)
    register_font()
    base = _rss_mb()
    t0 = time.perf_counter()
    c0 = time.process_time()
    stats = build_pdf(j, out, ReportOptions(lang=lang))
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - c0
    j.close()
    return {
        "seconds": seconds,
        "cpu": cpu,
        "pages": stats.pages,
        "images": stats.images,
        "entries": stats.entries,
        "mb": stats.bytes / 1e6,
        "rss_before": base,
        "peak": _peak_mb(),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="250,500,1000")
    ap.add_argument("--lang", default="zh")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--keep", help="folder to keep the journals and PDFs in")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(export_once(Path(args.child[0]), Path(args.child[1]), args.child[2])))
        return 0
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; lang {args.lang}")
    print(
        f"{'entries':>7} {'pictures':>8} {'pages':>5} {'seconds':>7} {'CPU s':>6} {'PDF MB':>6} "
        f"{'RSS before':>10} {'peak RSS':>8} {'peak-before':>11}"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        jpath = folder / f"bench-{n}.ijournal"
        if not jpath.exists():
            t0 = time.perf_counter()
            build_journal(jpath, n)
            print(
                f"  (built a journal of {n} entries in {time.perf_counter() - t0:.1f} s)",
                file=sys.stderr,
            )
        out = folder / f"bench-{n}.pdf"
        res = subprocess.run(
            [sys.executable, __file__, "--child", str(jpath), str(out), args.lang],
            capture_output=True,
            text=True,
            check=True,
            env=os.environ.copy(),
        )
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(
            f"{r['entries']:>7} {r['images']:>8} {r['pages']:>5} {r['seconds']:>7.2f} {r['cpu']:>6.2f} "
            f"{r['mb']:>6.1f} "
            f"{r['rss_before']:>10.0f} {r['peak']:>8.0f} {r['peak'] - r['rss_before']:>11.0f}"
        )
    if not args.keep:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
