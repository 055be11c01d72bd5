"""journal.core must import without Qt (STYLE §1): import every core module with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys

class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError("Qt is blocked in this test: " + name)
        return None

sys.meta_path.insert(0, Block())
import journal.core
names = [m.name for m in pkgutil.walk_packages(journal.core.__path__, "journal.core.")]
for name in names:
    importlib.import_module(name)
import journal.cli
print(len(names))
"""


def test_core_imports_without_qt() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) >= 15
