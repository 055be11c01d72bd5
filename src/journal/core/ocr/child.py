"""The recognition process: reads pictures on standard input, answers text lines as JSON.

Started by :mod:`journal.core.ocr.runner` as a fresh interpreter (``python -m
journal.core.ocr.child``, or the frozen app with ``--journal-ocr-child``). It never sees the
journal, its path or its key. It limits its own address space first (``RLIMIT_AS`` where the
platform has it), uses one ONNX Runtime thread, and then, for each picture, reads an 8-byte
big-endian length and that many bytes, and writes one line of JSON:

``{"ok": true, "width": W, "height": H, "lines": [{"text", "box": [x0, y0, x1, y1], "score",
"colour": [r, g, b]}]}`` or ``{"ok": false, "error": "not_image" | "too_large"}``.

``colour`` is the median colour of a thin ring around the line: the bubble the line sits in.
Nothing is written to disk.
"""

from __future__ import annotations

import io
import json
import os
import struct
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

from journal.core.ocr.capture import exif_facts

MAX_PIXELS = 40_000_000  # a phone screenshot is at most a few million pixels
MAX_SIDE = 20_000
SMALL_WIDTH = 640
ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def limit_memory(limit_bytes: int) -> None:
    """Cap this process's address space (POSIX); elsewhere the parent's time limit is the guard."""
    if limit_bytes <= 0:
        return
    try:
        import resource
    except ImportError:  # Windows
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))
    except (ValueError, OSError):
        pass


def _decode(data: bytes) -> tuple[Any, str | None, dict[str, Any]]:
    """The picture as an RGB numpy array, or an error code; the size is checked before decoding."""
    import numpy as np
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as img:
            w, h = img.size
            if w * h > MAX_PIXELS or max(w, h) > MAX_SIDE:
                return None, "too_large", {}
            exif = exif_facts(img)
            img.load()
            rgb: Image.Image = img
            if img.mode != "RGB":
                if "A" in img.getbands():
                    rgba = img.convert("RGBA")
                    rgb = Image.new("RGB", img.size, (255, 255, 255))
                    rgb.paste(rgba, mask=rgba.getchannel("A"))
                else:
                    rgb = img.convert("RGB")
            return np.asarray(rgb), None, exif
    except Image.DecompressionBombError:
        return None, "too_large", {}
    except (OSError, ValueError, SyntaxError, struct.error, EOFError):
        return None, "not_image", {}


def _ring_colour(pixels: Any, box: tuple[int, int, int, int]) -> list[int]:
    """Median colour of the strips just outside the box: the bubble's, not the text's."""
    import numpy as np

    h, w = pixels.shape[:2]
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(w, box[2]), min(h, box[3])
    pad = max(3, (y1 - y0) // 5)
    ox0, oy0, ox1, oy1 = max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)
    strips = [pixels[oy0:y0, ox0:ox1], pixels[y1:oy1, ox0:ox1],
              pixels[y0:y1, ox0:x0], pixels[y0:y1, x1:ox1]]
    sample = np.concatenate([s.reshape(-1, 3) for s in strips])
    if not len(sample):
        return [255, 255, 255]
    return [int(v) for v in np.median(sample, axis=0)]


def recognise(engine: Callable[[], Any], data: bytes) -> dict[str, Any]:
    """One picture's lines; ``engine()`` gives the engine (loaded at the first real picture)."""
    pixels, error, exif = _decode(data)
    if error is not None:
        return {"ok": False, "error": error}
    height, width = pixels.shape[:2]
    bgr = pixels[:, :, ::-1].copy()  # the engine takes OpenCV's BGR order
    factor = 1.0
    if width < SMALL_WIDTH:  # a half-size copy: small text loses its spaces unless enlarged
        import cv2

        factor = SMALL_WIDTH / width
        bgr = cv2.resize(bgr, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    result, _ = engine()(bgr)
    lines: list[dict[str, Any]] = []
    for points, text, score in result or []:
        xs = [p[0] / factor for p in points]
        ys = [p[1] / factor for p in points]
        box = (int(min(xs)), int(min(ys)), int(max(xs)), int(max(ys)))
        lines.append({"text": str(text), "box": list(box), "score": round(float(score), 4),
                      "colour": _ring_colour(pixels, box)})
    return {"ok": True, "width": width, "height": height, "lines": lines, "exif": exif}


def _read_exact(stream: BinaryIO, n: int) -> bytes | None:
    chunks = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def serve(stdin: BinaryIO, stdout: BinaryIO) -> int:
    from rapidocr_onnxruntime import RapidOCR  # a missing engine fails here, before "ready"

    loaded: list[Any] = []

    def engine() -> Any:
        if not loaded:
            loaded.append(RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1,
                                   print_verbose=False))
        return loaded[0]

    stdout.write(b'{"ready": true}\n')
    stdout.flush()
    while True:
        head = _read_exact(stdin, 8)
        if head is None:
            return 0
        (size,) = struct.unpack(">Q", head)
        data = _read_exact(stdin, size)
        if data is None:
            return 0
        answer = recognise(engine, data)
        stdout.write(json.dumps(answer, ensure_ascii=True).encode("ascii") + b"\n")
        stdout.flush()


def main() -> int:
    for name in ONE_THREAD:
        os.environ[name] = "1"
    try:
        limit = int(os.environ.get("JOURNAL_OCR_MEMORY_BYTES", "0"))
    except ValueError:
        limit = 0
    limit_memory(limit)
    return serve(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    sys.exit(main())
