"""PySide6 6.12's abi3 wheel drops a reference to None on each void call under Python 3.11;
journal.gui pins the singletons so a long session cannot abort (see journal/gui/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import journal.gui
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(30000):
    label.setText("x")
    label.setVisible(False)
print("ok")
"""


def test_long_session_of_void_calls_does_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"
