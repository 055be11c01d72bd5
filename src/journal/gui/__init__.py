"""The PySide6 window. Importing this package first applies a Python 3.11 workaround (below).

PySide6 6.12 ships an abi3 wheel built for Python 3.12+, where ``None``, ``True`` and ``False``
are immortal and returning them from C needs no reference increment. Under Python 3.11 every void
Qt call (``QLabel.setText``, ``processEvents`` …) therefore drops one reference to ``None``; after
a few thousand calls the interpreter aborts with "Fatal Python error: none_dealloc" — a frightened
user's app would crash mid-entry. Reproducer: 1,000 × ``QLabel().setText("x")`` lowers
``sys.getrefcount(None)`` by exactly 1,000. Until PySide6 fixes it, we make these singletons
effectively immortal on Python < 3.12 by adding 2**40 to their reference counts (CPython's own
fix in 3.12 made them immortal the same way). Nothing else is touched.
"""

from __future__ import annotations

import sys


def _immortalise_singletons() -> None:
    if sys.version_info >= (3, 12) or getattr(sys, "_journal_singletons_pinned", False):
        return
    import ctypes

    for obj in (None, True, False, Ellipsis, NotImplemented):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    sys._journal_singletons_pinned = True  # type: ignore[attr-defined]


_immortalise_singletons()
