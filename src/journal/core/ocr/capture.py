"""A photo's capture metadata — time, device, GPS position — as the camera or phone wrote it.

Read from the picture's header only (nothing is decoded): by the recognition child for each
screenshot, and by the window for a picture kept in the journal, where it is shown beside the
picture. The original bytes keep it unchanged (evidence); pictures drawn in a PDF carry none of it
(journal.core.report.images).
"""

from __future__ import annotations

import io
import struct
from typing import Any

from journal.core.i18n import message, register

register({
    "ocr.gps": {
        "en": "GPS position in the picture: {lat}, {lon} (kept in the original file only)",
        "zh": "图片中的 GPS 位置：{lat}，{lon}（只保存在原始文件中）",
    },
    "ocr.capture": {"en": "Captured {time} on {device}", "zh": "拍摄于 {time}，设备：{device}"},
    "ocr.capture_time": {"en": "Captured {time}", "zh": "拍摄于 {time}"},
    "ocr.capture_device": {"en": "Device: {device}", "zh": "设备：{device}"},
})


def exif_facts(img: Any) -> dict[str, Any]:
    """Capture time, device and GPS position of an opened PIL image, if the file has them."""
    out: dict[str, Any] = {}
    try:
        exif = img.getexif()
        sub = exif.get_ifd(0x8769)
        when = sub.get(0x9003) or exif.get(0x0132)
        if isinstance(when, str) and when.strip():
            out["time"] = when.strip()[:40]
        device = " ".join(str(exif.get(t, "")).strip() for t in (0x010F, 0x0110)).strip()
        if device:
            out["device"] = device[:100]
        gps = exif.get_ifd(0x8825)
        if gps.get(2) and gps.get(4):
            def degrees(v: Any, ref: Any, negative: str) -> float:
                d, m, s = (float(x) for x in v)
                value = d + m / 60 + s / 3600
                return -value if str(ref).upper().startswith(negative) else value

            out["gps"] = [round(degrees(gps[2], gps.get(1, "N"), "S"), 6),
                          round(degrees(gps[4], gps.get(3, "E"), "W"), 6)]
    except (AttributeError, KeyError, TypeError, ValueError, ZeroDivisionError, OSError,
            struct.error):
        pass
    return out


def capture_facts(data: bytes) -> dict[str, Any]:
    """:func:`exif_facts` of a picture's bytes; nothing for anything that is not a picture."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            return exif_facts(img)
    except (OSError, ValueError, SyntaxError, struct.error, EOFError, Image.DecompressionBombError):
        return {}


def capture_lines(facts: dict[str, Any], lang: str) -> list[str]:
    """The facts as lines to show, in ``lang``."""
    lines = []
    time, device = facts.get("time"), facts.get("device")
    if time and device:
        lines.append(message("ocr.capture", lang, time=time, device=device))
    elif time:
        lines.append(message("ocr.capture_time", lang, time=time))
    elif device:
        lines.append(message("ocr.capture_device", lang, device=device))
    gps = facts.get("gps")
    if gps:
        lines.append(message("ocr.gps", lang, lat=f"{gps[0]:.5f}", lon=f"{gps[1]:.5f}"))
    return lines
