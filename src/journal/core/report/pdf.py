"""The PDF report (DESIGN §5): what a student brings to a teacher or to the authorities.

``build_pdf(journal, out_path, options, progress=None) -> ReportStats``. The PDF is laid out in
memory, encrypted in memory when a password is given, and written atomically (a temporary name
in the chosen folder, then renamed). The story is generated lazily as the layout consumes it, so
memory stays flat as entries grow. Pictures are read one at a time and reduced in memory, in a
helper process when one can be started (our own code, fed through a pipe: never a file), so
that decoding runs alongside the layout; only the reduced copies go into the PDF.
"""

from __future__ import annotations

import errno
import gc
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from journal.core import fsutil
from journal.core.errors import ExportError, JournalError
from journal.core.outpath import check_output_path
from journal.core.report import images
from journal.core.report.data import collect
from journal.core.report.fonts import frequent_chars, register_font
from journal.core.report.layout import (
    FRAME_H,
    FRAME_W,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    LazyStory,
    Styles,
    numbered_canvas,
)
from journal.core.report.options import ProgressCallback, ReportOptions, ReportStats
from journal.core.report.sections import Builder, Progress
from journal.core.report.texts import tr
from journal.core.timeparse import format_when

log = logging.getLogger(__name__)


class _Doc(BaseDocTemplate):
    def __init__(self, buffer: BytesIO, on_flowable: Callable[[Flowable], None], **kw: Any) -> None:
        super().__init__(
            buffer,
            pagesize=(PAGE_W, PAGE_H),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kw,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            FRAME_W,
            FRAME_H,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        self._on_flowable = on_flowable
        self._outline_n = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline:
            text, level = outline
            self._outline_n += 1
            key = f"s{self._outline_n}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=False)
        self._on_flowable(flowable)


def _check_out_path(journal: Any, out_path: Path) -> Path:
    out = Path(out_path).expanduser()
    if out.exists() and out.is_dir():
        raise ExportError("report.error.is_directory", path=str(out))
    journal_path = getattr(journal, "path", None)
    # the journal, its own files, any other journal or backup, the backups folder: refused
    check_output_path(out, [journal_path] if journal_path is not None else [])
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError("error.not_writable", path=str(out))
    if out.exists() and not os.access(out, os.W_OK):
        raise ExportError("error.not_writable", path=str(out))
    return out


def write_atomically(out: Path, payload: bytes) -> None:
    """Write ``payload`` to ``out`` through a temporary name in the same folder."""
    try:
        fsutil.write_bytes_atomic(out, payload)
    except OSError as exc:
        log.warning("report could not be written: %s", type(exc).__name__)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):  # say what it is: the disk is full
            raise ExportError("error.disk_full", path=str(out)) from exc
        raise ExportError("error.not_writable", path=str(out)) from exc


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """AES-256 protect a PDF, in memory."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


_YOUNG_EVERY = 10_000  # allocations between collections of the youngest generation (Python: 700)
_collector_lock = threading.Lock()
_collector_users = 0
_collector_saved: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The cyclic garbage collector runs less often while a report is laid out.

    Layout allocates millions of short-lived objects: with Python's thresholds the collector ran
    ≈ 300 times during a 1,000-entry export, three of them full collections walking every object
    of the process (the journal's, the window's), 0.1–0.17 s in all (5–7 % of the export). Here
    the youngest generation is collected every 10,000 allocations instead of 700: garbage is
    still collected, a few MB more may wait meanwhile. The thresholds are the process's own
    again when the last export running ends (exports on two threads share the change)."""
    global _collector_users, _collector_saved
    with _collector_lock:
        if _collector_users == 0:
            saved = gc.get_threshold()
            if 0 < saved[0] < _YOUNG_EVERY:  # 0: the collector is off; leave it so
                _collector_saved = saved
                gc.set_threshold(_YOUNG_EVERY, saved[1], saved[2])
        _collector_users += 1
    try:
        yield
    finally:
        with _collector_lock:
            _collector_users -= 1
            if _collector_users == 0 and _collector_saved is not None:
                gc.set_threshold(*_collector_saved)
                _collector_saved = None


