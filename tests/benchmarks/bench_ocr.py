#!/usr/bin/env python3
"""Benchmark: reading chat screenshots (WeChat, QQ, Telegram; clean, JPEG-degraded, half size).

    .venv/bin/python tests/benchmarks/bench_ocr.py [--json]

Renders nine screenshots (journal.core.ocr.sample), reads them one by one through the real
recognition child (one ONNX Runtime thread, as the app does) and prints, per screenshot, the
seconds and the child's peak memory, then the model loading time and ``ocr_s_per_image`` (the
median). With --json one object: {"ocr_s_per_image", "ocr_peak_mb", "ocr_start_s", "images"}.
Not collected by pytest. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from typing import Any

from journal.core.ocr.runner import Recogniser
from journal.core.ocr.sample import Bubble, render_chat

CHAT = (
    Bubble("time", "2024年3月5日 14:32"),
    Bubble("other", "你好，我是海洋调查公司的张经理，想请你做一份兼职"),
    Bubble("me", "What kind of work is it?"),
    Bubble("other", "每周去港口拍几张军舰的照片，报酬¥2000"),
    Bubble("time", "15:10"),
    Bubble("other", "Add me on Telegram @zhang_sea, don't tell anyone"),
    Bubble("me", "我考虑一下"),
)
VARIANTS: dict[str, dict[str, Any]] = {"clean": {}, "jpeg": {"jpeg_quality": 40},
                                       "half": {"scale": 0.5}}


def _child_peak_mb(pid: int) -> float:
    """VmHWM (peak resident memory) of the recognition child, Linux only."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def measure() -> dict[str, Any]:
    images = []
    with Recogniser() as recogniser:
        t0 = time.perf_counter()
        recogniser.recognise("warm-up", render_chat("wechat", "张经理", CHAT[:2]).data)
        start_s = time.perf_counter() - t0
        for style in ("wechat", "qq", "telegram"):
            for variant, options in VARIANTS.items():
                data = render_chat(style, "张经理", CHAT, **options).data
                t = time.perf_counter()
                recogniser.recognise(f"{style}-{variant}", data)
                seconds = time.perf_counter() - t
                pid = recogniser.pid
                peak = _child_peak_mb(pid) if pid is not None else float("nan")
                images.append({"image": f"{style}-{variant}", "s": round(seconds, 2),
                               "peak_mb": round(peak)})
    return {"ocr_s_per_image": round(statistics.median(i["s"] for i in images), 2),
            "ocr_peak_mb": max(i["peak_mb"] for i in images),
            "ocr_start_s": round(start_s, 2), "images": images}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = measure()
    if args.json:
        print(json.dumps(result))
        return 0
    for i in result["images"]:
        print(f"{i['image']:<16} {i['s']:>6.2f} s  peak {i['peak_mb']:>5} MB")
    print(f"models loaded + first picture: {result['ocr_start_s']:.2f} s")
    print(f"ocr_s_per_image (median): {result['ocr_s_per_image']:.2f} s; "
          f"child peak memory {result['ocr_peak_mb']} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
