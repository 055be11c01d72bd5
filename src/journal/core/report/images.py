"""Pictures for the report, decoded and reduced in memory (never written to a file)."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
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
    """Fetches and reduces the next few pictures in a helper thread while the pages are laid out
    (Pillow works outside the GIL). At most ``lookahead`` reduced pictures wait in memory, and
    the original bytes of only one picture at a time."""

    def __init__(
        self, journal: Any, attachments: Sequence[Attachment], lookahead: int = 16
    ) -> None:
        self._journal = journal
        self._order = [a.id for a in attachments]
        self._lookahead = lookahead
        self._futures: dict[str, Future[Prepared | None]] = {}
        self._next = 0
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-pictures")
        self._fill()

    def _fill(self) -> None:
        while self._next < len(self._order) and len(self._futures) < self._lookahead:
            att_id = self._order[self._next]
            self._next += 1
            self._futures[att_id] = self._pool.submit(self._load, att_id)

    def _load(self, att_id: str) -> Prepared | None:
        try:
            raw = self._journal.attachment_data(att_id)
        except JournalError:
            log.warning("attachment could not be read for the report")
            return None
        return prepare(raw)

    def get(self, att_id: str) -> Prepared | None:
        """The reduced picture (or None if it cannot be drawn); pictures are asked in order."""
        future = self._futures.pop(att_id, None)
        if future is None:  # not expected: asked out of order
            result = self._load(att_id)
        else:
            result = future.result()
        self._fill()
        return result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()
