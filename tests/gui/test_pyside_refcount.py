"""The installed PySide6 must not leak or drop references to ``None`` on void calls.

PySide6 6.12 on Python 3.11 drops one reference to ``None`` per void call (``QLabel.setText``),
and the interpreter aborts after a few thousand; pyproject.toml therefore pins PySide6 below 6.12
on Python < 3.12. This test measures the installed combination, with no workaround in memory.
"""

from __future__ import annotations

import sys
from typing import Any

CALLS = 10_000


def test_ten_thousand_void_qt_calls_leave_the_reference_count_of_none_unchanged(qapp: Any) -> None:
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    texts = ("a", "b")
    label.setText("x")  # warm up: the first call may create caches that hold a reference
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText(texts[i & 1])
    after = sys.getrefcount(None)
    assert label.text() == texts[(CALLS - 1) & 1]
    # On 3.11 each dropped reference lowers the count by one; on 3.12+ None is immortal and its
    # count is a constant. Either way the count must not move.
    assert after - before == 0, f"None's reference count drifted by {after - before}"
