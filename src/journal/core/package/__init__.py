"""Evidence packages: a zipped, signed BagIt bag of the report, the originals, the entries and
the audit chain that anyone can check with standard tools (``build``), and the check itself
without a journal or passphrase (``check``).

The builder (reportlab and the report) is imported only when first used, so that
``journal-cli verify-package`` starts quickly.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from journal.core.package.check import TAG_FILES, PackageCheck, Problem, verify_package

_FROM_BUILD = ("SIZE_NOTICE_BYTES", "PackageStats", "build_package", "check_out_path",
               "estimate_size")

__all__ = ["SIZE_NOTICE_BYTES", "TAG_FILES", "PackageCheck", "PackageStats", "Problem",
           "build_package", "check_out_path", "estimate_size", "verify_package"]


def __getattr__(name: str) -> Any:
    if name in _FROM_BUILD:
        value = getattr(import_module("journal.core.package.build"), name)
        globals()[name] = value
        return value
    raise AttributeError(name)
