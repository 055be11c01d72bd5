"""One writer at a time: inter-process locks beside the journal file (portalocker: flock on Linux
and macOS, LockFileEx on Windows).

Two empty lock files sit next to ``NAME.ijournal``; they never hold content:

- ``NAME.ijournal.lock``: every process that has the journal open holds a *shared* lock on it.
  Re-key, restore from a backup and schema migrations need it *exclusively*: they are refused
  while any other process (a reader included) has the journal open.
- ``NAME.ijournal.writer.lock``: the process that may write holds an *exclusive* lock on it; a
  second writer is refused with ``JournalBusyError``; readers do not touch it.

Locks are counted per process (two journals open on the same file inside one process share the
process's locks), because the operating system's locks are per process or per open file anyway.
A journal in a folder where no lock file can be created (read-only media) gets no lock: nothing can
write there, so it is opened read-only.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from journal.core.errors import InputError
from journal.core.i18n import register

log = logging.getLogger(__name__)


def _import_portalocker() -> Any:
    """portalocker's import asks ``tempfile.gettempdir()`` for a default it never uses here, and
    that writes (and deletes) a probe file in the temporary folder; the app writes nothing there,
    so the question is answered for the import and then forgotten."""
    saved = tempfile.tempdir
    tempfile.tempdir = saved if saved is not None else os.curdir
    try:
        import portalocker as module
    finally:
        tempfile.tempdir = saved
    return module


portalocker = _import_portalocker()

OPEN_SUFFIX = ".lock"
WRITER_SUFFIX = ".writer.lock"

register({
    "error.journal_busy": {
        "en": "The journal {path} is open in another window or program, so it cannot be changed "
        "here. Close it there first, or open it read-only. Nothing was changed.",
        "zh": "日志 {path} 已在另一个窗口或程序中打开，因此不能在这里修改。请先在那里关闭它，"
        "或者以只读方式打开。没有任何改动。",
    },
    "error.journal_in_use": {
        "en": "The journal {path} is open in another window or program. Close it everywhere else "
        "first, then try again. Nothing was changed.",
        "zh": "日志 {path} 正在另一个窗口或程序中打开。请先在其他地方全部关闭，再重试。没有任何改动。",
    },
})


class JournalBusyError(InputError):
    """Another process holds the lock this operation needs (exit 1, nothing changed)."""

    key = "error.journal_busy"


def lock_paths(journal: Path) -> tuple[Path, Path]:
    """The two lock files of ``journal`` (open lock, writer lock)."""
    return Path(str(journal) + OPEN_SUFFIX), Path(str(journal) + WRITER_SUFFIX)


def _key(path: Path) -> str:
    try:
        return os.path.normcase(os.path.realpath(path))
    except OSError:
        return os.path.normcase(os.path.abspath(path))


def _open_lock_file(path: Path, write: bool = False) -> IO[bytes] | None:
    """The lock file opened for locking (created, owner-only); None where it cannot be created.
    For a writer, a full disk is said as such (``error.disk_full``)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        if write and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise InputError("error.disk_full", path=str(path)[: -len(OPEN_SUFFIX)]) from None
        try:  # it may exist on a folder we cannot write: a read-only descriptor still locks
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
    return os.fdopen(fd, "rb")


def _try_lock(fh: IO[bytes], flags: Any) -> bool:
    try:
        portalocker.lock(fh, flags | portalocker.LockFlags.NON_BLOCKING)
    except (portalocker.exceptions.LockException, OSError):
        return False
    return True


class _Held:
    """This process's locks on one journal, counted."""

    def __init__(self) -> None:
        self.open_fh: IO[bytes] | None = None
        self.open_count = 0
        self.writer_fh: IO[bytes] | None = None
        self.writer_count = 0


_held: dict[str, _Held] = {}
_guard = threading.RLock()


