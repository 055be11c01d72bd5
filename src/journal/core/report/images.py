"""Pictures for the report, decoded and reduced in memory (never written to a file)."""

from __future__ import annotations

import logging
import warnings
from io import BytesIO

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
    except Exception as exc:  # any undecodable or hostile file: listed, not drawn
        log.info("attachment is not a drawable picture: %s", type(exc).__name__)
        return None