def render(
    journal: Any,
    options: ReportOptions,
    progress: ProgressCallback | None = None,
    stats: ReportStats | None = None,
) -> bytes:
    """Lay the report out and return the PDF bytes (not encrypted)."""
    stats = stats if stats is not None else ReportStats()
    # Binary streams: ASCII85 (reportlab's default, pure Python here) made pictures 10x slower.
    rl_config.useA85 = 0
    with fewer_collections():
        font = register_font()
        helper = None
        if options.include_attachments and not options.redact and _has_pictures(journal):
            helper = images.start_helper()  # starts while the entries are read and signs computed
        try:
            return _render(journal, options, progress, stats, font, helper)
        finally:
            if helper is not None:
                helper.close()


def _has_pictures(journal: Any) -> bool:
    try:
        return any(images.looks_like_image(a) for a in journal.list_attachments())
    except (JournalError, AttributeError):
        return False


def _render(
    journal: Any,
    options: ReportOptions,
    progress: ProgressCallback | None,
    stats: ReportStats,
    font: str,
    helper: Any,
) -> bytes:
    data = collect(journal, options)
    images_count = 0
    if options.include_attachments and not options.redact:
        images_count = sum(1 for r in data.attachments if images.looks_like_image(r.attachment))
    # steps: one per entry laid out, two per picture (prepared, drawn), one for finishing
    tracker = Progress(progress, len(data.entries) + 2 * images_count + 1)
    styles = Styles(font, data.lang)
    builder = Builder(journal, data, styles, tracker, stats)
    if images_count:
        builder.prefetcher = images.Prefetcher(
            journal,
            [r.attachment for r in data.attachments if images.looks_like_image(r.attachment)],
            helper=helper,
        )
    story = LazyStory(builder.story())
    stats.entries = len(data.entries)
    stats.persons = len(data.persons)
    stats.attachments = len(data.attachments)

    title = tr("report.title", data.lang)
    footer = tr("report.masked_copy", data.lang) if options.redact else ""
    footer = (footer + "  ·  " if footer else "") + format_when(data.made_at, "day", data.lang)
    canvasmaker = numbered_canvas(
        font,
        tr("report.private_notice", data.lang),
        title,
        lambda page, pages: tr("report.page_of", data.lang, page=page, pages=pages),
        footer,
        frequent_chars(builder.common_texts()),
    )
    buffer = BytesIO()
    doc = _Doc(
        buffer,
        lambda f: None,
        title=title,
        author="",
        subject=tr("report.subtitle", data.lang),
        creator="Incident Journal",
        lang="zh-CN" if data.lang == "zh" else "en",
    )
    try:
        doc.build(story, canvasmaker=canvasmaker)
    finally:
        if builder.prefetcher is not None:
            builder.prefetcher.close()
    stats.pages = doc.page
    tracker.finish()
    return buffer.getvalue()


def build_pdf(
    journal: Any,
    out_path: os.PathLike[str] | str,
    options: ReportOptions,
    progress: ProgressCallback | None = None,
) -> ReportStats:
    """Make the PDF report and write it to ``out_path`` (atomically). See the module doc."""
    started = time.perf_counter()
    options = options.validated()
    out = _check_out_path(journal, Path(out_path))
    stats = ReportStats()
    try:
        pdf = render(journal, options, progress, stats)
    except JournalError:
        raise
    except Exception as exc:  # a layout failure must not leave a half file or a raw trace
        log.error("report layout failed: %s", type(exc).__name__)
        raise ExportError("error.export", detail=type(exc).__name__) from exc
    if options.password is not None:
        pdf = encrypt_pdf(pdf, options.password)
        stats.encrypted = True
    write_atomically(out, pdf)
    stats.bytes = len(pdf)
    stats.seconds = time.perf_counter() - started
    log.info(
        "report written: %d pages, %d entries, %d images, %.2f s",
        stats.pages,
        stats.entries,
        stats.images,
        stats.seconds,
    )
    return stats
