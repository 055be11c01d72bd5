"""Pictures for the report, decoded and reduced in memory (never written to a file)."""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
import warnings
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from io import BytesIO
from typing import Any

from journal.core.errors import JournalError
from journal.core.models import Attachment

log = logging.getLogger(__name__)

MAX_SIDE = 1100  # pixels on the longer side in the PDF: sharp when printed at A4 width
JPEG_QUALITY = 80
_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff")


def looks_like_image(att: Attachment) -> bool:
    media = (att.media_type or "").lower()
    if media.startswith("image/"):
        return media != "image/svg+xml"
    return att.filename.lower().endswith(_IMAGE_EXT)


def prepare(data: bytes) -> tuple[bytes, int, int] | None:
    """Decode ``data``, reduce it and return (JPEG bytes, width, height); None if not a picture."""
    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as img:
                if img.format == "JPEG":
                    # decode at 1/2, 1/4 or 1/8 size when the photo is large: much faster
                    img.draft("RGB", (MAX_SIDE // 2, MAX_SIDE // 2))
                img.load()
                pic: Image.Image = img
                if img.getexif().get(0x0112, 1) != 1:  # a rotated phone photo: turn it upright
                    pic = ImageOps.exif_transpose(img) or img
                if pic.mode in ("RGBA", "LA", "P", "PA"):
                    rgba = pic.convert("RGBA")
                    background = Image.new("RGB", rgba.size, (255, 255, 255))
                    background.paste(rgba, mask=rgba.getchannel("A"))
                    pic = background
                elif pic.mode != "RGB":
                    pic = pic.convert("RGB")
                pic.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR, reducing_gap=2.0)
                out = BytesIO()
                pic.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
                return out.getvalue(), pic.width, pic.height
    except Exception as exc:  # noqa: BLE001 - any undecodable or hostile file: listed, not drawn
        log.info("attachment is not a drawable picture: %s", type(exc).__name__)
        return None


Prepared = tuple[bytes, int, int]


class Prefetcher:
    """Fetches the pictures one at a time and reduces them in a helper process while the pages
    are laid out (Pillow holds the GIL while decoding, so a thread would not run alongside the
    layout). The original bytes travel through a pipe, never a file. At most ``lookahead``
    reduced pictures (about 100 KB each: what the PDF will hold anyway) wait in memory.

    Without a helper process (``process=None``: a frozen app, or one that cannot start) the
    pictures are reduced in the thread instead: slower, same result.
    """

    def __init__(
        self,
        journal: Any,
        attachments: Sequence[Attachment],
        lookahead: int = 64,
        process: ProcessPoolExecutor | None = None,
    ) -> None:
        self._journal = journal
        self._order = [a.id for a in attachments]
        self._lookahead = lookahead
        self._futures: dict[str, Future[Any]] = {}
        self._next = 0
        self._process = process  # owned by the caller (see start_helper)
        self._in_flight = threading.BoundedSemaphore(2)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-pictures")
        self._fill()

    def _fill(self) -> None:
        while self._next < len(self._order) and len(self._futures) < self._lookahead:
            att_id = self._order[self._next]
            self._next += 1
            self._futures[att_id] = self._pool.submit(self._load, att_id)

    def _load(self, att_id: str) -> Prepared | None | Future[Prepared | None]:
        """Read one picture; hand it to the helper process (returning its future) or reduce it
        here. At most two originals are on their way to the helper at any time."""
        if self._process is not None:
            self._in_flight.acquire()
        try:
            raw = self._journal.attachment_data(att_id)
        except JournalError:
            log.warning("attachment could not be read for the report")
            if self._process is not None:
                self._in_flight.release()
            return None
        if self._process is not None:
            try:
                future = self._process.submit(prepare, raw)
            except Exception as exc:  # noqa: BLE001 - a broken helper: do it here instead
                log.info("picture helper process failed: %s", type(exc).__name__)
                self._in_flight.release()
                return prepare(raw)
            future.add_done_callback(lambda _f: self._in_flight.release())
            return future
        return prepare(raw)

    def get(self, att_id: str) -> Prepared | None:
        """The reduced picture (or None if it cannot be drawn); pictures are asked in order."""
        future = self._futures.pop(att_id, None)
        result = self._load(att_id) if future is None else future.result()
        if isinstance(result, Future):
            try:
                result = result.result()
            except Exception as exc:  # noqa: BLE001 - the helper died: not drawn, listed
                log.info("picture helper process failed: %s", type(exc).__name__)
                result = None
        self._fill()
        return result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()
        self._process = None


def _ready() -> bool:
    return True


def start_helper() -> ProcessPoolExecutor | None:
    """Start the helper process for pictures now (it takes a moment to start), or None when
    there cannot be one (a frozen app: its executable would start the app again)."""
    if getattr(sys, "frozen", False):
        return None
    try:
        context = multiprocessing.get_context("spawn")  # never fork a process with threads
        helper = ProcessPoolExecutor(max_workers=1, mp_context=context)
        helper.submit(_ready)  # starts the process and imports this module in it
    except (OSError, ValueError, ImportError, RuntimeError) as exc:
        log.info("no helper process for pictures: %s", type(exc).__name__)
        return None
    return helper
