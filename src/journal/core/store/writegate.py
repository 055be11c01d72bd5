"""What stands before every write: the journal must be open for writing, and its pages must pass
their HMAC check (the pre-write check: a damaged journal is never written).

The check reads the raw file once (HMAC-SHA512 per 4 KiB page; nothing is decrypted). The window
starts it in the background right after unlocking; a write that comes before it has finished
waits for it. The command line runs it at the first write.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from journal.core.errors import JournalError, NotAJournalError
from journal.core.pagecheck import damaged_pages
from journal.core.store.connection import KeyMaterial

log = logging.getLogger(__name__)


class WriteGate:
    def __init__(self, path: Path, keys: KeyMaterial, refusal: JournalError | None = None) -> None:
        self._path = path
        self._keys = keys
        self._refusal = refusal  # set: every write raises it (read-only, or damaged)
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._started = False
        self.damaged: list[int] = []
        self.elapsed_ms: float | None = None
        if refusal is not None:  # nothing will be written: no check needed
            self._done.set()
            self._started = True

    @property
    def refusal(self) -> JournalError | None:
        return self._refusal

    def refuse(self, error: JournalError) -> None:
        self._refusal = error

    def start(self) -> None:
        """Run the pre-write check in a background thread (once)."""
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._run, name="prewrite-check", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the check is done (running it here if nobody started it)."""
        with self._lock:
            run_here = not self._started
            self._started = True
        if run_here:
            self._run()
        return self._done.wait(timeout)

    def _run(self) -> None:
        start = time.perf_counter()
        try:
            bad = damaged_pages(self._path, self._keys.key, self._keys.header)
        except OSError as exc:
            log.warning("pre-write check could not read the file: %s", type(exc).__name__)
            bad = []
        except Exception:
            log.exception("pre-write check failed")
            bad = []
        self.elapsed_ms = (time.perf_counter() - start) * 1000
        if bad:
            self.damaged = bad
            log.warning("pre-write check: %d damaged page(s); writes refused", len(bad))
            self._refusal = NotAJournalError("error.damaged", n=len(bad))
        else:
            log.info("pre-write check passed in %.0f ms", self.elapsed_ms)
        self._done.set()

    def __call__(self) -> None:
        """Before a write: raise the refusal, after waiting for the check."""
        if self._refusal is not None:
            raise self._refusal
        self.wait()
        if self._refusal is not None:
            raise self._refusal
