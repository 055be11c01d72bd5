"""``journal-cli export overview OUT.svg|OUT.png``: the overview picture as a file.

SVG comes from the same reportlab drawing as the PDF cover. PNG needs a raster painter: reportlab
5 only rasterises through pycairo, which has no wheels here, so the caller hands in one
(``journal-cli`` passes the window's QPainter renderer). The core itself never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from journal.core.errors import ExportError, InputError
from journal.core.fileout import write_bytes_atomic
from journal.core.outpath import check_output_path
from journal.core.overview.data import OverviewData, overview_data
from journal.core.overview.drawing import svg_bytes

FORMATS = (".svg", ".png")
PngRenderer = Callable[[OverviewData], bytes]


def check_target(journal: Any, out: Path) -> str:
    """The format (".svg" or ".png") of ``out``; refuses other names, the journal itself and any
    file that begins with a journal header."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise InputError("overview.error.format", field="out", name=out.name)
    # the one output-path check: a folder, the journal (any spelling or link), its -wal/-shm and
    # lock files, any journal file, the backups folder
    check_output_path(out, [journal.path] if journal is not None else [])
    return suffix


def export_overview(journal: Any, out: Path, lang: str,
                    png_renderer: PngRenderer | None = None) -> OverviewData:
    """Write the picture of the whole journal to ``out`` (atomically); return its data."""
    out = Path(out).expanduser()
    suffix = check_target(journal, out)
    data = overview_data(journal, lang)
    if suffix == ".svg":
        payload = svg_bytes(data)
    else:
        if png_renderer is None:
            raise ExportError("overview.error.png", detail="no raster painter")
        payload = png_renderer(data)
    write_bytes_atomic(out, payload)
    return data
