"""The bundled WenQuanYi Micro Hei, registered once with reportlab and embedded as a subset.

One face serves Chinese and Latin text, so every PDF renders and its text extracts on any
machine, with or without Chinese fonts installed.
"""

from __future__ import annotations

import logging
import threading

from journal.core import paths
from journal.core.errors import ExportError

log = logging.getLogger(__name__)

FONT_NAME = "WQYMicroHei"
_lock = threading.Lock()
_registered = False


def register_font() -> str:
    """Register the bundled font with reportlab (once per process); return its name."""
    global _registered
    with _lock:
        if _registered:
            return FONT_NAME
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        path = paths.font_path()
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=0)
        except Exception as exc:  # missing or damaged font file: the report cannot be made
            log.error("bundled font could not be loaded: %s", type(exc).__name__)
            raise ExportError("error.export", detail=f"font {path.name} missing or damaged") from exc
        pdfmetrics.registerFont(font)
        # The face has no bold or italic: map them to itself so <b>/<i> never fail.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        _registered = True
        return FONT_NAME
