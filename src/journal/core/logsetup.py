"""Logging to a rotating file in the log dir. Log lines name events and ids, never content."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

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
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = log_file
    return log_file
