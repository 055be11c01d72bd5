"""Logging to a rotating file in the log dir. Log lines name events and ids, never content."""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from typing import Any

from journal.core import paths

_configured: Path | None = None


def setup_logging(name: str, level: int = logging.INFO) -> Path:
    """Send this process's log to ``<log dir>/<name>.log`` (owner-only); return its path."""
    global _configured
    if _configured is not None:
        return _configured
    directory = paths.log_dir()
    log_file = directory / f"{name}.log"
    try:
        paths.ensure_private_dir(directory)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=512 * 1024, backupCount=2, encoding="utf-8")
        log_file.touch(mode=0o600, exist_ok=True)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(ContentFreeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = log_file
    return log_file


def describe_exception(exc: BaseException) -> str:
    """An exception for the log: its type and the code locations, never its message (which can
    quote what the user typed, e.g. ``KeyError('<a name>')``)."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    return f"{type(exc).__module__}.{type(exc).__qualname__}\n{frames}".rstrip()


class ContentFreeFormatter(logging.Formatter):
    """Formats a logged exception as its type and code locations, never its message: a message
    can quote journal content (``log.exception(...)`` after ``KeyError('<a name>')``)."""

    def formatException(self, ei: Any) -> str:  # logging's name
        exc_type, _exc, tb = ei
        frames = "".join(traceback.format_tb(tb))
        name = exc_type.__qualname__ if exc_type is not None else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name} (message not logged)"

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_text  # another handler may have cached the full text, message and all
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = saved
