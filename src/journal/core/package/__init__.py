"""Evidence packages: a zipped, signed BagIt bag of the report, the originals, the entries and
the audit chain that anyone can check with standard tools (``build``), and the check itself
without a journal or passphrase (``check``)."""

from journal.core.package.build import (
    SIZE_NOTICE_BYTES,
    PackageStats,
    build_package,
    check_out_path,
    estimate_size,
)
from journal.core.package.check import PackageCheck, Problem, verify_package

__all__ = [
    "SIZE_NOTICE_BYTES", "PackageCheck", "PackageStats", "Problem", "build_package",
    "check_out_path", "estimate_size", "verify_package",
]
