"""Process settings that keep decrypted content out of crash dumps, set at start-up by the
window and the command line.

- the core-dump size limit is set to zero (POSIX ``RLIMIT_CORE``), so a crash writes no core
  file holding the key or open entries;
- on Linux the process is marked non-dumpable (``prctl(PR_SET_DUMPABLE, 0)``): no core dump
  even where a system collector ignores the limit, and other processes of the same user cannot
  attach a debugger or read its memory through /proc.

Each step is skipped where the platform lacks it; nothing here ever stops the app from starting.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def _no_core_files() -> bool:
    try:
        import resource
    except ImportError:  # Windows
        return False
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        return False
    return True


def _libc() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True)
    except (OSError, AttributeError):
        return None


def _not_dumpable() -> bool:
    libc = _libc()
    prctl = getattr(libc, "prctl", None)
    if prctl is None:
        return False
    try:
        return int(prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)) == 0
    except (OSError, TypeError, ValueError):
        return False


def is_dumpable() -> bool | None:
    """Whether this process may be dumped or traced (None where the platform cannot say)."""
    prctl = getattr(_libc(), "prctl", None)
    if prctl is None:
        return None
    return bool(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def harden_process() -> list[str]:
    """Apply what the platform supports; the names of the steps that took effect."""
    done = []
    if _no_core_files():
        done.append("no-core-files")
    if _not_dumpable():
        done.append("not-dumpable")
    log.info("process hardening: %s", ", ".join(done) or "none available")
    return done