class Lease:
    """What one open journal holds. ``write`` tells whether it may change the file."""

    def __init__(self, path: Path, key: str, write: bool, locked: bool) -> None:
        self.path = path
        self._key = key
        self.write = write
        self.locked = locked  # False: no lock file could be made (read-only media)
        self._released = False

    def release(self) -> None:
        with _guard:
            if self._released:
                return
            self._released = True
            if not self.locked:
                return
            held = _held.get(self._key)
            if held is None:
                return
            if self.write:
                held.writer_count -= 1
                if held.writer_count == 0 and held.writer_fh is not None:
                    _close(held.writer_fh)
                    held.writer_fh = None
            held.open_count -= 1
            if held.open_count == 0:
                if held.open_fh is not None:
                    _remove_if_last(held.open_fh, self.path)
                    _close(held.open_fh)
                del _held[self._key]

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Inside: no other process (and no other journal object of this process) has the file
        open. ``JournalBusyError("error.journal_in_use")`` otherwise, with nothing changed."""
        with _guard:
            held = _held.get(self._key)
            if not self.locked or held is None or held.open_fh is None:
                yield  # no lock files on read-only media: nothing can be changed there anyway
                return
            if held.open_count > 1:
                raise JournalBusyError("error.journal_in_use", path=str(self.path))
            fh = held.open_fh
            portalocker.unlock(fh)  # shared -> exclusive is not atomic on every platform
            if not _try_lock(fh, portalocker.LockFlags.EXCLUSIVE):
                if not _try_lock(fh, portalocker.LockFlags.SHARED):
                    log.warning("could not take the shared journal lock back")
                raise JournalBusyError("error.journal_in_use", path=str(self.path))
            try:
                yield
            finally:
                portalocker.unlock(fh)
                if not _try_lock(fh, portalocker.LockFlags.SHARED):
                    log.warning("could not take the shared journal lock back")


def _same_file(fh: IO[bytes], path: Path) -> bool:
    """Whether ``path`` still names the file ``fh`` has open (a lock file may have been removed
    by its last holder between our open and our lock)."""
    try:
        a, b = os.fstat(fh.fileno()), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _remove_if_last(open_fh: IO[bytes], journal: Path) -> None:
    """Remove both lock files when nobody else has the journal open (we get the open lock
    exclusively), so that closing leaves the folder as it was. Whoever opened the old file
    meanwhile notices (``_same_file``) and starts again."""
    open_path, writer_path = lock_paths(journal)
    portalocker.unlock(open_fh)
    if not _try_lock(open_fh, portalocker.LockFlags.EXCLUSIVE):
        return
    for p in (writer_path, open_path):
        with contextlib.suppress(OSError):  # Windows: another process may have it open
            os.unlink(p)


def _close(fh: IO[bytes]) -> None:
    with contextlib.suppress(Exception):
        portalocker.unlock(fh)
    with contextlib.suppress(OSError):
        fh.close()


def acquire(path: Path, write: bool) -> Lease:
    """Take the locks for opening ``path``: always the shared open lock, and with ``write`` the
    writer lock. ``JournalBusyError`` when another process writes it (or, for the open lock,
    holds it exclusively for a re-key or restore). Where the lock files cannot be created the
    lease is unlocked and read-only."""
    path = Path(path)
    key = _key(path)
    open_path, writer_path = lock_paths(path)
    with _guard:
        held = _held.get(key)
        fresh = held is None
        if held is None:
            for _attempt in range(20):
                fh = _open_lock_file(open_path, write)
                if fh is None:
                    log.info("no lock file possible beside the journal: opening read-only")
                    return Lease(path, key, write=False, locked=False)
                if not _try_lock(fh, portalocker.LockFlags.SHARED):
                    _close(fh)
                    raise JournalBusyError("error.journal_in_use", path=str(path))
                if _same_file(fh, open_path):
                    break
                _close(fh)  # its last holder removed it meanwhile: open the new one
            else:
                raise JournalBusyError("error.journal_in_use", path=str(path))
            held = _Held()
            held.open_fh = fh
            _held[key] = held
        held.open_count += 1
        if write and held.writer_count == 0:
            wfh = _open_lock_file(writer_path)
            if wfh is not None and not _same_file(wfh, writer_path):
                _close(wfh)
                wfh = _open_lock_file(writer_path)
            if wfh is None or not _try_lock(wfh, portalocker.LockFlags.EXCLUSIVE):
                if wfh is not None:
                    _close(wfh)
                held.open_count -= 1
                if fresh:
                    _close(held.open_fh)  # type: ignore[arg-type]
                    del _held[key]
                busy = wfh is not None
                if busy:
                    raise JournalBusyError(path=str(path))
                return acquire(path, write=False)
            held.writer_fh = wfh
        if write:
            held.writer_count += 1
        return Lease(path, key, write=write, locked=True)


def writer_elsewhere(path: Path) -> bool:
    """Whether another process holds the writer lock of ``path`` right now (a probe)."""
    with _guard:
        held = _held.get(_key(Path(path)))
        if held is not None and held.writer_count > 0:
            return False
    fh = _open_lock_file(lock_paths(Path(path))[1])
    if fh is None:
        return False
    try:
        return not _try_lock(fh, portalocker.LockFlags.EXCLUSIVE)
    finally:
        _close(fh)
