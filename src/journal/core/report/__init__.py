"""The report (DESIGN §5): a PDF for a teacher or an official, and a short plain-text summary.

The PDF's module (reportlab and its fonts, ≈ 0.3 s to import) is imported when ``build_pdf`` is
first asked for, so that the text summary (``journal-cli export text``) does not pay for it.
"""

from typing import TYPE_CHECKING

from journal.core.report.options import ReportOptions, ReportStats
from journal.core.report.text import build_text

if TYPE_CHECKING:  # pragma: no cover
    from journal.core.report.pdf import build_pdf

__all__ = ["ReportOptions", "ReportStats", "build_pdf", "build_text"]


def __getattr__(name: str) -> object:
    if name == "build_pdf":
        from journal.core.report.pdf import build_pdf

        return build_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
