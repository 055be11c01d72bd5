"""Giving memory the window no longer uses back to the system.

The warning signs of a large journal are evaluated in a background thread, which allocates a
great deal for a short time (about 150 MB at 100,000 entries). Freed, that memory stays with the
process: glibc keeps a thread's freed blocks in that thread's arena, so the window's resident size
stays at its highest and the next evaluation (after every save) adds to it. Asking the C library
to return its free pages after each evaluation keeps the window near what it really holds
(measured: 292 → 255 MB at 100,000 entries, docs/BENCHMARKS.md).

Where the C library offers no such call the function does nothing: glibc's ``malloc_trim`` on
Linux, the Universal CRT's ``_heapmin`` on Windows; elsewhere (macOS) the system's allocator
returns memory on its own.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)


def _find_release() -> Callable[[], object] | None:
    try:
        if sys.platform.startswith("linux"):
            # the C library already loaded in this process (no search for it: that would run
            # programs and open files)
            trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # glibc only (not musl)
            if trim is not None:
                trim.argtypes = [ctypes.c_size_t]
                return lambda: trim(0)
        elif sys.platform == "win32":
            heapmin = getattr(ctypes.CDLL("ucrtbase"), "_heapmin", None)
            if heapmin is not None:
                return lambda: heapmin()
    except (OSError, AttributeError):
        log.info("no way to give free memory back here")
    return None


_release = _find_release()


def give_back_free_memory() -> None:
    """Return the C library's free memory to the system (nothing where it cannot be asked)."""
    if _release is not None:
        _release()
