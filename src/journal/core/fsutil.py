"""Crash-safe file writing: the one place that knows how to replace a file atomically.

A file is written under a unique temporary name in its own folder, flushed to disk, moved over the
target with ``os.replace`` (atomic on POSIX and Windows) and then the folder itself is flushed, so
that after a crash the target holds either the old bytes or the new ones, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

TEMP_SUFFIX = ".part"
# how much of the target's name (in UTF-8 bytes) a temporary name repeats: file names are limited
# to 255 bytes, and the rest of a temporary name takes up to about 40
NAME_KEEP_BYTES = 180
# Windows cannot open a folder as a file (and needs no folder flush after a rename)
CAN_OPEN_DIRS = os.name != "nt"


def fsync_dir(directory: os.PathLike[str] | str) -> None:
    """Flush a folder's entries (a rename, a new file) to disk.

    Windows cannot open a folder as a file; there (and on any file system that refuses) this does
    nothing, which is what the platform offers.
    """
    if not CAN_OPEN_DIRS:
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_path_for(target: Path, tag: str = "", suffix: str = TEMP_SUFFIX) -> Path:
    """A fresh hidden name next to ``target``: ``.<name>.[<tag>-]<pid>-<random><suffix>``, unique
    per call (threads and processes may write beside the same target at once)."""
    middle = f"{tag}-" if tag else ""
    return target.with_name(
        f".{short_name(target.name)}.{middle}{os.getpid()}-{secrets.token_hex(4)}{suffix}")


def short_name(name: str) -> str:
    """``name`` cut to at most ``NAME_KEEP_BYTES`` bytes of UTF-8 (never inside a character)."""
    return name.encode("utf-8")[:NAME_KEEP_BYTES].decode("utf-8", "ignore")


def write_bytes_atomic(target: os.PathLike[str] | str, data: bytes, mode: int = 0o600) -> None:
    """Replace ``target`` with ``data`` atomically. Raises ``OSError``; leaves no temporary file."""
    target = Path(target)
    tmp = temp_path_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)


def write_text_atomic(target: os.PathLike[str] | str, text: str, mode: int = 0o600) -> None:
    write_bytes_atomic(target, text.encode("utf-8"), mode)


def fsync_file(path: os.PathLike[str] | str) -> None:
    """Flush a file that was written by someone else (e.g. SQLite) to disk."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
