"""Pictures for the report, decoded and reduced in memory (never written to a file)."""

from __future__ import annotations

import logging
import os
import struct
import subprocess
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from io import BytesIO
from pathlib import Path
from typing import Any

from journal.core.childproc import NO_CONSOLE
from journal.core.errors import JournalError
from journal.core.models import Attachment

log = logging.getLogger(__name__)

MAX_SIDE = 1100  # pixels on the longer side in the PDF: sharp when printed at A4 width
# A picture at most this much over MAX_SIDE keeps its pixels (re-encoded without metadata all
# the same): resampling a phone screenshot of 1,170 px to 1,100 cost 8–13 ms of the ≈ 20 ms a
# picture takes, to save 6 % of its pixels. The picture is drawn at the same size either way.
RESAMPLE_ABOVE = 1.25
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
        # Pillow refuses more than twice MAX_IMAGE_PIXELS and only warns above it: refused here
        # by a plain check, not by turning the warning into an error (warnings.catch_warnings
        # changes process-wide filters: two pictures prepared at once would undo each other's)
        with Image.open(BytesIO(data)) as img:
            if img.width * img.height > (Image.MAX_IMAGE_PIXELS or sys.maxsize):
                raise Image.DecompressionBombError("picture too large")
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
            if max(pic.size) > MAX_SIDE * RESAMPLE_ABOVE:
                pic.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.BILINEAR,
                              reducing_gap=1.0)
            # nothing of the original's metadata rides along (EXIF with GPS and device, XMP,
            # comments): Pillow copies some of it from .info when saving
            pic.info.clear()
            out = BytesIO()
            pic.save(out, "JPEG", quality=JPEG_QUALITY, optimize=False)
            return out.getvalue(), pic.width, pic.height
    except Exception as exc:  # noqa: BLE001 - any undecodable or hostile file: listed, not drawn
        log.info("attachment is not a drawable picture: %s", type(exc).__name__)
        return None


Prepared = tuple[bytes, int, int]

_HEADER = struct.Struct(">I")  # length of what follows
_RESULT = struct.Struct(">BII")  # ok, width, height


# The helper loads this file alone (by its path, given as an argument: any folder name, any
# platform), not through the ``journal.core.report`` package, whose import would bring reportlab
# and the whole report (≈ 0.4 s of CPU at every export) into a process that only reduces pictures.
_HELPER_CODE = (
    "import importlib.util as u, sys\n"
    "spec = u.spec_from_file_location('journal_report_pictures', sys.argv[1])\n"
    "module = u.module_from_spec(spec)\n"
    "spec.loader.exec_module(module)\n"
    "module._helper_main()\n"
)


class Helper:
    """A helper process that reduces pictures: ``python -c`` running :func:`_helper_main`, fed
    through its standard input and answering on its standard output. Nothing else of the app
    is loaded in it and nothing is written to a file. Pictures go one at a time."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _HELPER_CODE, str(Path(__file__).resolve())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=None,  # inherited: it prints nothing but a failure to start
            env=env,
            creationflags=NO_CONSOLE,
            close_fds=True,
            cwd=str(Path(__file__).resolve().parents[3]),  # the folder holding "journal"
        )
        self._lock = threading.Lock()

    def prepare(self, data: bytes) -> Prepared | None:
        with self._lock:
            stdin, stdout = self._proc.stdin, self._proc.stdout
            assert stdin is not None and stdout is not None
            stdin.write(_HEADER.pack(len(data)))
            stdin.write(data)
            stdin.flush()
            ok, width, height = _RESULT.unpack(_read_exactly(stdout, _RESULT.size))
            (size,) = _HEADER.unpack(_read_exactly(stdout, _HEADER.size))
            jpeg = _read_exactly(stdout, size)
        return (jpeg, width, height) if ok else None

    def close(self) -> None:
        try:
            if self._proc.stdin is not None:
                self._proc.stdin.close()  # the helper ends at end of input
            self._proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self._proc.kill()
            self._proc.wait()
        finally:
            if self._proc.stdout is not None:
                self._proc.stdout.close()


def _read_exactly(stream: Any, n: int) -> bytes:
    chunks: list[bytes] = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            raise EOFError("picture helper ended")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _helper_main() -> None:
    """The helper process: read length-prefixed pictures, answer with reduced JPEGs."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        header = stdin.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return
        (size,) = _HEADER.unpack(header)
        result = prepare(_read_exactly(stdin, size))
        jpeg, width, height = result if result is not None else (b"", 0, 0)
        stdout.write(_RESULT.pack(result is not None, width, height))
        stdout.write(_HEADER.pack(len(jpeg)))
        stdout.write(jpeg)
        stdout.flush()


def start_helper() -> Helper | None:
    """Start the picture helper now (it takes a moment), or None when there cannot be one: a
    frozen app (its executable is the app, not Python) or a failure to start."""
    if getattr(sys, "frozen", False) or not sys.executable:
        return None
    try:
        return Helper()
    except OSError as exc:
        log.info("no helper process for pictures: %s", type(exc).__name__)
        return None


class Prefetcher:
    """Prepares the pictures ahead of the layout, taken in order where they are drawn.

    With the helper process, one thread feeds it the pictures one at a time (it takes one at a
    time) and they are reduced there, away from this process's GIL. Without one (a frozen app:
    its executable is the app, not Python) ``workers`` threads reduce them here: Pillow lets go
    of the GIL while it decodes, resamples and encodes, so two pictures go on the second core
    alongside the layout instead of one.

    Memory stays bounded: at most ``workers`` originals are read and decoded at once (the
    decoded picture lives only inside :func:`prepare`), and at most ``lookahead`` reduced
    pictures (JPEG bytes, about 100 KB each: what the PDF will hold anyway) wait to be drawn.
    """

    def __init__(
        self,
        journal: Any,
        attachments: Sequence[Attachment],
        lookahead: int = 64,
        helper: Helper | None = None,
        workers: int = 2,
    ) -> None:
        self._journal = journal
        self._order = [a.id for a in attachments]
        self._lookahead = max(1, lookahead)
        self._helper = helper  # owned by the caller (see start_helper)
        self._futures: dict[str, Future[Prepared | None]] = {}
        self._next = 0
        self.workers = 1 if helper is not None else max(1, workers)
        self._pool = ThreadPoolExecutor(
            max_workers=self.workers, thread_name_prefix="report-pictures"
        )
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
        helper = self._helper
        if helper is not None:
            try:
                return helper.prepare(raw)
            except (OSError, EOFError, ValueError, struct.error) as exc:
                log.info("picture helper failed: %s", type(exc).__name__)
                self._helper = None  # carry on without it
        return prepare(raw)

    def get(self, att_id: str) -> Prepared | None:
        """The reduced picture (or None if it cannot be drawn); pictures are asked in order."""
        future = self._futures.pop(att_id, None)
        result = self._load(att_id) if future is None else future.result()
        self._fill()
        return result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()
